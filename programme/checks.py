"""Programme conflict checks for staff: who or what is booked twice, and what is misplaced.

`find_problems(edition)` reads the edition's sessions and their speakers in
two queries and finds overlaps by sorting, so a programme of hundreds of
sessions is checked in milliseconds. Each problem carries a stable `code`
for machines and a `message` rendered in the language active when it is read.
"""

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editions.models import Edition, Space
from programme.models import Session, SessionSpeaker

SPEAKER_DOUBLE_BOOKED = "speaker_double_booked"
SPACE_DOUBLE_BOOKED = "space_double_booked"
OUTSIDE_EDITION_DAYS = "outside_edition_days"
UNKNOWN_SPACE = "unknown_space"
SPACE_CLOSED = "space_closed"

PROBLEM_LABELS = {
    SPEAKER_DOUBLE_BOOKED: _("speaker double-booked"),
    SPACE_DOUBLE_BOOKED: _("space double-booked"),
    OUTSIDE_EDITION_DAYS: _("outside the edition's days"),
    UNKNOWN_SPACE: _("unknown space"),
    SPACE_CLOSED: _("space closed"),
}

MESSAGES = {
    SPEAKER_DOUBLE_BOOKED: _(
        "%(speaker)s is booked in two sessions at once: %(first)s and %(second)s."
    ),
    SPACE_DOUBLE_BOOKED: _("%(space)s holds two sessions at once: %(first)s and %(second)s."),
    OUTSIDE_EDITION_DAYS: _(
        "%(session)s is outside the edition's days (%(first_day)s – %(last_day)s)."
    ),
    UNKNOWN_SPACE: _("%(session)s is in %(space)s, a space of another edition."),
    SPACE_CLOSED: _("%(session)s is outside the opening hours of %(space)s (%(hours)s)."),
}
NO_SPACE_MESSAGE = _("%(session)s has no space.")


@dataclass(frozen=True)
class Problem:
    code: str
    edition: Edition
    sessions: tuple[Session, ...]
    # The speaker or space booked twice, when there is one.
    subject: object = None

    @property
    def session_ids(self) -> list[int]:
        return [session.pk for session in self.sessions]

    @property
    def label(self) -> str:
        return str(PROBLEM_LABELS[self.code])

    @property
    def message(self) -> str:
        described = [describe(session, self.edition) for session in self.sessions]
        template = MESSAGES[self.code]
        if self.code == UNKNOWN_SPACE and self.subject is None:
            template = NO_SPACE_MESSAGE
        # Each message uses the names it needs; the others are ignored.
        return template % {
            "speaker": self.subject,
            "space": self.subject,
            "session": described[0],
            "first": described[0],
            "second": described[-1],
            "first_day": date_format(self.edition.starts_on, "DATE_FORMAT"),
            "last_day": date_format(self.edition.ends_on, "DATE_FORMAT"),
            "hours": opening_hours(self.subject) if self.code == SPACE_CLOSED else "",
        }

    def __str__(self):
        return self.message


def describe(session: Session, edition: Edition) -> str:
    """“Title” (25 May 2022, 10:00–11:00), in the edition's time zone."""
    starts = timezone.localtime(session.starts_at, edition.tz)
    ends = timezone.localtime(session.ends_at, edition.tz)
    return gettext("“%(title)s” (%(day)s, %(start)s–%(end)s)") % {
        "title": session.title,
        "day": date_format(starts.date(), "DATE_FORMAT"),
        "start": format_datetime(starts, "H:i"),
        "end": format_datetime(ends, "H:i"),
    }


def opening_hours(space: Space) -> str:
    """“09:00–18:00”, either end left open when the space has none."""
    opens = space.opens_at.strftime("%H:%M") if space.opens_at else ""
    closes = space.closes_at.strftime("%H:%M") if space.closes_at else ""
    return f"{opens}–{closes}"


def overlapping_pairs(sessions: Iterable[Session]) -> list[tuple[Session, Session]]:
    """Every pair of sessions sharing some time, earlier one first.

    A sweep over sessions sorted by start: the heap holds those still running;
    a session ending at 10:00 does not clash with one starting at 10:00.
    """
    pairs = []
    running: list[tuple[datetime, int, Session]] = []
    for session in sorted(sessions, key=lambda s: (s.starts_at, s.ends_at, s.pk)):
        while running and running[0][0] <= session.starts_at:
            heapq.heappop(running)
        pairs += [(earlier, session) for _ends, _pk, earlier in running]
        heapq.heappush(running, (session.ends_at, session.pk, session))
    return pairs


def speaker_double_bookings(edition, sessions, appearances) -> list[Problem]:
    by_id = {session.pk: session for session in sessions}
    sessions_of = defaultdict(list)
    speakers = {}
    for appearance in appearances:
        sessions_of[appearance.speaker_id].append(by_id[appearance.session_id])
        speakers[appearance.speaker_id] = appearance.speaker
    return [
        Problem(SPEAKER_DOUBLE_BOOKED, edition, pair, speakers[speaker_id])
        for speaker_id, booked in sessions_of.items()
        for pair in overlapping_pairs(booked)
    ]


def space_double_bookings(edition, sessions) -> list[Problem]:
    sessions_in = defaultdict(list)
    for session in sessions:
        if session.space_id:
            sessions_in[session.space_id].append(session)
    return [
        Problem(SPACE_DOUBLE_BOOKED, edition, pair, booked[0].space)
        for booked in sessions_in.values()
        for pair in overlapping_pairs(booked)
    ]


def sessions_outside_days(edition, sessions) -> list[Problem]:
    first_moment, _end = edition.day_bounds(edition.starts_on)
    _start, last_moment = edition.day_bounds(edition.ends_on)
    return [
        Problem(OUTSIDE_EDITION_DAYS, edition, (session,))
        for session in sessions
        if session.starts_at < first_moment or session.ends_at > last_moment
    ]


def sessions_in_unknown_spaces(edition, sessions) -> list[Problem]:
    return [
        Problem(UNKNOWN_SPACE, edition, (session,), session.space)
        for session in sessions
        if session.space is None or session.space.edition_id != edition.pk
    ]


def sessions_in_closed_spaces(edition, sessions) -> list[Problem]:
    """Sessions placed in a space of this edition while it is closed."""
    problems = []
    for session in sessions:
        space = session.space
        if space is None or space.edition_id != edition.pk:
            continue
        starts = timezone.localtime(session.starts_at, edition.tz)
        ends = timezone.localtime(session.ends_at, edition.tz)
        same_day = starts.date() == ends.date()
        if not space.is_open(starts.time(), ends.time() if same_day else starts.time()):
            problems.append(Problem(SPACE_CLOSED, edition, (session,), space))
    return problems


def find_problems(edition: Edition) -> list[Problem]:
    """Every problem of an edition's programme, drafts included: staff fix them
    before publishing. Two queries: the sessions, then who speaks in them."""
    sessions = list(edition.sessions.select_related("space").order_by("starts_at", "pk"))
    appearances = SessionSpeaker.objects.filter(session__edition=edition).select_related("speaker")
    return (
        speaker_double_bookings(edition, sessions, appearances)
        + space_double_bookings(edition, sessions)
        + sessions_outside_days(edition, sessions)
        + sessions_in_unknown_spaces(edition, sessions)
        + sessions_in_closed_spaces(edition, sessions)
    )


def problems_by_session(editions: Iterable[Edition]) -> dict[int, list[Problem]]:
    """Each session id of these editions with the problems it takes part in."""
    found = defaultdict(list)
    for edition in editions:
        for problem in find_problems(edition):
            for session_id in problem.session_ids:
                found[session_id].append(problem)
    return dict(found)
