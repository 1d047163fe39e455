"""The frab / c3voc conference schedule, as JSON and as XML.

Conference apps (Giggity, EventFahrplan), pretalx and video-recording systems
read this format. The JSON document (c3voc schema v1) is built first; the XML
(frab's schedule.xml) is rendered from it, so both always say the same thing.
Both must validate against the schemas in `shared/schemas/`.

Strings are read in the active language: callers wrap the build in
`translation.override(...)`.
"""

import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from xml.etree import ElementTree as ET

from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from editions.models import Edition, Pivot, Space
from programme.models import Session
from programme.versions import version_string

from .common import (
    Absolute,
    clean_text,
    local_iso,
    public_sessions,
    session_url,
    speaker_url,
)

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
GENERATOR = {"name": "Jemaa"}
# The grid step apps draw; five minutes fits any start time an organiser types.
TIMESLOT_DURATION = "00:05"
# Fixed once for Jemaa: room guids derived from it survive a re-import of the data.
ROOM_NAMESPACE = uuid.UUID("0c9d6f53-2f8e-4f0e-9a55-6f1f3c2b8e41")
ROOM_TYPES = {Space.Kind.ROOM: "lecturehall", Space.Kind.PUBLIC_SQUARE: "outside"}
# What a room or track slug may hold to satisfy both schemas.
SLUG_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


# --- JSON -----------------------------------------------------------------


def edition_schedule(edition: Edition, *, absolute: Absolute) -> dict:
    """The edition's published programme."""
    return schedule(edition, public_sessions(edition), absolute=absolute)


def schedule(edition: Edition, sessions: Iterable[Session], *, absolute: Absolute) -> dict:
    """The whole schedule document, ready for `json.dumps`."""
    sessions = list(sessions)
    rooms = schedule_rooms(edition, sessions)
    days = schedule_days(edition, sessions)
    conference = {
        "acronym": acronym(edition),
        "title": edition.name,
        "start": days[0].isoformat(),
        "end": days[-1].isoformat(),
        "daysCount": len(days),
        "timeslot_duration": TIMESLOT_DURATION,
        "time_zone_name": edition.time_zone,
        "url": edition.website or absolute(reverse("programme:timetable")),
        "tracks": [track(pivot) for pivot in edition.pivots.all()],
        "rooms": [room for _key, room in rooms],
        "days": day_entries(edition, sessions, days=days, rooms=rooms, absolute=absolute),
    }
    return {
        "$schema": SCHEMA_URL,
        "generator": GENERATOR,
        "schedule": {
            "version": content_version(edition, conference),
            "base_url": absolute("/"),
            "conference": conference,
        },
    }


def acronym(edition: Edition) -> str:
    # The JSON schema allows no hyphen inside an acronym, and the XML slugs
    # built on it must start with four such characters: "scc-2022" → "scc_2022".
    return edition.slug.lower().replace("-", "_").ljust(4, "_")


def content_version(edition: Edition, conference: dict) -> str:
    """Changes exactly when the exported content changes, so apps know to reload;
    led by the schedule's published version number ("3-…") once there is one."""
    content = json.dumps(conference, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(content.encode()).hexdigest()[:16]
    published = version_string(edition)
    return f"{published}-{digest}" if published else digest


def schedule_days(edition: Edition, sessions: list[Session]) -> list[date]:
    # A session moved outside the edition's dates must still be exported, not lost.
    session_days = {session.starts_at.astimezone(edition.tz).date() for session in sessions}
    return sorted(set(edition.days) | session_days)


def schedule_rooms(edition: Edition, sessions: list[Session]) -> list[tuple[int | None, dict]]:
    """The spaces that host an exported session, in the venue's order.

    Returns `(space id, room)` pairs; a session without a space yet goes to
    one "to be announced" room, keyed `None`.
    """
    spaces = {session.space_id: session.space for session in sessions if session.space}
    ordered = sorted(spaces.values(), key=lambda space: (space.position, space.slug))
    rooms = [(space.pk, room(edition, space)) for space in ordered]
    if any(session.space_id is None for session in sessions):
        rooms.append((None, unassigned_room(edition)))
    return rooms


def room(edition: Edition, space: Space) -> dict:
    entry = {
        "name": space.name,
        "guid": str(uuid.uuid5(ROOM_NAMESPACE, f"{edition.slug}/{space.slug}")),
        "type": ROOM_TYPES.get(space.kind, "other"),
        "capacity": space.capacity,
        "description": space.description or None,
    }
    if is_schema_slug(space.slug):
        entry["slug"] = space.slug
    return entry


def unassigned_room(edition: Edition) -> dict:
    return {
        "name": _("Place to be announced"),
        "guid": str(uuid.uuid5(ROOM_NAMESPACE, f"{edition.slug}/")),
        "type": "other",
    }


def track(pivot: Pivot) -> dict:
    entry = {"name": pivot.name, "color": pivot.colour.lower()}
    if is_schema_slug(pivot.slug):
        entry["slug"] = pivot.slug
    return entry


def is_schema_slug(slug: str) -> bool:
    """Lowercase letters, digits and inner hyphens, starting with a letter:
    what both schemas accept. Other slugs are left out, as they may be."""
    return (
        len(slug) >= 2
        and set(slug) <= SLUG_CHARACTERS
        and slug[0].isalpha()
        and not slug.endswith("-")
    )


def day_entries(
    edition: Edition,
    sessions: list[Session],
    *,
    days: list[date],
    rooms: list[tuple[int | None, dict]],
    absolute: Absolute,
) -> list[dict]:
    """Each day with every room, so apps draw the same columns every day."""
    names = {key: entry["name"] for key, entry in rooms}
    events = defaultdict(list)
    for session in sessions:
        day = session.starts_at.astimezone(edition.tz).date()
        room_name = names[session.space_id]
        events[day, room_name].append(event(session, room_name=room_name, absolute=absolute))
    entries = []
    for index, day in enumerate(days, start=1):
        start, end = edition.day_bounds(day)
        entries.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": start.isoformat(),
                "day_end": end.isoformat(),
                "rooms": {entry["name"]: events[day, entry["name"]] for _key, entry in rooms},
            }
        )
    return entries


def event(session: Session, *, room_name: str, absolute: Absolute) -> dict:
    edition = session.edition
    return {
        "guid": str(session.guid),
        "id": session.pk,
        "date": local_iso(session.starts_at, edition),
        "start": session.starts_at.astimezone(edition.tz).strftime("%H:%M"),
        "end": local_iso(session.ends_at, edition),
        "duration": hours_minutes(session.duration_minutes),
        "room": room_name,
        "slug": event_slug(session),
        "url": session_url(session, absolute=absolute),
        "title": session.title,
        "subtitle": "",
        "track": session.pivot.name if session.pivot else None,
        "type": session.kind,
        # The format holds one language; the first listed is the main one.
        "language": session.language_codes[0] if session.language_codes else None,
        "abstract": session.abstract,
        "description": "",
        "persons": persons(session, absolute=absolute),
        "links": links(session),
        "attachments": [],
    }


def hours_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def event_slug(session: Session) -> str:
    """`<acronym>-<id>-<french title>`: unique, stable across languages, and
    of the shape c3voc's `voc-slug-new` asks for."""
    title = slugify(session.title_fr)[:50].strip("-_") or "session"
    return f"{acronym(session.edition)}-{session.pk}-{title}"


def persons(session: Session, *, absolute: Absolute) -> list[dict]:
    # pretalx's person shape (name, no public_name): the schema wants exactly
    # one of the frab or pretalx shapes to match.
    return [
        {
            "id": appearance.speaker_id,
            "name": appearance.speaker.name,
            "biography": appearance.speaker.biography or None,
            "url": speaker_url(appearance, absolute=absolute),
        }
        for appearance in session.appearances.all()
    ]


def links(session: Session) -> list[dict]:
    found = [
        (session.livestream_url, _("Livestream")),
        (session.replay_url, _("Replay")),
    ]
    return [{"type": "media", "url": url, "title": title} for url, title in found if url]


# --- XML ------------------------------------------------------------------


def schedule_xml(document: dict, *, url: str) -> bytes:
    """frab's schedule.xml, rendered from the JSON document."""
    body = document["schedule"]
    conference = body["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=document["generator"]["name"])
    text_element(root, "url", url)
    text_element(root, "version", body["version"])
    conference_element(root, conference, base_url=body["base_url"])
    guids = {entry["name"]: entry["guid"] for entry in conference["rooms"]}
    for day in conference["days"]:
        day_element(root, day, guids=guids)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def text_element(parent: ET.Element, tag: str, value: object, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = clean_text(str(value)) if value is not None else ""
    return element


def conference_element(root: ET.Element, conference: dict, *, base_url: str) -> None:
    element = ET.SubElement(root, "conference")
    for key in ("acronym", "title", "start", "end"):
        text_element(element, key, conference[key])
    text_element(element, "days", conference["daysCount"])
    for key in ("timeslot_duration", "time_zone_name"):
        text_element(element, key, conference[key])
    text_element(element, "base_url", base_url)
    text_element(element, "url", conference["url"])
    for entry in conference["tracks"]:
        ET.SubElement(element, "track", {key: clean_text(value) for key, value in entry.items()})


def day_element(root: ET.Element, day: dict, *, guids: dict[str, str]) -> None:
    element = ET.SubElement(
        root,
        "day",
        index=str(day["index"]),
        date=day["date"],
        start=day["day_start"],
        end=day["day_end"],
    )
    for name, events in day["rooms"].items():
        room_element = ET.SubElement(element, "room", name=clean_text(name), guid=guids[name])
        for entry in events:
            event_element(room_element, entry)


# Event fields carried over as they are; `end` has no place in the XML.
XML_EVENT_FIELDS = (
    "room",
    "title",
    "subtitle",
    "type",
    "date",
    "start",
    "duration",
    "abstract",
    "slug",
    "track",
    "language",
    "description",
    "url",
)


def event_element(room_element: ET.Element, entry: dict) -> None:
    element = ET.SubElement(room_element, "event", guid=entry["guid"], id=str(entry["id"]))
    for key in XML_EVENT_FIELDS:
        text_element(element, key, entry[key])
    people = ET.SubElement(element, "persons")
    for person in entry["persons"]:
        text_element(people, "person", person["name"], id=str(person["id"]))
    references = ET.SubElement(element, "links")
    for link in entry["links"]:
        text_element(references, "link", link["title"], href=link["url"], type=link["type"])
    ET.SubElement(element, "attachments")
