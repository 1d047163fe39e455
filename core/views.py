from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from editions.rendering import render_for_edition
from editions.services import current_edition


def not_found(request, exception=None):
    """404 in the visitor's language, with the site's layout."""
    return render(request, "404.html", status=404)


@require_GET
def privacy_notice(request):
    """What personal data the platform keeps, why, for how long, and the rights of
    the people concerned (Moroccan law 09-08, compatible with the GDPR)."""
    context = {"months": settings.PERSONAL_DATA_RETENTION_MONTHS, "nav": "privacy"}
    try:
        edition = current_edition()
    except Http404:
        return render(request, "core/privacy.html", context)
    return render_for_edition(request, "core/privacy.html", context, edition)
