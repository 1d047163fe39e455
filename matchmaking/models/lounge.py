"""The lounge of an edition: its settings, tables and meeting slots."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedText, per_language
from editions.models import Edition, Space


class Lounge(models.Model):
    """Where startups, corporates and institutions meet one to one."""

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="lounge", verbose_name=_("edition")
    )
    name_fr, name_ar, name_en = per_language(
        models.CharField,
        _("name"),
        max_length=200,
        help_text=_("What the public sees, e.g. Open Innovation Lounge."),
    )
    description_fr, description_ar, description_en = per_language(
        models.TextField, _("description"), blank=True
    )
    space = models.ForeignKey(
        Space,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("space"),
    )
    meeting_minutes = models.PositiveSmallIntegerField(
        _("meeting length (minutes)"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    max_requests = models.PositiveSmallIntegerField(
        _("requests a person may send"),
        default=15,
        help_text=_("Requests awaiting an answer or accepted; declined ones give the slot back."),
    )
    max_meetings = models.PositiveSmallIntegerField(
        _("meetings a person may hold"),
        default=8,
        help_text=_("Each participant may lower their own limit."),
    )
    request_days = models.PositiveSmallIntegerField(
        _("days to answer a request"),
        default=5,
        validators=[MinValueValidator(1)],
        help_text=_("An unanswered request expires after this many days."),
    )
    requests_open_until = models.DateTimeField(
        _("requests accepted until"),
        null=True,
        blank=True,
        help_text=_("Empty: until the end of the edition."),
    )

    name = TranslatedText("name")
    description = TranslatedText("description")

    class Meta:
        verbose_name = pgettext_lazy("model", "lounge")
        verbose_name_plural = pgettext_lazy("model", "lounges")
        permissions = [("run_scheduler", _("Can run the meeting scheduler and publish meetings"))]

    def __str__(self):
        return self.name

    def takes_requests(self, now=None) -> bool:
        now = now or timezone.now()
        if self.requests_open_until is not None:
            return now < self.requests_open_until
        _start, end = self.edition.day_bounds(self.edition.ends_on)
        return now < end


class LoungeSlot(models.Model):
    """One meeting slot (e.g. 20 minutes) during which the lounge is open."""

    lounge = models.ForeignKey(
        Lounge,
        on_delete=models.CASCADE,
        related_name="slots",
        verbose_name=pgettext_lazy("model", "lounge"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["lounge", "starts_at"], name="one_slot_per_start"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="slot_ends_after_start",
                violation_error_message=_("A slot must end after it starts."),
            ),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at)
        end = timezone.localtime(self.ends_at)
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"


class LoungeTable(models.Model):
    lounge = models.ForeignKey(
        Lounge,
        on_delete=models.CASCADE,
        related_name="tables",
        verbose_name=pgettext_lazy("model", "lounge"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    label = models.CharField(
        _("label"), max_length=60, blank=True, help_text=_("e.g. near the window")
    )
    closed_slots = models.ManyToManyField(
        LoungeSlot,
        blank=True,
        related_name="closed_tables",
        verbose_name=_("slots when the table is not available"),
    )

    class Meta:
        verbose_name = _("lounge table")
        verbose_name_plural = _("lounge tables")
        ordering = ["lounge", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["lounge", "number"],
                name="unique_table_number",
                violation_error_message=_("This lounge already has a table with this number."),
            ),
        ]

    def __str__(self):
        return _("Table %(number)s") % {"number": self.number}
