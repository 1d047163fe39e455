"""Tokens that let other software act for a staff member, in one edition only."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX = "jemaa_"


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def issue(self, *, user, edition, label: str) -> tuple["ApiToken", str]:
        """A new token and its key, shown once: only its digest is stored."""
        key = PREFIX + secrets.token_urlsafe(32)
        return self.create(user=user, edition=edition, label=label, key_digest=digest(key)), key


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("staff member"),
    )
    edition = models.ForeignKey(
        "editions.Edition",
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("edition"),
    )
    label = models.CharField(_("what it is for"), max_length=100)
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.label} — {self.user}"
