"""Public endpoints: editions, sessions, speakers, and the activities' availability."""

import re
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from activities.availability import SlotState, day_slots
from api.errors import ApiError, not_found, refuse_unknown_parameters
from api.schemas import (ActivityAvailability, EditionDetail, EditionOut, Error, SessionOut,
                         SpeakerOut)
from editions.models import Edition
from editions.services import current_edition
from programme.models import Session, SessionSpeaker, Speaker

router = Router(tags=["programme"])
ERRORS = {400: Error, 404: Error}
PAGE = ("limit", "offset")
SLUG = r"^[-a-zA-Z0-9_]+$"


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
    return {"slug": edition.slug, "name": edition.name, "theme": edition.theme,
            "starts_on": edition.starts_on, "ends_on": edition.ends_on,
            "time_zone": edition.time_zone, "venue": edition.venue, "city": edition.city,
            "is_current": edition.is_current}


@router.get("/editions", response={200: list[EditionOut], **ERRORS})
@paginate(Page)
def editions(request):
    refuse_unknown_parameters(request, *PAGE)
    return [_edition_out(e) for e in Edition.objects.published().order_by("-starts_on")]


@router.get("/editions/{slug}", response={200: EditionDetail, **ERRORS})
def edition(request, slug: str):
    refuse_unknown_parameters(request)
    found = _edition(slug if re.fullmatch(SLUG, slug) else "-")
    return {**_edition_out(found),
            "pivots": [{"slug": p.slug, "name": p.name, "colour": p.colour}
                       for p in found.pivots.order_by("position", "pk")],
            "spaces": [{"slug": s.slug, "name": s.name, "kind": s.kind, "capacity": s.capacity}
                       for s in found.spaces.order_by("position", "pk")]}


class SessionFilters(Schema):
    edition: str | None = Field(None, max_length=50, pattern=SLUG,
                                description="Default: the current one.")
    pivot: str | None = Field(None, max_length=50, pattern=SLUG)
    kind: Session.Kind | None = None
    lang: Session.Language | None = Field(None, description="A spoken language.")
    day: date | None = None


def _session_out(session: Session) -> dict:
    return {"id": session.pk, "edition": session.edition.slug, "title": session.title,
            "abstract": session.abstract, "kind": session.kind,
            "pivot": session.pivot.slug if session.pivot else None,
            "space": session.space.slug if session.space else None,
            "starts_at": session.starts_at, "ends_at": session.ends_at,
            "languages": session.language_codes,
            "speakers": [{"id": a.speaker_id, "name": a.speaker.name}
                         for a in session.appearances.all()]}


def _published_sessions():
    appearances = SessionSpeaker.objects.select_related("speaker").order_by("position", "pk")
    return (Session.objects.published().filter(edition__is_published=True)
            .select_related("edition", "pivot", "space")
            .prefetch_related(Prefetch("appearances", queryset=appearances)))


@router.get("/sessions", response={200: list[SessionOut], **ERRORS})
@paginate(Page)
def sessions(request, filters: Query[SessionFilters]):
    """The programme, filtered as on the timetable page: pivot, kind, spoken language, day."""
    refuse_unknown_parameters(request, *PAGE, *SessionFilters.model_fields)
    found = _edition(filters.edition)
    chosen = _published_sessions().filter(edition=found)
    if filters.pivot:
        if not found.pivots.filter(slug=filters.pivot).exists():
            raise ApiError(400, "unknown_pivot", _("This edition has no pivot with this name."))
        chosen = chosen.filter(pivot__slug=filters.pivot)
    if filters.kind:
        chosen = chosen.filter(kind=filters.kind)
    if filters.lang:
        chosen = chosen.filter(languages__contains=filters.lang)
    if filters.day:
        if filters.day not in found.days:
            raise ApiError(400, "unknown_day", _("This day is not a day of the edition."))
        start, end = found.day_bounds(filters.day)
        chosen = chosen.filter(starts_at__gte=start, starts_at__lt=end)
    return [_session_out(s) for s in chosen.order_by("starts_at", "pk")]


@router.get("/sessions/{session_id}", response={200: SessionOut, **ERRORS})
def session(request, session_id: int):
    refuse_unknown_parameters(request)
    found = _published_sessions().filter(pk=session_id).first() if _plausible(session_id) else None
    if found is None:
        raise not_found()
    return _session_out(found)


def _speaker_out(speaker: Speaker) -> dict:
    return {"id": speaker.pk, "name": speaker.name, "organisation": speaker.organisation,
            "position": speaker.position, "biography": speaker.biography,
            "city": speaker.city, "country": speaker.country}


def _public_speakers():
    return Speaker.objects.filter(sessions__is_published=True,
                                  sessions__edition__is_published=True).distinct()


@router.get("/speakers", response={200: list[SpeakerOut], **ERRORS})
@paginate(Page)
def speakers(request, edition: str | None = Query(None, max_length=50, pattern=SLUG)):
    refuse_unknown_parameters(request, *PAGE, "edition")
    found = _edition(edition)
    return [_speaker_out(s) for s in
            _public_speakers().filter(sessions__edition=found).order_by("name", "pk")]


@router.get("/speakers/{speaker_id}", response={200: SpeakerOut, **ERRORS})
def speaker(request, speaker_id: int):
    refuse_unknown_parameters(request)
    found = _public_speakers().filter(pk=speaker_id).first() if _plausible(speaker_id) else None
    if found is None:
        raise not_found()
    return _speaker_out(found)


@router.get("/activities/availability", response={200: list[ActivityAvailability], **ERRORS})
def availability(request, day: date | None = None):
    """Per public activity of the current edition, its slots of the day and their state."""
    refuse_unknown_parameters(request, "day")
    edition = current_edition()
    day = day or timezone.localdate(timezone=edition.tz)
    if day not in edition.days:
        raise ApiError(400, "unknown_day", _("This day is not a day of the edition."))
    now = timezone.now()
    rows = {}
    slots = day_slots(edition, day).select_related(
        "activity__edition__public_programme").order_by("activity__position", "starts_at")
    for slot in slots:
        state = SlotState.of(slot, now)
        rows.setdefault(slot.activity, []).append(
            {"id": slot.pk, "starts_at": slot.starts_at, "ends_at": slot.ends_at,
             "capacity": slot.capacity, "places_left": slot.places_left, "state": state.state})
    return [{"slug": a.slug, "title": a.title, "kind": a.kind, "slots": s}
            for a, s in rows.items()]
