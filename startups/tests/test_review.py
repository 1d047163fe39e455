"""Jury review services: who may review what, saving scores, conflicts of interest,
and the ranking's weighted means and spread on a worked example."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.testing import all_at_once
from startups import review as jury
from startups.models import Application, Conflict, Review, Score
from startups.review import ReviewError
from startups.tests.factories import (
    ApplicationFactory,
    CallFactory,
    CriterionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
Status = Application.Status


@pytest.fixture
def call():
    return CallFactory(reviews_wanted=3)


@pytest.fixture
def criteria(call):
    """Impact weighs three times as much as feasibility."""
    return (
        CriterionFactory(call=call, name_en="Impact", weight=3, position=1),
        CriterionFactory(call=call, name_en="Feasibility", weight=1, position=2),
    )


@pytest.fixture
def jurors():
    return [UserFactory(username=f"juror{n}@example.ma", is_staff=True) for n in range(3)]


def scores(criteria, *values) -> dict[int, int]:
    return {criterion.pk: value for criterion, value in zip(criteria, values, strict=True)}


# Which applications a juror sees


def test_queue_puts_the_fewest_reviews_first_then_the_oldest(call, criteria, jurors):
    now = timezone.now()
    old = ApplicationFactory(call=call, name="Old", submitted_at=now - timedelta(days=3))
    new = ApplicationFactory(call=call, name="New", submitted_at=now - timedelta(days=1))
    reviewed = ApplicationFactory(call=call, name="Reviewed", submitted_at=now - timedelta(days=9))
    jury.save_review(reviewed, juror=jurors[1], scores=scores(criteria, 3, 3))

    queue = jury.applications_to_review(call, juror=jurors[0])

    assert [a.name for a in queue] == ["Old", "New", "Reviewed"]
    assert [a.review_count for a in queue] == [0, 0, 1]
    assert not any(a.reviewed_by_me for a in queue)
    assert {old, new} < set(queue)


def test_queue_marks_what_the_juror_reviewed(call, criteria, jurors):
    application = ApplicationFactory(call=call)
    jury.save_review(application, juror=jurors[0], scores=scores(criteria, 4, 2))

    [mine] = jury.applications_to_review(call, juror=jurors[0])
    [theirs] = jury.applications_to_review(call, juror=jurors[1])

    assert mine.reviewed_by_me and not theirs.reviewed_by_me


def test_queue_leaves_out_drafts_withdrawn_other_calls_own_and_conflicts(call, jurors):
    juror = jurors[0]
    shown = ApplicationFactory(call=call, name="Shown")
    ApplicationFactory(call=call, status=Status.DRAFT, submitted_at=None)
    ApplicationFactory(call=call, status=Status.WITHDRAWN)
    ApplicationFactory(name="Other call")
    own = ApplicationFactory(call=call, applicant=juror, name="My own")
    conflicted = ApplicationFactory(call=call, name="Conflicted")
    Conflict.objects.create(application=conflicted, juror=juror)

    assert jury.applications_to_review(call, juror=juror) == [shown]
    assert set(jury.applications_to_review(call, juror=jurors[1])) == {shown, own, conflicted}


def test_decided_applications_leave_the_queue_but_stay_visible(call, jurors):
    ApplicationFactory(call=call, status=Status.SELECTED, name="Chosen")

    assert jury.applications_to_review(call, juror=jurors[0]) == []
    assert [a.name for a in jury.decided_for_juror(call, juror=jurors[0])] == ["Chosen"]


# Saving a review


def test_saving_again_updates_the_same_review(call, criteria, jurors):
    application = ApplicationFactory(call=call)

    first = jury.save_review(
        application, juror=jurors[0], scores=scores(criteria, 2, 2), comment="Bof"
    )
    second = jury.save_review(
        application, juror=jurors[0], scores=scores(criteria, 5, 4), comment="Convaincant"
    )

    assert first.pk == second.pk
    review = Review.objects.get()
    assert review.comment == "Convaincant"
    assert sorted(review.scores.values_list("value", flat=True)) == [4, 5]
    assert Score.objects.count() == 2


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(lambda c: {c[0].pk: 3}, id="missing"),
        pytest.param(lambda c: {c[0].pk: 3, c[1].pk: 6}, id="above-max"),
        pytest.param(lambda c: {c[0].pk: 3, c[1].pk: -1}, id="negative"),
        pytest.param(lambda c: {c[0].pk: 3, c[1].pk: True}, id="boolean"),
        pytest.param(lambda c: {c[0].pk: 3, c[1].pk: 2, 999999: 1}, id="unknown-criterion"),
    ],
)
def test_scores_must_cover_every_criterion_within_the_scale(call, criteria, jurors, bad):
    application = ApplicationFactory(call=call)

    with pytest.raises(ReviewError):
        jury.save_review(application, juror=jurors[0], scores=bad(criteria))

    assert not Review.objects.exists()


def test_a_criterion_of_another_call_is_refused(call, criteria, jurors):
    application = ApplicationFactory(call=call)
    elsewhere = CriterionFactory()

    with pytest.raises(ReviewError):
        jury.save_review(application, juror=jurors[0], scores={criteria[0].pk: 3, elsewhere.pk: 3})


def test_no_review_before_the_organiser_sets_criteria(call, jurors):
    with pytest.raises(ReviewError) as refused:
        jury.save_review(ApplicationFactory(call=call), juror=jurors[0], scores={})

    assert refused.value.code == "no_criteria"


@pytest.mark.parametrize("status", [Status.SELECTED, Status.REJECTED])
def test_a_decided_application_keeps_its_reviews_as_they_were(call, criteria, jurors, status):
    application = ApplicationFactory(call=call)
    jury.save_review(application, juror=jurors[0], scores=scores(criteria, 1, 1))
    Application.objects.filter(pk=application.pk).update(status=status)

    with pytest.raises(ReviewError) as refused:
        jury.save_review(application, juror=jurors[0], scores=scores(criteria, 5, 5))

    assert refused.value.code == "decided"
    assert sorted(Score.objects.values_list("value", flat=True)) == [1, 1]


@pytest.mark.parametrize("who", ["applicant", "conflicted"])
def test_nobody_reviews_their_own_or_a_conflicted_application(call, criteria, jurors, who):
    juror = jurors[0]
    owner = {"applicant": juror} if who == "applicant" else {}
    application = ApplicationFactory(call=call, **owner)
    if who == "conflicted":
        Conflict.objects.create(application=application, juror=juror)

    with pytest.raises(ReviewError) as refused:
        jury.save_review(application, juror=juror, scores=scores(criteria, 5, 5))

    assert refused.value.code == "not_reviewable"


def test_a_draft_cannot_be_reviewed(call, criteria, jurors):
    draft = ApplicationFactory(call=call, status=Status.DRAFT, submitted_at=None)

    with pytest.raises(ReviewError):
        jury.save_review(draft, juror=jurors[0], scores=scores(criteria, 3, 3))


# Conflicts of interest


def test_a_conflict_hides_the_application_and_deletes_the_review(call, criteria, jurors):
    application = ApplicationFactory(call=call)
    jury.save_review(application, juror=jurors[0], scores=scores(criteria, 5, 5))
    jury.save_review(application, juror=jurors[1], scores=scores(criteria, 1, 1))

    conflict = jury.declare_conflict(application, juror=jurors[0], reason="Je les conseille")

    assert conflict.reason == "Je les conseille"
    assert jury.applications_to_review(call, juror=jurors[0]) == []
    assert not jury.reviewable(jurors[0]).filter(pk=application.pk).exists()
    assert list(Review.objects.values_list("juror", flat=True)) == [jurors[1].pk]
    [standing] = jury.ranking(call)
    assert standing.review_count == 1
    assert standing.score == 1.0


def test_declaring_a_conflict_twice_is_refused_and_keeps_the_first(call, jurors):
    application = ApplicationFactory(call=call)
    jury.declare_conflict(application, juror=jurors[0], reason="first")

    with pytest.raises(ReviewError):
        jury.declare_conflict(application, juror=jurors[0], reason="second")

    assert list(Conflict.objects.values_list("reason", flat=True)) == ["first"]


# The ranking: a worked example


@pytest.fixture
def worked_example(call, criteria, jurors):
    """Weights 3 (impact) and 1 (feasibility). Totals = (3·impact + feasibility) / 4:
    A (5, 1) → 4.0, B (3, 3) → 3.0, C (2, 0) → 1.5."""
    application = ApplicationFactory(call=call, name="Eau propre")
    for juror, values in zip(jurors, [(5, 1), (3, 3), (2, 0)], strict=True):
        jury.save_review(application, juror=juror, scores=scores(criteria, *values))
    return application


def test_weighted_mean_and_spread_of_the_worked_example(worked_example, criteria):
    [standing] = jury.ranking(worked_example.call)

    assert sorted(standing.totals) == [1.5, 3.0, 4.0]
    assert standing.score == pytest.approx(8.5 / 3)  # 2.8333
    assert standing.percent == pytest.approx(56.667, abs=1e-3)
    assert (standing.minimum, standing.maximum) == (1.5, 4.0)
    # Population standard deviation: sqrt(((4-2.833)² + (3-2.833)² + (1.5-2.833)²) / 3)
    assert standing.spread == pytest.approx(1.0274, abs=1e-4)
    assert standing.disagreement
    assert standing.criterion_means == {
        criteria[0].pk: pytest.approx(10 / 3),
        criteria[1].pk: pytest.approx(4 / 3),
    }
    assert standing.review_count == 3 and standing.reviews_wanted == 3
    assert not standing.needs_reviews
    assert standing.rank == 1


def test_close_totals_are_not_flagged(call, criteria, jurors):
    application = ApplicationFactory(call=call)
    jury.save_review(application, juror=jurors[0], scores=scores(criteria, 4, 4))
    jury.save_review(application, juror=jurors[1], scores=scores(criteria, 3, 3))

    [standing] = jury.ranking(call)

    assert standing.spread == pytest.approx(0.5)
    assert not standing.disagreement
    assert standing.needs_reviews


def test_one_review_has_no_spread_and_no_review_no_score(call, criteria, jurors):
    once = ApplicationFactory(call=call, name="Once")
    ApplicationFactory(call=call, name="Never")
    jury.save_review(once, juror=jurors[0], scores=scores(criteria, 5, 5))

    standings = {s.application.name: s for s in jury.ranking(call)}

    assert standings["Once"].score == 5.0 and standings["Once"].spread is None
    assert standings["Never"].score is None and standings["Never"].rank is None
    assert standings["Never"].percent is None and standings["Never"].minimum is None


def test_ranking_orders_best_first_and_ties_share_a_rank(call, criteria, jurors):
    for name, values in [("C", (1, 1)), ("A", (5, 5)), ("B1", (3, 3)), ("B2", (3, 3))]:
        jury.save_review(
            ApplicationFactory(call=call, name=name),
            juror=jurors[0],
            scores=scores(criteria, *values),
        )
    ApplicationFactory(call=call, name="Unscored")
    ApplicationFactory(call=call, name="Draft", status=Status.DRAFT, submitted_at=None)

    standings = jury.ranking(call)

    assert [(s.application.name, s.rank) for s in standings] == [
        ("A", 1),
        ("B1", 2),
        ("B2", 2),
        ("C", 4),
        ("Unscored", None),
    ]


def test_ranking_takes_a_constant_number_of_queries(
    call, criteria, jurors, django_assert_num_queries
):
    def fill(count):
        for _ in range(count):
            application = ApplicationFactory(call=call)
            for juror in jurors:
                jury.save_review(application, juror=juror, scores=scores(criteria, 2, 4))

    fill(1)
    with django_assert_num_queries(3):
        assert len(jury.ranking(call)) == 1
    fill(2)
    with django_assert_num_queries(3):
        assert len(jury.ranking(call)) == 3


def test_weighted_total_ignores_criteria_no_longer_in_the_call():
    assert jury.weighted_total({1: 5, 2: 1}, {1: 3, 2: 1}) == 4.0
    assert jury.weighted_total({1: 5, 99: 0}, {1: 3}) == 5.0
    assert jury.weighted_total({}, {1: 3}) is None


# Two saves of the same review at once


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_once_make_one_review(call, criteria, jurors):
    application = ApplicationFactory(call=call)
    juror = jurors[0]

    def save(value):
        return lambda: jury.save_review(
            application, juror=juror, scores=scores(criteria, value, value)
        )

    _results, errors = all_at_once([save(value) for value in (1, 2, 3, 4)])

    assert errors == []
    review = Review.objects.get(application=application, juror=juror)
    values = set(review.scores.values_list("value", flat=True))
    assert len(values) == 1 and values <= {1, 2, 3, 4}
    assert Score.objects.count() == 2
