"""Changing an id or a link reaches nobody else's things.

Participant A tries B's registration, ticket, public booking, lounge meeting and
meeting request, startup application and agenda links: by changing the id in the
address or in the form, or the secret in the link. Each attempt gets the 404 of a
missing page (nothing tells that the thing exists), or the 403 of a staff page,
and what is stored stays as it was.

The world is the authorisation matrix's (built once for this module); each test
runs in its own transaction, rolled back after it.
"""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from freezegun import freeze_time
from sesame.utils import get_query_string

from core.tests.authorization_world import BEFORE_THE_EVENT
from matchmaking.models import MeetingRequest, MeetingSide
from registration.models import Registration
from startups.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def before_the_event():
    with freeze_time(BEFORE_THE_EVENT):
        yield


def url(name, *args):
    with translation.override("fr"):
        return reverse(name, args=args)


def tampered(secret: str) -> list[str]:
    """Links one might try from one's own: a character changed, cut short, lengthened."""
    flipped = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    return [
        flipped,
        secret[:-1],
        secret + "x",
        secret.upper() if secret.upper() != secret else secret.lower(),
    ]


def signed_in_by_link(user) -> Client:
    client = Client()
    assert client.get(url("accounts:login") + get_query_string(user)).status_code == 302
    return client


def snapshot(instance, *fields):
    instance.refresh_from_db()
    return {field: getattr(instance, field) for field in fields}


# Registrations and tickets


def test_a_participant_reaches_no_other_registration_by_its_id(world):
    amina = world.clients["participant"]
    theirs = world.other_registration
    before = snapshot(theirs, "status", "first_name", "email")

    staff_page = url("registration:staff_detail", theirs.pk)
    assert amina.get(staff_page).status_code == 403
    assert amina.post(staff_page, {"action": "cancel", "reason": "x"}).status_code == 403
    assert amina.post(url("registration:admit", theirs.pk)).status_code == 403
    own_page = amina.get(url("accounts:home")).content.decode()
    assert world.registration.first_name in own_page and theirs.first_name not in own_page
    export = json.dumps(json.loads(amina.get(url("accounts:my_data")).content))
    assert theirs.email not in export and theirs.secret not in export
    assert snapshot(theirs, "status", "first_name", "email") == before


@pytest.mark.parametrize(
    "page", ["registration:ticket", "registration:cancel", "registration:transfer"]
)
def test_a_changed_ticket_link_is_an_unknown_ticket(world, page):
    amina = world.clients["participant"]
    for secret in tampered(world.registration.secret) + tampered(world.other_registration.secret):
        assert amina.get(url(page, secret)).status_code == 404, secret


def test_cancelling_or_transferring_with_a_changed_link_changes_nobody(world):
    amina = world.clients["participant"]
    theirs = world.other_registration
    before = snapshot(theirs, "status", "first_name", "last_name", "email", "secret")

    for secret in tampered(theirs.secret):
        assert amina.post(url("registration:cancel", secret)).status_code == 404
        transfer = {"first_name": "Mallory", "last_name": "X", "email": "mallory@example.ma"}
        assert amina.post(url("registration:transfer", secret), transfer).status_code == 404

    assert snapshot(theirs, "status", "first_name", "last_name", "email", "secret") == before
    assert theirs.status == Registration.Status.CONFIRMED


# Public-activity bookings


def test_a_changed_booking_link_finds_no_booking_and_cancels_none(world):
    visitor = world.clients["anonymous"]
    theirs = world.other_booking
    before = snapshot(theirs, "status", "group_size")

    for secret in tampered(world.booking.secret) + tampered(theirs.secret):
        assert visitor.get(url("activities:booking", secret)).status_code == 404
        assert visitor.get(url("activities:cancel", secret)).status_code == 404
        assert visitor.post(url("activities:cancel", secret)).status_code == 404

    assert snapshot(theirs, "status", "group_size") == before


# The lounge: meeting requests and meetings


@pytest.fixture
def omar(world):
    """The third participant, who asked the corporate for a meeting (still pending)."""
    return signed_in_by_link(world.other)


ACCEPT = {"action": "accept", "priority": "2", "message": ""}


def test_nobody_answers_a_request_they_are_not_party_to(world):
    pending = world.pending
    startup = world.clients["startup"]
    for action in ("accept", "decline", "withdraw"):
        response = startup.post(url("matchmaking:answer", pending.pk), {**ACCEPT, "action": action})
        assert response.status_code == 404
    for who in ("participant", "admin", "moderator"):
        assert (
            world.clients[who]
            .post(url("matchmaking:answer", pending.pk), ACCEPT)["Location"]
            .endswith(url("matchmaking:join"))
        )
    pending.refresh_from_db()
    assert pending.status == MeetingRequest.Status.PENDING


def test_each_side_gives_only_its_own_answer(world, omar):
    pending = world.pending
    # The requester cannot accept on the target's behalf; the target cannot withdraw it.
    assert omar.post(url("matchmaking:answer", pending.pk), ACCEPT).status_code == 404
    corporate = world.clients["corporate"]
    withdraw = {**ACCEPT, "action": "withdraw"}
    assert corporate.post(url("matchmaking:answer", pending.pk), withdraw).status_code == 404
    pending.refresh_from_db()
    assert pending.status == MeetingRequest.Status.PENDING


def test_a_meeting_is_its_two_sides_business_only(world, omar):
    meeting = world.meeting
    sides = list(MeetingSide.objects.filter(meeting=meeting).values())
    answer = {"took_place": "no", "follow_up": "none", "note": "Jamais venu."}
    for client in (omar, world.clients["participant"], world.clients["moderator"]):
        assert client.get(url("matchmaking:feedback", meeting.pk)).status_code == 404
        assert client.post(url("matchmaking:feedback", meeting.pk), answer).status_code == 404
    # Neither does a neighbouring id lead anywhere.
    assert omar.get(url("matchmaking:feedback", meeting.pk + 1)).status_code == 404
    assert list(MeetingSide.objects.filter(meeting=meeting).values()) == sides


def test_a_participant_agenda_shows_only_their_own_meetings(world, omar):
    page = omar.get(url("matchmaking:agenda")).content.decode()
    assert world.corporate_profile.display_name not in page
    assert world.startup_profile.display_name not in page


def test_a_changed_calendar_link_is_not_found(world):
    visitor = world.clients["anonymous"]
    for secret in tampered(world.startup_profile.calendar_secret):
        assert visitor.get(url("matchmaking:agenda_ics", secret)).status_code == 404


def test_someone_else_s_challenge_cannot_be_edited(world):
    challenge = world.challenge
    before = snapshot(challenge, "title", "description")
    startup = world.clients["startup"]
    edit = {"title": "Piraté", "description": "x" * 40, "keywords": "x"}
    assert startup.get(url("matchmaking:challenge_edit", challenge.pk)).status_code == 404
    assert startup.post(url("matchmaking:challenge_edit", challenge.pk), edit).status_code == 404
    assert snapshot(challenge, "title", "description") == before


def test_people_of_the_lounge_are_hidden_from_everyone_else(world):
    for who in ("anonymous", "participant", "admin"):
        client = world.clients[who]
        assert client.get(url("matchmaking:person", world.startup_profile.pk)).status_code == 404
        assert (
            client.post(
                url("matchmaking:request", world.corporate_profile.pk), {"message": "Bonjour"}
            ).status_code
            == 404
        )
    assert not MeetingRequest.objects.filter(message="Bonjour").exists()


# Startup applications


def test_an_applicant_reaches_no_other_application(world):
    startup = world.clients["startup"]
    theirs = world.other_application
    before = snapshot(theirs, "status", "name", "pitch")

    assert startup.get(url("startups:application", theirs.pk)).status_code == 404
    edit = {"name": "Piratée", "pitch": "x" * 80, "send": "1"}
    assert startup.post(url("startups:application", theirs.pk), edit).status_code == 404
    assert startup.get(url("startups:withdraw", theirs.pk)).status_code == 404
    assert startup.post(url("startups:withdraw", theirs.pk)).status_code == 404
    # The staff pages of an application are not for applicants either.
    assert startup.get(url("startups:review", theirs.pk)).status_code == 403
    assert startup.post(url("startups:decide", theirs.pk), {"action": "select"}).status_code == 403

    assert snapshot(theirs, "status", "name", "pitch") == before
    assert theirs.status == Application.Status.SUBMITTED


def test_a_juror_cannot_open_their_own_application(world):
    # Jurors review others: an application of one's own is not found in the jury's pages.
    from startups.tests.factories import ApplicationFactory

    own = ApplicationFactory(call=world.call, applicant=world.users["jury_member"], slug="jurors")
    client = world.clients["jury_member"]
    assert client.get(url("startups:review", own.pk)).status_code == 404
    assert client.post(url("startups:review", own.pk), {}).status_code == 404


# Personal agendas and mail links


def test_a_changed_agenda_link_is_not_found(world):
    visitor = world.clients["anonymous"]
    for secret in tampered(world.agenda.secret):
        assert visitor.get(url("programme:agenda", secret)).status_code == 404
        assert visitor.post(url("programme:agenda", secret)).status_code == 404
        with translation.override("fr"):
            ics = reverse("exports:agenda_ics", args=[secret])
        # Without a language prefix a 404 first goes to the prefixed address: then 404.
        assert visitor.get(ics, follow=True).status_code == 404


def test_a_changed_unsubscribe_link_unsubscribes_nobody(world):
    from dashboard.models import Unsubscribe

    visitor = world.clients["anonymous"]
    for token in tampered(world.unsubscribe_token):
        assert visitor.post(url("mailings:unsubscribe", token)).status_code == 404
    assert not Unsubscribe.objects.exists()
