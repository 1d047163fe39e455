"""An activity's timed slots, generated from opening hours.

Staff give a day, an opening and a closing time; a slot starts every
`slot_minutes` and lasts `duration_minutes`, and only whole slots that end by
closing time are made (a 15-minute video mapping every 30 minutes, or a
90-minute workshop every 2 hours). Each slot gets the activity's capacity, and
its walk-in share held back. Generating again never duplicates a slot: a start
the activity already has is skipped, so a range can be re-run or widened.
A debate that is also a programme session gets the one slot of its session
(moved with the session while nobody has booked it).
Changing the activity's places or walk-in share later changes its upcoming slots
only when staff apply them (`apply_capacity`), and never below what is taken.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities import services
from activities.models import Activity, ActivitySlot
from editions.opening_hours import Refusals, SlotError, slot_times

REFUSALS = Refusals(
    outside_edition=gettext_lazy(
        "Activities can only open on the days of the edition (%(first)s – %(last)s)."
    ),
    too_short=gettext_lazy("Not even one %(minutes)s-minute slot fits between these times."),
)


@dataclass
class Generated:
    created: list[ActivitySlot]
    skipped: int  # starts the activity already had


def _new_slot(activity: Activity, start: datetime, end: datetime) -> ActivitySlot:
    capacity = activity.slot_capacity
    return ActivitySlot(
        activity=activity,
        starts_at=start,
        ends_at=end,
        capacity=capacity,
        walk_in_places=activity.walk_in_places_of(capacity),
    )


def _add_missing(activity: Activity, wanted: list[tuple]) -> Generated:
    with transaction.atomic():
        # One generation at a time per activity, so two staff members cannot interleave.
        Activity.objects.select_for_update().filter(pk=activity.pk).first()
        existing = set(
            activity.slots.filter(starts_at__in=[start for start, _end in wanted]).values_list(
                "starts_at", flat=True
            )
        )
        new = [_new_slot(activity, s, e) for s, e in wanted if s not in existing]
        ActivitySlot.objects.bulk_create(new)
    return Generated(created=new, skipped=len(wanted) - len(new))


def generate_slots(activity: Activity, *, day: date, opens: time, closes: time) -> Generated:
    """Add the slots of one opening range, skipping starts the activity already has."""
    wanted = slot_times(
        activity.edition,
        day=day,
        opens=opens,
        closes=closes,
        minutes=activity.duration_minutes,
        every=activity.slot_minutes,
        refusals=REFUSALS,
    )
    return _add_missing(activity, wanted)


def slot_of_session(activity: Activity) -> Generated:
    """The one slot of a debate that is also a session of the programme. A slot left
    at another time (the session moved) goes, unless someone booked or entered it."""
    session = activity.session
    if session is None:
        raise SlotError(_("This activity is not linked to a programme session."), "no_session")
    with transaction.atomic():
        stale = activity.slots.exclude(starts_at=session.starts_at, ends_at=session.ends_at)
        if stale.filter(Q(bookings__isnull=False) | Q(scans__isnull=False)).exists():
            raise SlotError(
                _(
                    "This debate has a slot at another time than its session, already booked "
                    "or entered: change it in the list of slots first."
                ),
                "booked_elsewhere",
            )
        stale.delete()
        return _add_missing(activity, [(session.starts_at, session.ends_at)])


@dataclass
class Applied:
    changed: list[ActivitySlot]
    kept: list[ActivitySlot]  # more is booked or inside than the new numbers allow
    promoted: int  # waiting bookings that got a place


def apply_capacity(activity: Activity, *, now=None) -> Applied:
    """Give the activity's upcoming slots its places per slot and walk-in share.

    A slot is changed only if what is booked and who is inside still fit (one
    conditional UPDATE, so a booking made meanwhile is never squeezed out); the
    others keep their numbers and are reported. New room goes to the waiting list."""
    now = now or timezone.now()
    capacity = activity.slot_capacity
    held = activity.walk_in_places_of(capacity)
    done = Applied(changed=[], kept=[], promoted=0)
    upcoming = activity.slots.filter(starts_at__gt=now).exclude(
        capacity=capacity, walk_in_places=held
    )
    for slot in upcoming:
        with transaction.atomic():
            fits = ActivitySlot.objects.filter(
                pk=slot.pk, booked__lte=capacity - held, walk_ins__lte=capacity - F("booked")
            ).update(capacity=capacity, walk_in_places=held, version=F("version") + 1)
            if not fits:
                done.kept.append(slot)
                continue
            slot.refresh_from_db()
            done.changed.append(slot)
            done.promoted += len(services.promote_waiting(slot, now=now))
    return done
