"""What the community's views share: the session, who posts (an established voter
within its limits), answers for the script (JSON) or for a plain form (messages,
then 303 back)."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community import votes
from community.errors import CommunityError
from community.voters import voter
from core import ratelimit
from core.http import see_other, wants_json
from programme.models import Session

# A person meets this when their browser dropped or refused the device cookie (the
# page they reload gives it again); a script posting without one meets it too.
UNKNOWN_VOTER = gettext_lazy(
    "Nothing was counted: this browser is not recognised yet. Reload the page and try "
    "again (this site’s cookies must be allowed), or sign in."
)


class NotCounted(CommunityError):
    """A post refused for who sent it, before any rule of the thing: `status` says why."""

    def __init__(self, message, code: str, status: int):
        super().__init__(str(message), code)
        self.status = status


def published_session(session_id: int) -> Session:
    return get_object_or_404(
        Session.objects.public().select_related("edition", "pivot", "space"), pk=session_id
    )


def poster(request, kind: str) -> str:
    """The established voter behind a post of `kind` ("community_post" or
    "community_vote"), counted against its device's and its address's limits."""
    who = voter(request)
    if who is None:
        raise NotCounted(UNKNOWN_VOTER, "unknown_voter", 403)
    try:
        ratelimit.check(
            request, (f"{kind}:device", who), (f"{kind}:ip", ratelimit.client_ip(request))
        )
    except ratelimit.RateLimited:
        raise NotCounted(ratelimit.MESSAGE, "rate_limited", 429) from None
    return who


def answer(request, back: str, *, ok: bool, message: str, status: int = 200):
    """JSON for the page's script, or the message on the next page after a 303."""
    if wants_json(request):
        return JsonResponse({"ok": ok, "message": str(message)}, status=status)
    (messages.success if ok else messages.error)(request, message)
    return see_other(back)


def status_of(error: CommunityError) -> int:
    """403 or 429 for a post refused for its sender, 409 when a rule refused it."""
    return error.status if isinstance(error, NotCounted) else 409


def refusal(request, back: str, error: CommunityError):
    return answer(request, back, ok=False, message=error.message, status=status_of(error))


def vote(request, thing, back: str, cast):
    """Answer a vote on `thing` (a Question, an Idea, a Poll): `cast(voter)` counts it.
    A vote refused for its sender is noted on `thing`, for the moderators."""
    try:
        cast(poster(request, "community_vote"))
    except NotCounted as error:
        votes.note_refused(thing)
        return refusal(request, back, error)
    except CommunityError as error:
        return refusal(request, back, error)
    return answer(request, back, ok=True, message=_("Your vote is counted."))
