"""The check-in desk pages: who may use them, the no-JavaScript flow, search,
the offline list and its sync, live counts."""

import hashlib
import json
import re
import secrets
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from accounts.roles import assign_role
from editions.tests.factories import EditionFactory
from registration.checkin import check_in
from registration.models import CheckIn, Registration, Scan
from registration.tests.factories import PassTypeFactory, RegistrationFactory
from registration.views import desk as desk_views

Status = Registration.Status
JSON = {"Accept": "application/json"}


# The cast


@pytest.fixture
def cast(db):
    """Who might knock on the desk: nobody, an attendee, staff of other roles, the desk."""
    people = {"anonymous": None, "attendee": User.objects.create_user("attendee")}
    for code in ("programme_manager", "moderator", "registration_desk", "admin"):
        people[code] = User.objects.create_user(code)
        assign_role(people[code], code)
    people["desk_by_permission"] = User.objects.create_user("door", is_staff=True)
    people["desk_by_permission"].user_permissions.add(
        Permission.objects.get(codename="check_in_registration")
    )
    return people


@pytest.fixture
def agent(cast):
    return cast["registration_desk"]


@pytest.fixture
def desk(client, agent, edition):
    """The desk agent's browser, signed in, at gate "Porte 2"."""
    client.force_login(agent)
    client.post(reverse("registration:desk"), {"gate": "Porte 2"})
    return client


@pytest.fixture
def professional(edition):
    return PassTypeFactory(edition=edition, name_fr="Professionnel", colour="#1565c0")


@pytest.fixture
def ticket(professional):
    return RegistrationFactory(
        pass_type=professional,
        first_name="Amina",
        last_name="Benjelloun",
        email="amina@example.ma",
        accessibility_needs="Fauteuil roulant",
    )


def answer_section(response) -> str:
    """The answer banner of a desk page (the live region)."""
    html = response.content.decode()
    match = re.search(r'<div class="desk-result"[^>]*>(.*?)</div>', html, re.S)
    assert match, "the desk page has no answer region"
    return match.group(1)


def scan(client, secret, *, nonce=None, follow=True, **extra):
    data = {"secret": secret, "nonce": nonce or secrets.token_hex(16)}
    return client.post(reverse("registration:scan"), data, follow=follow, **extra)


# Who may use the desk

ROUTES = [
    ("get", "registration:desk", ()),
    ("post", "registration:scan", ()),
    ("post", "registration:admit", (1,)),
    ("get", "registration:offline_list", ()),
    ("post", "registration:sync", ()),
    ("get", "registration:counts", ()),
]


@pytest.mark.parametrize(("method", "name", "args"), ROUTES)
def test_desk_anonymous_is_sent_to_login(client, edition, method, name, args):
    response = getattr(client, method)(reverse(name, args=args))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("who", ["attendee", "programme_manager", "moderator"])
@pytest.mark.parametrize(("method", "name", "args"), ROUTES)
def test_desk_without_permission_is_403(client, cast, edition, who, method, name, args):
    client.force_login(cast[who])

    response = getattr(client, method)(reverse(name, args=args))

    assert response.status_code == 403


@pytest.mark.parametrize("who", ["registration_desk", "admin", "desk_by_permission"])
def test_desk_opens_for_who_holds_the_check_in_permission(client, cast, edition, who):
    client.force_login(cast[who])

    response = client.get(reverse("registration:desk"))

    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store")


# Choosing the gate


def test_desk_asks_for_a_gate_first(client, agent, edition):
    client.force_login(agent)

    response = client.get(reverse("registration:desk"))

    html = response.content.decode()
    assert 'id="desk-gate-title"' in html
    assert 'name="secret"' not in html  # no scanning before the gate is known


def test_gate_is_kept_for_the_session(client, agent, edition):
    client.force_login(agent)

    response = client.post(reverse("registration:desk"), {"gate": "  Porte   2 "}, follow=True)

    assert client.session[desk_views.GATE_KEY] == "Porte 2"
    html = response.content.decode()
    assert "<strong>Porte 2</strong>" in html
    assert re.search(r'<input id="desk-secret" name="secret"[^>]* autofocus', html)


@pytest.mark.parametrize("gate", ["", "   ", "Porte\u202e2", "Porte\x002", "x" * 51])
def test_gate_with_no_plain_name_is_refused(client, agent, edition, gate):
    client.force_login(agent)

    response = client.post(reverse("registration:desk"), {"gate": gate})

    assert response.status_code == 400
    assert desk_views.GATE_KEY not in client.session
    assert 'class="desk-error" id="desk-gate-error"' in response.content.decode()


def test_scan_without_a_gate_records_nothing(client, agent, ticket):
    client.force_login(agent)

    response = scan(client, ticket.secret, follow=False)

    assert response.status_code == 302
    assert not Scan.objects.exists()
    json_response = scan(client, ticket.secret, headers=JSON)
    assert json_response.status_code == 409
    assert json_response.json()["error"]


# Scanning without JavaScript: POST, redirect, the answer


def test_scan_admits_and_shows_name_pass_and_needs(desk, ticket):
    response = scan(desk, ticket.secret, follow=False)

    assert response.status_code == 302
    assert response["Location"] == reverse("registration:desk")
    page = desk.get(response["Location"])
    banner = answer_section(page)
    assert 'data-code="admitted"' in banner and "desk-ok" in banner
    assert "Amina Benjelloun" in banner
    assert f"pass-{ticket.pass_type_id}" in banner and "Professionnel" in banner
    assert "Fauteuil roulant" in banner
    assert CheckIn.objects.get().gate == "Porte 2"
    # The answer is shown once: reloading the desk does not show it again.
    assert answer_section(desk.get(reverse("registration:desk"))).strip() == ""


def test_second_scan_shows_already_admitted_with_time_and_gate(desk, ticket, edition):
    check_in(
        ticket.secret,
        edition=edition,
        gate="Porte 1",
        nonce="earlier",
        at=datetime(2022, 5, 25, 9, 12, tzinfo=edition.tz),
    )

    banner = answer_section(scan(desk, ticket.secret))

    assert 'data-code="already_admitted"' in banner and "desk-warn" in banner
    assert "09:12" in banner and "Porte 1" in banner
    assert "Amina Benjelloun" in banner
    assert "Fauteuil roulant" not in banner  # needs are for the admission, not a duplicate


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (Status.CANCELLED, "cancelled"),
        (Status.PENDING, "pending"),
        (Status.WAITLISTED, "waitlisted"),
        (Status.REJECTED, "rejected"),
    ],
)
def test_ticket_without_a_place_shows_do_not_admit(desk, professional, status, code):
    refused = RegistrationFactory(pass_type=professional, status=status, first_name="Karim")

    banner = answer_section(scan(desk, refused.secret))

    assert f'data-code="{code}"' in banner and "desk-stop" in banner
    assert "Karim" in banner
    assert not CheckIn.objects.exists()


def test_ticket_of_another_edition_shows_do_not_admit(desk, edition):
    old = RegistrationFactory(pass_type=PassTypeFactory(edition=EditionFactory()))

    banner = answer_section(scan(desk, old.secret))

    assert 'data-code="other_edition"' in banner


def without_tokens(html: str) -> str:
    return re.sub(r'value="[^"]*"', "", html)


@pytest.mark.parametrize("malformed", ["", "a\x00b", "x" * 5000, "<b>hi</b>", "تذكرة", " \t"])
def test_forged_and_malformed_tickets_look_the_same(desk, ticket, malformed):
    forged = answer_section(scan(desk, secrets.token_urlsafe(32)))
    if not malformed.strip():  # an empty scan is no scan at all
        assert answer_section(scan(desk, malformed)).strip() == ""
        return

    garbage = answer_section(scan(desk, malformed))

    assert 'data-code="unknown"' in forged
    assert without_tokens(garbage) == without_tokens(forged)
    assert "<b>hi" not in garbage


def test_retried_post_is_the_same_scan(desk, ticket):
    first = answer_section(scan(desk, ticket.secret, nonce="form-nonce-1"))

    retried = answer_section(scan(desk, ticket.secret, nonce="form-nonce-1"))

    assert 'data-code="admitted"' in first and 'data-code="admitted"' in retried
    assert CheckIn.objects.count() == 1


def test_stale_form_nonce_for_another_ticket_is_a_new_scan(desk, professional, ticket):
    """The Back button resubmits an old form: its nonce must not turn another person's
    scan into a "retry" of the first admission."""
    other = RegistrationFactory(pass_type=professional, first_name="Youssef")
    scan(desk, ticket.secret, nonce="back-button")

    banner = answer_section(scan(desk, other.secret, nonce="back-button"))

    assert 'data-code="admitted"' in banner and "Youssef" in banner
    assert CheckIn.objects.count() == 2


def test_scan_with_javascript_gets_json_and_the_banner(desk, ticket, edition):
    response = scan(desk, ticket.secret, headers=JSON)

    answer = response.json()
    assert answer["code"] == "admitted" and answer["admitted"] is True
    assert 'data-code="admitted"' in answer["html"] and "Amina Benjelloun" in answer["html"]
    assert answer["admission"]["gate"] == "Porte 2"
    again = scan(desk, ticket.secret, headers=JSON).json()
    assert again["code"] == "already_admitted"
    assert again["admission"] == answer["admission"]


def test_desk_speaks_arabic_right_to_left(desk, ticket):
    with_arabic = desk.get("/ar/register/desk/")

    html = with_arabic.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'action="/ar/register/desk/scan/"' in html


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=500))
def test_any_scanned_text_gets_an_answer_page(desk, text):
    response = scan(desk, text)

    assert response.status_code == 200
    banner = answer_section(response)
    assert (
        banner.strip() == "" or 'data-code="unknown"' in banner or 'data-code="admitted"' in banner
    )


# Search by name or e-mail, and the Admit button


def test_search_finds_by_name_and_email_in_the_current_edition(desk, professional, ticket):
    RegistrationFactory(
        pass_type=PassTypeFactory(edition=EditionFactory()),
        first_name="Amina",
        last_name="Benjelloun",
        email="old@example.ma",
    )
    url = reverse("registration:desk")

    by_name = desk.get(url, {"q": "amina benj"}).content.decode()
    by_email = desk.get(url, {"q": "AMINA@example"}).content.decode()

    for html in (by_name, by_email):
        assert html.count('class="desk-match-name"') == 1
        assert "amina@example.ma" in html and "old@example.ma" not in html
        assert reverse("registration:admit", args=[ticket.pk]) in html


def test_search_shows_status_and_offers_admit_only_when_it_can(desk, professional, ticket, edition):
    cancelled = RegistrationFactory(
        pass_type=professional, last_name="Benjelloun", status=Status.CANCELLED
    )
    admitted = RegistrationFactory(pass_type=professional, last_name="Benjelloun")
    check_in(
        admitted.secret,
        edition=edition,
        gate="Porte 1",
        nonce="n",
        at=datetime(2022, 5, 25, 9, 12, tzinfo=edition.tz),
    )

    html = desk.get(reverse("registration:desk"), {"q": "benjelloun"}).content.decode()

    assert html.count('class="desk-match-name"') == 3
    assert reverse("registration:admit", args=[ticket.pk]) in html
    assert reverse("registration:admit", args=[cancelled.pk]) not in html
    assert reverse("registration:admit", args=[admitted.pk]) not in html
    assert "09:12" in html and "Porte 1" in html


def test_search_too_short_says_so(desk, ticket):
    html = desk.get(reverse("registration:desk"), {"q": "a"}).content.decode()

    assert 'class="desk-error"' in html
    assert 'class="desk-match-name"' not in html


def test_search_query_count_does_not_grow_with_matches(desk, professional):
    url = reverse("registration:desk")

    def queries_for(matches: int) -> int:
        while Registration.objects.filter(last_name="Alaoui").count() < matches:
            RegistrationFactory(pass_type=professional, last_name="Alaoui")
        with CaptureQueriesContext(connection) as queries:
            html = desk.get(url, {"q": "alaoui"}).content.decode()
        assert html.count('class="desk-match-name"') == matches
        return len(queries)

    assert queries_for(1) == queries_for(3)


def test_admit_button_admits_and_shows_the_answer(desk, ticket):
    response = desk.post(
        reverse("registration:admit", args=[ticket.pk]),
        {"nonce": secrets.token_hex(16)},
        follow=True,
    )

    banner = answer_section(response)
    assert 'data-code="admitted"' in banner and "Amina Benjelloun" in banner
    assert CheckIn.objects.get().registration == ticket


def test_admit_is_for_the_current_edition_only(desk):
    old = RegistrationFactory(pass_type=PassTypeFactory(edition=EditionFactory()))

    response = desk.post(reverse("registration:admit", args=[old.pk]))

    assert response.status_code == 404
    assert not CheckIn.objects.exists()


def test_admit_needs_post(desk, ticket):
    assert desk.get(reverse("registration:admit", args=[ticket.pk])).status_code == 405
    assert desk.get(reverse("registration:scan")).status_code == 405


# The offline list


def test_offline_list_has_hashes_not_secrets(desk, professional, ticket, edition):
    cancelled = RegistrationFactory(pass_type=professional, status=Status.CANCELLED)
    RegistrationFactory(pass_type=PassTypeFactory(edition=EditionFactory()))
    check_in(
        ticket.secret,
        edition=edition,
        gate="Porte 1",
        nonce="n",
        at=datetime(2022, 5, 25, 9, 12, tzinfo=edition.tz),
    )

    response = desk.get(reverse("registration:offline_list"))

    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert ticket.secret not in body and cancelled.secret not in body
    assert "Benjelloun" not in body and "amina@example.ma" not in body
    data = json.loads(body)
    assert data["edition"] == edition.slug and data["complete"] is True
    tickets = {t["hash"]: t for t in data["tickets"]}
    assert len(tickets) == 2
    mine = tickets[hashlib.sha256(ticket.secret.encode()).hexdigest()]
    assert mine == {
        "hash": mine["hash"],
        "status": "confirmed",
        "pass": professional.pk,
        "name": "Amina B.",
        "admitted": {"time": "09:12", "gate": "Porte 1"},
    }
    assert tickets[hashlib.sha256(cancelled.secret.encode()).hexdigest()]["status"] == "cancelled"
    assert data["passes"][str(professional.pk)]["name"] == "Professionnel"


def test_offline_list_is_capped_with_confirmed_tickets_first(desk, professional, monkeypatch):
    RegistrationFactory(pass_type=professional, status=Status.CANCELLED)
    confirmed = [RegistrationFactory(pass_type=professional) for _ in range(2)]
    monkeypatch.setattr(desk_views, "OFFLINE_LIMIT", 2)

    data = desk.get(reverse("registration:offline_list")).json()

    assert data["complete"] is False
    assert {t["hash"] for t in data["tickets"]} == {
        hashlib.sha256(r.secret.encode()).hexdigest() for r in confirmed
    }


# Syncing what was admitted offline


def sync(client, scans, **extra):
    return client.post(
        reverse("registration:sync"),
        json.dumps({"scans": scans}),
        content_type="application/json",
        **extra,
    )


def test_sync_replays_offline_admissions_and_reports_conflicts(desk, professional, ticket, edition):
    elsewhere = RegistrationFactory(pass_type=professional, first_name="Salma", last_name="Idrissi")
    check_in(elsewhere.secret, edition=edition, gate="Porte 1", nonce="online-first")
    cancelled_meanwhile = RegistrationFactory(pass_type=professional, status=Status.CANCELLED)
    at = (timezone.now() - timedelta(minutes=20)).replace(microsecond=0)
    queue = [
        {"secret": ticket.secret, "nonce": "offline-0001", "gate": "Porte 2", "at": at.isoformat()},
        {
            "secret": elsewhere.secret,
            "nonce": "offline-0002",
            "gate": "Porte 2",
            "at": at.isoformat(),
        },
        {
            "secret": cancelled_meanwhile.secret,
            "nonce": "offline-0003",
            "gate": "Porte 2",
            "at": at.isoformat(),
        },
        {
            "secret": secrets.token_urlsafe(32),
            "nonce": "offline-0004",
            "gate": "Porte 2",
            "at": at.isoformat(),
        },
        {"secret": ticket.secret, "nonce": "x"},
        "not a scan",
    ]

    response = sync(desk, queue)

    results = response.json()["results"]
    assert [r["code"] for r in results] == [
        "admitted",
        "already_admitted",
        "cancelled",
        "unknown",
        "invalid",
        "invalid",
    ]
    assert [r["conflict"] for r in results] == [False, True, True, True, True, True]
    assert results[1]["name"] == "Salma Idrissi" and "Porte 1" in results[1]["message"]
    assert results[3]["name"] == ""
    admission = ticket.check_in
    assert admission.was_offline and admission.at == at and admission.gate == "Porte 2"
    assert admission.by.username == "registration_desk"


def test_sync_twice_is_the_same_answer(desk, ticket):
    queue = [
        {
            "secret": ticket.secret,
            "nonce": "offline-0001",
            "gate": "Porte 3",
            "at": timezone.now().isoformat(),
        }
    ]

    first = sync(desk, queue).json()["results"]
    again = sync(desk, queue).json()["results"]

    assert first[0]["code"] == again[0]["code"] == "admitted"
    assert again[0]["conflict"] is False
    assert CheckIn.objects.count() == 1


def test_sync_keeps_times_in_the_past(desk, ticket):
    future = (timezone.now() + timedelta(days=3)).isoformat()

    sync(
        desk, [{"secret": ticket.secret, "nonce": "offline-0001", "gate": "Porte 3", "at": future}]
    )

    assert CheckIn.objects.get().at <= timezone.now()


@pytest.mark.parametrize("body", ["", "[]", "{}", '{"scans": 3}', "\xff", "nul\x00"])
def test_sync_refuses_what_is_not_a_queue(desk, body):
    response = desk.post(reverse("registration:sync"), body, content_type="application/json")

    assert response.status_code == 400


def test_sync_refuses_an_oversized_queue(desk, ticket, monkeypatch):
    monkeypatch.setattr(desk_views, "SYNC_LIMIT", 2)
    queue = [
        {"secret": ticket.secret, "nonce": f"offline-{i:04}", "gate": "Porte 3"} for i in range(3)
    ]

    assert sync(desk, queue).status_code == 400
    assert not Scan.objects.exists()


def test_sync_needs_the_csrf_token(client, agent, ticket):
    client.handler.enforce_csrf_checks = True
    client.force_login(agent)

    response = sync(client, [])

    assert response.status_code == 403


# Live counts


@pytest.fixture
def door_morning(desk, professional, ticket, edition):
    """Two passes, three confirmed, two admitted at two gates, one cancelled scan."""
    press = PassTypeFactory(edition=edition, name_fr="Presse", colour="#6a3d9a")
    journalist = RegistrationFactory(pass_type=press, first_name="Nadia")
    RegistrationFactory(pass_type=professional)
    cancelled = RegistrationFactory(pass_type=professional, status=Status.CANCELLED)
    for secret, gate in [
        (ticket.secret, "Porte 2"),
        (journalist.secret, "Entrée principale"),
        (cancelled.secret, "Porte 2"),
    ]:
        check_in(secret, edition=edition, gate=gate, nonce=secrets.token_hex(8))
    return {"press": press}


def test_counts_per_pass_gate_and_last_scans(desk, door_morning, professional):
    response = desk.get(reverse("registration:counts"))

    html = response.content.decode()
    assert "<html" not in html  # a fragment
    row = re.search(
        rf'pass-{professional.pk}">Professionnel</span></th><td>(\d+)</td><td>(\d+)</td>', html
    )
    assert row.groups() == ("1", "2")
    row = re.search(
        rf'pass-{door_morning["press"].pk}">Presse</span></th><td>(\d+)</td><td>(\d+)</td>', html
    )
    assert row.groups() == ("1", "1")
    assert re.search(r"<th scope=\"row\">Porte 2</th><td>1</td>", html)
    assert re.search(r"<th scope=\"row\">Entrée principale</th><td>1</td>", html)
    assert "<strong>2</strong>" in html
    recent = re.findall(r'<li class="desk-(\w+)">', html)
    assert recent == ["stop", "ok", "ok"]


def test_desk_page_includes_the_counts(desk, door_morning):
    html = desk.get(reverse("registration:desk")).content.decode()

    assert "data-desk-counts" in html and "Presse" in html
    assert f'data-counts-url="{reverse("registration:counts")}"' in html


def test_counts_answer_304_until_something_changes(
    desk, door_morning, ticket, professional, edition
):
    url = reverse("registration:counts")
    first = desk.get(url)
    etag = first["ETag"]

    unchanged = desk.get(url, headers={"If-None-Match": etag})
    newcomer = RegistrationFactory(pass_type=professional)
    check_in(newcomer.secret, edition=edition, gate="Porte 2", nonce="later")
    changed = desk.get(url, headers={"If-None-Match": etag})

    assert unchanged.status_code == 304 and unchanged.content == b""
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_counts_304_survives_gzip(desk, door_morning):
    gzip = {"Accept-Encoding": "gzip"}
    first = desk.get(reverse("registration:counts"), headers=gzip)

    again = desk.get(
        reverse("registration:counts"), headers={**gzip, "If-None-Match": first["ETag"]}
    )

    assert first["Content-Encoding"] == "gzip"
    assert again.status_code == 304


def test_counts_in_another_language_have_their_own_etag(desk, door_morning):
    french = desk.get(reverse("registration:counts"))

    arabic = desk.get("/ar/register/desk/counts/", headers={"If-None-Match": french["ETag"]})

    assert arabic.status_code == 200


def test_counts_query_count_does_not_grow_with_scans(desk, professional, edition):
    def queries_for(scans: int) -> int:
        while Scan.objects.count() < scans:
            check_in(
                RegistrationFactory(pass_type=professional).secret,
                edition=edition,
                gate=f"Porte {Scan.objects.count()}",
                nonce=secrets.token_hex(8),
            )
        with CaptureQueriesContext(connection) as queries:
            desk.get(reverse("registration:counts"))
        return len(queries)

    assert queries_for(1) == queries_for(3)
