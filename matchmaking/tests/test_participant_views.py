"""The lounge's public and participant pages, through the test client, on the real
database: the lounge page and its challenges, joining, one's profile,
availability and challenges, suggestions, people, requests and answers."""

import re
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from freezegun import freeze_time
from hypothesis import given
from hypothesis import strategies as st

from core import ratelimit
from core.testing import english
from core.tests.hostile import assert_clean_text, examples
from core.tests.hostile import hostile_text as hostile_text_of
from editions.tests.factories import EditionFactory
from matchmaking.models import Challenge, MeetingRequest, Profile
from matchmaking.tests.factories import (
    ChallengeFactory,
    LoungeFactory,
    MeetingRequestFactory,
    ProfileFactory,
    with_slots,
)
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory
from registration.models import Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory
from startups.models import Application
from startups.tests.factories import ApplicationFactory, CallFactory, UserFactory

Kind = Profile.Kind
Status = MeetingRequest.Status
CASABLANCA = ZoneInfo("Africa/Casablanca")


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


def text(response) -> str:
    return response.content.decode()


def main(response) -> str:
    return re.search(r"<main.*</main>", text(response), re.S).group(0)


def query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# The lounge page


def test_the_lounge_page_shows_the_lounge_its_counts_and_published_challenges(
    client, lounge, startup, corporate
):
    ChallengeFactory(profile=corporate, title="Détecter les fuites", keywords="eau, fuites")
    ChallengeFactory(profile=corporate, title="Brouillon caché", is_published=False)
    ChallengeFactory(profile=ProfileFactory(lounge=lounge, is_active=False), title="Parti")
    ChallengeFactory(title="Ailleurs")  # another lounge
    with_slots(lounge, count=3, tables=4)

    response = client.get(english("matchmaking:home"))

    page = main(response)
    assert response.status_code == 200
    assert "Open Innovation Lounge" in page and "Startups meet corporates" in page
    assert "20 minutes" in page and "How it works" in page
    assert "<strong>1</strong> startup" in page and "<strong>1</strong> corporate" in page
    assert "<strong>0</strong> institutions" in page
    assert "Détecter les fuites" in page and "<bdi>Lydec</bdi>" in page
    for hidden in ("Brouillon caché", "Parti", "Ailleurs"):
        assert hidden not in page
    assert 'href="/en/matchmaking/join/"' in page


def test_a_participant_sees_links_to_their_lounge(signed_in, lounge, startup):
    page = main(signed_in(startup).get(english("matchmaking:home")))
    assert 'href="/en/matchmaking/me/"' in page and "Join the lounge" not in page


def test_the_lounge_page_takes_the_same_queries_for_one_and_three_challenges(
    client, lounge, corporate
):
    ChallengeFactory(profile=corporate)
    one = query_count(client, english("matchmaking:home"))
    ChallengeFactory(profile=ProfileFactory(lounge=lounge))
    ChallengeFactory(profile=ProfileFactory(lounge=lounge, kind=Kind.INSTITUTION))
    assert query_count(client, english("matchmaking:home")) == one


def test_an_edition_without_a_lounge_shows_the_no_lounge_page(client, edition):
    response = client.get(english("matchmaking:home"))
    assert response.status_code == 404
    assert "no meeting lounge" in main(response)
    assert client.get(english("matchmaking:join")).status_code == 404


def test_without_any_edition_the_lounge_is_not_found(client, db):
    assert client.get(english("matchmaking:home")).status_code == 404


def test_a_challenge_page_shows_the_challenge(client, lounge, corporate):
    challenge = ChallengeFactory(profile=corporate, keywords="eau, fuites")
    page = main(client.get(english("matchmaking:challenge", challenge.pk)))
    assert (
        escape(challenge.title) in page
        and "<bdi>fuites</bdi>" in page
        and "<bdi>Lydec</bdi>" in page
    )
    assert "Karim" not in page  # a person's name is for participants only
    assert 'href="/en/matchmaking/join/"' in page


def test_unpublished_or_foreign_challenges_are_not_found(client, lounge, corporate):
    hidden = ChallengeFactory(profile=corporate, is_published=False)
    foreign = ChallengeFactory()
    for challenge in (hidden, foreign):
        assert client.get(english("matchmaking:challenge", challenge.pk)).status_code == 404


# Joining


def test_joining_without_signing_in_sends_a_link_back_to_the_join_page(
    client, lounge, edition, django_capture_on_commit_callbacks
):
    RegistrationFactory(pass_type=PassTypeFactory(edition=edition), email="nadia@example.ma")
    page = main(client.get(english("matchmaking:join")))
    assert 'name="email"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(english("matchmaking:join"), {"email": "Nadia@Example.ma"})

    assert response.status_code == 303
    assert response["Location"] == "/en/account/sign-in/?sent=1"
    (email,) = mail.outbox
    link = re.search(r"https?://\S+/login/\S+", email.body).group(0)
    assert parse_qs(urlsplit(link).query)["next"] == ["/en/matchmaking/join/"]


def test_the_join_sign_in_answers_the_same_for_an_unknown_address(client, lounge):
    response = client.post(english("matchmaking:join"), {"email": "nobody@example.ma"})
    assert response.status_code == 303
    assert response["Location"] == "/en/account/sign-in/?sent=1"
    assert mail.outbox == []


def test_the_join_sign_in_is_rate_limited(client, lounge, steady_counters):
    for _ in range(3):
        client.post(english("matchmaking:join"), {"email": "nadia@example.ma"})
    response = client.post(english("matchmaking:join"), {"email": "nadia@example.ma"})
    assert response.status_code == 429
    assert "Too many attempts" in main(response)


def test_a_selected_startup_joins_from_its_application(signed_in, lounge, edition):
    user = UserFactory(username="sara@example.ma")
    ApplicationFactory(
        call=CallFactory(edition=edition),
        applicant=user,
        status=Application.Status.SELECTED,
        name="Compost Casa",
        pitch="Du compost pour les jardins.",
    )
    client = signed_in(user)
    page = main(client.get(english("matchmaking:join")))
    assert 'value="startup"' in page and 'value="corporate"' not in page
    assert 'value="Compost Casa"' in page

    response = client.post(
        english("matchmaking:join"),
        {"kind": "startup", "organisation": "Compost Casa", "display_name": "Sara"},
    )

    assert response.status_code == 303 and response["Location"] == "/en/matchmaking/me/"
    profile = Profile.objects.get(user=user)
    assert (profile.kind, profile.display_name) == (Kind.STARTUP, "Sara")
    assert profile.summary == "Du compost pour les jardins."
    assert client.get(english("matchmaking:join"))["Location"] == "/en/matchmaking/me/"


def test_a_registered_person_chooses_how_they_take_part(signed_in, lounge, edition):
    user = UserFactory(username="omar@example.ma")
    RegistrationFactory(pass_type=PassTypeFactory(edition=edition), email=user.email)
    client = signed_in(user)
    page = main(client.get(english("matchmaking:join")))
    assert all(f'value="{kind}"' in page for kind in ("corporate", "institution", "participant"))
    assert 'value="startup"' not in page

    response = client.post(
        english("matchmaking:join"),
        {"kind": "startup", "organisation": "X", "display_name": "Omar"},
    )
    assert response.status_code == 200 and not Profile.objects.exists()

    client.post(
        english("matchmaking:join"),
        {"kind": "institution", "organisation": "Commune", "display_name": "Omar"},
    )
    assert Profile.objects.get(user=user).kind == Kind.INSTITUTION


@pytest.mark.parametrize("status", [Application.Status.DRAFT, Application.Status.REJECTED])
def test_an_unselected_startup_is_told_how_to_become_eligible(signed_in, lounge, edition, status):
    user = UserFactory()
    ApplicationFactory(call=CallFactory(edition=edition), applicant=user, status=status)
    response = signed_in(user).get(english("matchmaking:join"))
    page = main(response)
    assert response.status_code == 200
    assert "We find neither under your address" in page
    assert 'href="/en/register/"' in page and 'href="/en/startups/apply/"' in page
    assert (
        signed_in(user)
        .post(
            english("matchmaking:join"),
            {"kind": "startup", "organisation": "X", "display_name": "Y"},
        )
        .status_code
        == 200
    )
    assert not Profile.objects.exists()


def test_a_cancelled_registration_does_not_open_the_lounge(signed_in, lounge, edition):
    user = UserFactory()
    RegistrationFactory(
        pass_type=PassTypeFactory(edition=edition),
        email=user.email,
        status=Registration.Status.CANCELLED,
    )
    page = main(signed_in(user).get(english("matchmaking:join")))
    assert "We find neither" in page and "cancelled" in page


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


# Suggestions and people


def test_suggestions_show_the_reasons_and_the_requests_state(signed_in, lounge, startup, corporate):
    ChallengeFactory(profile=corporate, keywords="eau, fuites, capteurs")
    asked = ProfileFactory(lounge=lounge, organisation="Commune", sectors=["water"])
    MeetingRequestFactory(lounge=lounge, requester=startup, target=asked)

    page = main(signed_in(startup).get(english("matchmaking:suggestions")))

    assert "<bdi>Lydec</bdi>" in page and "<bdi>Commune</bdi>" in page
    assert "Keywords of their challenges found in your profile" in page
    assert "<bdi>fuites</bdi>" in page
    assert f'href="/en/matchmaking/people/{corporate.pk}/request/"' in page
    assert f'href="/en/matchmaking/people/{asked.pk}/request/"' not in page
    assert "they have until" in page


def test_suggestions_take_the_same_queries_for_one_and_three_people(signed_in, lounge, startup):
    client = signed_in(startup)
    first = ProfileFactory(lounge=lounge, sectors=["water"])
    ChallengeFactory(profile=first)
    MeetingRequestFactory(lounge=lounge, requester=startup, target=first)
    one = query_count(client, english("matchmaking:suggestions"))
    for _ in range(2):
        other = ProfileFactory(lounge=lounge, sectors=["water"])
        ChallengeFactory(profile=other)
        MeetingRequestFactory(lounge=lounge, requester=other, target=startup)
    assert query_count(client, english("matchmaking:suggestions")) == one


def test_a_persons_page_shows_their_profile_and_a_request_button(
    signed_in, lounge, startup, corporate
):
    ChallengeFactory(profile=corporate, title="Détecter les fuites")
    corporate.offers = "<script>alert(1)</script>"
    corporate.save()
    response = signed_in(startup).get(english("matchmaking:person", corporate.pk))
    page = main(response)
    assert "<bdi>Karim</bdi>" in page and "Détecter les fuites" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert f'href="/en/matchmaking/people/{corporate.pk}/request/"' in page
    assert "noindex" in text(response)


def test_a_persons_page_offers_to_ask_again_once_a_request_expired(
    signed_in, lounge, startup, corporate
):
    MeetingRequestFactory(
        lounge=lounge, requester=startup, target=corporate, expires_at=timezone.now()
    )
    page = main(signed_in(startup).get(english("matchmaking:person", corporate.pk)))
    assert "expired without an answer" in page
    assert f'href="/en/matchmaking/people/{corporate.pk}/request/"' in page


def test_a_persons_page_takes_the_same_queries_for_one_and_three_challenges(
    signed_in, lounge, startup, corporate
):
    client = signed_in(startup)
    url = english("matchmaking:person", corporate.pk)
    ChallengeFactory(profile=corporate)
    one = query_count(client, url)
    ChallengeFactory.create_batch(2, profile=corporate, pivot=lounge.edition.pivots.first())
    assert query_count(client, url) == one


def test_my_profile_takes_the_same_queries_for_one_and_three_challenges(
    signed_in, lounge, corporate
):
    client = signed_in(corporate)
    ChallengeFactory(profile=corporate)
    one = query_count(client, english("matchmaking:profile"))
    ChallengeFactory.create_batch(2, profile=corporate, pivot=lounge.edition.pivots.first())
    assert query_count(client, english("matchmaking:profile")) == one


def test_people_are_visible_to_participants_of_the_same_lounge_only(
    client, signed_in, lounge, startup, corporate
):
    url = english("matchmaking:person", corporate.pk)
    assert client.get(url).status_code == 404  # anonymous
    signed_in(UserFactory())
    assert client.get(url).status_code == 404  # signed in, not a participant
    signed_in(ProfileFactory(lounge=LoungeFactory(edition=EditionFactory())))
    assert client.get(url).status_code == 404  # a participant of another lounge
    signed_in(startup)
    assert client.get(english("matchmaking:person", 10**9)).status_code == 404
    elsewhere = ProfileFactory(lounge=LoungeFactory())
    assert client.get(english("matchmaking:person", elsewhere.pk)).status_code == 404
    corporate.is_active = False
    corporate.save()
    assert client.get(url).status_code == 404
    assert client.get(english("matchmaking:request", corporate.pk)).status_code == 404


def test_my_own_page_shows_how_others_see_me(signed_in, lounge, startup):
    page = main(signed_in(startup).get(english("matchmaking:person", startup.pk)))
    assert "how other participants see your profile" in page
    response = signed_in(startup).get(english("matchmaking:request", startup.pk))
    assert response["Location"] == "/en/matchmaking/me/"


# Requests


def test_a_request_is_sent_and_the_target_told(
    signed_in, lounge, startup, corporate, django_capture_on_commit_callbacks
):
    challenge = ChallengeFactory(profile=corporate)
    client = signed_in(startup)
    page = main(client.get(english("matchmaking:request", corporate.pk)))
    assert f'value="{challenge.pk}"' in page and 'value="3"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            english("matchmaking:request", corporate.pk),
            {"message": "Bonjour <b>Karim</b>", "priority": "3", "challenge": challenge.pk},
        )

    assert response.status_code == 303 and response["Location"] == "/en/matchmaking/requests/"
    request = MeetingRequest.objects.get()
    assert (request.requester, request.target, request.requester_priority) == (
        startup,
        corporate,
        3,
    )
    assert request.challenge == challenge and request.message == "Bonjour <b>Karim</b>"
    (email,) = mail.outbox
    assert email.to == ["karim@example.ma"] and "Bonjour <b>Karim</b>" in email.body
    assert "Bonjour &lt;b&gt;Karim&lt;/b&gt;" in email.alternatives[0][0]
    page = main(client.get(english("matchmaking:person", corporate.pk)))
    assert "they have until" in page


def test_asking_someone_who_asked_first_says_it_is_mutual(signed_in, lounge, startup, corporate):
    MeetingRequestFactory(lounge=lounge, requester=corporate, target=startup)
    client = signed_in(startup)
    response = client.post(
        english("matchmaking:request", corporate.pk), {"message": "", "priority": "2"}, follow=True
    )
    assert "had asked to meet you too" in main(response)
    assert MeetingRequest.objects.get().is_mutual


def test_a_refused_request_shows_why_with_409(signed_in, lounge, startup):
    lounge.max_requests = 1
    lounge.save()
    first, second = ProfileFactory.create_batch(2, lounge=lounge)
    client = signed_in(startup)
    client.post(english("matchmaking:request", first.pk), {"message": "", "priority": "2"})
    response = client.post(english("matchmaking:request", second.pk), {"priority": "2"})
    assert response.status_code == 409
    assert "the most this lounge allows" in main(response)
    assert MeetingRequest.objects.count() == 1


def test_requests_are_rate_limited_per_person(
    signed_in, lounge, startup, steady_counters, settings
):
    lounge.max_requests = 100
    lounge.save()
    client = signed_in(startup)
    targets = ProfileFactory.create_batch(21, lounge=lounge)
    for target in targets[:20]:
        client.post(english("matchmaking:request", target.pk), {"priority": "2"})
    response = client.post(english("matchmaking:request", targets[20].pk), {"priority": "2"})
    assert response.status_code == 429
    assert MeetingRequest.objects.count() == 20


def test_the_request_page_says_when_the_lounge_is_closed(signed_in, lounge, startup, corporate):
    lounge.requests_open_until = timezone.now() - timedelta(minutes=1)
    lounge.save()
    page = main(signed_in(startup).get(english("matchmaking:request", corporate.pk)))
    assert "no longer takes meeting requests" in page and "<textarea" not in page


def test_my_requests_list_what_i_received_and_sent(signed_in, lounge, startup, corporate):
    received = MeetingRequestFactory(
        lounge=lounge, requester=corporate, target=startup, message="Venez nous voir"
    )
    sent = MeetingRequestFactory(
        lounge=lounge, requester=startup, target=ProfileFactory(lounge=lounge)
    )
    page = main(signed_in(startup).get(english("matchmaking:requests")))
    assert "Venez nous voir" in page
    assert f'id="request-{received.pk}"' in page and f'id="request-{sent.pk}"' in page
    assert page.count('value="accept"') == 1 and page.count('value="withdraw"') == 1


def test_my_requests_take_the_same_queries_for_one_and_three(signed_in, lounge, startup):
    client = signed_in(startup)

    def add():
        other = ProfileFactory(lounge=lounge)
        MeetingRequestFactory(lounge=lounge, requester=other, target=startup, challenge=None)
        MeetingRequestFactory(
            lounge=lounge,
            requester=startup,
            target=ProfileFactory(lounge=lounge),
            challenge=ChallengeFactory(profile=other),
        )

    add()
    one = query_count(client, english("matchmaking:requests"))
    add()
    add()
    assert query_count(client, english("matchmaking:requests")) == one


def answer(client, request, action, **data):
    return client.post(english("matchmaking:answer", request.pk), {"action": action, **data})


def test_the_target_accepts_with_their_priority(signed_in, lounge, startup, corporate):
    request = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    response = answer(signed_in(corporate), request, "accept", priority="3", message="Oui")
    assert response.status_code == 303
    request.refresh_from_db()
    assert (request.status, request.target_priority, request.answer) == (Status.ACCEPTED, 3, "Oui")


def test_the_target_declines_and_the_requester_withdraws(signed_in, lounge, startup, corporate):
    declined = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    withdrawn = MeetingRequestFactory(lounge=lounge, requester=corporate)
    client = signed_in(corporate)
    assert answer(client, declined, "decline", message="Non merci").status_code == 303
    assert answer(client, withdrawn, "withdraw").status_code == 303
    statuses = dict(MeetingRequest.objects.values_list("pk", "status"))
    assert statuses == {declined.pk: Status.DECLINED, withdrawn.pk: Status.CANCELLED}


def test_someone_elses_request_or_the_wrong_side_is_not_found(
    signed_in, lounge, startup, corporate
):
    theirs = MeetingRequestFactory(lounge=lounge)
    mine = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    client = signed_in(startup)
    for action in ("accept", "decline", "withdraw"):
        assert answer(client, theirs, action).status_code == 404
    assert answer(client, mine, "accept").status_code == 404  # the requester cannot accept
    assert answer(client, mine, "decline").status_code == 404
    client = signed_in(corporate)
    assert answer(client, mine, "withdraw").status_code == 404  # the target cannot withdraw
    assert MeetingRequest.objects.filter(status=Status.PENDING).count() == 2
    assert client.get(english("matchmaking:answer", mine.pk)).status_code == 405


def test_an_answered_request_answers_409(signed_in, lounge, startup, corporate):
    request = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    client = signed_in(corporate)
    answer(client, request, "decline")
    response = answer(client, request, "accept")
    assert response.status_code == 409
    assert "no longer awaiting an answer" in main(response)


def test_an_expired_request_answers_409(signed_in, lounge, startup, corporate):
    with freeze_time("2022-05-10 09:00:00+01:00"):
        lounge.requests_open_until = timezone.now() + timedelta(days=30)
        lounge.save()
        request = MeetingRequestFactory(
            lounge=lounge,
            requester=startup,
            target=corporate,
            expires_at=timezone.now() + timedelta(days=5),
        )
    client = signed_in(corporate)
    with freeze_time("2022-05-15 09:00:01+01:00"):
        page = main(client.get(english("matchmaking:requests")))
        assert "expired" in page and 'value="accept"' not in page
        response = answer(client, request, "accept")
    assert response.status_code == 409
    assert "has expired" in main(response)


def test_accepting_beyond_my_cap_on_meetings_says_what_to_do(signed_in, lounge, startup, corporate):
    corporate.max_meetings = 1
    corporate.save()
    MeetingRequestFactory(lounge=lounge, target=corporate, status=Status.ACCEPTED)
    request = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    response = answer(signed_in(corporate), request, "accept")
    assert response.status_code == 409
    assert "Decline this request, or raise your limit" in main(response)
    request.refresh_from_db()
    assert request.status == Status.PENDING


def test_a_bad_answer_is_shown_again(signed_in, lounge, startup, corporate):
    request = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    response = answer(signed_in(corporate), request, "explode")
    assert response.status_code == 200
    assert 'role="alert"' in main(response)
    request.refresh_from_db()
    assert request.status == Status.PENDING


# The account page


def test_the_account_page_links_to_my_lounge_or_invites_to_join(signed_in, lounge, startup):
    page = main(signed_in(startup).get(english("accounts:home")))
    assert "<bdi>Ma3a</bdi>" in page and 'href="/en/matchmaking/requests/"' in page
    page = main(signed_in(UserFactory()).get(english("accounts:home")))
    assert 'href="/en/matchmaking/join/"' in page


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
