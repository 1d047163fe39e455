"""Helpers shared by the tests of every app: the cast of users and addresses."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

ROLE_CODES = ["admin", "programme_manager", "registration_desk", "jury_member", "moderator"]
CAST = ["anonymous", "attendee", *ROLE_CODES]


def client_for(client, cast, who):
    """The test client signed in as one of the cast (or anonymous)."""
    if cast[who] is not None:
        client.force_login(cast[who])
    return client


def english(name, *args):
    """A page's address in English, so assertions read English text."""
    with translation.override("en"):
        return reverse(name, args=args)


def queries_of_get(client, url: str, **headers) -> tuple[int, str]:
    """GET `url`, which must answer 200: how many database queries the page took, and
    its text, so a query-count guard also checks that the page shows its items."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:500]
    return len(captured), response.content.decode()
