"""Lounge participants, their innovation challenges, and meeting requests."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from editions.models import Pivot
from matchmaking.models.lounge import Lounge, LoungeSlot


def new_calendar_secret() -> str:
    # The meeting agenda's calendar feed is read by calendar apps without a session:
    # a long random secret in its address, unrelated to any id.
    return secrets.token_urlsafe(32)


class Profile(models.Model):
    """A person's (or their organisation's) presence in the lounge, opted in by them."""

    class Kind(models.TextChoices):
        STARTUP = "startup", _("startup")
        CORPORATE = "corporate", _("corporate")
        INSTITUTION = "institution", _("institution")
        PARTICIPANT = "participant", _("other participant")

    lounge = models.ForeignKey(
        Lounge,
        on_delete=models.CASCADE,
        related_name="profiles",
        verbose_name=pgettext_lazy("model", "lounge"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lounge_profiles",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # A selected startup's profile comes from its application.
    application = models.OneToOneField(
        "startups.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lounge_profile",
        verbose_name=_("application"),
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    display_name = models.CharField(_("name shown"), max_length=200)
    summary = models.TextField(_("who we are"), max_length=1500, blank=True)
    offers = models.TextField(_("what we offer"), max_length=1000, blank=True)
    seeking = models.TextField(_("what we are looking for"), max_length=1000, blank=True)
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    pivots = models.ManyToManyField(
        Pivot, blank=True, related_name="lounge_profiles", verbose_name=_("pivots")
    )
    max_meetings = models.PositiveSmallIntegerField(_("meetings I can hold at most"), default=8)
    blocked_slots = models.ManyToManyField(
        LoungeSlot,
        blank=True,
        related_name="blocked_profiles",
        verbose_name=_("slots when I cannot meet"),
    )
    is_active = models.BooleanField(
        _("taking part"), default=True, help_text=_("Off: hidden, and no new requests.")
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    calendar_secret = models.CharField(
        max_length=64, unique=True, default=new_calendar_secret, editable=False
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("lounge participant")
        verbose_name_plural = _("lounge participants")
        ordering = ["organisation", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["lounge", "user"],
                name="one_profile_per_person",
                violation_error_message=_("You already take part in this lounge."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.display_name})"


class ChallengeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, profile__is_active=True)


class Challenge(models.Model):
    """An innovation challenge: what a corporate or institution is looking for."""

    profile = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="challenges", verbose_name=_("published by")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=3000)
    keywords = models.CharField(
        _("keywords"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    pivot = models.ForeignKey(
        Pivot,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenges",
        verbose_name=_("pivot"),
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        verbose_name = _("innovation challenge")
        verbose_name_plural = _("innovation challenges")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.title

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class MeetingRequestQuerySet(models.QuerySet):
    def awaiting_answer(self, now=None):
        now = now or timezone.now()
        return self.filter(status=MeetingRequest.Status.PENDING, expires_at__gt=now)

    def accepted(self):
        return self.filter(status=MeetingRequest.Status.ACCEPTED)

    def involving(self, profile):
        return self.filter(Q(requester=profile) | Q(target=profile))


class MeetingRequest(models.Model):
    """One person asks another for a meeting; one request per pair, either way round."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        EXPIRED = "expired", _("expired")
        CANCELLED = "cancelled", pgettext_lazy("meeting request", "withdrawn")

    class Priority(models.IntegerChoices):
        NICE = 1, _("nice to meet")
        WANT = 2, _("want to meet")
        MUST = 3, _("must meet")

    lounge = models.ForeignKey(
        Lounge,
        on_delete=models.CASCADE,
        related_name="requests",
        verbose_name=pgettext_lazy("model", "lounge"),
    )
    requester = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="requests_sent", verbose_name=_("from")
    )
    target = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="requests_received", verbose_name=_("to")
    )
    # The pair without its order, so the database keeps one request per pair.
    pair_low = models.BigIntegerField(editable=False)
    pair_high = models.BigIntegerField(editable=False)
    challenge = models.ForeignKey(
        Challenge,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("about the challenge"),
    )
    message = models.TextField(_("message"), max_length=600, blank=True)
    requester_priority = models.PositiveSmallIntegerField(
        _("priority of the requester"), choices=Priority.choices, default=Priority.WANT
    )
    target_priority = models.PositiveSmallIntegerField(
        _("priority of the other side"), choices=Priority.choices, null=True, blank=True
    )
    # Both asked for it, each on their own: it weighs more.
    is_mutual = models.BooleanField(_("mutual"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    answer = models.TextField(_("answer"), max_length=600, blank=True)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"))

    objects = MeetingRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["lounge", "pair_low", "pair_high"],
                name="one_request_per_pair",
                violation_error_message=_("A request between these two already exists."),
            ),
            models.CheckConstraint(
                condition=Q(pair_low__lt=F("pair_high")), name="request_pair_ordered"
            ),
        ]
        indexes = [models.Index(fields=["lounge", "status"])]

    def __str__(self):
        return f"{self.requester} → {self.target}"

    def save(self, *args, **kwargs):
        self.pair_low, self.pair_high = sorted((self.requester_id, self.target_id))
        super().save(*args, **kwargs)

    def other_side(self, profile: Profile) -> Profile:
        return self.target if profile.pk == self.requester_id else self.requester

    @property
    def weight(self) -> int:
        """The value of holding this meeting, for the scheduler: the priorities of
        both sides, and a bonus when both asked; an unanswered request only its own."""
        if self.status != self.Status.ACCEPTED:
            return self.requester_priority
        weight = self.requester_priority + (self.target_priority or self.Priority.WANT)
        return weight + 2 if self.is_mutual else weight
