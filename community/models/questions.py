from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models.moderation import Moderated, RefusedVotes

# Voters are "u:<account id>" or "d:<hash of the device cookie>" (community/voters.py).
VOTER_LENGTH = 40
QUESTION_LENGTH = 300
NAME_LENGTH = 60


class QuestionBoard(Moderated):
    """The Q&A of one session: made the first time anyone needs it."""

    session = models.OneToOneField(
        "programme.Session",
        on_delete=models.CASCADE,
        related_name="question_board",
        verbose_name=_("session"),
    )
    is_open = models.BooleanField(
        _("open for questions"),
        default=True,
        help_text=_("Closed: the questions stay readable, nobody can ask or vote."),
    )
    premoderated = models.BooleanField(
        _("questions wait for a moderator"),
        default=True,  # why: docs/live.md, "Moderation of a new board"
        help_text=_("Each new question is shown only once a moderator approves it."),
    )

    class Meta:
        verbose_name = _("questions of a session")
        verbose_name_plural = _("questions of sessions")
        permissions = [
            ("moderate_questions", _("Can moderate the questions and polls of sessions"))
        ]

    def __str__(self):
        return str(self.session)


class QuestionQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(status=Question.Status.VISIBLE)


class Question(Moderated, RefusedVotes):
    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting moderation")
        VISIBLE = "visible", _("shown")
        HIDDEN = "hidden", _("hidden")

    board = models.ForeignKey(
        QuestionBoard, on_delete=models.CASCADE, related_name="questions", verbose_name=_("session")
    )
    text = models.CharField(_("question"), max_length=QUESTION_LENGTH)
    author_name = models.CharField(_("name"), max_length=NAME_LENGTH, blank=True)
    asked_by = models.CharField(max_length=VOTER_LENGTH, editable=False, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    votes = models.PositiveIntegerField(_("votes"), default=0, editable=False)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    # Changes with every moderation: part of the live list's ETag (votes change `votes`).
    changed_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-is_pinned", "-votes", "created_at", "id"]
        indexes = [models.Index(fields=["board", "status", "votes"], name="question_by_votes")]

    def __str__(self):
        return self.text[:80]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class QuestionVote(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="vote_rows")
    voter = models.CharField(max_length=VOTER_LENGTH)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote on a question")
        verbose_name_plural = _("votes on questions")
        constraints = [
            models.UniqueConstraint(fields=["question", "voter"], name="one_vote_per_question"),
            models.CheckConstraint(condition=~Q(voter=""), name="question_vote_has_voter"),
        ]

    def __str__(self):
        return f"{self.question} — {self.voter}"
