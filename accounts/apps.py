from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("People and roles")

    def ready(self):
        from accounts.roles import sync_roles_after_migrate
        from accounts.services import send_sign_in_link
        from core import outbox

        # Sent once the response has gone: its time must not tell a known address.
        outbox.register("accounts.sign_in_link", send_sign_in_link, after_response=True)

        # Roles are code, not data typed by hand: every migrate brings the groups
        # back to their definitions, including permissions of apps added later.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="accounts.sync_roles")
        # Its links on the organiser's home (editions.workspace).
        from accounts import workspace

        workspace.register()
