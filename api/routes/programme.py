"""Public endpoints: editions, sessions, speakers, and the activities' availability."""

import re
from datetime import date
from typing import Annotated

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import StringConstraints

from activities.availability import SlotState, day_slots
from activities.models import Activity
from api.errors import ApiError, not_found, refuse_unknown_parameters
from api.schemas import (
    ActivityAvailability,
    EditionDetail,
    EditionOut,
    Error,
    PivotOut,
    SessionOut,
    SpaceOut,
    SpeakerOut,
)
from editions.models import Edition, Pivot, Space
from editions.services import current_edition
from programme.models import Session, SessionSpeaker, Speaker
from programme.timetable import Filters

router = Router(tags=["programme"])
ERRORS = {400: Error, 404: Error}
PAGE = ("limit", "offset")
SLUG = r"^[-a-zA-Z0-9_]+$"
Slug = Annotated[str, StringConstraints(max_length=50, pattern=SLUG)]


class Page(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=100, description="At most 100 items a page.")
        offset: int = Field(0, ge=0, le=1_000_000)


def _plausible(pk: int) -> bool:
    """An id the database can hold; a larger one would make it raise, not answer."""
    return 1 <= pk <= 2**31 - 1


def _edition(slug: str | None) -> Edition:
    if not slug:
        return current_edition()
    found = Edition.objects.published().filter(slug=slug).first()
    if found is None:
        raise ApiError(404, "unknown_edition", _("No published edition has this short name."))
    return found


def _edition_out(edition: Edition) -> dict:
    return {
        "slug": edition.slug,
        "name": edition.name,
        "theme": edition.theme,
        "starts_on": edition.starts_on,
        "ends_on": edition.ends_on,
        "time_zone": edition.time_zone,
        "venue": edition.venue,
        "city": edition.city,
        "is_current": edition.is_current,
    }


@router.get("/editions", response={200: list[EditionOut], **ERRORS})
@paginate(Page)
def editions(request):
    refuse_unknown_parameters(request, *PAGE)
    return [_edition_out(e) for e in Edition.objects.published().order_by("-starts_on")]


@router.get("/editions/{slug}", response={200: EditionDetail, **ERRORS})
def edition(request, slug: str):
    refuse_unknown_parameters(request)
    found = _edition(slug if re.fullmatch(SLUG, slug) else "-")
    return {
        **_edition_out(found),
        "pivots": [_pivot_out(p) for p in found.pivots.order_by("position", "pk")],
        "spaces": [_space_out(s) for s in found.spaces.order_by("position", "pk")],
    }


def _pivot_out(pivot: Pivot) -> dict:
    return {
        "slug": pivot.slug,
        "name": pivot.name,
        "colour": pivot.colour,
        "description": pivot.description,
        "keywords": pivot.keyword_list,
    }


def _space_out(space: Space) -> dict:
    return {"slug": space.slug, "name": space.name, "kind": space.kind, "capacity": space.capacity}


@router.get("/pivots", response={200: list[PivotOut], **ERRORS})
@paginate(Page)
def pivots(request, edition: Slug | None = Query(None, description="Default: the current one.")):
    """The edition's thematic axes, in the programme's order."""
    refuse_unknown_parameters(request, *PAGE, "edition")
    return [_pivot_out(p) for p in _edition(edition).pivots.order_by("position", "pk")]


@router.get("/spaces", response={200: list[SpaceOut], **ERRORS})
@paginate(Page)
def spaces(request, edition: Slug | None = Query(None, description="Default: the current one.")):
    """Rooms, halls, lounge tables and the public square of the edition."""
    refuse_unknown_parameters(request, *PAGE, "edition")
    return [_space_out(s) for s in _edition(edition).spaces.order_by("position", "pk")]


class SessionFilters(Schema):
    """As on the timetable page: each filter may be repeated (any of the values)."""

    edition: Slug | None = Field(None, description="Default: the current one.")
    pivot: list[Slug] = Field([], max_length=10)
    kind: list[Session.Kind] = Field([], max_length=10)
    lang: list[Session.Language] = Field([], max_length=3, description="A spoken language.")
    day: date | None = None


def _session_out(session: Session) -> dict:
    return {
        "id": session.pk,
        "edition": session.edition.slug,
        "title": session.title,
        "abstract": session.abstract,
        "kind": session.kind,
        "pivot": session.pivot.slug if session.pivot else None,
        "space": session.space.slug if session.space else None,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "languages": session.language_codes,
        "speakers": [
            {"id": a.speaker_id, "name": a.speaker.name} for a in session.appearances.all()
        ],
    }


def _public_sessions():
    appearances = SessionSpeaker.objects.select_related("speaker").order_by("position", "pk")
    return (
        Session.objects.public()
        .select_related("edition", "pivot", "space")
        .prefetch_related(Prefetch("appearances", queryset=appearances))
    )


@router.get("/sessions", response={200: list[SessionOut], **ERRORS})
@paginate(Page)
def sessions(request, filters: Query[SessionFilters]):
    """The programme, filtered as on the timetable page: pivot, kind, spoken language, day."""
    refuse_unknown_parameters(request, *PAGE, *SessionFilters.model_fields)
    found = _edition(filters.edition)
    chosen = _public_sessions().filter(edition=found)
    if set(filters.pivot) - set(found.pivots.values_list("slug", flat=True)):
        raise ApiError(400, "unknown_pivot", _("This edition has no pivot with this name."))
    if filters.day:
        if filters.day not in found.days:
            raise ApiError(400, "unknown_day", _("This day is not a day of the edition."))
        start, end = found.day_bounds(filters.day)
        chosen = chosen.filter(starts_at__gte=start, starts_at__lt=end)
    timetable = Filters(
        pivots=tuple(filters.pivot), kinds=tuple(filters.kind), languages=tuple(filters.lang)
    )
    return [_session_out(s) for s in timetable.apply(chosen.order_by("starts_at", "pk"))]


@router.get("/sessions/{session_id}", response={200: SessionOut, **ERRORS})
def session(request, session_id: int):
    refuse_unknown_parameters(request)
    found = _public_sessions().filter(pk=session_id).first() if _plausible(session_id) else None
    if found is None:
        raise not_found()
    return _session_out(found)


def _speaker_out(speaker: Speaker) -> dict:
    return {
        "id": speaker.pk,
        "name": speaker.name,
        "organisation": speaker.organisation,
        "position": speaker.position,
        "biography": speaker.biography,
        "city": speaker.city,
        "country": speaker.country,
    }


@router.get("/speakers", response={200: list[SpeakerOut], **ERRORS})
@paginate(Page)
def speakers(request, edition: str | None = Query(None, max_length=50, pattern=SLUG)):
    refuse_unknown_parameters(request, *PAGE, "edition")
    found = _edition(edition)
    return [_speaker_out(s) for s in Speaker.objects.public(edition=found).order_by("name", "pk")]


@router.get("/speakers/{speaker_id}", response={200: SpeakerOut, **ERRORS})
def speaker(request, speaker_id: int):
    refuse_unknown_parameters(request)
    found = (
        Speaker.objects.public().filter(pk=speaker_id).first() if _plausible(speaker_id) else None
    )
    if found is None:
        raise not_found()
    return _speaker_out(found)


class AvailabilityFilters(Schema):
    """As on the public activities page."""

    day: date | None = Field(
        None, description="Default: today during the edition, else its first day."
    )
    kind: Activity.Kind | None = None
    wheelchair: bool = Field(False, description="Only wheelchair-accessible activities.")


def _day_of(edition: Edition, day: date | None) -> date:
    if day is None:
        today = timezone.localdate(timezone=edition.tz)
        return today if today in edition.days else edition.days[0]
    if day not in edition.days:
        raise ApiError(400, "unknown_day", _("This day is not a day of the edition."))
    return day


@router.get("/activities/availability", response={200: list[ActivityAvailability], **ERRORS})
def availability(request, filters: Query[AvailabilityFilters]):
    """Per public activity of the current edition, its slots of the day and their state."""
    refuse_unknown_parameters(request, *AvailabilityFilters.model_fields)
    edition = current_edition()
    slots = day_slots(edition, _day_of(edition, filters.day))
    if filters.kind:
        slots = slots.filter(activity__kind=filters.kind)
    if filters.wheelchair:
        slots = slots.filter(activity__wheelchair_accessible=True)
    now = timezone.now()
    rows = {}
    slots = slots.select_related("activity__edition__public_programme").order_by(
        "activity__position", "starts_at"
    )
    for slot in slots:
        state = SlotState.of(slot, now)
        rows.setdefault(slot.activity, []).append(
            {
                "id": slot.pk,
                "starts_at": slot.starts_at,
                "ends_at": slot.ends_at,
                "capacity": slot.capacity,
                "places_left": slot.places_left,
                "state": state.state,
            }
        )
    return [{"slug": a.slug, "title": a.title, "kind": a.kind, "slots": s} for a, s in rows.items()]
