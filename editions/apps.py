from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditionsConfig(AppConfig):
    name = "editions"
    verbose_name = _("Editions")

    def ready(self):
        from editions import copying

        # First of the copiers: the apps above point their copies to these pivots and spaces.
        copying.register(copying.EDITION_STRUCTURE)
        # Its links and readiness checks on the organiser's home (editions.workspace).
        from editions import workspace

        workspace.register_own()
