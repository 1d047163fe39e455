from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StartupsConfig(AppConfig):
    name = "startups"
    verbose_name = _("Startup Village")

    def ready(self):
        from core import outbox, personal_data
        from startups import emails
        from startups.personal_data import APPLICATIONS

        # The e-mails this app owes through core.outbox, by the names its rows keep.
        outbox.register("startups.application_received", emails.notify_submitted)
        outbox.register("startups.decision", emails.notify_decision)
        # What it holds of a person, for the export, erasure and retention of accounts.
        personal_data.register(APPLICATIONS)
        # Its part of preparing the next edition (editions.copying), after the apps below.
        from editions import copying
        from startups.copying import CALL

        copying.register(CALL)
        # Its links and readiness checks on the organiser's home (editions.workspace).
        from startups import workspace

        workspace.register()
