"""Booking rules of the public programme: places, waiting list, per-person limits.

Every function owns its transaction. A place is taken with a conditional
UPDATE (`booked + n <= capacity - walk_in_places`), which the database
serialises per slot on SQLite and PostgreSQL alike; CHECK constraints back it
up. One person's bookings are checked and written one at a time (an advisory
lock per phone and e-mail on PostgreSQL; SQLite writes one transaction at a
time anyway), so two tabs cannot both slip under a limit. E-mails leave only
after the transaction commits.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities.models import Activity, ActivitySlot, Booking
from core import outbox
from core.errors import RuleError

Status = Booking.Status
CONSENT_VERSION = "2022-03-public-booking-v1"


class BookingError(RuleError):
    """A rule refused the booking; `message` is translated, `code` is for machines."""


@dataclass
class Visitor:
    """What the booking form collects: as little as the entrance needs."""

    first_name: str
    language: str
    phone: str = ""  # E.164
    email: str = ""  # lower case
    group_size: int = 1

    @property
    def contacts(self) -> list[str]:
        return [value for value in (self.phone, self.email) if value]


def _person(visitor: Visitor) -> Q:
    """A person's bookings: by the same phone or the same e-mail."""
    same = Q(pk__in=[])
    if visitor.phone:
        same |= Q(phone=visitor.phone)
    if visitor.email:
        same |= Q(email=visitor.email)
    return same


def _lock_person(visitor: Visitor) -> None:
    """Serialise the bookings of one person until the transaction ends."""
    if connection.vendor != "postgresql":
        return  # SQLite: transactions are IMMEDIATE, one writer at a time
    keys = sorted(visitor.contacts)
    with connection.cursor() as cursor:
        for key in keys:
            digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest, "big", signed=True)]
            )


def bookings_close_at(slot: ActivitySlot) -> datetime:
    programme = getattr(slot.activity.edition, "public_programme", None)
    minutes = programme.closes_minutes_before if programme else 0
    return slot.starts_at - timedelta(minutes=minutes)


def check_bookable(slot: ActivitySlot, visitor: Visitor, now: datetime) -> None:
    """The rules a slot and a group must meet before anything is written."""
    activity = slot.activity
    programme = getattr(activity.edition, "public_programme", None)
    if not activity.is_public:
        raise BookingError(_("This activity is not open for booking."), "unpublished")
    if programme and programme.bookings_open_at and now < programme.bookings_open_at:
        when = formats.date_format(
            timezone.localtime(programme.bookings_open_at), "DATETIME_FORMAT"
        )
        raise BookingError(_("Bookings open on %(date)s.") % {"date": when}, "not_open")
    if now >= slot.starts_at:
        raise BookingError(_("This slot has already started: choose a later one."), "past")
    if now >= bookings_close_at(slot):
        raise BookingError(
            _(
                "Bookings for this slot are closed. "
                "Places held back for walk-ins are given at the entrance."
            ),
            "closed",
        )
    if not 1 <= visitor.group_size <= activity.max_group_size:
        raise BookingError(
            ngettext(
                "A booking for this activity is for at most %(count)s person.",
                "A booking for this activity is for at most %(count)s people.",
                activity.max_group_size,
            )
            % {"count": activity.max_group_size},
            "group_too_large",
        )
    if not visitor.contacts:
        raise BookingError(_("Give a phone number or an e-mail address."), "no_contact")


def _check_person(slot: ActivitySlot, visitor: Visitor) -> None:
    """No second booking of a slot, no overlapping slots, at most N slots a day."""
    theirs = Booking.objects.active().filter(_person(visitor), edition_id=slot.activity.edition_id)
    # Whoever types a phone or an address has not proved it is theirs: the refusal
    # says there is a booking at that time, never which one (its link shows it).
    taken = _("This phone number or e-mail address already has a booking at that time.")
    if theirs.filter(slot=slot).exists():
        raise BookingError(taken, "duplicate")
    if theirs.filter(slot__starts_at__lt=slot.ends_at, slot__ends_at__gt=slot.starts_at).exists():
        raise BookingError(taken, "overlap")
    edition = slot.activity.edition
    programme = getattr(edition, "public_programme", None)
    limit = programme.bookings_per_day if programme else 3
    with timezone.override(edition.tz):
        day_start, day_end = edition.day_bounds(timezone.localtime(slot.starts_at).date())
    that_day = theirs.filter(slot__starts_at__gte=day_start, slot__starts_at__lt=day_end).count()
    if that_day >= limit:
        raise BookingError(
            ngettext(
                "You already have %(count)s booking that day, the most one person may hold.",
                "You already have %(count)s bookings that day, the most one person may hold.",
                limit,
            )
            % {"count": limit},
            "day_limit",
        )


def _slot_update(slot_id: int, condition: Q, **changes) -> bool:
    """One conditional UPDATE of a slot's counters; True if it applied."""
    return bool(
        ActivitySlot.objects.filter(condition, pk=slot_id).update(
            version=F("version") + 1, **changes
        )
    )


def take_places(slot: ActivitySlot, people: int) -> bool:
    return _slot_update(
        slot.pk,
        Q(booked__lte=F("capacity") - F("walk_in_places") - people),
        booked=F("booked") + people,
    )


def join_waiting_list(slot: ActivitySlot, people: int) -> bool:
    limit = slot.activity.waiting_list_places
    return _slot_update(slot.pk, Q(waiting__lte=limit - people), waiting=F("waiting") + people)


def _notify_after_commit(booking: Booking, what: str) -> None:
    if booking.email:
        outbox.owe("activities.booking_status", booking.pk, what)


def book(
    slot: ActivitySlot, *, visitor: Visitor, submission_key: str | None = None, now=None
) -> tuple[Booking, bool]:
    """Book `visitor`'s group on `slot`: a confirmed place, else a place in line, else
    a refusal. Returns the booking and whether it is new; the same `submission_key`
    twice for the same slot and contacts (a double submit) gives back the first one."""
    earlier = _made_by_this_form(slot, visitor, submission_key)
    if earlier is not None:
        return earlier, False
    now = now or timezone.now()
    check_bookable(slot, visitor, now)
    try:
        with transaction.atomic():
            _lock_person(visitor)
            # A send of the same form may have booked while this one waited for the lock.
            earlier = _made_by_this_form(slot, visitor, submission_key)
            if earlier is not None:
                return earlier, False
            _check_person(slot, visitor)
            status = _status_for_newcomer(slot, visitor.group_size)
            booking = Booking.objects.create(
                edition_id=slot.activity.edition_id,
                slot=slot,
                status=status,
                group_size=visitor.group_size,
                first_name=visitor.first_name,
                phone=visitor.phone,
                email=visitor.email,
                language=visitor.language,
                submission_key=submission_key,
                consent_version=CONSENT_VERSION,
                created_at=now,
                confirmed_at=now if status == Status.CONFIRMED else None,
            )
            _notify_after_commit(booking, status)
    except IntegrityError:
        earlier = _made_by_this_form(slot, visitor, submission_key)
        if earlier is None:
            raise
        return earlier, False
    return booking, True


def _made_by_this_form(
    slot: ActivitySlot, visitor: Visitor, submission_key: str | None
) -> Booking | None:
    """The booking an earlier send of this very form made. The key alone is not
    enough: replayed on another slot or with other contacts it finds nothing, so
    nobody reaches someone else's booking with it."""
    if not submission_key:
        return None
    return Booking.objects.filter(
        submission_key=submission_key, slot=slot, phone=visitor.phone, email=visitor.email
    ).first()


def _status_for_newcomer(slot: ActivitySlot, people: int) -> str:
    if take_places(slot, people):
        return Status.CONFIRMED
    # Full a moment ago. A cancel may be freeing a place right now, promoting from a
    # line that does not hold this group yet: wait for it (the slot's lock), look again,
    # and only then join the line, where the next cancel will see this group.
    ActivitySlot.objects.select_for_update().filter(pk=slot.pk).first()
    if take_places(slot, people):
        return Status.CONFIRMED
    if slot.activity.waiting_list_places and join_waiting_list(slot, people):
        return Status.WAITLISTED
    raise BookingError(_("This slot is full. Try another time."), "full")


@transaction.atomic
def cancel(booking: Booking, *, by=None, now=None) -> Booking:
    """Cancel a booking; its places go to the people waiting longest."""
    now = now or timezone.now()
    # Lock order slot → bookings, as in promote_waiting: otherwise two cancels (one
    # confirmed, one waiting) deadlock on PostgreSQL.
    ActivitySlot.objects.select_for_update().filter(pk=booking.slot_id).first()
    booking = (
        Booking.objects.select_for_update().select_related("slot__activity").get(pk=booking.pk)
    )
    if booking.status == Status.CANCELLED:
        raise BookingError(_("This booking is already cancelled."), "already_cancelled")
    if booking.admitted_at:
        raise BookingError(_("This booking has already been used at the entrance."), "admitted")
    if now >= booking.slot.starts_at:
        raise BookingError(
            _("This slot has already started: it can no longer be cancelled."), "past"
        )
    was = booking.status
    booking.status = Status.CANCELLED
    booking.cancelled_at = now
    booking.cancelled_by = by
    booking.save(update_fields=["status", "cancelled_at", "cancelled_by"])
    people = booking.group_size
    if was == Status.CONFIRMED:
        _slot_update(booking.slot_id, Q(booked__gte=people), booked=F("booked") - people)
    else:
        _slot_update(booking.slot_id, Q(waiting__gte=people), waiting=F("waiting") - people)
    _notify_after_commit(booking, "cancelled")
    promote_waiting(booking.slot, now=now)
    return booking


def promote_waiting(slot: ActivitySlot, *, now=None) -> list[Booking]:
    """Give free places to the groups waiting longest that fit in them, and tell them.
    A larger group further up the line keeps its rank for the next place freed."""
    now = now or timezone.now()
    promoted: list[Booking] = []
    with transaction.atomic():
        if now >= slot.starts_at:
            return promoted  # the entrance now gives free places to walk-ins
        for candidate in Booking.objects.waiting().filter(slot=slot).select_for_update():
            if not take_places(slot, candidate.group_size):
                continue
            people = candidate.group_size
            _slot_update(slot.pk, Q(waiting__gte=people), waiting=F("waiting") - people)
            candidate.status = Status.CONFIRMED
            candidate.confirmed_at = now
            candidate.save(update_fields=["status", "confirmed_at"])
            _notify_after_commit(candidate, "promoted")
            promoted.append(candidate)
    return promoted


def waiting_position(booking: Booking) -> int:
    """1 for the next group to get a place."""
    earlier = Q(created_at__lt=booking.created_at) | Q(
        created_at=booking.created_at, pk__lt=booking.pk
    )
    return Booking.objects.waiting().filter(slot_id=booking.slot_id).filter(earlier).count() + 1


def published_activities(edition, *, kind: str = "", day=None, wheelchair: bool = False):
    """The activities the public sees, narrowed as the list's filters ask."""
    activities = Activity.objects.public().filter(edition=edition).select_related("space")
    if kind:
        activities = activities.filter(kind=kind)
    if day:
        start, end = edition.day_bounds(day)
        activities = activities.filter(slots__starts_at__gte=start, slots__starts_at__lt=end)
    if wheelchair:
        activities = activities.filter(wheelchair_accessible=True)
    return activities.distinct()
