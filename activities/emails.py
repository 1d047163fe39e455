"""E-mails to visitors who gave an address, in the language they booked in.

A booking that holds a place (confirmed, promoted) carries its entry code as a
QR PNG and the slot as an .ics file; every e-mail but the cancellation links to the
booking's secret page, where it can be cancelled.
"""

import uuid

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from activities.models import Booking
from core.mail import Story, compose, send_logged
from registration.emails import edition_dates
from registration.qr import qr_png

# Fixed once for Jemaa: a booking's calendar event keeps its UID from one e-mail to the next.
BOOKING_NAMESPACE = uuid.UUID("6b1f0a52-93c4-4e0a-8d61-2c7f4b9e5a13")
HOLDS_A_PLACE = frozenset({"confirmed", "promoted"})


def booking_url(booking: Booking, *, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("activities:booking", args=[booking.secret])


def _when(booking: Booking) -> dict:
    slot = booking.slot
    start = timezone.localtime(slot.starts_at)
    return {
        "activity": slot.activity.title,
        "day": formats.date_format(start, "DATE_FORMAT"),
        "start": formats.time_format(start, "TIME_FORMAT"),
        "end": formats.time_format(timezone.localtime(slot.ends_at), "TIME_FORMAT"),
        "people": booking.group_size,
        "code": booking.display_code,
    }


def _paragraphs(booking: Booking, what: str) -> list[str]:
    names = _when(booking)
    place = _("%(activity)s, %(day)s, %(start)s–%(end)s.") % names
    code = (
        _(
            "Your entry code is %(code)s. Show the QR code attached, or this code, at the "
            "entrance a few minutes before the start."
        )
        % names
    )
    if what == "confirmed":
        return [_("Your free booking is confirmed:"), place, code]
    if what == "promoted":
        return [
            _("Good news: a place has freed up and your booking is now confirmed:"),
            place,
            code,
        ]
    if what == "waitlisted":
        return [
            _("This slot is full for now: you are on its waiting list."),
            place,
            _("If places free up, they are yours automatically and we will write to you."),
        ]
    return [
        _("Your booking is cancelled. Thank you for freeing the place for someone else."),
        place,
    ]


def _subject(booking: Booking, what: str) -> str:
    names = _when(booking)
    return {
        "confirmed": _("Your booking: %(activity)s"),
        "promoted": _("A place is yours: %(activity)s"),
        "waitlisted": _("Waiting list: %(activity)s"),
        "cancelled": _("Booking cancelled: %(activity)s"),
    }[what] % names


def story(booking: Booking, what: str) -> Story:
    """What the e-mail says, in the active language and time zone."""
    edition = booking.edition
    told = Story(
        subject=_subject(booking, what),
        paragraphs=_paragraphs(booking, what),
        greeting_name=booking.first_name,
        signature=[edition.name, edition_dates(edition), f"{edition.venue}, {edition.city}"],
    )
    if what != "cancelled":
        told.link_label = _("My booking (to cancel it)")
        told.link_url = booking_url(booking, language=translation.get_language())
    if what in HOLDS_A_PLACE:
        told.attachments = [
            ("entry-qr.png", qr_png(booking.code), "image/png"),
            ("booking.ics", slot_calendar(booking), "text/calendar"),
        ]
    return told


def slot_calendar(booking: Booking) -> bytes:
    slot, edition = booking.slot, booking.edition
    calendar = Calendar.new(prodid="-//Jemaa//Public programme//EN", method="PUBLISH")
    space = slot.activity.space
    location = ", ".join(
        part for part in (space.name if space else "", edition.venue, edition.city) if part
    )
    calendar.add_component(
        Event.new(
            uid=uuid.uuid5(BOOKING_NAMESPACE, f"booking/{booking.pk}"),
            summary=slot.activity.title,
            description=_("Entry code: %(code)s") % {"code": booking.display_code},
            location=location,
            start=slot.starts_at,
            end=slot.ends_at,
            stamp=timezone.now(),
        )
    )
    return calendar.to_ical()


def notify(booking_id: int, what: str) -> bool | None:
    """E-mail the visitor what happened to their booking; False when the mail server
    refused, None for a visitor who gave a phone number only (nothing to retry)."""
    booking = Booking.objects.select_related("edition", "slot__activity__space").get(pk=booking_id)
    if not booking.email:
        return None
    language = booking.language if booking.language in dict(settings.LANGUAGES) else "fr"
    with translation.override(language), timezone.override(booking.edition.tz):
        message = compose(story(booking, what), to=booking.email, language=language)
    return send_logged(message, booking=booking_id, what=what)
