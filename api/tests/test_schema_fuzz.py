"""Schemathesis against /api/openapi.json, in process, on the demo edition. For
generated valid and invalid requests to every operation (the staff ones with a real
desk token): no server error, and every answer conforms to the schema (status code,
content type, headers, body); a staff operation called without its token is refused.
Then one real request per operation, each of which must succeed, so that no operation
is only ever exercised through its errors."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from accounts.models import User
from accounts.roles import assign_role
from activities.models import Activity
from api.models import ApiToken
from editions.services import current_edition
from jemaa.wsgi import application
from programme.models import Session
from registration.models import Registration

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


@pytest.fixture
def headers():
    desk = User.objects.create_user("fuzz-desk", is_staff=True)
    assign_role(desk, "registration_desk")
    _token, key = ApiToken.objects.issue(user=desk, edition=current_edition(), label="Fuzz")
    # The in-process transport does not decompress: ask for plain JSON.
    return {"Accept-Encoding": "identity", "Authorization": f"Bearer {key}"}


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_conforms_to_its_schema(case, headers):
    # Left out: a well-formed but unknown pivot, day, edition or id is refused (400/404)
    # on purpose, where this check expects any schema-valid request to succeed.
    case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])


def _valid_requests() -> dict[str, dict]:
    edition = current_edition()
    session = Session.objects.published().filter(
        edition=edition, pivot__isnull=False, appearances__isnull=False
    )[0]
    ticket = Registration.objects.filter(
        edition=edition, status="confirmed", check_in__isnull=True
    )[0]
    kind = Activity.objects.filter(edition=edition, is_published=True)[0].kind
    return {
        "GET /api/editions": {},
        "GET /api/editions/{slug}": {"path_parameters": {"slug": edition.slug}},
        "GET /api/pivots": {"query": {"edition": edition.slug}},
        "GET /api/spaces": {},
        "GET /api/sessions": {"query": {"pivot": session.pivot.slug, "kind": session.kind}},
        "GET /api/sessions/{session_id}": {"path_parameters": {"session_id": session.pk}},
        "GET /api/speakers": {},
        "GET /api/speakers/{speaker_id}": {
            "path_parameters": {"speaker_id": session.appearances.first().speaker_id}
        },
        "GET /api/activities/availability": {"query": {"kind": kind}},
        "POST /api/staff/check-in": {
            "body": {"secret": ticket.secret, "gate": "Fuzz", "nonce": "fuzz-valid-0001"}
        },
        "GET /api/staff/registrations": {"query": {"q": ticket.last_name[:20]}},
    }


def test_every_operation_answers_a_valid_request_with_data(headers):
    requests = _valid_requests()
    operations = {result.ok().label for result in schema.get_all_operations()}
    assert operations == set(requests), "give each new operation a valid request here"
    for label, parts in requests.items():
        case = schema.find_operation_by_label(label).Case(**parts)
        response = case.call_and_validate(headers=headers)
        assert response.status_code == 200, (label, response.text)
        body = response.json()
        assert body.get("items") if isinstance(body, dict) and "count" in body else body, label
