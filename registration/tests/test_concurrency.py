"""Registrations, double submits and cancellations fired at once from real threads,
each with its own database connection, committing for real.

On PostgreSQL the conditional UPDATE on the pass row serialises the place-taking;
on SQLite the writers queue on the database lock (transactions BEGIN IMMEDIATE,
20 s busy timeout in the settings). Either way: nothing oversold, nothing lost,
no place given twice, and no error.
"""

import threading
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from core.testing import all_at_once
from registration import services
from registration.models import PassType, Registration, RegistrationEvent
from registration.services import Attendee, RegistrationError

pytestmark = pytest.mark.django_db(transaction=True)

Status = Registration.Status
JOIN_TIMEOUT = 120  # seconds: generous, SQLite writers queue


def make_pass(edition, *, capacity, slug="rush", **fields) -> PassType:
    return PassType.objects.create(
        edition=edition,
        slug=slug,
        kind=PassType.Kind.PROFESSIONAL,
        name_fr="Professionnel",
        capacity=capacity,
        opens_at=datetime(2022, 1, 1, tzinfo=ZoneInfo("Africa/Casablanca")),
        closes_at=timezone.now() + timedelta(days=30),
        **fields,
    )


def person(n: int) -> Attendee:
    return Attendee(
        first_name=f"Prénom{n}", last_name=f"Nom{n}", email=f"p{n}@example.org", language="fr"
    )


def fill(pass_type, count, *, first=0) -> list[Registration]:
    return [services.register(pass_type, attendee=person(first + n))[0] for n in range(count)]


def refreshed(pass_type) -> PassType:
    pass_type.refresh_from_db()
    return pass_type


def assert_places_consistent(pass_type):
    pass_type = refreshed(pass_type)
    holding = pass_type.registrations.holding_a_place().count()
    assert pass_type.held == holding <= pass_type.capacity
    if pass_type.registrations.waiting().exists():
        assert pass_type.held == pass_type.capacity, "someone waits while a place is free"


def test_threads_share_the_test_database(db):
    """Threads open their own connections: an in-memory SQLite database would give
    each one an empty database of its own and the tests below would prove nothing."""
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db()


def test_forty_at_once_for_the_last_ten_places(edition):
    pass_type = make_pass(edition, capacity=40)
    fill(pass_type, 30)
    mail.outbox.clear()

    results, errors = all_at_once(
        [lambda n=n: services.register(pass_type, attendee=person(100 + n)) for n in range(40)]
    )

    assert errors == []
    statuses = Counter(registration.status for registration, _created in results)
    assert statuses == {Status.CONFIRMED: 10, Status.WAITLISTED: 30}
    assert all(created for _registration, created in results)
    pass_type = refreshed(pass_type)
    assert pass_type.held == pass_type.capacity == 40
    assert pass_type.registrations.filter(status=Status.CONFIRMED).count() == 40
    assert pass_type.registrations.filter(status=Status.WAITLISTED).count() == 30
    assert_places_consistent(pass_type)
    assert len(mail.outbox) == 40
    assert RegistrationEvent.objects.filter(action="registered").count() == 70


def test_forty_at_once_without_waiting_list_confirms_ten_and_refuses_thirty(edition):
    pass_type = make_pass(edition, capacity=40, has_waiting_list=False)
    fill(pass_type, 30)

    def attempt(n):
        try:
            return services.register(pass_type, attendee=person(100 + n))[0].status
        except RegistrationError as refusal:
            return refusal.code

    results, errors = all_at_once([lambda n=n: attempt(n) for n in range(40)])

    assert errors == []
    assert Counter(results) == {Status.CONFIRMED: 10, "full": 30}
    pass_type = refreshed(pass_type)
    assert pass_type.held == pass_type.registrations.count() == 40


def test_concurrent_double_submits_make_one_registration_per_key(edition):
    pass_type = make_pass(edition, capacity=3)
    keys = [f"submission-{k}-" + "x" * 30 for k in range(5)]
    mail.outbox.clear()

    jobs = [
        lambda k=k: services.register(pass_type, attendee=person(k), submission_key=keys[k])
        for k in range(5)
        for _copy in range(6)
    ]
    results, errors = all_at_once(jobs)

    assert errors == []
    by_key = {}
    for registration, created in results:
        by_key.setdefault(registration.submission_key, []).append((registration.pk, created))
    assert set(by_key) == set(keys)
    for answers in by_key.values():
        assert len({pk for pk, _created in answers}) == 1
        assert sum(created for _pk, created in answers) == 1
    assert pass_type.registrations.count() == 5
    assert Counter(pass_type.registrations.values_list("status", flat=True)) == {
        Status.CONFIRMED: 3,
        Status.WAITLISTED: 2,
    }
    assert refreshed(pass_type).held == 3
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == [f"p{k}@example.org" for k in range(5)]


def test_concurrent_cancellations_promote_each_waiting_person_once(edition):
    pass_type = make_pass(edition, capacity=10)
    confirmed = fill(pass_type, 10)
    waiting = fill(pass_type, 15, first=100)
    mail.outbox.clear()

    _results, errors = all_at_once(
        [lambda r=registration: services.cancel(r) for registration in confirmed]
    )

    assert errors == []
    pass_type = refreshed(pass_type)
    assert pass_type.held == 10
    now_confirmed = set(
        pass_type.registrations.filter(status=Status.CONFIRMED).values_list("pk", flat=True)
    )
    # The ten who waited longest, each promoted exactly once.
    assert now_confirmed == {registration.pk for registration in waiting[:10]}
    promotions = Counter(
        RegistrationEvent.objects.filter(action="promoted").values_list("registration", flat=True)
    )
    assert promotions == Counter(now_confirmed)
    assert pass_type.registrations.filter(status=Status.WAITLISTED).count() == 5
    assert pass_type.registrations.filter(status=Status.CANCELLED).count() == 10
    assert_places_consistent(pass_type)
    assert len(mail.outbox) == 20  # ten "cancelled", ten "a place is free for you"


def test_cancellations_racing_new_registrations_serve_the_waiting_list_first(edition):
    pass_type = make_pass(edition, capacity=10)
    confirmed = fill(pass_type, 10)
    waiting = fill(pass_type, 5, first=100)

    cancels = [lambda r=registration: services.cancel(r) for registration in confirmed[:5]]
    newcomers = [
        lambda n=n: services.register(pass_type, attendee=person(200 + n))[0] for n in range(5)
    ]
    results, errors = all_at_once(cancels + newcomers)

    assert errors == []
    pass_type = refreshed(pass_type)
    assert pass_type.held == 10
    assert_places_consistent(pass_type)
    promoted = pass_type.registrations.filter(pk__in=[r.pk for r in waiting])
    assert set(promoted.values_list("status", flat=True)) == {Status.CONFIRMED}
    arrived = Registration.objects.filter(pk__in=[r.pk for r in results[5:]])
    assert set(arrived.values_list("status", flat=True)) == {Status.WAITLISTED}


def test_concurrent_cancel_of_one_registration_frees_one_place(edition):
    pass_type = make_pass(edition, capacity=1)
    (holder,) = fill(pass_type, 1)
    fill(pass_type, 3, first=100)

    results, errors = all_at_once([lambda: services.cancel(holder) for _ in range(6)])

    refusals = [error for _index, error in errors if isinstance(error, RegistrationError)]
    assert len(refusals) == len(errors) == 5
    assert {error.code for error in refusals} == {"not_active"}
    pass_type = refreshed(pass_type)
    assert pass_type.held == 1
    assert pass_type.registrations.filter(status=Status.CONFIRMED).count() == 1
    assert pass_type.registrations.filter(status=Status.WAITLISTED).count() == 2
    assert RegistrationEvent.objects.filter(action="cancelled").count() == 1


def test_a_place_freed_while_a_newcomer_finds_the_pass_full_goes_to_the_newcomer(
    edition, monkeypatch
):
    """The newcomer's first look finds the pass full; a cancel then frees a place and
    promotes from a waiting list that does not hold the newcomer yet. The newcomer must
    get that place, not a place on the list beside a free one. (On SQLite the two
    cannot overlap: the newcomer joins the list, and the cancel promotes them.)"""
    pass_type = make_pass(edition, capacity=2)
    first, _second = fill(pass_type, 2)
    looked, freed = threading.Event(), threading.Event()
    real_take_place = services.take_place

    def newcomer_looks_then_waits(pass_type_):
        taken = real_take_place(pass_type_)
        if not taken and threading.current_thread().name == "newcomer" and not looked.is_set():
            looked.set()
            freed.wait(timeout=3)  # the cancel commits meanwhile (PostgreSQL)
        return taken

    monkeypatch.setattr(services, "take_place", newcomer_looks_then_waits)

    def newcomer():
        try:
            services.register(pass_type, attendee=person(9))
        finally:
            connection.close()

    thread = threading.Thread(target=newcomer, name="newcomer", daemon=True)
    thread.start()
    assert looked.wait(timeout=30)
    canceller = threading.Thread(
        target=lambda: (services.cancel(first), freed.set(), connection.close()), daemon=True
    )
    canceller.start()
    canceller.join(timeout=JOIN_TIMEOUT)
    freed.set()
    thread.join(timeout=JOIN_TIMEOUT)
    assert not thread.is_alive() and not canceller.is_alive()
    assert Registration.objects.get(email="p9@example.org").status == Status.CONFIRMED
    pass_type.refresh_from_db()
    assert pass_type.held == 2
    assert not Registration.objects.filter(status=Status.WAITLISTED).exists()
