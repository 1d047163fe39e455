"""Public pages of the Startup Village: the call, applying, the directory.

Visitors give their e-mail and get a sign-in link back to the call; signed-in
participants fill in the application (draft or sent), then follow it on its
status page. Only its applicant ever sees an application (anyone else: 404).
A rule refusing (the call not open, closed, already decided) answers 409 with
its message and the typed data still on screen; rate limits answer 429.
"""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.services import normalise_email, request_sign_in_link, signs_in_with_password
from core import query, ratelimit
from core.http import see_other
from core.i18n import active_language
from editions.models import Edition, hex_colour
from editions.rendering import render_for_edition
from editions.services import current_edition, published_edition
from startups import services
from startups.forms import SUBMIT, ApplicationForm, ApplyEmailForm, DirectoryFilters
from startups.models import Application, Call
from startups.services import ApplicationError

Status = Application.Status
NAV = {"nav": "startups"}
signed_in = login_required(login_url="accounts:sign_in", redirect_field_name=None)


def _application_url(application: Application) -> str:
    return reverse("startups:application", args=[application.pk])


def _edition(request) -> Edition:
    """The current edition, or the published one named by `?edition=` (archives)."""
    archived = query.slug(request.GET, "edition")
    return published_edition(archived) if archived else current_edition()


def _call_of(edition: Edition) -> Call | None:
    try:
        return edition.startup_call
    except Call.DoesNotExist:
        return None


def _render(request, template: str, context: dict, edition: Edition, status: int = 200):
    return render_for_edition(request, template, {**NAV, **context}, edition, status=status)


def _no_call(request, edition: Edition):
    return _render(request, "startups/no_call.html", {}, edition, status=404)


def call_state(call: Call) -> str:
    now = timezone.now()
    return "not_open" if now < call.opens_at else "closed" if now >= call.closes_at else "open"


def with_plain_colour(pivots) -> list:
    """The pivots whose colour is a plain #rrggbb, for a <style> block."""
    return [p for p in pivots if hex_colour.regex.match(p.colour or "")]


def public_website(url: str) -> str:
    """The address to link to, only when it is a web one (the form refuses others;
    this holds for whatever staff typed in the admin too)."""
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else ""


# The directory and a startup's page


@require_GET
def directory(request):
    edition = _edition(request)
    call = _call_of(edition)
    if call is None:
        return _no_call(request, edition)
    pivots = list(edition.pivots.all())
    filters = DirectoryFilters(request.GET or None, pivots=pivots)
    selected = call.applications.selected().select_related("pivot").order_by("name", "pk")
    startups = list(filters.filter(selected))
    context = {
        "call": call,
        "state": call_state(call),
        "filters": filters,
        "startups": startups,
        "coloured_pivots": with_plain_colour(pivots),
    }
    return _render(request, "startups/directory.html", context, edition)


@require_GET
def startup(request, slug: str):
    edition = _edition(request)
    call = _call_of(edition)
    if call is None:
        raise Http404
    selected = call.applications.selected().select_related("pivot", "call__village")
    application = get_object_or_404(selected, slug=slug)
    context = {
        "call": call,
        "startup": application,
        "website": public_website(application.website),
        "coloured_pivots": with_plain_colour([application.pivot] if application.pivot else []),
    }
    return _render(request, "startups/startup.html", context, edition)


# Applying


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request):
    edition = current_edition()
    call = _call_of(edition)
    if call is None:
        return _no_call(request, edition)
    if not request.user.is_authenticated:
        return _ask_email(request, edition, call)
    if signs_in_with_password(request.user):
        return _render(request, "startups/staff_cannot_apply.html", {"call": call}, edition, 403)
    existing = services.active_application(call, request.user)
    if existing is not None:
        return see_other(_application_url(existing))
    if request.method == "GET" and call_state(call) != "open":
        return _render(request, "startups/apply_closed.html", _call_context(call), edition)
    return _application_form(request, call, None)


def _call_context(call: Call) -> dict:
    return {"call": call, "state": call_state(call)}


def _ask_email(request, edition: Edition, call: Call):
    """Anonymous visitors: an e-mail, then a sign-in link leading back here. The
    same answer whatever the address (staff addresses get nothing)."""
    if request.method == "GET" and "sent" in request.GET:
        return _render(request, "startups/apply_sent.html", _call_context(call), edition)
    form = ApplyEmailForm(request.POST if request.method == "POST" else None)
    status = _send_link(request, form, call) if form.is_bound else 200
    if status == 303:
        return see_other(reverse("startups:apply") + "?sent=1")
    context = {**_call_context(call), "form": form}
    return _render(request, "startups/apply_email.html", context, edition, status)


def _send_link(request, form: ApplyEmailForm, call: Call) -> int:
    try:
        ratelimit.check(request, ("startups_apply:ip", ratelimit.client_ip(request)))
        if not form.is_valid():
            return 200
        email = normalise_email(form.cleaned_data["email"])
        ratelimit.check(request, ("startups_apply:email", email))
        services.check_open(call)
    except ratelimit.RateLimited as limited:
        form.add_error(None, str(limited.message))
        return 429
    except ApplicationError as refused:
        form.add_error(None, refused.message)
        return 409
    next_url = reverse("startups:apply")  # in the active language
    request_sign_in_link(email, language=active_language(), next_url=next_url, create_account=True)
    return 303


def _application_form(request, call: Call, application: Application | None):
    """The form, empty or with the draft; POST saves it (draft) or sends it (submit)."""
    bound = request.method == "POST"
    form = ApplicationForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        call=call,
        submitting=request.POST.get("action") == SUBMIT,
        initial=ApplicationForm.initial_for(application) if application else None,
    )
    status = 200
    if form.is_bound and form.is_valid():
        try:
            return _save(request, form, call, application)
        except ApplicationError as refused:
            if refused.code == "not_draft":  # sent meanwhile (a double submit): its status
                return see_other(_application_url(refused.application))
            form.add_error(None, refused.message)
            status = 409
    context = {**_call_context(call), "form": form, "application": application}
    return _render(request, "startups/application_form.html", context, call.edition, status)


def _save(request, form: ApplicationForm, call: Call, application: Application | None):
    data = form.application_data()
    saved = services.save_draft(application, call=call, applicant=request.user, data=data)
    if form.submitting:
        services.submit(saved, consented=form.cleaned_data["consent"])
        messages.success(request, _("Your application is sent. We have e-mailed you a receipt."))
    else:
        messages.success(request, _("Your draft is saved. Come back to it whenever you like."))
    return see_other(_application_url(saved))


# The applicant's own application


def _own_application(request, pk: int) -> Application:
    """The signed-in person's application, or 404 for anyone else's (ids cannot be probed)."""
    applications = Application.objects.select_related("call__edition", "call__village", "pivot")
    return get_object_or_404(applications, pk=pk, applicant=request.user)


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def application(request, pk: int):
    application = _own_application(request, pk)
    call = application.call
    if application.is_editable and (request.method == "POST" or call_state(call) == "open"):
        return _application_form(request, call, application)
    if request.method == "POST":  # the form posted again after it was sent
        return see_other(_application_url(application))
    context = {
        **_call_context(call),
        "application": application,
        "events": list(application.events.all()),
        "can_withdraw": application.status in services.WITHDRAWABLE,
    }
    return _render(request, "startups/application_status.html", context, call.edition)


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def withdraw(request, pk: int):
    """GET asks "are you sure?"; POST withdraws and goes back to the status page."""
    application = _own_application(request, pk)
    context = {"application": application, "call": application.call}
    if request.method == "POST":
        try:
            services.withdraw(application, by=request.user)
        except ApplicationError as refused:
            context["error"] = refused.message
            return _render(
                request, "startups/withdraw.html", context, application.call.edition, 409
            )
        messages.success(request, _("Your application is withdrawn."))
        return see_other(_application_url(application))
    context["can_withdraw"] = application.status in services.WITHDRAWABLE
    return _render(request, "startups/withdraw.html", context, application.call.edition)
