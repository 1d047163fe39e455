"""Hostile input in every participant form of the lounge (hypothesis)."""

import re
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.testing import english
from core.tests.hostile import assert_clean_text, examples
from core.tests.hostile import hostile_text as hostile_text_of
from matchmaking.models import Challenge, MeetingRequest, Profile
from matchmaking.tests.factories import (
    MeetingRequestFactory,
    with_slots,
)
from matchmaking.tests.participant_helpers import main
from registration.models import Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory
from startups.tests.factories import UserFactory

Kind = Profile.Kind
Status = MeetingRequest.Status
CASABLANCA = ZoneInfo("Africa/Casablanca")


# Hostile input in every participant form (hypothesis): very long text, Arabic with
# bidi overrides, NUL and control characters, HTML and script. Never a server
# error, nothing stored that the forms would not accept, everything escaped.

hostile_text = hostile_text_of(longest=3200)
HYPOTHESIS = examples(40)
SCRIPT = re.compile(r"<script>alert|<img src=x|<svg onload", re.I)


@pytest.fixture
def no_rate_limits(settings):
    settings.RATE_LIMIT_FACTOR = 10**6


def assert_escaped(response):
    assert response.status_code == 200
    assert not SCRIPT.search(main(response))


@HYPOTHESIS
@given(message=hostile_text, priority=st.one_of(st.sampled_from(["1", "2", "3"]), hostile_text))
def test_hostile_request_messages(
    signed_in, lounge, startup, corporate, no_rate_limits, message, priority
):
    MeetingRequest.objects.all().delete()
    client = signed_in(startup)
    data = {"message": message, "priority": priority, "challenge": message[:20]}
    response = client.post(english("matchmaking:request", corporate.pk), data)
    assert response.status_code in (200, 303)
    for request in MeetingRequest.objects.all():
        assert_clean_text(request.message, limit=600, multiline=True)
        assert request.requester_priority in (1, 2, 3)
    assert_escaped(client.get(english("matchmaking:requests")))
    assert_escaped(signed_in(corporate).get(english("matchmaking:requests")))


@HYPOTHESIS
@given(
    texts=st.fixed_dictionaries(
        {
            name: hostile_text
            for name in ("organisation", "display_name", "summary", "offers", "seeking")
        }
    ),
    max_meetings=st.one_of(st.sampled_from(["0", "3", "8"]), hostile_text),
    sectors=st.lists(st.one_of(st.sampled_from(["water", "energy"]), hostile_text), max_size=3),
    pivots=st.lists(hostile_text, max_size=2),
    language=st.one_of(st.sampled_from(["fr", "ar", "en"]), hostile_text),
)
def test_hostile_profile_texts(
    signed_in, lounge, startup, corporate, texts, max_meetings, sectors, pivots, language
):
    client = signed_in(startup)
    data = {**texts, "max_meetings": max_meetings, "sectors": sectors, "pivots": pivots}
    response = client.post(english("matchmaking:profile"), {**data, "language": language})
    assert response.status_code in (200, 303)
    startup.refresh_from_db()
    for name, limit in (("organisation", 200), ("display_name", 200)):
        assert_clean_text(getattr(startup, name), limit=limit, markup=False)
        assert getattr(startup, name)
    for name, limit in (("summary", 1500), ("offers", 1000), ("seeking", 1000)):
        assert_clean_text(getattr(startup, name), limit=limit, multiline=True)
    assert 0 <= startup.max_meetings <= lounge.max_meetings
    assert set(startup.sectors) <= {"water", "energy"}
    assert_escaped(client.get(english("matchmaking:profile")))
    startup.is_active = True
    startup.save()
    assert_escaped(signed_in(corporate).get(english("matchmaking:person", startup.pk)))
    assert_escaped(signed_in(corporate).get(english("matchmaking:suggestions")))


@HYPOTHESIS
@given(
    title=hostile_text,
    description=hostile_text,
    keywords=hostile_text,
    pivot=st.one_of(st.just(""), hostile_text),
)
def test_hostile_challenges(
    client, signed_in, lounge, corporate, title, description, keywords, pivot
):
    data = {"title": title, "description": description, "keywords": keywords, "pivot": pivot}
    response = signed_in(corporate).post(
        english("matchmaking:challenge_new"), {**data, "is_published": "on"}
    )
    assert response.status_code in (200, 303)
    for challenge in Challenge.objects.all():
        assert_clean_text(challenge.title, limit=200, markup=False)
        assert_clean_text(challenge.description, limit=3000, multiline=True)
        assert_clean_text(challenge.keywords, limit=300, markup=False)
        assert_escaped(client.get(english("matchmaking:challenge", challenge.pk)))
    assert_escaped(client.get(english("matchmaking:home")))


@HYPOTHESIS
@given(kind=hostile_text, organisation=hostile_text, display_name=hostile_text)
def test_hostile_join_forms(signed_in, lounge, edition, kind, organisation, display_name):
    user = UserFactory(username="joiner@example.ma")
    if not Registration.objects.filter(email=user.email).exists():
        RegistrationFactory(pass_type=PassTypeFactory(edition=edition), email=user.email)
    Profile.objects.filter(user=user).delete()
    data = {"kind": kind, "organisation": organisation, "display_name": display_name}
    response = signed_in(user).post(english("matchmaking:join"), data)
    assert response.status_code in (200, 303)
    for profile in Profile.objects.filter(user=user):
        assert_clean_text(profile.organisation, limit=200, markup=False)
        assert_clean_text(profile.display_name, limit=200, markup=False)
        assert profile.kind in (Kind.CORPORATE, Kind.INSTITUTION, Kind.PARTICIPANT)


@HYPOTHESIS
@given(
    action=st.one_of(st.sampled_from(["accept", "decline"]), hostile_text),
    priority=hostile_text,
    message=hostile_text,
)
def test_hostile_answers(signed_in, lounge, startup, corporate, action, priority, message):
    MeetingRequest.objects.all().delete()
    request = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    data = {"action": action, "priority": priority, "message": message}
    response = signed_in(corporate).post(english("matchmaking:answer", request.pk), data)
    assert response.status_code in (200, 303, 404)
    request.refresh_from_db()
    assert_clean_text(request.answer, limit=600, multiline=True)
    assert request.target_priority in (None, 1, 2, 3)
    assert_escaped(signed_in(startup).get(english("matchmaking:requests")))


@HYPOTHESIS
@given(blocked=st.lists(hostile_text, max_size=3))
def test_hostile_availability(signed_in, lounge, startup, blocked):
    if not lounge.slots.exists():
        with_slots(lounge, count=2)
    response = signed_in(startup).post(english("matchmaking:availability"), {"blocked": blocked})
    assert response.status_code in (200, 303)
    assert set(startup.blocked_slots.values_list("lounge", flat=True)) <= {lounge.pk}
