"""Organiser pages: find, add, approve, reject and cancel registrations; the waiting
list; the CSV export; printable badges.

Every page needs `registration.view_registration`; a change needs its own
permission (add → `add_registration`, approve and reject →
`approve_registration`, cancel and offering free places → `change_registration`).
Anonymous visitors are sent to the staff sign-in page, signed-in people without
the permission get a 403. Changes go through `registration.services`, so
capacity, the waiting list, e-mails and the history stay right.

Staff may add someone before registration opens or after it closes (a speaker's
guest, a walk-in on the day), but never beyond the capacity: the place is taken
by the same conditional UPDATE as the public form's.
"""

import re
from dataclasses import dataclass
from itertools import groupby
from typing import NamedTuple

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from core.access_log import record_access
from core.csv import csv_response
from core.permissions import staff_only
from editions.models import Edition
from editions.rendering import render_for_edition
from editions.services import staff_edition
from programme.exports.common import local_iso
from registration import services
from registration.forms_staff import (
    BadgeFilters,
    RegistrationFilters,
    RejectForm,
    StaffRegistrationForm,
)
from registration.models import PassType, Registration
from registration.qr import qr_svg

PER_PAGE = 50
BADGES_PER_SHEET = 10  # 2 × 5 badges of 90 × 55 mm on A4 (business-card badge holders)
# 37 modules (a version 4 code and its border) × 3 px: about 29 mm on paper.
BADGE_QR_SCALE = 3
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_COLOUR = "#135e4b"
Status = Registration.Status


def _query(filters, edition: Edition, **changes) -> str:
    """The filters in use (and the edition, when not the current one), with
    `changes` made; an empty value removes the key."""
    query = filters.as_query()
    if not edition.is_current:
        query["edition"] = edition.slug
    for key, value in changes.items():
        query[key] = value
        if not value and key != "page":
            del query[key]
    return query.urlencode()


def _edition_query(edition: Edition) -> str:
    return "" if edition.is_current else f"edition={edition.slug}"


def _render(request, template, context, edition, **kwargs):
    return render_for_edition(request, template, {"nav": "staff", **context}, edition, **kwargs)


# The list


@require_GET
@staff_only("registration.view_registration")
def registration_list(request):
    edition = staff_edition(request)
    filters = RegistrationFilters(request.GET, edition=edition)
    everyone = Registration.objects.filter(edition=edition)
    found = filters.apply(everyone).select_related("pass_type", "check_in")
    page = Paginator(found.order_by("-created_at", "-id"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    status_counts = _status_counts(filters.apply(everyone, with_status=False), filters, edition)
    context = {
        "filters": filters,
        "page": page,
        "status_counts": status_counts,
        "total_for_statuses": sum(item["count"] for item in status_counts),
        "current_status": filters.value("status"),
        "all_statuses_query": _query(filters, edition, status=""),
        "query": _query(filters, edition),
        "page_query": _query(filters, edition, page=""),
        "has_filters": bool(filters.as_query()),
        "clear_query": _edition_query(edition),
        "staff_nav": "list",
    }
    return _render(request, "registration/staff/list.html", context, edition)


def _status_counts(registrations, filters, edition) -> list[dict]:
    """How many registrations of each status match the other filters, with the link
    that adds the status to them."""
    counts = dict(registrations.order_by().values_list("status").annotate(n=Count("id")))
    return [
        {
            "status": value,
            "label": label,
            "count": counts.get(value, 0),
            "current": filters.value("status") == value,
            "query": _query(filters, edition, status=value),
        }
        for value, label in Status.choices
    ]


# One registration, and the decisions on it


@require_http_methods(["GET", "POST"])
@staff_only("registration.view_registration")
def registration_detail(request, pk: int):
    registration = get_object_or_404(
        Registration.objects.select_related("pass_type", "edition", "check_in__by"), pk=pk
    )
    reject_form = RejectForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in DECISIONS:
            return HttpResponseBadRequest(_("Unknown action."))
        if not request.user.has_perm(DECISIONS[action][0]):
            raise PermissionDenied
        reject_form = RejectForm(request.POST)
        if reject_form.is_valid():
            return _decide(request, registration, action, reject_form.cleaned_data["reason"])
    context = {
        "registration": registration,
        "consents": registration.consents.all(),
        "events": registration.events.select_related("actor"),
        "check_in": getattr(registration, "check_in", None),
        "reject_form": reject_form,
        "may_approve": request.user.has_perm("registration.approve_registration"),
        "may_cancel": request.user.has_perm("registration.change_registration"),
        "staff_nav": "list",
    }
    status = 400 if reject_form.errors else 200
    return _render(
        request, "registration/staff/detail.html", context, registration.edition, status=status
    )


def _approve(registration, *, by, reason):
    return services.approve(registration, by=by)


def _reject(registration, *, by, reason):
    return services.reject(registration, by=by, reason=reason)


def _cancel(registration, *, by, reason):
    return services.cancel(registration, by=by)


# action → (the permission it needs, the service it calls)
DECISIONS = {
    "approve": ("registration.approve_registration", _approve),
    "reject": ("registration.approve_registration", _reject),
    "cancel": ("registration.change_registration", _cancel),
}


def _done_message(action: str) -> str:
    return {
        "approve": _("Registration approved; the person has been e-mailed their ticket."),
        "reject": _("Registration rejected; the person has been told by e-mail."),
        "cancel": _("Registration cancelled; the person has been told by e-mail."),
    }[action]


def _decide(request, registration, action: str, reason: str):
    _permission, service = DECISIONS[action]
    try:
        service(registration, by=request.user, reason=reason)
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _done_message(action))
    return redirect("registration:staff_detail", pk=registration.pk)


# Adding someone


@require_http_methods(["GET", "POST"])
@staff_only("registration.add_registration")
def add_registration(request):
    edition = staff_edition(request)
    passes = list(edition.pass_types.all())
    pass_type = next((p for p in passes if p.slug == request.GET.get("pass")), None)
    form = None
    if pass_type is not None:
        form = StaffRegistrationForm(request.POST or None, pass_type=pass_type)
        if request.method == "POST" and form.is_valid():
            try:
                registration = register_for_staff(pass_type, form=form, by=request.user)
            except services.RegistrationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _added_message(registration))
                return redirect("registration:staff_detail", pk=registration.pk)
    context = {"passes": passes, "pass_type": pass_type, "form": form, "staff_nav": "add"}
    status = 400 if form is not None and form.errors else 200
    return _render(request, "registration/staff/add.html", context, edition, status=status)


def register_for_staff(pass_type: PassType, *, form: StaffRegistrationForm, by) -> Registration:
    """Register through the service, whatever the pass's dates, within its capacity,
    and record who added the person and how their consent was collected."""
    note = _("added by staff; consent given %(channel)s") % {"channel": form.consent_note()}
    registration, _created = services.register(
        pass_type,
        attendee=form.attendee(),
        submission_key=form.cleaned_data.get("submission_key"),
        by=by,
        note=note[:250],
        any_date=True,
    )
    return registration


def _added_message(registration: Registration) -> str:
    if registration.status == Status.WAITLISTED:
        message = _("The pass is full: %(name)s is on the waiting list and was told by e-mail.")
    elif registration.status == Status.PENDING:
        message = _("%(name)s is registered and awaits approval; they have been told by e-mail.")
    else:
        message = _("%(name)s is registered; their ticket is on its way by e-mail.")
    return message % {"name": registration.full_name}


# The waiting list


@require_http_methods(["GET", "POST"])
@staff_only("registration.view_registration")
def waiting_list(request):
    edition = staff_edition(request)
    if request.method == "POST":
        return _offer_free_places(request, edition)
    waiting = (
        Registration.objects.waiting()
        .filter(edition=edition)
        .select_related("pass_type")
        .order_by("pass_type__position", "pass_type_id", "created_at", "id")
    )
    by_pass = {pk: list(people) for pk, people in groupby(waiting, key=lambda r: r.pass_type_id)}
    passes = [
        {"pass_type": p, "waiting": by_pass.get(p.pk, [])}
        for p in edition.pass_types.all()
        if p.has_waiting_list or p.pk in by_pass
    ]
    context = {
        "passes": passes,
        "may_promote": request.user.has_perm("registration.change_registration"),
        "staff_nav": "waiting",
    }
    return _render(request, "registration/staff/waiting_list.html", context, edition)


def _offer_free_places(request, edition: Edition):
    """Give places freed outside the services (a capacity raised by hand) to those waiting."""
    if not request.user.has_perm("registration.change_registration"):
        raise PermissionDenied
    pass_type = get_object_or_404(edition.pass_types, pk=request.POST.get("pass_type") or 0)
    promoted = services.promote_waiting(pass_type, by=request.user)
    count = len(promoted)
    messages.success(
        request,
        ngettext(
            "%(count)d person moved from the waiting list to the pass.",
            "%(count)d people moved from the waiting list to the pass.",
            count,
        )
        % {"count": count},
    )
    query = _edition_query(edition)
    return redirect(reverse("registration:waiting_list") + (f"?{query}" if query else ""))


# The CSV export


@require_GET
@staff_only("registration.view_registration")
def registrations_csv(request):
    edition = staff_edition(request)
    filters = RegistrationFilters(request.GET, edition=edition)
    registrations = (
        filters.apply(Registration.objects.filter(edition=edition))
        .select_related("pass_type", "check_in")
        .prefetch_related("pivots")
        .order_by("last_name", "first_name", "id")
    )
    record_access(
        request, "registrations.csv", records=len(registrations), query=request.GET.urlencode()
    )
    return csv_response(
        _csv_header(),
        (_csv_row(registration, edition) for registration in registrations),
        filename=f"{edition.slug}-registrations.csv",
    )


def _csv_header() -> list[str]:
    return [
        _("number"),
        _("last name"),
        _("first name"),
        _("e-mail"),
        _("phone number"),
        _("organisation"),
        _("role or job title"),
        _("sector"),
        _("city"),
        _("pivots of interest"),
        _("accessibility needs"),
        _("language"),
        _("pass"),
        _("status"),
        _("registered at"),
        _("admitted at"),
        _("gate"),
    ]


def _csv_row(registration: Registration, edition: Edition) -> list[object]:
    check_in = getattr(registration, "check_in", None)
    return [
        registration.pk,
        registration.last_name,
        registration.first_name,
        registration.email,
        registration.phone,
        registration.organisation,
        registration.role,
        registration.sector,
        registration.city,
        "; ".join(p.name for p in registration.pivots.all()),
        registration.accessibility_needs,
        registration.language,
        registration.pass_type.name,
        registration.get_status_display(),
        local_iso(registration.created_at, edition),
        local_iso(check_in.at, edition) if check_in else "",
        check_in.gate if check_in else "",
    ]


# Badges


@dataclass
class Badge:
    registration: Registration
    qr: str  # inline SVG, made here from the ticket secret

    @property
    def is_long(self) -> bool:
        return len(self.registration.full_name) > 24


@require_GET
@staff_only("registration.view_registration")
def badges(request):
    edition = staff_edition(request)
    filters = BadgeFilters(request.GET, edition=edition)
    registrations = (
        filters.apply(Registration.objects.filter(edition=edition))
        .select_related("pass_type")
        .order_by("pass_type__position", "last_name", "first_name", "id")
    )
    # segno writes the SVG from the secret alone: nothing typed by anyone reaches it.
    badges = [
        Badge(r, mark_safe(qr_svg(r.secret, scale=BADGE_QR_SCALE)))  # noqa: S308
        for r in registrations
    ]
    record_access(request, "badges", records=len(badges), query=request.GET.urlencode())
    sheets = [badges[i : i + BADGES_PER_SHEET] for i in range(0, len(badges), BADGES_PER_SHEET)]
    context = {
        "filters": filters,
        "sheets": sheets,
        "count": len(badges),
        "pass_colours": pass_colours(edition),
        "staff_nav": "badges",
    }
    return _render(request, "registration/staff/badges.html", context, edition)


class PassColour(NamedTuple):
    pk: int
    colour: str
    ink: str


def pass_colours(edition: Edition) -> list[PassColour]:
    """Each pass's colour and ink for the page's style block. The colour goes into
    CSS, where HTML escaping protects nothing: only a clean #rrggbb is let through."""
    colours = []
    for pass_type in edition.pass_types.all():
        colour = pass_type.colour if HEX_COLOUR.fullmatch(pass_type.colour) else DEFAULT_COLOUR
        colours.append(PassColour(pass_type.pk, colour, ink_on(colour)))
    return colours


def ink_on(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (#rrggbb), by WCAG luminance."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # Contrast with white (1.05 / (L + 0.05)) against contrast with black ((L + 0.05) / 0.05).
    return "#000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#fff"
