"""Registration rules: places, waiting list, approval, cancellation, transfer.

Every function owns its transaction. A place is taken with a conditional
UPDATE (`held < capacity`), which the database serialises per pass on SQLite
and PostgreSQL alike; a CHECK constraint backs it up. E-mails leave only after
the transaction commits.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core import outbox
from core.errors import RuleError
from core.models import record
from registration.consent import CONSENT_VERSION, NEWS_VERSION
from registration.models import (
    Consent,
    PassType,
    Registration,
    RegistrationEvent,
    new_invitation_token,
)

Status = Registration.Status
Action = RegistrationEvent.Action


class RegistrationError(RuleError):
    """A rule refused the change; `message` is translated, `code` is for machines."""


@dataclass
class Attendee:
    """What a registration form collects about the person."""

    first_name: str
    last_name: str
    email: str
    language: str
    phone: str = ""
    organisation: str = ""
    role: str = ""
    sector: str = ""
    city: str = ""
    accessibility_needs: str = ""
    pivots: list = field(default_factory=list)


def new_invitation_link(pass_type: PassType) -> PassType:
    """A new secret for the pass's invitation link: the link sent so far stops working."""
    pass_type.invitation_token = new_invitation_token()
    pass_type.save(update_fields=["invitation_token"])
    return pass_type


def take_place(pass_type: PassType) -> bool:
    return (
        PassType.objects.filter(pk=pass_type.pk, held__lt=F("capacity")).update(held=F("held") + 1)
        == 1
    )


def _take_place_after_cancels_in_flight(pass_type: PassType) -> bool:
    """Full a moment ago. A cancel may be freeing a place right now, promoting from a
    waiting list that does not hold this person yet: wait for it (the pass's lock) and
    look again, so that a place is never left free while someone joins the list."""
    PassType.objects.select_for_update().filter(pk=pass_type.pk).first()
    return take_place(pass_type)


def release_place(pass_type: PassType) -> None:
    PassType.objects.filter(pk=pass_type.pk, held__gt=0).update(held=F("held") - 1)


def resend_ticket_links(email: str, *, language: str) -> None:
    """Owe `email` its ticket links. The request does the same work for every address:
    which registrations it has is looked up when sending, once the response has gone
    (core.outbox, after_response), so neither the answer nor its time tells who
    registered. The row keeps the address and the language, never a ticket link."""
    outbox.owe("registration.ticket_links", email, language=language)


def _notify_after_commit(registration, what, **extra):
    outbox.owe("registration.status", registration.pk, what, **extra)


def check_open(pass_type: PassType, now: datetime) -> None:
    if now < pass_type.opens_at:
        when = formats.date_format(timezone.localtime(pass_type.opens_at), "DATETIME_FORMAT")
        raise RegistrationError(
            _("Registration for this pass opens on %(date)s.") % {"date": when}, "not_open"
        )
    if now >= pass_type.closes_at:
        raise RegistrationError(_("Registration for this pass is closed."), "closed")


def register(
    pass_type: PassType,
    *,
    attendee: Attendee,
    submission_key: str | None = None,
    now=None,
    by=None,
    note: str = "",
    any_date: bool = False,
    news: bool = False,
) -> tuple[Registration, bool]:
    """Register someone for a pass. Returns the registration and whether it is new:
    the same `submission_key` twice for the same pass and e-mail (a double submit)
    gives back the first one. Staff (`by`) may register outside the pass's dates
    with `any_date`, never beyond its capacity. `news`: the person also asked for
    news by e-mail."""
    earlier = _made_by_this_form(pass_type, attendee, submission_key)
    if earlier is not None:
        return earlier, False
    if not any_date:
        check_open(pass_type, now or timezone.now())
    try:
        with transaction.atomic():
            status = _status_for_newcomer(pass_type)
            registration = _create(pass_type, attendee, status, submission_key, by=by, note=note)
            if news:
                _consent(registration, Consent.Purpose.NEWS, NEWS_VERSION)
    except IntegrityError:
        earlier = _made_by_this_form(pass_type, attendee, submission_key)
        if earlier is None:
            raise
        return earlier, False
    return registration, True


def _made_by_this_form(
    pass_type: PassType, attendee: Attendee, submission_key: str | None
) -> Registration | None:
    """The registration an earlier send of this very form made. The key alone is not
    enough: replayed on another pass or with another address it finds nothing, so
    nobody reaches someone else's ticket with it."""
    if not submission_key:
        return None
    return Registration.objects.filter(
        submission_key=submission_key, pass_type=pass_type, email=attendee.email
    ).first()


def _status_for_newcomer(pass_type: PassType) -> str:
    if take_place(pass_type) or _take_place_after_cancels_in_flight(pass_type):
        return Status.PENDING if pass_type.needs_approval else Status.CONFIRMED
    if pass_type.has_waiting_list:
        return Status.WAITLISTED
    raise RegistrationError(_("This pass is full."), "full")


def _create(pass_type, attendee: Attendee, status, submission_key, *, by, note) -> Registration:
    details = {k: v for k, v in attendee.__dict__.items() if k != "pivots"}
    registration = Registration.objects.create(
        edition_id=pass_type.edition_id,
        pass_type=pass_type,
        status=status,
        submission_key=submission_key,
        **details,
    )
    if attendee.pivots:
        registration.pivots.add(*attendee.pivots)  # a new row: nothing to remove first
    _consent(registration, Consent.Purpose.REGISTRATION, CONSENT_VERSION)
    record(registration, Action.REGISTERED, by=by, note=(f"{status}; {note}" if note else status))
    _notify_after_commit(registration, status)
    return registration


def _consent(registration: Registration, purpose: str, version: str) -> Consent:
    return Consent.objects.create(
        registration=registration,
        purpose=purpose,
        text_version=version,
        language=registration.language,
    )


def _locked(registration: Registration) -> Registration:
    return (
        Registration.objects.select_for_update().select_related("pass_type").get(pk=registration.pk)
    )


@transaction.atomic
def cancel(registration: Registration, *, by=None) -> Registration:
    """Cancel a registration; its place goes to the next person waiting."""
    registration = _locked(registration)
    if registration.status in (Status.CANCELLED, Status.REJECTED):
        raise RegistrationError(_("This registration is already cancelled."), "not_active")
    if hasattr(registration, "check_in"):
        raise RegistrationError(_("This ticket has already been used at the door."), "admitted")
    held_a_place = registration.holds_a_place
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    record(registration, Action.CANCELLED, by=by)
    _notify_after_commit(registration, "cancelled")
    if held_a_place:
        release_place(registration.pass_type)
        promote_waiting(registration.pass_type)
    return registration


def promote_waiting(pass_type: PassType, *, by=None) -> list[Registration]:
    """Give free places to the people waiting longest, and tell them."""
    promoted = []
    with transaction.atomic():
        while True:
            candidate = (
                Registration.objects.waiting()
                .filter(pass_type=pass_type)
                .select_for_update(skip_locked=True)
                .first()
            )
            if candidate is None or not take_place(pass_type):
                break
            candidate.status = Status.PENDING if pass_type.needs_approval else Status.CONFIRMED
            candidate.save(update_fields=["status", "updated_at"])
            record(candidate, Action.PROMOTED, by=by)
            _notify_after_commit(candidate, "promoted")
            promoted.append(candidate)
    return promoted


@transaction.atomic
def approve(registration: Registration, *, by) -> Registration:
    registration = _locked(registration)
    if registration.status != Status.PENDING:
        raise RegistrationError(_("Only a pending registration can be approved."), "not_pending")
    registration.status = Status.CONFIRMED
    registration.save(update_fields=["status", "updated_at"])
    record(registration, Action.APPROVED, by=by)
    _notify_after_commit(registration, "approved")
    return registration


@transaction.atomic
def reject(registration: Registration, *, by, reason: str = "") -> Registration:
    registration = _locked(registration)
    if registration.status != Status.PENDING:
        raise RegistrationError(_("Only a pending registration can be rejected."), "not_pending")
    registration.status = Status.REJECTED
    registration.save(update_fields=["status", "updated_at"])
    record(registration, Action.REJECTED, by=by, note=reason)
    _notify_after_commit(registration, "rejected")
    release_place(registration.pass_type)
    promote_waiting(registration.pass_type)
    return registration


@transaction.atomic
def transfer(
    registration: Registration,
    *,
    first_name: str,
    last_name: str,
    email: str,
    language: str,
    by=None,
) -> Registration:
    """Give the ticket to someone else. The old link stops working; both are told."""
    registration = _locked(registration)
    if not registration.pass_type.allows_transfer:
        raise RegistrationError(_("Tickets of this pass cannot be transferred."), "no_transfer")
    if not registration.holds_a_place:
        raise RegistrationError(_("Only a valid ticket can be transferred."), "not_active")
    if hasattr(registration, "check_in"):
        raise RegistrationError(_("This ticket has already been used at the door."), "admitted")
    previous_email, previous_language = registration.email, registration.language
    registration.first_name, registration.last_name = first_name, last_name
    registration.email, registration.language = email, language
    registration.secret = Registration._meta.get_field("secret").default()
    # The key of the old holder's form: it must not lead them to the new ticket.
    registration.submission_key = None
    registration.save()
    record(registration, Action.TRANSFERRED, by=by, note=f"{previous_email} → {email}")
    _notify_after_commit(registration, "transferred")
    _notify_after_commit(
        registration, "transferred_away", email=previous_email, language=previous_language
    )
    return registration
