from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models.moderation import Moderated, RefusedVotes
from community.models.questions import VOTER_LENGTH

MOST_OPTIONS = 10
OPTION_LENGTH = 120


class Poll(Moderated, RefusedVotes):
    class Kind(models.TextChoices):
        SINGLE = "single", _("one choice")
        MULTIPLE = "multiple", _("several choices")

    class Status(models.TextChoices):
        DRAFT = "draft", _("not opened yet")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    session = models.ForeignKey(
        "programme.Session",
        on_delete=models.CASCADE,
        related_name="polls",
        verbose_name=_("session"),
    )
    question = models.CharField(_("question"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    ballots = models.PositiveIntegerField(_("people who voted"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["session", "created_at", "id"]

    def __str__(self):
        return self.question


class PollOption(models.Model):
    poll = models.ForeignKey(
        Poll, on_delete=models.CASCADE, related_name="options", verbose_name=_("poll")
    )
    text = models.CharField(_("answer"), max_length=OPTION_LENGTH)
    position = models.PositiveSmallIntegerField(default=0)
    votes = models.PositiveIntegerField(_("votes"), default=0, editable=False)

    class Meta:
        verbose_name = _("answer of a poll")
        verbose_name_plural = _("answers of polls")
        ordering = ["poll", "position", "id"]

    def __str__(self):
        return self.text


class PollBallot(models.Model):
    """One person's vote on a poll: the answers they chose (one, or several)."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballot_rows")
    voter = models.CharField(max_length=VOTER_LENGTH)
    options = models.ManyToManyField(PollOption, related_name="ballots")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter"], name="one_ballot_per_poll"),
        ]

    def __str__(self):
        return f"{self.poll} — {self.voter}"
