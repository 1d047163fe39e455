"""Participants' own pages: sign in with an e-mail link, see their registrations."""

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import privacy, services
from accounts.forms import DeleteMyDataForm, LanguageForm, SignInForm
from accounts.services import SENT_TO
from core import ratelimit
from core.http import local_path, see_other
from editions.rendering import render_for_edition
from editions.services import current_edition

SESAME_BACKEND = "sesame.backends.ModelBackend"


def _render(request, template: str, context: dict, *, status: int = 200):
    """Render within the current edition's layout, or the bare one before any is published."""
    context = {"nav": "account", "link_minutes": settings.SESAME_MAX_AGE // 60, **context}
    try:
        edition = current_edition()
    except Http404:
        return render(request, template, context, status=status)
    return render_for_edition(request, template, context, edition, status=status)


@require_GET
def privacy_notice(request):
    """What personal data the platform keeps, why, for how long, and the rights of
    the people concerned (Moroccan law 09-08, compatible with the GDPR)."""
    context = {"months": settings.PERSONAL_DATA_RETENTION_MONTHS, "nav": "privacy"}
    return _render(request, "accounts/privacy.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request):
    if request.method == "GET" and "sent" in request.GET:
        return _render(request, "accounts/link_sent.html", {"email": request.session.get(SENT_TO)})
    if request.method == "GET" and request.user.is_authenticated:
        return redirect("accounts:home")
    form = SignInForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return _render(request, "accounts/sign_in.html", {"form": form})
    email = services.normalise_email(form.cleaned_data["email"])
    try:
        ratelimit.check(
            request, ("sign_in:ip", ratelimit.client_ip(request)), ("sign_in:email", email)
        )
    except ratelimit.RateLimited as refused:
        context = {"form": form, "refused": refused.message}
        return _render(request, "accounts/sign_in.html", context, status=429)
    services.request_sign_in_link(email, language=translation.get_language())
    # Known or not, the same answer: nobody learns who registered.
    request.session[SENT_TO] = email
    return redirect(reverse("accounts:sign_in") + "?sent=1")


@never_cache
@require_GET
def login_with_link(request):
    user = services.redeem_sign_in_link(request)
    if user is None:
        context = {"form": SignInForm()}
        response = _render(request, "accounts/link_invalid.html", context, status=403)
    else:
        login(request, user, backend=SESAME_BACKEND)
        response = redirect(_safe_next(request, user))
    response["Referrer-Policy"] = "no-referrer"  # keep the token out of referrers
    return response


def _safe_next(request, user) -> str:
    """Only a path on this site; anything with a scheme or a host goes home instead:
    the organiser's home for staff, their own account for everyone else."""
    home = "editions:staff_home" if user.is_staff else "accounts:home"
    return local_path(request, request.GET.get("next", "").strip()) or reverse(home)


@never_cache
@login_required(login_url="accounts:sign_in", redirect_field_name=None)
@require_http_methods(["GET", "POST"])
def my_registrations(request):
    form = LanguageForm(request.POST if request.method == "POST" else None, instance=request.user)
    if form.is_valid():
        user = services.change_language(request.user, language=form.cleaned_data["language"])
        with translation.override(user.language):
            return redirect("accounts:home")
    context = {
        "registrations": services.registrations_of(request.user),
        "applications": request.user.startup_applications.select_related("call__edition"),
        "lounge_profiles": request.user.lounge_profiles.select_related("lounge__edition"),
        "language_form": form,
        "wants_news": privacy.wants_news(request.user),
    }
    return _render(request, "accounts/home.html", context)


@require_POST
def sign_out(request):
    logout(request)
    return redirect("editions:home")


@never_cache
@login_required(login_url="accounts:sign_in", redirect_field_name=None)
@require_GET
def my_data(request):
    response = JsonResponse(
        privacy.export_for(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@never_cache
@login_required(login_url="accounts:sign_in", redirect_field_name=None)
@require_http_methods(["GET", "POST"])
def delete_my_data(request):
    if request.user.is_staff:
        # A staff account signs actions in the history: its owner asks the admin role.
        raise PermissionDenied
    form = DeleteMyDataForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        status = 400 if request.method == "POST" else 200
        return _render(request, "accounts/delete_my_data.html", {"form": form}, status=status)
    privacy.erase(request.user)
    logout(request)
    return _render(request, "accounts/data_deleted.html", {})


@login_required(login_url="accounts:sign_in", redirect_field_name=None)
@require_POST
def news_consent(request):
    privacy.set_news(request.user, request.POST.get("wanted") == "yes")
    return see_other(reverse("accounts:home") + "#my-data")
