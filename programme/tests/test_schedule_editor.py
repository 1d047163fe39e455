"""The schedule editor (/<lang>/staff/schedule/): the grid of a day with the
unscheduled sessions beside it, the move form that works without JavaScript,
conflicts shown in words before anything is saved, stale pages answered 409."""

import gzip
from datetime import time, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.testing import english, queries_of_get
from editions.tests.factories import PivotFactory, SpaceFactory
from programme.forms import MoveForm
from programme.models import Session
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at

STATIC = Path(__file__).resolve().parents[2]


@pytest.fixture
def organiser(client, cast):
    client.force_login(cast["programme_manager"])
    return client


def move(client, session, *, space, day="2022-05-25", start="10:00", duration=60, **extra):
    data = {
        "space": space.pk,
        "day": day,
        "start": start,
        "duration": duration,
        "seen": session.placement_version,
        **extra,
    }
    return client.post(reverse("schedule:move", args=[session.pk]), data)


def placed(session):
    session.refresh_from_db()
    return session.space.slug, session.starts_at, session.ends_at


def test_the_editor_shows_every_space_and_the_unscheduled_drafts_beside(organiser, session):
    draft = SessionFactory(edition=session.edition, space=None, title_fr="Brouillon sans salle")

    page = organiser.get("/fr/staff/schedule/").content.decode()

    assert "Éditeur du programme" in page
    assert "Salle Atlas" in page and "Salle Anfa" in page  # Anfa is empty yet a column
    assert "Recycler la ville" in page and "Salma Bennani" in page
    unscheduled = page.split("Sessions sans place")[1]
    assert "Brouillon sans salle" in unscheduled
    assert f'action="/fr/staff/schedule/sessions/{draft.pk}/move/"' in page


def test_staff_without_the_programme_permission_are_refused(client, cast):
    client.force_login(cast["jury_member"])

    assert client.get("/fr/staff/schedule/").status_code == 403


def test_the_form_moves_a_session_and_returns_to_its_day(organiser, edition, session):
    anfa = edition.spaces.get(slug="anfa")

    response = move(organiser, session, space=anfa, day="2022-05-26", start="14:30", duration=90)

    assert response.status_code == 302
    assert response["Location"].endswith("?edition=scc-2022&day=2022-05-26")
    assert placed(session) == ("anfa", at(26, 14, 30), at(26, 16))
    assert (
        "«\u00a0Recycler la ville\u00a0» a été déplacée."
        in organiser.get(response["Location"]).content.decode()
    )


def test_placing_a_draft_gives_it_a_space(organiser, edition):
    draft = SessionFactory(edition=edition, space=None, is_published=False)

    move(organiser, draft, space=edition.spaces.get(slug="anfa"), start="09:00")

    assert placed(draft)[0] == "anfa"


def test_a_double_booked_space_is_shown_in_words_and_nothing_is_saved(organiser, edition, session):
    other = SessionFactory(
        edition=edition,
        space=edition.spaces.get(slug="anfa"),
        starts_at=at(25, 14),
        title_fr="Atelier",
    )

    response = move(organiser, other, space=edition.spaces.get(slug="atlas"), start="10:30")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Salle Atlas accueille deux sessions en même temps" in page
    assert "«\u00a0Recycler la ville\u00a0»" in page
    assert "Garder à cette place, avec un avertissement" in page
    assert placed(other)[0] == "anfa"


def test_staff_may_keep_a_conflict_with_a_warning(organiser, edition, session):
    other = SessionFactory(
        edition=edition, space=edition.spaces.get(slug="anfa"), starts_at=at(25, 14)
    )

    response = move(
        organiser, other, space=edition.spaces.get(slug="atlas"), start="10:30", keep="on"
    )

    assert response.status_code == 302
    assert placed(other) == ("atlas", at(25, 10, 30), at(25, 11, 30))
    editor = organiser.get(response["Location"]).content.decode()
    assert "Déplacée, en gardant des conflits" in editor
    assert "Conflits dans le programme" in editor


@pytest.mark.usefixtures("in_english")
def test_a_speaker_in_two_places_is_named(organiser, edition, session):
    other = SessionFactory(
        edition=edition, space=edition.spaces.get(slug="anfa"), starts_at=at(26, 9)
    )
    SessionSpeakerFactory(session=other, speaker=session.speakers.get())

    response = organiser.post(
        english("schedule:move", other.pk),
        {
            "space": other.space_id,
            "day": "2022-05-25",
            "start": "10:15",
            "duration": 60,
            "seen": other.placement_version,
        },
    )

    assert "Salma Bennani is booked in two sessions at once" in response.content.decode()
    assert placed(other)[1] == at(26, 9)


def test_a_closed_space_is_refused_with_its_hours_even_when_asked_to_keep(
    organiser, edition, session
):
    anfa = edition.spaces.get(slug="anfa")
    anfa.opens_at, anfa.closes_at = time(9), time(18)
    anfa.save()

    response = move(organiser, session, space=anfa, start="17:30", keep="on")

    page = response.content.decode()
    assert response.status_code == 422
    assert "en dehors des heures d’ouverture de Salle Anfa (09:00–18:00)" in page
    assert "Garder à cette place" not in page
    assert placed(session)[0] == "atlas"


@pytest.mark.usefixtures("in_english")
def test_a_day_outside_the_grid_is_refused_with_the_reason(organiser, edition, session):
    response = organiser.post(
        english("schedule:move", session.pk),
        {
            "space": session.space_id,
            "day": "2022-05-27",
            "start": "10:00",
            "duration": 60,
            "seen": session.placement_version,
        },
    )

    assert response.status_code == 400
    assert "this one is outside the grid" in response.content.decode()
    assert placed(session)[1] == at(25, 10)


def test_a_session_running_past_the_last_day_is_refused(organiser, edition, session):
    response = move(organiser, session, space=session.space, day="2022-05-26", start="23:30")

    assert response.status_code == 422
    assert "en dehors des jours de l’édition" in response.content.decode()


def test_a_stale_page_answers_409_with_where_the_session_is_now(organiser, edition, session):
    seen = session.placement_version
    # Someone else moves it to Anfa meanwhile.
    Session.objects.filter(pk=session.pk).update(space=edition.spaces.get(slug="anfa"))

    response = organiser.post(
        reverse("schedule:move", args=[session.pk]),
        {
            "space": session.space_id,
            "day": "2022-05-25",
            "start": "15:00",
            "duration": 60,
            "seen": seen,
        },
    )

    page = response.content.decode()
    assert response.status_code == 409
    assert "Quelqu’un d’autre a déplacé «\u00a0Recycler la ville\u00a0»" in page
    assert "Salle Anfa, 25 mai 2022, 10:00–11:00" in page
    assert placed(session) == ("anfa", at(25, 10), at(25, 11))


def test_check_programme_reports_a_closed_space_too(edition, session, capsys):
    atlas = session.space
    atlas.opens_at = time(10, 30)
    atlas.save()

    with pytest.raises(Exception, match="1 problème"):
        call_command("check_programme", "--edition", edition.slug)

    assert "en dehors des heures d’ouverture de Salle Atlas (10:30–)" in capsys.readouterr().out


def sessions(edition, count):
    for n in range(Session.objects.count() + 1, count + 1):
        session = SessionFactory(
            edition=edition,
            title_en=f"Session {n:02d}",
            starts_at=at(25, 8) + timedelta(minutes=20 * n),
            pivot=PivotFactory(edition=edition),
            space=SpaceFactory(edition=edition) if n % 5 else None,
        )
        SessionSpeakerFactory(session=session, speaker=SpeakerFactory(name=f"Speaker {n:02d}"))


def test_the_editor_queries_do_not_grow_with_sessions_and_it_stays_light(organiser, edition):
    sessions(edition, 1)
    one, _ = queries_of_get(organiser, "/en/staff/schedule/")

    sessions(edition, 30)
    thirty, page = queries_of_get(organiser, "/en/staff/schedule/")

    assert "Session 30" in page and "Speaker 29" in page
    assert thirty == one
    assets = [
        "core/static/core/jemaa.css",
        "programme/static/programme/schedule.css",
        "programme/static/programme/schedule.js",
    ]
    transferred = len(gzip.compress(page.encode())) + sum(
        len(gzip.compress((STATIC / asset).read_bytes())) for asset in assets
    )
    assert transferred <= 60 * 1024


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    day=st.one_of(st.text(max_size=12), st.dates().map(str)),
    start=st.one_of(st.text(max_size=8), st.times().map(lambda t: t.strftime("%H:%M"))),
    duration=st.one_of(st.text(max_size=6), st.integers(-100, 2000).map(str)),
)
def test_the_form_accepts_only_a_place_inside_the_grid(edition, day, start, duration):
    atlas = edition.spaces.get(slug="atlas")
    form = MoveForm(
        edition, {"space": atlas.pk, "day": day, "start": start, "duration": duration, "seen": "x"}
    )

    if form.is_valid():
        placement = form.placement()
        assert placement.starts_at.date() in edition.days
        assert (
            timedelta(minutes=5) <= placement.ends_at - placement.starts_at <= timedelta(hours=12)
        )
