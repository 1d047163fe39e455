from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StartupsConfig(AppConfig):
    name = "startups"
    verbose_name = _("Startup Village")

    def ready(self):
        from core import personal_data
        from startups.personal_data import APPLICATIONS

        personal_data.register(APPLICATIONS)
