"""No query string makes a server error: every address, with each parameter it reads.

The addresses and who may open them come from the authorisation matrix; which
parameters a page reads is learnt by asking it once with a request.GET that
writes down every name looked up in it (so a parameter added tomorrow is
attacked tomorrow). Each parameter then gets NUL (PostgreSQL refuses it in a
query), control characters, a very long value, percent-encodings that are not
UTF-8, digits `int()` refuses, and a list where one value is expected. The
answer may be the page, a 400 or a 404: never a 500. Run on SQLite and on
PostgreSQL (DATABASE_URL=postgres://…).
"""

import logging
import re

import pytest
from django.contrib import admin
from django.contrib.admin.views.main import ORDER_VAR, PAGE_VAR, SEARCH_VAR
from django.core.handlers.wsgi import WSGIRequest
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from freezegun import freeze_time

from api.api import api
from core.tests.authorization_world import BEFORE_THE_EVENT, CAST
from core.tests.test_authorization_matrix import TABLE

# Percent-encoded as they would arrive in an address.
HOSTILE = [
    "%00",
    "scc-2022%00",
    "%01%07%1b%5b31m",
    "%e2%80%ae%e2%81%a6",  # bidi override and isolate
    "x" * 3000,
    "9" * 400,
    "%ff%fe",  # not UTF-8
    "%ed%a0%80",  # a UTF-8 encoded surrogate
    "%c0%af",  # an overlong encoding
    "%zz%",  # broken percent-encodings
    "%c2%b2",  # "²": str.isdigit() says yes, int() says no
    "%d9%a1%d9%a2",  # Arabic-Indic digits
    "-1",
    "18446744073709551616",
    "%20",
]
LIST = ("scc-2022", "%00")
PROBE = "probe-parameter"


class Recording(QueryDict):
    """A query that writes down every name a view looks up in it."""

    looked_up: set[str] = set()

    def __getitem__(self, key):
        Recording.looked_up.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        Recording.looked_up.add(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        Recording.looked_up.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        Recording.looked_up.add(key)
        return super().getlist(key, default)


def _recording_get(request):
    return Recording(request.environ.get("QUERY_STRING", ""), encoding=request._encoding)


@pytest.fixture
def recording(monkeypatch):
    prop = cached_property(_recording_get)
    prop.__set_name__(WSGIRequest, "GET")
    monkeypatch.setattr(WSGIRequest, "GET", prop)


def _visitor(entry) -> str | None:
    """Someone the page answers 200 (staff pages: the role that may open them)."""
    answers = entry.get or {}
    return next((who for who in CAST if answers.get(who) == 200), None)


def _address(w, name, entry) -> str:
    with translation.override("fr"):
        return reverse(name.split("[")[0], args=entry.args(w) if entry.args else [])


def _get(w, who, entry, address, query):
    headers = {}
    if entry.token and who in w.tokens:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {w.tokens[who]}"
    return w.clients[who].get(f"{address}?{query}", **headers)


def _status(w, who, entry, address, query) -> int:
    """The status code, 500 when the view raised (the test client re-raises)."""
    try:
        return _get(w, who, entry, address, query).status_code
    except Exception as error:  # noqa: BLE001 - any exception is the server error sought
        logging.getLogger(__name__).warning("%s?%s: %r", address, query[:80], error)
        return 500


def _pages(w):
    """(name, entry, who, address) of every page someone may GET."""
    for name, entry in TABLE.items():
        who = _visitor(entry)
        if who is not None:
            yield name, entry, who, _address(w, name, entry)


def _api_parameters() -> dict[re.Pattern, set[str]]:
    """The API reads the parameters it is sent (django-ninja), not those it looks for:
    its OpenAPI schema says which each address takes."""
    paths = api.get_openapi_schema()["paths"]
    return {
        re.compile(re.sub(r"\{[^}]+\}", "[^/]+", path)): {
            parameter["name"]
            for parameter in operations.get("get", {}).get("parameters", [])
            if parameter["in"] == "query"
        }
        for path, operations in paths.items()
    }


API_PARAMETERS = _api_parameters()


def _parameters_read(w, entry, who, address) -> set[str]:
    """The names the page looks up in its query string (a non-empty one, so that the
    filter forms bound to `request.GET or None` read their fields), or those the
    API's schema names."""
    Recording.looked_up = set()
    query = "&".join(filter(None, [entry.query, f"{PROBE}=1"]))
    _get(w, who, entry, address, query)
    from_schema = [names for path, names in API_PARAMETERS.items() if path.fullmatch(address)]
    return (Recording.looked_up - {PROBE}).union(*from_schema)


def _attacks(entry, parameter):
    kept = [part for part in entry.query.split("&") if part and part.split("=")[0] != parameter]
    for value in HOSTILE:
        yield "&".join([*kept, f"{parameter}={value}"])
    yield "&".join([*kept, *(f"{parameter}={value}" for value in LIST)])


@pytest.mark.django_db
def test_no_query_string_makes_a_server_error(world, recording):
    request_log = logging.getLogger("django.request")
    level = request_log.level
    request_log.setLevel(logging.CRITICAL)  # each 4xx is logged: not here
    errors, attacked = [], set()
    try:
        with freeze_time(BEFORE_THE_EVENT):
            for name, entry, who, address in _pages(world):
                for parameter in sorted(_parameters_read(world, entry, who, address)):
                    attacked.add((name, parameter))
                    for query in _attacks(entry, parameter):
                        status = _status(world, who, entry, address, query)
                        if status >= 500:
                            errors.append(f"{name} as {who}: ?{query[:80]} → {status}")
    finally:
        request_log.setLevel(level)
    assert errors == [], "\n".join(errors)
    # The parameters the issue names are among those attacked.
    assert {
        ("exports:schedule_json", "edition"),
        ("programme:pivot", "edition"),
        ("exports:programme_ics", "pivot"),
        ("community:ideas", "q"),
        ("api:sessions", "edition"),
    } <= attacked


def test_the_recording_query_learns_what_a_form_reads():
    query = Recording("a=1")
    Recording.looked_up = set()
    query.get("edition")
    query.getlist("pivot")
    assert "day" not in query
    assert Recording.looked_up == {"edition", "pivot", "day"}


def test_a_client_sends_broken_encodings_as_they_are():
    """The hostile values reach Django undecoded: a NUL is a NUL, not "%00"."""
    seen = Client().get("/?x=%00&y=%ff").wsgi_request.GET
    assert seen["x"] == "\x00"
    assert seen["y"] == "\ufffd"


def _changelist_parameters(model_admin, request) -> set[str]:
    """What a changelist reads: its search, order and page, and each filter's parameters."""
    changelist = model_admin.get_changelist_instance(request)
    names = {SEARCH_VAR, ORDER_VAR, PAGE_VAR}
    for spec in changelist.filter_specs:
        names.update(spec.expected_parameters())
    return names


@pytest.mark.django_db
def test_no_query_string_makes_a_server_error_in_the_administration(world, rf):
    request = rf.get("/")
    request.user = world.users["admin"]
    client = world.clients["admin"]
    errors = []
    with freeze_time(BEFORE_THE_EVENT):
        for model, model_admin in admin.site._registry.items():
            if not model_admin.has_view_permission(request):
                continue
            with translation.override("fr"):
                address = reverse(
                    f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
                )
            for parameter in sorted(_changelist_parameters(model_admin, request)):
                for value in [*HOSTILE, "&".join(f"{parameter}={v}" for v in LIST)]:
                    query = value if "&" in value else f"{parameter}={value}"
                    try:
                        status = client.get(f"{address}?{query}").status_code
                    except Exception as error:  # noqa: BLE001 - the server error sought
                        status = 500
                        logging.getLogger(__name__).warning("%s?%s: %r", address, query, error)
                    if status >= 500:
                        errors.append(f"{address}?{query[:80]} → {status}")
    assert errors == [], "\n".join(errors)
