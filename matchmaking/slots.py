"""The lounge's meeting slots, generated from its opening hours.

Staff give a day, an opening and a closing time; the lounge's meeting length
(`Lounge.meeting_minutes`, e.g. 20 minutes) cuts it into back-to-back slots.
A lunch break is left out by generating two ranges (09:00–12:40, 14:00–18:00).
Generating again never duplicates a slot: a slot that would overlap one the
lounge already has is skipped, so a range can be re-run or widened safely.
"""

from dataclasses import dataclass
from datetime import date, time

from django.db import transaction
from django.utils.translation import gettext_lazy

from editions.opening_hours import Refusals, slot_times
from matchmaking.models import Lounge, LoungeSlot

REFUSALS = Refusals(
    outside_edition=gettext_lazy(
        "The lounge can only open on the days of the edition (%(first)s – %(last)s)."
    ),
    too_short=gettext_lazy("Not even one %(minutes)s-minute meeting fits between these times."),
)


@dataclass
class Generated:
    created: list[LoungeSlot]
    skipped: int  # slots of the range the lounge already had (or that overlap one)


def generate_slots(
    lounge: Lounge, *, day: date, opens: time, closes: time, minutes: int | None = None
) -> Generated:
    """Add the slots of one opening range, skipping any the lounge already has."""
    wanted = slot_times(
        lounge.edition,
        day=day,
        opens=opens,
        closes=closes,
        minutes=minutes or lounge.meeting_minutes,
        refusals=REFUSALS,
    )
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
