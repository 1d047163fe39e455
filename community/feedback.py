"""Ratings of sessions (1–5, with a comment) once they have ended, and their results."""

from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community.errors import CommunityError
from community.models import Feedback


def give(session, *, voter: str, rating: int, comment: str, now=None) -> Feedback:
    """Rate a session; rating it again replaces the earlier rating."""
    now = now or timezone.now()
    if now < session.ends_at:
        raise CommunityError(_("Feedback opens when the session ends."), "not_ended")
    feedback, _created = Feedback.objects.update_or_create(
        session=session, voter=voter,
        defaults={"rating": rating, "comment": comment, "created_at": now},
    )
    return feedback


@dataclass
class Summary:
    count: int
    average: float | None
    stars: list[int]  # how many gave 1, 2, 3, 4 and 5


def summary(feedback) -> Summary:
    """Count, average and distribution of a queryset of feedback, in one query."""
    totals = feedback.aggregate(
        count=Count("id"), average=Avg("rating"),
        **{f"s{n}": Count("id", filter=Q(rating=n)) for n in range(1, 6)},
    )
    return Summary(totals["count"], totals["average"], [totals[f"s{n}"] for n in range(1, 6)])
