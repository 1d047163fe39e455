"""The lounge in public, joining it, and a participant's own profile, availability and
challenges (the rules of access are in `matchmaking.views.access`)."""

from itertools import groupby

from django.contrib import messages
from django.db.models import Count, Max, Min, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.forms import SignInForm
from accounts.services import SENT_TO, normalise_email, request_sign_in_link
from core import ratelimit
from core.i18n import active_language
from matchmaking import participation
from matchmaking.availability import overlaps, speaking_sessions
from matchmaking.forms import (
    AvailabilityForm,
    ChallengeForm,
    JoinForm,
    ProfileForm,
)
from matchmaking.models import Challenge, MeetingRequest, Profile
from matchmaking.views.access import (
    Kind,
    Status,
    lounge_page,
    my_profile_in,
    participant_page,
    render_page,
    see_other,
    submitted,
)


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
        "me": my_profile_in(request, lounge),
        "takes_requests": lounge.takes_requests(),
    }
    return render_page(request, "matchmaking/home.html", context, lounge)


@require_GET
@lounge_page
def challenge(request, lounge, pk: int):
    published = Challenge.objects.published().filter(profile__lounge=lounge)
    found = get_object_or_404(published.select_related("profile", "pivot"), pk=pk)
    context = {"challenge": found, "me": my_profile_in(request, lounge)}
    return render_page(request, "matchmaking/challenge.html", context, lounge)


# Joining


@require_http_methods(["GET", "POST"])
@lounge_page
def join(request, lounge):
    if not request.user.is_authenticated:
        return _join_sign_in(request, lounge)
    if my_profile_in(request, lounge) is not None:
        return redirect("matchmaking:profile")
    entitled = participation.eligibility(lounge, user=request.user)
    if not entitled.is_eligible:
        return render_page(
            request, "matchmaking/join_not_eligible.html", {"entitled": entitled}, lounge
        )
    fields, _pivots = participation.prefilled(entitled, kind=entitled.kinds[0], user=request.user)
    form = JoinForm(request.POST or None, kinds=entitled.kinds, initial=fields)
    response, status = submitted(
        request,
        form,
        lambda form: participation.join(lounge, user=request.user, **form.cleaned_data),
        done=_("Welcome to the lounge. Tell the others who you are."),
        to="matchmaking:profile",
    )
    context = {"form": form, "entitled": entitled}
    return response or render_page(request, "matchmaking/join.html", context, lounge, status=status)


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
            return see_other(reverse("accounts:sign_in") + "?sent=1")
    return render_page(
        request, "matchmaking/join_sign_in.html", {"form": form}, lounge, status=status
    )


# My profile, availability, challenges


@require_http_methods(["GET", "POST"])
@participant_page
def my_profile(request, profile):
    form = ProfileForm(request.POST or None, profile=profile)
    response, status = submitted(
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
    return render_page(request, "matchmaking/profile.html", context, profile.lounge, status=status)


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
        return see_other(reverse("matchmaking:availability"))
    context = {"form": form, "days": _days(slots, declared, speaking, lounge), "profile": profile}
    return render_page(request, "matchmaking/availability.html", context, lounge)


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
        return render_page(request, template, context, profile.lounge, status=409)
    form = ChallengeForm(request.POST or None, lounge=profile.lounge)
    response, status = submitted(
        request,
        form,
        lambda form: participation.publish_challenge(profile, details=form.details()),
        done=_("Your innovation challenge is saved."),
        to="matchmaking:profile",
    )
    context = {"form": form, "profile": profile}
    template = "matchmaking/challenge_form.html"
    return response or render_page(request, template, context, profile.lounge, status=status)


@require_http_methods(["GET", "POST"])
@participant_page
def challenge_edit(request, profile, pk: int):
    mine = get_object_or_404(profile.challenges.all(), pk=pk)
    if request.method == "POST" and request.POST.get("publish") in ("on", "off"):
        published = request.POST["publish"] == "on"
        participation.set_challenge_published(mine, by=profile, published=published)
        messages.success(request, _("Published.") if published else _("No longer published."))
        return see_other(reverse("matchmaking:profile"))
    form = ChallengeForm(request.POST or None, lounge=profile.lounge, challenge=mine)
    response, status = submitted(
        request,
        form,
        lambda form: participation.update_challenge(mine, by=profile, details=form.details()),
        done=_("Your innovation challenge is saved."),
        to="matchmaking:profile",
    )
    context = {"form": form, "profile": profile, "challenge": mine}
    template = "matchmaking/challenge_form.html"
    return response or render_page(request, template, context, profile.lounge, status=status)


# Suggestions, people, requests
