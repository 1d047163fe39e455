"""A participant's personal data: download it, delete it, and forget old editions.

Deleting anonymises instead of removing rows: a registration, a booking or an
application stays as a count (pass, status, check-in, group size, pivot), so the
edition's figures and every capacity stay exact, but nothing in it points to a
person any more. A place held for an event still to come is first given back
(cancelled through the usual rules, so the waiting list moves up).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.services import registrations_of
from activities import services as bookings
from activities.models import Booking
from dashboard.models import Unsubscribe
from editions.models import Edition
from registration import services as registrations
from registration.consent import NEWS_VERSION
from registration.models import Consent, Registration
from startups.models import Application

ERASED = "—"


def export_for(user: User) -> dict:
    """Everything the platform holds about the person, as JSON-ready data."""
    return {
        "account": {
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "joined": user.date_joined.isoformat(),
        },
        "registrations": [
            _registration(r)
            for r in registrations_of(user).prefetch_related("pivots", "consents", "events")
        ],
        "bookings": [_booking(b) for b in _bookings_of(user).select_related("slot__activity")],
        "startup_applications": [
            _application(a) for a in user.startup_applications.select_related("call__edition")
        ],
        "lounge_profiles": [
            {
                "edition": p.lounge.edition.slug,
                "kind": p.kind,
                "organisation": p.organisation,
                "name_shown": p.display_name,
                "who_we_are": p.summary,
                "offers": p.offers,
                "seeking": p.seeking,
                "sectors": p.sectors,
            }
            for p in user.lounge_profiles.select_related("lounge__edition")
        ],
    }


def _registration(r: Registration) -> dict:
    return {
        "edition": r.edition.slug,
        "pass": str(r.pass_type.name),
        "status": r.status,
        "first_name": r.first_name,
        "last_name": r.last_name,
        "email": r.email,
        "phone": r.phone,
        "organisation": r.organisation,
        "role": r.role,
        "sector": r.sector,
        "city": r.city,
        "pivots": [str(p.name) for p in r.pivots.all()],
        "accessibility_needs": r.accessibility_needs,
        "language": r.language,
        "registered_at": r.created_at.isoformat(),
        "consents": [
            {
                "purpose": c.purpose,
                "text_version": c.text_version,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in r.consents.all()
        ],
        "history": [{"action": e.action, "at": e.at.isoformat()} for e in r.events.all()],
    }


def _booking(b: Booking) -> dict:
    return {
        "activity": str(b.slot.activity.title),
        "starts_at": b.slot.starts_at.isoformat(),
        "status": b.status,
        "first_name": b.first_name,
        "phone": b.phone,
        "email": b.email,
        "group_size": b.group_size,
        "notice_accepted": b.consent_version,
        "booked_at": b.created_at.isoformat(),
    }


def _application(a: Application) -> dict:
    return {
        "edition": a.call.edition.slug,
        "startup": a.name,
        "status": a.status,
        "contact_person": a.contact_name,
        "city": a.city,
        "pitch": a.pitch,
        "seeking": a.seeking,
    }


def _bookings_of(user: User):
    if not user.email:
        return Booking.objects.none()
    return Booking.objects.filter(email__iexact=user.email).order_by("-created_at", "-pk")


@transaction.atomic
def erase(user: User, *, now=None) -> None:
    """Give back the places still to come, then anonymise everything about the person."""
    now = now or timezone.now()
    for registration in registrations_of(user):
        if registration.holds_a_place and registration.edition.ends_on >= now.date():
            _give_back(registrations.cancel, registration, registrations.RegistrationError)
        anonymise_registration(registration)
    for booking in _bookings_of(user).select_related("slot"):
        if booking.status != Booking.Status.CANCELLED and booking.slot.starts_at > now:
            _give_back(bookings.cancel, booking, bookings.BookingError)
        anonymise_booking(booking)
    for application in user.startup_applications.all():
        anonymise_application(application)
    user.lounge_profiles.update(display_name=ERASED)
    _anonymise_account(user)


def _give_back(cancel, thing, refused) -> None:
    try:
        cancel(thing)
    except refused:
        pass  # already used at the door or cancelled: nothing to give back


def anonymise_registration(registration: Registration) -> None:
    Registration.objects.filter(pk=registration.pk).update(
        first_name=ERASED,
        last_name="",
        email="",
        phone="",
        organisation="",
        role="",
        city="",
        accessibility_needs="",
        updated_at=timezone.now(),
    )
    registration.events.update(note="")


def anonymise_booking(booking: Booking) -> None:
    # The table asks for a phone or an e-mail: a dash that is neither keeps it whole.
    Booking.objects.filter(pk=booking.pk).update(first_name=ERASED, phone=ERASED, email="")


def anonymise_application(application: Application) -> None:
    Application.objects.filter(pk=application.pk).update(contact_name="")


def _anonymise_account(user: User) -> None:
    user.username = f"erased-{user.pk}"
    user.email = user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


@transaction.atomic
def forget_editions_before(cutoff) -> dict[str, int]:
    """Anonymise the participants of every edition that ended before `cutoff`."""
    editions = Edition.objects.filter(ends_on__lt=cutoff)
    old_registrations = Registration.objects.filter(edition__in=editions).exclude(first_name=ERASED)
    old_bookings = Booking.objects.filter(edition__in=editions).exclude(first_name=ERASED)
    counts = {"editions": editions.count(), "registrations": 0, "bookings": 0}
    for registration in old_registrations:
        anonymise_registration(registration)
        counts["registrations"] += 1
    counts["bookings"] = old_bookings.update(first_name=ERASED, phone=ERASED, email="")
    return counts


def retention_cutoff(months: int, *, today=None):
    """The day before which editions are forgotten: `months` of about 30.44 days."""
    today = today or timezone.localdate()
    return today - timedelta(days=round(months * 30.44))


def _news_consents(user: User):
    return Consent.objects.filter(
        registration__in=registrations_of(user),
        purpose=Consent.Purpose.NEWS,
        withdrawn_at__isnull=True,
    )


def wants_news(user: User) -> bool:
    return _news_consents(user).exists()


@transaction.atomic
def set_news(user: User, wanted: bool, *, now=None) -> None:
    """Give or withdraw the consent to news e-mails. Giving it records a new consent
    (with the text's version) on the person's latest registration; withdrawing dates
    every one still standing, so the history of what was agreed stays."""
    now = now or timezone.now()
    if not wanted:
        _news_consents(user).update(withdrawn_at=now)
        return
    latest = registrations_of(user).order_by("-created_at", "-pk").first()
    if latest is None:
        return
    # Asking again undoes an earlier "stop the mailings" from an e-mail's link.
    Unsubscribe.objects.filter(email__iexact=user.email).delete()
    if not wants_news(user):
        Consent.objects.create(
            registration=latest,
            purpose=Consent.Purpose.NEWS,
            text_version=NEWS_VERSION,
            language=user.language,
            given_at=now,
        )
