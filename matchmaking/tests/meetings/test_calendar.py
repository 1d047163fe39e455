"""The meeting agenda as iCalendar: the private feed (meetings and starred sessions),
parsed back with icalendar, and the single-meeting files the e-mails carry."""

from datetime import UTC, timedelta

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from matchmaking import calendar, planning
from matchmaking.models import Meeting
from matchmaking.tests.factories import with_slots
from matchmaking.tests.meeting_helpers import accepted, person, published
from programme.models import Agenda
from programme.tests.factories import SessionFactory, at

pytestmark = pytest.mark.django_db


def feed(client, profile, status=200) -> Calendar | None:
    response = client.get(reverse("matchmaking:agenda_ics", args=[profile.calendar_secret]))
    assert response.status_code == status
    if status != 200:
        return None
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Language"] == profile.language
    return Calendar.from_ical(response.content)


@pytest.fixture
def pair(lounge):
    slots = with_slots(lounge, day=25, start=(14, 0), count=2, tables=1)
    amina = person(lounge, "amina", language="en")
    omar = person(lounge, "omar", language="ar", kind="corporate")
    accepted(amina, omar, message="Leaks in old buildings.")
    lounge.tables.update(label="by the window")
    planning.publish(planning.run_scheduler(lounge, by=None, time_limit=5), by=None)
    return slots, amina, omar


def test_the_feed_holds_the_meeting_in_utc_with_its_table(client, pair):
    _slots, amina, _omar = pair
    (meeting,) = published(amina.lounge)

    (event,) = feed(client, amina).walk("VEVENT")

    assert event.start == meeting.slot.starts_at and event.start.utcoffset() == timedelta(0)
    assert b"DTSTART:20220525T130000Z" in Calendar.to_ical(event)  # 14:00 in Casablanca
    assert event.end == meeting.slot.ends_at
    assert event["SUMMARY"] == "Meeting: Omar SARL"
    assert "table 1 (by the window)" in event["LOCATION"]
    assert "Open Innovation Lounge" in event["LOCATION"]
    assert "Omar (Omar SARL)" in event["DESCRIPTION"]
    assert "Leaks in old buildings." in event["DESCRIPTION"]
    assert event["STATUS"] == "CONFIRMED"


def test_no_sign_in_is_needed_and_unknown_secrets_are_not_found(client, pair):
    _slots, amina, _omar = pair
    assert feed(client, amina) is not None  # anonymous client
    for secret in ("x" * 43, "nope", "a" * 65, amina.calendar_secret[:-1] + "!"):
        url = reverse("matchmaking:agenda_ics", args=["SECRET"]).replace("SECRET", secret)
        assert client.get(url).status_code == 404


def test_each_side_reads_the_feed_in_their_language(client, pair):
    _slots, amina, omar = pair
    (english,) = feed(client, amina).walk("VEVENT")
    (arabic,) = feed(client, omar).walk("VEVENT")
    assert english["UID"] == arabic["UID"]
    assert "Amina SARL" in arabic["SUMMARY"]


def test_a_moved_meeting_keeps_its_uid_so_calendars_update_it(client, pair):
    slots, amina, omar = pair
    (before,) = feed(client, amina).walk("VEVENT")
    (meeting,) = published(amina.lounge)
    omar.blocked_slots.add(meeting.slot)
    planning.publish(planning.run_scheduler(amina.lounge, by=None, time_limit=5), by=None)

    (after,) = feed(client, amina).walk("VEVENT")

    assert after["UID"] == before["UID"]
    assert after.start != before.start and after.start in {s.starts_at for s in slots}
    assert after["SEQUENCE"] >= before["SEQUENCE"]


def test_cancelled_meetings_leave_the_feed(client, pair):
    _slots, amina, omar = pair
    omar.blocked_slots.set(amina.lounge.slots.all())
    planning.publish(planning.run_scheduler(amina.lounge, by=None, time_limit=5), by=None)

    assert feed(client, amina).walk("VEVENT") == []


def test_starred_sessions_come_along_with_their_programme_uid(client, pair, edition):
    _slots, amina, _omar = pair
    talk = SessionFactory(edition=edition, title_en="Circular city", starts_at=at(26, 10))
    other_edition_talk = SessionFactory(title_en="Elsewhere", starts_at=at(26, 11))
    agenda = Agenda.objects.create(owner=amina.user)
    agenda.sessions.add(talk, other_edition_talk)

    events = feed(client, amina).walk("VEVENT")

    summaries = {str(e["SUMMARY"]) for e in events}
    assert summaries == {"Meeting: Omar SARL", "Circular city"}
    session_event = next(e for e in events if e["SUMMARY"] == "Circular city")
    assert session_event["UID"] == str(talk.guid)
    assert session_event.start == at(26, 10).astimezone(UTC)


def test_the_cancellation_file_names_the_same_meeting(pair):
    _slots, amina, _omar = pair
    (meeting,) = published(amina.lounge)
    with translation.override("en"):
        published_file = Calendar.from_ical(calendar.meeting_ics(meeting, profile=amina))
        Meeting.objects.filter(pk=meeting.pk).update(
            status=Meeting.Status.CANCELLED, cancelled_at=meeting.published_at + timedelta(hours=2)
        )
        meeting.refresh_from_db()
        cancel_file = Calendar.from_ical(
            calendar.meeting_ics(meeting, profile=amina, cancelled=True)
        )

    (first,), (cancel,) = published_file.walk("VEVENT"), cancel_file.walk("VEVENT")
    assert published_file["METHOD"] == "PUBLISH" and cancel_file["METHOD"] == "CANCEL"
    assert cancel["UID"] == first["UID"] and cancel["STATUS"] == "CANCELLED"
    assert cancel["SEQUENCE"] > first["SEQUENCE"]
    assert str(cancel["ORGANIZER"]).startswith("mailto:")
