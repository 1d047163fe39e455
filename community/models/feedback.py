from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models.questions import VOTER_LENGTH

COMMENT_LENGTH = 1000


class Feedback(models.Model):
    """A participant's rating of a session once it has ended; given again, it is replaced."""

    session = models.ForeignKey(
        "programme.Session",
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("session"),
    )
    voter = models.CharField(max_length=VOTER_LENGTH, editable=False)
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), max_length=COMMENT_LENGTH, blank=True)
    created_at = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback on a session")
        verbose_name_plural = _("feedback on sessions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "voter"], name="one_feedback_per_session"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.session} — {self.rating}/5"
