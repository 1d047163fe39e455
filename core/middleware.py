"""Request-wide behaviour: unknown language prefixes go to French; a NUL byte in
an administration page's query string is refused."""

import re
from urllib.parse import unquote_plus

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponsePermanentRedirect

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
# A first path segment that looks like a language code: "de", "pt-br", "zh-hans".
LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2}(?:-[a-z]{2,4})?)(/.*)?$", re.IGNORECASE)
NOT_LANGUAGES = {"api"}


class UnknownLanguageRedirectMiddleware:
    """`/de/programme/` is a visitor guessing a language we don't have: send them
    to the French page rather than a bare 404."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
        if match:
            prefix, rest = match.group(1).lower(), match.group(2) or "/"
            if prefix not in LANGUAGE_CODES and prefix not in NOT_LANGUAGES:
                target = f"/{settings.LANGUAGE_CODE}{rest}"
                if request.META.get("QUERY_STRING"):
                    target += "?" + request.META["QUERY_STRING"]
                return HttpResponsePermanentRedirect(target)
        return self.get_response(request)


class AdminQueryMiddleware:
    """A plain 400 for an administration page whose query string holds a NUL byte.

    Our own views read their parameters through core.query; the administration's
    list filters and search put any value they are given in a query, and
    PostgreSQL refuses a NUL in any query (a server error). No person types one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.namespace != "admin":
            return None
        if "\x00" in unquote_plus(request.META.get("QUERY_STRING", "")):
            return HttpResponseBadRequest()
        return None
