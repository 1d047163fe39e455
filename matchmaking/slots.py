"""The lounge's meeting slots, generated from its opening hours.

Staff give a day, an opening and a closing time; the lounge's meeting length
(`Lounge.meeting_minutes`, e.g. 20 minutes) cuts it into back-to-back slots.
A lunch break is left out by generating two ranges (09:00–12:40, 14:00–18:00).
Generating again never duplicates a slot: a slot that would overlap one the
lounge already has is skipped, so a range can be re-run or widened safely.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from core.errors import RuleError
from matchmaking.models import Lounge, LoungeSlot


class SlotError(RuleError):
    """A rule refused the slots; `message` is translated, `code` is for machines."""


@dataclass
class Generated:
    created: list[LoungeSlot]
    skipped: int  # slots of the range the lounge already had (or that overlap one)


def slot_times(
    lounge: Lounge, *, day: date, opens: time, closes: time, minutes: int | None = None
) -> list[tuple[datetime, datetime]]:
    """The (start, end) of each whole slot between opening and closing, checked."""
    edition = lounge.edition
    minutes = minutes or lounge.meeting_minutes
    if day not in edition.days:
        first, last = (
            formats.date_format(d, "DATE_FORMAT") for d in (edition.starts_on, edition.ends_on)
        )
        raise SlotError(
            _("The lounge can only open on the days of the edition (%(first)s – %(last)s).")
            % {"first": first, "last": last},
            "outside_edition",
        )
    if closes <= opens:
        raise SlotError(_("The closing time must come after the opening time."), "closes_first")
    start = datetime.combine(day, opens, tzinfo=edition.tz).astimezone(UTC)
    end = datetime.combine(day, closes, tzinfo=edition.tz).astimezone(UTC)
    length = timedelta(minutes=minutes)
    count = (end - start) // length
    if count == 0:
        raise SlotError(
            _("Not even one %(minutes)s-minute meeting fits between these times.")
            % {"minutes": minutes},
            "too_short",
        )
    return [(start + k * length, start + (k + 1) * length) for k in range(count)]


def generate_slots(
    lounge: Lounge, *, day: date, opens: time, closes: time, minutes: int | None = None
) -> Generated:
    """Add the slots of one opening range, skipping any the lounge already has."""
    wanted = slot_times(lounge, day=day, opens=opens, closes=closes, minutes=minutes)
    with transaction.atomic():
        # One generation at a time per lounge, so two staff members cannot interleave.
        Lounge.objects.select_for_update().filter(pk=lounge.pk).first()
        existing = list(
            lounge.slots.filter(starts_at__lt=wanted[-1][1], ends_at__gt=wanted[0][0]).values_list(
                "starts_at", "ends_at"
            )
        )
        new = [
            LoungeSlot(lounge=lounge, starts_at=start, ends_at=end)
            for start, end in wanted
            if not any(
                start < other_end and other_start < end for other_start, other_end in existing
            )
        ]
        LoungeSlot.objects.bulk_create(new)
    return Generated(created=new, skipped=len(wanted) - len(new))
