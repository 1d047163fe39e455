"""The door: staff admit ticket holders with a scanner, a camera or a name search.

Every action works without JavaScript: a scan POSTs, redirects to the desk page
and the answer is shown there. desk.js adds scanning without reloads, the
camera, an offline mode (a list of hashed secrets, a queue synced afterwards)
and live counts. Who scans is whoever holds `registration.check_in_registration`.
"""

import hashlib
import json
import re
import unicodedata
import uuid
from datetime import datetime

from django import forms
from django.db.models import Case, Count, Max, Q, When
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.decorators.http import condition, require_GET, require_http_methods, require_POST

from core.http import wants_json
from core.permissions import staff_only
from editions.models import Edition
from editions.rendering import render_for_edition
from editions.services import current_edition
from registration.checkin import Result, ScanResult, check_in
from registration.models import CheckIn, Registration, Scan

GATE_KEY = "desk_gate"
ANSWER_KEY = "desk_answer"
# A scanning device's nonce: what desk.js and the forms make (uuid4 hex, 32 chars).
NONCE_SHAPE = re.compile(r"[A-Za-z0-9_-]{8,64}")
SEARCH_LIMIT = 20
RECENT_SCANS = 10
# ~150 bytes a ticket: 20,000 tickets are about 3 MB, which a browser's
# localStorage still holds. Confirmed tickets come first if an edition has more.
OFFLINE_LIMIT = 20_000
SYNC_LIMIT = 500
REFUSED = (
    Result.CANCELLED,
    Result.REJECTED,
    Result.PENDING,
    Result.WAITLISTED,
    Result.OTHER_EDITION,
    Result.UNKNOWN,
)


# A short reason beside "Do not admit", for the list of last scans.
REFUSAL_REASONS = {
    Result.CANCELLED: Registration.Status.CANCELLED.label,
    Result.REJECTED: Registration.Status.REJECTED.label,
    Result.PENDING: Registration.Status.PENDING.label,
    Result.WAITLISTED: Registration.Status.WAITLISTED.label,
    Result.OTHER_EDITION: gettext_lazy("ticket for another edition"),
    Result.UNKNOWN: gettext_lazy("unknown ticket"),
}


# Signed-in staff holding the check-in permission; others get the login page or a 403.
desk_staff = staff_only("registration.check_in_registration")


def _printable(value: str) -> bool:
    return not any(unicodedata.category(char) in {"Cc", "Cf"} for char in value)


class GateForm(forms.Form):
    gate = forms.CharField(label=pgettext_lazy("door", "Gate"), max_length=50)

    def clean_gate(self):
        gate = " ".join(self.cleaned_data["gate"].split())
        if not gate or not _printable(gate):
            raise forms.ValidationError(_("Give the gate a plain name, such as “Gate 2”."))
        return gate


class SearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Name or e-mail"), min_length=2, max_length=100)


def _gate(request) -> str:
    return request.session.get(GATE_KEY, "")


def _device_nonce(raw) -> str:
    """The nonce a form or desk.js sent, or a fresh one if it is missing or malformed."""
    return raw if isinstance(raw, str) and NONCE_SHAPE.fullmatch(raw) else uuid.uuid4().hex


def _scan_nonce(device_nonce: str, secret: str) -> str:
    """The nonce given to `check_in`: the device's nonce bound to the ticket scanned.

    The same request retried finds its first answer; a stale form (the Back
    button) reusing a nonce for another ticket is a new scan, not a "retry" of
    someone else's admission."""
    return hashlib.sha256(f"{device_nonce}:{secret}".encode()).hexdigest()


def _scan(request, edition: Edition, secret: str, device_nonce: str, **options) -> ScanResult:
    gate = options.pop("gate", None) or _gate(request)
    return check_in(
        secret,
        edition=edition,
        gate=gate,
        nonce=_scan_nonce(device_nonce, secret),
        by=request.user,
        **options,
    )


# What the desk shows


def verdict(code: str) -> dict:
    """A word, a symbol and a colour (kind) for an answer: never colour alone."""
    if code == Result.ADMITTED:
        return {"kind": "ok", "verdict": pgettext("door verdict", "Admitted"), "symbol": "✓"}
    if code == Result.ALREADY_ADMITTED:
        return {
            "kind": "warn",
            "verdict": pgettext("door verdict", "Already admitted"),
            "symbol": "!",
        }
    return {
        "kind": "stop",
        "verdict": pgettext("door verdict", "Do not admit"),
        "symbol": "✕",
        "reason": REFUSAL_REASONS.get(code, REFUSAL_REASONS[Result.UNKNOWN]),
    }


def banner(result: ScanResult) -> dict:
    """The answer as the big coloured banner shows it."""
    registration = result.registration
    return {
        "code": result.code,
        **verdict(result.code),
        # "Admitted." would only repeat the verdict.
        "message": "" if result.admitted else result.message,
        "registration": registration if result.code != Result.UNKNOWN else None,
        "needs": registration.accessibility_needs if registration and result.admitted else "",
    }


def _banner_html(request, result: ScanResult, edition: Edition) -> str:
    with timezone.override(edition.tz):
        return render_to_string(
            "registration/desk/_result.html", {"banner": banner(result)}, request=request
        )


def _offline_banners() -> list[dict]:
    """Banners desk.js fills in when it judges a scan itself (no name yet: slots)."""
    banners = [banner(ScanResult(code)) for code in (Result.ADMITTED, *REFUSED)]
    already = {
        "code": Result.ALREADY_ADMITTED,
        **verdict(Result.ALREADY_ADMITTED),
        "message": _("Already admitted at %(time)s at gate %(gate)s.")
        % {"time": "{time}", "gate": "{gate}"},
    }
    return [*banners, already]


def _remembered_answer(request) -> ScanResult | None:
    """The answer of the scan this browser just posted (no-JavaScript flow)."""
    answer = request.session.pop(ANSWER_KEY, None)
    if not answer:
        return None
    registration = (
        Registration.objects.select_related("pass_type", "check_in")
        .filter(pk=answer.get("registration"))
        .first()
    )
    admission = getattr(registration, "check_in", None) if registration else None
    return ScanResult(answer["code"], registration, admission)


def _search(edition: Edition, query: str):
    matches = Registration.objects.filter(edition=edition)
    for word in query.split()[:5]:
        matches = matches.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word)
        )
    return list(
        matches.select_related("pass_type", "check_in").order_by("last_name", "first_name", "pk")[
            :SEARCH_LIMIT
        ]
    )


def _counts(edition: Edition) -> dict:
    confirmed = Q(registrations__status=Registration.Status.CONFIRMED)
    passes = list(
        edition.pass_types.annotate(
            expected=Count("registrations", filter=confirmed),
            admitted=Count("registrations__check_in"),
        )
    )
    gates = (
        CheckIn.objects.filter(registration__edition=edition)
        .values("gate")
        .annotate(admitted=Count("id"))
        .order_by("-admitted", "gate")
    )
    recent = (
        Scan.objects.filter(edition=edition)
        .select_related("registration__pass_type")
        .order_by("-at", "-id")[:RECENT_SCANS]
    )
    return {
        "passes": passes,
        "gates": list(gates),
        "recent": [(scan, verdict(scan.result)) for scan in recent],
        "admitted": sum(p.admitted for p in passes),
        "expected": sum(p.expected for p in passes),
    }


def _gate_suggestions(edition: Edition, current: str) -> list[str]:
    used = CheckIn.objects.filter(registration__edition=edition).values_list("gate", flat=True)
    names = [pgettext("door", "Main entrance"), pgettext("door", "Gate 2"), *used.distinct()]
    return sorted({name for name in names if name != current})


# The pages


@desk_staff
@require_http_methods(["GET", "POST"])
def desk(request):
    edition = current_edition()
    gate_form = GateForm(request.POST or None, initial={"gate": _gate(request)})
    if request.method == "POST":
        if gate_form.is_valid():
            request.session[GATE_KEY] = gate_form.cleaned_data["gate"]
            return redirect("registration:desk")
    search = SearchForm(request.GET or None)
    gate = _gate(request)
    context = {
        "gate": gate,
        "gate_form": gate_form,
        "gate_suggestions": _gate_suggestions(edition, gate),
        "answer": banner(answer) if (answer := _remembered_answer(request)) else None,
        "search": search,
        "matches": _search(edition, search.cleaned_data["q"]) if search.is_valid() else None,
        "search_limit": SEARCH_LIMIT,
        "nonce": uuid.uuid4().hex,
        "offline_banners": _offline_banners(),
        "nav": "desk",
        **_counts(edition),
    }
    status = 400 if gate_form.errors else 200
    return render_for_edition(
        request, "registration/desk/desk.html", context, edition, status=status
    )


def _answer(request, edition: Edition, result: ScanResult):
    """JSON for desk.js, or remember the answer and go back to the desk page."""
    if wants_json(request):
        admission = result.check_in
        return JsonResponse(
            {
                "code": result.code,
                "admitted": result.admitted,
                "html": _banner_html(request, result, edition),
                "admission": {
                    "time": timezone.localtime(admission.at, edition.tz).strftime("%H:%M"),
                    "gate": admission.gate,
                }
                if admission
                else None,
            }
        )
    request.session[ANSWER_KEY] = {
        "code": result.code,
        "registration": getattr(result.registration, "pk", None),
    }
    return redirect("registration:desk")


def _no_gate(request):
    message = _("Choose your gate before scanning.")
    if wants_json(request):
        return JsonResponse({"error": message}, status=409)
    return redirect("registration:desk")


@desk_staff
@require_POST
def scan(request):
    edition = current_edition()
    secret = request.POST.get("secret", "").strip()
    if not _gate(request):
        return _no_gate(request)
    if not secret:
        return redirect("registration:desk")
    result = _scan(request, edition, secret, _device_nonce(request.POST.get("nonce")))
    return _answer(request, edition, result)


@desk_staff
@require_POST
def admit(request, pk: int):
    edition = current_edition()
    registration = get_object_or_404(Registration, pk=pk, edition=edition)
    if not _gate(request):
        return _no_gate(request)
    nonce = _device_nonce(request.POST.get("nonce"))
    return _answer(request, edition, _scan(request, edition, registration.secret, nonce))


def display_name(first_name: str, last_name: str) -> str:
    """ "Amina B.": enough for the door to recognise someone, no more."""
    initial = f" {last_name.strip()[0]}." if last_name.strip() else ""
    return f"{first_name.strip()}{initial}"


@desk_staff
@require_GET
def offline_list(request):
    """The current edition's tickets, by SHA-256 of their secret, for judging scans offline."""
    edition = current_edition()
    confirmed_first = Case(When(status=Registration.Status.CONFIRMED, then=0), default=1)
    rows = (
        Registration.objects.filter(edition=edition)
        .order_by(confirmed_first, "pk")
        .values_list(
            "secret",
            "status",
            "pass_type_id",
            "first_name",
            "last_name",
            "check_in__at",
            "check_in__gate",
        )[: OFFLINE_LIMIT + 1]
    )
    rows = list(rows)
    tickets = [
        {
            "hash": hashlib.sha256(secret.encode()).hexdigest(),
            "status": status,
            "pass": pass_id,
            "name": display_name(first, last),
            "admitted": {"time": timezone.localtime(at, edition.tz).strftime("%H:%M"), "gate": gate}
            if at
            else None,
        }
        for secret, status, pass_id, first, last, at, gate in rows[:OFFLINE_LIMIT]
    ]
    passes = {p.pk: {"name": p.name} for p in edition.pass_types.all()}
    response = JsonResponse(
        {
            "edition": edition.slug,
            "generated_at": timezone.now().isoformat(),
            "complete": len(rows) <= OFFLINE_LIMIT,
            "passes": passes,
            "tickets": tickets,
        }
    )
    response["Cache-Control"] = "no-store"
    return response


def _sync_item(request, edition: Edition, item) -> dict:
    """Replay one scan admitted offline; a conflict is any answer but "admitted"."""
    if not isinstance(item, dict):
        item = {}
    secret, gate = item.get("secret"), item.get("gate")
    nonce = item.get("nonce") if isinstance(item.get("nonce"), str) else ""
    gate_form = GateForm({"gate": gate if isinstance(gate, str) else ""})
    gate = gate_form.cleaned_data["gate"] if gate_form.is_valid() else _gate(request)
    if not isinstance(secret, str) or not NONCE_SHAPE.fullmatch(nonce) or not gate:
        return {
            "nonce": nonce[:64],
            "code": "invalid",
            "admitted": False,
            "conflict": True,
            "message": _("This scan could not be read."),
            "name": "",
            "pass": "",
        }
    result = _scan(
        request,
        edition,
        secret.strip(),
        nonce,
        gate=gate,
        at=_scanned_at(item.get("at")),
        offline=True,
    )
    registration = result.registration if result.code != Result.UNKNOWN else None
    return {
        "nonce": nonce,
        "code": result.code,
        "admitted": result.admitted,
        "conflict": not result.admitted,
        "message": result.message,
        "name": registration.full_name if registration else "",
        "pass": registration.pass_type.name if registration else "",
    }


def _scanned_at(raw) -> datetime:
    """When the device says it admitted someone; never in the future, now if unreadable."""
    now = timezone.now()
    try:
        at = datetime.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        at = None
    if at is None or timezone.is_naive(at):
        return now
    return min(at, now)


@desk_staff
@require_POST
def sync(request):
    """Replay the scans a desk admitted while offline: `{"scans": [{secret, nonce, gate, at}]}`."""
    edition = current_edition()
    try:
        scans = json.loads(request.body).get("scans")
    except (ValueError, AttributeError):
        scans = None
    if not isinstance(scans, list) or len(scans) > SYNC_LIMIT:
        return HttpResponseBadRequest(
            _("Send at most %(limit)d scans as JSON.") % {"limit": SYNC_LIMIT}
        )
    with timezone.override(edition.tz):
        results = [_sync_item(request, edition, item) for item in scans]
    return JsonResponse({"results": results})


def _counts_etag(request) -> str:
    """Changes whenever a scan is recorded or a registration changes: two small queries."""
    edition = current_edition()
    scans = Scan.objects.filter(edition=edition).aggregate(last=Max("id"), n=Count("id"))
    registrations = Registration.objects.filter(edition=edition).aggregate(
        last=Max("updated_at"), n=Count("id")
    )
    state = f"{edition.pk}|{translation.get_language()}|{scans}|{registrations}"
    return hashlib.sha256(state.encode()).hexdigest()[:32]


@desk_staff
@require_GET
@condition(etag_func=_counts_etag)
def counts(request):
    """The live counts, as the HTML fragment the desk page includes and desk.js refreshes."""
    edition = current_edition()
    with timezone.override(edition.tz):
        return render(request, "registration/desk/_counts.html", _counts(edition))
