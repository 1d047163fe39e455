"""Bookings and cancellations fired at once from real threads, each with its own
database connection, committing for real (the style of registration's tests).

On PostgreSQL the conditional UPDATE on the slot row serialises place-taking and an
advisory lock serialises one person's bookings; on SQLite writers queue on the
database lock. Either way: no overbooking, counters equal the rows, no error.
"""

import threading
from collections import Counter
from functools import partial

import pytest
from django.db import connection
from django.db.models import Sum

from activities import entrance, services
from activities.models import ActivitySlot, Booking, EntryScan
from activities.services import BookingError, Visitor
from activities.tests.factories import ActivityFactory, ActivitySlotFactory
from core import testing
from programme.tests.factories import at

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = at(25, 9)
JOIN_TIMEOUT = 120
all_at_once = partial(testing.all_at_once, refusals=BookingError)


def visitor(n, group=1):
    return Visitor(first_name=f"P{n}", language="fr", phone=f"+2126{n:08d}", group_size=group)


def booker(slot, who):
    return lambda: services.book(slot, visitor=who, now=BEFORE)[0].status


def assert_counters_exact(slot):
    slot = ActivitySlot.objects.get(pk=slot.pk)
    rows = Booking.objects.filter(slot=slot)
    booked = rows.filter(status="confirmed").aggregate(n=Sum("group_size"))["n"] or 0
    waiting = rows.filter(status="waitlisted").aggregate(n=Sum("group_size"))["n"] or 0
    assert (slot.booked, slot.waiting) == (booked, waiting)
    assert slot.booked <= slot.capacity - slot.walk_in_places
    assert slot.waiting <= slot.activity.waiting_list_places
    return slot


def test_threads_share_the_test_database(db):
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db()


def test_forty_people_race_for_ten_places():
    slot = ActivitySlotFactory(capacity=12, walk_in_places=2, activity__waiting_list_places=20)
    results, errors = all_at_once([booker(slot, visitor(n)) for n in range(40)])
    assert errors == []
    assert Counter(results) == {"confirmed": 10, "waitlisted": 20, "full": 10}
    slot = assert_counters_exact(slot)
    assert (slot.booked, slot.waiting) == (10, 20)
    assert Booking.objects.filter(slot=slot).count() == 30


def test_one_phone_from_eight_threads_on_overlapping_slots_gets_one_booking():
    first = ActivitySlotFactory()
    edition = first.activity.edition
    slots = [first] + [
        ActivitySlotFactory(activity=ActivityFactory(edition=edition), starts_at=at(25, 10, n))
        for n in range(1, 8)
    ]
    me = visitor(1)
    results, errors = all_at_once([booker(slot, me) for slot in slots])
    assert errors == []
    assert sorted(results) == ["confirmed"] + ["overlap"] * 7
    assert Booking.objects.filter(phone=me.phone).count() == 1
    for slot in slots:
        assert_counters_exact(slot)


def test_one_form_sent_six_times_at_once_makes_one_booking():
    """A double submit that races past the first lookup waits for the person's lock,
    then finds the booking its twin made: the same answer, never "already booked"."""
    slot = ActivitySlotFactory()
    me = visitor(1)

    def send():
        booking, _new = services.book(slot, visitor=me, submission_key="k" * 32, now=BEFORE)
        return booking.pk

    results, errors = all_at_once([send] * 6)
    assert errors == []
    assert len(set(results)) == 1 and isinstance(results[0], int)
    assert Booking.objects.filter(phone=me.phone).count() == 1
    assert assert_counters_exact(slot).booked == 1


def test_cancels_racing_with_books_keep_counters_exact():
    slot = ActivitySlotFactory(capacity=12, walk_in_places=2, activity__waiting_list_places=20)
    held = [services.book(slot, visitor=visitor(n), now=BEFORE)[0] for n in range(15)]
    leaving = held[:10:2] + held[11::2]  # five confirmed, two waiting

    def canceller(booking):
        return lambda: services.cancel(booking, now=BEFORE).status

    jobs = [canceller(b) for b in leaving] + [booker(slot, visitor(100 + n)) for n in range(10)]
    results, errors = all_at_once(jobs)
    assert errors == []
    assert results[: len(leaving)] == ["cancelled"] * len(leaving)
    slot = assert_counters_exact(slot)
    assert slot.booked == 10  # the freed places all went to someone
    active = Booking.objects.active().filter(slot=slot)
    assert active.count() == 15 - len(leaving) + 10


def test_one_code_scanned_on_six_phones_at_once_is_admitted_once():
    slot = ActivitySlotFactory(capacity=12, walk_in_places=2)
    booking = services.book(slot, visitor=visitor(1, group=3), now=BEFORE)[0]
    during = slot.starts_at

    def scanner():
        return entrance.admit(booking.display_code, activity=slot.activity, now=during).code

    results, errors = all_at_once([scanner for _ in range(6)])
    assert errors == []
    assert Counter(results) == {"admitted": 1, "already_admitted": 5}
    slot.refresh_from_db()
    assert slot.admitted == 3  # the group once, not six times
    assert EntryScan.objects.filter(booking=booking, result="admitted").count() == 1


def test_walk_ins_counted_from_many_phones_never_pass_the_held_back_share():
    slot = ActivitySlotFactory(capacity=12, walk_in_places=4)
    before_start = slot.starts_at - entrance.EARLY / 2

    def counter():
        try:
            return entrance.count_walk_ins(slot, 1, now=before_start).walk_ins
        except entrance.EntranceError as refused:
            return refused.code

    results, errors = all_at_once([counter for _ in range(10)])
    assert errors == []
    assert results.count("no_room") == 6
    slot.refresh_from_db()
    assert slot.walk_ins == 4


def test_a_place_freed_while_a_newcomer_finds_the_slot_full_goes_to_the_newcomer(monkeypatch):
    """The newcomer's first look finds the slot full; a cancel then frees a place and
    promotes from a line that does not hold the newcomer yet. The newcomer must get
    that place, not a place in line beside an empty seat. (On SQLite the two cannot
    overlap: the newcomer waits in line, and the cancel promotes them.)"""
    slot = ActivitySlotFactory(capacity=3, walk_in_places=1, activity__waiting_list_places=5)
    first, _second = (services.book(slot, visitor=visitor(n), now=BEFORE)[0] for n in range(2))
    looked, freed = threading.Event(), threading.Event()
    real_take_places = services.take_places

    def newcomer_looks_then_waits(slot_, people):
        taken = real_take_places(slot_, people)
        if not taken and threading.current_thread().name == "newcomer" and not looked.is_set():
            looked.set()
            freed.wait(timeout=3)  # the cancel commits meanwhile (PostgreSQL)
        return taken

    monkeypatch.setattr(services, "take_places", newcomer_looks_then_waits)
    outcome = {}

    def newcomer():
        try:
            outcome["status"] = services.book(slot, visitor=visitor(9), now=BEFORE)[0].status
        finally:
            connection.close()

    thread = threading.Thread(target=newcomer, name="newcomer", daemon=True)
    thread.start()
    assert looked.wait(timeout=30)
    canceller = threading.Thread(
        target=lambda: (services.cancel(first, now=BEFORE), freed.set(), connection.close()),
        daemon=True,
    )
    canceller.start()
    canceller.join(timeout=JOIN_TIMEOUT)
    freed.set()
    thread.join(timeout=JOIN_TIMEOUT)
    assert not thread.is_alive() and not canceller.is_alive()
    slot = assert_counters_exact(slot)
    assert Booking.objects.get(first_name="P9").status == "confirmed"
    assert (slot.booked, slot.waiting) == (2, 0)
