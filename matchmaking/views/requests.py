"""Suggestions, people's pages and meeting requests between participants of a lounge
(the rules of access are in `matchmaking.views.access`)."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import ratelimit
from matchmaking import requests as meeting_requests
from matchmaking.forms import (
    AnswerForm,
    RequestForm,
)
from matchmaking.models import MeetingRequest, Profile
from matchmaking.requests import RequestError
from matchmaking.suggestions import sector_label, suggestions_for
from matchmaking.views.access import (
    Status,
    between_participants,
    participant_page,
    render_page,
    see_other,
)


@require_GET
@participant_page
def suggestions(request, profile):
    found = suggestions_for(profile)
    now = timezone.now()
    for suggestion in found:
        suggestion.may_ask = meeting_requests.may_ask(suggestion.request, profile, now)
        if suggestion.request is not None:
            suggestion.request.shown_status = meeting_requests.shown_status(suggestion.request, now)
    context = {"profile": profile, "suggestions": found}
    return render_page(request, "matchmaking/suggestions.html", context, profile.lounge)


@require_GET
@between_participants
def person(request, me, them):
    between = MeetingRequest.objects.involving(me).filter(Q(requester=them) | Q(target=them))
    meeting_request = between.first()
    if meeting_request is not None:
        meeting_request.shown_status = meeting_requests.shown_status(meeting_request)
    context = {
        "me": me,
        "them": them,
        "challenges": them.challenges.filter(is_published=True).select_related("profile", "pivot"),
        "pivots": them.pivots.all(),
        "sectors": [sector_label(code) for code in them.sectors if isinstance(code, str)],
        "meeting_request": meeting_request,
        "may_ask": me.pk != them.pk and meeting_requests.may_ask(meeting_request, me),
    }
    return render_page(request, "matchmaking/person.html", context, me.lounge)


@require_http_methods(["GET", "POST"])
@between_participants
def request_meeting(request, me, them):
    if me.pk == them.pk:
        return redirect("matchmaking:profile")
    form = RequestForm(request.POST or None, target=them)
    status = 200
    if form.is_valid():
        try:
            ratelimit.check(request, ("lounge_request:user", str(request.user.pk)))
            sent = meeting_requests.send_request(me, target=them, **form.cleaned_data)
        except ratelimit.RateLimited as limited:
            form.add_error(None, str(limited.message))
            status = 429
        except RequestError as refused:
            form.add_error(None, refused.message)
            status = 409
        else:
            messages.success(request, _sent_message(sent, them))
            return see_other(reverse("matchmaking:requests"))
    context = {"form": form, "me": me, "them": them, "takes_requests": me.lounge.takes_requests()}
    return render_page(request, "matchmaking/request.html", context, me.lounge, status=status)


def _sent_message(sent: MeetingRequest, them: Profile) -> str:
    if sent.is_mutual:
        return _("%(name)s had asked to meet you too: the meeting is accepted on both sides.") % {
            "name": them.display_name
        }
    days = them.lounge.request_days
    return ngettext(
        "Your request is sent. %(name)s has %(days)s day to answer.",
        "Your request is sent. %(name)s has %(days)s days to answer.",
        days,
    ) % {"name": them.display_name, "days": days}


@require_GET
@participant_page
def requests(request, profile):
    return _requests_page(request, profile)


def _requests_page(request, profile, *, error: str = "", status: int = 200):
    now = timezone.now()
    mine = MeetingRequest.objects.filter(lounge_id=profile.lounge_id).select_related("challenge")
    received = list(mine.filter(target=profile).select_related("requester"))
    sent = list(mine.filter(requester=profile).select_related("target"))
    for item in (*received, *sent):
        item.shown_status = meeting_requests.shown_status(item, now)
        item.awaiting = item.shown_status == Status.PENDING
    context = {
        "profile": profile,
        "received": received,
        "sent": sent,
        "error": error,
        "priorities": MeetingRequest.Priority.choices,
        "accepted": sum(item.status == Status.ACCEPTED for item in (*received, *sent)),
        "open_sent": sum(item.awaiting or item.status == Status.ACCEPTED for item in sent),
    }
    return render_page(request, "matchmaking/requests.html", context, profile.lounge, status=status)


ANSWER_SIDE = {"accept": "target", "decline": "target", "withdraw": "requester"}


@require_POST
@participant_page
def answer(request, profile, pk: int):
    found = get_object_or_404(MeetingRequest.objects.involving(profile), pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        problems = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return _requests_page(request, profile, error=problems)
    action, data = form.cleaned_data["action"], form.cleaned_data
    if getattr(found, f"{ANSWER_SIDE[action]}_id") != profile.pk:
        raise Http404("Not this side's answer.")
    try:
        _answer(found, action, profile, data)
    except RequestError as refused:
        return _requests_page(request, profile, error=refused.message, status=409)
    messages.success(request, str(ANSWERED[action]))
    return see_other(reverse("matchmaking:requests"))


def _answer(found: MeetingRequest, action: str, profile: Profile, data: dict) -> None:
    if action == "accept":
        meeting_requests.accept_request(
            found, by=profile, priority=data["priority"], message=data["message"]
        )
    elif action == "decline":
        meeting_requests.decline_request(found, by=profile, message=data["message"])
    else:
        meeting_requests.withdraw_request(found, by=profile)


ANSWERED = {
    "accept": gettext_lazy(
        "Accepted. The organisers will place the meeting on a table and a time."
    ),
    "decline": gettext_lazy("Declined. We have told them."),
    "withdraw": gettext_lazy("Your request is withdrawn."),
}
