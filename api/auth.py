"""Staff tokens: `Authorization: Bearer jemaa_…`, valid for their edition until revoked."""

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from api.errors import forbidden
from api.models import ApiToken, digest
from editions.services import current_edition


class StaffToken(HttpBearer):
    def __init__(self, permission: str):
        super().__init__()
        self.permission = permission

    def authenticate(self, request, token: str):
        found = (
            ApiToken.objects.select_related("user", "edition")
            .filter(key_digest=digest(token or ""))
            .first()
        )
        if found is None:
            return None  # 401
        if found.revoked_at is not None:
            raise forbidden(_("This token has been revoked."))
        if found.edition_id != current_edition().pk:
            raise forbidden(_("This token belongs to another edition."))
        if not found.user.is_active or not found.user.has_perm(self.permission):
            raise forbidden(_("This token’s owner may not do this."))
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found
