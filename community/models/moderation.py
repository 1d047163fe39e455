from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def person_or_none(by):
    """The signed-in person who acted, or None (the demo, a command)."""
    return by if by is not None and by.is_authenticated else None


class Moderated(models.Model):
    """Who last changed a contribution's standing (shown, hidden, pinned, opened…) and when."""

    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last moderated by"),
    )
    moderated_at = models.DateTimeField(_("last moderated at"), null=True, blank=True)

    class Meta:
        abstract = True

    def moderated(self, by) -> list[str]:
        """Record the moderator and the time; the fields to save with the change."""
        self.moderated_by = person_or_none(by)
        self.moderated_at = timezone.now()
        return ["moderated_by", "moderated_at"]


class RefusedVotes(models.Model):
    """How many votes for a thing were not counted: sent without an established voter
    (community/voters.py), or over a device's or an address's limit. Real rooms stay
    near zero; a burst from one address shows on the moderators' pages."""

    refused_votes = models.PositiveIntegerField(_("votes refused"), default=0, editable=False)

    class Meta:
        abstract = True
