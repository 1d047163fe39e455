"""Who votes: a signed-in account, or a visitor's established device.

A device is established by a page, never by the post itself: the pages that hold
the community's forms (a session's questions, an idea, the idea and feedback forms)
give a browser without one a random device id in a long-lived, HTTP-only cookie
signed with the site's key. A post (a vote, a question, an idea, a comment, a
report, a rating) then counts only for an established voter: a signed-in account,
or a device cookie whose signature holds. Otherwise every request sent without the
cookie, or with a made-up one, would count as one more person.

Clearing cookies in a loop still makes new devices: the pages give at most as many
per address as a full room would need ("community_device:ip" in core/ratelimit.py).
The database keeps only a keyed hash of the device id, so a leaked table cannot be
replayed as cookies.
"""

import hashlib
import hmac
import secrets

from django.conf import settings

from core import ratelimit

DEVICE_COOKIE = "__Host-jemaa-device" if settings.HTTPS else "jemaa-device"
DEVICE_COOKIE_AGE = 400 * 24 * 3600  # the longest browsers keep a cookie
DEVICE_ID_BYTES = 16
SALT = "community.device"


def _device_id(request) -> str | None:
    """The device id of a cookie this site signed, or None."""
    return request.get_signed_cookie(
        DEVICE_COOKIE, default=None, salt=SALT, max_age=DEVICE_COOKIE_AGE
    )


def _unsigned_id(request) -> str | None:
    """A device id from before the cookie was signed: signing it again on a page keeps
    its holder's votes theirs. A made-up one is worth no more than a fresh id."""
    old = request.COOKIES.get(DEVICE_COOKIE, "")
    is_old = len(old) == 2 * DEVICE_ID_BYTES and all(c in "0123456789abcdef" for c in old)
    return old if is_old else None


def voter(request) -> str | None:
    """ "u:<id>" for an account, "d:<hash>" (at most 40 characters) for an established
    device, None for anyone else: a post from them counts for nothing."""
    if request.user.is_authenticated:
        return f"u:{request.user.pk}"
    device = _device_id(request)
    if device is None:
        return None
    digest = hmac.new(settings.SECRET_KEY.encode(), device.encode(), hashlib.sha256)
    return "d:" + digest.hexdigest()[:38]


def establish(request, response):
    """Give a browser with neither an account nor a device one, unless its address
    already had as many new devices as a full room would (its posts are then refused
    with a message until the window passes)."""
    if request.user.is_authenticated or _device_id(request) is not None:
        return response
    if not ratelimit.hit("community_device:ip", ratelimit.client_ip(request)):
        return response
    response.set_signed_cookie(
        DEVICE_COOKIE,
        _unsigned_id(request) or secrets.token_hex(DEVICE_ID_BYTES),
        salt=SALT,
        max_age=DEVICE_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.HTTPS,
        path="/",
    )
    return response
