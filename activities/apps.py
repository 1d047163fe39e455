from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Public programme")

    def ready(self):
        from activities import emails
        from core import outbox

        # The e-mails this app owes through core.outbox, by the names its rows keep.
        outbox.register("activities.booking_status", emails.notify)
