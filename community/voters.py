"""Who votes: a signed-in account, or a visitor's device.

A visitor gets a random device id in a long-lived, HTTP-only cookie the first time
they post (a question, a vote, an idea). The database keeps only a keyed hash of
it, so a leaked table cannot be replayed as cookies. Clearing cookies makes a new
device: rate limits per device and per IP bound what that buys (core/ratelimit.py).
"""

import hashlib
import hmac
import secrets

from django.conf import settings

DEVICE_COOKIE = "__Host-jemaa-device" if settings.HTTPS else "jemaa-device"
DEVICE_COOKIE_AGE = 400 * 24 * 3600  # the longest browsers keep a cookie
DEVICE_ID_BYTES = 16


def _device_id(request) -> str:
    known = request.COOKIES.get(DEVICE_COOKIE, "")
    if len(known) == 32 and all(c in "0123456789abcdef" for c in known):
        return known
    if not hasattr(request, "new_device_id"):
        request.new_device_id = secrets.token_hex(DEVICE_ID_BYTES)
    return request.new_device_id


def voter_key(request) -> str:
    """ "u:<id>" for an account, "d:<hash>" for a device; at most 40 characters."""
    if request.user.is_authenticated:
        return f"u:{request.user.pk}"
    digest = hmac.new(settings.SECRET_KEY.encode(), _device_id(request).encode(), hashlib.sha256)
    return "d:" + digest.hexdigest()[:38]


def known_voter(request) -> str | None:
    """The voter behind a GET, or None for a device that never posted (it voted for nothing)."""
    if request.user.is_authenticated or DEVICE_COOKIE in request.COOKIES:
        return voter_key(request)
    return None


def remember_device(request, response):
    """Set the cookie when this request made a new device id."""
    device = getattr(request, "new_device_id", None)
    if device:
        response.set_cookie(
            DEVICE_COOKIE,
            device,
            max_age=DEVICE_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.HTTPS,
            path="/",
        )
    return response
