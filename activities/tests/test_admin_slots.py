"""Slots in the admin: whatever staff type, a clear answer and whole counters, never a 500."""

import freezegun
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from activities import services
from activities.models import ActivitySlot
from activities.services import Visitor
from activities.tests.factories import ActivityFactory, ActivitySlotFactory
from programme.tests.factories import at


def fill(slot, people: int) -> list:
    return [
        services.book(
            slot,
            visitor=Visitor(first_name=f"P{n}", language="fr", phone=f"+2126{n:08d}"),
            now=at(25, 9),
        )[0]
        for n in range(people)
    ]


def slot_form(slot, **changes):
    data = {
        "starts_at_0": "2022-05-25",
        "starts_at_1": "10:00",
        "ends_at_0": "2022-05-25",
        "ends_at_1": "10:30",
        "capacity": slot.capacity,
        "walk_in_places": slot.walk_in_places,
    }
    return {**data, **changes}


@pytest.fixture
def staff_client(client, cast):
    client.force_login(cast["admin"])
    with freezegun.freeze_time(at(25, 9)):
        yield client


def change_url(slot):
    return reverse("admin:activities_activityslot_change", args=[slot.pk])


@pytest.mark.usefixtures("in_english")
def test_a_booked_slot_keeps_its_time(staff_client, edition):
    slot = ActivitySlotFactory(activity__edition=edition)
    fill(slot, 1)
    shown = staff_client.get(change_url(slot)).content.decode()
    assert '<select name="activity"' in shown and "disabled" in shown
    page = staff_client.post(
        change_url(slot), slot_form(slot, starts_at_1="10:15", ends_at_1="10:45")
    )
    assert "its time cannot change" in page.content.decode()
    slot.refresh_from_db()
    assert slot.starts_at == at(25, 10)


@pytest.mark.usefixtures("in_english")
def test_an_empty_slot_moved_onto_another_start_is_refused_not_a_server_error(
    staff_client, edition
):
    first = ActivitySlotFactory(activity__edition=edition)
    second = ActivitySlotFactory(activity=first.activity, starts_at=at(25, 11))
    page = staff_client.post(change_url(second), slot_form(second))
    assert page.status_code == 200
    assert "This activity already has a slot starting then." in page.content.decode()
    second.refresh_from_db()
    assert second.starts_at == at(25, 11)


@pytest.mark.usefixtures("in_english")
def test_a_walk_in_share_raised_over_the_bookings_is_explained_on_its_field(staff_client, edition):
    slot = ActivitySlotFactory(activity__edition=edition, capacity=10, walk_in_places=2)
    fill(slot, 6)
    page = staff_client.post(change_url(slot), slot_form(slot, walk_in_places=5))
    assert "6 places are booked online" in page.content.decode()
    assert 'id="id_walk_in_places_error"' in page.content.decode()
    slot.refresh_from_db()
    assert slot.walk_in_places == 2


NUMBERS = st.one_of(
    st.integers(min_value=-5, max_value=40), st.sampled_from(["", "x", "1e3", "99999999999"])
)


@pytest.mark.usefixtures("in_english")
@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(capacity=NUMBERS, held=NUMBERS)
def test_any_capacity_and_walk_in_share_get_an_answer_never_a_500(
    staff_client, edition, capacity, held
):
    slot = ActivitySlot.objects.filter(activity__edition=edition).first()
    if slot is None:
        slot = ActivitySlotFactory(activity__edition=edition, capacity=8, walk_in_places=2)
        fill(slot, 7)  # 6 booked, 1 waiting
    response = staff_client.post(
        change_url(slot), slot_form(slot, capacity=capacity, walk_in_places=held)
    )
    assert response.status_code in (200, 302)
    slot.refresh_from_db()
    assert slot.walk_in_places <= slot.capacity
    assert slot.booked <= slot.capacity - slot.walk_in_places
    assert slot.booked + slot.waiting == 7
    if response.status_code == 302:
        assert (slot.capacity, slot.walk_in_places) == (int(capacity), int(held))
    else:
        assert 'class="errorlist' in response.content.decode()


@pytest.mark.usefixtures("in_english")
def test_the_activitys_new_numbers_reach_upcoming_slots_that_can_take_them(staff_client, edition):
    activity = ActivityFactory(edition=edition, slot_capacity=10, walk_in_percent=20)
    busy = ActivitySlotFactory(activity=activity, capacity=10, walk_in_places=2)
    quiet = ActivitySlotFactory(
        activity=activity, starts_at=at(25, 11), capacity=10, walk_in_places=2
    )
    started = ActivitySlotFactory(
        activity=activity, starts_at=at(25, 8), capacity=10, walk_in_places=2
    )
    fill(busy, 7)  # 7 booked: more than the 4 bookable places of the new numbers
    activity.slot_capacity, activity.walk_in_percent = 5, 20  # 4 bookable, 1 held back
    activity.save()
    page = staff_client.post(
        reverse("admin:activities_activity_changelist"),
        {
            "action": "apply_capacity_to_upcoming_slots",
            "_selected_action": [activity.pk],
        },
        follow=True,
    ).content.decode()
    assert "1 upcoming slot changed." in page
    assert (
        "1 slot keeps its places: more are already taken there than the new numbers allow" in page
    )
    numbers = {s.pk: (s.capacity, s.walk_in_places) for s in activity.slots.all()}
    assert numbers == {busy.pk: (10, 2), quiet.pk: (5, 1), started.pk: (10, 2)}


@pytest.mark.usefixtures("in_english")
def test_more_places_applied_to_a_slot_go_to_its_waiting_list(staff_client, edition):
    activity = ActivityFactory(edition=edition, slot_capacity=2, walk_in_percent=0)
    slot = ActivitySlotFactory(activity=activity, capacity=2, walk_in_places=0)
    waiting = fill(slot, 3)[-1]
    activity.slot_capacity = 4
    activity.save()
    page = staff_client.post(
        reverse("admin:activities_activity_changelist"),
        {
            "action": "apply_capacity_to_upcoming_slots",
            "_selected_action": [activity.pk],
        },
        follow=True,
    ).content.decode()
    assert "1 upcoming slot changed. 1 waiting booking now has a place." in page
    waiting.refresh_from_db()
    slot.refresh_from_db()
    assert (waiting.status, slot.booked, slot.waiting, slot.capacity) == ("confirmed", 3, 0, 4)
