"""The lounge in the administration: set-up per language with its tables, slots from
opening hours, and participants' things shown read-only."""

import pytest
from django.urls import reverse

from core.testing import CAST, client_for
from matchmaking import planning
from matchmaking.models import LoungeSlot
from matchmaking.tests.factories import LoungeFactory, with_slots
from matchmaking.tests.meeting_helpers import accepted, person, published

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


@pytest.fixture
def admin(client, cast):
    client.force_login(cast["admin"])
    return client


def generate_address(lounge):
    return reverse("admin:matchmaking_lounge_generate_slots", args=[lounge.pk])


def test_the_lounge_page_has_its_texts_in_three_languages_side_by_side_and_its_tables(
    admin, lounge
):
    with_slots(lounge, count=2, tables=2)

    page = admin.get(reverse("admin:matchmaking_lounge_change", args=[lounge.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert ">Français · العربية · English</h2>" in html
    (name_row,) = [row for row in html.split('<div class="form-row') if 'name="name_fr"' in row]
    assert 'name="name_ar"' in name_row and 'name="name_en"' in name_row
    assert 'dir="rtl"' in name_row
    assert 'name="tables-0-number"' in html and 'name="tables-1-label"' in html
    assert generate_address(lounge) in html


def test_slots_are_generated_from_opening_hours(admin, lounge):
    page = admin.get(generate_address(lounge)).content.decode()
    assert 'value="2022-05-25"' in page and 'value="2022-05-26"' in page
    assert 'value="2022-05-27"' not in page

    response = admin.post(
        generate_address(lounge),
        {"day": "2022-05-25", "opens": "09:00", "closes": "12:40", "minutes": "20"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse(
        "admin:matchmaking_lounge_change", args=[lounge.pk]
    )
    assert lounge.slots.count() == 11
    assert "11 slots added." in response.content.decode()


def test_generating_again_says_what_was_there_already(admin, lounge):
    data = {"day": "2022-05-26", "opens": "14:00", "closes": "15:00", "minutes": "20"}
    admin.post(generate_address(lounge), data)
    response = admin.post(generate_address(lounge), {**data, "closes": "16:00"}, follow=True)
    assert lounge.slots.count() == 6
    assert "3 slots added. 3 were there already" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"day": "2022-05-27", "opens": "09:00", "closes": "12:00", "minutes": "20"},
        {"day": "2022-05-25", "opens": "12:00", "closes": "09:00", "minutes": "20"},
        {"day": "2022-05-25", "opens": "09:00", "closes": "09:10", "minutes": "20"},
        {"day": "2022-05-25", "opens": "09:00", "closes": "12:00", "minutes": "3"},
        {"day": "2022-05-25", "opens": "nine", "closes": "12:00", "minutes": "20"},
    ],
)
def test_impossible_slots_are_refused_on_the_form(admin, lounge, data):
    response = admin.post(generate_address(lounge), data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not LoungeSlot.objects.exists()


@pytest.mark.parametrize("who", CAST)
def test_only_those_who_may_change_the_lounge_generate_slots(client, cast, lounge, who):
    response = client_for(client, cast, who).post(
        generate_address(lounge),
        {"day": "2022-05-25", "opens": "09:00", "closes": "10:00", "minutes": "20"},
    )
    if who == "anonymous" or not cast[who].is_staff:
        assert response.status_code == 302 and "/login/" in response["Location"]
    elif who == "admin":
        assert response.status_code == 302 and lounge.slots.count() == 3
    else:
        assert response.status_code == 403
    if who != "admin":
        assert not LoungeSlot.objects.exists()


def test_a_tables_closed_slots_are_chosen_among_its_lounges(admin, lounge):
    with_slots(lounge, count=2, tables=1)
    other = LoungeFactory()
    with_slots(other, count=3, tables=0)
    table = lounge.tables.get()

    page = admin.get(reverse("admin:matchmaking_loungetable_change", args=[table.pk]))

    html = page.content.decode()
    for slot in lounge.slots.all():
        assert f'value="{slot.pk}"' in html
    for slot in other.slots.all():
        assert f'value="{slot.pk}"' not in html


@pytest.fixture
def one_meeting(lounge):
    with_slots(lounge, count=1, tables=1)
    request = accepted(person(lounge, "amina"), person(lounge, "bilal"))
    run = planning.run_scheduler(lounge, by=None, time_limit=5)
    planning.publish(run, by=None)
    (meeting,) = published(lounge)
    return {
        "profile": request.requester,
        "meetingrequest": request,
        "meeting": meeting,
        "schedulerrun": run,
        "challenge": None,
    }


@pytest.mark.parametrize("model", ["profile", "meetingrequest", "meeting", "schedulerrun"])
def test_participants_things_are_read_only(admin, one_meeting, model):
    obj = one_meeting[model]
    changelist = admin.get(reverse(f"admin:matchmaking_{model}_changelist"))
    change = admin.get(reverse(f"admin:matchmaking_{model}_change", args=[obj.pk]))

    assert changelist.status_code == 200 and change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
    assert admin.get(reverse(f"admin:matchmaking_{model}_add")).status_code == 403
    assert (
        admin.post(reverse(f"admin:matchmaking_{model}_delete", args=[obj.pk])).status_code == 403
    )
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_the_calendar_secret_is_not_shown(admin, one_meeting):
    profile = one_meeting["profile"]
    page = admin.get(reverse("admin:matchmaking_profile_change", args=[profile.pk]))
    assert profile.calendar_secret not in page.content.decode()
