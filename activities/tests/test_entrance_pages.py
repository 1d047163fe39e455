"""The entrance pages: only staff who may admit visitors; a code admitted once; walk-ins."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import freezegun
import pytest

from activities import services
from activities.models import Activity
from activities.slots import generate_slots

CASABLANCA = ZoneInfo("Africa/Casablanca")


@pytest.fixture
def activity(edition):
    workshop = Activity.objects.create(
        edition=edition, slug="four-solaire", kind=Activity.Kind.WORKSHOP, title_fr="Four solaire",
        duration_minutes=30, slot_minutes=30, slot_capacity=4, walk_in_percent=50,
    )
    generate_slots(workshop, day=date(2022, 5, 25), opens=time(10), closes=time(11))
    return workshop


@pytest.fixture
def booking(activity):
    slot = activity.slots.order_by("starts_at").first()
    visitor = services.Visitor(first_name="Amina", language="fr", phone="+212612345678")
    return services.book(slot, visitor=visitor, now=datetime(2022, 5, 20, tzinfo=CASABLANCA))[0]


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("attendee", 403),
                                             ("moderator", 403), ("registration_desk", 200)])
def test_only_staff_who_admit_visitors_reach_the_entrance(client, cast, activity, who, status):
    if cast[who]:
        client.force_login(cast[who])
    assert client.get("/fr/activities/entrance/").status_code == status


@pytest.mark.usefixtures("in_english")
def test_a_code_is_admitted_once_and_walk_ins_are_counted(client, cast, activity, booking):
    client.force_login(cast["registration_desk"])
    url = f"/en/activities/entrance/{activity.slug}/"
    with freezegun.freeze_time(datetime(2022, 5, 25, 9, 50, tzinfo=CASABLANCA)):
        first = client.post(url + "scan/", {"code": booking.display_code}, follow=True)
        assert "Admitted: Amina" in first.content.decode()
        again = client.post(url + "scan/", {"code": booking.code}, follow=True)
        assert "Already admitted" in again.content.decode()
        client.post(url + "walk-in/", {"people": "2"})
        full = client.post(url + "walk-in/", {"people": "1"}, follow=True)
        assert "No room for them" in full.content.decode()
    slot = booking.slot
    slot.refresh_from_db()
    assert (slot.admitted, slot.walk_ins) == (1, 2)
