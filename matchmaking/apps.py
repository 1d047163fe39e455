from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "matchmaking"
    verbose_name = _("Open Innovation Lounge")

    def ready(self):
        from core import outbox, personal_data
        from matchmaking import meeting_emails, notifications
        from matchmaking.personal_data import LOUNGE_PROFILES

        # The e-mails this app owes through core.outbox, by the names its rows keep.
        outbox.register("matchmaking.request_status", notifications.notify)
        outbox.register("matchmaking.meeting_status", meeting_emails.tell_side)
        # What it holds of a person, for the export, erasure and retention of accounts.
        personal_data.register(LOUNGE_PROFILES)
        # Its part of preparing the next edition (editions.copying), after the apps below.
        from editions import copying
        from matchmaking.copying import LOUNGE

        copying.register(LOUNGE)
        # Its links and readiness checks on the organiser's home (editions.workspace).
        from matchmaking import workspace

        workspace.register()
