"""Factories for the public programme's tests.

`ActivitySlotFactory()` is a slot of 10:00–10:30 on 25 May 2022 (Casablanca time)
of a published activity of a new edition: 10 places, 2 held back for walk-ins
(so 8 bookable), groups of up to 6, a waiting list of 5 places. Bookings are made
through `activities.services.book`, which keeps the counters.
"""

from datetime import timedelta

import factory

from activities.models import Activity, ActivitySlot, PublicProgramme
from editions.tests.factories import EditionFactory
from programme.tests.factories import at


class PublicProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicProgramme

    edition = factory.SubFactory(EditionFactory)
    name_fr = "Smart City Connect"
    name_ar = "سمارت سيتي كونكت"
    name_en = "Smart City Connect"
    bookings_open_at = None
    bookings_per_day = 3
    closes_minutes_before = 0


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    edition = factory.SubFactory(EditionFactory)
    slug = factory.Sequence(lambda n: f"activity-{n}")
    kind = Activity.Kind.INSTALLATION
    title_fr = factory.Sequence(lambda n: f"Installation {n}")
    title_ar = factory.Sequence(lambda n: f"تركيب {n}")
    title_en = factory.Sequence(lambda n: f"Installation {n}")
    slot_capacity = 10
    walk_in_percent = 20
    max_group_size = 6
    waiting_list_places = 5
    is_published = True


class ActivitySlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivitySlot

    activity = factory.SubFactory(ActivityFactory)
    starts_at = factory.LazyFunction(lambda: at(25, 10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(minutes=30))
    capacity = 10
    walk_in_places = 2
