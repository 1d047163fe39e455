"""The demo lounge of 2022: eligible participants, sound meetings, the same on every run."""

from io import StringIO

import pytest
from django.core.management import call_command

from matchmaking.availability import unavailable_slots
from matchmaking.models import Lounge, Meeting, MeetingRequest, MeetingSide, Profile
from matchmaking.tests.meeting_helpers import assert_sound
from programme.models import Speaker


@pytest.fixture
def lounge(demo_loaded, db):
    return Lounge.objects.get(edition__slug="scc-2022")


def test_demo_lounge_has_tables_and_slots_over_both_days(lounge):
    assert lounge.tables.count() == 8
    days = {slot.starts_at.astimezone(lounge.edition.tz).date() for slot in lounge.slots.all()}
    assert days == set(lounge.edition.days)
    assert lounge.tables.get(number=8).closed_slots.exists()


def test_demo_participants_are_selected_startups_or_hold_a_confirmed_pass(lounge):
    startups = lounge.profiles.filter(kind=Profile.Kind.STARTUP)
    assert startups.count() == 10
    assert all(profile.application.status == "selected" for profile in startups)
    for profile in lounge.profiles.exclude(kind=Profile.Kind.STARTUP):
        assert profile.user.email
        assert lounge.edition.registrations.filter(
            email__iexact=profile.user.email, status="confirmed"
        ).exists(), profile


def test_demo_meetings_are_sound_and_every_accepted_request_is_placed(lounge):
    meetings = assert_sound(lounge)
    accepted = lounge.requests.filter(status=MeetingRequest.Status.ACCEPTED)
    assert len(meetings) == accepted.count() > 15
    assert {meeting.request_id for meeting in meetings} == set(
        accepted.values_list("pk", flat=True)
    )


def test_demo_speaker_meets_only_outside_the_sessions_she_speaks_in(lounge):
    speaker = Speaker.objects.get(email="sanae.elouafi@example.org")
    profile = lounge.profiles.select_related("user").get(user__email=speaker.email)
    blocked = unavailable_slots([profile], list(lounge.slots.all()), lounge)[profile.pk]
    assert blocked, "her sessions block some lounge slots"
    seats = MeetingSide.objects.filter(profile=profile, is_active=True)
    assert seats.exists()
    assert not seats.filter(slot_id__in=blocked).exists()


def test_demo_feedback_tells_of_pilots_contracts_and_a_no_show(lounge):
    sides = MeetingSide.objects.filter(meeting__lounge=lounge, answered_at__isnull=False)
    assert {"pilot", "contract", "investment"} <= set(sides.values_list("follow_up", flat=True))
    assert sides.filter(took_place=False).exists()


def test_load_demo_twice_keeps_the_same_meetings(lounge):
    before = list(Meeting.objects.order_by("pk").values("pk", "slot", "table", "request"))

    call_command("load_demo", stdout=StringIO())

    assert list(Meeting.objects.order_by("pk").values("pk", "slot", "table", "request")) == before
