from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "registration"
    verbose_name = _("Registration")

    def ready(self):
        from core import outbox
        from registration import emails

        # The e-mails this app owes through core.outbox, by the names its rows keep.
        outbox.register("registration.status", emails.notify)
