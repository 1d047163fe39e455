"""Public pages of the public programme: activities, slots, booking, the booking's
secret page (QR entry code, cancel), and the live availability.

Refusals by a rule answer 409 with the rule's message, rate limits 429. Every
page works without JavaScript; the availability page answers 304 when nothing
changed (its ETag is one aggregate query, see activities/availability.py).
"""

import re
from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from activities import services
from activities.availability import SlotState, day_etag, day_slots
from activities.booking_form import BookingForm
from activities.models import Activity, ActivitySlot, Booking
from core import ratelimit
from core.http import LINK_SECRET, keep_private, see_other
from editions.rendering import render_for_edition
from editions.services import current_edition
from programme.models import Session
from registration.qr import qr_svg, scalable

SLOTS_WITH_RULES = ("activity__edition__public_programme", "activity__space")


def _activity(edition, slug: str) -> Activity:
    return get_object_or_404(
        Activity.objects.public().select_related("space"), edition=edition, slug=slug
    )


def _day(request, edition) -> date:
    wanted = request.GET.get("day", "")
    days = {d.isoformat(): d for d in edition.days}
    if wanted in days:
        return days[wanted]
    today = timezone.localdate(timezone=edition.tz)
    return today if today in edition.days else edition.days[0]


@require_GET
def activity_list(request):
    """Every published activity; filters by kind, day and wheelchair access live in the URL."""
    edition = current_edition()
    kinds = dict(Activity.Kind.choices)
    days = {d.isoformat(): d for d in edition.days}
    kind = request.GET.get("kind", "")
    filters = {
        "kind": kind if kind in kinds else "",
        "day": days.get(request.GET.get("day", "")),
        "wheelchair": request.GET.get("wheelchair") == "1",
    }
    activities = services.published_activities(edition, **filters)
    offered = services.published_activities(edition).values_list("kind", flat=True)
    context = {
        "activities": activities,
        "filters": filters,
        "filtered": any(filters.values()),
        "kinds": [(value, label) for value, label in kinds.items() if value in set(offered)],
        "days": edition.days,
        "nav": "activities",
    }
    return render_for_edition(request, "activities/public/list.html", context, edition)


@require_GET
def activity_detail(request, slug: str):
    edition = current_edition()
    activity = _activity(edition, slug)
    now = timezone.now()
    slots = activity.slots.select_related(*SLOTS_WITH_RULES)
    context = {
        "activity": activity,
        # The debate it books, when the programme shows it too.
        "programme_session": activity.session_id
        and Session.objects.public().filter(pk=activity.session_id).first(),
        "states": [SlotState.of(slot, now) for slot in slots],
        "nav": "activities",
    }
    return render_for_edition(request, "activities/public/detail.html", context, edition)


@require_http_methods(["GET", "POST"])
def book(request, slug: str, slot_id: int):
    edition = current_edition()
    activity = _activity(edition, slug)
    slot = get_object_or_404(
        ActivitySlot.objects.select_related(*SLOTS_WITH_RULES), pk=slot_id, activity=activity
    )
    form = BookingForm(request.POST or None, max_group=activity.max_group_size)
    status = 200
    if form.is_bound:
        try:
            ratelimit.check(request, ("public_booking:ip", ratelimit.client_ip(request)))
            if form.is_valid():
                visitor = form.visitor()
                ratelimit.check(
                    request,
                    ("public_booking:phone", visitor.phone),
                    ("public_booking:email", visitor.email),
                )
                booking, _new = services.book(
                    slot, visitor=visitor, submission_key=form.cleaned_data["submission_key"]
                )
                return see_other(reverse("activities:booking", args=[booking.secret]))
        except ratelimit.RateLimited as limited:
            form.add_error(None, str(limited.message))
            status = 429
        except services.BookingError as refused:
            form.add_error(None, refused.message)
            status = 409
            slot.refresh_from_db()
    context = {
        "activity": activity,
        "slot": slot,
        "state": SlotState.of(slot, timezone.now()),
        "form": form,
        "nav": "activities",
    }
    return render_for_edition(
        request, "activities/public/book.html", context, edition, status=status
    )


def _booking_or_404(secret: str) -> Booking:
    booking = None
    if LINK_SECRET.match(secret):
        booking = (
            Booking.objects.select_related("slot__activity__space", "edition")
            .filter(secret=secret)
            .first()
        )
    if booking is None:
        raise Http404
    return booking


def _render_booking(request, template, booking, status=200, **context):
    context = {
        "booking": booking,
        "slot": booking.slot,
        "activity": booking.slot.activity,
        "nav": "activities",
        **context,
    }
    return render_for_edition(request, template, context, booking.edition, status=status)


@require_GET
def booking(request, secret: str):
    booking = _booking_or_404(secret)
    confirmed = booking.status == Booking.Status.CONFIRMED
    response = _render_booking(
        request,
        "activities/public/booking.html",
        booking,
        qr=scalable(qr_svg(booking.code, scale=8)) if confirmed else None,
        position=services.waiting_position(booking)
        if booking.status == Booking.Status.WAITLISTED
        else None,
        can_cancel=booking.is_active
        and not booking.admitted_at
        and timezone.now() < booking.slot.starts_at,
    )
    return keep_private(response, referrer_policy="no-referrer")


@require_http_methods(["GET", "POST"])
def cancel(request, secret: str):
    booking = _booking_or_404(secret)
    if request.method == "POST":
        try:
            services.cancel(booking)
        except services.BookingError as refused:
            response = _render_booking(
                request, "activities/public/cancel.html", booking, status=409, error=refused.message
            )
            return keep_private(response, referrer_policy="same-origin")
        messages.success(request, _("Your booking is cancelled. Thank you for freeing your place."))
        return see_other(reverse("activities:booking", args=[booking.secret]))
    response = _render_booking(request, "activities/public/cancel.html", booking)
    return keep_private(response, referrer_policy="same-origin")


ETAG = re.compile(r'"([0-9a-f]+)"')


@require_GET
def availability(request):
    """Free / last places / full per activity and slot; 304 when nothing changed.
    `no-cache` (not max-age): a phone always asks, and an unchanged page costs a 304."""
    edition = current_edition()
    day = _day(request, edition)
    now = timezone.now()
    etag = day_etag(edition, day, now)
    if etag in ETAG.findall(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        slots = (
            day_slots(edition, day)
            .select_related(*SLOTS_WITH_RULES)
            .order_by("activity__position", "activity_id", "starts_at")
        )
        rows = {}
        for slot in slots:
            rows.setdefault(slot.activity, []).append(SlotState.of(slot, now))
        context = {"rows": rows.items(), "day": day, "days": edition.days, "nav": "activities"}
        response = render_for_edition(
            request, "activities/public/availability.html", context, edition
        )
    response["ETag"] = f'"{etag}"'
    patch_cache_control(response, no_cache=True, public=True)
    return response
