"""Meeting requests sent and accepted at once from real threads, each with its own
database connection, committing for real.

On PostgreSQL the services lock both people's profile rows (in id order)
before counting; on SQLite the writers queue on the database lock
(transactions BEGIN IMMEDIATE). Either way the caps on requests and meetings
hold, a pair never gets two requests, and nobody sees a server error.
"""

from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from core.testing import all_at_once
from matchmaking import requests as services
from matchmaking.models import MeetingRequest, Profile
from matchmaking.requests import RequestError
from matchmaking.tests.factories import LoungeFactory, ProfileFactory

pytestmark = pytest.mark.django_db(transaction=True)

Kind = Profile.Kind
Status = MeetingRequest.Status


def outcome(action, *args, **kwargs) -> str:
    """ "ok", or the refusal's code: refusals are answers, not errors."""
    try:
        action(*args, **kwargs)
    except RequestError as refused:
        return refused.code
    return "ok"


@pytest.fixture
def lounge(edition):
    return LoungeFactory(
        edition=edition, requests_open_until=timezone.now() + timedelta(days=30), max_requests=3
    )


def test_threads_share_the_test_database(db):
    """An in-memory SQLite database would give each thread an empty one of its own."""
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db()


def test_ten_requests_at_once_respect_the_cap_of_three(lounge):
    startup = ProfileFactory(lounge=lounge, kind=Kind.STARTUP)
    targets = ProfileFactory.create_batch(10, lounge=lounge)

    results, errors = all_at_once(
        [lambda t=t: outcome(services.send_request, startup, target=t) for t in targets]
    )

    assert errors == []
    assert Counter(results) == {"ok": 3, "request_cap": 7}
    assert MeetingRequest.objects.filter(requester=startup).count() == 3


def test_six_acceptances_at_once_respect_the_cap_of_two_meetings(lounge):
    corporate = ProfileFactory(lounge=lounge, max_meetings=2)
    askers = ProfileFactory.create_batch(6, lounge=lounge, kind=Kind.STARTUP)
    requests = [services.send_request(a, target=corporate) for a in askers]

    results, errors = all_at_once(
        [lambda r=r: outcome(services.accept_request, r, by=corporate) for r in requests]
    )

    assert errors == []
    assert Counter(results) == {"ok": 2, "meeting_cap": 4}
    assert MeetingRequest.objects.accepted().count() == 2
    assert MeetingRequest.objects.filter(status=Status.PENDING).count() == 4


def test_acceptances_on_both_sides_of_one_person_respect_their_cap(lounge):
    """A startup whose requests are accepted by several corporates at once, while it
    accepts requests sent to it: its meetings never pass its cap."""
    startup = ProfileFactory(lounge=lounge, kind=Kind.STARTUP, max_meetings=2)
    corporates = ProfileFactory.create_batch(6, lounge=lounge)
    sent = [services.send_request(startup, target=c) for c in corporates[:3]]
    received = [services.send_request(c, target=startup) for c in corporates[3:]]

    jobs = [lambda r=r: outcome(services.accept_request, r, by=r.target) for r in sent]
    jobs += [lambda r=r: outcome(services.accept_request, r, by=startup) for r in received]
    results, errors = all_at_once(jobs)

    assert errors == []
    assert results.count("ok") == 2
    assert MeetingRequest.objects.accepted().involving(startup).count() == 2


def test_two_people_asking_each_other_at_once_make_one_mutual_request(lounge):
    for _round in range(5):
        startup = ProfileFactory(lounge=lounge, kind=Kind.STARTUP)
        corporate = ProfileFactory(lounge=lounge)

        results, errors = all_at_once(
            [
                lambda a=startup, b=corporate: outcome(services.send_request, a, target=b),
                lambda a=corporate, b=startup: outcome(services.send_request, a, target=b),
            ]
        )

        assert errors == []
        assert results == ["ok", "ok"]
        (request,) = MeetingRequest.objects.involving(startup)
        assert request.status == Status.ACCEPTED and request.is_mutual


def test_one_request_sent_many_times_at_once_is_made_once(lounge):
    startup = ProfileFactory(lounge=lounge, kind=Kind.STARTUP)
    corporate = ProfileFactory(lounge=lounge)

    results, errors = all_at_once(
        [lambda: outcome(services.send_request, startup, target=corporate) for _ in range(6)]
    )

    assert errors == []
    assert Counter(results) == {"ok": 1, "pending": 5}
    assert MeetingRequest.objects.count() == 1


def test_expiry_racing_acceptance_leaves_one_outcome(lounge):
    startup = ProfileFactory(lounge=lounge, kind=Kind.STARTUP)
    corporate = ProfileFactory(lounge=lounge)
    request = services.send_request(startup, target=corporate)
    at = request.expires_at - timedelta(microseconds=1)  # still answerable for the acceptor

    results, errors = all_at_once(
        [
            lambda: outcome(services.accept_request, request, by=corporate, now=at),
            lambda: services.expire_requests(lounge, now=request.expires_at),
        ]
    )

    assert errors == []
    request.refresh_from_db()
    if results[0] == "ok":
        assert request.status == Status.ACCEPTED and results[1] == 0
    else:
        assert request.status == Status.EXPIRED and results[1] == 1
