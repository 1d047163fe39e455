from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = _("Dashboard")

    def ready(self):
        from accounts.privacy import news_wanted
        from dashboard.mailings import resubscribe

        news_wanted.connect(resubscribe, dispatch_uid="dashboard.resubscribe")
        # Its part of preparing the next edition (editions.copying), after the apps below.
        from dashboard.copying import MAILINGS
        from editions import copying

        copying.register(MAILINGS)
        # Its links on the organiser's home (editions.workspace).
        from dashboard import workspace

        workspace.register()
