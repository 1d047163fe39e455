"""The programme and personal agendas as iCalendar (RFC 5545), via `icalendar`.

Every string is read in the active language: callers wrap the build in
`translation.override(...)`.
"""

import uuid
from collections.abc import Iterable
from datetime import UTC, timedelta

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from editions.models import Edition, Pivot
from programme.models import Agenda, Session, SessionSpeaker

from .common import Absolute, public_sessions, session_url, with_details

# Fixed once for Jemaa: calendar UIDs derived from it stay the same from one
# download to the next, so a subscribed client recognises its calendar.
CALENDAR_NAMESPACE = uuid.UUID("6549b12b-5d93-49f9-928a-6a0d0b8451b6")
# Subscribed clients re-fetch about this often (RFC 7986 REFRESH-INTERVAL).
REFRESH_INTERVAL = timedelta(hours=1)


def programme_calendar(edition: Edition, *, pivot: Pivot | None, absolute: Absolute) -> bytes:
    """The edition's published programme, or one pivot of it."""
    sessions = public_sessions(edition)
    name, key = edition.name, f"programme/{edition.slug}"
    if pivot is not None:
        sessions = sessions.filter(pivot=pivot)
        name, key = f"{edition.name} – {pivot.name}", f"{key}/{pivot.slug}"
    return calendar_bytes(sessions, name=name, key=key, absolute=absolute)


def agenda_calendar(agenda: Agenda, *, absolute: Absolute) -> bytes:
    """The sessions a visitor starred, while they stay published."""
    sessions = agenda.sessions.public()
    return calendar_bytes(
        with_details(sessions), name=_("My agenda"), key=f"agenda/{agenda.pk}", absolute=absolute
    )


def calendar_bytes(
    sessions: Iterable[Session], *, name: str, key: str, absolute: Absolute
) -> bytes:
    """One VEVENT per session."""
    calendar = Calendar.new(
        name=name,
        prodid="-//Jemaa//Programme//EN",
        uid=uuid.uuid5(CALENDAR_NAMESPACE, key),
    )
    # RFC 7986 requires VALUE=DURATION, which `Calendar.new(refresh_interval=)`
    # leaves out; Outlook and Apple Calendar read X-PUBLISHED-TTL instead.
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for session in sessions:
        calendar.add_component(session_event(session, absolute=absolute))
    return calendar.to_ical()


def session_event(session: Session, *, absolute: Absolute) -> Event:
    # Times go out in UTC, not with TZID=Africa/Casablanca and a VTIMEZONE:
    # Morocco leaves UTC+1 for UTC+0 every Ramadan on dates set by decree;
    # icalendar 7.3.2's `add_missing_timezones()` drops some of those switches
    # (2019 and 2024 over its default range, 2023 in a window around the
    # event), and a device's own tz database may be stale.
    # A UTC instant is right everywhere; every client shows it in local time.
    return Event.new(
        uid=str(session.guid),
        summary=session.title,
        start=session.starts_at.astimezone(UTC),
        end=session.ends_at.astimezone(UTC),
        description=event_description(session),
        location=event_location(session),
        url=session_url(session, absolute=absolute),
        categories=[name for name in (pivot_name(session), session.get_kind_display()) if name],
    )


def pivot_name(session: Session) -> str:
    return session.pivot.name if session.pivot else ""


def event_location(session: Session) -> str:
    edition = session.edition
    places = [session.space.name if session.space else "", edition.venue, edition.city]
    return ", ".join(place for place in places if place)


def event_description(session: Session) -> str:
    """Abstract first, then what a calendar entry has no field for."""
    lines = [session.abstract.strip()] if session.abstract.strip() else []
    speakers = session.appearances.all()
    if speakers:
        credits = ", ".join(speaker_credit(appearance) for appearance in speakers)
        lines.append(_("Speakers: %(names)s") % {"names": credits})
    lines.append(_("Languages: %(names)s") % {"names": ", ".join(session.language_names)})
    if session.livestream_url:
        lines.append(_("Livestream: %(url)s") % {"url": session.livestream_url})
    if session.replay_url:
        lines.append(_("Replay: %(url)s") % {"url": session.replay_url})
    return "\n\n".join(lines)


def speaker_credit(appearance: SessionSpeaker) -> str:
    """`Name (moderator)`; a plain speaker needs no role after the name."""
    name = appearance.speaker.name
    if appearance.role == SessionSpeaker.Role.SPEAKER:
        return name
    return f"{name} ({appearance.get_role_display()})"
