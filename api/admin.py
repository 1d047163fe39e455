from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from api.models import ApiToken
from editions.admin import StaffAdmin


@admin.register(ApiToken)
class ApiTokenAdmin(StaffAdmin):
    """Tokens are issued by `manage.py api_token` (the key is shown once); here they are
    seen and revoked."""

    list_display = ["label", "user", "edition", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["edition", "revoked_at"]
    fields = ["label", "user", "edition", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["user", "edition", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)s token revoked.", "%(count)s tokens revoked.", count)
            % {"count": count},
        )
