"""Where each slot stands for a visitor right now, and a cheap fingerprint of it all.

The live availability page is refreshed by thousands of phones on the square.
Its ETag is one aggregate query over the day's slots (their counters' version
numbers, the activities' last edit, how many slots have closed for booking),
so an unchanged page answers 304 without rendering anything.
"""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Max, Q, Sum

from activities.models import Activity, ActivitySlot
from activities.services import bookings_close_at
from core.i18n import active_language


class State:
    FREE = "free"
    LAST_PLACES = "last_places"
    WAITING_LIST = "waiting_list"
    FULL = "full"
    WALK_IN_ONLY = "walk_in_only"  # nothing to book online: come to the entrance
    CLOSED = "closed"  # started, or bookings closed


def last_places_threshold(slot: ActivitySlot) -> int:
    """ "Last places" from a tenth of the bookable places, and at least the last 3."""
    return max(3, slot.bookable // 10)


@dataclass
class SlotState:
    slot: ActivitySlot
    state: str

    @classmethod
    def of(cls, slot: ActivitySlot, now: datetime) -> "SlotState":
        if now >= bookings_close_at(slot):
            return cls(slot, State.CLOSED)
        if slot.bookable == 0:
            return cls(slot, State.WALK_IN_ONLY)
        left = slot.places_left
        if left == 0:
            room_in_line = slot.activity.waiting_list_places - slot.waiting
            return cls(slot, State.WAITING_LIST if room_in_line > 0 else State.FULL)
        if left <= last_places_threshold(slot):
            return cls(slot, State.LAST_PLACES)
        return cls(slot, State.FREE)

    @property
    def can_book(self) -> bool:
        return self.state in (State.FREE, State.LAST_PLACES, State.WAITING_LIST)


def day_slots(edition, day: date):
    start, end = edition.day_bounds(day)
    return ActivitySlot.objects.filter(
        activity__in=Activity.objects.public().filter(edition=edition),
        starts_at__gte=start,
        starts_at__lt=end,
    )


def day_etag(edition, day: date, now: datetime) -> str:
    """Changes when a counter, an activity or a slot's bookability changes."""
    programme = getattr(edition, "public_programme", None)
    minutes = programme.closes_minutes_before if programme else 0
    closed_before = now + timedelta(minutes=minutes)
    totals = day_slots(edition, day).aggregate(
        slots=Count("id"),
        versions=Sum("version"),
        capacities=Sum("capacity"),
        edited=Max("activity__updated_at"),
        closed=Count("id", filter=Q(starts_at__lte=closed_before)),
    )
    fingerprint = "|".join(
        str(part) for part in (edition.pk, day, active_language(), *totals.values())
    )
    return hashlib.blake2b(fingerprint.encode(), digest_size=12).hexdigest()
