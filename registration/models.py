"""Passes, registrations, consents, door check-ins and their history."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedText, per_language
from core.models import HistoryEvent
from editions.models import Edition, Pivot, hex_colour


def new_ticket_secret() -> str:
    # 32 random bytes (256 bits), URL-safe: not derived from any id, not guessable.
    return secrets.token_urlsafe(32)


class Question(models.TextChoices):
    """Optional questions a pass may ask, besides name and e-mail."""

    ORGANISATION = "organisation", _("organisation")
    ROLE = "role", _("role or job title")
    SECTOR = "sector", _("sector")
    CITY = "city", _("city")
    PIVOTS = "pivots", _("pivots of interest")
    ACCESSIBILITY = "accessibility", _("accessibility needs")
    PHONE = "phone", _("phone number")


def new_invitation_token() -> str:
    return secrets.token_urlsafe(24)


class PassType(models.Model):
    class Kind(models.TextChoices):
        PROFESSIONAL = "professional", _("professional")
        SPEAKER = "speaker", _("speaker")
        PRESS = "press", _("press")
        EXHIBITOR = "exhibitor", _("exhibitor")
        PUBLIC = "public", _("public")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="pass_types", verbose_name=_("edition")
    )
    slug = models.SlugField(_("short name"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(pgettext_lazy("sort order", "position"), default=0)
    name_fr, name_ar, name_en = per_language(models.CharField, _("name"), max_length=200)
    description_fr, description_ar, description_en = per_language(
        models.TextField, _("description"), blank=True
    )
    colour = models.CharField(
        _("badge colour"), max_length=7, validators=[hex_colour], default="#135e4b"
    )
    capacity = models.PositiveIntegerField(pgettext_lazy("number of seats", "places"))
    # Places held by pending and confirmed registrations. Only the services change
    # it, with a conditional UPDATE; the constraint below makes overselling
    # impossible even for code that forgets to.
    held = models.PositiveIntegerField(_("places taken"), default=0, editable=False)
    opens_at = models.DateTimeField(_("registration opens"))
    closes_at = models.DateTimeField(_("registration closes"))
    needs_approval = models.BooleanField(
        _("needs approval"), default=False, help_text=_("Staff approve each registration.")
    )
    has_waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    allows_transfer = models.BooleanField(_("tickets can be transferred"), default=True)
    questions = models.JSONField(
        _("questions asked"),
        default=list,
        blank=True,
        help_text=_("Among: organisation, role, sector, city, pivots, accessibility, phone."),
    )
    required_questions = models.JSONField(
        _("questions that must be answered"), default=list, blank=True
    )
    is_public = models.BooleanField(
        _("listed publicly"),
        default=True,
        help_text=_("Unlisted passes (e.g. speakers) are reached by their invitation link only."),
    )
    # The secret part of an unlisted pass's invitation link: its short name is easy
    # to guess, this is not. Staff issue a new one from the admin when a link leaks.
    invitation_token = models.CharField(
        _("invitation token"), max_length=64, default=new_invitation_token, editable=False
    )

    name = TranslatedText("name")
    description = TranslatedText("description")

    class Meta:
        verbose_name = _("pass type")
        verbose_name_plural = _("pass types")
        ordering = ["edition", "position", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "slug"],
                name="unique_pass_slug",
                violation_error_message=_("This edition already has a pass with this short name."),
            ),
            models.CheckConstraint(
                condition=Q(held__lte=F("capacity")),
                name="pass_never_oversold",
                violation_error_message=_("The capacity cannot be below the places already taken."),
            ),
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="pass_closes_after_opening",
                violation_error_message=_("Registration must close after it opens."),
            ),
            # Unlisted is not secret: someone who guesses the short name must still
            # hold the invitation link, or wait for staff to approve them.
            models.CheckConstraint(
                condition=Q(is_public=True) | Q(needs_approval=True) | ~Q(invitation_token=""),
                name="unlisted_pass_invited_or_approved",
                violation_error_message=_(
                    "An unlisted pass is reached by its invitation link or needs approval."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def places_left(self) -> int:
        return max(0, self.capacity - self.held)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def asks(self, question: str) -> bool:
        return question in self.questions

    @property
    def by_invitation(self) -> bool:
        return not self.is_public and bool(self.invitation_token)

    def admits(self, token: str) -> bool:
        """Whether someone holding `token` ("" for none) may open the pass's form."""
        if not self.by_invitation:
            return True  # listed, or unlisted with every registration approved by staff
        return secrets.compare_digest(token.encode(), self.invitation_token.encode())


class RegistrationQuerySet(models.QuerySet):
    def of_email(self, email: str):
        """Everything registered with the address (in any case), every edition, newest first."""
        if not email:
            return self.none()
        return self.filter(email__iexact=email).order_by("-created_at", "-pk")

    def holding_a_place(self):
        return self.filter(status__in=Registration.HOLDING_STATUSES)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "id")


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending approval")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")
        REJECTED = "rejected", _("rejected")

    HOLDING_STATUSES = (Status.PENDING, Status.CONFIRMED)

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("edition")
    )
    pass_type = models.ForeignKey(
        PassType, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("pass")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    secret = models.CharField(
        _("ticket secret"), max_length=64, unique=True, default=new_ticket_secret, editable=False
    )
    # One per submitted form: a double submit finds the registration it made, but
    # only with the pass and e-mail it was sent with (see the constraint below).
    # NULL, not "", for staff imports without a form: unique allows many NULLs.
    submission_key = models.CharField(max_length=64, null=True, editable=False)  # noqa: DJ001
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), db_index=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role or job title"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    pivots = models.ManyToManyField(
        Pivot,
        blank=True,
        related_name="interested_registrations",
        verbose_name=_("pivots of interest"),
    )
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["pass_type", "status", "created_at"])]
        constraints = [
            # A key is bound to its form: replayed on another pass or with another
            # address, it is a fresh registration, never the one it first made.
            models.UniqueConstraint(
                fields=["submission_key", "pass_type", "email"], name="one_registration_per_submit"
            ),
        ]
        permissions = [
            ("check_in_registration", _("Can admit ticket holders at the door")),
            ("approve_registration", _("Can approve or reject registrations")),
        ]

    def __str__(self):
        return f"{self.full_name} — {self.pass_type}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def holds_a_place(self) -> bool:
        return self.status in self.HOLDING_STATUSES


class Consent(models.Model):
    """What a person agreed to, which text they were shown, and when (law 09-08)."""

    class Purpose(models.TextChoices):
        REGISTRATION = "registration", _("processing of my registration")
        NEWS = "news", _("news of the symposium and its next editions by e-mail")

    # Purposes a person may refuse or withdraw without losing the service.
    OPTIONAL = (Purpose.NEWS,)

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("registration"),
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    text_version = models.CharField(_("version of the text shown"), max_length=40)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.text_version})"


class RegistrationEvent(HistoryEvent):
    """The history of a registration: every change, who made it and when."""

    class Action(models.TextChoices):
        REGISTERED = "registered", _("registered")
        PROMOTED = "promoted", _("promoted from the waiting list")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        CANCELLED = "cancelled", _("cancelled")
        TRANSFERRED = "transferred", _("transferred")
        CHECKED_IN = "checked_in", _("admitted at the door")

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("registration"),
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("registration event")
        verbose_name_plural = _("registration events")


class CheckIn(models.Model):
    """The one admission of a ticket. One per registration, enforced by the database,
    so two gates scanning the same ticket at once cannot both admit it."""

    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="check_in",
        verbose_name=_("registration"),
    )
    gate = models.CharField(_("gate"), max_length=50)
    # The scanning device's id for this scan: a retried request of the same ticket is
    # recognised. Not unique: reused on another ticket, it is that ticket's own scan.
    nonce = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(_("admitted at"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    was_offline = models.BooleanField(_("admitted offline"), default=False)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self):
        return f"{self.registration} @ {self.gate}"


class Scan(models.Model):
    """Every scan at the door, admitted or not: duplicates and forgeries show here."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, null=True, related_name="scans"
    )
    gate = models.CharField(_("gate"), max_length=50)
    nonce = models.CharField(max_length=64, db_index=True)
    result = models.CharField(_("result"), max_length=30)
    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.result} @ {self.gate}"
