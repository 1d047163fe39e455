"""E-mails to registrants, in their own language, sent after the change commits."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from registration.models import Registration


def ticket_url(registration: Registration) -> str:
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


def notify(registration_id: int, what: str, *, email: str | None = None, language: str | None = None):
    """Tell the registrant (or, for `transferred_away`, the previous holder) what changed."""
    registration = Registration.objects.select_related("pass_type", "edition").get(pk=registration_id)
    with translation.override(language or registration.language):
        context = {"registration": registration, "what": what, "ticket_url": ticket_url(registration)}
        message = EmailMessage(
            subject=_subject(what, registration),
            body=render_to_string("registration/email/status.txt", context),
            to=[email or registration.email],
        )
    message.send()
