"""Sessions of an edition's programme, their speakers, and personal agendas."""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedText, per_language
from editions.models import Edition, Pivot, Space


class SpeakerQuerySet(models.QuerySet):
    def public(self, *, edition=None):
        """Speakers of at least one session the public may see (of that edition)."""
        sessions = Session.objects.public()
        if edition is not None:
            sessions = sessions.filter(edition=edition)
        shown = SessionSpeaker.objects.filter(session__in=sessions)
        return self.filter(pk__in=shown.values("speaker_id"))


class Speaker(models.Model):
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    position_fr, position_ar, position_en = per_language(
        models.CharField, _("job title"), max_length=200, blank=True
    )
    biography_fr, biography_ar, biography_en = per_language(
        models.TextField, _("biography"), blank=True
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    photo = models.ImageField(_("photo"), upload_to="speakers/", blank=True)
    website = models.URLField(_("website"), blank=True)
    # Private (never exported or shown): links a speaker to their account, so the
    # lounge keeps them free while they speak.
    email = models.EmailField(_("e-mail (private)"), blank=True, db_index=True)

    position = TranslatedText("position")
    biography = TranslatedText("biography")

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SessionQuerySet(models.QuerySet):
    def published(self):
        """Published within their edition: what staff plan with, the edition's own
        publication aside."""
        return self.filter(is_published=True)

    def public(self):
        """What the public may see: published sessions of published editions. Every
        public page, export and endpoint that reaches a session goes through it."""
        return self.filter(is_published=True, edition__is_published=True)

    def running_at(self, moment):
        return self.filter(starts_at__lte=moment, ends_at__gt=moment)


class Session(models.Model):
    class Kind(models.TextChoices):
        KEYNOTE = "keynote", _("keynote")
        PANEL = "panel", _("panel")
        TALK = "talk", _("talk")
        WORKSHOP = "workshop", _("workshop")
        EXHIBITION = "exhibition", _("exhibition")
        DEBATE = "debate", _("debate")
        SHOW = "show", _("show")

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        ARABIC = "ar", _("Arabic")
        ENGLISH = "en", _("English")

    # A stable public identifier for exports (frab's guid), never reused.
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("edition")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    pivot = models.ForeignKey(
        Pivot,
        on_delete=models.PROTECT,
        related_name="sessions",
        null=True,
        blank=True,
        verbose_name=_("pivot"),
    )
    space = models.ForeignKey(
        Space,
        on_delete=models.PROTECT,
        related_name="sessions",
        null=True,
        blank=True,
        verbose_name=_("space"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    title_fr, title_ar, title_en = per_language(models.CharField, _("title"), max_length=300)
    abstract_fr, abstract_ar, abstract_en = per_language(
        models.TextField, _("abstract"), blank=True
    )
    languages = models.CharField(
        _("spoken languages"),
        max_length=20,
        default="fr",
        help_text=_("Language codes separated by commas, e.g. fr,ar."),
    )
    livestream_url = models.URLField(_("livestream link"), blank=True)
    replay_url = models.URLField(_("replay link"), blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    speakers = models.ManyToManyField(
        Speaker,
        through="SessionSpeaker",
        related_name="sessions",
        blank=True,
        verbose_name=_("speakers"),
    )

    title = TranslatedText("title")
    abstract = TranslatedText("abstract")

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "space__position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
        ]
        indexes = [models.Index(fields=["edition", "starts_at"])]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("A session must end after it starts.")
        unknown = set(self.language_codes) - set(self.Language.values)
        if unknown or not self.language_codes:
            errors["languages"] = _("Use one or more of: fr, ar, en, separated by commas.")
        if self.pivot_id and self.edition_id and self.pivot.edition_id != self.edition_id:
            errors["pivot"] = _("This pivot belongs to another edition.")
        if self.space_id and self.edition_id and self.space.edition_id != self.edition_id:
            errors["space"] = _("This space belongs to another edition.")
        if errors:
            raise ValidationError(errors)

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    @property
    def language_names(self) -> list[str]:
        labels = dict(self.Language.choices)
        return [str(labels.get(code, code)) for code in self.language_codes]

    @property
    def language_tags(self) -> str:
        return " · ".join(code.upper() for code in self.language_codes)

    @property
    def placement_version(self) -> str:
        """Where and when the session is, as a token: the schedule editor's forms
        carry it, so a move made on a stale page is refused, never saved over."""
        starts, ends = int(self.starts_at.timestamp()), int(self.ends_at.timestamp())
        return f"{self.space_id or '-'}/{starts}/{ends}"

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    def is_running(self, moment=None) -> bool:
        moment = moment or timezone.now()
        return self.starts_at <= moment < self.ends_at


class SessionSpeaker(models.Model):
    class Role(models.TextChoices):
        SPEAKER = "speaker", _("speaker")
        MODERATOR = "moderator", _("moderator")
        PANELIST = "panelist", _("panelist")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="appearances", verbose_name=_("session")
    )
    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="appearances", verbose_name=_("speaker")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPEAKER)
    position = models.PositiveSmallIntegerField(pgettext_lazy("sort order", "position"), default=0)

    class Meta:
        verbose_name = _("speaker of a session")
        verbose_name_plural = _("speakers of a session")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "speaker"],
                name="speaker_once_per_session",
                violation_error_message=_("This speaker is already in this session."),
            ),
        ]

    def __str__(self):
        return f"{self.speaker} ({self.get_role_display()})"


def new_agenda_secret() -> str:
    # 32 random bytes: a link that cannot be guessed or enumerated.
    return secrets.token_urlsafe(32)


class Agenda(models.Model):
    """A visitor's starred sessions, kept without an account behind a secret link."""

    secret = models.CharField(max_length=64, unique=True, default=new_agenda_secret, editable=False)
    # Set when a signed-in participant uses it: their lounge agenda shows these sessions.
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda",
        verbose_name=_("owner"),
    )
    sessions = models.ManyToManyField(
        Session, related_name="agendas", blank=True, verbose_name=_("sessions")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("personal agenda")
        verbose_name_plural = _("personal agendas")

    def __str__(self):
        return f"{_('personal agenda')} #{self.pk}"


class ScheduleVersion(models.Model):
    """A published state of an edition's public schedule: visitors read the changes
    between consecutive versions, exports carry its number."""

    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        related_name="schedule_versions",
        verbose_name=_("edition"),
    )
    number = models.PositiveIntegerField(_("number"))
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    # Each public session by guid: its titles and space names in every language, its times.
    sessions = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("schedule version")
        verbose_name_plural = _("schedule versions")
        ordering = ["edition", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_schedule_version")
        ]

    def __str__(self):
        return f"{self.edition} v{self.number}"
