"""Meeting slots from the lounge's opening hours: back to back, never duplicated,
only on the edition's days."""

from datetime import date, datetime, time, timedelta

import pytest

from editions.opening_hours import SlotError
from matchmaking.models import LoungeSlot
from matchmaking.slots import generate_slots
from matchmaking.tests.factories import CASABLANCA

pytestmark = pytest.mark.django_db
DAY_ONE, DAY_TWO = date(2022, 5, 25), date(2022, 5, 26)


def local(slot):
    return slot.starts_at.astimezone(CASABLANCA), slot.ends_at.astimezone(CASABLANCA)


def test_twenty_minute_slots_fill_the_opening_hours(lounge):
    done = generate_slots(lounge, day=DAY_ONE, opens=time(9), closes=time(12, 40))

    assert len(done.created) == 11 and done.skipped == 0
    slots = list(lounge.slots.all())
    assert local(slots[0]) == (
        datetime(2022, 5, 25, 9, 0, tzinfo=CASABLANCA),
        datetime(2022, 5, 25, 9, 20, tzinfo=CASABLANCA),
    )
    assert local(slots[-1])[1] == datetime(2022, 5, 25, 12, 40, tzinfo=CASABLANCA)
    assert all(b.starts_at == a.ends_at for a, b in zip(slots, slots[1:], strict=False))


def test_a_part_slot_at_closing_time_is_left_out(lounge):
    done = generate_slots(lounge, day=DAY_ONE, opens=time(14), closes=time(14, 50))
    assert [local(s)[0].time() for s in done.created] == [time(14), time(14, 20)]


def test_the_lounge_meeting_length_or_another(lounge):
    lounge.meeting_minutes = 30
    generate_slots(lounge, day=DAY_ONE, opens=time(10), closes=time(12))
    generate_slots(lounge, day=DAY_TWO, opens=time(10), closes=time(11), minutes=15)
    lengths = [s.ends_at - s.starts_at for s in lounge.slots.all()]
    assert lengths == [timedelta(minutes=30)] * 4 + [timedelta(minutes=15)] * 4


def test_a_break_is_two_ranges_over_two_days(lounge):
    for day in (DAY_ONE, DAY_TWO):
        generate_slots(lounge, day=day, opens=time(9), closes=time(12))
        generate_slots(lounge, day=day, opens=time(14), closes=time(17))
    starts = [local(s)[0] for s in lounge.slots.all()]
    assert len(starts) == 4 * 9
    assert not any(time(12) <= moment.time() < time(14) for moment in starts)


def test_generating_again_never_duplicates(lounge):
    generate_slots(lounge, day=DAY_ONE, opens=time(9), closes=time(10))
    again = generate_slots(lounge, day=DAY_ONE, opens=time(9), closes=time(11))
    assert len(again.created) == 3 and again.skipped == 3
    assert lounge.slots.count() == 6


def test_slots_overlapping_existing_ones_are_skipped(lounge):
    generate_slots(lounge, day=DAY_ONE, opens=time(9), closes=time(10))  # 3 × 20 min
    half_hours = generate_slots(lounge, day=DAY_ONE, opens=time(9), closes=time(11), minutes=30)
    assert [local(s)[0].time() for s in half_hours.created] == [time(10), time(10, 30)]
    slots = list(lounge.slots.all())
    assert all(a.ends_at <= b.starts_at for a, b in zip(slots, slots[1:], strict=False))


@pytest.mark.parametrize("day", [date(2022, 5, 24), date(2022, 5, 27), date(2023, 5, 25)])
def test_only_on_the_days_of_the_edition(lounge, day):
    with pytest.raises(SlotError) as refused:
        generate_slots(lounge, day=day, opens=time(9), closes=time(12))
    assert refused.value.code == "outside_edition"
    assert not LoungeSlot.objects.exists()


@pytest.mark.parametrize(
    ("opens", "closes", "code"),
    [
        (time(12), time(9), "closes_first"),
        (time(9), time(9), "closes_first"),
        (time(9), time(9, 10), "too_short"),
    ],
)
def test_impossible_hours_are_refused_with_a_reason(lounge, opens, closes, code):
    with pytest.raises(SlotError) as refused:
        generate_slots(lounge, day=DAY_ONE, opens=opens, closes=closes)
    assert refused.value.code == code and refused.value.message
    assert not LoungeSlot.objects.exists()
