"""The lounge in public and a participant's own pages.

The lounge page and its challenges are public. Everything about people is for
signed-in participants of the same lounge only: anyone else gets the 404 a
missing page gets, so profile ids cannot be probed. Rules refusing a change
answer 409 with their message, rate limits 429; every page works without
JavaScript, every form POSTs and redirects (303).
"""

from functools import wraps
from itertools import groupby

from django.contrib import messages
from django.db.models import Count, Max, Min, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.forms import SignInForm
from accounts.services import normalise_email, request_sign_in_link
from accounts.views import SENT_TO
from core import ratelimit
from core.i18n import active_language
from editions.rendering import render_for_edition
from editions.services import current_edition
from matchmaking import participation
from matchmaking import requests as meeting_requests
from matchmaking.availability import overlaps, speaking_sessions
from matchmaking.forms import (
    AnswerForm,
    AvailabilityForm,
    ChallengeForm,
    JoinForm,
    ProfileForm,
    RequestForm,
)
from matchmaking.models import Challenge, MeetingRequest, Profile
from matchmaking.participation import ParticipationError
from matchmaking.requests import RequestError
from matchmaking.suggestions import sector_label, suggestions_for

Kind = Profile.Kind
Status = MeetingRequest.Status


def _see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _render(request, template: str, context: dict, lounge, *, status: int = 200):
    context = {"lounge": lounge, "nav": "lounge", **context}
    return render_for_edition(request, template, context, lounge.edition, status=status)


def _submitted(request, form, act, *, done: str, to: str) -> tuple[HttpResponse | None, int]:
    """Validate `form`, then `act(form)`: a rule's refusal goes on the form (409);
    success says `done` and redirects (303) to the page named `to`."""
    if not form.is_valid():
        return None, 200
    try:
        act(form)
    except ParticipationError as refused:
        form.add_error(None, refused.message)
        return None, 409
    messages.success(request, done)
    return _see_other(reverse(to)), 200


def _no_lounge(request):
    context = {"nav": "lounge"}
    try:
        edition = current_edition()
    except Http404:
        return render(request, "matchmaking/no_lounge.html", context, status=404)
    return render_for_edition(request, "matchmaking/no_lounge.html", context, edition, status=404)


def _my_profile(request, lounge) -> Profile | None:
    if not request.user.is_authenticated:
        return None
    profile = (
        Profile.objects.select_related("user").filter(lounge=lounge, user=request.user).first()
    )
    if profile is not None:
        profile.lounge = lounge
    return profile


def lounge_page(view):
    """Resolve the current edition's lounge, or answer the "no lounge" page (404)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            lounge = participation.current_lounge()
        except Http404:
            return _no_lounge(request)
        return view(request, lounge, *args, **kwargs)

    return wrapped


def participant_page(view):
    """A signed-in participant's own page; anyone else is sent to the join page."""

    @wraps(view)
    @lounge_page
    def wrapped(request, lounge, *args, **kwargs):
        profile = _my_profile(request, lounge)
        if profile is None:
            return redirect("matchmaking:join")
        response = view(request, profile, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapped


def between_participants(view):
    """A page about another participant: for participants of the same lounge only (404)."""

    @wraps(view)
    @lounge_page
    def wrapped(request, lounge, pk: int, *args, **kwargs):
        me = _my_profile(request, lounge)
        if me is None:
            raise Http404("Only participants see each other.")
        visible = Profile.objects.filter(lounge=lounge).filter(Q(is_active=True) | Q(pk=me.pk))
        them = get_object_or_404(visible.select_related("user"), pk=pk)
        them.lounge = lounge
        response = view(request, me, them, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapped


# The lounge in public


@require_GET
@lounge_page
def lounge_home(request, lounge):
    active = Profile.objects.filter(lounge=lounge, is_active=True)
    counts = dict(active.values_list("kind").annotate(n=Count("id")).order_by())
    challenges = (
        Challenge.objects.published()
        .filter(profile__lounge=lounge)
        .select_related("profile", "pivot")
    )
    context = {
        "counts": {kind: counts.get(kind, 0) for kind in Kind.values},
        "participants": sum(counts.values()),
        "challenges": challenges,
        "slots": lounge.slots.aggregate(first=Min("starts_at"), last=Max("ends_at"), n=Count("id")),
        "tables": lounge.tables.count(),
        "me": _my_profile(request, lounge),
        "takes_requests": lounge.takes_requests(),
    }
    return _render(request, "matchmaking/home.html", context, lounge)


@require_GET
@lounge_page
def challenge(request, lounge, pk: int):
    published = Challenge.objects.published().filter(profile__lounge=lounge)
    found = get_object_or_404(published.select_related("profile", "pivot"), pk=pk)
    context = {"challenge": found, "me": _my_profile(request, lounge)}
    return _render(request, "matchmaking/challenge.html", context, lounge)


# Joining


@require_http_methods(["GET", "POST"])
@lounge_page
def join(request, lounge):
    if not request.user.is_authenticated:
        return _join_sign_in(request, lounge)
    if _my_profile(request, lounge) is not None:
        return redirect("matchmaking:profile")
    entitled = participation.eligibility(lounge, user=request.user)
    if not entitled.is_eligible:
        return _render(
            request, "matchmaking/join_not_eligible.html", {"entitled": entitled}, lounge
        )
    fields, _pivots = participation.prefilled(entitled, kind=entitled.kinds[0], user=request.user)
    form = JoinForm(request.POST or None, kinds=entitled.kinds, initial=fields)
    response, status = _submitted(
        request,
        form,
        lambda form: participation.join(lounge, user=request.user, **form.cleaned_data),
        done=_("Welcome to the lounge. Tell the others who you are."),
        to="matchmaking:profile",
    )
    context = {"form": form, "entitled": entitled}
    return response or _render(request, "matchmaking/join.html", context, lounge, status=status)


def _join_sign_in(request, lounge):
    """Not signed in: e-mail a sign-in link that leads back to the join page."""
    form = SignInForm(request.POST or None)
    status = 200
    if form.is_valid():
        email = normalise_email(form.cleaned_data["email"])
        try:
            ip = ratelimit.client_ip(request)
            ratelimit.check(request, ("sign_in:ip", ip), ("sign_in:email", email))
        except ratelimit.RateLimited as limited:
            form.add_error(None, str(limited.message))
            status = 429
        else:
            next_url = reverse("matchmaking:join")
            request_sign_in_link(email, language=active_language(), next_url=next_url)
            request.session[SENT_TO] = email  # the same answer, known address or not
            return _see_other(reverse("accounts:sign_in") + "?sent=1")
    return _render(request, "matchmaking/join_sign_in.html", {"form": form}, lounge, status=status)


# My profile, availability, challenges


@require_http_methods(["GET", "POST"])
@participant_page
def my_profile(request, profile):
    form = ProfileForm(request.POST or None, profile=profile)
    response, status = _submitted(
        request,
        form,
        lambda form: participation.update_profile(profile, details=form.details()),
        done=_("Your lounge profile is saved."),
        to="matchmaking:profile",
    )
    if response:
        return response
    context = {
        "form": form,
        "profile": profile,
        "challenges": profile.challenges.select_related("pivot"),
        "can_publish": profile.kind in participation.PUBLISHERS,
        "counts": _request_counts(profile),
    }
    return _render(request, "matchmaking/profile.html", context, profile.lounge, status=status)


def _request_counts(profile: Profile) -> dict:
    now = timezone.now()
    mine = MeetingRequest.objects.involving(profile)
    return mine.aggregate(
        received=Count("id", filter=Q(target=profile, status=Status.PENDING, expires_at__gt=now)),
        sent=Count("id", filter=Q(requester=profile, status=Status.PENDING, expires_at__gt=now)),
        accepted=Count("id", filter=Q(status=Status.ACCEPTED)),
    )


@require_http_methods(["GET", "POST"])
@participant_page
def availability(request, profile):
    lounge = profile.lounge
    slots = list(lounge.slots.all())
    speaking = _speaking_by_slot(profile, slots)
    declared = set(profile.blocked_slots.values_list("pk", flat=True))
    editable = [slot for slot in slots if slot.pk not in speaking]
    form = AvailabilityForm(request.POST or None, slots=editable, initial={"blocked": declared})
    if form.is_valid():
        kept = [slot for slot in slots if slot.pk in speaking]
        participation.set_blocked_slots(profile, slots=form.blocked_slots(), keep=kept)
        messages.success(request, _("Your availability is saved."))
        return _see_other(reverse("matchmaking:availability"))
    context = {"form": form, "days": _days(slots, declared, speaking, lounge), "profile": profile}
    return _render(request, "matchmaking/availability.html", context, lounge)


def _speaking_by_slot(profile: Profile, slots) -> dict:
    """slot id → the session the person speaks in at that time (blocked automatically)."""
    sessions = speaking_sessions([profile], profile.lounge).get(profile.pk, [])
    found = {}
    for slot in slots:
        for session in sessions:
            if overlaps(slot, session):
                found.setdefault(slot.pk, session)
    return found


def _days(slots, declared: set, speaking: dict, lounge) -> list:
    """[(day, [(slot, declared, session speaking in or None)])], in the edition's time."""
    day_of = lambda slot: timezone.localtime(slot.starts_at, lounge.edition.tz).date()  # noqa: E731
    return [
        (day, [(slot, slot.pk in declared, speaking.get(slot.pk)) for slot in day_slots])
        for day, day_slots in groupby(slots, key=day_of)
    ]


@require_http_methods(["GET", "POST"])
@participant_page
def challenge_new(request, profile):
    if profile.kind not in participation.PUBLISHERS:
        context = {"form": None, "profile": profile}
        template = "matchmaking/challenge_form.html"
        return _render(request, template, context, profile.lounge, status=409)
    form = ChallengeForm(request.POST or None, lounge=profile.lounge)
    response, status = _submitted(
        request,
        form,
        lambda form: participation.publish_challenge(profile, details=form.details()),
        done=_("Your innovation challenge is saved."),
        to="matchmaking:profile",
    )
    context = {"form": form, "profile": profile}
    template = "matchmaking/challenge_form.html"
    return response or _render(request, template, context, profile.lounge, status=status)


@require_http_methods(["GET", "POST"])
@participant_page
def challenge_edit(request, profile, pk: int):
    mine = get_object_or_404(profile.challenges.all(), pk=pk)
    if request.method == "POST" and request.POST.get("publish") in ("on", "off"):
        published = request.POST["publish"] == "on"
        participation.set_challenge_published(mine, by=profile, published=published)
        messages.success(request, _("Published.") if published else _("No longer published."))
        return _see_other(reverse("matchmaking:profile"))
    form = ChallengeForm(request.POST or None, lounge=profile.lounge, challenge=mine)
    response, status = _submitted(
        request,
        form,
        lambda form: participation.update_challenge(mine, by=profile, details=form.details()),
        done=_("Your innovation challenge is saved."),
        to="matchmaking:profile",
    )
    context = {"form": form, "profile": profile, "challenge": mine}
    template = "matchmaking/challenge_form.html"
    return response or _render(request, template, context, profile.lounge, status=status)


# Suggestions, people, requests


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
    return _render(request, "matchmaking/suggestions.html", context, profile.lounge)


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
    return _render(request, "matchmaking/person.html", context, me.lounge)


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
            return _see_other(reverse("matchmaking:requests"))
    context = {"form": form, "me": me, "them": them, "takes_requests": me.lounge.takes_requests()}
    return _render(request, "matchmaking/request.html", context, me.lounge, status=status)


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
    return _render(request, "matchmaking/requests.html", context, profile.lounge, status=status)


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
    return _see_other(reverse("matchmaking:requests"))


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
