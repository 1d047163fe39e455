"""A participant's meeting agenda: published meetings beside starred sessions, in one
chronological list, clashes marked, the starred agenda following the account."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.testing import english
from matchmaking import planning
from matchmaking.models import Meeting
from matchmaking.tests.factories import with_slots
from matchmaking.tests.meeting_helpers import accepted, person
from programme.models import Agenda
from programme.services import AGENDA_COOKIE
from programme.tests.factories import SessionFactory, at

pytestmark = pytest.mark.django_db
AGENDA = "matchmaking:agenda"


def page(client, user, *, cookie=None) -> str:
    client.force_login(user)
    if cookie:
        client.cookies[AGENDA_COOKIE] = cookie
    response = client.get(english(AGENDA))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    return response.content.decode()


@pytest.fixture
def pair(lounge, cast):
    """Amina (startup) and Omar (corporate) meet on 25 May at 14:20, the only slot both have."""
    slots = with_slots(lounge, day=25, start=(14, 0), count=3, tables=2)
    amina = person(lounge, "amina")
    omar = person(lounge, "omar", kind="corporate")
    amina.blocked_slots.add(slots[0])
    omar.blocked_slots.add(slots[2])
    accepted(amina, omar, message="Our meters find leaks in old buildings.")
    lounge.tables.filter(number=1).update(label="by the door")
    lounge.tables.filter(number=2).update(label="by the window")
    planning.publish(planning.run_scheduler(lounge, by=cast["admin"], time_limit=5), by=None)
    return amina, omar


def test_anonymous_visitors_are_asked_to_sign_in(client, lounge):
    response = client.get(english(AGENDA))
    assert response.status_code == 302
    assert response["Location"].startswith(english("accounts:sign_in"))


def test_someone_not_in_the_lounge_is_offered_to_join(client, lounge, cast):
    html = page(client, cast["attendee"])
    assert english("matchmaking:join") in html
    assert "You do not take part in the Open Innovation Lounge yet" in html


def test_both_sides_see_the_same_time_and_table(client, pair):
    amina, omar = pair
    (meeting,) = Meeting.objects.published()

    for me, them in ((amina, omar), (omar, amina)):
        html = page(client, me.user)
        assert "Wednesday 25 May 2022" in html
        assert '<time datetime="2022-05-25T14:20:00+01:00">14:20</time>' in html
        assert f"Table {meeting.table.number}</strong>" in html
        assert meeting.table.label in html
        assert f"<bdi>{them.organisation}</bdi>" in html
        assert f"<bdi>{them.display_name}</bdi>" in html
        assert "Our meters find leaks in old buildings." in html
    assert "Your request" in page(client, amina.user)
    assert "Their request" in page(client, omar.user)


def test_starred_sessions_sit_in_time_order_with_clashes_marked(client, pair, edition):
    amina, _omar = pair
    morning = SessionFactory(edition=edition, title_en="Morning keynote", starts_at=at(25, 9))
    clashing = SessionFactory(
        edition=edition, title_en="Low-tech water", starts_at=at(25, 14), ends_at=at(25, 14, 30)
    )
    later = SessionFactory(edition=edition, title_en="Closing", starts_at=at(26, 17))
    hidden = SessionFactory(edition=edition, title_en="Not published", is_published=False)
    agenda = Agenda.objects.create(owner=amina.user)
    agenda.sessions.add(morning, clashing, later, hidden)

    html = page(client, amina.user)

    order = [
        html.index(text)
        for text in (
            "Morning keynote",
            "Low-tech water",
            "Omar SARL",
            "Thursday 26 May 2022",
            "Closing",
        )
    ]
    assert order == sorted(order)
    assert "Not published" not in html
    assert html.count("has-clash") == 2  # the meeting and the session it overlaps
    assert "Clashes with a session you starred:" in html
    assert "At the same time as your meeting with" in html


def test_the_browsers_starred_agenda_becomes_the_accounts(client, pair, edition):
    amina, _omar = pair
    talk = SessionFactory(edition=edition, title_en="Circular city", starts_at=at(26, 10))
    visitor = Agenda.objects.create()
    visitor.sessions.add(talk)

    assert "Circular city" in page(client, amina.user, cookie=visitor.secret)

    visitor.refresh_from_db()
    assert visitor.owner == amina.user
    client.cookies.clear()
    assert "Circular city" in page(client, amina.user)  # another device, no cookie


def test_an_owned_agenda_wins_over_the_cookie_and_others_agendas_stay_theirs(client, pair, edition):
    amina, omar = pair
    mine = Agenda.objects.create(owner=amina.user)
    mine.sessions.add(SessionFactory(edition=edition, title_en="My session"))
    theirs = Agenda.objects.create(owner=omar.user)
    theirs.sessions.add(SessionFactory(edition=edition, title_en="Omar's session"))

    html = page(client, amina.user, cookie=theirs.secret)

    assert "My session" in html and "Omar&#x27;s session" not in html
    theirs.refresh_from_db()
    assert theirs.owner == omar.user


def test_the_page_links_to_the_private_calendar(client, pair):
    amina, _omar = pair
    html = page(client, amina.user)
    assert f"/matchmaking/agenda/{amina.calendar_secret}/meetings.ics" in html


def test_cancelled_meetings_disappear(client, pair):
    amina, omar = pair
    amina.blocked_slots.set(amina.lounge.slots.all())
    planning.publish(planning.run_scheduler(amina.lounge, by=None, time_limit=5), by=None)

    html = page(client, amina.user)

    assert "Omar SARL" not in html and "No meeting is published for you yet" in html


def test_past_meetings_offer_feedback(client, pair, before_the_event):
    amina, _omar = pair
    (meeting,) = Meeting.objects.published()
    feedback = english("matchmaking:feedback", meeting.pk)
    assert feedback not in page(client, amina.user)

    before_the_event.move_to(meeting.slot.starts_at + timedelta(minutes=1))

    assert feedback in page(client, amina.user)


def test_meetings_of_another_lounge_do_not_show(client, pair, cast):
    amina, _omar = pair
    (meeting,) = Meeting.objects.published()
    meeting.sides.filter(profile=amina).update(is_active=False)  # as if not hers
    assert "Omar SARL" not in page(client, amina.user)


def test_agenda_queries_do_not_grow_with_meetings(client, lounge, edition):
    with_slots(lounge, day=25, start=(10, 0), count=6, tables=3)
    one, three = person(lounge, "amina"), person(lounge, "bilal")
    for name in ("chama",):
        accepted(one, person(lounge, name))
    for name in ("driss", "elias", "farah"):
        accepted(three, person(lounge, name))
    for owner, n in ((one, 1), (three, 3)):
        agenda = Agenda.objects.create(owner=owner.user)
        agenda.sessions.set(
            [SessionFactory(edition=edition, starts_at=at(26, 9 + k)) for k in range(n)]
        )
    planning.publish(planning.run_scheduler(lounge, by=None, time_limit=5), by=None)

    def queries(profile, expected):
        client.force_login(profile.user)
        with CaptureQueriesContext(connection) as done:
            html = client.get(english(AGENDA)).content.decode()
        assert html.count("is-meeting") == expected and html.count("is-session") == expected
        return len(done)

    assert queries(one, 1) == queries(three, 3)
