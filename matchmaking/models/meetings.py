"""Scheduler runs, the meetings they publish, and what each side says afterwards.

A run stores its proposal (request, slot, table) without touching the
published meetings; publishing it applies the proposal in one transaction.
The database itself refuses a table twice in a slot and a person twice in a
slot (through one `MeetingSide` row per person and meeting).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from matchmaking.models.lounge import Lounge, LoungeSlot, LoungeTable
from matchmaking.models.participants import MeetingRequest, Profile


class SchedulerRun(models.Model):
    lounge = models.ForeignKey(
        Lounge,
        on_delete=models.CASCADE,
        related_name="runs",
        verbose_name=pgettext_lazy("model", "lounge"),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("run by"),
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    seconds = models.FloatField(_("seconds"), default=0)
    time_limit = models.PositiveSmallIntegerField(_("time limit (seconds)"), default=20)
    keep_published = models.BooleanField(_("keep published meetings"), default=True)
    include_unanswered = models.BooleanField(_("include unanswered requests"), default=False)
    status = models.CharField(_("result"), max_length=20)  # scheduler.OPTIMAL, FEASIBLE, …
    solver = models.CharField(_("solver"), max_length=20, blank=True)
    value = models.PositiveIntegerField(_("value"), default=0)
    bound = models.PositiveIntegerField(_("proven bound"), null=True, blank=True)
    # [{"request": id, "slot": id, "table": id, "kept": bool}]
    proposal = models.JSONField(default=list)
    # [{"request": id, "reason": code}] and [{"meeting": id, "reason": code}]
    unplaced = models.JSONField(default=list)
    dropped = models.JSONField(default=list)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("scheduler run")
        verbose_name_plural = _("scheduler runs")
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.lounge} @ {self.started_at:%Y-%m-%d %H:%M}"


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Meeting.Status.PUBLISHED)


class Meeting(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", pgettext_lazy("meeting", "published")
        CANCELLED = "cancelled", pgettext_lazy("meeting", "cancelled")

    lounge = models.ForeignKey(
        Lounge,
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=pgettext_lazy("model", "lounge"),
    )
    request = models.OneToOneField(
        MeetingRequest, on_delete=models.PROTECT, related_name="meeting", verbose_name=_("request")
    )
    slot = models.ForeignKey(
        LoungeSlot, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("slot")
    )
    table = models.ForeignKey(
        LoungeTable, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("table")
    )
    run = models.ForeignKey(
        SchedulerRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("scheduler run"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PUBLISHED
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason"), max_length=300, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot__starts_at", "table__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=Q(status="published"),
                name="one_meeting_per_table_and_slot",
            ),
        ]

    def __str__(self):
        return f"{self.request} — {self.slot} {self.table}"


class MeetingSide(models.Model):
    """One person's side of a meeting: their seat, then whether it took place and led on."""

    class FollowUp(models.TextChoices):
        NONE = "none", _("no follow-up")
        TALKS = "talks", _("further talks")
        PILOT = "pilot", _("a pilot")
        CONTRACT = "contract", _("a contract")
        INVESTMENT = "investment", _("an investment")
        PARTNERSHIP = "partnership", _("a partnership")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="sides", verbose_name=_("meeting")
    )
    profile = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="meeting_sides", verbose_name=_("person")
    )
    # Copied from the meeting, so the database can refuse a person twice in a slot.
    slot = models.ForeignKey(LoungeSlot, on_delete=models.PROTECT, related_name="+")
    is_active = models.BooleanField(default=True)
    took_place = models.BooleanField(_("the meeting took place"), null=True, blank=True)
    follow_up = models.CharField(
        _("what it leads to"), max_length=20, choices=FollowUp.choices, blank=True
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("side of a meeting")
        verbose_name_plural = _("sides of meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "slot"],
                condition=Q(is_active=True),
                name="one_meeting_per_person_and_slot",
            ),
            models.UniqueConstraint(fields=["meeting", "profile"], name="one_side_per_person"),
        ]

    def __str__(self):
        return f"{self.profile} @ {self.meeting}"
