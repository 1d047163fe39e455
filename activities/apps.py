from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Public programme")

    def ready(self):
        from activities.personal_data import BOOKINGS
        from activities.session_note import public_booking_note
        from core import personal_data
        from programme import session_page

        personal_data.register(BOOKINGS)
        session_page.add_note(public_booking_note)
