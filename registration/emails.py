"""E-mails to registrants, in their own language, sent after the change commits.

Each e-mail has a plain-text body and an HTML alternative rendered from the same
paragraphs. When it hands over a valid ticket (confirmed, promoted, approved,
transferred) it carries the QR code as a PNG (shown inline by the HTML part
through its Content-ID) and the edition as an .ics file.
"""

import uuid
from datetime import timedelta
from email.mime.image import MIMEImage

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.mail import send_logged
from editions.models import Edition
from registration.models import Registration
from registration.qr import qr_png

Status = Registration.Status

# E-mails that hand over a ticket: they carry the QR code and the calendar file.
HANDS_OVER_TICKET = frozenset({"confirmed", "promoted", "approved", "transferred"})
# E-mails with no link: the ticket is gone, or (transferred away) belongs to someone else.
NO_LINK = frozenset({"rejected", "cancelled", "transferred_away"})
QR_CONTENT_ID = "ticket-qr@jemaa"
# Fixed once for Jemaa: an edition's calendar event keeps its UID from one e-mail
# to the next, so a calendar updates the event instead of adding a copy.
EDITION_NAMESPACE = uuid.UUID("0f1d4c5e-2b7a-4c39-9a53-5f0c1f3a8e61")
ACTIVE_STATUSES = (Status.PENDING, Status.CONFIRMED, Status.WAITLISTED)


def ticket_url(registration: Registration, *, language: str | None = None) -> str:
    """The absolute link to the ticket, in `language` (default: the active one)."""
    with translation.override(language or translation.get_language()):
        return settings.SITE_URL + reverse("registration:ticket", args=[registration.secret])


def _subject(what: str, registration: Registration) -> str:
    edition = registration.edition.name
    subjects = {
        "confirmed": _("Your ticket for %(edition)s"),
        "promoted": _("A place is free for you at %(edition)s"),
        "approved": _("Your registration for %(edition)s is approved"),
        "pending": _("Your registration for %(edition)s awaits approval"),
        "waitlisted": _("You are on the waiting list of %(edition)s"),
        "rejected": _("Your registration for %(edition)s"),
        "cancelled": _("Your registration for %(edition)s is cancelled"),
        "transferred": _("A ticket for %(edition)s has been passed on to you"),
        "transferred_away": _("Your ticket for %(edition)s has been passed on"),
    }
    return subjects[what] % {"edition": edition}


def waiting_position(registration: Registration) -> int:
    """1 for the next person to get a place."""
    earlier = Q(created_at__lt=registration.created_at) | Q(
        created_at=registration.created_at, pk__lt=registration.pk
    )
    waiting = Registration.objects.waiting().filter(pass_type_id=registration.pass_type_id)
    return waiting.filter(earlier).count() + 1


def edition_dates(edition: Edition) -> str:
    first = formats.date_format(edition.starts_on, "DATE_FORMAT")
    if edition.ends_on == edition.starts_on:
        return first
    return f"{first} – {formats.date_format(edition.ends_on, 'DATE_FORMAT')}"


def _story(what: str, registration: Registration) -> list[str]:
    """The paragraphs saying what happened and what to do now."""
    names = {"pass": registration.pass_type.name, "edition": registration.edition.name}
    confirmed = registration.status == Status.CONFIRMED
    at_the_door = _(
        "Your QR code is attached to this e-mail and on your ticket page: show it at the "
        "entrance, on your phone or printed."
    )
    awaiting = _(
        "The organiser still has to approve it. We will write to you as soon as it is decided."
    )
    if what == "confirmed":
        return [_("Your %(pass)s pass for %(edition)s is confirmed.") % names, at_the_door]
    if what == "promoted":
        first = _(
            "Good news: a place has freed up on the waiting list of %(edition)s, and it is yours."
        )
        if confirmed:
            return [first % names, _("Your %(pass)s pass is confirmed.") % names, at_the_door]
        return [first % names, awaiting]
    if what == "approved":
        return [
            _(
                "The organiser has approved your registration: your %(pass)s pass for "
                "%(edition)s is confirmed."
            )
            % names,
            at_the_door,
        ]
    if what == "transferred":
        first = (
            _(
                "A %(pass)s pass for %(edition)s has been passed on to you. It is in your "
                "name from now on."
            )
            % names
        )
        return [first, at_the_door if confirmed else awaiting]
    if what == "pending":
        return [
            _("We have received your registration for the %(pass)s pass of %(edition)s.") % names,
            awaiting,
        ]
    if what == "waitlisted":
        return [
            _(
                "The %(pass)s pass of %(edition)s is full for now: you are on its waiting list, "
                "number %(position)s in line."
            )
            % {**names, "position": waiting_position(registration)},
            _("If a place frees up, it is yours automatically and we will write to you."),
        ]
    if what == "rejected":
        return [
            _("We are sorry: the organiser could not accept your registration for %(edition)s.")
            % names
        ]
    if what == "cancelled":
        return [
            _(
                "Your registration for %(edition)s is cancelled. Thank you for freeing your "
                "place for someone else."
            )
            % names
        ]
    # transferred_away: say nothing about the new holder.
    return [
        _(
            "Your ticket for %(edition)s has been passed on to another person, as you asked. "
            "Your former link no longer works."
        )
        % names
    ]


def _compose(subject: str, template: str, context: dict, *, to: str, language: str):
    context = {
        "language": language,
        "bidi": translation.get_language_bidi(),
        "subject": subject,
        **context,
    }
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # never a line break in a header
        body=render_to_string(f"registration/email/{template}.txt", context),
        to=[to],
        headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(
        render_to_string(f"registration/email/{template}.html", context), "text/html"
    )
    return message


def notify(
    registration_id: int, what: str, *, email: str | None = None, language: str | None = None
) -> bool | None:
    """Tell the registrant (or, for `transferred_away`, the previous holder) what changed.
    False when the mail server refused (core.outbox tries again)."""
    registration = Registration.objects.select_related("pass_type", "edition").get(
        pk=registration_id
    )
    if not (email or registration.email):
        return None  # the person had their data deleted: there is nobody left to tell
    language = language or registration.language
    edition = registration.edition
    with translation.override(language), timezone.override(edition.tz):
        hands_over = what in HANDS_OVER_TICKET and registration.status == Status.CONFIRMED
        context = {
            "what": what,
            "greeting_name": "" if what == "transferred_away" else registration.first_name,
            "story": _story(what, registration),
            "ticket_url": None if what in NO_LINK else ticket_url(registration),
            "qr_content_id": QR_CONTENT_ID if hands_over else None,
            "edition": edition,
            "edition_dates": edition_dates(edition),
        }
        message = _compose(
            _subject(what, registration),
            "status",
            context,
            to=email or registration.email,
            language=language,
        )
        if hands_over:
            _attach_ticket(message, registration)
    return send_logged(message, registration_id=registration_id, what=what)


def _attach_ticket(message: EmailMultiAlternatives, registration: Registration) -> None:
    image = MIMEImage(qr_png(registration.secret), "png")
    image.add_header("Content-ID", f"<{QR_CONTENT_ID}>")
    image.add_header("Content-Disposition", "inline", filename="ticket-qr.png")
    message.attach(image)
    edition = registration.edition
    message.attach(f"{edition.slug}.ics", edition_calendar(edition), "text/calendar")


def edition_calendar(edition: Edition) -> bytes:
    """The edition as one all-day event over its days, at its venue (active language)."""
    calendar = Calendar.new(prodid="-//Jemaa//Registration//EN", method="PUBLISH")
    location = ", ".join(part for part in (edition.venue, edition.address, edition.city) if part)
    programme = settings.SITE_URL + reverse("programme:timetable")
    event = Event.new(
        uid=uuid.uuid5(EDITION_NAMESPACE, f"edition/{edition.pk}"),
        summary=edition.name,
        description=edition.theme,
        location=location,
        start=edition.starts_on,
        end=edition.ends_on + timedelta(days=1),  # DTEND of an all-day event is exclusive
        stamp=timezone.now(),
        url=edition.website or programme,
    )
    calendar.add_component(event)
    return calendar.to_ical()


def send_ticket_links(email: str, *, language: str) -> bool | None:
    """The outbox task "registration.ticket_links": one e-mail listing every active
    registration of this address, each link in its registration's language. None
    when there is none (nothing to send); False when the mail server refused."""
    registrations = list(
        Registration.objects.filter(email__iexact=email, status__in=ACTIVE_STATUSES)
        .filter(edition__is_published=True)
        .select_related("edition", "pass_type")
        .order_by("-created_at")[:50]
    )
    if not registrations:
        return None
    with translation.override(language):
        links = [
            {
                "registration": registration,
                "url": ticket_url(registration, language=registration.language),
                "dates": edition_dates(registration.edition),
            }
            for registration in registrations
        ]
        message = _compose(
            _("Your ticket links"),
            "links",
            {"links": links},
            to=registrations[0].email,
            language=language,
        )
    return send_logged(message, what="ticket_links")
