from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.casablanca import Arrondissement
from community.models.moderation import Moderated, RefusedVotes
from community.models.questions import NAME_LENGTH, VOTER_LENGTH

TITLE_LENGTH = 120
DESCRIPTION_LENGTH = 3000
COMMENT_LENGTH = 1000


class IdeaQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_hidden=False)


class Idea(Moderated, RefusedVotes):
    class Decision(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        UNDER_STUDY = "under_study", _("under study")
        ADOPTED = "adopted", _("adopted")
        NOT_RETAINED = "not_retained", _("not retained")

    edition = models.ForeignKey(
        "editions.Edition",
        on_delete=models.CASCADE,
        related_name="ideas",
        verbose_name=_("edition"),
    )
    pivot = models.ForeignKey(
        "editions.Pivot", on_delete=models.PROTECT, related_name="ideas", verbose_name=_("pivot")
    )
    title = models.CharField(_("title"), max_length=TITLE_LENGTH)
    description = models.TextField(_("description"), max_length=DESCRIPTION_LENGTH)
    arrondissement = models.CharField(
        _("arrondissement"), max_length=20, choices=Arrondissement.choices
    )
    photo = models.ImageField(_("photo"), upload_to="ideas/", blank=True)
    author_name = models.CharField(_("name"), max_length=NAME_LENGTH, blank=True)
    proposed_by = models.CharField(max_length=VOTER_LENGTH, editable=False, db_index=True)
    language = models.CharField(_("language"), max_length=5, default="fr")
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.PROPOSED
    )
    answer = models.TextField(_("public answer of the organiser"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    votes = models.PositiveIntegerField(_("votes"), default=0, editable=False)
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    created_at = models.DateTimeField(_("proposed at"), default=timezone.now, db_index=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-id"]
        permissions = [("moderate_ideas", _("Can moderate ideas and answer them"))]

    def __str__(self):
        return self.title


class IdeaVote(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="vote_rows")
    voter = models.CharField(max_length=VOTER_LENGTH)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote on an idea")
        verbose_name_plural = _("votes on ideas")
        constraints = [
            models.UniqueConstraint(fields=["idea", "voter"], name="one_vote_per_idea"),
            models.CheckConstraint(condition=~Q(voter=""), name="idea_vote_has_voter"),
        ]

    def __str__(self):
        return f"{self.idea} — {self.voter}"


class IdeaComment(Moderated):
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="comments", verbose_name=_("idea")
    )
    text = models.TextField(_("comment"), max_length=COMMENT_LENGTH)
    author_name = models.CharField(_("name"), max_length=NAME_LENGTH, blank=True)
    written_by = models.CharField(max_length=VOTER_LENGTH, editable=False)
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("comment on an idea")
        verbose_name_plural = _("comments on ideas")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:80]


class Report(models.Model):
    """A citizen tells the moderators that an idea, or one of its comments, breaks the
    rules; once per person and thing. The moderation queue shows the most reported first."""

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="reports", verbose_name=_("idea")
    )
    comment = models.ForeignKey(
        IdeaComment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("comment"),
    )
    voter = models.CharField(max_length=VOTER_LENGTH, editable=False)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)

    class Meta:
        verbose_name = _("report to the moderators")
        verbose_name_plural = _("reports to the moderators")
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "voter"],
                condition=Q(comment__isnull=True),
                name="one_report_per_idea",
            ),
            models.UniqueConstraint(
                fields=["comment", "voter"],
                condition=Q(comment__isnull=False),
                name="one_report_per_comment",
            ),
        ]

    def __str__(self):
        return f"{self.comment or self.idea} — {self.voter}"
