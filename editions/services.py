"""Finding the edition a page is about, and making one the current edition."""

from typing import NamedTuple

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from core import query
from core.errors import RuleError
from editions.models import Edition

# The session's record of the edition a staff member works on, when it is not the
# current one: staff pages follow it without `?edition=` on every link.
STAFF_EDITION_KEY = "staff_edition"

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
    the next one), else the one the staff member chose to work on, else the current one."""
    editions = Edition.objects.select_related(*WITH_WORDING)
    slug = query.slug(request.GET, "edition")
    if slug:
        return get_object_or_404(editions, slug=slug)
    chosen = request.session.get(STAFF_EDITION_KEY)
    # A chosen edition deleted since is forgotten: back to the current one.
    edition = editions.filter(pk=chosen).first() if isinstance(chosen, int) else None
    return edition or current_edition()


def choose_staff_edition(request, edition: Edition) -> None:
    """Staff pages follow `edition` from now on in this session. Choosing the current
    edition is choosing to follow whichever edition is current, even a later one."""
    if edition.is_current:
        request.session.pop(STAFF_EDITION_KEY, None)
    else:
        request.session[STAFF_EDITION_KEY] = edition.pk


class EditionError(RuleError):
    """A rule about editions refused; `message` is translated, `code` is for machines."""


class CurrentSwap(NamedTuple):
    edition: Edition
    previous: Edition | None  # the current edition until now, if any
    published: bool  # the edition was unpublished until now
    changed: bool  # False when it was the current edition already


def make_current(edition: Edition, *, by) -> CurrentSwap:
    """Make `edition` the one visitors see on the home page, in one step: the previous
    current edition becomes an archive in the same transaction, so visitors never see
    none or two. An unpublished edition is published with it: "current" means "shown
    on the home page", and refusing would bring back the second save this replaces."""
    with transaction.atomic():
        # Every edition row locked, in one order: two staff making two editions current
        # at once take turns, and the second one's swap sees the first one's.
        list(Edition.objects.select_for_update().order_by("pk").values_list("pk", flat=True))
        chosen = Edition.objects.filter(pk=edition.pk).first()
        if chosen is None:
            raise EditionError(_("This edition no longer exists."), "gone")
        previous = Edition.objects.filter(is_current=True).exclude(pk=chosen.pk).first()
        if chosen.is_current:
            return CurrentSwap(chosen, None, published=False, changed=False)
        if previous is not None:
            previous.is_current = False
            previous.save(update_fields=["is_current"])
        was_published = chosen.is_published
        chosen.is_current = chosen.is_published = True
        chosen.made_current_at, chosen.made_current_by = timezone.now(), by
        chosen.save(
            update_fields=["is_current", "is_published", "made_current_at", "made_current_by"]
        )
    return CurrentSwap(chosen, previous, published=not was_published, changed=True)
