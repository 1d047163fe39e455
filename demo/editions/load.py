"""Write the demo editions to the database, identically on every run.

Every row is found again by a stable key (edition slug; pivot, space and
partner by edition and slug or name; speaker by name; session by a guid
derived from its demo key), so a second run updates rows in place instead of
adding new ones. Rows of the demo editions that the data no longer lists are
removed, so the database always ends up holding exactly the data below.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction

from demo.editions.edition_2021 import EDITION_2021
from demo.editions.edition_2022 import EDITION_2022
from demo.programme.speakers_artists import ARTISTS
from demo.programme.speakers_experts import EXPERTS
from demo.programme.speakers_field import FIELD
from demo.programme.speakers_public import PUBLIC
from demo.records import DemoEdition, DemoSession, DemoSpeaker, per_language
from editions.models import Edition, Partner, Pivot, Space
from programme.models import Session, SessionSpeaker, Speaker

# Past edition first: the current one then takes the "current" flag last.
EDITIONS = (EDITION_2021, EDITION_2022)
SPEAKERS = PUBLIC + EXPERTS + FIELD + ARTISTS

# Fixed forever: a session's guid is what calendar apps and frab exports use
# to recognise it, so it must not change between runs or installations.
DEMO_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://jemaa.example.org/demo/sessions")
LIVE_BASE = "https://live.example.org"


class DemoDataError(Exception):
    """The demo data refers to something it does not define."""


@dataclass(frozen=True)
class LoadSummary:
    editions: int
    speakers: int
    sessions: int
    current: Edition
    current_sessions: int


def load_demo() -> LoadSummary:
    with transaction.atomic():
        speakers = {record.name: save_speaker(record) for record in SPEAKERS}
        editions = [save_edition(record, speakers=speakers) for record in EDITIONS]
    current = next(edition for edition in editions if edition.is_current)
    return LoadSummary(
        editions=len(editions),
        speakers=len(speakers),
        sessions=Session.objects.filter(edition__in=editions).count(),
        current=current,
        current_sessions=current.sessions.count(),
    )


def session_guid(edition_slug: str, key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"{edition_slug}/{key}")


def save_speaker(record: DemoSpeaker) -> Speaker:
    speaker, _created = Speaker.objects.update_or_create(
        name=record.name,
        defaults={
            "organisation": record.organisation,
            "city": record.city,
            "country": record.country,
            **per_language("position", record.position),
            **per_language("biography", record.biography),
        },
    )
    return speaker


def save_edition(record: DemoEdition, *, speakers: dict[str, Speaker]) -> Edition:
    if record.is_current:
        # One current edition at most (a database constraint): the demo's takes the place.
        Edition.objects.filter(is_current=True).exclude(slug=record.slug).update(is_current=False)
    edition, _created = Edition.objects.update_or_create(
        slug=record.slug, defaults=edition_fields(record)
    )
    pivots = {pivot.slug: save_pivot(edition, pivot, n) for n, pivot in enumerate(record.pivots)}
    spaces = {space.slug: save_space(edition, space, n) for n, space in enumerate(record.spaces)}
    for position, partner in enumerate(record.partners):
        Partner.objects.update_or_create(
            edition=edition,
            name=partner.name,
            defaults={"role": partner.role, "position": position, "logo": "", "website": ""},
        )
    for session in record.sessions:
        save_session(edition, session, pivots=pivots, spaces=spaces, speakers=speakers)
    remove_unlisted(edition, record)
    return edition


def edition_fields(record: DemoEdition) -> dict:
    return {
        **per_language("name", record.name),
        **per_language("theme", record.theme),
        **per_language("objective", record.objective),
        "starts_on": record.starts_on,
        "ends_on": record.ends_on,
        "time_zone": "Africa/Casablanca",
        "venue": record.venue,
        "city": record.city,
        "address": record.address,
        "organiser": record.organiser,
        "website": "",
        "is_current": record.is_current,
        "is_published": True,
    }


def save_pivot(edition: Edition, record, position: int) -> Pivot:
    pivot, _created = Pivot.objects.update_or_create(
        edition=edition,
        slug=record.slug,
        defaults={
            "position": position,
            "colour": record.colour,
            **per_language("name", record.name),
            **per_language("description", record.description),
            **per_language("keywords", record.keywords),
        },
    )
    return pivot


def save_space(edition: Edition, record, position: int) -> Space:
    space, _created = Space.objects.update_or_create(
        edition=edition,
        slug=record.slug,
        defaults={
            "kind": record.kind,
            "position": position,
            "capacity": record.capacity,
            **per_language("name", record.name),
            **per_language("description", record.description),
        },
    )
    return space


def save_session(edition: Edition, record: DemoSession, *, pivots, spaces, speakers) -> Session:
    starts_at, ends_at = session_times(edition, record)
    session, _created = Session.objects.update_or_create(
        guid=session_guid(edition.slug, record.key),
        defaults={
            "edition": edition,
            "kind": record.kind,
            "pivot": known(pivots, record.pivot, record.key) if record.pivot else None,
            "space": known(spaces, record.space, record.key),
            "starts_at": starts_at,
            "ends_at": ends_at,
            **per_language("title", record.title),
            **per_language("abstract", record.abstract),
            "languages": record.languages,
            "livestream_url": stream_link(edition, record) if record.livestream else "",
            "replay_url": stream_link(edition, record, replay=True) if record.replay else "",
            "is_published": True,
        },
    )
    set_cast(session, cast_of(record), speakers=speakers, key=record.key)
    return session


def stream_link(edition: Edition, record: DemoSession, *, replay: bool = False) -> str:
    path = f"{edition.slug}/replay/{record.key}" if replay else f"{edition.slug}/{record.key}"
    return f"{LIVE_BASE}/{path}"


def session_times(edition: Edition, record: DemoSession) -> tuple[datetime, datetime]:
    day = edition.starts_on + timedelta(days=record.day - 1)
    return tuple(
        datetime.combine(day, time.fromisoformat(clock), tzinfo=edition.tz)
        for clock in (record.start, record.end)
    )


def cast_of(record: DemoSession) -> list[tuple[str, str]]:
    """Names and roles in the order shown: moderator, then speakers, then panelists."""
    moderator = [(record.moderator, SessionSpeaker.Role.MODERATOR)] if record.moderator else []
    return (
        moderator
        + [(name, SessionSpeaker.Role.SPEAKER) for name in record.speakers]
        + [(name, SessionSpeaker.Role.PANELIST) for name in record.panelists]
    )


def set_cast(session: Session, cast, *, speakers: dict[str, Speaker], key: str) -> None:
    wanted = [
        (known(speakers, name, key).pk, role, position)
        for position, (name, role) in enumerate(cast)
    ]
    current = list(
        session.appearances.order_by("position").values_list("speaker_id", "role", "position")
    )
    if current == wanted:
        return  # unchanged: keep the rows (and their ids) as they are
    session.appearances.all().delete()
    SessionSpeaker.objects.bulk_create(
        SessionSpeaker(session=session, speaker_id=speaker_id, role=role, position=position)
        for speaker_id, role, position in wanted
    )


def known(objects: dict, key: str, where: str):
    try:
        return objects[key]
    except KeyError:
        raise DemoDataError(f"Session {where!r} refers to unknown {key!r}.") from None


def remove_unlisted(edition: Edition, record: DemoEdition) -> None:
    # Sessions go first: pivots and spaces are protected while a session uses them.
    guids = [session_guid(edition.slug, session.key) for session in record.sessions]
    edition.sessions.exclude(guid__in=guids).delete()
    edition.pivots.exclude(slug__in=[pivot.slug for pivot in record.pivots]).delete()
    edition.spaces.exclude(slug__in=[space.slug for space in record.spaces]).delete()
    edition.partners.exclude(name__in=[partner.name for partner in record.partners]).delete()
