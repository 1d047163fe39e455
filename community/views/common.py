"""What the community's views share: the session, rate limits, answers for the
script (JSON) or for a plain form (messages, then 303 back)."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from community.voters import remember_device, voter_key
from core import ratelimit
from core.http import see_other, wants_json
from programme.models import Session


def published_session(session_id: int) -> Session:
    return get_object_or_404(
        Session.objects.public().select_related("edition", "pivot", "space"), pk=session_id
    )


def rate_limited(request, kind: str) -> bool:
    """Count a post by this device and this address; True when either is over its limit."""
    try:
        ratelimit.check(
            request,
            (f"{kind}:device", voter_key(request)),
            (f"{kind}:ip", ratelimit.client_ip(request)),
        )
    except ratelimit.RateLimited:
        return True
    return False


def answer(request, back: str, *, ok: bool, message: str, status: int = 200):
    """JSON for the page's script, or the message on the next page after a 303."""
    if wants_json(request):
        response = JsonResponse({"ok": ok, "message": str(message)}, status=status)
    else:
        (messages.success if ok else messages.error)(request, message)
        response = see_other(back)
    return remember_device(request, response)
