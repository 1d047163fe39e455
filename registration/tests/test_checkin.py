"""The door check-in service: one admission per ticket, whatever the gates and retries."""

import secrets
from datetime import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from core.testing import all_at_once
from editions.tests.factories import EditionFactory
from registration.checkin import Result, check_in
from registration.models import CheckIn, Registration, RegistrationEvent, Scan
from registration.tests.factories import PassTypeFactory, RegistrationFactory

Status = Registration.Status
REFUSED = {
    Status.CANCELLED: Result.CANCELLED,
    Status.REJECTED: Result.REJECTED,
    Status.PENDING: Result.PENDING,
    Status.WAITLISTED: Result.WAITLISTED,
}
MALFORMED = [
    "",
    "   ",
    "a\x00b",
    "x" * 10_000,
    "ticket secret with spaces",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    "تذكرة",
    "\u202eevil",
    "%00",
]


def nine_twelve(edition):
    """25 May, 09:12 at the venue."""
    return datetime(2022, 5, 25, 9, 12, tzinfo=edition.tz)


@pytest.fixture
def agent(db):
    return User.objects.create_user("desk-agent", is_staff=True)


@pytest.fixture
def ticket(edition):
    """A confirmed registration of the current edition."""
    return RegistrationFactory(
        pass_type=PassTypeFactory(edition=edition), first_name="Amina", last_name="Benjelloun"
    )


def scan(ticket_or_secret, edition, *, gate="Entrée principale", nonce=None, **options):
    secret = getattr(ticket_or_secret, "secret", ticket_or_secret)
    return check_in(
        secret, edition=edition, gate=gate, nonce=nonce or secrets.token_hex(16), **options
    )


# Admitting


def test_confirmed_ticket_is_admitted_once_with_its_history(ticket, edition, agent):
    result = scan(ticket, edition, gate="Porte 2", nonce="n-1", by=agent)

    assert result.admitted
    assert result.code == Result.ADMITTED
    assert result.registration == ticket
    admission = CheckIn.objects.get()
    assert (admission.registration, admission.gate, admission.nonce) == (ticket, "Porte 2", "n-1")
    assert admission.by == agent and not admission.was_offline
    event = ticket.events.get(action=RegistrationEvent.Action.CHECKED_IN)
    assert event.actor == agent and event.note == "Porte 2"
    logged = Scan.objects.get()
    assert (logged.registration, logged.result, logged.gate) == (ticket, Result.ADMITTED, "Porte 2")


def test_second_gate_sees_already_admitted_with_time_and_gate(ticket, edition):
    scan(ticket, edition, gate="Porte 2", at=nine_twelve(edition))

    result = scan(ticket, edition, gate="Entrée principale")

    assert result.code == Result.ALREADY_ADMITTED
    assert not result.admitted
    assert result.check_in.gate == "Porte 2"
    with timezone.override(edition.tz):
        assert "09:12" in result.message
        assert "Porte 2" in result.message
    assert CheckIn.objects.count() == 1
    assert list(Scan.objects.order_by("id").values_list("result", flat=True)) == [
        Result.ADMITTED,
        Result.ALREADY_ADMITTED,
    ]


def test_retried_nonce_gets_the_same_answer_and_one_check_in(ticket, edition):
    first = scan(ticket, edition, nonce="retry-me")

    again = scan(ticket, edition, nonce="retry-me")

    assert first.code == again.code == Result.ADMITTED
    assert again.check_in == first.check_in
    assert CheckIn.objects.count() == 1
    assert ticket.events.filter(action=RegistrationEvent.Action.CHECKED_IN).count() == 1


def test_retried_duplicate_scan_stays_already_admitted(ticket, edition):
    scan(ticket, edition, gate="Porte 2", nonce="first")
    duplicate = scan(ticket, edition, gate="Porte 3", nonce="second")

    retried = scan(ticket, edition, gate="Porte 3", nonce="second")

    assert duplicate.code == retried.code == Result.ALREADY_ADMITTED
    assert retried.check_in.gate == "Porte 2"
    assert CheckIn.objects.count() == 1


def test_offline_admission_keeps_the_device_time(ticket, edition):
    result = scan(ticket, edition, at=nine_twelve(edition), offline=True)

    assert result.admitted
    admission = CheckIn.objects.get()
    assert admission.was_offline
    assert admission.at == nine_twelve(edition)


# Refusing


@pytest.mark.parametrize("status", list(REFUSED))
def test_ticket_that_holds_no_place_is_refused(edition, status):
    refused = RegistrationFactory(pass_type=PassTypeFactory(edition=edition), status=status)

    result = scan(refused, edition)

    assert result.code == REFUSED[status]
    assert not result.admitted
    assert result.registration == refused
    assert result.message
    assert not CheckIn.objects.exists()
    assert Scan.objects.get().result == REFUSED[status]


def test_ticket_of_another_edition_is_refused(edition):
    archived = RegistrationFactory(
        pass_type=PassTypeFactory(edition=EditionFactory(slug="scc-2019"))
    )

    result = scan(archived, edition)

    assert result.code == Result.OTHER_EDITION
    assert not CheckIn.objects.exists()


def test_forged_secret_is_unknown(ticket, edition):
    result = scan(secrets.token_urlsafe(32), edition)

    assert result.code == Result.UNKNOWN
    assert result.registration is None and result.check_in is None
    assert not CheckIn.objects.exists()
    assert Scan.objects.get().registration is None


@pytest.mark.parametrize("secret", MALFORMED)
def test_malformed_secret_is_unknown_like_a_forged_one(ticket, edition, secret):
    forged = scan(secrets.token_urlsafe(32), edition, gate="Porte 2")

    malformed = scan(secret, edition, gate="Porte 2")

    # Nothing tells a made-up ticket from garbage: same code, same words, same log.
    assert (malformed.code, malformed.registration, malformed.check_in) == (
        forged.code,
        forged.registration,
        forged.check_in,
    )
    assert malformed.message == forged.message
    logged = list(Scan.objects.order_by("id").values_list("result", "registration", "gate"))
    assert logged[0] == logged[1] == (Result.UNKNOWN, None, "Porte 2")


def test_secret_with_a_typo_is_unknown(ticket, edition):
    typo = ticket.secret[:-1] + ("A" if ticket.secret[-1] != "A" else "B")

    assert scan(typo, edition).code == Result.UNKNOWN
    assert scan(ticket.secret.upper(), edition).code in {Result.UNKNOWN, Result.ADMITTED}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_scanned_text_gets_an_answer(edition, text):
    result = scan(text, edition)

    assert result.code == Result.UNKNOWN
    assert result.message


# Two gates at once: a real concurrent test (PostgreSQL in production; SQLite
# serialises its writers, and the rule must hold there too)


def scan_at_once(secret: str, edition, *, nonces: list[str]) -> list[str]:
    """Each nonce scans the ticket from its own thread and connection, all released together."""
    codes, errors = all_at_once(
        [
            lambda i=i, n=n: scan(secret, edition, gate=f"Porte {i}", nonce=n).code
            for i, n in enumerate(nonces)
        ]
    )
    assert not errors, errors
    return codes


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_sixteen_gates_scanning_one_ticket_at_once_admit_it_once(ticket, edition):
    codes = scan_at_once(ticket.secret, edition, nonces=[f"gate-{i}" for i in range(16)])

    assert sorted(codes) == [Result.ADMITTED] + [Result.ALREADY_ADMITTED] * 15
    assert CheckIn.objects.filter(registration=ticket).count() == 1
    assert ticket.events.filter(action=RegistrationEvent.Action.CHECKED_IN).count() == 1
    assert Scan.objects.filter(registration=ticket).count() == 16


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_one_scan_retried_sixteen_times_at_once_is_one_entry(ticket, edition):
    codes = scan_at_once(ticket.secret, edition, nonces=["same-nonce"] * 16)

    # Retries are the same scan: all "admitted", and one CheckIn.
    assert codes == [Result.ADMITTED] * 16
    assert CheckIn.objects.count() == 1
    assert ticket.events.filter(action=RegistrationEvent.Action.CHECKED_IN).count() == 1
