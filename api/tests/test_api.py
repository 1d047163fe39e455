"""The JSON API through the test client: the programme with its filters and pages,
availability, errors as JSON with stable codes, staff tokens (valid, revoked, other
edition, missing permission), check-in and lookup, no CORS."""

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.roles import assign_role
from api.models import ApiToken
from editions.tests.factories import EditionFactory
from programme.tests.factories import SessionFactory, SessionSpeakerFactory
from registration.models import CheckIn
from registration.tests.factories import RegistrationFactory


@pytest.fixture
def desk_token(cast, edition):
    _token, key = ApiToken.objects.issue(
        user=cast["registration_desk"], edition=edition, label="Gate app"
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_sessions_are_paginated_and_filtered_like_the_timetable(client, session, edition):
    body = client.get("/api/sessions", {"limit": 1}).json()
    assert body["count"] == 1 and body["items"][0]["title"]
    assert body["items"][0]["pivot"] == "low-tech"
    assert body["items"][0]["speakers"][0]["name"] == "Salma Bennani"
    assert client.get("/api/sessions", {"pivot": "governance"}).json()["count"] == 0
    assert client.get("/api/sessions", {"lang": "ar", "day": "2022-05-25"}).json()["count"] == 1
    assert client.get("/api/sessions", {"lang": "en"}).json()["count"] == 0


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ({"pivot": "nope"}, 400, "unknown_pivot"),
        ({"kind": "<script>"}, 400, "invalid"),
        ({"day": "2022-13-45"}, 400, "invalid"),
        ({"day": "2023-01-01"}, 400, "unknown_day"),
        ({"limit": "1000"}, 400, "invalid"),
        ({"offset": "-1"}, 400, "invalid"),
        ({"edition": "nope"}, 404, "unknown_edition"),
    ],
)
def test_bad_parameters_give_json_errors_with_a_stable_code(client, session, query, status, code):
    response = client.get("/api/sessions", query)
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert response["Content-Type"].startswith("application/json")


def test_speakers_of_an_edition_are_those_of_its_public_sessions(client, session, edition):
    # Salma speaks in public in 2022; her session of 2023 is still a draft.
    salma = session.speakers.get()
    draft = SessionFactory(edition=EditionFactory(slug="scc-2023"), is_published=False)
    SessionSpeakerFactory(session=draft, speaker=salma)

    listed = client.get("/api/speakers", {"edition": "scc-2023"}).json()
    assert listed["count"] == 0
    assert client.get("/api/speakers", {"edition": "scc-2022"}).json()["count"] == 1


def test_nothing_of_an_unpublished_edition_is_served(client, session, edition):
    EditionFactory(slug="scc-2023", is_current=False)
    edition.is_published = False
    edition.save()
    salma = session.speakers.get()

    for path in (f"/api/sessions/{session.pk}", f"/api/speakers/{salma.pk}"):
        assert client.get(path).status_code == 404, path
    assert client.get("/api/sessions", {"edition": "scc-2022"}).status_code == 404


def test_unknown_ids_and_addresses_are_json_404s(client, session):
    for path in (
        "/api/sessions/999999",
        "/api/sessions/99999999999999999999",
        "/api/speakers/0",
        "/api/editions/nope",
    ):
        response = client.get(path)
        assert response.status_code == 404 and response.json()["code"] in {
            "not_found",
            "unknown_edition",
        }


def test_the_openapi_schema_is_served_and_no_cors_header_is_sent(client, edition):
    response = client.get("/api/openapi.json", HTTP_ORIGIN="https://elsewhere.example")
    schema = response.json()
    assert schema["openapi"].startswith("3.") and "/api/sessions" in schema["paths"]
    assert "Access-Control-Allow-Origin" not in response
    assert client.get("/api/docs").status_code == 404  # no page loading scripts from a CDN


def test_staff_check_in_through_the_api_is_idempotent(client, edition, desk_token):
    ticket = RegistrationFactory(pass_type__edition=edition, status="confirmed", first_name="Amina")
    scan = {"secret": ticket.secret, "gate": "Porte 1", "nonce": "phone-1-0001"}
    first = client.post(
        "/api/staff/check-in", scan, content_type="application/json", **desk_token
    ).json()
    again = client.post(
        "/api/staff/check-in", scan, content_type="application/json", **desk_token
    ).json()
    other = client.post(
        "/api/staff/check-in",
        {**scan, "nonce": "phone-2-0001"},
        content_type="application/json",
        **desk_token,
    ).json()
    assert first["admitted"] and again["admitted"] and first["name"].startswith("Amina")
    assert other["result"] == "already_admitted"
    assert CheckIn.objects.filter(registration=ticket).count() == 1


def test_a_nonce_reused_on_another_ticket_is_a_new_scan_of_that_ticket(client, edition, desk_token):
    """A scanner that reuses its nonce does not get the first ticket's answer (its
    holder's name) for the second ticket, nor turn the second holder away."""
    amina = RegistrationFactory(pass_type__edition=edition, status="confirmed", first_name="Amina")
    karim = RegistrationFactory(pass_type__edition=edition, status="confirmed", first_name="Karim")

    def scan(ticket):
        data = {"secret": ticket.secret, "gate": "Porte 1", "nonce": "phone-1-0001"}
        return client.post(
            "/api/staff/check-in", data, content_type="application/json", **desk_token
        ).json()

    first, second = scan(amina), scan(karim)

    assert first["admitted"] and first["name"].startswith("Amina")
    assert second["admitted"] and second["name"].startswith("Karim")
    assert scan(karim)["result"] == "admitted"  # the same scan again: the same answer
    assert CheckIn.objects.count() == 2


def test_registration_lookup_needs_a_token_that_may_see_registrations(client, edition, desk_token):
    RegistrationFactory(pass_type__edition=edition, first_name="Youssef", last_name="Alaoui")
    found = client.get("/api/staff/registrations", {"q": "alaoui"}, **desk_token).json()
    assert [r["last_name"] for r in found] == ["Alaoui"]
    assert client.get("/api/staff/registrations", {"q": "alaoui"}).status_code == 401


def test_revoked_foreign_and_powerless_tokens_get_403(client, cast, edition, desk_token):
    token = ApiToken.objects.get()
    past = EditionFactory(slug="scc-2021")
    _other, foreign = ApiToken.objects.issue(
        user=cast["registration_desk"], edition=past, label="Old"
    )
    moderator = cast["moderator"]
    _weak, powerless = ApiToken.objects.issue(user=moderator, edition=edition, label="Weak")
    for key in (foreign, powerless):
        response = client.get(
            "/api/staff/registrations", {"q": "am"}, HTTP_AUTHORIZATION=f"Bearer {key}"
        )
        assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    token.revoked_at = timezone.now()
    token.save()
    revoked = client.get(
        "/api/staff/registrations", {"q": "am"}, HTTP_ACCEPT_LANGUAGE="en", **desk_token
    )
    assert revoked.status_code == 403 and "revoked" in revoked.json()["message"]
    in_arabic = client.get(
        "/api/staff/registrations", {"q": "am"}, HTTP_ACCEPT_LANGUAGE="ar", **desk_token
    )
    assert in_arabic.json()["message"] == "أُلغي هذا الرمز."
    wrong = client.get(
        "/api/staff/registrations", {"q": "am"}, HTTP_AUTHORIZATION="Bearer jemaa_not-a-token"
    )
    assert wrong.status_code == 401


def test_the_token_command_issues_and_revokes(edition, cast, capsys):
    from django.core.management import call_command

    assign_role(cast["registration_desk"], "registration_desk")
    cast["registration_desk"].is_staff = True
    cast["registration_desk"].save()
    call_command("api_token", "registration_desk", "Gate phones")
    printed = capsys.readouterr().out
    token = ApiToken.objects.get()
    assert "jemaa_" in printed and token.key_digest not in printed
    call_command("api_token", revoke=token.pk)
    token.refresh_from_db()
    assert token.revoked_at is not None


@pytest.mark.parametrize(
    "scan",
    [
        {"secret": "abc\x00", "gate": "Porte 1", "nonce": "phone-1\x00-0001"},
        {"secret": "abc", "gate": "", "nonce": "phone-1-0001"},
        {"secret": "abc", "gate": "Porte 1", "nonce": "short"},
    ],
)
def test_malformed_scans_are_refused_before_any_write(client, edition, desk_token, scan):
    response = client.post(
        "/api/staff/check-in", scan, content_type="application/json", **desk_token
    )
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    assert not CheckIn.objects.exists()


def test_nul_and_control_characters_in_parameters_never_break_the_api(client, edition, desk_token):
    for path, query in (
        ("/api/sessions", {"pivot": "a\x00b"}),
        ("/api/speakers", {"edition": "\x00"}),
        ("/api/staff/registrations", {"q": "am\x00in"}),
    ):
        response = client.get(path, query, **desk_token)
        assert response.status_code in (200, 400), (path, response.status_code)
    assert client.get("/api/editions/a%00b").status_code == 404


def test_repeated_filters_match_any_value_as_on_the_timetable(client, session, edition):
    from programme.tests.factories import SessionFactory, at

    SessionFactory(
        edition=edition,
        pivot=edition.pivots.get(slug="governance"),
        kind="talk",
        starts_at=at(26, 10),
        ends_at=at(26, 11),
        languages="en",
    )

    def titles(query):
        return sorted(s["kind"] for s in client.get("/api/sessions", query).json()["items"])

    assert titles({"pivot": ["low-tech", "governance"]}) == ["panel", "talk"]
    assert titles({"kind": ["talk", "workshop"]}) == ["talk"]
    assert titles({"lang": ["ar", "en"]}) == ["panel", "talk"]
    assert titles({"pivot": "governance", "lang": "fr"}) == []


def test_pivots_and_spaces_of_an_edition_are_listed(client, edition):
    pivots = client.get("/api/pivots").json()
    assert [p["slug"] for p in pivots["items"]] == ["low-tech", "governance"]
    assert {"description", "keywords", "colour"} <= set(pivots["items"][0])
    spaces = client.get("/api/spaces", {"edition": "scc-2022", "limit": 1}).json()
    assert spaces["count"] == 2 and len(spaces["items"]) == 1
    detail = client.get("/api/editions/scc-2022").json()
    assert len(detail["pivots"]) == 2 and len(detail["spaces"]) == 2


def test_availability_filters_like_the_activities_page(client, edition):
    from activities.tests.factories import ActivitySlotFactory, PublicProgrammeFactory

    PublicProgrammeFactory(edition=edition)
    ActivitySlotFactory(
        activity__edition=edition, activity__kind="vr_ar", activity__wheelchair_accessible=False
    )
    ActivitySlotFactory(activity__edition=edition, activity__slug="mapping")
    every = client.get("/api/activities/availability").json()  # outside the edition: day one
    assert len(every) == 2 and every[0]["slots"][0]["places_left"] == 8
    assert [
        a["kind"] for a in client.get("/api/activities/availability", {"kind": "vr_ar"}).json()
    ] == ["vr_ar"]
    assert [
        a["slug"] for a in client.get("/api/activities/availability", {"wheelchair": "true"}).json()
    ] == ["mapping"]
    assert client.get("/api/activities/availability", {"day": "2022-05-26"}).json() == []


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("get", "/api/nothing/here", 404, "not_found"),
        ("post", "/api/sessions", 405, "method_not_allowed"),
        ("delete", "/api/editions", 405, "method_not_allowed"),
        ("put", "/api/unknown", 404, "not_found"),
    ],
)
def test_unknown_addresses_and_methods_answer_json(client, edition, method, path, status, code):
    response = getattr(client, method)(path)
    assert (response.status_code, response.json()["code"]) == (status, code)
    if status == 405:
        assert "GET" in response["Allow"]


def test_a_body_that_is_not_json_is_a_400(client, edition, desk_token):
    response = client.post(
        "/api/staff/check-in",
        "{not json",
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **desk_token,
    )
    assert response.status_code == 400 and response.json() == {
        "code": "malformed_body",
        "message": "The request body is not valid JSON.",
    }


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(
        ["pivot", "kind", "lang", "day", "edition", "limit", "offset", "wheelchair", "q", "unknown"]
    ),
    value=st.text(max_size=300),
)
def test_any_query_value_gives_json_never_a_server_error(client, session, desk_token, name, value):
    for path in (
        "/api/sessions",
        "/api/activities/availability",
        "/api/staff/registrations",
        "/api/pivots",
    ):
        response = client.get(path, {name: value}, **desk_token)
        assert response.status_code < 500, (path, name, value)
        body = response.json()
        assert response.status_code == 200 or body["code"] and body["message"]
