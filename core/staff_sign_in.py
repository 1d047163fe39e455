"""Brute-force protection on the staff sign-in (the administration's password form):
every attempt counts, per address and per username, and past the limit the form is
not even checked; the answer is a 429 page saying to wait."""

from functools import wraps

from django.shortcuts import render

from core import ratelimit


def guarded(login_view):
    @wraps(login_view)
    def login(request, extra_context=None):
        if request.method == "POST":
            username = request.POST.get("username", "")[:150].strip().lower()
            try:
                ratelimit.check(
                    request,
                    ("staff_sign_in:ip", ratelimit.client_ip(request)),
                    ("staff_sign_in:username", username),
                )
            except ratelimit.RateLimited:
                return render(request, "core/too_many_attempts.html", status=429)
        return login_view(request, extra_context)

    return login
