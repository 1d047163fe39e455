from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Dashboard(models.Model):
    """No table: it carries the permission to read the organiser's numbers."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_dashboard", _("Can see the dashboard and the impact report"))]

    def __str__(self):
        return str(self._meta.verbose_name)


class Segment(models.TextChoices):
    REGISTRATIONS = "registrations", _("registered participants")
    LOUNGE = "lounge", _("lounge participants")
    SPEAKERS = "speakers", _("speakers")
    STARTUPS = "startups", _("selected startups")
    PUBLIC = "public", _("public visitors who gave an e-mail")
    NEWS = "news", _("people who asked for news (all editions)")


class Mailing(models.Model):
    """An e-mail to a segment of the edition's people, written in each language."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        QUEUED = "queued", _("queued for sending")

    edition = models.ForeignKey(
        "editions.Edition",
        on_delete=models.CASCADE,
        related_name="mailings",
        verbose_name=_("edition"),
    )
    segment = models.CharField(_("to"), max_length=20, choices=Segment.choices)
    pass_type = models.ForeignKey(
        "registration.PassType",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("only this pass"),
        help_text=_("For registered participants only."),
    )
    pivot = models.ForeignKey(
        "editions.Pivot",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("only those interested in this pivot"),
        help_text=_("For registered participants only."),
    )
    subject_fr = models.CharField(_("subject (French)"), max_length=200)
    subject_ar = models.CharField(_("subject (Arabic)"), max_length=200, blank=True)
    subject_en = models.CharField(_("subject (English)"), max_length=200, blank=True)
    body_fr = models.TextField(_("message (French)"))
    body_ar = models.TextField(_("message (Arabic)"), blank=True)
    body_en = models.TextField(_("message (English)"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True, editable=False)
    queued_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject_fr

    def clean(self):
        """Narrowing by pass or pivot applies to registered participants of this edition."""
        errors = {}
        for field in ("pass_type", "pivot"):
            chosen = getattr(self, field)
            if chosen is None:
                continue
            if self.segment != Segment.REGISTRATIONS:
                errors[field] = _(
                    "Only a mailing to registered participants can be narrowed this way."
                )
            elif self.edition_id and chosen.edition_id != self.edition_id:
                errors[field] = _("This belongs to another edition.")
        if errors:
            raise ValidationError(errors)


class Delivery(models.Model):
    """One recipient of a mailing: queued once (unique address per mailing), sent once."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        UNSUBSCRIBED = "unsubscribed", _("not sent: unsubscribed meanwhile")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    name = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=5, default="fr")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["mailing", "email"], name="one_delivery_per_address")
        ]
        indexes = [models.Index(fields=["status", "id"], name="delivery_queue")]

    def __str__(self):
        return f"{self.mailing} → {self.email}"


class Unsubscribe(models.Model):
    """An address that asked for no more mailings (transactional e-mails still go)."""

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("unsubscribed address")
        verbose_name_plural = _("unsubscribed addresses")

    def __str__(self):
        return self.email
