from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community intelligence")

    def ready(self):
        # Its links on the organiser's home (editions.workspace).
        from community import workspace

        workspace.register()
