"""Jury review: which applications a juror may score, their scores, conflicts of
interest, and the ranking staff read.

A juror reviews an application sent to the jury (submitted, or decided since)
unless it is their own or they have declared a conflict of interest on it.
Their review is one row per (application, juror) — a unique constraint — with
one score per criterion from 0 to SCORE_MAX; saving again updates it, until
staff decide (then it is frozen).

Declaring a conflict **deletes** the juror's review, if any. Keeping it and
excluding it would ask every reader of reviews (the ranking, the CSV, the
dashboard, the admin) to remember the exclusion, and a single forgetful query
would let a conflicted juror weigh on the result. The Conflict row keeps who
declared it, when and why.

A reviewer's *total* is the weighted mean of their scores, Σ weight·score / Σ
weight, on the 0–SCORE_MAX scale. An application's score is the mean of its
reviewers' totals; its *spread* is the (population) standard deviation of
those totals, flagged at SPREAD_ALERT and above: with two reviewers that is
totals two points apart out of five.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean, pstdev

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import RuleError
from startups.models import SCORE_MAX, Application, Call, Conflict, Criterion, Review, Score

Status = Application.Status
DECIDED = (Status.SELECTED, Status.REJECTED)
# Standard deviation of the reviewers' totals (0–5 scale) that staff should look at.
SPREAD_ALERT = 1.0


class ReviewError(RuleError):
    """A rule refused the review; `message` is translated, `code` is for machines."""


# What a juror may see


def reviewable(juror) -> QuerySet[Application]:
    """Applications sent to the jury that `juror` may open: not their own, no conflict."""
    conflicts = Conflict.objects.filter(application=OuterRef("pk"), juror=juror)
    return Application.objects.submitted().exclude(applicant=juror).exclude(Exists(conflicts))


def applications_to_review(call: Call, *, juror) -> list[Application]:
    """The call's applications awaiting a decision that `juror` may review, fewest
    reviews first, then the longest waiting. Each has `review_count` and
    `reviewed_by_me`; no one's scores."""
    mine = Review.objects.filter(application=OuterRef("pk"), juror=juror)
    applications = (
        reviewable(juror)
        .filter(call=call, status=Status.SUBMITTED)
        .select_related("pivot")
        .annotate(review_count=Count("reviews", distinct=True), reviewed_by_me=Exists(mine))
        .order_by("review_count", "submitted_at", "created_at", "id")
    )
    return list(applications)


def decided_for_juror(call: Call, *, juror) -> list[Application]:
    """The call's decided applications the juror may still look at (read-only)."""
    mine = Review.objects.filter(application=OuterRef("pk"), juror=juror)
    return list(
        reviewable(juror)
        .filter(call=call, status__in=DECIDED)
        .select_related("pivot")
        .annotate(reviewed_by_me=Exists(mine))
        .order_by("name", "id")
    )


def review_of(application: Application, *, juror) -> Review | None:
    return (
        Review.objects.filter(application=application, juror=juror)
        .prefetch_related("scores")
        .first()
    )


# Saving a review


def check_scores(call: Call, scores: dict[int, int]) -> list[Criterion]:
    """Every criterion of the call scored once, within 0–SCORE_MAX; nothing else."""
    criteria = list(call.criteria.all())
    if not criteria:
        raise ReviewError(_("The organiser has not set the criteria yet."), "no_criteria")
    if {c.pk for c in criteria} != set(scores):
        raise ReviewError(_("Give a score for every criterion."), "incomplete")
    for value in scores.values():
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= SCORE_MAX:
            raise ReviewError(
                _("Each score is a whole number from 0 to %(max)d.") % {"max": SCORE_MAX},
                "out_of_range",
            )
    return criteria


def _locked_for(application: Application, juror) -> Application:
    """The application, locked against a decision made meanwhile, if the juror may review it."""
    locked = reviewable(juror).select_for_update().filter(pk=application.pk).first()
    if locked is None:
        raise ReviewError(_("This application is not open to your review."), "not_reviewable")
    if locked.status != Status.SUBMITTED:
        raise ReviewError(
            _("A decision has been made on this application: reviews can no longer change."),
            "decided",
        )
    return locked


def save_review(
    application: Application, *, juror, scores: dict[int, int], comment: str = ""
) -> Review:
    """Create or update the juror's review: one score per criterion and a comment."""
    check_scores(application.call, scores)
    with transaction.atomic():
        application = _locked_for(application, juror)
        review = _own_review(application, juror)
        review.comment = comment
        review.save(update_fields=["comment", "updated_at"])
        Score.objects.bulk_create(
            [Score(review=review, criterion_id=pk, value=value) for pk, value in scores.items()],
            update_conflicts=True,
            unique_fields=["review", "criterion"],
            update_fields=["value"],
        )
    return review


def _own_review(application: Application, juror) -> Review:
    """The juror's review row, made if missing. Two saves at once (a double click
    on two workers) meet the unique constraint: the loser takes the winner's row."""
    review = Review.objects.filter(application=application, juror=juror).first()
    if review is not None:
        return review
    try:
        with transaction.atomic():
            return Review.objects.create(application=application, juror=juror)
    except IntegrityError:
        return Review.objects.get(application=application, juror=juror)


# Conflicts of interest


def declare_conflict(application: Application, *, juror, reason: str = "") -> Conflict:
    """Hide the application from the juror from now on; their review, if any, is deleted
    so it no longer counts. Declaring twice keeps the first declaration."""
    with transaction.atomic():
        if not reviewable(juror).filter(pk=application.pk).exists():
            raise ReviewError(_("This application is not open to your review."), "not_reviewable")
        conflict = _conflict(application, juror, reason)
        Review.objects.filter(application=application, juror=juror).delete()
    return conflict


def _conflict(application: Application, juror, reason: str) -> Conflict:
    try:
        with transaction.atomic():
            return Conflict.objects.create(
                application=application, juror=juror, reason=reason, declared_at=timezone.now()
            )
    except IntegrityError:
        return Conflict.objects.get(application=application, juror=juror)


# The ranking


@dataclass
class Standing:
    """Where an application stands after the jury's reviews."""

    application: Application
    reviews_wanted: int
    totals: list[float] = field(default_factory=list)  # one per review, 0–SCORE_MAX
    criterion_means: dict[int, float] = field(default_factory=dict)
    rank: int | None = None

    @property
    def review_count(self) -> int:
        return len(self.totals)

    @property
    def score(self) -> float | None:
        return fmean(self.totals) if self.totals else None

    @property
    def percent(self) -> float | None:
        return None if self.score is None else 100 * self.score / SCORE_MAX

    @property
    def minimum(self) -> float | None:
        return min(self.totals) if self.totals else None

    @property
    def maximum(self) -> float | None:
        return max(self.totals) if self.totals else None

    @property
    def spread(self) -> float | None:
        """Standard deviation of the reviewers' totals; None until two reviews."""
        return pstdev(self.totals) if len(self.totals) >= 2 else None

    @property
    def disagreement(self) -> bool:
        return self.spread is not None and self.spread >= SPREAD_ALERT

    @property
    def needs_reviews(self) -> bool:
        return self.review_count < self.reviews_wanted


def weighted_total(values: dict[int, int], weights: dict[int, int]) -> float | None:
    """Σ weight·score / Σ weight over the criteria scored."""
    scored = [pk for pk in values if pk in weights]
    total_weight = sum(weights[pk] for pk in scored)
    if not total_weight:
        return None
    return sum(weights[pk] * values[pk] for pk in scored) / total_weight


def ranking(call: Call, applications: QuerySet[Application] | None = None) -> list[Standing]:
    """Every application sent to the jury (or those of `applications`), best score
    first (unscored last), with its reviews' totals, spread and per-criterion
    means. Three queries, whatever the number of applications."""
    if applications is None:
        applications = Application.objects.filter(call=call)
    applications = applications.submitted()
    applications = list(applications.select_related("pivot"))
    weights = dict(Criterion.objects.filter(call=call).values_list("pk", "weight"))
    by_review: dict[int, dict[int, int]] = defaultdict(dict)
    review_of_app: dict[int, set[int]] = defaultdict(set)
    scores = Score.objects.filter(review__application__in=[a.pk for a in applications])
    for app_pk, review_pk, criterion_pk, value in scores.values_list(
        "review__application_id", "review_id", "criterion_id", "value"
    ):
        by_review[review_pk][criterion_pk] = value
        review_of_app[app_pk].add(review_pk)
    standings = [
        _standing(a, call, [by_review[r] for r in sorted(review_of_app[a.pk])], weights)
        for a in applications
    ]
    return _ranked(standings)


def _standing(application, call, reviews: list[dict[int, int]], weights) -> Standing:
    totals = [t for t in (weighted_total(values, weights) for values in reviews) if t is not None]
    per_criterion: dict[int, list[int]] = defaultdict(list)
    for values in reviews:
        for pk, value in values.items():
            per_criterion[pk].append(value)
    means = {pk: fmean(values) for pk, values in per_criterion.items()}
    return Standing(application, call.reviews_wanted, totals, means)


def _ranked(standings: list[Standing]) -> list[Standing]:
    """Best first; equal scores share a rank (1, 2, 2, 4); unscored ones have none."""
    standings.sort(key=lambda s: (s.score is None, -(s.score or 0), s.application.name.lower()))
    previous, rank = None, 0
    for position, standing in enumerate(standings, start=1):
        if standing.score is None:
            break
        if standing.score != previous:
            rank, previous = position, standing.score
        standing.rank = rank
    return standings


def standing_of(application: Application) -> Standing:
    """One application's standing (without a rank); empty for a draft."""
    call = application.call
    found = ranking(call, Application.objects.filter(pk=application.pk))
    standing = found[0] if found else Standing(application, call.reviews_wanted)
    standing.rank = None
    return standing
