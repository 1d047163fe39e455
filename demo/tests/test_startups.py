"""The demo Startup Village of 2022: a decided call with reviews, booths and a conflict."""

from io import StringIO

import pytest
from django.core.management import call_command

from startups.models import Application, Call, Conflict
from startups.review import ranking


@pytest.fixture
def call(demo_loaded, db):
    return Call.objects.get(edition__slug="scc-2022")


def test_demo_call_is_closed_with_weighted_criteria(call):
    assert not call.is_open()
    assert call.criteria.count() == 5
    assert sorted(call.criteria.values_list("weight", flat=True)) == [1, 2, 2, 2, 3]


def test_demo_village_mixes_startups_cooperatives_and_social_enterprises(call):
    selected = call.applications.selected()
    assert selected.count() == 10
    assert {a.structure for a in selected} >= {
        "tech_startup",
        "cooperative",
        "social_enterprise",
        "micro_enterprise",
    }
    assert all(a.booth for a in selected)
    assert {a.language for a in call.applications.all()} == {"fr", "ar", "en"}


def test_demo_reviews_rank_selected_startups_above_rejected_ones(call):
    scores = {Application.Status.SELECTED: [], Application.Status.REJECTED: []}
    for standing in ranking(call):
        scores[standing.application.status].append(standing.score)
    assert min(scores[Application.Status.SELECTED]) > max(scores[Application.Status.REJECTED])


def test_demo_conflict_leaves_that_juror_without_a_review(call):
    conflict = Conflict.objects.get(application__call=call)
    assert not conflict.application.reviews.filter(juror=conflict.juror).exists()
    assert conflict.application.reviews.count() == 2


def test_load_demo_twice_keeps_the_same_applications(call):
    before = list(Application.objects.order_by("pk").values("pk", "slug", "status", "booth"))

    call_command("load_demo", stdout=StringIO())

    assert (
        list(Application.objects.order_by("pk").values("pk", "slug", "status", "booth")) == before
    )
