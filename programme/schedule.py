"""The schedule editor's rules: what placing a session would break, and saving the
place only when nobody moved the session meanwhile.

The conflicts are programme.checks' own (one rule for the editor and for
`check_programme`), run on the edition as it would be after the move. A session
outside the edition's days, in a space of another edition or in a closed space
is refused; a speaker or a space booked twice is kept only when staff confirm.
"""

import copy
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as format_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext

from core.errors import RuleError
from editions.models import Edition, Space
from programme import checks
from programme.checks import Problem
from programme.models import Session, SessionSpeaker

# Where a session cannot go at all; the other problems may be kept knowingly.
REFUSED = {checks.OUTSIDE_EDITION_DAYS, checks.UNKNOWN_SPACE, checks.SPACE_CLOSED}


@dataclass(frozen=True)
class Placement:
    space: Space
    starts_at: datetime
    ends_at: datetime

    @classmethod
    def local(cls, edition: Edition, *, space: Space, day: date, start: time, minutes: int):
        """A placement from the editor's fields: a day, a local start and a duration."""
        starts_at = datetime.combine(day, start, tzinfo=edition.tz)
        return cls(space, starts_at, starts_at + timedelta(minutes=minutes))


class ScheduleError(RuleError):
    def __init__(self, message: str, code: str, problems: list[Problem] = ()):
        super().__init__(message, code)
        self.problems = list(problems)


def where(session: Session, edition: Edition) -> str:
    """“Salle Atlas, 25 May 2022, 10:00–11:00”, or “unscheduled”."""
    if session.space_id is None:
        return gettext("unscheduled")
    starts = timezone.localtime(session.starts_at, edition.tz)
    ends = timezone.localtime(session.ends_at, edition.tz)
    return gettext("%(space)s, %(day)s, %(start)s–%(end)s") % {
        "space": session.space,
        "day": date_format(starts.date(), "DATE_FORMAT"),
        "start": format_datetime(starts, "H:i"),
        "end": format_datetime(ends, "H:i"),
    }


def placement_problems(session: Session, placement: Placement) -> list[Problem]:
    """The problems the session would take part in once placed: three queries,
    whatever the size of the programme (the sessions sharing its time, their
    speakers, the moved session's speakers)."""
    edition = session.edition
    moved = copy.copy(session)
    moved.space, moved.starts_at, moved.ends_at = (
        placement.space,
        placement.starts_at,
        placement.ends_at,
    )
    others = list(
        edition.sessions.exclude(pk=session.pk)
        .filter(starts_at__lt=placement.ends_at, ends_at__gt=placement.starts_at)
        .select_related("space")
    )
    sessions = [*others, moved]
    appearances = SessionSpeaker.objects.filter(
        session__in=[each.pk for each in sessions]
    ).select_related("speaker")
    problems = (
        checks.speaker_double_bookings(edition, sessions, appearances)
        + checks.space_double_bookings(edition, sessions)
        + checks.sessions_outside_days(edition, [moved])
        + checks.sessions_in_unknown_spaces(edition, [moved])
        + checks.sessions_in_closed_spaces(edition, [moved])
    )
    return [problem for problem in problems if session.pk in problem.session_ids]


def move_session(session: Session, *, placement: Placement, seen: str, keep: bool = False):
    """Place the session, as staff saw it at `seen` (its `placement_version`).

    Raises ScheduleError "stale" when someone moved it meanwhile (nothing is
    overwritten), "refused" for a place it cannot take, "conflicts" for a
    conflict staff have not confirmed with `keep`. Returns the conflicts kept."""
    edition = session.edition
    with transaction.atomic():
        current = (
            Session.objects.select_for_update(of=("self",))
            .select_related("space")
            .get(pk=session.pk)
        )
        current.edition = edition
        if current.placement_version != seen:
            message = gettext(
                "Someone else moved “%(title)s” meanwhile: it is now in %(now)s. "
                "Nothing was saved; look at the grid again before moving it."
            ) % {"title": current.title, "now": where(current, edition)}
            raise ScheduleError(message, "stale")
        problems = placement_problems(current, placement)
        refused = [problem for problem in problems if problem.code in REFUSED]
        if refused:
            raise ScheduleError(gettext("This place is refused."), "refused", refused)
        if problems and not keep:
            raise ScheduleError(gettext("This place has conflicts."), "conflicts", problems)
        current.space = placement.space
        current.starts_at = placement.starts_at
        current.ends_at = placement.ends_at
        current.save(update_fields=["space", "starts_at", "ends_at"])
    return problems
