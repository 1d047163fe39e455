"""Prepare the next edition from this one: a copy of an edition's structure.

Most of an edition's structure lives in apps above this one (passes, the
village's call, the lounge, the public programme, mailings). Each app registers
a copier in its AppConfig.ready(); `copy_edition` runs them in the order their
apps are installed (the layers' order), inside one transaction, so a copier
finds in `EditionCopy` the new objects of the apps below it (pivots, spaces,
sessions) to point its own foreign keys to.

No copier copies a person's data: registrations, applications, reviews,
bookings, requests, meetings, questions, votes, ideas, consents, accounts and
e-mail addresses stay with the edition they were given to.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, validate_slug
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext

from core.errors import RuleError
from core.i18n import LANGUAGE_CODES
from editions.models import Edition, Partner, Pivot, Space

M = TypeVar("M", bound=models.Model)


class EditionCopyError(RuleError):
    """The copy was refused; `message` is translated, `code` is for machines."""


@dataclass
class EditionCopy:
    """One copy under way: the two editions and the new objects made so far."""

    source: Edition
    edition: Edition
    with_sessions: bool
    # What each source object became, by model and primary key.
    made: dict[type[models.Model], dict[Any, models.Model]] = field(default_factory=dict)

    @property
    def gap(self) -> timedelta:
        return self.edition.starts_on - self.source.starts_on

    def shift(self, moment: datetime | None) -> datetime | None:
        """The same wall-clock time, the gap's number of days later, in the edition's
        time zone (a daylight-saving change in between leaves 10:00 at 10:00)."""
        if moment is None:
            return None
        local = moment.astimezone(self.source.tz).replace(tzinfo=None) + self.gap
        return local.replace(tzinfo=self.edition.tz)

    def new(self, model: type[M], pk: Any) -> M | None:
        """The copy of the `model` object `pk`, or None (no object, or not copied)."""
        if pk is None:
            return None
        return self.made.get(model, {}).get(pk)  # type: ignore[return-value]

    def save_all(self, pairs: Iterable[tuple[M, M]]) -> list[M]:
        """Create the copies of (source object, copy) pairs at once and remember them."""
        pairs = list(pairs)
        if not pairs:
            return []
        model = type(pairs[0][0])
        created = model._default_manager.bulk_create([copy for _old, copy in pairs])
        known = self.made.setdefault(model, {})
        for (old, _copy), new in zip(pairs, created, strict=True):
            known[old.pk] = new
        return created


def clone(instance: M, **changes: Any) -> M:
    """An unsaved copy of `instance` with every column but its key, then `changes`
    (by field name). Anything unique or secret must be given again in `changes`."""
    values = {}
    for model_field in instance._meta.concrete_fields:
        if model_field.primary_key:
            continue
        if model_field.name in changes:
            values[model_field.name] = changes.pop(model_field.name)
        else:
            values[model_field.attname] = getattr(instance, model_field.attname)
    if changes:
        raise TypeError(f"{type(instance).__name__} has no field {', '.join(changes)}")
    return type(instance)(**values)


@dataclass(frozen=True)
class Copier:
    # What the copier makes, as "app_label.ModelName": the models copied with an edition.
    models: tuple[str, ...]
    # Copies the source's objects of those models into the new edition; returns their count.
    copy: Callable[[EditionCopy], int]


_copiers: list[Copier] = []


def register(copier: Copier) -> None:
    if copier not in _copiers:
        _copiers.append(copier)


def copiers() -> list[Copier]:
    return list(_copiers)


def copied_models() -> set[str]:
    return {label for copier in _copiers for label in copier.models}


@dataclass(frozen=True)
class CopyResult:
    edition: Edition
    objects: int


def copy_edition(
    source: Edition,
    *,
    slug: str,
    start: date | str,
    name: str | None = None,
    with_sessions: bool = False,
) -> CopyResult:
    """A new edition with `source`'s structure, starting on `start`: unpublished, not
    current, and holding nobody's data. All of it or nothing: one transaction."""
    start = _start_date(start)
    _check_slug(source, slug)
    try:
        return _copy(source, slug=slug, start=start, name=name, with_sessions=with_sessions)
    except OverflowError:
        # The gap pushes a date of the source (a pass's opening…) out of the calendar.
        message = gettext("“%(value)s” is too far from this edition's dates to move them there.")
        raise EditionCopyError(message % {"value": start}, "out_of_range") from None
    except IntegrityError as error:
        # Another copy took the short name between the check and the insert.
        if Edition.objects.filter(slug=slug).exists():
            raise _slug_taken(slug) from error
        raise


def _copy(
    source: Edition, *, slug: str, start: date, name: str | None, with_sessions: bool
) -> CopyResult:
    edition = clone(
        source,
        slug=slug,
        starts_on=start,
        ends_on=start + (source.ends_on - source.starts_on),
        is_current=False,
        is_published=False,
        **_names(source, start, name),
    )
    with transaction.atomic():
        edition.save(force_insert=True)
        copy = EditionCopy(source=source, edition=edition, with_sessions=with_sessions)
        objects = 1 + sum(copier.copy(copy) for copier in _copiers)
    return CopyResult(edition=edition, objects=objects)


def _start_date(start: date | str) -> date:
    if isinstance(start, datetime):  # a datetime is a date too: a time of day means a mistake
        start = start.isoformat()
    if isinstance(start, date):
        return start
    try:
        return date.fromisoformat(str(start).strip())
    except ValueError:
        message = gettext("“%(value)s” is not a date: give the first day as YYYY-MM-DD.")
        raise EditionCopyError(message % {"value": start}, "not_a_date") from None


def _check_slug(source: Edition, slug: str) -> None:
    if slug == source.slug:
        message = gettext(
            "An edition cannot be copied onto itself: give the new edition a new short name."
        )
        raise EditionCopyError(message, "onto_itself")
    try:
        validate_slug(slug)
        MaxLengthValidator(Edition._meta.get_field("slug").max_length)(slug)
    except ValidationError:
        message = gettext(
            "“%(slug)s” is not a short name: use letters, digits, hyphens or underscores."
        )
        raise EditionCopyError(message % {"slug": slug}, "bad_slug") from None
    if Edition.objects.filter(slug=slug).exists():
        raise _slug_taken(slug)


def _slug_taken(slug: str) -> EditionCopyError:
    message = gettext("An edition with the short name “%(slug)s” already exists.")
    return EditionCopyError(message % {"slug": slug}, "slug_taken")


def _names(source: Edition, start: date, name: str | None) -> dict[str, str]:
    """The name given (in French, the other languages falling back to it until staff
    translate it), or the source's names with its year changed to the new one."""
    if name and name.strip():
        limit = Edition._meta.get_field("name_fr").max_length
        if len(name.strip()) > limit:
            message = gettext("The name is too long: %(limit)s characters at most.")
            raise EditionCopyError(message % {"limit": limit}, "name_too_long")
        return {f"name_{code}": name.strip() if code == "fr" else "" for code in LANGUAGE_CODES}
    old_year = re.compile(rf"\b{source.starts_on.year}\b")
    return {
        f"name_{code}": old_year.sub(str(start.year), getattr(source, f"name_{code}"))
        for code in LANGUAGE_CODES
    }


def copy_pivots_spaces_partners(copy: EditionCopy) -> int:
    """The edition's own structure, every language and colour (partners' logos are
    the same files: a logo is never changed in place, only replaced)."""
    made = 0
    for model in (Pivot, Space, Partner):
        rows = model._default_manager.filter(edition=copy.source).order_by("pk")
        made += len(copy.save_all((row, clone(row, edition=copy.edition)) for row in rows))
    return made


EDITION_STRUCTURE = Copier(
    models=("editions.Edition", "editions.Pivot", "editions.Space", "editions.Partner"),
    copy=copy_pivots_spaces_partners,
)
