"""Finding the edition a page is about."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from editions.models import Edition


def current_edition() -> Edition:
    edition = Edition.objects.published().filter(is_current=True).first()
    if edition is None:
        # Before an organiser marks one current, show the most recent one.
        edition = Edition.objects.published().order_by("-starts_on").first()
    if edition is None:
        raise Http404("No edition has been published yet.")
    return edition


def published_edition(slug: str) -> Edition:
    return get_object_or_404(Edition.objects.published(), slug=slug)
