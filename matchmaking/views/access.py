"""What every lounge page of a participant shares: finding the lounge and the person,
and the rules of who may see what.

The lounge page and its challenges are public. Everything about people is for
signed-in participants of the same lounge only: anyone else gets the 404 a
missing page gets, so profile ids cannot be probed. Rules refusing a change
answer 409 with their message, rate limits 429; every page works without
JavaScript, every form POSTs and redirects (303).
"""

from functools import wraps

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from core.http import see_other
from editions.rendering import render_for_edition
from editions.services import current_edition
from matchmaking import participation
from matchmaking.models import MeetingRequest, Profile
from matchmaking.participation import ParticipationError

Kind = Profile.Kind
Status = MeetingRequest.Status


Kind = Profile.Kind
Status = MeetingRequest.Status


def render_page(request, template: str, context: dict, lounge, *, status: int = 200):
    context = {"lounge": lounge, "nav": "lounge", **context}
    return render_for_edition(request, template, context, lounge.edition, status=status)


def submitted(request, form, act, *, done: str, to: str) -> tuple[HttpResponse | None, int]:
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
    return see_other(reverse(to)), 200


def no_lounge(request):
    context = {"nav": "lounge"}
    try:
        edition = current_edition()
    except Http404:
        return render(request, "matchmaking/no_lounge.html", context, status=404)
    return render_for_edition(request, "matchmaking/no_lounge.html", context, edition, status=404)


def my_profile_in(request, lounge) -> Profile | None:
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
            return no_lounge(request)
        return view(request, lounge, *args, **kwargs)

    return wrapped


def participant_page(view):
    """A signed-in participant's own page; anyone else is sent to the join page."""

    @wraps(view)
    @lounge_page
    def wrapped(request, lounge, *args, **kwargs):
        profile = my_profile_in(request, lounge)
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
        me = my_profile_in(request, lounge)
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
