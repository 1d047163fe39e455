"""Schemathesis against /api/openapi.json, in process: for generated valid and invalid
requests (its default: both modes), no server error and every answer conforms to the schema (status code,
content type, body)."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from jemaa.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture(autouse=True)
def demo_edition(demo_loaded, db):
    """The demo's programme, so the generated requests find real sessions and speakers.
    Requests run in this process inside the test's transaction: like Django's test
    client, do not close the database connection when a request ends."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_conforms_to_its_schema(case):
    # The in-process transport does not decompress: ask for plain JSON. Left out: a
    # well-formed but unknown pivot, day or edition is refused (400/404) on purpose, and
    # the staff endpoints are called without a token (401 is their documented answer).
    case.call_and_validate(headers={"Accept-Encoding": "identity"},
                           excluded_checks=[ignored_auth, positive_data_acceptance])
