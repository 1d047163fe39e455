"""An edition of the symposium, its thematic pivots, spaces and partners."""

import zoneinfo
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedText, per_language

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #rrggbb."))


def time_zone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EditionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Edition(models.Model):
    slug = models.SlugField(_("short name"), unique=True)
    name_fr, name_ar, name_en = per_language(models.CharField, _("name"), max_length=200)
    theme_fr, theme_ar, theme_en = per_language(models.CharField, _("theme"), max_length=300)
    objective_fr, objective_ar, objective_en = per_language(
        models.TextField, _("objective"), blank=True
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Africa/Casablanca", choices=time_zone_choices
    )
    venue = models.CharField(_("venue"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    address = models.CharField(_("address"), max_length=300, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    is_current = models.BooleanField(
        _("current edition"), default=False, help_text=_("The edition shown on the home page.")
    )
    # A new edition is being prepared: visitors see it once staff publish it or make
    # it current, never as a half-filled "archive" in between.
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Visitors see only published editions.")
    )
    made_current_at = models.DateTimeField(_("made current on"), null=True, blank=True)
    made_current_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made current by"),
    )

    name = TranslatedText("name")
    theme = TranslatedText("theme")
    objective = TranslatedText("objective")

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="one_current_edition",
                violation_error_message=_(
                    "Another edition is already the current one: use “Make current”."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="edition_ends_after_start",
                violation_error_message=_("The last day cannot be before the first day."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})
        if self.is_current and not self.is_published:
            raise ValidationError(
                {
                    "is_published": _(
                        "The current edition is the one on the home page: it stays "
                        "published. Make another edition current first."
                    )
                }
            )

    @property
    def is_over(self) -> bool:
        return self.ends_on < timezone.now().astimezone(self.tz).date()

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def days(self) -> list[date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + timedelta(days=offset) for offset in range(count)]

    def day_bounds(self, day: date) -> tuple[datetime, datetime]:
        """The start and end of a calendar day in the edition's time zone."""
        start = datetime.combine(day, time.min, tzinfo=self.tz)
        return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=self.tz)

    def covers(self, moment: datetime) -> bool:
        first, _end = self.day_bounds(self.starts_on)
        _start, last = self.day_bounds(self.ends_on)
        return first <= moment < last


class Pivot(models.Model):
    """One of the edition's thematic axes (e.g. low-tech technologies)."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="pivots", verbose_name=_("edition")
    )
    slug = models.SlugField(_("short name"))
    position = models.PositiveSmallIntegerField(pgettext_lazy("sort order", "position"), default=0)
    colour = models.CharField(_("colour"), max_length=7, validators=[hex_colour])
    name_fr, name_ar, name_en = per_language(models.CharField, _("name"), max_length=200)
    description_fr, description_ar, description_en = per_language(
        models.TextField, _("description"), blank=True
    )
    keywords_fr, keywords_ar, keywords_en = per_language(
        models.CharField,
        _("keywords"),
        max_length=500,
        blank=True,
        help_text=_("Separated by commas."),
    )

    name = TranslatedText("name")
    description = TranslatedText("description")
    keywords = TranslatedText("keywords")

    class Meta:
        verbose_name = _("pivot")
        verbose_name_plural = _("pivots")
        ordering = ["edition", "position", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "slug"],
                name="unique_pivot_slug",
                violation_error_message=_("This edition already has a pivot with this short name."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class Space(models.Model):
    """A place of the venue where sessions, exhibitions or meetings happen."""

    class Kind(models.TextChoices):
        ROOM = "room", _("room")
        EXHIBITION_HALL = "exhibition_hall", _("exhibition hall")
        VILLAGE = "village", _("startup village")
        LOUNGE = "lounge", _("lounge")
        PUBLIC_SQUARE = "public_square", _("public square")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="spaces", verbose_name=_("edition")
    )
    slug = models.SlugField(_("short name"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ROOM)
    position = models.PositiveSmallIntegerField(pgettext_lazy("sort order", "position"), default=0)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    name_fr, name_ar, name_en = per_language(models.CharField, _("name"), max_length=200)
    description_fr, description_ar, description_en = per_language(
        models.TextField, _("description"), blank=True
    )
    # Local times, every day of the edition; empty: open around the clock.
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)

    name = TranslatedText("name")
    description = TranslatedText("description")

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["edition", "position", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "slug"],
                name="unique_space_slug",
                violation_error_message=_("This edition already has a space with this short name."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A space must close after it opens.")})

    def is_open(self, starts_at: time, ends_at: time) -> bool:
        """Whether the space is open from `starts_at` to `ends_at`, local times of
        one day (a session that runs past midnight gives an `ends_at` of 00:00 or
        earlier and fits only a space without hours)."""
        if self.opens_at is None and self.closes_at is None:
            return True
        opens = self.opens_at or time.min
        if ends_at <= starts_at:
            return False
        return opens <= starts_at and (self.closes_at is None or ends_at <= self.closes_at)


class Partner(models.Model):
    class Role(models.TextChoices):
        ORGANISER = "organiser", _("organiser")
        ACADEMIC = "academic", _("academic partner")
        INSTITUTIONAL = "institutional", _("institutional partner")
        SPONSOR = "sponsor", _("sponsor")
        MEDIA = "media", _("media partner")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="partners", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    logo = models.ImageField(_("logo"), upload_to="partners/", blank=True)
    website = models.URLField(_("website"), blank=True)
    position = models.PositiveSmallIntegerField(pgettext_lazy("sort order", "position"), default=0)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["edition", "position", "name"]

    def __str__(self):
        return self.name
