from django.utils.translation import get_language_bidi


def site(request):
    """What every page's layout needs: the text direction and language links."""
    return {"text_direction": "rtl" if get_language_bidi() else "ltr"}
