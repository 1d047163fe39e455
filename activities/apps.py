from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Public programme")

    def ready(self):
        from activities.session_note import public_booking_note
        from programme import session_page

        session_page.add_note(public_booking_note)
