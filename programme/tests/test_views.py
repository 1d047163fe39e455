"""The public programme pages, as a visitor sees them."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editions.tests.factories import EditionFactory
from programme.models import Agenda
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at

pytestmark = pytest.mark.django_db


def page(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_root_redirects_by_browser_language(client, edition):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar-MA,ar;q=0.9")["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/fr/"
    assert client.get("/")["Location"] == "/fr/"


def test_unknown_language_prefix_redirects_to_french(client, edition):
    response = client.get("/de/programme/?day=2022-05-26")
    assert response.status_code == 301
    assert response["Location"] == "/fr/programme/?day=2022-05-26"


def test_timetable_shows_sessions_by_space_and_time(client, session):
    html = page(client, "/fr/programme/")
    assert "Recycler la ville" in html
    assert "Salle Atlas" in html
    assert "Salma Bennani" in html
    assert ">10:00</time>–<time" in html
    assert 'lang="fr" dir="ltr"' in html


def test_arabic_timetable_is_right_to_left_and_translated(client, session):
    html = page(client, "/ar/programme/")
    assert 'lang="ar" dir="rtl"' in html
    assert "إعادة تدوير المدينة" in html


def test_missing_translation_falls_back_to_french(client, session):
    session.title_en = ""
    session.save()
    assert "Recycler la ville" in page(client, "/en/programme/")


def test_timetable_day_tabs(client, session, edition):
    SessionFactory(edition=edition, starts_at=at(26, 14), title_fr="Clôture du symposium")
    first_day = page(client, "/fr/programme/")
    assert "Clôture du symposium" not in first_day
    assert "?day=2022-05-26" in first_day
    assert "Clôture du symposium" in page(client, "/fr/programme/?day=2022-05-26")


def test_filters_combine_and_live_in_the_url(client, session, edition):
    governance = edition.pivots.get(slug="governance")
    SessionFactory(edition=edition, pivot=governance, title_fr="Budget participatif", kind="debate")
    SessionFactory(edition=edition, pivot=governance, title_fr="Données ouvertes", kind="talk")
    html = page(client, "/fr/programme/?pivot=governance&kind=debate")
    assert "Budget participatif" in html
    assert "Données ouvertes" not in html
    assert "Recycler la ville" not in html
    html = page(client, "/fr/programme/?lang=ar")
    assert "Recycler la ville" in html
    assert "Budget participatif" not in html


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pivot=st.text(max_size=30),
    kind=st.text(max_size=30),
    day=st.text(max_size=30),
    lang=st.text(max_size=10),
)
def test_malformed_filters_show_the_unfiltered_programme(client, session, pivot, kind, day, lang):
    response = client.get(
        "/fr/programme/", {"pivot": pivot, "kind": kind, "day": day, "lang": lang}
    )
    assert response.status_code == 200
    assert "Recycler la ville" in response.content.decode()


def test_session_page(client, session):
    html = page(client, reverse("programme:session", args=[session.pk]))
    assert "<h1>Recycler la ville</h1>" in html
    assert "Résumé de la session." in html
    assert "Salma Bennani" in html
    assert "Français, Arabe" in html
    assert f".pv-{session.pivot_id}{{--pv:#2e7d32}}" in html  # its pivot's colour


def test_unknown_session_speaker_and_pivot_give_a_translated_404(client, session):
    for url in [
        "/ar/programme/sessions/999999/",
        "/ar/programme/speakers/999999/",
        "/ar/programme/pivots/nope/",
    ]:
        response = client.get(url)
        assert response.status_code == 404
        assert "الصفحة غير موجودة" in response.content.decode()
    assert "Page introuvable" in client.get("/fr/programme/sessions/999999/").content.decode()


def test_unpublished_session_is_hidden(client, session):
    session.is_published = False
    session.save()
    assert client.get(reverse("programme:session", args=[session.pk])).status_code == 404
    assert "Recycler la ville" not in page(client, "/fr/programme/")


def test_speakers_list_and_page(client, session):
    speaker = session.speakers.get()
    html = page(client, reverse("programme:speakers"))
    assert "Salma Bennani" in html
    html = page(client, reverse("programme:speaker", args=[speaker.pk]))
    assert "Recycler la ville" in html


def test_speaker_without_published_session_is_not_found(client, edition):
    lonely = SpeakerFactory()
    assert client.get(reverse("programme:speaker", args=[lonely.pk])).status_code == 404


def test_pivot_page_lists_its_sessions(client, session, edition):
    SessionFactory(edition=edition, pivot=edition.pivots.get(slug="governance"), title_fr="Autre")
    html = page(client, reverse("programme:pivot", args=["low-tech"]))
    assert "Technologies low-tech" in html
    assert "Recycler la ville" in html
    assert "Autre" not in html
    assert f".pv-{session.pivot_id}{{--pv:#2e7d32}}" in html


def star(client, session, next_url="/fr/programme/"):
    return client.post(reverse("programme:toggle_star"), {"session": session.pk, "next": next_url})


def test_starring_without_javascript_keeps_an_agenda(client, session):
    response = star(client, session)
    assert response.status_code == 302
    assert response["Location"] == f"/fr/programme/#s{session.pk}"
    agenda = Agenda.objects.get()
    assert list(agenda.sessions.all()) == [session]
    assert 'aria-pressed="true"' in page(client, "/fr/programme/")
    html = page(client, reverse("programme:agenda_home"), follow=True)
    assert "Recycler la ville" in html
    assert agenda.secret in html
    star(client, session)
    assert agenda.sessions.count() == 0


def test_agenda_flags_clashes(client, session, edition):
    overlapping = SessionFactory(
        edition=edition, starts_at=at(25, 10, 30), ends_at=at(25, 11), title_fr="En même temps"
    )
    later = SessionFactory(edition=edition, starts_at=at(25, 11), title_fr="Juste après")
    for each in (session, overlapping, later):
        star(client, each)
    agenda = Agenda.objects.get()
    html = page(client, reverse("programme:agenda", args=[agenda.secret]))
    assert html.count("Chevauche une autre session") == 2  # not the back-to-back one
    assert html.count(f".pv-{session.pivot_id}{{--pv:") == 1  # each pivot's colour once


def test_agenda_link_can_be_adopted_on_another_device(client, session):
    star(client, session)
    secret = Agenda.objects.get().secret
    other_device = client.__class__()
    html = page(other_device, reverse("programme:agenda", args=[secret]))
    assert "Recycler la ville" in html
    response = other_device.post(reverse("programme:agenda", args=[secret]))
    assert response.cookies["jemaa_agenda"].value == secret


def test_unknown_agenda_is_not_found(client, edition):
    assert client.get(reverse("programme:agenda", args=["guess"])).status_code == 404


@pytest.mark.parametrize("value", ["", "abc", "999999", "1 OR 1=1"])
def test_starring_an_unknown_session_is_refused(client, edition, value):
    response = client.post(reverse("programme:toggle_star"), {"session": value})
    assert response.status_code == 400
    assert Agenda.objects.count() == 0


def test_starring_a_session_of_an_unpublished_edition_is_refused(client, session, edition):
    # Ids are sequential: starring each one would list a hidden programme in the agenda.
    EditionFactory(slug="scc-2023", is_current=False)
    edition.is_published = False
    edition.save()
    response = star(client, session)
    assert response.status_code == 400
    assert Agenda.objects.count() == 0


def test_an_agenda_forgets_sessions_of_an_edition_unpublished_later(client, session, edition):
    other = SessionFactory(
        edition=EditionFactory(slug="scc-2023"), starts_at=at(25, 10), title_fr="Encore en ligne"
    )
    star(client, session)
    star(client, other)
    edition.is_published = False
    edition.save()
    secret = Agenda.objects.get().secret
    html = page(client, reverse("programme:agenda", args=[secret]))
    assert "Encore en ligne" in html
    assert "Recycler la ville" not in html
    calendar = client.get(reverse("programme:agenda_ics", args=[secret])).content.decode()
    assert "Encore en ligne" in calendar
    assert "Recycler la ville" not in calendar


def test_star_does_not_redirect_elsewhere(client, session):
    response = star(client, session, next_url="https://evil.example.com/")
    assert response["Location"] == f"/fr/programme/sessions/{session.pk}/#s{session.pk}"


@freeze_time("2022-05-25 09:30:00")  # 10:30 in Casablanca (UTC+1 in May 2022)
def test_now_and_next_during_the_event(client, session, edition):
    SessionFactory(edition=edition, starts_at=at(25, 11), title_fr="Juste après")
    SessionFactory(edition=edition, starts_at=at(25, 16), title_fr="Cet après-midi")
    html = page(client, reverse("programme:now"))
    assert "Recycler la ville" in html
    assert "Juste après" in html
    assert "Cet après-midi" not in html
    assert "En direct" in page(client, "/fr/programme/")


@freeze_time("2022-06-10 10:00:00")
def test_now_page_after_the_event(client, session):
    html = page(client, reverse("programme:now"))
    assert "Recycler la ville" not in html
    assert "25 mai 2022" in html


def test_edition_home_and_archive(client, session, edition):
    past = EditionFactory(
        slug="scc-2021",
        name_fr="Symposium 2021",
        starts_on=date(2021, 5, 25),
        ends_on=date(2021, 5, 26),
    )
    SessionFactory(
        edition=past, title_fr="Session de 2021", starts_at=at(25, 10).replace(year=2021)
    )
    home = page(client, "/fr/")
    assert edition.name_fr in home
    assert "Symposium 2021" in home
    assert "Symposium 2021" in page(client, reverse("editions:list"))
    archive = page(client, reverse("editions:programme", args=["scc-2021"]) + "?day=2021-05-25")
    assert "Session de 2021" in archive


def test_language_switcher_keeps_the_page(client, session):
    html = page(client, f"/fr/programme/sessions/{session.pk}/")
    assert f'href="/ar/programme/sessions/{session.pk}/"' in html
    assert f'href="/en/programme/sessions/{session.pk}/"' in html


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_sessions(edition, count):
    for hour in range(count):
        extra = SessionFactory(
            edition=edition,
            starts_at=at(25, 12 + hour),
            pivot=edition.pivots.first(),
            space=edition.spaces.first(),
        )
        SessionSpeakerFactory(session=extra)


@pytest.mark.parametrize(
    "url", ["/fr/programme/", "/fr/programme/speakers/", "/fr/programme/pivots/low-tech/", "/fr/"]
)
def test_list_pages_do_not_grow_queries_with_sessions(client, edition, url):
    add_sessions(edition, 1)
    one = queries_for(client, url)
    add_sessions(edition, 2)
    assert queries_for(client, url) == one


def test_archive_pages_link_to_their_own_edition(client, session, edition):
    past = EditionFactory(slug="scc-2021", starts_on=date(2021, 5, 25), ends_on=date(2021, 5, 26))
    pivot = past.pivots.create(slug="low-tech", colour="#333333", name_fr="Low-tech 2021")
    old = SessionFactory(
        edition=past,
        pivot=pivot,
        starts_at=at(25, 10).replace(year=2021),
        title_fr="Session de 2021",
    )
    html = page(client, reverse("editions:programme", args=["scc-2021"]) + "?day=2021-05-25")
    assert "/fr/programme/pivots/low-tech/?edition=scc-2021" in html
    assert "/fr/programme/programme.ics?edition=scc-2021" in html
    pivot_page = page(client, "/fr/programme/pivots/low-tech/?edition=scc-2021")
    assert "Low-tech 2021" in pivot_page and "Session de 2021" in pivot_page
    assert "Recycler la ville" not in pivot_page
    session_page = page(client, reverse("programme:session", args=[old.pk]))
    assert "/fr/editions/scc-2021/programme/?day=2021-05-25" in session_page
    assert client.get("/fr/programme/pivots/low-tech/?edition=nope").status_code == 404
