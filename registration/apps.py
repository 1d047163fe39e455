from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "registration"
    verbose_name = _("Registration")

    def ready(self):
        from core import outbox, personal_data
        from registration import emails
        from registration.personal_data import REGISTRATIONS

        # The e-mails this app owes through core.outbox, by the names its rows keep.
        outbox.register("registration.status", emails.notify)
        # Sent once the response has gone: its time must not tell a known address.
        outbox.register("registration.ticket_links", emails.send_ticket_links, after_response=True)
        # What it holds of a person, for the export, erasure and retention of accounts.
        personal_data.register(REGISTRATIONS)
        # Its part of preparing the next edition (editions.copying), after the apps below.
        from editions import copying
        from registration.copying import PASSES

        copying.register(PASSES)
        # Its links and readiness checks on the organiser's home (editions.workspace).
        from registration import workspace

        workspace.register()
