"""Finding the edition a page is about."""

import re

from django.http import Http404
from django.shortcuts import get_object_or_404

from editions.models import Edition

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,50}")
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
    slug = request.GET.get("edition", "")
    if not slug:
        return current_edition()
    if not SLUG.fullmatch(slug):  # e.g. a NUL character, which PostgreSQL refuses
        raise Http404
    return get_object_or_404(Edition, slug=slug)
