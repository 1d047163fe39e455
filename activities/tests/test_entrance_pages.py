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
        edition=edition,
        slug="four-solaire",
        kind=Activity.Kind.WORKSHOP,
        title_fr="Four solaire",
        duration_minutes=30,
        slot_minutes=30,
        slot_capacity=4,
        walk_in_percent=50,
    )
    generate_slots(workshop, day=date(2022, 5, 25), opens=time(10), closes=time(11))
    return workshop


@pytest.fixture
def booking(activity):
    slot = activity.slots.order_by("starts_at").first()
    visitor = services.Visitor(first_name="Amina", language="fr", phone="+212612345678")
    return services.book(slot, visitor=visitor, now=datetime(2022, 5, 20, tzinfo=CASABLANCA))[0]


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("attendee", 403), ("moderator", 403), ("registration_desk", 200)],
)
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


@pytest.mark.usefixtures("in_english")
def test_scans_and_walk_ins_answer_json_for_the_script(client, cast, activity, booking):
    client.force_login(cast["registration_desk"])
    url = f"/en/activities/entrance/{activity.slug}/"
    json = {"HTTP_ACCEPT": "application/json"}
    with freezegun.freeze_time(datetime(2022, 5, 25, 9, 50, tzinfo=CASABLANCA)):
        admitted = client.post(url + "scan/", {"code": booking.code.lower()}, **json)
        again = client.post(url + "scan/", {"code": booking.code}, **json)
        malformed = client.post(url + "scan/", {"code": "<script>"}, **json)
        counted = client.post(url + "walk-in/", {"people": "2"}, **json)
        refused = client.post(url + "walk-in/", {"people": "1"}, **json)
        nonsense = client.post(url + "walk-in/", {"people": "many"}, **json)
    assert (admitted.status_code, admitted.json()["ok"]) == (200, True)
    assert "Admitted: Amina" in admitted.json()["message"]
    assert (again.status_code, again.json()["ok"]) == (409, False)
    assert malformed.status_code == 400 and "not an entry code" in malformed.json()["message"]
    assert counted.json() == {
        "ok": True,
        "message": "2 walk-ins counted. 0 places left for walk-ins.",
    }
    assert refused.status_code == 409 and "No room for them" in refused.json()["message"]
    assert nonsense.status_code == 400


@pytest.mark.usefixtures("in_english")
def test_counts_answer_304_until_a_scan_changes_them(client, cast, activity, booking):
    client.force_login(cast["registration_desk"])
    url = f"/en/activities/entrance/{activity.slug}/"
    with freezegun.freeze_time(datetime(2022, 5, 25, 9, 50, tzinfo=CASABLANCA)):
        first = client.get(url + "counts/")
        tag = first["ETag"]
        assert client.get(url + "counts/", HTTP_IF_NONE_MATCH=tag).status_code == 304
        overview = client.get("/en/activities/entrance/occupancy/")
        assert (
            client.get(
                "/en/activities/entrance/occupancy/", HTTP_IF_NONE_MATCH=overview["ETag"]
            ).status_code
            == 304
        )
        client.post(url + "scan/", {"code": booking.code})
        changed = client.get(url + "counts/", HTTP_IF_NONE_MATCH=tag)
        assert (
            client.get(
                "/en/activities/entrance/occupancy/", HTTP_IF_NONE_MATCH=overview["ETag"]
            ).status_code
            == 200
        )
    assert changed.status_code == 200
    assert "admitted with a booking</dt><dd>1<" in changed.content.decode()


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize("query", ["06 12 34 56 78", "+212612345678", "am", "Amina"])
def test_a_lost_code_is_found_by_phone_or_first_name_and_admitted(
    client, cast, activity, booking, query
):
    client.force_login(cast["registration_desk"])
    url = f"/en/activities/entrance/{activity.slug}/"
    with freezegun.freeze_time(datetime(2022, 5, 25, 9, 50, tzinfo=CASABLANCA)):
        page = client.get(url + "find/", {"q": query}).content.decode()
        assert "Amina" in page and "•••• 78" in page
        results = page.split(">Search</button>", 1)[1]  # what follows the search form
        assert "+212612345678" not in results  # staff see enough to recognise, not to copy
        assert f'name="code" value="{booking.code}"' in page
        client.post(url + "scan/", {"code": booking.code})
        after = client.get(url + "find/", {"q": query}).content.decode()
    assert "admitted at 09:50" in after and 'name="code"' not in after


@pytest.mark.usefixtures("in_english")
def test_finding_needs_two_letters_and_searches_only_today_and_this_activity(
    client, cast, activity, booking, edition
):
    other = Activity.objects.create(
        edition=edition, slug="dome", kind=Activity.Kind.IMMERSIVE, title_fr="Dôme"
    )
    client.force_login(cast["registration_desk"])
    with freezegun.freeze_time(datetime(2022, 5, 25, 9, 50, tzinfo=CASABLANCA)):
        short = client.get(f"/en/activities/entrance/{activity.slug}/find/", {"q": "a"})
        elsewhere = client.get(f"/en/activities/entrance/{other.slug}/find/", {"q": "Amina"})
    with freezegun.freeze_time(datetime(2022, 5, 26, 9, 50, tzinfo=CASABLANCA)):
        next_day = client.get(f"/en/activities/entrance/{activity.slug}/find/", {"q": "Amina"})
    assert "at least two letters" in short.content.decode()
    assert "No booking today" in elsewhere.content.decode()
    assert "No booking today" in next_day.content.decode()


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("attendee", 403), ("registration_desk", 200)]
)
def test_find_counts_and_occupancy_are_for_entrance_staff(client, cast, activity, who, status):
    if cast[who]:
        client.force_login(cast[who])
    for page in (f"{activity.slug}/find/?q=Amina", f"{activity.slug}/counts/", "occupancy/"):
        assert client.get(f"/fr/activities/entrance/{page}").status_code == status
