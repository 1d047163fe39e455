from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "matchmaking"
    verbose_name = _("Open Innovation Lounge")

    def ready(self):
        from core import personal_data
        from matchmaking.personal_data import LOUNGE_PROFILES

        personal_data.register(LOUNGE_PROFILES)
