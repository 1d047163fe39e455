"""The administration's index in the organiser's order rather than alphabetically.

Installed in place of `django.contrib.admin` (settings.INSTALLED_APPS), so
`django.contrib.admin.site`, on which every app registers, is this site."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_noop

# The order an organiser works in: the edition, its programme, registration, the
# village, the lounge, the public programme, the community, the mailings, the API.
# People and roles, and the log of personal data, come after.
ORGANISER_ORDER = [
    "editions",
    "programme",
    "registration",
    "startups",
    "matchmaking",
    "activities",
    "community",
    "dashboard",
    "api",
    "accounts",
    "auth",
    "core",
]


class OrganiserAdminSite(admin.AdminSite):
    def get_app_list(self, request, app_label=None):
        apps = self._build_app_dict(request, app_label)
        ordered = sorted(apps.values(), key=organiser_rank)
        for app in ordered:
            # Within an app, the order its admin module registers its models in,
            # which puts the main object first (the edition before its pivots).
            app["models"].sort(key=lambda entry: self.registration_rank(entry["model"]))
        return ordered

    def registration_rank(self, model) -> int:
        return list(self._registry).index(model)


def organiser_rank(app: dict) -> tuple[int, str]:
    label = app["app_label"]
    rank = ORGANISER_ORDER.index(label) if label in ORGANISER_ORDER else len(ORGANISER_ORDER)
    return rank, str(app["name"])


class OrganiserAdminConfig(AdminConfig):
    default_site = "core.admin_site.OrganiserAdminSite"


# Django's own admin phrases that our catalogue words better: its French builds
# "Ajout de édition" or "Sélectionnez l’objet pivot à changer" around our model
# names. Listed here so makemessages keeps them in locale/*/django.po, whose
# translations take precedence over Django's (LOCALE_PATHS).
STOCK_PHRASES = [
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Select %s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Change selected %(model)s"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("Delete selected %(model)s"),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
]
