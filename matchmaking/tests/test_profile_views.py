"""A participant's own pages: profile, availability (with the sessions they speak in),
challenges, and the link from the account page."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from core.testing import english
from matchmaking.models import Challenge, MeetingRequest, Profile
from matchmaking.tests.factories import (
    ChallengeFactory,
    LoungeFactory,
    ProfileFactory,
    with_slots,
)
from matchmaking.tests.participant_helpers import main, query_count
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory
from startups.tests.factories import UserFactory

Kind = Profile.Kind
Status = MeetingRequest.Status
CASABLANCA = ZoneInfo("Africa/Casablanca")


# My profile


def test_my_pages_send_strangers_to_the_join_page(client, signed_in, lounge):
    for name in ("profile", "availability", "challenge_new", "suggestions", "requests"):
        response = client.get(english(f"matchmaking:{name}"))
        assert response["Location"] == "/en/matchmaking/join/", name
    signed_in(UserFactory())
    assert client.get(english("matchmaking:profile"))["Location"] == "/en/matchmaking/join/"


def test_my_profile_is_edited_and_saved(signed_in, lounge, startup, edition):
    client = signed_in(startup)
    page = main(client.get(english("matchmaking:profile")))
    assert 'value="Ma3a"' in page
    pivot = edition.pivots.first()
    response = client.post(
        english("matchmaking:profile"),
        {
            "organisation": "Ma3a Water",
            "display_name": "Amina T.",
            "summary": "Des capteurs <b>sobres</b>",
            "offers": "",
            "seeking": "Un pilote",
            "sectors": ["water", "data"],
            "pivots": [pivot.pk],
            "max_meetings": "4",
            "language": "ar",
        },
    )
    assert response.status_code == 303
    startup.refresh_from_db()
    assert (startup.organisation, startup.max_meetings, startup.language) == ("Ma3a Water", 4, "ar")
    assert startup.sectors == ["water", "data"] and list(startup.pivots.all()) == [pivot]
    assert not startup.is_active  # the box was not ticked
    page = main(client.get(english("matchmaking:profile")))
    assert "Des capteurs &lt;b&gt;sobres&lt;/b&gt;" in page


def test_my_profile_refuses_more_meetings_than_the_lounge_allows(signed_in, lounge, startup):
    response = signed_in(startup).post(
        english("matchmaking:profile"),
        {"organisation": "Ma3a", "display_name": "Amina", "max_meetings": "99", "language": "fr"},
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in main(response)
    startup.refresh_from_db()
    assert startup.max_meetings == 8


def test_my_profile_pages_are_not_cached(signed_in, lounge, startup):
    response = signed_in(startup).get(english("matchmaking:profile"))
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


# Availability


@pytest.fixture
def slots(lounge):
    return with_slots(lounge, day=25, start=(10, 0), count=4) + with_slots(
        lounge, day=26, start=(14, 0), count=2, tables=0
    )


def test_availability_lists_slots_by_day_with_the_sessions_i_speak_in(
    signed_in, lounge, startup, slots, edition
):
    talk = SessionFactory(
        edition=edition,
        title_en="Water in the city",
        starts_at=datetime(2022, 5, 25, 10, 30, tzinfo=CASABLANCA),
        ends_at=datetime(2022, 5, 25, 11, 0, tzinfo=CASABLANCA),
    )
    SessionSpeakerFactory(session=talk, speaker=SpeakerFactory(email="AMINA@example.ma"))
    startup.blocked_slots.set([slots[4]])

    page = main(signed_in(startup).get(english("matchmaking:availability")))

    assert "Wednesday 25 May" in page and "Thursday 26 May" in page
    assert page.count('name="blocked"') == 4  # six slots, two blocked by the talk
    assert page.count("Water in the city") == 2
    assert re.search(rf'name="blocked" value="{slots[4].pk}" checked', page)
    assert re.search(rf'value="{slots[1].pk}"', page) is None  # 10:20–10:40 overlaps the talk


def test_availability_is_saved_keeping_the_blocks_of_my_sessions(
    signed_in, lounge, startup, slots, edition
):
    client = signed_in(startup)
    response = client.post(
        english("matchmaking:availability"), {"blocked": [slots[0].pk, slots[5].pk]}
    )
    assert response.status_code == 303
    assert set(startup.blocked_slots.all()) == {slots[0], slots[5]}
    other_lounge_slot = with_slots(LoungeFactory(), count=1)[0]
    response = client.post(english("matchmaking:availability"), {"blocked": [other_lounge_slot.pk]})
    assert response.status_code == 200
    assert set(startup.blocked_slots.all()) == {slots[0], slots[5]}


def test_availability_without_slots_says_so(signed_in, lounge, startup):
    assert "not set the lounge" in main(signed_in(startup).get(english("matchmaking:availability")))


def test_availability_takes_the_same_queries_for_one_and_three_slots(signed_in, lounge, startup):
    client = signed_in(startup)
    with_slots(lounge, count=1)
    one = query_count(client, english("matchmaking:availability"))
    with_slots(lounge, day=26, count=2, tables=0)
    assert query_count(client, english("matchmaking:availability")) == one


# Challenges


CHALLENGE = {
    "title": "Détecter les fuites",
    "description": "Des capteurs sobres pour le réseau.",
    "keywords": "eau, fuites",
    "pivot": "",
    "is_published": "on",
}


def test_a_corporate_publishes_edits_and_unpublishes_a_challenge(signed_in, lounge, corporate):
    client = signed_in(corporate)
    assert client.post(english("matchmaking:challenge_new"), CHALLENGE).status_code == 303
    challenge = Challenge.objects.get()
    assert challenge.profile == corporate and challenge.is_published
    page = main(client.get(english("matchmaking:profile")))
    assert "Détecter les fuites" in page and 'value="off"' in page

    edit = english("matchmaking:challenge_edit", challenge.pk)
    assert client.post(edit, {**CHALLENGE, "title": "Réduire les fuites"}).status_code == 303
    assert client.post(edit, {"publish": "off"}).status_code == 303
    challenge.refresh_from_db()
    assert challenge.title == "Réduire les fuites" and not challenge.is_published
    assert client.get(english("matchmaking:challenge", challenge.pk)).status_code == 404


def test_a_startup_is_told_challenges_are_for_corporates(signed_in, lounge, startup):
    client = signed_in(startup)
    response = client.get(english("matchmaking:challenge_new"))
    assert response.status_code == 409
    assert "published by corporates and institutions" in main(response)
    assert client.post(english("matchmaking:challenge_new"), CHALLENGE).status_code == 409
    assert not Challenge.objects.exists()


def test_someone_elses_challenge_cannot_be_edited(signed_in, lounge, corporate):
    theirs = ChallengeFactory(profile=ProfileFactory(lounge=lounge))
    client = signed_in(corporate)
    edit = english("matchmaking:challenge_edit", theirs.pk)
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"publish": "off"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_published


# The account page


def test_the_account_page_links_to_my_lounge_or_invites_to_join(signed_in, lounge, startup):
    page = main(signed_in(startup).get(english("accounts:home")))
    assert "<bdi>Ma3a</bdi>" in page and 'href="/en/matchmaking/requests/"' in page
    page = main(signed_in(UserFactory()).get(english("accounts:home")))
    assert 'href="/en/matchmaking/join/"' in page
