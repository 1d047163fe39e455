from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "matchmaking"
    verbose_name = _("Open Innovation Lounge")

    def ready(self):
        from core import outbox
        from matchmaking import meeting_emails, notifications

        # The e-mails this app owes through core.outbox, by the names its rows keep.
        outbox.register("matchmaking.request_status", notifications.notify)
        outbox.register("matchmaking.meeting_status", meeting_emails.tell_side)
