"""Visitors see published editions only, each labelled for what it is: the current
one, an archive, or one to come; never an unpublished one, as archive or otherwise."""

from datetime import date

import pytest
from django.urls import reverse
from freezegun import freeze_time

from editions.models import Edition
from editions.tests.factories import EditionFactory
from programme.tests.factories import SessionFactory, at

pytestmark = pytest.mark.usefixtures("edition")


def _edition(slug, year, **fields):
    return EditionFactory(
        slug=slug,
        name_fr=f"Symposium {year}",
        name_en=f"Symposium {year} (en)",
        starts_on=date(year, 5, 26),
        ends_on=date(year, 5, 27),
        **fields,
    )


def _text(client, name, *args):
    response = client.get(reverse(name, args=args))
    return response.status_code, response.content.decode()


@pytest.fixture
def prepared():
    """The next edition, being prepared: unpublished, with a session of its own."""
    hidden = _edition("scc-2027", 2027, is_published=False)
    SessionFactory(edition=hidden, title_fr="Séance secrète 2027", starts_at=at(25, 10))
    return hidden


def test_an_unpublished_edition_is_on_no_visitor_page(client, prepared):
    for name in ("editions:home", "editions:list", "programme:timetable"):
        status, page = _text(client, name)
        assert status == 200 and "Symposium 2027" not in page, name
    assert _text(client, "editions:detail", "scc-2027")[0] == 404
    assert _text(client, "editions:programme", "scc-2027")[0] == 404
    session = prepared.sessions.get()
    assert _text(client, "programme:session", session.pk)[0] == 404


def test_without_a_current_edition_the_home_shows_the_latest_published_as_current(client):
    Edition.objects.update(is_current=False)
    _edition("scc-2027", 2027, is_published=False)
    status, page = _text(client, "editions:home")
    assert "Symposium test" in page and "Édition en cours" in page
    assert "Archive" not in page and "Symposium 2027" not in page


@freeze_time("2026-06-01")
def test_published_editions_are_labelled_archive_or_upcoming(client):
    _edition("scc-2027", 2027, is_published=True)
    _edition("scc-2025", 2025, is_published=True)
    assert "Édition à venir" in _text(client, "editions:detail", "scc-2027")[1]
    assert "Archive" in _text(client, "editions:detail", "scc-2025")[1]


@pytest.mark.usefixtures("in_english")
@freeze_time("2026-06-01")
def test_edition_labels_in_english(client, prepared):
    _edition("scc-2026", 2026, is_published=True)
    listing = _text(client, "editions:list")[1]
    assert "Symposium 2026 (en)" in listing and "Symposium 2027" not in listing
    assert "Upcoming edition" not in _text(client, "editions:detail", "scc-2022")[1]
    assert "Archive" in _text(client, "editions:detail", "scc-2026")[1]
    assert "Current edition" in _text(client, "editions:home")[1]
