"""Applying to the Startup Village: save a draft, submit it, withdraw it.

Every function owns its transaction, writes an ApplicationEvent naming who acted
and when, and raises ApplicationError (a translated `message`, a stable `code`)
when a rule refuses. Nothing is created, saved or submitted outside the call's
dates. One applicant has at most one application per call besides withdrawn
ones (a unique constraint): a form posted twice updates the first application
instead of making a second. The applicant's confirmation e-mail leaves after the
commit. Staff decisions live in startups/decisions.py.
"""

import secrets
import string
from datetime import datetime
from functools import partial
from typing import cast

from django.db import IntegrityError, transaction
from django.db.models import Field
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import outbox
from core.errors import RuleError
from core.models import record
from startups.models import Application, ApplicationEvent, Call

Status = Application.Status
Action = ApplicationEvent.Action

# Shown to the applicant with the consent box; change the version with the text.
CONSENT_VERSION = "2022-03-startups-v1"
# The words of startups/urls.py that a startup's page address must never take.
RESERVED_SLUGS = frozenset({"apply", "applications", "jury", "staff"})
SLUG_LENGTH = 60
RANDOM_SLUG_ALPHABET = string.ascii_lowercase + string.digits
SLUG_ATTEMPTS = 4
# What the applicant types, as Application fields (the logo apart).
TYPED_FIELDS = (
    "name",
    "structure",
    "pitch",
    "pivot",
    "sector",
    "stage",
    "team_size",
    "city",
    "website",
    "is_open_source",
    "is_low_tech",
    "seeking",
    "contact_name",
    "language",
)
NULLABLE = frozenset({"pivot", "team_size"})
# What the jury needs: an application without one of these cannot be submitted.
REQUIRED_TO_SUBMIT = (
    "name",
    "structure",
    "pitch",
    "pivot",
    "sector",
    "stage",
    "team_size",
    "city",
    "seeking",
)


class ApplicationError(RuleError):
    """A rule refused the change; `message` is translated, `code` is for machines;
    `application` is the one concerned when there is one (for "not_draft": the
    application already sent, whose status page the applicant should see)."""

    def __init__(self, message: str, code: str, *, application: Application | None = None):
        super().__init__(message, code)
        self.application = application


def active_application(call: Call, applicant) -> Application | None:
    """The applicant's application to this call that is not withdrawn, if any."""
    return (
        Application.objects.filter(call=call, applicant=applicant)
        .exclude(status=Status.WITHDRAWN)
        .first()
    )


def check_open(call: Call, now: datetime | None = None) -> None:
    now = now or timezone.now()
    if now < call.opens_at:
        when = formats.date_format(timezone.localtime(call.opens_at), "DATETIME_FORMAT")
        raise ApplicationError(_("Applications open on %(date)s.") % {"date": when}, "not_open")
    if now >= call.closes_at:
        raise ApplicationError(_("Applications to this call are closed."), "closed")


# Short names (slugs)


def _random_slug() -> str:
    return "".join(secrets.choice(RANDOM_SLUG_ALPHABET) for _ in range(8))


def free_slug(call: Call, name: str, *, exclude: int | None = None, salted: bool = False) -> str:
    """The page address for `name` in this call: its ASCII slug, numbered when taken,
    never a word of the URL map; a short random one for a name with no Latin letter
    (an Arabic name), or when `salted` (a race for the same slug was lost)."""
    base = slugify(name)[:SLUG_LENGTH].strip("-_")
    if not base:
        return _random_slug()
    if salted:
        return f"{base}-{_random_slug()[:4]}"
    taken = set(
        Application.objects.filter(call=call, slug__startswith=base)
        .exclude(pk=exclude)
        .values_list("slug", flat=True)
    )
    candidates = (base if n == 1 else f"{base}-{n}" for n in range(1, len(taken) + 3))
    return next(c for c in candidates if c not in taken and c not in RESERVED_SLUGS)


def _save_with_free_slug(application: Application) -> None:
    """Save (inside the caller's transaction), renaming the slug if another
    application took it meanwhile; any other constraint's error goes up."""
    for attempt in range(SLUG_ATTEMPTS):
        application.slug = free_slug(
            application.call, application.name, exclude=application.pk, salted=attempt > 0
        )
        try:
            with transaction.atomic():
                application.save()
            return
        except IntegrityError:
            slug_taken = (
                Application.objects.filter(call_id=application.call_id, slug=application.slug)
                .exclude(pk=application.pk)
                .exists()
            )
            if not slug_taken or attempt == SLUG_ATTEMPTS - 1:
                raise


# Drafts


def _fill(application: Application, call: Call, data: dict) -> list[str]:
    """Copy what was typed; returns the names of stored logo files to delete after commit."""
    if not (data.get("name") or "").strip():
        raise ApplicationError(_("Give the name of your startup."), "no_name")
    pivot = data.get("pivot")
    if pivot is not None and pivot.edition_id != call.edition_id:
        raise ApplicationError(_("Choose one of this edition's pivots."), "pivot")
    for field in TYPED_FIELDS:
        if field in data:
            value = data[field]
            setattr(application, field, "" if value is None and field not in NULLABLE else value)
    if not application.structure:
        application.structure = Application.Structure.TECH_STARTUP
    return _replace_logo(application, data.get("logo"))


def _replace_logo(application: Application, logo) -> list[str]:
    """`logo`: a re-encoded file (core.logos) to store, False to remove it, None to keep it."""
    previous = application.logo.name if application.logo else ""
    if logo is None or (logo is False and not previous):
        return []
    if logo is False:
        application.logo = ""
    else:
        application.logo.save(logo.name, logo, save=False)
    return [previous] if previous else []


def _delete_files(application: Application, names: list[str]) -> None:
    storage = application.logo.storage
    for name in names:
        transaction.on_commit(partial(storage.delete, name))


def save_draft(
    application: Application | None,
    *,
    call: Call,
    applicant,
    data: dict,
    now: datetime | None = None,
) -> Application:
    """Create the applicant's draft (application None) or change it. Only the name
    is required; everything typed is kept. A second "new" draft (a form posted
    twice) changes the first instead."""
    now = now or timezone.now()
    check_open(call, now)
    if application is None:
        application = active_application(call, applicant)
    if application is None:
        try:
            return _create(call, applicant, data, now)
        except IntegrityError:  # the same form, posted twice at once: the other one won
            application = active_application(call, applicant)
            if application is None:
                raise
    return _update(application, applicant, data)


def _create(call: Call, applicant, data: dict, now: datetime) -> Application:
    with transaction.atomic():
        application = Application(
            call=call, applicant=applicant, status=Status.DRAFT, created_at=now
        )
        _fill(application, call, data)
        _save_with_free_slug(application)
        record(application, Action.CREATED, by=applicant, at=now)
    return application


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().select_related("call").get(pk=application.pk)


def _update(application: Application, applicant, data: dict) -> Application:
    with transaction.atomic():
        application = _locked(application)
        if application.applicant_id != applicant.pk:
            raise ApplicationError(_("This application is not yours."), "not_yours")
        if application.status != Status.DRAFT:
            raise ApplicationError(
                _("This application has been sent already: it can no longer be changed."),
                "not_draft",
                application=application,
            )
        old_logos = _fill(application, application.call, data)
        _save_with_free_slug(application)  # while a draft, the address follows the name
        _delete_files(application, old_logos)
    return application


# Submitting and withdrawing


def missing_fields(application: Application) -> list[str]:
    """The labels of what the jury needs and the application lacks."""
    return [
        str(cast(Field, Application._meta.get_field(name)).verbose_name)
        for name in REQUIRED_TO_SUBMIT
        if getattr(application, name) in (None, "")
    ]


def submit(application: Application, *, consented: bool, now: datetime | None = None):
    """Send the draft to the jury. The applicant's consent to processing the
    application (CONSENT_VERSION) is recorded in the event's note."""
    now = now or timezone.now()
    with transaction.atomic():
        application = _locked(application)
        if application.status != Status.DRAFT:
            raise ApplicationError(
                _("This application has been sent already."), "not_draft", application=application
            )
        check_open(application.call, now)
        missing = missing_fields(application)
        if missing:
            message = _("Fill in these fields before sending: %(fields)s.")
            raise ApplicationError(message % {"fields": ", ".join(missing)}, "incomplete")
        if not consented:
            raise ApplicationError(
                _("Please agree to the processing of your application to send it."), "consent"
            )
        application.status = Status.SUBMITTED
        application.submitted_at = now
        application.save(update_fields=["status", "submitted_at", "updated_at"])
        note = f"consent {CONSENT_VERSION}"
        record(application, Action.SUBMITTED, by=application.applicant, at=now, note=note)
        outbox.owe("startups.application_received", application.pk)
    return application


WITHDRAWABLE = (Status.DRAFT, Status.SUBMITTED)


def withdraw(application: Application, *, by, now: datetime | None = None) -> Application:
    """Take back a draft or a submitted application, before any decision."""
    now = now or timezone.now()
    with transaction.atomic():
        application = _locked(application)
        if application.status == Status.WITHDRAWN:
            raise ApplicationError(_("This application is already withdrawn."), "withdrawn")
        if application.status not in WITHDRAWABLE:
            raise ApplicationError(
                _(
                    "The decision on this application has been made: it can no longer be "
                    "withdrawn. Write to the organiser if you cannot come."
                ),
                "decided",
            )
        application.status = Status.WITHDRAWN
        application.save(update_fields=["status", "updated_at"])
        record(application, Action.WITHDRAWN, by=by, at=now)
    return application
