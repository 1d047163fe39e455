"""After the meeting: each side, and only they, say whether it took place and what it
leads to, once it has started, and may change their answer."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.testing import english
from matchmaking import feedback, planning
from matchmaking.models import MeetingSide
from matchmaking.tests.factories import with_slots
from matchmaking.tests.meeting_helpers import accepted, person, published

pytestmark = pytest.mark.django_db
FollowUp = MeetingSide.FollowUp


@pytest.fixture
def meeting(lounge):
    with_slots(lounge, day=25, start=(14, 0), count=1, tables=1)
    amina, omar = person(lounge, "amina"), person(lounge, "omar", kind="corporate")
    accepted(amina, omar)
    planning.publish(planning.run_scheduler(lounge, by=None, time_limit=5), by=None)
    (meeting,) = published(lounge)
    return meeting


@pytest.fixture
def after(meeting, before_the_event):
    before_the_event.move_to(meeting.slot.starts_at + timedelta(minutes=30))
    return meeting


def address(meeting):
    return english("matchmaking:feedback", meeting.pk)


def side_of(meeting, name):
    return MeetingSide.objects.get(meeting=meeting, profile__user__username=f"{name}@example.ma")


def test_a_side_says_it_took_place_and_led_to_a_pilot(client, after):
    amina = side_of(after, "amina")
    client.force_login(amina.profile.user)
    assert "Did the meeting take place?" in client.get(address(after)).content.decode()

    response = client.post(
        address(after), {"took_place": "yes", "follow_up": "pilot", "note": "Pilote à Anfa."}
    )

    assert response.status_code == 303 and response["Location"] == english("matchmaking:agenda")
    amina.refresh_from_db()
    assert (amina.took_place, amina.follow_up, amina.note) == (
        True,
        FollowUp.PILOT,
        "Pilote à Anfa.",
    )
    assert amina.answered_at == timezone.now()
    omar = side_of(after, "omar")
    assert omar.took_place is None and omar.answered_at is None  # each side for itself


def test_the_answer_can_be_changed_later(client, after, before_the_event):
    side = side_of(after, "omar")
    client.force_login(side.profile.user)
    client.post(address(after), {"took_place": "yes", "follow_up": "talks"})
    before_the_event.tick(timedelta(days=2))

    page = client.get(address(after)).content.decode()
    assert re.search(r'value="talks"[^>]*checked', page)
    assert re.search(r'value="yes"[^>]*checked', page)
    client.post(address(after), {"took_place": "yes", "follow_up": "contract"})

    side.refresh_from_db()
    assert side.follow_up == FollowUp.CONTRACT and side.answered_at == timezone.now()


def test_a_meeting_that_did_not_take_place_leads_to_nothing(client, after):
    side = side_of(after, "amina")
    client.force_login(side.profile.user)
    client.post(address(after), {"took_place": "no", "follow_up": "investment"})
    side.refresh_from_db()
    assert side.took_place is False and side.follow_up == FollowUp.NONE


def test_an_answer_is_needed(client, after):
    client.force_login(side_of(after, "amina").profile.user)
    response = client.post(address(after), {"follow_up": "pilot"})
    assert response.status_code == 200
    assert "Please check the answers marked below." in response.content.decode()
    assert side_of(after, "amina").answered_at is None


def test_not_before_the_meeting_has_started(client, meeting):
    client.force_login(side_of(meeting, "amina").profile.user)
    for response in (
        client.get(address(meeting)),
        client.post(address(meeting), {"took_place": "yes"}),
    ):
        assert response.status_code == 409
        assert "once it has started" in response.content.decode()
    assert side_of(meeting, "amina").answered_at is None


@pytest.mark.parametrize("who", ["attendee", "admin", "someone else"])
def test_only_the_two_sides_may_answer(client, after, cast, who):
    user = person(after.lounge, "zineb").user if who == "someone else" else cast[who]
    client.force_login(user)
    assert client.get(address(after)).status_code == 404
    assert client.post(address(after), {"took_place": "no"}).status_code == 404
    assert not MeetingSide.objects.filter(answered_at__isnull=False).exists()


def test_anonymous_visitors_are_asked_to_sign_in(client, after):
    response = client.get(address(after))
    assert response.status_code == 302
    assert response["Location"].startswith(english("accounts:sign_in"))


def test_a_cancelled_meeting_takes_no_answer(client, after):
    side = side_of(after, "amina")
    after.sides.update(is_active=False)
    type(after).objects.filter(pk=after.pk).update(status="cancelled")
    client.force_login(side.profile.user)
    assert client.get(address(after)).status_code == 404


def test_the_service_refuses_someone_elses_side(after, cast):
    side = side_of(after, "amina")
    with pytest.raises(feedback.FeedbackError) as refused:
        feedback.record_feedback(side, by=cast["admin"], took_place=True, follow_up="pilot")
    assert refused.value.code == "not_yours"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=st.text(max_size=700))
def test_hostile_notes_never_break_the_page(client, after, note):
    side = side_of(after, "amina")
    client.force_login(side.profile.user)

    response = client.post(
        address(after), {"took_place": "yes", "follow_up": "pilot", "note": note}
    )

    assert response.status_code in (200, 303)
    side.refresh_from_db()
    if response.status_code == 200:  # refused with a message, nothing half-stored
        assert "Please check the answers marked below." in response.content.decode()
    else:
        assert len(side.note) <= 500 and "\x00" not in side.note
    assert client.get(address(after)).status_code == 200


def test_notes_are_shown_escaped(client, after):
    side = side_of(after, "amina")
    client.force_login(side.profile.user)
    client.post(
        address(after),
        {"took_place": "yes", "follow_up": "none", "note": "<script>alert(1)</script> مرحبا"},
    )
    page = client.get(address(after)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; مرحبا" in page
