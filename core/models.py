from typing import Any, Protocol

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class HistoryEvent(models.Model):
    """One line of a thing's history: what happened, who did it, when. A concrete
    history adds `action` (with its own choices) and the foreign key to the thing,
    with related_name="events"."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class HasHistory(Protocol):
    """A model whose concrete HistoryEvent points to it with related_name="events"."""

    events: Any  # the related manager, typed by Django at run time only


def record(thing: HasHistory, action: str, *, by=None, at=None, note: str = "") -> HistoryEvent:
    """Add a line to `thing`'s history (its `events`); a note too long for the
    history is cut, and says so with an ellipsis."""
    limit = thing.events.model._meta.get_field("note").max_length
    if len(note) > limit:
        note = note[: limit - 1] + "…"
    return thing.events.create(action=action, actor=by, at=at or timezone.now(), note=note)


class RateLimitCounter(models.Model):
    """Hits of one rate-limit key in one time bucket (see core.ratelimit)."""

    name = models.CharField(max_length=64)  # a hash: no address or e-mail stored in clear
    bucket = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "bucket"], name="one_counter_per_bucket")
        ]

    def __str__(self):
        return f"{self.name[:8]}…@{self.bucket}: {self.count}"


class PersonalDataAccess(models.Model):
    """One time a member of staff took personal data out of the platform: an export,
    a search of registrations, a list of badges (law 09-08: who saw what, when)."""

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="personal_data_accesses",
        verbose_name=_("member of staff"),
    )
    what = models.CharField(_("what was taken out"), max_length=100)
    # What was asked for (the filters or search), never the data itself.
    query = models.CharField(_("filters or search"), max_length=300, blank=True)
    records = models.PositiveIntegerField(_("people concerned"))
    ip = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        verbose_name = _("access to personal data")
        verbose_name_plural = _("accesses to personal data")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} — {self.what} ({self.records})"


class OutboxEmail(models.Model):
    """An e-mail owed to someone because of a change, written in the change's own
    transaction: if the worker dies between the commit and the sending, the row is
    still there and `manage.py send_outbox` sends it."""

    # A name registered with core.outbox.register, e.g. "registration.status".
    task = models.CharField(_("what sends it"), max_length=100)
    arguments = models.JSONField(_("arguments"), default=dict)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("e-mail owed")
        verbose_name_plural = _("e-mails owed")
        indexes = [models.Index(fields=["sent_at", "created_at"], name="outbox_unsent")]

    def __str__(self):
        return f"{self.task} {self.arguments} ({'sent' if self.sent_at else 'owed'})"
