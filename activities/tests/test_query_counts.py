"""Query-count guards: the public programme's lists and the entrance's pages take as
many queries with 30 activities, slots or bookings as with one. Each activity has its
own space, slot and visitor, so a relation read row by row (an N+1) shows as a
difference."""

from datetime import timedelta

import freezegun
import pytest

from activities import services
from activities.models import Activity, ActivitySlot
from activities.tests.factories import ActivityFactory, ActivitySlotFactory, PublicProgrammeFactory
from core.testing import queries_of_get
from editions.tests.factories import SpaceFactory
from programme.tests.factories import at

# The first slots' doors are open: the entrance has a current slot for each activity.
DURING_THE_FIRST_SLOTS = at(25, 10, 5)


@pytest.fixture(autouse=True)
def public_programme(edition):
    return PublicProgrammeFactory(edition=edition)


def book(slot, n: int) -> None:
    visitor = services.Visitor(
        first_name=f"Visitor{n:02d}", language="fr", phone=f"+2126123456{n:02d}"
    )
    services.book(slot, visitor=visitor, now=at(20, 9))


def programme(edition, count: int) -> None:
    """Activities up to `count`, "Activity 01"…, each in its own space with one slot
    at 10:00 on 25 May, booked by its own visitor "Visitor01"…."""
    for n in range(Activity.objects.count() + 1, count + 1):
        activity = ActivityFactory(
            edition=edition,
            title_en=f"Activity {n:02d}",
            space=SpaceFactory(edition=edition, name_en=f"Space {n:02d}"),
        )
        book(ActivitySlotFactory(activity=activity), n)


@pytest.mark.parametrize(
    ("who", "url", "shows"),
    [
        ("anonymous", "/en/activities/", "Activity 30"),
        ("anonymous", "/en/activities/?day=2022-05-25&wheelchair=1", "Activity 30"),
        ("anonymous", "/en/activities/availability/?day=2022-05-25", "Activity 30"),
        ("registration_desk", "/en/activities/entrance/", "Activity 30"),
        ("registration_desk", "/en/activities/entrance/occupancy/", "Activity 30"),
    ],
)
def test_activity_lists_queries_do_not_grow_with_activities(client, cast, edition, who, url, shows):
    if cast[who] is not None:
        client.force_login(cast[who])
    with freezegun.freeze_time(DURING_THE_FIRST_SLOTS):
        programme(edition, 1)
        one, _ = queries_of_get(client, url)

        programme(edition, 30)
        thirty, text = queries_of_get(client, url)

    assert shows in text
    assert thirty == one


def slots(activity, count: int) -> None:
    """Slots of `activity` up to `count`, every half hour from 10:00 on 25 May, each
    booked by its own visitor "Visitor01"…."""
    for n in range(activity.slots.count() + 1, count + 1):
        starts_at = at(25, 10) + timedelta(minutes=30 * (n - 1))
        book(ActivitySlotFactory(activity=activity, starts_at=starts_at), n)


@pytest.mark.parametrize(
    ("who", "page", "shows"),
    [
        ("anonymous", "", "00:30"),  # the 30th slot, after midnight
        # The entrance's search shows its first twenty matches.
        ("registration_desk", "entrance/{slug}/find/?q=visitor", "Visitor20"),
    ],
)
def test_an_activitys_pages_queries_do_not_grow_with_its_slots(
    client, cast, edition, who, page, shows
):
    if cast[who] is not None:
        client.force_login(cast[who])
    activity = ActivityFactory(edition=edition, title_en="Activity 01", slot_capacity=10)
    url = f"/en/activities/{page or '{slug}/'}".format(slug=activity.slug)
    with freezegun.freeze_time(DURING_THE_FIRST_SLOTS):
        slots(activity, 1)
        one, _ = queries_of_get(client, url)

        slots(activity, 30)
        thirty, text = queries_of_get(client, url)

    assert ActivitySlot.objects.filter(activity=activity).count() == 30
    assert shows in text
    assert thirty == one
