"""The administration as organisers use it: texts in three languages side by side,
what is missing a translation, choices from the edited object's edition, new objects
in the edition being prepared, the index in the organiser's order, French that reads
well."""

import re
from html import unescape

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from activities.tests.factories import ActivityFactory, ActivitySlotFactory
from core.testing import english
from editions.tests.factories import EditionFactory, PivotFactory, SpaceFactory
from programme.tests.factories import SessionFactory


@pytest.fixture
def staff(cast, client):
    client.force_login(cast["admin"])
    return client


@pytest.fixture
def next_edition(edition):
    """2027, being prepared, with its own Salle Atlas and pivot."""
    upcoming = EditionFactory(slug="scc-2027", name_fr="Smart City Connect 2027")
    SpaceFactory(edition=upcoming, slug="atlas", name_fr="Salle Atlas")
    PivotFactory(edition=upcoming, slug="water", name_fr="L'eau en commun")
    return upcoming


def in_french(name, *args):
    with translation.override("fr"):
        return reverse(name, args=args)


def options(page: str, field: str) -> list[str]:
    """The visible choices of a <select name=field>, without the empty one."""
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', page, re.S)
    assert select, f"no {field} select"
    labels = re.findall(r'<option value="[^"]+"[^>]*>(.*?)</option>', select.group(1))
    return [unescape(label) for label in labels]


def selected(page: str, field: str) -> str:
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', page, re.S)
    chosen = re.search(r'<option value="([^"]*)"[^>]*selected>', select.group(1))
    return chosen.group(1) if chosen else ""


# Choices from the edited object's edition


def test_a_session_offers_only_its_own_edition_pivots_and_spaces(staff, session, next_edition):
    page = staff.get(in_french("admin:programme_session_change", session.pk)).content.decode()

    assert options(page, "space") == ["Salle Atlas", "Salle Anfa"]
    assert "L'eau en commun" not in options(page, "pivot")


def test_an_activity_offers_only_its_own_edition_spaces_and_sessions(staff, session, next_edition):
    SessionFactory(edition=next_edition, title_fr="Séance de 2027")
    activity = ActivityFactory(edition=next_edition)

    page = staff.get(in_french("admin:activities_activity_change", activity.pk)).content.decode()

    assert options(page, "space") == ["Salle Atlas"]
    assert options(page, "session") == ["Séance de 2027"]


def test_a_slot_offers_only_the_activities_of_its_edition(staff, edition, next_edition):
    ActivityFactory(edition=edition, title_en="Debate of 2022")
    slot = ActivitySlotFactory(activity=ActivityFactory(edition=next_edition, title_en="Dome"))

    with translation.override("en"):
        page = staff.get(english("admin:activities_activityslot_change", slot.pk)).content.decode()

    assert options(page, "activity") == ["Dome"]


def test_a_new_session_names_the_edition_of_each_choice(staff, edition, next_edition):
    page = staff.get(in_french("admin:programme_session_add")).content.decode()

    assert "Salle Atlas (Smart City Connect 2027)" in options(page, "space")
    assert f"Salle Atlas ({edition.name_fr})" in options(page, "space")


def test_one_edition_alone_needs_no_label(staff, edition):
    page = staff.get(in_french("admin:programme_session_add")).content.decode()

    assert options(page, "space") == ["Salle Atlas", "Salle Anfa"]


# New objects in the edition being prepared


@pytest.mark.parametrize(
    "page", ["registration_passtype_add", "editions_pivot_add", "activities_activity_add"]
)
def test_new_objects_start_in_the_current_edition(staff, edition, next_edition, page):
    form = staff.get(english(f"admin:{page}")).content.decode()

    assert selected(form, "edition") == str(edition.pk)


def test_an_edition_named_in_the_address_wins(staff, edition, next_edition):
    address = english("admin:registration_passtype_add") + f"?edition={next_edition.pk}"

    form = staff.get(address).content.decode()

    assert selected(form, "edition") == str(next_edition.pk)


# Three languages side by side


def test_a_pivot_form_puts_each_text_in_three_languages_on_one_row(staff, edition):
    pivot = edition.pivots.first()

    page = staff.get(english("admin:editions_pivot_change", pivot.pk)).content.decode()

    rows = page.split('<div class="form-row')
    for base in ("name", "description", "keywords"):
        (row,) = [row for row in rows if f'name="{base}_fr"' in row]
        assert f'name="{base}_ar"' in row and f'name="{base}_en"' in row
    arabic = re.search(r'<input[^>]*name="name_ar"[^>]*>', page).group(0)
    assert 'dir="rtl"' in arabic and 'lang="ar"' in arabic
    assert 'dir="rtl"' in re.search(r'<textarea[^>]*name="description_ar"[^>]*>', page).group(0)
    assert "editions/admin.css" in page


def test_the_side_by_side_layout_is_a_stylesheet_not_inline_style():
    css = open(finders.find("editions/admin.css"), encoding="utf-8").read()

    assert "fieldset.languages .form-multiline" in css


def test_the_edition_page_edits_pivot_and_space_names_in_three_languages(staff, edition):
    page = staff.get(english("admin:editions_edition_change", edition.pk)).content.decode()

    for prefix in ("pivots-0", "spaces-0"):
        assert f'name="{prefix}-name_en"' in page
        arabic = re.search(rf'<input[^>]*name="{prefix}-name_ar"[^>]*>', page).group(0)
        assert 'dir="rtl"' in arabic


@pytest.mark.parametrize(
    "page",
    [
        "editions_pivot_add",
        "editions_space_add",
        "programme_session_add",
        "programme_speaker_add",
        "registration_passtype_add",
        "activities_activity_add",
    ],
)
def test_each_translated_form_has_its_arabic_right_to_left(staff, edition, page):
    form = staff.get(english(f"admin:{page}")).content.decode()

    arabic = re.findall(r'<(?:input|textarea)[^>]*name="\w+_ar"[^>]*>', form)
    assert arabic
    assert all('dir="rtl"' in field for field in arabic)


def test_pivot_colours_get_the_colour_picker(staff, edition):
    page = staff.get(english("admin:editions_pivot_add")).content.decode()
    inline = staff.get(english("admin:editions_edition_change", edition.pk)).content.decode()

    assert re.search(r'<input type="color" name="colour"', page)
    assert re.search(r'<input type="color" name="pivots-0-colour"', inline)


# Missing translations


@pytest.fixture
def half_translated(db):
    """Énergie lacks its Arabic name; Mobilité has every text in every language."""
    edition = EditionFactory()
    texts = {"description_ar": "وصف المحور.", "description_en": "The pivot's description."}
    PivotFactory(edition=edition, name_fr="Mobilité", **texts)
    return PivotFactory(edition=edition, name_fr="Énergie", name_ar="", **texts)


def changelist(staff, query=""):
    return staff.get(in_french("admin:editions_pivot_changelist") + query).content.decode()


def test_the_pivot_list_says_which_translation_is_missing(staff, half_translated):
    page = changelist(staff)

    (row,) = [row for row in page.split("<tr") if "Énergie" in row]
    assert 'class="field-missing_translations">arabe<' in row
    assert "Traductions manquantes" in page


def test_the_missing_arabic_filter_keeps_the_pivots_without_arabic(staff, half_translated):
    missing_arabic = changelist(staff, "?missing=ar")
    missing_english = changelist(staff, "?missing=en")

    assert "Énergie" in missing_arabic
    assert "Mobilité" not in missing_arabic
    assert "Énergie" not in missing_english
    assert "arabe manquant" in missing_arabic


@pytest.mark.parametrize(
    ("page", "model"),
    [
        ("programme_session_changelist", "session"),
        ("programme_speaker_changelist", "speaker"),
        ("registration_passtype_changelist", "pass"),
        ("activities_activity_changelist", "activity"),
        ("editions_space_changelist", "space"),
    ],
)
def test_every_translated_list_has_the_missing_translation_filter(staff, edition, page, model):
    listing = staff.get(english(f"admin:{page}")).content.decode()

    assert "English missing" in listing


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")))
def test_any_missing_filter_value_answers_a_page(staff, half_translated, value):
    response = staff.get(english("admin:editions_pivot_changelist"), {"missing": value})

    assert response.status_code in (200, 302)


# The index and the French of the admin


def test_the_index_follows_the_organiser_order(staff):
    page = staff.get(english("admin:index")).content.decode()
    order = [
        "editions",
        "programme",
        "registration",
        "startups",
        "matchmaking",
        "activities",
        "community",
        "dashboard",
        "api",
    ]

    positions = [page.index(f'href="{english("admin:app_list", label)}"') for label in order]

    assert positions == sorted(positions)


def test_the_edition_app_lists_the_edition_first(staff):
    page = staff.get(english("admin:app_list", "editions")).content.decode()

    assert page.index("admin/editions/edition/") < page.index("admin/editions/pivot/")


def test_staff_read_french_that_reads_well(staff, edition):
    add = staff.get(in_french("admin:editions_edition_add")).content.decode()
    listing = staff.get(in_french("admin:editions_pivot_changelist")).content.decode()
    change = staff.get(in_french("admin:editions_edition_change", edition.pk)).content.decode()

    assert "Ajouter : édition" in unescape(add)
    assert "Ajout de" not in unescape(add)
    assert "Choisir l’élément à modifier : pivot" in unescape(listing)
    assert "Modifier : édition" in unescape(change)
    assert "Modification de" not in unescape(change)


def test_staff_read_arabic_stock_phrases_from_our_catalogue(staff, edition):
    with translation.override("ar"):
        address = reverse("admin:editions_edition_add")

    page = unescape(staff.get(address).content.decode())

    assert "إضافة: " in page


def test_a_pass_counts_places_not_venues(staff, edition):
    page = unescape(staff.get(in_french("admin:registration_passtype_add")).content.decode())

    assert re.search(r'<label class="required" for="id_capacity">Places\s:</label>', page)
    assert 'class="fieldset-heading">Places</h2>' in page
    assert "Lieux" not in page
