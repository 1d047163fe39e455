"""Plain records describing the demo content, one per model.

Text shown in three languages is a `Tr(fr, ar, en)`; only French is required,
as in the models, and the site falls back to French when a language is empty.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db import transaction
from django.db.models import Max

from core.models import OutboxEmail


class Tr(NamedTuple):
    fr: str
    ar: str = ""
    en: str = ""


def per_language(base: str, text: Tr) -> dict[str, str]:
    """`{"title_fr": …, "title_ar": …, "title_en": …}` for a model's fields."""
    return {f"{base}_{code}": value for code, value in text._asdict().items()}


@dataclass(frozen=True)
class DemoPivot:
    slug: str
    colour: str
    name: Tr
    description: Tr
    keywords: Tr


@dataclass(frozen=True)
class DemoSpace:
    slug: str
    kind: str
    capacity: int | None
    name: Tr
    description: Tr


@dataclass(frozen=True)
class DemoPartner:
    name: str
    role: str


@dataclass(frozen=True)
class DemoSpeaker:
    name: str
    organisation: str
    city: str
    country: str
    position: Tr
    biography: Tr


@dataclass(frozen=True)
class DemoSession:
    """A session; `key` is stable across runs and gives the session its guid."""

    key: str
    day: int  # 1 for the edition's first day
    start: str  # "HH:MM", local time of the edition
    end: str
    space: str
    kind: str
    pivot: str | None
    title: Tr
    abstract: Tr
    languages: str = "fr"
    moderator: str | None = None
    speakers: tuple[str, ...] = ()
    panelists: tuple[str, ...] = ()
    livestream: bool = False
    replay: bool = False


@dataclass(frozen=True)
class DemoEdition:
    slug: str
    name: Tr
    theme: Tr
    objective: Tr
    starts_on: date
    ends_on: date
    venue: str
    city: str
    address: str
    organiser: str
    is_current: bool
    pivots: tuple[DemoPivot, ...]
    spaces: tuple[DemoSpace, ...]
    partners: tuple[DemoPartner, ...]
    sessions: tuple[DemoSession, ...]


@contextmanager
def fictional_people() -> Iterator[None]:
    """One transaction in which the demo plays its fictional people through the real
    services, which owe them e-mails (confirmations, meetings, bookings): the e-mails
    owed inside it are taken back before the commit, so none is ever sent, whatever
    the mail backend and whenever the commit's callbacks run."""
    with transaction.atomic():
        before = OutboxEmail.objects.aggregate(last=Max("pk"))["last"] or 0
        yield
        OutboxEmail.objects.filter(pk__gt=before, sent_at=None).delete()
