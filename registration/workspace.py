"""Registration's links and readiness checks on the organiser's home (editions.workspace)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.workspace import (
    ReadinessCheck,
    StaffLink,
    admin_list,
    missing_translation,
    register_checks,
    register_links,
)
from registration.models import PassType

LINKS = [
    StaffLink(
        "registration",
        _("Registrations"),
        "registration:staff_list",
        "registration.view_registration",
    ),
    StaffLink(
        "registration",
        _("Register someone"),
        "registration:staff_add",
        "registration.add_registration",
    ),
    StaffLink(
        "registration",
        _("Waiting list"),
        "registration:waiting_list",
        "registration.view_registration",
    ),
    StaffLink("registration", _("Badges"), "registration:badges", "registration.view_registration"),
    StaffLink(
        "registration",
        _("Check-in desk"),
        "registration:desk",
        "registration.check_in_registration",
    ),
    admin_list("registration", PassType),
]

CHECKS = [
    ReadinessCheck(
        "registration",
        _("Passes missing Arabic or English"),
        PassType,
        lambda edition: edition.pass_types.filter(missing_translation("name", "description")),
    ),
    ReadinessCheck(
        "registration",
        _("Passes whose registration is not open yet"),
        PassType,
        lambda edition: edition.pass_types.filter(opens_at__gt=timezone.now()),
    ),
    ReadinessCheck(
        "registration",
        _("Passes with no places"),
        PassType,
        lambda edition: edition.pass_types.filter(capacity=0),
    ),
]


def register() -> None:
    register_links(*LINKS)
    register_checks(*CHECKS)
