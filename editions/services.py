"""Finding the edition a page is about."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from core import query
from editions.models import Edition

# Every page's header names the edition's village and lounge in its own wording.
WITH_WORDING = ("startup_call", "lounge", "public_programme")


def current_edition() -> Edition:
    editions = Edition.objects.published().select_related(*WITH_WORDING)
    edition = editions.filter(is_current=True).first()
    if edition is None:
        # Before an organiser marks one current, show the most recent one.
        edition = editions.order_by("-starts_on").first()
    if edition is None:
        raise Http404("No edition has been published yet.")
    return edition


def published_edition(slug: str) -> Edition:
    return get_object_or_404(Edition.objects.published().select_related(*WITH_WORDING), slug=slug)


def staff_edition(request) -> Edition:
    """The edition named by `?edition=<slug>` (any, published or not: staff prepare
    the next one), else the current one."""
    slug = query.slug(request.GET, "edition")
    return get_object_or_404(Edition, slug=slug) if slug else current_edition()
