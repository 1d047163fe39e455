"""Public pages of the public programme. PLACEHOLDER: replaced by the public-views work."""

from django.http import Http404


def _placeholder(request, *args, **kwargs):
    raise Http404


activity_list = availability = booking = cancel = activity_detail = book = _placeholder
