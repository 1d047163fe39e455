"""Staff pages of the programme: who may do what, and what staff see there."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.testing import CAST, client_for, english
from editions.models import Partner
from editions.tests.factories import EditionFactory, PivotFactory, SpaceFactory
from programme.models import Session
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at

# Who may do what


@pytest.fixture
def objects(session):
    """One object of each kind, for the change pages."""
    return {
        "programme.session": session,
        "programme.speaker": session.speakers.get(),
        "editions.pivot": session.pivot,
        "editions.space": session.space,
        "editions.edition": session.edition,
        "editions.partner": Partner.objects.create(
            edition=session.edition, name="UM6P", role=Partner.Role.ACADEMIC
        ),
    }


MANAGED = [
    "programme.session",
    "programme.speaker",
    "editions.pivot",
    "editions.space",
    "editions.partner",
]
VIEWED = ["programme.session", "programme.speaker"]
ALL = [*MANAGED, "editions.edition"]


def expected_access(who: str, model: str, page: str) -> str:
    """ "login", "forbidden", "view" (a page without save) or "edit"."""
    if who in ("anonymous", "attendee"):
        return "login"  # the admin sends whoever is not staff to its sign-in page
    if who == "admin":
        return "edit"
    if who == "programme_manager":
        if model in MANAGED:
            return "edit"
        return "forbidden" if page == "add" else "view"
    if model in VIEWED and page != "add":
        return "view"
    return "forbidden"


def page_address(model, page, objects):
    app, name = model.split(".")
    if page == "change":
        return reverse(f"admin:{app}_{name}_change", args=[objects[model].pk])
    return reverse(f"admin:{app}_{name}_{page}")


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("model", ALL)
@pytest.mark.parametrize("page", ["changelist", "add", "change"])
def test_staff_pages_open_to_each_role_as_far_as_it_should(client, cast, objects, who, model, page):
    response = client_for(client, cast, who).get(page_address(model, page, objects))

    expected = expected_access(who, model, page)
    if expected == "login":
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    elif expected == "forbidden":
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        if page == "change":
            # What the person sees: a form they can save, or a read-only page.
            assert ('name="_save"' in response.content.decode()) == (expected == "edit")


@pytest.mark.parametrize("who", ["registration_desk", "jury_member", "moderator"])
def test_view_only_roles_cannot_change_a_session_by_posting(client, cast, session, who):
    address = reverse("admin:programme_session_change", args=[session.pk])

    response = client_for(client, cast, who).post(address, {"title_fr": "Piraté"})

    assert response.status_code == 403
    session.refresh_from_db()
    assert session.title_fr == "Recycler la ville"


@pytest.mark.parametrize("who", CAST)
def test_staff_csv_needs_the_view_session_permission(client, cast, session, who):
    response = client_for(client, cast, who).get(reverse("programme:sessions_csv"))

    if who == "anonymous":
        assert response.status_code == 302
        assert "login" in response["Location"]
    elif who == "attendee":
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "Recycler la ville" in response.content.decode()


# What staff see on the session list


@pytest.fixture
def staff(cast, client):
    client.force_login(cast["admin"])
    return client


@pytest.fixture
def double_booked(session):
    """Salma Bennani also speaks in Salle Anfa while her first panel runs."""
    clash = SessionFactory(
        edition=session.edition,
        space=session.edition.spaces.get(slug="anfa"),
        starts_at=at(25, 10, 30),
        ends_at=at(25, 11, 30),
        title_en="Water commons",
    )
    SessionSpeakerFactory(session=clash, speaker=session.speakers.get())
    return clash


@pytest.fixture
def quiet_session(session):
    return SessionFactory(
        edition=session.edition,
        space=session.edition.spaces.get(slug="anfa"),
        starts_at=at(26, 14),
        ends_at=at(26, 15),
        title_en="Quiet afternoon",
    )


def test_session_list_shows_the_problems_column(staff, double_booked, quiet_session):
    response = staff.get(english("admin:programme_session_changelist"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "column-problems" in page
    assert page.count("⚠ speaker double-booked") == 2
    assert "Salma Bennani is booked in two sessions at once" in page  # the hover text


def test_problems_filter_keeps_only_sessions_with_problems(staff, double_booked, quiet_session):
    address = english("admin:programme_session_changelist")

    with_problems = staff.get(address, {"has_problems": "yes"}).content.decode()
    without_problems = staff.get(address, {"has_problems": "no"}).content.decode()

    assert "Recycling the city" in with_problems
    assert "Water commons" in with_problems
    assert "Quiet afternoon" not in with_problems
    assert "Quiet afternoon" in without_problems
    assert "Water commons" not in without_problems


def test_day_filter_keeps_the_sessions_of_that_day(staff, session, quiet_session):
    address = english("admin:programme_session_changelist")

    page = staff.get(address, {"day": "2022-05-26"}).content.decode()

    assert "Quiet afternoon" in page
    assert "Recycling the city" not in page


def test_filters_offer_the_chosen_edition_days_and_spaces(staff, session):
    archive = EditionFactory(
        name_en="Symposium 2019", starts_on=date(2019, 6, 12), ends_on=date(2019, 6, 13)
    )
    SessionFactory(edition=archive, space=SpaceFactory(edition=archive, name_en="Old hall"))
    address = english("admin:programme_session_changelist")

    every_edition = staff.get(address).content.decode()
    this_edition = staff.get(address, {"edition__id__exact": session.edition_id}).content.decode()

    assert "By edition" in every_edition
    assert "Old hall (Symposium 2019)" in every_edition
    assert "Wednesday 12 June 2019" in every_edition
    assert "Old hall" not in this_edition
    assert "12 June 2019" not in this_edition
    assert "Wednesday 25 May 2022" in this_edition


def test_search_finds_sessions_by_speaker_name_and_title_in_any_language(
    staff, session, quiet_session
):
    address = english("admin:programme_session_changelist")

    by_speaker = staff.get(address, {"q": "Bennani"}).content.decode()
    by_arabic_title = staff.get(address, {"q": "تدوير"}).content.decode()

    assert "Recycling the city" in by_speaker
    assert "Quiet afternoon" not in by_speaker
    assert "Recycling the city" in by_arabic_title


def test_session_list_query_count_does_not_grow_with_sessions(staff, session):
    address = english("admin:programme_session_changelist")

    def queries_for_list():
        with CaptureQueriesContext(connection) as queries:
            assert staff.get(address).status_code == 200
        return len(queries)

    with_one = queries_for_list()
    for hour in (14, 16):
        more = SessionFactory(
            edition=session.edition,
            pivot=session.pivot,
            space=session.space,
            starts_at=at(25, hour),
            ends_at=at(25, hour + 1),
        )
        SessionSpeakerFactory(session=more)
    assert Session.objects.count() == 3

    assert queries_for_list() == with_one


def test_session_page_warns_about_its_problems(staff, double_booked):
    response = staff.get(english("admin:programme_session_change", double_booked.pk))

    page = response.content.decode()
    assert 'class="warning"' in page
    assert "Salma Bennani is booked in two sessions at once" in page


def test_session_page_without_problem_shows_no_warning(staff, quiet_session):
    page = staff.get(english("admin:programme_session_change", quiet_session.pk)).content.decode()

    assert 'class="warning"' not in page


def test_admin_speaks_arabic_right_to_left(staff):
    with translation.override("ar"):
        address = reverse("admin:index")

    page = staff.get(address).content.decode()

    assert 'dir="rtl"' in page


def test_admin_is_named_after_jemaa(staff):
    page = staff.get(english("admin:index")).content.decode()

    assert "Jemaa — administration" in page


# The session form


def session_form(edition, **changes):
    data = {
        "edition": edition.pk,
        "kind": Session.Kind.TALK,
        "pivot": edition.pivots.get(slug="low-tech").pk,
        "space": edition.spaces.get(slug="atlas").pk,
        "starts_at_0": "2022-05-25",
        "starts_at_1": "14:00",
        "ends_at_0": "2022-05-25",
        "ends_at_1": "15:00",
        "languages": "fr",
        "is_published": "on",
        "title_fr": "Villes frugales",
        "appearances-TOTAL_FORMS": "0",
        "appearances-INITIAL_FORMS": "0",
        "appearances-MIN_NUM_FORMS": "0",
        "appearances-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_session_form_adds_a_valid_session(staff, edition):
    response = staff.post(english("admin:programme_session_add"), session_form(edition))

    assert response.status_code == 302
    assert Session.objects.get().title_fr == "Villes frugales"


def test_session_form_rejects_an_end_before_the_start(staff, edition):
    form = session_form(edition, ends_at_1="13:00")

    response = staff.post(english("admin:programme_session_add"), form)

    assert response.status_code == 200
    assert "A session must end after it starts." in response.content.decode()
    assert not Session.objects.exists()


def test_session_form_rejects_a_pivot_of_another_edition(staff, edition):
    stranger = PivotFactory(edition=EditionFactory())

    form = session_form(edition, pivot=stranger.pk)

    response = staff.post(english("admin:programme_session_add"), form)

    assert response.status_code == 200
    assert "This pivot belongs to another edition." in response.content.decode()
    assert not Session.objects.exists()


def test_session_form_adds_speakers_found_by_autocomplete(staff, edition):
    speaker = SpeakerFactory(name="Youssef Alaoui")
    form = session_form(
        edition,
        **{
            "appearances-TOTAL_FORMS": "1",
            "appearances-0-speaker": speaker.pk,
            "appearances-0-role": "moderator",
            "appearances-0-position": "0",
        },
    )

    response = staff.post(english("admin:programme_session_add"), form)
    found = staff.get(
        english("admin:autocomplete"),
        {
            "term": "Youss",
            "app_label": "programme",
            "model_name": "sessionspeaker",
            "field_name": "speaker",
        },
    )

    assert response.status_code == 302
    assert list(Session.objects.get().speakers.all()) == [speaker]
    assert found.json()["results"] == [{"id": str(speaker.pk), "text": "Youssef Alaoui"}]
