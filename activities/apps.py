from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Public programme")

    def ready(self):
        from activities import emails
        from activities.personal_data import BOOKINGS
        from activities.session_note import public_booking_note
        from core import outbox, personal_data
        from programme import session_page

        # The e-mails this app owes through core.outbox, by the names its rows keep.
        outbox.register("activities.booking_status", emails.notify)
        # What it holds of a person, for the export, erasure and retention of accounts.
        personal_data.register(BOOKINGS)
        session_page.add_note(public_booking_note)
        # Its part of preparing the next edition (editions.copying), after the apps below.
        from activities.copying import PUBLIC_PROGRAMME
        from editions import copying

        copying.register(PUBLIC_PROGRAMME)
        # Its links and readiness checks on the organiser's home (editions.workspace).
        from activities import workspace

        workspace.register()
