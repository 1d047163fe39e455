"""Public registration pages: the passes, the form, the ticket reached by its secret
link (with cancel and transfer), and "send me my ticket links again".

Refusals by a rule (not open yet, closed, full without waiting list, already
cancelled…) answer 409 with the rule's message; rate limits answer 429. Every
page works without JavaScript.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core import ratelimit
from core.http import LINK_SECRET, keep_private, see_other
from core.i18n import active_language
from editions.rendering import render_for_edition
from editions.services import current_edition
from registration import emails, services
from registration.forms import RegistrationForm, ResendForm, TransferForm
from registration.models import PassType, Registration
from registration.qr import qr_svg, scalable
from registration.services import RegistrationError

Status = Registration.Status
# The ticket page's address is the ticket: no link on it may pass that address on.
# The cancel and transfer pages hold forms, and with "no-referrer" browsers send
# `Origin: null` with their POST, which CSRF protection rightly refuses; there,
# "same-origin" keeps the address on our own site, which knows it already.
TICKET_REFERRER_POLICY = "no-referrer"
FORM_REFERRER_POLICY = "same-origin"


def _ticket_url(registration: Registration) -> str:
    return reverse("registration:ticket", args=[registration.secret])


@dataclass
class Availability:
    """Where a pass stands for a newcomer right now."""

    code: str  # open, waiting_list, full, not_open, closed
    pass_type: PassType

    @classmethod
    def of(cls, pass_type: PassType, now: datetime) -> "Availability":
        if now < pass_type.opens_at:
            return cls("not_open", pass_type)
        if now >= pass_type.closes_at:
            return cls("closed", pass_type)
        if pass_type.places_left == 0:
            return cls("waiting_list" if pass_type.has_waiting_list else "full", pass_type)
        return cls("open", pass_type)

    @property
    def accepts(self) -> bool:
        return self.code in ("open", "waiting_list")


@require_GET
def pass_list(request):
    edition = current_edition()
    now = timezone.now()
    passes = [Availability.of(p, now) for p in edition.pass_types.filter(is_public=True)]
    context = {
        "passes": passes,
        "pass_types": [a.pass_type for a in passes],
        "edition_dates": emails.edition_dates(edition),
        "nav": "register",
    }
    return render_for_edition(request, "registration/passes.html", context, edition)


def _submitted(request, form, limits: str, act) -> tuple[HttpResponse | None, int]:
    """Handle a POSTed form: count the attempt against `<limits>:ip`, validate,
    count it against `<limits>:email`, then `act(cleaned_data)`, which returns
    the response. Otherwise no response, and the status to show the form again
    with: 200 (invalid), 429 (rate-limited) or 409 (a rule refused)."""
    try:
        ratelimit.check(request, (f"{limits}:ip", ratelimit.client_ip(request)))
        if not form.is_valid():
            return None, 200
        ratelimit.check(request, (f"{limits}:email", form.cleaned_data["email"]))
        return act(form.cleaned_data), 200
    except ratelimit.RateLimited as limited:
        form.add_error(None, str(limited.message))
        return None, 429
    except RegistrationError as refused:
        form.add_error(None, refused.message)
        return None, 409


@require_http_methods(["GET", "POST"])
def register(request, slug: str, token: str = ""):
    """A pass's form: by its short name, or for an unlisted pass by its invitation
    link only (the same missing page for a wrong link as for no pass at all)."""
    edition = current_edition()
    pass_type = get_object_or_404(edition.pass_types.select_related("edition"), slug=slug)
    if not pass_type.admits(token):
        raise Http404
    form = RegistrationForm(request.POST or None, pass_type=pass_type)

    def act(data):
        registration, _new = services.register(
            pass_type,
            attendee=form.attendee(),
            submission_key=data["submission_key"],
            news=data["news"],
        )
        return see_other(_ticket_url(registration))

    response, status = _submitted(request, form, "register", act) if form.is_bound else (None, 200)
    if response:
        return response
    if status == 409:
        pass_type.refresh_from_db(fields=["held"])  # say how it stands now
    context = {
        "form": form,
        "pass_type": pass_type,
        "pass_types": [pass_type],
        "edition_dates": emails.edition_dates(edition),
        "availability": Availability.of(pass_type, timezone.now()),
        "nav": "register",
    }
    response = render_for_edition(
        request, "registration/register.html", context, edition, status=status
    )
    return keep_private(response, referrer_policy=FORM_REFERRER_POLICY) if token else response


def _unknown_ticket(request):
    try:
        edition = current_edition()
    except Http404:  # no edition published yet: the plain layout
        return render(request, "registration/unknown_ticket.html", {}, status=404)
    return render_for_edition(request, "registration/unknown_ticket.html", {}, edition, status=404)


def ticket_page(referrer_policy: str):
    """Resolve the secret of the URL to its registration, or answer the one
    "unknown ticket" page (404) for anything else; keep the page private."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, secret: str):
            registration = None
            if LINK_SECRET.match(secret):
                registration = (
                    Registration.objects.select_related("pass_type", "edition", "check_in")
                    .filter(secret=secret)
                    .first()
                )
            response = view(request, registration) if registration else _unknown_ticket(request)
            return keep_private(response, referrer_policy=referrer_policy)

        return wrapped

    return decorator


def _admitted(registration: Registration) -> bool:
    return hasattr(registration, "check_in")


def _can_cancel(registration: Registration) -> bool:
    return registration.status in (Status.PENDING, Status.CONFIRMED, Status.WAITLISTED) and not (
        _admitted(registration)
    )


def _can_transfer(registration: Registration) -> bool:
    return (
        registration.pass_type.allows_transfer
        and registration.holds_a_place
        and not _admitted(registration)
    )


def _render_ticket(request, template: str, registration: Registration, status=200, **context):
    context = {
        "registration": registration,
        "pass_types": [registration.pass_type],
        "can_cancel": _can_cancel(registration),
        "can_transfer": _can_transfer(registration),
        "admitted": _admitted(registration),
        "edition_dates": emails.edition_dates(registration.edition),
        **context,
    }
    return render_for_edition(request, template, context, registration.edition, status=status)


@require_GET
@ticket_page(TICKET_REFERRER_POLICY)
def ticket(request, registration: Registration):
    confirmed = registration.status == Status.CONFIRMED
    return _render_ticket(
        request,
        "registration/ticket.html",
        registration,
        qr=scalable(qr_svg(registration.secret, scale=8)) if confirmed else None,
        position=emails.waiting_position(registration)
        if registration.status == Status.WAITLISTED
        else None,
    )


@require_http_methods(["GET", "POST"])
@ticket_page(FORM_REFERRER_POLICY)
def cancel(request, registration: Registration):
    """GET asks "are you sure?"; POST cancels and goes back to the ticket."""
    if request.method == "POST":
        try:
            services.cancel(registration)
        except RegistrationError as refused:
            return _render_ticket(
                request, "registration/cancel.html", registration, status=409, error=refused.message
            )
        messages.success(
            request, _("Your registration is cancelled. Thank you for freeing your place.")
        )
        return see_other(_ticket_url(registration))
    return _render_ticket(request, "registration/cancel.html", registration)


@require_http_methods(["GET", "POST"])
@ticket_page(FORM_REFERRER_POLICY)
def transfer(request, registration: Registration):
    form = TransferForm(request.POST or None)

    def act(data):
        services.transfer(registration, **data)
        messages.success(
            request,
            _(
                "The ticket is now in the new holder's name. We have e-mailed them their "
                "ticket link; your own link no longer works."
            ),
        )
        return see_other(reverse("registration:passes"))

    response, status = _submitted(request, form, "register", act) if form.is_bound else (None, 200)
    return response or _render_ticket(
        request, "registration/transfer.html", registration, status=status, form=form
    )


@require_http_methods(["GET", "POST"])
def resend_link(request):
    """Always the same answer, so nobody learns who registered."""
    edition = current_edition()
    form = ResendForm(request.POST or None)

    def act(data):
        services.resend_ticket_links(data["email"], language=active_language())
        messages.success(
            request,
            _(
                "If we have registrations for this address, we have just e-mailed their "
                "ticket links to it. Check your inbox, and your spam folder."
            ),
        )
        return see_other(reverse("registration:resend"))

    response, status = _submitted(request, form, "resend", act) if form.is_bound else (None, 200)
    context = {"form": form, "nav": "register"}
    return response or render_for_edition(
        request, "registration/resend.html", context, edition, status=status
    )
