"""Query-count guards: the programme's lists take as many queries with 30 sessions as
with one, each session with its own room, pivot, moderator and panelist, so a
relation read row by row (an N+1) shows as a difference."""

from datetime import timedelta

import pytest
from django.urls import reverse

from core.testing import english, queries_of_get
from editions.tests.factories import PivotFactory, SpaceFactory
from programme import services
from programme.models import Agenda, Session, SessionSpeaker
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at


def programme(edition, count: int, *, pivot=None) -> None:
    """Sessions up to `count` on 25 May, every twenty minutes from 8:00, titled
    "Session 01"…, each in its own room, on its own pivot ("Pivot 01"…, or on `pivot`), with its
    own moderator and panelist ("Speaker 01a", "Speaker 01b"…)."""
    for n in range(Session.objects.count() + 1, count + 1):
        session = SessionFactory(
            edition=edition,
            title_en=f"Session {n:02d}",
            title_fr=f"Session {n:02d}",
            starts_at=at(25, 8) + timedelta(minutes=20 * n),
            pivot=pivot or PivotFactory(edition=edition, name_en=f"Pivot {n:02d}"),
            space=SpaceFactory(edition=edition),
        )
        SessionSpeakerFactory(
            session=session,
            speaker=SpeakerFactory(name=f"Speaker {n:02d}a"),
            role=SessionSpeaker.Role.MODERATOR,
        )
        SessionSpeakerFactory(session=session, speaker=SpeakerFactory(name=f"Speaker {n:02d}b"))


@pytest.mark.parametrize(
    ("url", "shows"),
    [
        ("/en/programme/", "Session 30"),
        ("/en/programme/speakers/", "Speaker 30b"),
        ("/en/", "See the programme (30 sessions)"),
        ("/programme/schedule.json", "Speaker 30b"),
        ("/programme/schedule.xml", "Speaker 30b"),
        ("/programme/programme.ics", "Session 30"),
    ],
)
def test_programme_queries_do_not_grow_with_sessions(client, edition, url, shows):
    programme(edition, 1)
    one, _ = queries_of_get(client, url)

    programme(edition, 30)
    thirty, text = queries_of_get(client, url)

    assert shows in text
    assert thirty == one


def test_pivot_page_queries_do_not_grow_with_its_sessions(client, edition):
    low_tech = edition.pivots.get(slug="low-tech")
    url = english("programme:pivot", "low-tech")
    programme(edition, 1, pivot=low_tech)
    one, _ = queries_of_get(client, url)

    programme(edition, 30, pivot=low_tech)
    thirty, text = queries_of_get(client, url)

    assert "Session 30" in text and "Speaker 30b" in text
    assert thirty == one


def test_agenda_queries_do_not_grow_with_starred_sessions(client, edition):
    agenda = Agenda.objects.create()

    def starred(count):
        programme(edition, count)
        for session in Session.objects.exclude(agendas=agenda):
            services.toggle_star(agenda, session=session)
        return queries_of_get(client, english("programme:agenda", agenda.secret))

    one, _ = starred(1)
    thirty, text = starred(30)

    assert "Session 30" in text
    assert thirty == one


def test_sessions_csv_queries_do_not_grow_with_sessions(client, cast, edition):
    client.force_login(cast["programme_manager"])
    url = reverse("programme:sessions_csv")
    programme(edition, 1)
    one, _ = queries_of_get(client, url)

    programme(edition, 30)
    thirty, text = queries_of_get(client, url)

    assert "Speaker 30b" in text
    assert thirty == one
