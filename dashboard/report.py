"""The impact report of an edition: what happened, overall and pivot by pivot."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from dashboard import metrics
from programme.models import Session, SessionSpeaker


def of(edition) -> dict:
    sessions = Session.objects.published().filter(edition=edition)
    speakers = SessionSpeaker.objects.filter(session__in=sessions)
    pivot_sessions = sessions.filter(pivot=OuterRef("pk")).values("pivot")
    pivot_speakers = speakers.filter(session__pivot=OuterRef("pk")).values("session__pivot")
    pivots = {p.pk: p for p in metrics.community_by_pivot(edition).annotate(
        n_sessions=Coalesce(Subquery(pivot_sessions.annotate(n=Count("pk")).values("n")), 0),
        n_speakers=Coalesce(Subquery(pivot_speakers.annotate(
            n=Count("speaker", distinct=True)).values("n")), 0),
        n_interested=Count("interested_registrations", distinct=True,
                         filter=Q(interested_registrations__check_in__isnull=False)),
    )}
    people = metrics.occupancy(edition)
    return {
        "registrations": people["holding"], "attended": people["admitted"],
        "sessions": sessions.count(), "speakers": speakers.values("speaker").distinct().count(),
        "lounge": metrics.lounge(edition), "startups": metrics.startup_funnel(edition),
        "public": metrics.public_visitors(edition),
        "pivots": list(pivots.values()),
    }
