"""The booking rules, through `services.book` and `services.cancel`, on a real database."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.db.models import Sum
from freezegun import freeze_time

from activities import services
from activities.models import ActivitySlot, Booking
from activities.services import BookingError, Visitor
from activities.tests.factories import ActivityFactory, ActivitySlotFactory, PublicProgrammeFactory
from programme.tests.factories import at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
BEFORE = at(25, 9)  # an hour before the 10:00 slot
_phones = iter(range(10_000_000))


@pytest.fixture
def frozen():
    with freeze_time("2022-05-24 12:00:00"):
        yield


def visitor(group=1, phone=None, email="", name="Salma"):
    phone = f"+2126{next(_phones):08d}" if phone is None else phone
    return Visitor(first_name=name, language="fr", phone=phone, email=email, group_size=group)


def book(slot, who=None, now=BEFORE, key=None):
    return services.book(slot, visitor=who or visitor(), submission_key=key, now=now)[0]


def refused(code, slot, who=None, now=BEFORE):
    with pytest.raises(BookingError) as caught:
        book(slot, who, now)
    assert caught.value.code == code
    return caught.value


def counters_match(slot):
    slot.refresh_from_db()
    rows = Booking.objects.filter(slot=slot)
    booked = rows.filter(status="confirmed").aggregate(n=Sum("group_size"))["n"] or 0
    waiting = rows.filter(status="waitlisted").aggregate(n=Sum("group_size"))["n"] or 0
    assert (slot.booked, slot.waiting) == (booked, waiting)
    assert slot.booked <= slot.capacity - slot.walk_in_places
    return slot


def test_a_booking_is_confirmed_and_counted():
    slot = ActivitySlotFactory()
    booking = book(slot, visitor(group=3))
    assert booking.status == "confirmed"
    assert counters_match(slot).booked == 3


def test_walk_in_share_is_never_bookable_and_then_the_line_fills():
    slot = ActivitySlotFactory()  # 10 places, 2 for walk-ins, 5 in line
    assert book(slot, visitor(group=6)).status == "confirmed"
    assert book(slot, visitor(group=2)).status == "confirmed"
    assert book(slot, visitor(group=1)).status == "waitlisted"
    assert book(slot, visitor(group=4)).status == "waitlisted"
    refused("full", slot)
    slot = counters_match(slot)
    assert (slot.booked, slot.waiting) == (8, 5)


def test_full_without_waiting_list_is_refused():
    slot = ActivitySlotFactory(activity__waiting_list_places=0)
    book(slot, visitor(group=6))
    book(slot, visitor(group=2))
    error = refused("full", slot)
    assert error.message
    assert counters_match(slot).waiting == 0


@pytest.mark.parametrize(
    "now, code",
    [(at(25, 10), "past"), (at(25, 11), "past")],
)
def test_started_slots_are_refused(now, code):
    refused(code, ActivitySlotFactory(), now=now)


def test_bookings_close_before_the_slot():
    slot = ActivitySlotFactory()
    PublicProgrammeFactory(edition=slot.activity.edition, closes_minutes_before=15)
    refused("closed", slot, now=at(25, 9, 50))
    assert book(slot, now=at(25, 9, 44)).status == "confirmed"


def test_bookings_not_yet_open():
    slot = ActivitySlotFactory()
    PublicProgrammeFactory(edition=slot.activity.edition, bookings_open_at=at(20, 9))
    refused("not_open", slot, now=at(19, 9))
    assert book(slot, now=at(20, 9)).status == "confirmed"


def test_unpublished_activity_is_refused():
    refused("unpublished", ActivitySlotFactory(activity__is_published=False))


def test_activity_of_an_unpublished_edition_is_refused():
    refused("unpublished", ActivitySlotFactory(activity__edition__is_published=False))


def test_group_too_large_and_no_contact():
    slot = ActivitySlotFactory()
    refused("group_too_large", slot, visitor(group=7))
    refused("group_too_large", slot, visitor(group=0))
    refused("no_contact", slot, visitor(phone=""))
    assert counters_match(slot).booked == 0


def test_same_phone_twice_on_a_slot_is_refused():
    slot = ActivitySlotFactory()
    book(slot, visitor(phone="+212612345678"))
    refused("duplicate", slot, visitor(phone="+212612345678"))
    assert counters_match(slot).booked == 1


def test_overlapping_activity_refused_by_phone_or_email():
    slot = ActivitySlotFactory()
    other = ActivitySlotFactory(activity__edition=slot.activity.edition, starts_at=at(25, 10, 15))
    book(slot, visitor(phone="+212612345678", email="a@example.org"))
    refused("overlap", other, visitor(phone="+212612345678"))
    refused("overlap", other, visitor(phone="", email="a@example.org"))
    later = ActivitySlotFactory(activity=other.activity, starts_at=at(25, 10, 30))
    assert book(later, visitor(phone="+212612345678")).status == "confirmed"


def test_per_day_limit_counts_active_bookings_of_that_local_day():
    first = ActivitySlotFactory()
    edition = first.activity.edition
    PublicProgrammeFactory(edition=edition, bookings_per_day=2)
    activity = first.activity
    slots = [first] + [
        ActivitySlotFactory(activity=activity, starts_at=at(25, hour)) for hour in (11, 12)
    ]
    me = "+212612345678"
    kept = book(slots[0], visitor(phone=me))
    book(slots[1], visitor(phone=me))
    refused("day_limit", slots[2], visitor(phone=me))
    services.cancel(kept, now=BEFORE)
    assert book(slots[2], visitor(phone=me)).status == "confirmed"
    # 00:30 on the 26th, Casablanca time, is another day even though it is the 25th in UTC.
    night = ActivitySlotFactory(activity=activity, starts_at=at(26, 0, 30))
    assert book(night, visitor(phone=me)).status == "confirmed"


def test_double_submit_returns_the_first_booking():
    slot = ActivitySlotFactory()
    salma = visitor()
    first, new = services.book(slot, visitor=salma, submission_key="k" * 32, now=BEFORE)
    again, new_again = services.book(slot, visitor=salma, submission_key="k" * 32, now=BEFORE)
    assert (new, new_again) == (True, False)
    assert again.pk == first.pk
    assert counters_match(slot).booked == 1


def test_a_replayed_key_with_other_contacts_or_slot_is_a_fresh_booking():
    slot = ActivitySlotFactory()
    later = ActivitySlotFactory(activity=slot.activity, starts_at=at(25, 14))
    salma = visitor()
    first = book(slot, salma, key="k" * 32)
    others = [
        book(slot, visitor(), key="k" * 32),
        book(slot, visitor(phone="", email="x@example.ma"), key="k" * 32),
        book(later, salma, key="k" * 32),
    ]
    assert len({first.pk, *(booking.pk for booking in others)}) == 4
    assert counters_match(slot).booked == 3


def test_cancel_promotes_the_oldest_group_that_fits():
    slot = ActivitySlotFactory(activity__waiting_list_places=10)
    leaving = book(slot, visitor(group=2), now=at(24, 8))
    book(slot, visitor(group=6), now=at(24, 8))
    big = book(slot, visitor(group=3), now=at(24, 9))
    small = book(slot, visitor(group=2), now=at(24, 10))
    assert (big.status, small.status) == ("waitlisted", "waitlisted")
    assert services.waiting_position(big) == 1
    services.cancel(leaving, now=BEFORE)
    big.refresh_from_db()
    small.refresh_from_db()
    assert (big.status, small.status) == ("waitlisted", "confirmed")
    assert services.waiting_position(big) == 1  # the larger group keeps its rank
    slot = counters_match(slot)
    assert (slot.booked, slot.waiting) == (8, 3)


def test_no_promotion_once_the_slot_started():
    slot = ActivitySlotFactory()
    leaving = book(slot, visitor(group=6))
    book(slot, visitor(group=2))
    waiting = book(slot, visitor(group=1))
    services.cancel(leaving, now=BEFORE)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert services.promote_waiting(slot, now=at(25, 10, 5)) == []


def test_cancel_twice_or_after_admission_is_refused():
    slot = ActivitySlotFactory()
    booking = book(slot)
    services.cancel(booking, now=BEFORE)
    with pytest.raises(BookingError) as caught:
        services.cancel(booking, now=BEFORE)
    assert caught.value.code == "already_cancelled"
    used = book(slot)
    Booking.objects.filter(pk=used.pk).update(admitted_at=at(25, 9, 30))
    with pytest.raises(BookingError) as caught:
        services.cancel(used, now=at(25, 9, 40))
    assert caught.value.code == "admitted"
    assert counters_match(slot).booked == 1


def test_cancel_after_start_is_refused():
    slot = ActivitySlotFactory()
    booking = book(slot)
    with pytest.raises(BookingError) as caught:
        services.cancel(booking, now=at(25, 10) + timedelta(minutes=1))
    assert caught.value.code == "past"


def test_database_refuses_overbooking():
    slot = ActivitySlotFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivitySlot.objects.filter(pk=slot.pk).update(booked=9)
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivitySlot.objects.filter(pk=slot.pk).update(walk_ins=11)


def test_activity_factory_is_usable_alone():
    assert ActivityFactory().is_published
