"""Admitting ticket holders at the door.

A ticket is admitted once: the CheckIn row is unique per registration, so two
gates scanning the same ticket at the same moment get one "admitted" and one
"already admitted". A scan carries a nonce chosen by the scanning device; the
same nonce again for the same ticket (a retried request, an offline queue synced
twice) gets the same answer instead of being reported as a second entry; on
another ticket it is that ticket's own scan, never the first ticket's answer.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import record
from editions.models import Edition
from registration.models import CheckIn, Registration, RegistrationEvent, Scan


class Result:
    ADMITTED = "admitted"
    ALREADY_ADMITTED = "already_admitted"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    PENDING = "pending"
    WAITLISTED = "waitlisted"
    OTHER_EDITION = "other_edition"
    UNKNOWN = "unknown"


# What a ticket secret can look like (`new_ticket_secret`: URL-safe base64). Anything
# else is unknown without asking the database, which refuses some text (NUL bytes
# on PostgreSQL) with an error instead of "no such ticket".
SECRET_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,64}")

REFUSED_BY_STATUS = {
    Registration.Status.CANCELLED: Result.CANCELLED,
    Registration.Status.REJECTED: Result.REJECTED,
    Registration.Status.PENDING: Result.PENDING,
    Registration.Status.WAITLISTED: Result.WAITLISTED,
}


@dataclass
class ScanResult:
    code: str
    registration: Registration | None = None
    check_in: CheckIn | None = None

    @property
    def admitted(self) -> bool:
        return self.code == Result.ADMITTED

    @property
    def message(self) -> str:
        if self.code == Result.ALREADY_ADMITTED:
            at = timezone.localtime(self.check_in.at).strftime("%H:%M")
            return _("Already admitted at %(time)s (%(gate)s).") % {
                "time": at,
                "gate": self.check_in.gate,
            }
        return {
            Result.ADMITTED: _("Admitted."),
            Result.CANCELLED: _("Cancelled ticket: do not admit."),
            Result.REJECTED: _("Rejected registration: do not admit."),
            Result.PENDING: _("Registration pending approval: do not admit yet."),
            Result.WAITLISTED: _("On the waiting list: no place yet."),
            Result.OTHER_EDITION: _("Ticket for another edition."),
            Result.UNKNOWN: _("Unknown ticket."),
        }[self.code]


def check_in(
    secret: str,
    *,
    edition: Edition,
    gate: str,
    nonce: str,
    by=None,
    at: datetime | None = None,
    offline: bool = False,
) -> ScanResult:
    """Admit the holder of `secret` at `gate`, or say why not."""
    # Anything not shaped like a secret is unknown without a query (a NUL byte
    # would even make PostgreSQL refuse the query).
    well_formed = bool(SECRET_SHAPE.fullmatch(secret or ""))
    retried = well_formed and (
        CheckIn.objects.filter(nonce=nonce, registration__secret=secret)
        .select_related("registration__pass_type")
        .first()
    )
    if retried:  # the same scan again: same answer, not a second entry
        return ScanResult(Result.ADMITTED, retried.registration, retried)
    registration = (
        Registration.objects.select_related("pass_type").filter(secret=secret).first()
        if well_formed
        else None
    )
    result = _judge(registration, edition)
    if result is None:
        result = _admit(registration, gate=gate, nonce=nonce, by=by, at=at, offline=offline)
    Scan.objects.create(
        edition=edition,
        registration=registration,
        gate=gate,
        nonce=nonce,
        result=result.code,
        by=by,
        at=at or timezone.now(),
    )
    return result


def _judge(registration: Registration | None, edition: Edition) -> ScanResult | None:
    """Why this ticket cannot be admitted, or None if it can."""
    if registration is None:
        return ScanResult(Result.UNKNOWN)
    if registration.edition_id != edition.pk:
        return ScanResult(Result.OTHER_EDITION, registration)
    if registration.status in REFUSED_BY_STATUS:
        return ScanResult(REFUSED_BY_STATUS[registration.status], registration)
    return None


def _admit(registration, *, gate, nonce, by, at, offline) -> ScanResult:
    try:
        with transaction.atomic():
            admission = CheckIn.objects.create(
                registration=registration,
                gate=gate,
                nonce=nonce,
                by=by,
                at=at or timezone.now(),
                was_offline=offline,
            )
            record(
                registration, RegistrationEvent.Action.CHECKED_IN, by=by, at=admission.at, note=gate
            )
    except IntegrityError:  # admitted meanwhile, by this very scan retried or another
        admission = CheckIn.objects.get(registration=registration)
        if admission.nonce == nonce:
            return ScanResult(Result.ADMITTED, registration, admission)
        return ScanResult(Result.ALREADY_ADMITTED, registration, admission)
    return ScanResult(Result.ADMITTED, registration, admission)
