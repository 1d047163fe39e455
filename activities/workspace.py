"""The public programme's links and readiness checks on the organiser's home."""

from django.utils.translation import gettext_lazy as _

from activities.models import Activity, PublicProgramme
from editions.workspace import (
    ReadinessCheck,
    StaffLink,
    admin_list,
    missing_translation,
    register_checks,
    register_links,
)

LINKS = [
    StaffLink("public", _("Activity entrances"), "activities:entrance", "activities.admit_visitor"),
    admin_list("public", PublicProgramme),
    admin_list("public", Activity),
]

CHECKS = [
    ReadinessCheck(
        "public",
        _("Public activities missing Arabic or English"),
        Activity,
        lambda edition: edition.activities.filter(missing_translation("title", "description")),
    ),
    ReadinessCheck(
        "public",
        _("Public activities without slots"),
        Activity,
        lambda edition: edition.activities.filter(slots__isnull=True),
    ),
]


def register() -> None:
    register_links(*LINKS)
    register_checks(*CHECKS)
