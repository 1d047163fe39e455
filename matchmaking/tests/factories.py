"""Factories for lounge tests.

`LoungeFactory()` is the lounge of a new edition (25–26 May 2022) taking
requests now; `with_slots(lounge, day=25, start=(14, 0), count=6, tables=3)`
gives it 20-minute slots and numbered tables. `ProfileFactory()` is a
corporate taking part; `MeetingRequestFactory()` a pending request between two
new profiles of one lounge.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from editions.tests.factories import EditionFactory
from matchmaking.models import Challenge, Lounge, LoungeSlot, LoungeTable, MeetingRequest, Profile
from startups.tests.factories import UserFactory

CASABLANCA = ZoneInfo("Africa/Casablanca")


class LoungeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lounge

    edition = factory.SubFactory(EditionFactory)
    name_fr = "Open Innovation Lounge"
    name_ar = "فضاء الابتكار المفتوح"
    name_en = "Open Innovation Lounge"
    description_fr = "Les startups rencontrent les entreprises et les institutions."
    requests_open_until = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


def with_slots(lounge, *, day=25, start=(14, 0), count=6, tables=3, minutes=20):
    """Add `count` consecutive slots on `day` May 2022 and tables numbered from 1."""
    first = datetime(2022, 5, day, *start, tzinfo=CASABLANCA)
    slots = [
        LoungeSlot.objects.create(
            lounge=lounge,
            starts_at=first + timedelta(minutes=minutes * k),
            ends_at=first + timedelta(minutes=minutes * (k + 1)),
        )
        for k in range(count)
    ]
    have = lounge.tables.count()
    for number in range(have + 1, have + tables + 1):
        LoungeTable.objects.create(lounge=lounge, number=number)
    return slots


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    lounge = factory.SubFactory(LoungeFactory)
    user = factory.SubFactory(UserFactory)
    kind = Profile.Kind.CORPORATE
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    summary = "Distribution d'eau et d'électricité de la métropole."
    sectors = factory.LazyFunction(lambda: ["water", "energy"])
    max_meetings = 8


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    profile = factory.SubFactory(ProfileFactory)
    title = "Détecter les fuites du réseau d'eau"
    description = "Nous cherchons des capteurs sobres pour repérer les fuites dans les quartiers."
    keywords = "eau, fuites, capteurs"


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRequest

    lounge = factory.SubFactory(LoungeFactory)
    requester = factory.SubFactory(
        ProfileFactory, lounge=factory.SelfAttribute("..lounge"), kind=Profile.Kind.STARTUP
    )
    target = factory.SubFactory(ProfileFactory, lounge=factory.SelfAttribute("..lounge"))
    message = "Nous aimerions vous présenter notre pilote."
    requester_priority = MeetingRequest.Priority.WANT
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=5))
