"""Staff decisions on applications: select, reject, reopen a decision, assign booths.

Each function owns its transaction, locks the application row (so two staff
members deciding at once, or a juror saving meanwhile, are serialised), checks
the status, writes the change and an ApplicationEvent naming who made it. The
applicant hears of a selection or a rejection by e-mail in their own language
(`Application.language`), sent once the change has committed.

Booth labels are unique within a call (a constraint); the services look first
to name the startup already there, and the constraint settles a race.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import outbox
from core.errors import RuleError
from core.models import record
from startups.models import Application, ApplicationEvent, Call

logger = logging.getLogger(__name__)
Status = Application.Status
Action = ApplicationEvent.Action
BOOTH_MAX_LENGTH = Application._meta.get_field("booth").max_length


class DecisionError(RuleError):
    """A rule refused the decision; `message` is translated, `code` is for machines."""


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _decide(application: Application, status: str, *, by, message: str) -> Application:
    with transaction.atomic():
        application = _locked(application)
        if application.status != Status.SUBMITTED:
            raise DecisionError(
                _("Only a submitted application awaiting a decision can be selected or rejected."),
                "not_submitted",
            )
        application.status = status
        application.decision_message = message
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "decision_message", "decided_at", "updated_at"])
        record(application, status, by=by, note=message)
        outbox.owe("startups.decision", application.pk)
    return application


def select(application: Application, *, by, message: str = "") -> Application:
    """Select the application for the village and tell the applicant."""
    return _decide(application, Status.SELECTED, by=by, message=message)


def reject(application: Application, *, by, message: str = "") -> Application:
    """Turn the application down and tell the applicant."""
    return _decide(application, Status.REJECTED, by=by, message=message)


@transaction.atomic
def reopen(application: Application, *, by) -> Application:
    """Take back a decision made by mistake: the application awaits a decision again,
    jurors may change their reviews, and a booth it held is freed. No e-mail: the
    next decision will say what is decided."""
    application = _locked(application)
    if application.status not in (Status.SELECTED, Status.REJECTED):
        raise DecisionError(_("No decision has been made on this application."), "not_decided")
    note = _("was: %(status)s") % {"status": application.get_status_display()}
    if application.booth:
        note += "; " + _("booth %(booth)s freed") % {"booth": application.booth}
    application.status = Status.SUBMITTED
    application.decided_at = None
    application.decision_message = ""
    application.booth = ""
    application.save(
        update_fields=["status", "decided_at", "decision_message", "booth", "updated_at"]
    )
    record(application, Action.DECISION_REOPENED, by=by, note=note)
    return application


# Booths


def clean_booth(booth: str) -> str:
    booth = " ".join((booth or "").split())
    if len(booth) > BOOTH_MAX_LENGTH:
        raise DecisionError(
            _("A booth label has at most %(max)d characters.") % {"max": BOOTH_MAX_LENGTH},
            "booth_too_long",
        )
    return booth


def _taken_error(booth: str, holder: str) -> DecisionError:
    return DecisionError(
        _("Booth %(booth)s is already assigned to %(name)s.") % {"booth": booth, "name": holder},
        "booth_taken",
    )


def assign_booth(application: Application, *, booth: str, by) -> Application:
    """Give a selected application its booth (an empty label takes it away)."""
    booth = clean_booth(booth)
    try:
        with transaction.atomic():
            application = _locked(application)
            _check_may_have_booth(application, booth)
            if application.booth == booth:
                return application
            holder = (
                Application.objects.filter(call_id=application.call_id, booth__iexact=booth)
                .exclude(pk=application.pk)
                .first()
            )
            if booth and holder is not None:
                raise _taken_error(holder.booth, holder.name)
            application.booth = booth
            application.save(update_fields=["booth", "updated_at"])
            record(application, Action.BOOTH, by=by, note=booth or _("booth cleared"))
    except IntegrityError:  # assigned by someone else between the look and the write
        raise _taken_error(booth, _("another startup")) from None
    return application


def _check_may_have_booth(application: Application, booth: str) -> None:
    if booth and application.status != Status.SELECTED:
        raise DecisionError(_("Only a selected startup gets a booth."), "not_selected")


def assign_booths(call: Call, *, booths: dict[int, str], by) -> list[Application]:
    """Assign many booths at once (application id → label); all or nothing. Labels may
    be swapped between startups. Returns the applications whose booth changed."""
    wanted = {pk: clean_booth(label) for pk, label in booths.items()}
    try:
        with transaction.atomic():
            return _assign_all(call, wanted, by=by)
    except IntegrityError:
        raise DecisionError(
            _("Another member of staff changed the booths meanwhile; please try again."),
            "booth_taken",
        ) from None


def _assign_all(call: Call, wanted: dict[int, str], *, by) -> list[Application]:
    everyone = {a.pk: a for a in Application.objects.select_for_update().filter(call=call)}
    if not set(wanted) <= set(everyone):
        raise DecisionError(_("This application is not part of this call."), "unknown")
    changed = [everyone[pk] for pk, label in wanted.items() if everyone[pk].booth != label]
    for application in changed:
        _check_may_have_booth(application, wanted[application.pk])
    final = {pk: wanted.get(pk, a.booth) for pk, a in everyone.items()}
    _check_all_different(final, everyone)
    # Free every changed booth first, so that swaps never meet the constraint halfway.
    Application.objects.filter(pk__in=[a.pk for a in changed]).update(booth="")
    for application in changed:
        application.booth = wanted[application.pk]
        application.save(update_fields=["booth", "updated_at"])
        record(application, Action.BOOTH, by=by, note=application.booth or _("booth cleared"))
    return changed


def _check_all_different(final: dict[int, str], everyone: dict[int, Application]) -> None:
    seen: dict[str, int] = {}
    for pk, label in sorted(final.items()):
        if not label:
            continue
        key = label.casefold()
        if key in seen:
            first, second = everyone[seen[key]].name, everyone[pk].name
            raise DecisionError(
                _("Booth %(booth)s cannot go to both %(first)s and %(second)s.")
                % {"booth": label, "first": first, "second": second},
                "booth_taken",
            )
        seen[key] = pk
