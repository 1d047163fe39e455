"""The entrances of the public activities, for staff: scan or type a code, count walk-ins,
find a booking whose code is lost, see the current slot's occupancy.

Plain forms (POST, then 303 back), so a phone with JavaScript off works and a
keyboard-wedge scanner types into the focused field. entrance.js adds the camera,
answers without reloading (the same views answer JSON when asked for it) and
refreshes the counts, which answer 304 while nothing changed.
"""

import hashlib

from django.contrib import messages
from django.db.models import Count, Max, Sum
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import condition, require_GET, require_POST

from activities import entrance as rules
from activities.lookup import find_bookings, masked_contact
from activities.models import Activity, ActivitySlot
from core.http import see_other, wants_json
from core.i18n import active_language
from core.permissions import staff_only
from editions.rendering import render_for_edition
from editions.services import current_edition

WALK_IN_BUTTONS = (1, 2, 5)


# Signed-in staff who may admit visitors; others get the login page or a 403.
entrance_staff = staff_only("activities.admit_visitor")


def _activity(slug: str) -> Activity:
    return get_object_or_404(Activity, edition=current_edition(), slug=slug)


def _fingerprint(*parts) -> str:
    state = "|".join(str(part) for part in (active_language(), *parts))
    return hashlib.blake2b(state.encode(), digest_size=12).hexdigest()


def _slot_context(activity: Activity) -> dict:
    now = timezone.now()
    slot = rules.current_slot(activity, now)
    room = slot.free_for_walk_ins(started=now >= slot.starts_at) if slot else 0
    return {"activity": activity, "slot": slot, "walk_in_room": room}


def _overview_rows(edition):
    return rules.with_current_slots(edition.activities.order_by("position"))


@require_GET
@entrance_staff
def choose(request):
    edition = current_edition()
    context = {"rows": _overview_rows(edition)}
    return render_for_edition(request, "activities/entrance/choose.html", context, edition)


def _occupancy_etag(request) -> str:
    """Changes when any counter of today's open slots changes, or a slot opens or ends."""
    now = timezone.now()
    live = ActivitySlot.objects.filter(
        activity__edition=current_edition(), ends_at__gt=now, starts_at__lte=now + rules.EARLY
    ).aggregate(n=Count("id"), versions=Sum("version"), last=Max("id"))
    return _fingerprint(*live.values())


@require_GET
@entrance_staff
@condition(etag_func=_occupancy_etag)
def occupancy(request):
    """The overview's table alone, which entrance.js refreshes."""
    edition = current_edition()
    context = {"rows": _overview_rows(edition)}
    return render_for_edition(request, "activities/entrance/_occupancy.html", context, edition)


@require_GET
@entrance_staff
def entrance(request, slug: str):
    activity = _activity(slug)
    context = {**_slot_context(activity), "walk_in_counts": WALK_IN_BUTTONS}
    return render_for_edition(
        request, "activities/entrance/entrance.html", context, activity.edition
    )


def _counts_etag(request, slug: str) -> str:
    now = timezone.now()
    slot = rules.current_slot(_activity(slug), now)
    if slot is None:
        return _fingerprint(slug, "none")
    return _fingerprint(slug, slot.pk, slot.version, now >= slot.starts_at)


@require_GET
@entrance_staff
@condition(etag_func=_counts_etag)
def counts(request, slug: str):
    """The current slot's counts alone, which entrance.js refreshes."""
    activity = _activity(slug)
    return render_for_edition(
        request, "activities/entrance/_counts.html", _slot_context(activity), activity.edition
    )


def _answer(request, slug: str, ok: bool, message: str, status: int):
    if wants_json(request):
        return JsonResponse({"ok": ok, "message": message}, status=200 if ok else status)
    (messages.success if ok else messages.error)(request, message)
    return see_other(reverse("activities:entrance_activity", args=[slug]))


@require_POST
@entrance_staff
def scan(request, slug: str):
    activity = _activity(slug)
    entry = rules.admit(request.POST.get("code", "")[:40], activity=activity, by=request.user)
    status = 400 if entry.code == rules.Result.MALFORMED else 409
    return _answer(request, slug, entry.admitted, entry.message, status)


@require_POST
@entrance_staff
def walk_in(request, slug: str):
    activity = _activity(slug)
    slot = rules.current_slot(activity)
    try:
        people = int(request.POST.get("people", ""))
        if slot is None:
            raise rules.EntranceError(rules.NO_SLOT_NOW, "no_slot")
        slot = rules.count_walk_ins(slot, people, by=request.user)
    except ValueError:
        return _answer(request, slug, False, str(rules.BAD_COUNT), 400)
    except rules.EntranceError as refused:
        return _answer(request, slug, False, str(refused.message), 409)
    return _answer(request, slug, True, rules.walk_in_message(slot, people), 200)


@require_GET
@entrance_staff
def find(request, slug: str):
    """A visitor lost the code: find today's booking by phone, e-mail or first name."""
    activity = _activity(slug)
    query = request.GET.get("q", "").strip()
    found = find_bookings(activity, query) if query else None
    rows = [(booking, masked_contact(booking)) for booking in found or ()]
    context = {
        "activity": activity,
        "query": query,
        "rows": rows,
        "too_short": bool(query) and found is None,
    }
    return render_for_edition(request, "activities/entrance/find.html", context, activity.edition)
