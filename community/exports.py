"""The ideas board as open data (CC BY 4.0): every published idea with its answer and
counts, and the votes per idea and day. No personal data: no names, no voters, no
photos (a photo may show people), no hidden idea, no comment text."""

from django.db.models import Count
from django.db.models.functions import TruncDate

from community.ideas import LICENCE, LICENCE_URL
from community.models import Idea, IdeaVote

IDEA_COLUMNS = [
    "id",
    "title",
    "description",
    "pivot",
    "arrondissement",
    "decision",
    "answer",
    "answered_on",
    "proposed_on",
    "language",
    "votes",
    "comments",
]
VOTE_COLUMNS = ["idea", "day", "votes"]


def idea_rows(edition):
    published = Idea.objects.published().filter(edition=edition).select_related("pivot")
    for idea in published.order_by("pk"):
        yield {
            "id": idea.pk,
            "title": idea.title,
            "description": idea.description,
            "pivot": idea.pivot.slug,
            "arrondissement": idea.arrondissement,
            "decision": idea.decision,
            "answer": idea.answer,
            "answered_on": idea.answered_at.date().isoformat() if idea.answered_at else "",
            "proposed_on": idea.created_at.date().isoformat(),
            "language": idea.language,
            "votes": idea.votes,
            "comments": idea.comment_count,
        }


def vote_rows(edition):
    days = (
        IdeaVote.objects.filter(idea__edition=edition, idea__is_hidden=False)
        .annotate(day=TruncDate("created_at"))
        .values("idea_id", "day")
        .annotate(votes=Count("id"))
        .order_by("idea_id", "day")
    )
    for row in days:
        yield {"idea": row["idea_id"], "day": row["day"].isoformat(), "votes": row["votes"]}


def as_json(edition) -> dict:
    return {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "edition": edition.slug,
        "ideas": list(idea_rows(edition)),
        "votes": list(vote_rows(edition)),
    }
