"""Ratings of sessions (1–5, with a comment) once they have ended, and their results."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community.errors import CommunityError
from community.models import Feedback
from programme.models import Session


def give(session, *, voter: str, rating: int, comment: str, now=None) -> Feedback:
    """Rate a session; rating it again replaces the earlier rating."""
    now = now or timezone.now()
    if now < session.ends_at:
        raise CommunityError(_("Feedback opens when the session ends."), "not_ended")
    feedback, _created = Feedback.objects.update_or_create(
        session=session,
        voter=voter,
        defaults={"rating": rating, "comment": comment, "created_at": now},
    )
    return feedback


@dataclass
class Summary:
    count: int
    average: float | None
    stars: list[int]  # how many gave 1, 2, 3, 4 and 5


TOTALS = {
    "count": Count("id"),
    "average": Avg("rating"),
    **{f"s{n}": Count("id", filter=Q(rating=n)) for n in range(1, 6)},
}


def _summary(totals: dict) -> Summary:
    return Summary(totals["count"], totals["average"], [totals[f"s{n}"] for n in range(1, 6)])


def summary(feedback) -> Summary:
    """Count, average and distribution of a queryset of feedback, in one query."""
    return _summary(feedback.aggregate(**TOTALS))


@dataclass
class SessionResults:
    session: Session
    summary: Summary
    comments: list[Feedback]


def by_session(edition) -> list[SessionResults]:
    """Every rated session of the edition, in time order, with its summary and its
    comments, in three queries whatever the number of sessions."""
    given = Feedback.objects.filter(session__edition=edition)
    totals = {row["session_id"]: row for row in given.values("session_id").annotate(**TOTALS)}
    comments = defaultdict(list)
    for written in given.exclude(comment="").order_by("-created_at", "-pk"):
        comments[written.session_id].append(written)
    sessions = (
        Session.objects.filter(pk__in=totals).select_related("pivot").order_by("starts_at", "pk")
    )
    return [SessionResults(s, _summary(totals[s.pk]), comments[s.pk]) for s in sessions]


def by_pivot(edition):
    """The edition's pivots, each with `count` and `average` of its sessions' ratings."""
    return edition.pivots.annotate(
        count=Count("sessions__feedback"), average=Avg("sessions__feedback__rating")
    ).order_by("position", "pk")
