"""The numbers' and mailings' links on the organiser's home (editions.workspace)."""

from django.utils.translation import gettext_lazy as _

from dashboard.models import Mailing
from editions.workspace import StaffLink, admin_list, register_links

LINKS = [
    StaffLink("numbers", _("Dashboard"), "dashboard:home", "dashboard.view_dashboard"),
    StaffLink("numbers", _("Impact report"), "dashboard:report", "dashboard.view_dashboard"),
    admin_list("numbers", Mailing),
]


def register() -> None:
    register_links(*LINKS)
