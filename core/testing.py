"""Helpers shared by the tests of every app: the cast of users and addresses."""

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
