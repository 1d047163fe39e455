"""A participant's meetings: the agenda, its calendar feed, and what came of each meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from core.http import see_other
from editions.rendering import render_for_edition
from matchmaking import calendar, participation
from matchmaking import feedback as feedback_service
from matchmaking.forms_meetings import FeedbackForm
from matchmaking.models import Profile
from programme.exports.common import export_response
from programme.services import AGENDA_COOKIE

SIGN_IN = "accounts:sign_in"


def _render(request, template, context, lounge, **kwargs):
    context = {"nav": "lounge", "lounge": lounge, **context}
    return render_for_edition(request, template, context, lounge.edition, **kwargs)


@never_cache
@login_required(login_url=SIGN_IN)
@require_GET
def agenda(request):
    lounge = participation.current_lounge()
    profile = lounge.profiles.filter(user=request.user).select_related("lounge").first()
    if profile is None:
        return _render(request, "matchmaking/agenda_join.html", {}, lounge)
    starred = calendar.starred_agenda(
        request.user, cookie_secret=request.COOKIES.get(AGENDA_COOKIE)
    )
    meetings = calendar.meetings_of(profile)
    sessions = calendar.starred_sessions(starred, profile)
    context = {
        "profile": profile,
        "days": calendar.agenda_days(meetings, sessions, tz=lounge.edition.tz),
        "meeting_count": len(meetings),
        "session_count": len(sessions),
        "feed_url": request.build_absolute_uri(
            reverse("matchmaking:agenda_ics", args=[profile.calendar_secret])
        ),
    }
    response = _render(request, "matchmaking/agenda.html", context, lounge)
    response["Referrer-Policy"] = "no-referrer"  # the feed's secret is on the page
    return response


@require_GET
def agenda_ics(request, secret: str):
    if not 32 <= len(secret) <= 64:  # never a query for a shape no secret has
        raise Http404
    profile = (
        Profile.objects.filter(calendar_secret=secret)
        .select_related("lounge__edition", "user")
        .first()
    )
    if profile is None:
        raise Http404
    with translation.override(profile.language), timezone.override(profile.lounge.edition.tz):
        body = calendar.agenda_ics(profile, absolute=request.build_absolute_uri)
    response = export_response(
        body,
        content_type="text/calendar; charset=utf-8",
        language=profile.language,
        filename="meetings.ics",
    )
    response["Cache-Control"] = "private, max-age=300"
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@login_required(login_url=SIGN_IN)
@require_http_methods(["GET", "POST"])
def feedback(request, pk: int):
    side = feedback_service.side_for(pk, user=request.user)
    if side is None:
        raise Http404
    lounge, meeting = side.meeting.lounge, side.meeting
    context = {
        "side": side,
        "meeting": meeting,
        "counterpart": meeting.request.other_side(side.profile),
    }
    try:
        feedback_service.check_open(side)
    except feedback_service.FeedbackError as refused:
        context["refused"] = refused.message
        return _render(request, "matchmaking/feedback_early.html", context, lounge, status=409)
    form = FeedbackForm.for_side(side, request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            feedback_service.record_feedback(side, by=request.user, **form.answer())
        except feedback_service.FeedbackError as refused:
            context["refused"] = refused.message
            return _render(request, "matchmaking/feedback_early.html", context, lounge, status=409)
        messages.success(request, _("Thank you: your answer is saved. You can change it later."))
        return see_other(reverse("matchmaking:agenda"))
    return _render(request, "matchmaking/feedback.html", {**context, "form": form}, lounge)
