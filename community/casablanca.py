"""The sixteen arrondissements of the commune of Casablanca, where an idea is for.
Place names: French spelling in French and English, their Arabic names in Arabic."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Arrondissement(models.TextChoices):
    WHOLE_CITY = "city", _("The whole city")
    AIN_CHOCK = "ain-chock", _("Aïn Chock")
    AIN_SEBAA = "ain-sebaa", _("Aïn Sebaâ")
    AL_FIDA = "al-fida", _("Al Fida")
    ANFA = "anfa", _("Anfa")
    BEN_MSICK = "ben-msick", _("Ben M’Sick")
    HAY_HASSANI = "hay-hassani", _("Hay Hassani")
    HAY_MOHAMMADI = "hay-mohammadi", _("Hay Mohammadi")
    MAARIF = "maarif", _("Maârif")
    MERS_SULTAN = "mers-sultan", _("Mers Sultan")
    MOULAY_RACHID = "moulay-rachid", _("Moulay Rachid")
    ROCHES_NOIRES = "roches-noires", _("Roches Noires")
    SBATA = "sbata", _("Sbata")
    SIDI_BELYOUT = "sidi-belyout", _("Sidi Belyout")
    SIDI_BERNOUSSI = "sidi-bernoussi", _("Sidi Bernoussi")
    SIDI_MOUMEN = "sidi-moumen", _("Sidi Moumen")
    SIDI_OTHMANE = "sidi-othmane", _("Sidi Othmane")
