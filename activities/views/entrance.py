"""The entrances of the public activities, for staff: scan or type a code, count walk-ins,
see the current slot's occupancy. Plain forms (POST, then 303 back), so a phone
with JavaScript off works; a keyboard-wedge scanner types into the focused field."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from activities import entrance as rules
from activities.models import Activity
from core.http import see_other
from editions.rendering import render_for_edition
from editions.services import current_edition


def entrance_staff(view):
    """Signed-in staff who may admit visitors; others get the login page or a 403."""

    @wraps(view)
    @never_cache
    @login_required(login_url="admin:login")
    @permission_required("activities.admit_visitor", raise_exception=True)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapped


def _activity(slug: str) -> Activity:
    return get_object_or_404(Activity, edition=current_edition(), slug=slug)


@require_GET
@entrance_staff
def choose(request):
    edition = current_edition()
    now = timezone.now()
    rows = [(a, rules.current_slot(a, now)) for a in edition.activities.order_by("position")]
    return render_for_edition(request, "activities/entrance/choose.html", {"rows": rows}, edition)


@require_GET
@entrance_staff
def entrance(request, slug: str):
    activity = _activity(slug)
    now = timezone.now()
    slot = rules.current_slot(activity, now)
    context = {
        "activity": activity,
        "slot": slot,
        "walk_in_room": slot.free_for_walk_ins(started=now >= slot.starts_at) if slot else 0,
        "walk_in_counts": (1, 2, 5),
    }
    return render_for_edition(request, "activities/entrance/entrance.html", context,
                              activity.edition)


@require_POST
@entrance_staff
def scan(request, slug: str):
    activity = _activity(slug)
    entry = rules.admit(request.POST.get("code", "")[:40], activity=activity, by=request.user)
    (messages.success if entry.admitted else messages.error)(request, entry.message)
    return see_other(reverse("activities:entrance_activity", args=[slug]))


@require_POST
@entrance_staff
def walk_in(request, slug: str):
    activity = _activity(slug)
    slot = rules.current_slot(activity)
    try:
        people = int(request.POST.get("people", ""))
        if slot is None:
            raise rules.EntranceError(rules.NO_SLOT_NOW, "no_slot")
        rules.count_walk_ins(slot, people, by=request.user)
    except ValueError:
        messages.error(request, rules.BAD_COUNT)
    except rules.EntranceError as refused:
        messages.error(request, refused.message)
    return see_other(reverse("activities:entrance_activity", args=[slug]))

