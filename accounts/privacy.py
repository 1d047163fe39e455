"""A participant's personal data: download it, delete it, and forget old editions.

Deleting anonymises instead of removing rows: a registration, a booking or an
application stays as a count (pass, status, check-in, group size, pivot), so the
edition's figures and every capacity stay exact, but nothing in it points to a
person any more. A place held for an event still to come is first given back
(cancelled through the usual rules, so the waiting list moves up).

The data itself lives in the apps that hold it; each registers what it holds in
core.personal_data, and this module walks them.
"""

from datetime import timedelta

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from accounts.models import User
from accounts.services import registrations_of
from core import personal_data
from editions.models import Edition
from registration.consent import NEWS_VERSION
from registration.models import Consent

# Sent with `email=` when a person asks for the news e-mails again, so whoever
# keeps an "stop the mailings" list can drop the address from it.
news_wanted = Signal()


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
        **{holder.key: holder.export(user) for holder in personal_data.holders()},
    }


@transaction.atomic
def erase(user: User, *, now=None) -> None:
    """Give back the places still to come, then anonymise everything about the person."""
    now = now or timezone.now()
    for holder in personal_data.holders():
        holder.erase(user, now=now)
    _anonymise_account(user)


def _anonymise_account(user: User) -> None:
    user.username = f"erased-{user.pk}"
    user.email = user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


@transaction.atomic
def forget_editions_before(cutoff) -> dict[str, int]:
    """Anonymise the participants of every edition that ended before `cutoff`: how
    many editions, then how many rows of each kind ("registrations", "bookings"…)."""
    editions = Edition.objects.filter(ends_on__lt=cutoff)
    counts = {"editions": editions.count()}
    for holder in personal_data.holders():
        if holder.forget is not None:
            counts[holder.key] = holder.forget(editions)
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
    news_wanted.send(sender=User, email=user.email)
    if not wants_news(user):
        Consent.objects.create(
            registration=latest,
            purpose=Consent.Purpose.NEWS,
            text_version=NEWS_VERSION,
            language=user.language,
            given_at=now,
        )
