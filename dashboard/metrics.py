"""The organiser's numbers for one edition, each read in a few aggregate queries
(whatever the size of the edition): what the dashboard, its CSV files and the
impact report show."""

from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, TruncDate, TruncHour
from django.utils import timezone

from activities.models import ActivitySlot, Booking
from community.models import Feedback, Idea, Question
from matchmaking.models import Meeting, MeetingRequest, MeetingSide
from programme.models import Session
from registration.models import CheckIn, Registration
from startups.models import Application


@dataclass
class Series:
    label: str
    points: list  # (date, cumulative count)


def registrations_over_time(edition) -> list[Series]:
    """Per pass, the cumulative number of registrations holding a place, day by day."""
    rows = (
        Registration.objects.filter(edition=edition, status__in=Registration.HOLDING_STATUSES)
        .annotate(day=TruncDate("created_at", tzinfo=edition.tz))
        .values("pass_type_id", "day")
        .annotate(n=Count("id"))
        .order_by("day")
    )
    passes = {p.pk: p for p in edition.pass_types.order_by("position", "pk")}
    days = sorted({row["day"] for row in rows})
    series = []
    for pk, pass_type in passes.items():
        per_day = {row["day"]: row["n"] for row in rows if row["pass_type_id"] == pk}
        total, points = 0, []
        for day in days:
            total += per_day.get(day, 0)
            points.append((day, total))
        series.append(Series(str(pass_type.name), points))
    return series


def check_ins_by_gate_and_hour(edition) -> list[dict]:
    rows = (
        CheckIn.objects.filter(registration__edition=edition)
        .annotate(hour=TruncHour("at", tzinfo=edition.tz))
        .values("gate", "hour")
        .annotate(n=Count("id"))
        .order_by("hour", "gate")
    )
    return [{"gate": r["gate"], "hour": r["hour"], "count": r["n"]} for r in rows]


def occupancy(edition, now=None) -> dict:
    """Inside now: ticket holders admitted at the door, and people in the public activities."""
    now = now or timezone.now()
    people = Registration.objects.filter(edition=edition).aggregate(
        holding=Count("id", filter=Q(status__in=Registration.HOLDING_STATUSES)),
        admitted=Count("check_in"),
    )
    running = ActivitySlot.objects.filter(
        activity__edition=edition, starts_at__lte=now, ends_at__gt=now
    ).aggregate(
        inside=Coalesce(Sum(F("admitted") + F("walk_ins")), 0),
        capacity=Coalesce(Sum("capacity"), 0),
    )
    return {
        **people,
        "activity_inside": running["inside"],
        "activity_capacity": running["capacity"],
    }


def _count_of(model, field: str, **filters):
    return Subquery(
        model.objects.filter(**{field: OuterRef("pk")}, **filters)
        .values(field)
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )


def sessions(edition):
    """Each published session with its interest (starred in agendas), participation
    (questions, ratings) and, for a debate open to the public, the people counted in
    at its entrance (booked visitors admitted and walk-ins)."""
    entries = (
        ActivitySlot.objects.filter(activity__session=OuterRef("pk"))
        .values("activity__session")
        .annotate(n=Sum(F("admitted") + F("walk_ins")))
        .values("n")
    )
    return (
        Session.objects.published()
        .filter(edition=edition)
        .select_related("pivot", "space")
        .annotate(
            stars=Coalesce(_count_of(Session.agendas.through, "session"), 0),
            questions=Coalesce(_count_of(Question, "board__session"), 0),
            ratings=Coalesce(_count_of(Feedback, "session"), 0),
            public_entries=Coalesce(Subquery(entries, output_field=IntegerField()), 0),
        )
        .order_by("starts_at", "pk")
    )


def lounge(edition) -> dict:
    requests = MeetingRequest.objects.filter(lounge__edition=edition).aggregate(
        requested=Count("id"), accepted=Count("id", filter=Q(status="accepted"))
    )
    meetings = Meeting.objects.published().filter(lounge__edition=edition)
    held = meetings.filter(sides__took_place=True).distinct().count()
    followed = (
        MeetingSide.objects.filter(meeting__in=meetings, took_place=True)
        .exclude(follow_up__in=["", "none"])
        .values("meeting")
        .distinct()
        .count()
    )
    return {**requests, "scheduled": meetings.count(), "held": held, "follow_up": followed}


def startup_funnel(edition) -> dict:
    """Applications sent, reviewed at least once, selected. "reviewed" joins the
    reviews, one row per review: every count is distinct, or an application would
    count once per review."""
    applications = Application.objects.filter(call__edition=edition)
    return applications.aggregate(
        applied=Count("id", filter=~Q(status="draft"), distinct=True),
        reviewed=Count("id", filter=Q(reviews__isnull=False), distinct=True),
        selected=Count("id", filter=Q(status="selected"), distinct=True),
    )


def activity_slots(edition):
    """Every public slot with its fill rate (booked of bookable) and who came."""
    return (
        ActivitySlot.objects.filter(activity__edition=edition)
        .select_related("activity")
        .order_by("starts_at", "activity__position")
    )


def public_visitors(edition) -> dict:
    totals = ActivitySlot.objects.filter(activity__edition=edition).aggregate(
        admitted=Coalesce(Sum("admitted"), 0),
        walk_ins=Coalesce(Sum("walk_ins"), 0),
        booked=Coalesce(Sum("booked"), 0),
    )
    totals["bookings"] = Booking.objects.filter(edition=edition, status="confirmed").count()
    return totals


def community_by_pivot(edition):
    """Per pivot: questions asked in its sessions, votes on them, ideas and adopted ideas."""
    questions = Question.objects.filter(board__session__pivot=OuterRef("pk")).values(
        "board__session__pivot"
    )
    ideas = Idea.objects.published().filter(pivot=OuterRef("pk")).values("pivot")
    return edition.pivots.annotate(
        n_questions=Coalesce(Subquery(questions.annotate(n=Count("pk")).values("n")), 0),
        n_question_votes=Coalesce(Subquery(questions.annotate(n=Sum("votes")).values("n")), 0),
        n_ideas=Coalesce(Subquery(ideas.annotate(n=Count("pk")).values("n")), 0),
        n_idea_votes=Coalesce(Subquery(ideas.annotate(n=Sum("votes")).values("n")), 0),
        n_adopted=Coalesce(
            Subquery(ideas.filter(decision="adopted").annotate(n=Count("pk")).values("n")), 0
        ),
    ).order_by("position", "pk")
