"""The impact report of an edition: what happened, overall and pivot by pivot.

A B2B meeting belongs to the pivot of the innovation challenge it was requested on;
public visitors to the pivot of the debate they came in to. What belongs to no pivot
counts in the totals only."""

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from activities.models import ActivitySlot
from community.models import Idea, Question
from dashboard import metrics
from matchmaking.models import Meeting, MeetingSide
from programme.models import Session, SessionSpeaker

LED_ON = [value for value in MeetingSide.FollowUp.values if value != "none"]


def _per_pivot(queryset, field: str, total):
    return Coalesce(
        Subquery(
            queryset.filter(**{field: OuterRef("pk")}).values(field).annotate(n=total).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def _pivots(edition, sessions, speakers):
    meetings = Meeting.objects.published().filter(lounge__edition=edition)
    held = meetings.filter(sides__took_place=True)
    followed = meetings.filter(sides__took_place=True, sides__follow_up__in=LED_ON)
    pivot = "request__challenge__pivot"
    return metrics.community_by_pivot(edition).annotate(
        n_sessions=_per_pivot(sessions, "pivot", Count("pk")),
        n_speakers=_per_pivot(speakers, "session__pivot", Count("speaker", distinct=True)),
        n_interested=Count(
            "interested_registrations",
            distinct=True,
            filter=Q(interested_registrations__check_in__isnull=False),
        ),
        n_meetings=_per_pivot(held, pivot, Count("pk", distinct=True)),
        n_follow_ups=_per_pivot(followed, pivot, Count("pk", distinct=True)),
        n_visitors=_per_pivot(
            ActivitySlot.objects.all(),
            "activity__session__pivot",
            Sum(F("admitted") + F("walk_ins")),
        ),
    )


def of(edition) -> dict:
    sessions = Session.objects.published().filter(edition=edition)
    speakers = SessionSpeaker.objects.filter(session__in=sessions)
    people = metrics.occupancy(edition)
    public = metrics.public_visitors(edition)
    pivots = list(_pivots(edition, sessions, speakers))
    return {
        "registrations": people["holding"],
        "attended": people["admitted"],
        "sessions": sessions.count(),
        "speakers": speakers.values("speaker").distinct().count(),
        "lounge": metrics.lounge(edition),
        "startups": metrics.startup_funnel(edition),
        "public": public,
        "visitors": public["admitted"] + public["walk_ins"],
        "pivots": pivots,
        # Counted over the edition, not summed over the pivots: a question asked in a
        # session without a pivot (the opening) belongs to no pivot but to the total.
        "total_questions": Question.objects.filter(board__session__edition=edition).count(),
        **Idea.objects.published()
        .filter(edition=edition)
        .aggregate(
            total_ideas=Count("pk"), total_adopted=Count("pk", filter=Q(decision="adopted"))
        ),
    }
