"""Who a mailing goes to: the e-mail addresses of a segment of the edition's people,
once each, in the language each chose, without those who unsubscribed."""

from dataclasses import dataclass

from activities.models import Booking
from dashboard.models import Mailing, Segment, Unsubscribe
from matchmaking.models import Profile
from programme.models import Speaker
from registration.models import Consent, Registration
from startups.models import Application


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    language: str


def _registrations(mailing: Mailing):
    people = Registration.objects.filter(
        edition=mailing.edition, status__in=Registration.HOLDING_STATUSES
    )
    if mailing.pass_type_id:
        people = people.filter(pass_type_id=mailing.pass_type_id)
    if mailing.pivot_id:
        people = people.filter(pivots=mailing.pivot_id)
    return people.values_list("email", "first_name", "language")


def _lounge(mailing: Mailing):
    return Profile.objects.filter(
        lounge__edition=mailing.edition, user__is_active=True
    ).values_list("user__email", "display_name", "user__language")


def _speakers(mailing: Mailing):
    return (
        Speaker.objects.filter(sessions__edition=mailing.edition, sessions__is_published=True)
        .exclude(email="")
        .values_list("email", "name")
        .distinct()
    )


def _startups(mailing: Mailing):
    return (
        Application.objects.selected()
        .filter(call__edition=mailing.edition)
        .values_list("applicant__email", "contact_name", "language")
    )


def _public(mailing: Mailing):
    return (
        Booking.objects.filter(edition=mailing.edition)
        .exclude(email="")
        .exclude(status="cancelled")
        .values_list("email", "first_name", "language")
    )


def _news(mailing: Mailing):
    # The one segment beyond the edition: consent to news is for the next ones too.
    return Consent.objects.filter(
        purpose=Consent.Purpose.NEWS, withdrawn_at__isnull=True
    ).values_list("registration__email", "registration__first_name", "registration__language")


SOURCES = {
    Segment.REGISTRATIONS: _registrations,
    Segment.LOUNGE: _lounge,
    Segment.SPEAKERS: _speakers,
    Segment.STARTUPS: _startups,
    Segment.PUBLIC: _public,
    Segment.NEWS: _news,
}


def recipients(mailing: Mailing) -> list[Recipient]:
    gone = set(Unsubscribe.objects.values_list("email", flat=True))
    seen, chosen = set(), []
    for row in SOURCES[mailing.segment](mailing).order_by():
        email = (row[0] or "").strip().lower()
        if not email or email in seen or email in gone:
            continue
        seen.add(email)
        language = row[2] if len(row) > 2 and row[2] in ("fr", "ar", "en") else "fr"
        chosen.append(Recipient(email, row[1] or "", language))
    return sorted(chosen, key=lambda r: r.email)
