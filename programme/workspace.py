"""The programme's links and readiness checks on the organiser's home (editions.workspace)."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from editions.workspace import (
    ReadinessCheck,
    StaffLink,
    admin_list,
    missing_translation,
    outside_days,
    register_checks,
    register_links,
)
from programme.models import Session, Speaker


def _speakers(edition: Edition) -> QuerySet:
    """Speakers are shared by editions: those of this edition's sessions."""
    return Speaker.objects.filter(appearances__session__edition=edition)


CHECKS = [
    ReadinessCheck(
        "edition",
        _("Sessions missing Arabic or English"),
        Session,
        lambda edition: edition.sessions.filter(missing_translation("title", "abstract")),
    ),
    ReadinessCheck(
        "edition",
        _("Sessions without a space"),
        Session,
        lambda edition: edition.sessions.filter(space__isnull=True),
    ),
    ReadinessCheck(
        "edition",
        _("Sessions without a time within the edition's days"),
        Session,
        lambda edition: edition.sessions.filter(outside_days(edition)),
    ),
    ReadinessCheck(
        "edition",
        _("Sessions without a speaker"),
        Session,
        lambda edition: edition.sessions.filter(appearances__isnull=True),
    ),
    ReadinessCheck(
        "edition",
        _("Speakers without a biography"),
        Speaker,
        lambda edition: _speakers(edition).filter(
            biography_fr="", biography_ar="", biography_en=""
        ),
    ),
    ReadinessCheck(
        "edition",
        _("Speakers without a photo"),
        Speaker,
        lambda edition: _speakers(edition).filter(photo=""),
    ),
    ReadinessCheck(
        "edition",
        _("Speakers without an e-mail address"),
        Speaker,
        lambda edition: _speakers(edition).filter(email=""),
    ),
]


def register() -> None:
    register_links(
        StaffLink("edition", _("Schedule editor"), "schedule:editor", "programme.change_session"),
        admin_list("edition", Session),
        admin_list("edition", Speaker),
    )
    register_checks(*CHECKS)
