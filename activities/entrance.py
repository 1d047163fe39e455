"""At the entrance of an activity: booked visitors by their code, walk-ins by count.

A code is admitted once: the admission is a conditional UPDATE (`admitted_at IS
NULL`), so two staff phones scanning the same code at once get one "admitted"
and one "already admitted". Walk-ins are counted against the share of the slot
held back for them; once the slot has started, the places nobody booked go to
walk-ins as well (they would stay empty otherwise). Nobody gets in beyond the
capacity: the slot's CHECK constraints hold it, whatever the concurrency.
Every scan and every count is logged (EntryScan), refused ones too.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from activities.models import CODE_ALPHABET, CODE_LENGTH, Activity, ActivitySlot, Booking, EntryScan
from core.errors import RuleError

# Booked visitors may come in this long before their slot starts.
EARLY = timedelta(minutes=20)
MAX_WALK_INS_AT_ONCE = 30
SEPARATORS = re.compile(r"[\s\-.]+")
CODE_SHAPE = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")


class Result:
    ADMITTED = "admitted"
    ALREADY_ADMITTED = "already_admitted"
    MALFORMED = "malformed"
    UNKNOWN = "unknown"
    CANCELLED = "cancelled"
    WAITLISTED = "waitlisted"
    OTHER_ACTIVITY = "other_activity"
    TOO_EARLY = "too_early"
    TOO_LATE = "too_late"
    WALK_IN = "walk_in"


NO_SLOT_NOW = _lazy("No slot of this activity is open now.")
BAD_COUNT = _lazy("Type a whole number of people.")


class EntranceError(RuleError):
    """A walk-in count was refused; `message` is translated, `code` is for machines."""


def normalised_code(typed: str) -> str | None:
    """What staff typed or the scanner sent, as a stored code; None if it cannot be one."""
    code = SEPARATORS.sub("", (typed or "").strip()).upper()
    return code if CODE_SHAPE.match(code) else None


def _time(moment: datetime) -> str:
    return formats.time_format(timezone.localtime(moment), "TIME_FORMAT")


@dataclass
class Entry:
    code: str
    booking: Booking | None = None

    @property
    def admitted(self) -> bool:
        return self.code == Result.ADMITTED

    @property
    def message(self) -> str:
        booking = self.booking
        if self.code == Result.ADMITTED:
            return ngettext(
                "Admitted: %(name)s, %(count)s person.",
                "Admitted: %(name)s, group of %(count)s.",
                booking.group_size,
            ) % {"name": booking.first_name, "count": booking.group_size}
        if self.code == Result.ALREADY_ADMITTED:
            return _("Already admitted at %(time)s: do not admit again.") % {
                "time": _time(booking.admitted_at)
            }
        if self.code in (Result.OTHER_ACTIVITY, Result.TOO_EARLY, Result.TOO_LATE):
            where = {
                "activity": booking.slot.activity.title,
                "day": formats.date_format(
                    timezone.localtime(booking.slot.starts_at), "DATE_FORMAT"
                ),
                "time": _time(booking.slot.starts_at),
            }
            return {
                Result.OTHER_ACTIVITY: _(
                    "This booking is for another activity: %(activity)s, %(day)s at %(time)s."
                ),
                Result.TOO_EARLY: _("Too early: this booking is for %(day)s at %(time)s."),
                Result.TOO_LATE: _("This booking was for %(time)s: the slot is over."),
            }[self.code] % where
        return {
            Result.MALFORMED: _(
                "This is not an entry code: check it and type it again (8 letters and digits)."
            ),
            Result.UNKNOWN: _("Unknown code: no booking has it."),
            Result.CANCELLED: _("Cancelled booking: do not admit."),
            Result.WAITLISTED: _("On the waiting list: no place was freed for this booking."),
        }[self.code]


def _judge(booking: Booking | None, activity: Activity, now: datetime) -> str | None:
    """Why this booking cannot come in now, or None if it can."""
    if booking is None:
        return Result.UNKNOWN
    if booking.slot.activity_id != activity.pk:
        return Result.OTHER_ACTIVITY
    if booking.status == Booking.Status.CANCELLED:
        return Result.CANCELLED
    if booking.status == Booking.Status.WAITLISTED:
        return Result.WAITLISTED
    if booking.admitted_at:
        return Result.ALREADY_ADMITTED
    if now < booking.slot.starts_at - EARLY:
        return Result.TOO_EARLY
    if now >= booking.slot.ends_at:
        return Result.TOO_LATE
    return None


def admit(typed: str, *, activity: Activity, by=None, now=None) -> Entry:
    """Let in the group whose code staff typed or scanned, or say why not."""
    now = now or timezone.now()
    code = normalised_code(typed)
    booking = None
    if code is None:
        result = Result.MALFORMED
    else:
        booking = Booking.objects.select_related("slot__activity").filter(code=code).first()
        result = _judge(booking, activity, now)
    if result is None:
        with transaction.atomic():
            won = Booking.objects.filter(pk=booking.pk, admitted_at__isnull=True).update(
                admitted_at=now, admitted_by=by
            )
            if won:
                people = booking.group_size
                ActivitySlot.objects.filter(pk=booking.slot_id).update(
                    admitted=F("admitted") + people, version=F("version") + 1
                )
        booking.refresh_from_db(fields=["admitted_at"])
        result = Result.ADMITTED if won else Result.ALREADY_ADMITTED
    EntryScan.objects.create(
        activity=activity,
        slot_id=booking.slot_id if booking else None,
        booking=booking,
        result=result,
        people=booking.group_size if booking and result == Result.ADMITTED else 0,
        at=now,
        by=by,
    )
    return Entry(result, booking)


def count_walk_ins(slot: ActivitySlot, people: int, *, by=None, now=None) -> ActivitySlot:
    """Count `people` walk-ins into `slot` (a negative number corrects a mistake)."""
    now = now or timezone.now()
    if people == 0 or abs(people) > MAX_WALK_INS_AT_ONCE:
        raise EntranceError(
            _("Count between 1 and %(most)s people at a time.") % {"most": MAX_WALK_INS_AT_ONCE},
            "bad_count",
        )
    if now >= slot.ends_at:
        raise EntranceError(_("This slot is over."), "slot_over")
    if people > 0 and now >= slot.starts_at:
        room = Q(walk_ins__lte=F("capacity") - F("booked") - people)  # unbooked places too
    elif people > 0:
        room = Q(walk_ins__lte=F("walk_in_places") - people)
    else:
        room = Q(walk_ins__gte=-people)
    with transaction.atomic():
        counted = ActivitySlot.objects.filter(room, pk=slot.pk).update(
            walk_ins=F("walk_ins") + people, version=F("version") + 1
        )
        if not counted:
            raise EntranceError(_walk_in_refusal(slot, people, now), "no_room")
        EntryScan.objects.create(
            activity_id=slot.activity_id,
            slot=slot,
            result=Result.WALK_IN,
            people=people,
            at=now,
            by=by,
        )
    slot.refresh_from_db()
    return slot


def _walk_in_refusal(slot: ActivitySlot, people: int, now: datetime) -> str:
    if people < 0:
        return _("There are fewer walk-ins counted than that.")
    slot.refresh_from_db()
    left = slot.free_for_walk_ins(started=now >= slot.starts_at)
    return ngettext(
        "No room for them: %(count)s place is left for walk-ins in this slot.",
        "No room for them: %(count)s places are left for walk-ins in this slot.",
        left,
    ) % {"count": left}


def _open_slots(now: datetime):
    """Slots that have not ended and whose doors are open, the earliest first."""
    return ActivitySlot.objects.filter(ends_at__gt=now, starts_at__lte=now + EARLY).order_by(
        "starts_at"
    )


def current_slot(activity: Activity, now=None) -> ActivitySlot | None:
    """The slot staff admit for now: the earliest that has not ended, once its doors open."""
    return _open_slots(now or timezone.now()).filter(activity=activity).first()


def with_current_slots(activities, now=None) -> list[tuple[Activity, ActivitySlot | None]]:
    """Each activity with its `current_slot`, in two queries however many there are."""
    open_now = Prefetch("slots", queryset=_open_slots(now or timezone.now()), to_attr="open_now")
    return [
        (activity, activity.open_now[0] if activity.open_now else None)
        for activity in activities.prefetch_related(open_now)
    ]


def walk_in_message(slot: ActivitySlot, people: int) -> str:
    """What staff read after a count: what was counted and what room is left."""
    left = slot.free_for_walk_ins(started=timezone.now() >= slot.starts_at)
    counted = ngettext("%(count)s walk-in counted.", "%(count)s walk-ins counted.", abs(people)) % {
        "count": abs(people)
    }
    if people < 0:
        counted = ngettext(
            "%(count)s walk-in taken off the count.",
            "%(count)s walk-ins taken off the count.",
            -people,
        ) % {"count": -people}
    return " ".join(
        (
            counted,
            ngettext(
                "%(count)s place left for walk-ins.", "%(count)s places left for walk-ins.", left
            )
            % {"count": left},
        )
    )
