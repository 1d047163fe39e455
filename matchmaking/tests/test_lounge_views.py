"""The lounge in public and joining it: its page, challenges, eligibility, the sign-in link."""

import re
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils.html import escape

from core.testing import assert_alike, english, post_watched
from matchmaking.models import MeetingRequest, Profile
from matchmaking.tests.factories import (
    ChallengeFactory,
    ProfileFactory,
    with_slots,
)
from matchmaking.tests.participant_helpers import main, query_count
from registration.models import Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory
from startups.models import Application
from startups.tests.factories import ApplicationFactory, CallFactory, UserFactory

Kind = Profile.Kind
Status = MeetingRequest.Status
CASABLANCA = ZoneInfo("Africa/Casablanca")


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


def test_the_join_sign_in_costs_the_request_the_same_for_any_address(
    lounge, edition, django_capture_on_commit_callbacks
):
    RegistrationFactory(pass_type=PassTypeFactory(edition=edition), email="nadia@example.ma")
    known, unknown = (
        post_watched(
            django_capture_on_commit_callbacks, english("matchmaking:join"), {"email": email}
        )
        for email in ("nadia@example.ma", "nobody@example.ma")
    )
    assert_alike(known, unknown)
    assert [m.to for m in known.mail_after] == [["nadia@example.ma"]]
    assert unknown.mail_after == []


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
