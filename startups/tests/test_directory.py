"""The public directory of selected startups and each startup's page."""

import io
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from PIL import Image

from core.testing import english
from editions.tests.factories import EditionFactory, PivotFactory, SpaceFactory
from startups.models import Application
from startups.tests.factories import ApplicationFactory, CallFactory

Status = Application.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def call(edition):
    return CallFactory(
        edition=edition,
        title_en="Startup Village",
        introduction_en="Young companies of the smart city show their work.",
        village=SpaceFactory(edition=edition, name_en="The village square"),
    )


def selected(call, **fields):
    return ApplicationFactory(call=call, status=Status.SELECTED, **fields)


def logo_file() -> ContentFile:
    output = io.BytesIO()
    Image.new("RGBA", (40, 40), (0, 0, 0, 255)).save(output, "WEBP")
    return ContentFile(output.getvalue(), name="0123456789abcdef.webp")


def directory(client, query=""):
    response = client.get(english("startups:directory") + query)
    return response, response.content.decode()


def test_directory_shows_the_call_and_only_selected_startups(client, call):
    selected(call, name="Dar Lma")
    for status in (Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.WITHDRAWN):
        ApplicationFactory(call=call, status=status, name=f"Hidden {status}")
    response, page = directory(client)
    assert response.status_code == 200
    assert "<h1>Startup Village</h1>" in page
    assert "Young companies of the smart city" in page
    assert "Dar Lma" in page and "Hidden" not in page
    assert "1 startup" in page
    assert 'href="/en/startups/" aria-current="page"' in page  # the header marks the village


def test_open_call_has_an_apply_button(client, call):
    _response, page = directory(client)
    assert f'href="{english("startups:apply")}"' in page and "Apply</a>" in page


def test_call_not_open_yet_says_when(client, call):
    call.opens_at = timezone.now() + timedelta(days=3)
    call.closes_at = timezone.now() + timedelta(days=30)
    call.save()
    _response, page = directory(client)
    assert "Applications open on" in page and "Apply</a>" not in page


def test_closed_call_says_so(client, call):
    call.opens_at = timezone.now() - timedelta(days=30)
    call.closes_at = timezone.now() - timedelta(days=3)
    call.save()
    _response, page = directory(client)
    assert "Applications closed on" in page and "Apply</a>" not in page


def test_empty_directory_says_who_will_appear(client, call):
    _response, page = directory(client)
    assert "0 startups" in page
    assert "The startups selected by the jury will appear here." in page


def test_cards_lazy_load_logos_with_their_size(client, call):
    selected(call, name="With logo", logo=logo_file())
    selected(call, name="Without logo")
    _response, page = directory(client)
    assert 'loading="lazy"' in page and 'width="72" height="72"' in page
    assert page.count("<img") == 1


def test_filters_narrow_the_list_and_keep_their_choices_in_the_address(client, call, edition):
    low_tech = edition.pivots.get(slug="low-tech")
    governance = edition.pivots.get(slug="governance")
    selected(
        call,
        name="Dar Lma",
        pivot=low_tech,
        sector="water",
        stage="prototype",
        structure="cooperative",
        is_open_source=True,
        is_low_tech=True,
    )
    selected(call, name="Civic Data", pivot=governance, sector="data", stage="growth")
    cases = {
        "?pivot=low-tech": "Dar Lma",
        "?sector=data": "Civic Data",
        "?stage=prototype": "Dar Lma",
        "?structure=cooperative": "Dar Lma",
        "?open_source=on": "Dar Lma",
        "?low_tech=on": "Dar Lma",
        "?pivot=governance&stage=growth": "Civic Data",
    }
    for query, name in cases.items():
        _response, page = directory(client, query)
        cards = page.split('class="village"', 1)[1]
        other = {"Dar Lma", "Civic Data"} - {name}
        assert name in cards and other.pop() not in cards, query
        assert "1 startup" in page
    _response, page = directory(client, "?pivot=low-tech&open_source=on")
    assert '<option value="low-tech" selected>' in page
    assert 'name="open_source" id="id_open_source" checked' in page
    assert "Show all" in page


def test_filters_without_a_match_say_so(client, call):
    selected(call, sector="water")
    _response, page = directory(client, "?sector=energy")
    assert "No selected startup matches these filters." in page


@pytest.mark.parametrize(
    "query",
    [
        "?pivot=nope",
        "?sector=%00",
        "?stage=" + "x" * 5000,
        "?structure=<script>",
        "?open_source=maybe",
        "?pivot=%E2%80%AE",
        "?edition=%00",
    ],
)
def test_bad_filter_values_never_break_the_page(client, call, query):
    selected(call, name="Dar Lma", is_open_source=True)
    response, page = directory(client, query)
    assert response.status_code in (200, 404)
    assert "<script>" not in page
    if response.status_code == 200:
        assert "Dar Lma" in page


def test_directory_needs_the_same_queries_for_one_or_three_startups(client, call, edition):
    pivots = list(edition.pivots.all())
    selected(call, pivot=pivots[0], logo=logo_file())

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("startups:directory")).status_code == 200
        return len(queries)

    one = count()
    selected(call, pivot=pivots[1], logo=logo_file())
    selected(call, pivot=pivots[0])
    assert count() == one


def test_pitch_with_html_is_escaped_in_cards_and_on_the_page(client, call):
    startup = selected(
        call,
        name="<b>Bold</b>",
        pitch="<script>alert('x')</script>\nLine two",
        seeking="<img src=x onerror=alert(1)>",
        city="<i>Fès</i>",
        slug="bold",
    )
    for url in (english("startups:directory"), english("startups:startup", startup.slug)):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "<b>Bold</b>" not in page and escape("<b>Bold</b>") in page
    page = client.get(english("startups:startup", startup.slug)).content.decode()
    assert escape("<script>alert('x')</script>") + "<br>Line two" in page


# A startup's page


def test_startup_page_shows_what_the_public_needs(client, call, edition):
    pivot = edition.pivots.get(slug="low-tech")
    startup = selected(
        call,
        name="Dar Lma",
        slug="dar-lma",
        pivot=pivot,
        structure="cooperative",
        sector="water",
        stage="prototype",
        team_size=5,
        city="Casablanca",
        website="https://darlma.ma",
        is_open_source=True,
        is_low_tech=True,
        booth="B12",
        seeking="Un pilote avec la régie.",
        logo=logo_file(),
    )
    response = client.get(english("startups:startup", startup.slug))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<bdi>Dar Lma</bdi>" in page
    assert "Cooperative" in page and pivot.name_en in page
    assert f".pv-{pivot.pk}{{--pv:#2e7d32}}" in page  # the pivot's colour
    assert "Water" in page and "Prototype" in page and "5 people" in page
    assert '<a href="https://darlma.ma" rel="nofollow noopener"' in page
    assert "open source" in page and "low-tech" in page
    assert "B12 — The village square" in page
    assert "Un pilote avec la régie." in page
    assert 'width="160" height="160"' in page
    assert startup.logo.url in page


@pytest.mark.parametrize("website", ["javascript:alert(1)", "ftp://darlma.ma/", "data:text/html,x"])
def test_website_other_than_http_is_never_linked(client, call, website):
    Application.objects.filter(pk=selected(call, slug="x", website="https://ok.ma").pk).update(
        website=website
    )
    page = client.get(english("startups:startup", "x")).content.decode()
    assert website not in page


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.WITHDRAWN]
)
def test_only_selected_startups_have_a_page(client, call, status):
    ApplicationFactory(call=call, status=status, slug="hidden")
    assert client.get(english("startups:startup", "hidden")).status_code == 404


def test_unknown_startup_is_not_found(client, call):
    assert client.get(english("startups:startup", "nobody")).status_code == 404


# Past editions


def test_past_edition_shows_its_own_directory(client, call):
    selected(call, name="This year")
    past = EditionFactory(slug="scc-2019", name_en="Smart City 2019")
    PivotFactory(edition=past, slug="energy")
    past_call = CallFactory(edition=past, title_en="Village 2019")
    old = selected(past_call, name="Back then", slug="back-then")
    response, page = directory(client, "?edition=scc-2019")
    assert response.status_code == 200
    assert "Village 2019" in page and "Back then" in page and "This year" not in page
    assert "Apply</a>" not in page
    assert f"{english('startups:startup', old.slug)}?edition=scc-2019" in page
    assert '<input type="hidden" name="edition" value="scc-2019">' in page
    startup_page = client.get(english("startups:startup", old.slug) + "?edition=scc-2019")
    assert startup_page.status_code == 200
    assert client.get(english("startups:startup", old.slug)).status_code == 404


def test_unpublished_edition_is_not_found(client, call):
    EditionFactory(slug="draft-2030", is_published=False)
    assert client.get(english("startups:directory") + "?edition=draft-2030").status_code == 404


def test_edition_without_call_is_a_clear_404(client, call):
    EditionFactory(slug="no-village")
    response = client.get(english("startups:directory") + "?edition=no-village")
    assert response.status_code == 404
    assert "has no call for startups" in response.content.decode()
