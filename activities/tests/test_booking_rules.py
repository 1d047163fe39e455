"""The booking rules of the public programme, through the services, on a real database."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, transaction
from django.db.models import F

from activities import entrance, services
from activities.models import Activity, ActivitySlot, Booking
from activities.phones import normalised_phone
from activities.slots import generate_slots
from editions.opening_hours import SlotError

CASABLANCA = ZoneInfo("Africa/Casablanca")
BEFORE = datetime(2022, 5, 20, 9, 0, tzinfo=CASABLANCA)


def at(day, hour, minute=0):
    return datetime(2022, 5, day, hour, minute, tzinfo=CASABLANCA)


@pytest.fixture
def activity(edition):
    """10 places per 30-minute slot, 2 of them held back for walk-ins; groups of up to 4."""
    workshop = Activity.objects.create(
        edition=edition,
        slug="four-solaire",
        kind=Activity.Kind.WORKSHOP,
        title_fr="Four solaire",
        duration_minutes=30,
        slot_minutes=30,
        slot_capacity=10,
        walk_in_percent=20,
        max_group_size=4,
        waiting_list_places=4,
    )
    generate_slots(workshop, day=date(2022, 5, 25), opens=time(10), closes=time(12))
    return workshop


def slot_at(activity, hour, minute=0):
    return activity.slots.select_related("activity__edition").get(starts_at=at(25, hour, minute))


def visitor(name="Amina", phone="0612345678", email="", people=1):
    return services.Visitor(
        first_name=name,
        language="fr",
        phone=normalised_phone(phone) or "",
        email=email,
        group_size=people,
    )


def refused(code, *args, **kwargs):
    with pytest.raises(services.BookingError) as error:
        services.book(*args, now=BEFORE, **kwargs)
    assert error.value.code == code
    return error.value


def test_slots_are_whole_and_generated_once(activity):
    assert activity.slots.count() == 4
    first = slot_at(activity, 10)
    assert (first.capacity, first.walk_in_places, first.bookable) == (10, 2, 8)
    again = generate_slots(activity, day=date(2022, 5, 25), opens=time(10), closes=time(12))
    assert (len(again.created), again.skipped) == (0, 4)
    with pytest.raises(SlotError):
        generate_slots(activity, day=date(2022, 6, 1), opens=time(10), closes=time(12))


def test_a_group_takes_its_places_and_the_walk_in_share_is_never_booked(activity):
    slot = slot_at(activity, 10)
    booking, new = services.book(slot, visitor=visitor(people=4), now=BEFORE)
    assert new and booking.status == Booking.Status.CONFIRMED
    services.book(slot, visitor=visitor("Omar", "0661000001", people=4), now=BEFORE)
    late = services.book(slot, visitor=visitor("Leila", "0661000002"), now=BEFORE)[0]
    slot.refresh_from_db()
    assert (slot.booked, slot.waiting) == (8, 1)  # 2 places stay for the door
    assert late.status == Booking.Status.WAITLISTED


def test_full_slot_and_full_waiting_list_are_refused(activity):
    activity.waiting_list_places = 0
    activity.save()
    slot = slot_at(activity, 10)
    for n in range(2):
        services.book(slot, visitor=visitor(f"P{n}", f"066100000{n}", people=4), now=BEFORE)
    refused("full", slot, visitor=visitor("Late", "0661000009"))
    assert Booking.objects.count() == 2


def test_bad_requests_are_refused_and_nothing_is_stored(activity):
    slot = slot_at(activity, 10)
    refused("group_too_large", slot, visitor=visitor(people=5))
    refused("no_contact", slot, visitor=services.Visitor(first_name="X", language="fr"))
    with pytest.raises(services.BookingError) as past:
        services.book(slot, visitor=visitor(), now=at(25, 10, 5))
    assert past.value.code == "past"
    assert Booking.objects.count() == 0


def test_one_person_cannot_book_twice_overlap_or_exceed_the_day(activity):
    services.book(slot_at(activity, 10), visitor=visitor(), now=BEFORE)
    refused("duplicate", slot_at(activity, 10), visitor=visitor(phone="+212 6 12 34 56 78"))
    other = Activity.objects.create(
        edition=activity.edition,
        slug="vr",
        kind=Activity.Kind.VR_AR,
        title_fr="VR",
        duration_minutes=20,
        slot_minutes=20,
        slot_capacity=5,
        walk_in_percent=0,
    )
    generate_slots(other, day=date(2022, 5, 25), opens=time(10, 20), closes=time(10, 40))
    clash = other.slots.get()
    error = refused("overlap", clash, visitor=visitor())
    assert "Four solaire" not in error.message  # the holder's link shows it, not a refusal
    services.book(slot_at(activity, 10, 30), visitor=visitor(), now=BEFORE)
    services.book(slot_at(activity, 11), visitor=visitor(), now=BEFORE)
    refused("day_limit", slot_at(activity, 11, 30), visitor=visitor())


def test_a_double_submit_makes_one_booking(activity):
    slot = slot_at(activity, 10)
    first, new = services.book(slot, visitor=visitor(), submission_key="k" * 20, now=BEFORE)
    again, new_again = services.book(slot, visitor=visitor(), submission_key="k" * 20, now=BEFORE)
    assert new and not new_again and first.pk == again.pk


def test_cancelling_promotes_the_oldest_group_that_fits(activity):
    Activity.objects.filter(pk=activity.pk).update(waiting_list_places=10)
    slot = slot_at(activity, 10)
    services.book(slot, visitor=visitor("A", "0661000001", people=4), now=BEFORE)
    leaving = services.book(slot, visitor=visitor("B", "0661000002", people=3), now=BEFORE)[0]
    services.book(slot, visitor=visitor("C", "0661000003", people=1), now=BEFORE)  # fits: 8th
    big = services.book(slot, visitor=visitor("D", "0661000004", people=4), now=BEFORE)[0]
    small = services.book(slot, visitor=visitor("E", "0661000005", people=1), now=BEFORE)[0]
    assert (big.status, small.status) == ("waitlisted", "waitlisted")

    services.cancel(leaving, now=BEFORE)  # 3 places free: D (4) does not fit, E (1) does

    big.refresh_from_db()
    small.refresh_from_db()
    slot.refresh_from_db()
    assert (big.status, small.status) == ("waitlisted", "confirmed")
    assert (slot.booked, slot.waiting) == (6, 4)
    with pytest.raises(services.BookingError) as twice:
        services.cancel(leaving, now=BEFORE)
    assert twice.value.code == "already_cancelled"


def test_the_database_refuses_overbooking_even_without_the_services(activity):
    slot = slot_at(activity, 10)
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivitySlot.objects.filter(pk=slot.pk).update(booked=F("capacity"))


def test_a_code_is_admitted_once_and_walk_ins_fill_only_their_share(activity):
    slot = slot_at(activity, 10)
    booking = services.book(slot, visitor=visitor(people=2), now=BEFORE)[0]
    first = entrance.admit(booking.display_code.lower(), activity=activity, now=at(25, 9, 50))
    second = entrance.admit(booking.code, activity=activity, now=at(25, 9, 55))
    assert (first.code, second.code) == ("admitted", "already_admitted")
    assert entrance.admit("not-a-code", activity=activity).code == "malformed"
    assert entrance.admit("AAAA-AAAA", activity=activity).code == "unknown"
    entrance.count_walk_ins(slot, 2, now=at(25, 9, 50))
    with pytest.raises(entrance.EntranceError):
        entrance.count_walk_ins(slot, 1, now=at(25, 9, 55))  # the share is used up
    entrance.count_walk_ins(slot, 6, now=at(25, 10, 1))  # started: unbooked places too
    slot.refresh_from_db()
    assert (slot.admitted, slot.walk_ins, slot.booked) == (2, 8, 2)
    with pytest.raises(entrance.EntranceError):
        entrance.count_walk_ins(slot, 1, now=at(25, 10, 2))  # capacity reached
