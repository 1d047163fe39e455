"""The organiser's home: every staff area's links and the readiness checklist.

Most staff pages, and most of what an edition needs before it opens (passes, the
village's call, the lounge, the public programme), live in apps above this one.
Each app registers its links and its checks in its AppConfig.ready(); the home
walks the registry and shows each staff member what their permissions allow, so
no app imports a higher one. Areas come in the organiser's order, links and
checks in the order their apps are installed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import LANGUAGE_CODES
from editions.models import Edition

AREAS: dict[str, Promise] = {
    "edition": _("Edition and programme"),
    "registration": _("Registration and the door"),
    "village": _("Startup Village"),
    "lounge": _("Open Innovation Lounge"),
    "public": _("Public programme"),
    "community": _("Community and moderation"),
    "numbers": _("Numbers and mailings"),
    "administration": pgettext_lazy("staff area", "Administration"),
}


@dataclass(frozen=True)
class StaffLink:
    area: str
    label: Promise
    url_name: str
    # "app_label.codename" the page asks for; "" for any staff member.
    permission: str = ""


def admin_list(area: str, model: type[models.Model], label: Promise | None = None) -> StaffLink:
    """A link to a model's list in the administration, for those who may view it."""
    opts = model._meta
    return StaffLink(
        area,
        label or opts.verbose_name_plural,
        f"admin:{opts.app_label}_{opts.model_name}_changelist",
        f"{opts.app_label}.view_{opts.model_name}",
    )


@dataclass(frozen=True)
class ReadinessCheck:
    area: str
    label: Promise  # what needs fixing, as a list heading: "Sessions without a space"
    model: type[models.Model]
    # The objects of the edition that need fixing (one query, whatever their number).
    find: Callable[[Edition], QuerySet]

    @property
    def permission(self) -> str:
        """Those who may fix the objects see the check."""
        return f"{self.model._meta.app_label}.change_{self.model._meta.model_name}"


@dataclass(frozen=True)
class Finding:
    check: ReadinessCheck
    count: int
    # The fix: the one object's form, or the list of exactly these objects.
    url: str


_links: list[StaffLink] = []
_checks: list[ReadinessCheck] = []


def register_links(*links: StaffLink) -> None:
    _links.extend(link for link in links if link not in _links)


def register_checks(*checks: ReadinessCheck) -> None:
    _checks.extend(check for check in checks if check not in _checks)


def _allowed(user, permission: str) -> bool:
    return user.is_active and user.is_staff and (not permission or user.has_perm(permission))


def links_for(user) -> list[tuple[Promise, list[StaffLink]]]:
    """The areas this person works in, each with its links, in the organiser's order."""
    mine = [link for link in _links if _allowed(user, link.permission)]
    grouped = [
        (label, [link for link in mine if link.area == area]) for area, label in AREAS.items()
    ]
    return [(label, links) for label, links in grouped if links]


def checklist(edition: Edition, user) -> list[Finding]:
    """What this person may fix that the edition still lacks, check by check in
    registration order; a check with nothing to fix is left out."""
    findings = []
    for check in _checks:
        if not _allowed(user, check.permission):
            continue
        pks = list(check.find(edition).order_by().values_list("pk", flat=True).distinct())
        if pks:
            findings.append(Finding(check, len(pks), _fix_url(check.model, pks)))
    return findings


def _fix_url(model: type[models.Model], pks: list) -> str:
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    if len(pks) == 1:
        return reverse(f"{name}_change", args=[pks[0]])
    return reverse(f"{name}_changelist") + "?pk__in=" + ",".join(str(pk) for pk in sorted(pks))


def missing_translation(*fields: str) -> Q:
    """Objects with a French text whose Arabic or English is still empty."""
    missing = Q()
    others = [code for code in LANGUAGE_CODES if code != "fr"]
    for name in fields:
        for code in others:
            missing |= ~Q(**{f"{name}_fr": ""}) & Q(**{f"{name}_{code}": ""})
    return missing


def outside_days(edition: Edition, *, starts: str = "starts_at", ends: str = "ends_at") -> Q:
    """No time yet, or a time outside the edition's days."""
    first: datetime = edition.day_bounds(edition.starts_on)[0]
    last: datetime = edition.day_bounds(edition.ends_on)[1]
    return (
        Q(**{f"{starts}__isnull": True})
        | Q(**{f"{starts}__lt": first})
        | Q(**{f"{ends}__gt": last})
    )


def _pivots_missing_language(edition: Edition) -> QuerySet:
    return edition.pivots.filter(missing_translation("name", "description", "keywords"))


def _spaces_missing_language(edition: Edition) -> QuerySet:
    return edition.spaces.filter(missing_translation("name", "description"))


def register_own() -> None:
    """The editions app's own links and checks (called from its AppConfig.ready())."""
    from editions.models import Partner, Pivot, Space

    register_links(
        admin_list("edition", Edition),
        admin_list("edition", Pivot),
        admin_list("edition", Space),
        admin_list("edition", Partner),
        StaffLink("administration", _("Symposium administration"), "admin:index"),
    )
    register_checks(
        ReadinessCheck(
            "edition", _("Pivots missing Arabic or English"), Pivot, _pivots_missing_language
        ),
        ReadinessCheck(
            "edition", _("Spaces missing Arabic or English"), Space, _spaces_missing_language
        ),
    )
