"""Small HTTP answers every app's views share."""

from django.http import HttpResponseRedirect
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
