"""Rate limits for public forms, counted in the database.

Why not django-ratelimit: it needs memcached or Redis to count atomically,
and Jemaa runs with zero set-up on SQLite. One upsert per hit
(INSERT … ON CONFLICT DO UPDATE … RETURNING, on SQLite ≥ 3.35 and PostgreSQL)
counts atomically across every worker and machine that share the database.

Every limit lives in LIMITS below, so they are documented in one place.
"""

import hashlib
import random
import time

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext_lazy as _

from core.models import RateLimitCounter

# name: (hits allowed, per seconds). Per IP limits are generous (a school or a
# company may share one address); per e-mail limits stop flooding a mailbox.
LIMITS = {
    # The audience of a session: a room shares one Wi-Fi address, so per-IP limits
    # are what a full room (300 people) can produce; one device asks a few questions
    # and votes for many. A vote needs a device a page gave (community/voters.py), so
    # the new devices per address bound how many people one address can pass for.
    "community_device:ip": (300, 600),  # a full room opening the questions at once
    "community_post:device": (10, 600),  # questions, ideas, comments, session ratings
    "community_post:ip": (600, 600),
    "community_vote:device": (200, 600),
    "community_vote:ip": (1500, 600),  # upvotes, supports, poll votes, reports: 5 each
    # A personal agenda is created by the first star of a browser without one.
    "new_agenda:ip": (200, 600),
    "lounge_request:user": (20, 3600),
    # Public bookings: a family books a few slots; a flood from one phone or address is a bot.
    "public_booking:ip": (60, 600),
    "public_booking:phone": (10, 3600),
    "public_booking:email": (10, 3600),
    # Registration, and "send my ticket links again".
    "register:ip": (30, 600),
    "register:email": (5, 3600),
    "resend:ip": (10, 600),
    "resend:email": (3, 3600),
    # "E-mail me a sign-in link" (accounts, the lounge's join page).
    "sign_in:ip": (10, 600),
    # The administration's password form: guessing a password is what this stops.
    # Counted per address and per (address, username) pair, never per username alone:
    # anyone can type an organiser's username, and a count that refused it from every
    # address would let them keep the organiser out (see core/staff_sign_in.py).
    "staff_sign_in:ip": (30, 600),
    "staff_sign_in:pair": (10, 600),
    "sign_in:email": (3, 3600),
    # "E-mail me a link to apply" to the Startup Village.
    "startups_apply:ip": (10, 600),
    "startups_apply:email": (3, 3600),
}

MESSAGE = _("Too many attempts. Please wait a few minutes and try again.")


class RateLimited(Exception):
    message = MESSAGE

    def __init__(self, retry_after: int = 0):
        super().__init__(retry_after)
        # Seconds until every limit that refused has started a new window.
        self.retry_after = retry_after


def client_ip(request) -> str:
    """The visitor's address; behind N trusted proxies, the Nth address from the
    right of X-Forwarded-For (the ones a visitor can forge are further left)."""
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(addresses) >= hops:
            return addresses[-hops]
    return request.META.get("REMOTE_ADDR", "")


def hit(limit: str, value: str) -> bool:
    """Count one attempt for `value` (an address, an e-mail) under `limit`.
    Returns whether it is allowed."""
    allowed, seconds = LIMITS[limit]
    allowed *= settings.RATE_LIMIT_FACTOR
    name = hashlib.sha256(f"{settings.SECRET_KEY}:{limit}:{value.lower()}".encode()).hexdigest()
    now = int(time.time())
    bucket = now - now % seconds  # the window's start, in seconds: comparable across limits
    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (name, bucket, count) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (name, bucket) DO UPDATE SET count = {table}.count + 1 RETURNING count",
            [name, bucket],
        )
        count = cursor.fetchone()[0]
    if random.random() < 0.01:  # noqa: S311 — housekeeping, not security
        longest = max(window for _allowed, window in LIMITS.values())
        RateLimitCounter.objects.filter(bucket__lt=now - 2 * longest).delete()
    return count <= allowed


def check(request, *limits_and_values: tuple[str, str]) -> None:
    """Raise RateLimited if any (limit, value) pair is over its limit. Every pair is
    counted, so a flood on one e-mail is seen even from many addresses."""
    refused = [limit for limit, value in limits_and_values if value and not hit(limit, value)]
    if refused:
        raise RateLimited(retry_after=max(seconds_left(limit) for limit in refused))


def seconds_left(limit: str) -> int:
    """Seconds until `limit`'s current window ends and its counts start again."""
    seconds = LIMITS[limit][1]
    return seconds - int(time.time()) % seconds
