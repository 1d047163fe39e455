from django.contrib import admin

from core.models import PersonalDataAccess


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    """The log is evidence: nobody edits or deletes a line of it here."""

    list_display = ["at", "user", "what", "records", "query", "ip"]
    list_filter = ["what"]
    search_fields = ["user__username", "user__email", "what", "query"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
