"""The lounge's links and readiness checks on the organiser's home (editions.workspace)."""

from django.utils.translation import gettext_lazy as _

from editions.workspace import (
    ReadinessCheck,
    StaffLink,
    admin_list,
    register_checks,
    register_links,
)
from matchmaking.models import Lounge

RUN_SCHEDULER = "matchmaking.run_scheduler"

LINKS = [
    StaffLink("lounge", _("Lounge scheduler"), "matchmaking:staff", RUN_SCHEDULER),
    StaffLink("lounge", _("Table sheets"), "matchmaking:table_sheets", RUN_SCHEDULER),
    StaffLink("lounge", _("Outcomes of the meetings"), "matchmaking:outcomes", RUN_SCHEDULER),
    admin_list("lounge", Lounge),
]

CHECKS = [
    ReadinessCheck(
        "lounge",
        _("Lounge without tables"),
        Lounge,
        lambda edition: Lounge.objects.filter(edition=edition, tables__isnull=True),
    ),
    ReadinessCheck(
        "lounge",
        _("Lounge without meeting slots"),
        Lounge,
        lambda edition: Lounge.objects.filter(edition=edition, slots__isnull=True),
    ),
]


def register() -> None:
    register_links(*LINKS)
    register_checks(*CHECKS)
