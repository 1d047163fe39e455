"""A participant's meeting agenda: their published meetings beside the sessions they
starred in the programme, as a chronological list and as iCalendar.

Starred sessions are the participant's programme agenda (`programme.Agenda`):
the one their account owns, else the one of this browser's agenda cookie,
which is then given to their account so their other devices see it too.

Calendar conventions follow programme/exports/ical.py: times in UTC, stable
UIDs (a meeting keeps its UID when it moves, so a calendar updates it instead
of adding a copy). Cancelled meetings are left out of the subscribed feed (a
subscription mirrors the feed, so they disappear at the next refresh); the
e-mail announcing a cancellation carries the same UID with METHOD:CANCEL, so a
calendar that imported the meeting from an earlier e-mail removes it.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parseaddr
from itertools import groupby

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from core.i18n import list_separator
from matchmaking.models import Meeting, MeetingSide, Profile
from programme.exports.common import with_details
from programme.exports.ical import REFRESH_INTERVAL, session_event
from programme.models import Agenda, Session
from programme.services import find_agenda

# Fixed once for Jemaa's lounge: UIDs derived from it never change.
MEETING_NAMESPACE = uuid.UUID("3f7c2a9e-8d41-4b6a-9c0e-5a2d7b1e4f63")
# SEQUENCE must grow with every change a calendar should take: minutes since this.
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


# Starred sessions


def starred_agenda(user, *, cookie_secret: str | None) -> Agenda | None:
    """The user's programme agenda; a cookie's agenda nobody owns becomes theirs."""
    owned = Agenda.objects.filter(owner=user).first()
    if owned is not None:
        return owned
    visitor = find_agenda(cookie_secret)
    if visitor is None or visitor.owner_id not in (None, user.pk):
        return None
    try:
        with transaction.atomic():
            Agenda.objects.filter(pk=visitor.pk, owner__isnull=True).update(owner=user)
    except IntegrityError:  # the same person, on two devices at once
        return Agenda.objects.filter(owner=user).first()
    return Agenda.objects.filter(owner=user).first()


def starred_sessions(agenda: Agenda | None, profile: Profile) -> list[Session]:
    if agenda is None:
        return []
    edition_id = profile.lounge.edition_id
    return list(
        agenda.sessions.public()
        .filter(edition_id=edition_id)
        .select_related("space", "edition")
        .order_by("starts_at", "pk")
    )


# The agenda page


def meetings_of(profile: Profile):
    """The profile's published meetings, each with `counterpart` and `my_side` set."""
    meetings = list(
        Meeting.objects.published()
        .filter(sides__profile=profile, sides__is_active=True)
        .select_related("slot", "table", "lounge__edition", "request__requester", "request__target")
        .order_by("slot__starts_at", "pk")
    )
    sides = {
        side.meeting_id: side
        for side in MeetingSide.objects.filter(profile=profile, meeting__in=meetings)
    }
    for meeting in meetings:
        meeting.counterpart = meeting.request.other_side(profile)
        meeting.my_side = sides.get(meeting.pk)
    return meetings


@dataclass
class Entry:
    starts_at: datetime
    ends_at: datetime
    meeting: Meeting | None = None
    session: Session | None = None
    clashes: list = field(default_factory=list)  # the meetings or sessions it overlaps
    has_started: bool = False


def _overlap(a: Entry, b: Entry) -> bool:
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def agenda_days(meetings, sessions, *, tz, now=None) -> list[tuple[date, list[Entry]]]:
    """Meetings and sessions in one chronological list per day (in `tz`), clashes marked:
    a starred session overlapping a meeting marks both."""
    now = now or timezone.now()
    entries = [Entry(m.slot.starts_at, m.slot.ends_at, meeting=m) for m in meetings]
    entries += [Entry(s.starts_at, s.ends_at, session=s) for s in sessions]
    for entry in entries:
        entry.has_started = entry.starts_at <= now
    meeting_entries = [e for e in entries if e.meeting]
    for session_entry in (e for e in entries if e.session):
        for meeting_entry in meeting_entries:
            if _overlap(session_entry, meeting_entry):
                session_entry.clashes.append(meeting_entry.meeting)
                meeting_entry.clashes.append(session_entry.session)
    entries.sort(key=lambda e: (e.starts_at, e.session is not None, e.ends_at))
    return [
        (day, list(group))
        for day, group in groupby(entries, key=lambda e: e.starts_at.astimezone(tz).date())
    ]


# iCalendar


def when(meeting: Meeting) -> str:
    """ "Wednesday 25 May 2022, 14:00–14:20" in the active language and time zone."""
    start = timezone.localtime(meeting.slot.starts_at)
    end = timezone.localtime(meeting.slot.ends_at)
    day = formats.date_format(start, "l") + " " + formats.date_format(start, "DATE_FORMAT")
    return f"{day}{list_separator()}{start:%H:%M}–{end:%H:%M}"


def table_words(meeting: Meeting) -> str:
    table = _("table %(number)s") % {"number": meeting.table.number}
    return f"{table} ({meeting.table.label})" if meeting.table.label else table


def _sequence(meeting: Meeting) -> int:
    changed = meeting.cancelled_at or meeting.published_at
    return max(0, int((changed - SEQUENCE_EPOCH).total_seconds() // 60))


def meeting_uid(meeting: Meeting) -> str:
    return str(uuid.uuid5(MEETING_NAMESPACE, f"lounge-meeting/{meeting.pk}"))


def meeting_event(meeting: Meeting, *, profile: Profile, cancelled: bool = False) -> Event:
    counterpart = meeting.request.other_side(profile)
    lounge, edition = meeting.lounge, meeting.lounge.edition
    lines = [
        _("Meeting with %(name)s (%(organisation)s).")
        % {"name": counterpart.display_name, "organisation": counterpart.organisation}
    ]
    if meeting.request.message:
        lines.append(meeting.request.message)
    agenda = settings.SITE_URL + reverse("matchmaking:agenda")
    event = Event.new(
        uid=meeting_uid(meeting),
        summary=_("Meeting: %(organisation)s") % {"organisation": counterpart.organisation},
        start=meeting.slot.starts_at.astimezone(UTC),
        end=meeting.slot.ends_at.astimezone(UTC),
        description="\n\n".join(lines),
        location=", ".join(
            part
            for part in (table_words(meeting), lounge.name, edition.venue, edition.city)
            if part
        ),
        url=agenda,
        stamp=timezone.now().astimezone(UTC),
        sequence=_sequence(meeting),
        status="CANCELLED" if cancelled else "CONFIRMED",
        categories=[lounge.name],
    )
    if cancelled:  # iTIP: a CANCEL names its organiser
        _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
        organizer = vCalAddress(f"mailto:{address or 'noreply@localhost'}")
        organizer.params["cn"] = lounge.name
        event.add("organizer", organizer)
    return event


def meeting_ics(meeting: Meeting, *, profile: Profile, cancelled: bool = False) -> bytes:
    """One meeting, for an e-mail attachment (active language and time zone)."""
    calendar = Calendar.new(
        prodid="-//Jemaa//Lounge//EN", method="CANCEL" if cancelled else "PUBLISH"
    )
    calendar.add_component(meeting_event(meeting, profile=profile, cancelled=cancelled))
    return calendar.to_ical()


def agenda_ics(profile: Profile, *, absolute) -> bytes:
    """The feed a calendar app subscribes to: published meetings and starred sessions."""
    calendar = Calendar.new(
        name=_("My meetings – %(lounge)s") % {"lounge": profile.lounge.name},
        prodid="-//Jemaa//Lounge//EN",
        uid=uuid.uuid5(MEETING_NAMESPACE, f"lounge-agenda/{profile.pk}"),
    )
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for meeting in meetings_of(profile):
        calendar.add_component(meeting_event(meeting, profile=profile))
    agenda = Agenda.objects.filter(owner=profile.user).first()
    if agenda is not None:
        sessions = agenda.sessions.public().filter(edition_id=profile.lounge.edition_id)
        for session in with_details(sessions).order_by("starts_at", "pk"):
            calendar.add_component(session_event(session, absolute=absolute))
    return calendar.to_ical()
