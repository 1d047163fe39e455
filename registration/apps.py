from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "registration"
    verbose_name = _("Registration")

    def ready(self):
        from core import personal_data
        from registration.personal_data import REGISTRATIONS

        personal_data.register(REGISTRATIONS)
