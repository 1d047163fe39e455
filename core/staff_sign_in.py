"""Brute-force protection on the staff sign-in (the administration's password form).

Every attempt counts, per address and per (address, username) pair, never per
username alone: anyone can type an organiser's username, and a count that refused
that username from every address would let a stranger keep the organiser out for
the whole event. The organiser's own address keeps its own count.

Past a limit, the attempts of that address or that pair are refused for the rest
of the window: a 429 with Retry-After, the form not even checked. Refusing rather
than sleeping in the request ("slow down"): on a two-core server each sleeping
request holds a worker, so an attacker sending a few parallel guesses would tie up
every worker and slow the whole site for everyone; a refusal costs one upsert.

An attempt is counted before its password is checked, so that parallel guesses
cannot all slip in before any is counted; a right password simply ends the series.
"""

from functools import wraps

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import render
from django.urls import reverse

from core import ratelimit


def guarded(login_view):
    @wraps(login_view)
    def login(request, extra_context=None):
        if request.method == "POST":
            username = request.POST.get("username", "")[:150].strip().lower()
            address = ratelimit.client_ip(request)
            try:
                ratelimit.check(
                    request,
                    ("staff_sign_in:ip", address),
                    ("staff_sign_in:pair", f"{address} {username}"),
                )
            except ratelimit.RateLimited as refused:
                response = render(request, "core/too_many_attempts.html", status=429)
                response["Retry-After"] = str(refused.retry_after)
                return response
        return login_view(request, extra_context)

    return login


def lands_on_organiser_home(login_view):
    """Staff who sign in without a page to go back to land on the organiser's home,
    not on the administration's index: the home links every staff area."""

    @wraps(login_view)
    def login(request, extra_context=None):
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            extra_context = {
                REDIRECT_FIELD_NAME: reverse("editions:staff_home"),
                **(extra_context or {}),
            }
        return login_view(request, extra_context)

    return login
