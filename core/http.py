"""Small HTTP answers every app's views share."""

import re

from django.http import HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def see_other(url: str) -> HttpResponseRedirect:
    """303 after a POST: the browser GETs the next page, so a reload never re-posts."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def local_path(request, target: str) -> str | None:
    """`target` if it is a path of this site, else None.

    A path only: redirect() would read "0" or "a:b" as a view's name, and "//host" or
    "/\\host" leave the site in some browsers."""
    if not target.startswith("/") or any(c < " " for c in target):
        return None
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    return target


def wants_json(request) -> bool:
    """The page's script asked (Accept: application/json); a plain form did not."""
    return "application/json" in request.headers.get("Accept", "")


# What the secret of a ticket or booking link can look like; anything else is
# unknown without asking the database.
LINK_SECRET = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow"}


def keep_private(response: HttpResponse, *, referrer_policy: str) -> HttpResponse:
    """A page reached by a secret link: kept by no shared cache, indexed by no
    search engine, and its address passed on by links only as `referrer_policy` allows."""
    for header, value in {**PRIVATE_HEADERS, "Referrer-Policy": referrer_policy}.items():
        response[header] = value
    return response
