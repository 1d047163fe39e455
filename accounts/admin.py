"""Staff pages for people and roles, and the admin site's own name."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import ROLES, role_label

admin.site.site_header = _("Jemaa — administration")
admin.site.site_title = _("Jemaa — administration")
admin.site.index_title = _("Symposium administration")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "language",
        "is_staff",
        "roles",
    ]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups", "language"]
    # Django's own fieldsets, with the person's language among their personal info.
    fieldsets = [
        DjangoUserAdmin.fieldsets[0],
        (
            DjangoUserAdmin.fieldsets[1][0],
            {"fields": ["first_name", "last_name", "email", "language"]},
        ),
        *DjangoUserAdmin.fieldsets[2:],
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "username",
                    "email",
                    "language",
                    "usable_password",
                    "password1",
                    "password2",
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_readonly_fields(self, request, obj=None):
        # The admin role manages people and roles; only a superuser makes another.
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly.append("is_superuser")
        return readonly

    @admin.display(description=_("roles"))
    def roles(self, user):
        return ", ".join(role_label(group.name) for group in user.groups.all())


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(DjangoGroupAdmin):
    """Role groups keep a stable code as their name; people read the translated role."""

    list_display = ["role", "name"]

    @admin.display(description=_("role"), ordering="name")
    def role(self, group):
        return role_label(group.name)

    def get_readonly_fields(self, request, obj=None):
        # Renaming a role group would detach it from its definition in accounts/roles.py.
        if obj is not None and obj.name in ROLES:
            return ["name"]
        return []
