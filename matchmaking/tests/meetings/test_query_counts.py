"""Query-count guards: the lounge's staff pages take as many queries with 30 meetings
as with one, each meeting between its own two people at its own table, so a relation
read row by row (an N+1) shows as a difference."""

from datetime import timedelta

import pytest
from django.urls import reverse

from core.testing import english, queries_of_get
from matchmaking import planning
from matchmaking.models import LoungeTable, MeetingRequest, MeetingSide, SchedulerRun
from matchmaking.tests.factories import with_slots
from matchmaking.tests.meeting_helpers import BEFORE_THE_EVENT, accepted, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, cast):
    client.force_login(cast["admin"])
    return client


def meet(lounge, count: int) -> SchedulerRun:
    """Published meetings up to `count` in one slot, each at its own table between
    startup "Startup01 SARL"… and corporate "Corporate01 SARL"…; the run that placed them."""
    if not lounge.slots.exists():
        with_slots(lounge, count=1, tables=0)
    for n in range(MeetingRequest.objects.count() + 1, count + 1):
        LoungeTable.objects.create(lounge=lounge, number=n)
        accepted(
            person(lounge, f"startup{n:02d}"), person(lounge, f"corporate{n:02d}", kind="corporate")
        )
    run = planning.run_scheduler(lounge, by=None, time_limit=5)
    planning.publish(run, by=None)
    return run


def answer_every_side(lounge, clock) -> None:
    """After the slot: every side says the meeting took place and leads to a pilot."""
    clock.move_to(lounge.slots.last().ends_at + timedelta(hours=1))
    MeetingSide.objects.update(took_place=True, follow_up=MeetingSide.FollowUp.PILOT)


@pytest.mark.parametrize(
    ("page", "query", "shows"),
    [
        ("matchmaking:staff", "", "30 meeting places open"),
        ("matchmaking:table_sheets", "", "Corporate30 SARL"),
        ("matchmaking:outcomes", "", "<span>A pilot</span> <strong>60</strong>"),
        ("matchmaking:outcomes", "?format=csv", "Corporate30 SARL"),
    ],
)
def test_lounge_staff_pages_queries_do_not_grow_with_meetings(
    staff, lounge, before_the_event, page, query, shows
):
    url = english(page) + query
    meet(lounge, 1)
    answer_every_side(lounge, before_the_event)
    one, _ = queries_of_get(staff, url)

    before_the_event.move_to(BEFORE_THE_EVENT)
    meet(lounge, 30)
    answer_every_side(lounge, before_the_event)
    thirty, text = queries_of_get(staff, url)

    assert shows in text
    assert thirty == one


def test_run_detail_queries_do_not_grow_with_meetings(staff, lounge):
    one, _ = queries_of_get(staff, reverse("matchmaking:run_detail", args=[meet(lounge, 1).pk]))

    run = meet(lounge, 30)
    thirty, text = queries_of_get(staff, english("matchmaking:run_detail", run.pk))

    assert "Corporate30 SARL" in text
    assert thirty == one
