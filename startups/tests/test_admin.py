"""The Startup Village in the admin: calls and criteria are set up there;
applications, reviews and conflicts are only looked at."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.testing import CAST, english
from editions.tests.factories import SpaceFactory
from startups import review as jury
from startups.models import Application, Call, Conflict, Criterion, Review
from startups.tests.factories import (
    ApplicationFactory,
    CallFactory,
    CriterionFactory,
    UserFactory,
)

Status = Application.Status
MODELS = ["call", "application", "review", "conflict"]


@pytest.fixture
def staff(client, cast):
    client.force_login(cast["admin"])
    return client


@pytest.fixture
def call(edition):
    return CallFactory(edition=edition)


@pytest.fixture
def reviewed(call):
    """An application with its history, one review and one declared conflict."""
    criterion = CriterionFactory(call=call, name_fr="Impact", name_en="Impact", weight=2)
    application = ApplicationFactory(call=call, name="Eau Claire")
    application.events.create(action="submitted", note="envoyée en ligne")
    juror, other = UserFactory(is_staff=True), UserFactory(is_staff=True)
    jury.save_review(application, juror=juror, scores={criterion.pk: 4}, comment="Solide")
    Conflict.objects.create(application=application, juror=other, reason="Associé")
    return application


def obj_for(model, application):
    return {
        "call": application.call,
        "application": application,
        "review": application.reviews.get(),
        "conflict": application.conflicts.get(),
    }[model]


def expected(who: str, model: str, page: str) -> str:
    """ "login", "forbidden", "view" (no save button) or "edit"."""
    if who in ("anonymous", "attendee"):
        return "login"
    if who != "admin":
        return "forbidden"
    if model == "call":
        return "edit"
    return "forbidden" if page == "add" else "view"


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("page", ["changelist", "add", "change"])
def test_admin_pages_open_to_each_role_as_far_as_it_should(
    client, cast, reviewed, who, model, page
):
    if cast[who] is not None:
        client.force_login(cast[who])
    if page == "change":
        address = reverse(f"admin:startups_{model}_change", args=[obj_for(model, reviewed).pk])
    else:
        address = reverse(f"admin:startups_{model}_{page}")

    response = client.get(address)

    outcome = expected(who, model, page)
    if outcome == "login":
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    elif outcome == "forbidden":
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        if page == "change":
            assert ('name="_save"' in response.content.decode()) == (outcome == "edit")


def test_no_one_changes_an_application_status_through_the_admin(staff, reviewed):
    change = reverse("admin:startups_application_change", args=[reviewed.pk])
    delete = reverse("admin:startups_application_delete", args=[reviewed.pk])

    changed = staff.post(change, {"status": "selected"})
    deleted = staff.post(delete, {"post": "yes"})

    assert changed.status_code == 403
    assert deleted.status_code == 403
    reviewed.refresh_from_db()
    assert reviewed.status == Status.SUBMITTED


def test_reviews_and_conflicts_are_not_changed_in_the_admin(staff, reviewed):
    review, conflict = reviewed.reviews.get(), reviewed.conflicts.get()

    for model, obj in [("review", review), ("conflict", conflict)]:
        assert (
            staff.post(
                reverse(f"admin:startups_{model}_change", args=[obj.pk]),
                {"comment": "x", "reason": "x"},
            ).status_code
            == 403
        )
        assert (
            staff.post(
                reverse(f"admin:startups_{model}_delete", args=[obj.pk]), {"post": "yes"}
            ).status_code
            == 403
        )

    assert Review.objects.get().comment == "Solide"
    assert Conflict.objects.get().reason == "Associé"


def test_application_page_shows_its_history_and_links_to_the_decision_page(staff, reviewed):
    html = staff.get(english("admin:startups_application_change", reviewed.pk)).content.decode()

    assert reverse("startups:decide", args=[reviewed.pk]) in html
    assert "Eau Claire" in html
    assert "envoyée en ligne" in html  # its history, inline


def test_review_page_shows_the_scores(staff, reviewed):
    review = reviewed.reviews.get()

    html = staff.get(english("admin:startups_review_change", review.pk)).content.decode()

    assert "Solide" in html and "Impact" in html


# Calls and their criteria


def call_form(edition, **changes) -> dict:
    data = {
        "edition": edition.pk,
        "opens_at_0": "2022-01-10",
        "opens_at_1": "09:00:00",
        "closes_at_0": "2022-03-31",
        "closes_at_1": "23:59:00",
        "reviews_wanted": 3,
        "village": "",
        "title_fr": "Village Startup",
        "title_ar": "قرية الشركات الناشئة",
        "title_en": "Startup Village",
        "introduction_fr": "",
        "introduction_ar": "",
        "introduction_en": "",
        "criteria-TOTAL_FORMS": 2,
        "criteria-INITIAL_FORMS": 0,
        "criteria-MIN_NUM_FORMS": 0,
        "criteria-MAX_NUM_FORMS": 1000,
        "criteria-0-position": 1,
        "criteria-0-weight": 3,
        "criteria-0-name_fr": "Impact sur la ville",
        "criteria-0-name_ar": "الأثر على المدينة",
        "criteria-0-name_en": "Impact on the city",
        "criteria-0-description_fr": "Combien de personnes en profitent.",
        "criteria-0-description_ar": "",
        "criteria-0-description_en": "",
        "criteria-1-position": 2,
        "criteria-1-weight": 1,
        "criteria-1-name_fr": "Faisabilité",
        "criteria-1-name_ar": "",
        "criteria-1-name_en": "",
        "criteria-1-description_fr": "",
        "criteria-1-description_ar": "",
        "criteria-1-description_en": "",
    }
    data.update(changes)
    return data


def test_add_form_has_a_fieldset_per_language_and_arabic_right_to_left(staff, edition):
    html = staff.get(english("admin:startups_call_add")).content.decode()

    for language in ("Français", "العربية", "English"):
        assert language in html
    assert 'name="title_ar"' in html and 'dir="rtl"' in html
    assert 'name="criteria-__prefix__-weight"' in html


def test_a_call_is_added_with_its_weighted_criteria(staff, edition):
    response = staff.post(english("admin:startups_call_add"), call_form(edition))

    assert response.status_code == 302, response.content.decode()[:3000]
    call = Call.objects.get(edition=edition)
    assert list(call.criteria.values_list("name_fr", "weight")) == [
        ("Impact sur la ville", 3),
        ("Faisabilité", 1),
    ]


def test_a_criterion_weight_outside_1_to_10_is_refused(staff, edition):
    response = staff.post(
        english("admin:startups_call_add"), call_form(edition, **{"criteria-0-weight": 0})
    )

    assert response.status_code == 200
    assert not Criterion.objects.exists()


def test_the_village_must_be_a_space_of_the_same_edition(staff, edition):
    elsewhere = SpaceFactory(name_fr="Ailleurs")
    here = SpaceFactory(edition=edition, slug="village", name_fr="Village")

    refused = staff.post(
        english("admin:startups_call_add"), call_form(edition, village=elsewhere.pk)
    )
    accepted = staff.post(english("admin:startups_call_add"), call_form(edition, village=here.pk))

    assert refused.status_code == 200
    assert "Choose a space of this call" in refused.content.decode()
    assert accepted.status_code == 302
    assert Call.objects.get().village == here


def test_closing_before_opening_is_refused(staff, edition):
    response = staff.post(
        english("admin:startups_call_add"), call_form(edition, closes_at_0="2022-01-01")
    )

    assert response.status_code == 200
    assert "Applications must close after they open." in response.content.decode()


def test_application_list_query_count_does_not_grow(staff, call):
    address = english("admin:startups_application_changelist")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert staff.get(address).status_code == 200
        return len(captured)

    ApplicationFactory(call=call)
    with_one = queries()
    ApplicationFactory(call=call)
    ApplicationFactory(call=CallFactory())

    assert queries() == with_one
