"""Participants of a lounge for the participant-side view tests (a module that
defines its own `lounge`, like the scheduler tests, keeps its own)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core import ratelimit
from matchmaking.models import Profile
from matchmaking.tests.factories import LoungeFactory, ProfileFactory
from startups.tests.factories import UserFactory

Kind = Profile.Kind


@pytest.fixture
def lounge(edition):
    return LoungeFactory(
        edition=edition,
        name_en="Open Innovation Lounge",
        description_en="Startups meet corporates and institutions.",
        requests_open_until=timezone.now() + timedelta(days=30),
    )


@pytest.fixture
def startup(lounge):
    user = UserFactory(username="amina@example.ma")
    return ProfileFactory(
        lounge=lounge,
        user=user,
        kind=Kind.STARTUP,
        organisation="Ma3a",
        display_name="Amina",
        summary="نطور أجهزة استشعار بسيطة لرصد تسربات المياه في الأحياء.",
        sectors=["water"],
    )


@pytest.fixture
def corporate(lounge):
    user = UserFactory(username="karim@example.ma")
    return ProfileFactory(
        lounge=lounge, user=user, organisation="Lydec", display_name="Karim", language="en"
    )


@pytest.fixture
def signed_in(client):
    def sign_in(profile_or_user):
        client.force_login(getattr(profile_or_user, "user", profile_or_user))
        return client

    return sign_in


@pytest.fixture
def steady_counters(monkeypatch):
    """core.ratelimit's random clean-up compares buckets of different periods; off here."""

    class Never:
        def random(self) -> float:
            return 1.0

    monkeypatch.setattr(ratelimit, "random", Never())
