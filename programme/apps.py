from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Programme")

    def ready(self):
        # Its part of preparing the next edition (editions.copying), after the apps below.
        from editions import copying
        from programme.copying import SESSIONS

        copying.register(SESSIONS)
        # Its links and readiness checks on the organiser's home (editions.workspace).
        from programme import workspace

        workspace.register()
        # The e-mails it owes through core.outbox, by the names its rows keep.
        from core import outbox
        from programme import versions

        outbox.register(versions.MOVED_TASK, versions.tell_speakers_of_move)
