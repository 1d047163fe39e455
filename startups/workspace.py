"""The Startup Village's links and readiness check on the organiser's home (editions.workspace)."""

from django.utils.translation import gettext_lazy as _

from editions.workspace import (
    ReadinessCheck,
    StaffLink,
    admin_list,
    register_checks,
    register_links,
)
from startups.models import Call

LINKS = [
    StaffLink("village", _("Jury"), "startups:jury", "startups.review_application"),
    StaffLink("village", _("Applications"), "startups:ranking", "startups.decide_application"),
    StaffLink("village", _("Booths"), "startups:booths", "startups.decide_application"),
    admin_list("village", Call),
]

CHECKS = [
    ReadinessCheck(
        "village",
        _("Call for startups without criteria"),
        Call,
        lambda edition: Call.objects.filter(edition=edition, criteria__isnull=True),
    ),
]


def register() -> None:
    register_links(*LINKS)
    register_checks(*CHECKS)
