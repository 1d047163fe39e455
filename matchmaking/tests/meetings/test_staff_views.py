"""The organiser's lounge pages: who may open them, running and publishing from the
page, the printable table sheets and the outcomes."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.testing import CAST, client_for, english
from matchmaking import planning
from matchmaking.models import Meeting, MeetingSide, SchedulerRun
from matchmaking.tests.factories import with_slots
from matchmaking.tests.meeting_helpers import accepted, assert_sound, person, published

pytestmark = pytest.mark.django_db
# Who runs the scheduler: the admin role (every matchmaking permission).
SCHEDULERS = {"admin"}


@pytest.fixture
def staff(client, cast):
    client.force_login(cast["admin"])
    return client


@pytest.fixture
def requests(lounge):
    """Three slots, two tables; four people and four accepted requests."""
    with_slots(lounge, day=25, start=(14, 0), count=3, tables=2)
    lounge.tables.filter(number=2).update(label="by the window")
    amina, bilal = person(lounge, "amina"), person(lounge, "bilal", kind="corporate")
    chama, driss = person(lounge, "chama"), person(lounge, "driss", kind="institution")
    return [
        accepted(amina, bilal),
        accepted(chama, driss),
        accepted(amina, driss),
        accepted(chama, bilal),
    ]


def html(response, status=200) -> str:
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


# Who may open what


def pages(run):
    return {
        "staff": ("get", reverse("matchmaking:staff")),
        "table_sheets": ("get", reverse("matchmaking:table_sheets")),
        "outcomes": ("get", reverse("matchmaking:outcomes")),
        "run_detail": ("get", reverse("matchmaking:run_detail", args=[run.pk])),
        "run": ("post", reverse("matchmaking:run")),
        "publish": ("post", reverse("matchmaking:publish", args=[run.pk])),
    }


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize(
    "name", ["staff", "table_sheets", "outcomes", "run_detail", "run", "publish"]
)
def test_lounge_staff_pages_need_the_scheduler_permission(
    client, cast, lounge, requests, who, name
):
    run = planning.run_scheduler(lounge, by=None, time_limit=5)
    method, address = pages(run)[name]
    data = {"time_limit": 2, "keep_published": "on"} if name == "run" else {}

    response = getattr(client_for(client, cast, who), method)(address, data)

    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif who in SCHEDULERS:
        assert response.status_code in (200, 303)
        assert "no-store" in response["Cache-Control"]
    else:
        assert response.status_code == 403
    runs_made = SchedulerRun.objects.count() - 1
    assert runs_made == (1 if name == "run" and who in SCHEDULERS else 0)
    assert Meeting.objects.exists() == (name == "publish" and who in SCHEDULERS)


def test_a_lounge_that_does_not_exist_is_not_found(staff, edition):
    assert staff.get(reverse("matchmaking:staff")).status_code == 404


# The overview


def test_the_overview_counts_people_requests_capacity_and_runs(staff, lounge, requests):
    lounge.tables.get(number=1).closed_slots.add(lounge.slots.first())
    planning.run_scheduler(lounge, by=None, time_limit=5)

    page = html(staff.get(english("matchmaking:staff")))

    assert "3 slots</p>" not in page  # counted with their tables
    assert "3 slots × 2 tables" in page
    assert "5 meeting places open" in page
    assert "<span>Startup</span> <strong>2</strong>" in page
    assert "<span>Corporate</span> <strong>1</strong>" in page
    assert "<span>Accepted</span> <strong>4</strong>" in page
    assert "optimal (proven)" in page
    assert 'name="time_limit"' in page and 'name="keep_published"' in page


def test_the_overview_queries_do_not_grow_with_runs(staff, lounge, requests):
    def queries(runs):
        while SchedulerRun.objects.count() < runs:
            planning.run_scheduler(lounge, by=None, time_limit=5)
        with CaptureQueriesContext(connection) as done:
            page = html(staff.get(english("matchmaking:staff")))
        assert page.count("/staff/runs/") == runs
        return len(done)

    assert queries(1) == queries(3)


# Running from the page


def test_running_from_the_page_shows_the_proposal(staff, lounge, requests):
    response = staff.post(english("matchmaking:run"), {"time_limit": 3, "keep_published": "on"})

    assert response.status_code == 303
    run = SchedulerRun.objects.get()
    assert response["Location"] == english("matchmaking:run_detail", run.pk)
    assert run.time_limit == 3 and run.keep_published and not run.include_unanswered
    page = html(staff.get(response["Location"]))
    assert f">{run.value}</dd>" in page and "100.0 % of it reached" in page
    assert page.count('<td class="added">') == len(run.proposal) == 4
    assert "<bdi>Amina SARL</bdi> × <bdi>Bilal SARL</bdi>" in page
    assert 'action="/en/matchmaking/staff/runs/' in page and ">Publish</button>" in page
    assert "Every request is placed." in page
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("limit", ["0", "26", "600", "twenty", ""])
def test_a_time_limit_beyond_what_the_page_can_wait_is_refused(staff, lounge, requests, limit):
    page = html(staff.post(english("matchmaking:run"), {"time_limit": limit}))
    assert 'class="errorlist' in page
    assert not SchedulerRun.objects.exists()


def test_the_run_page_says_why_requests_were_not_placed(staff, lounge, requests):
    bilal = requests[0].target
    bilal.blocked_slots.set(lounge.slots.all())
    run = planning.run_scheduler(lounge, by=None, time_limit=5)

    page = html(staff.get(english("matchmaking:run_detail", run.pk)))

    assert "2 requests not placed" in page
    assert "Bilal SARL is unavailable in every slot with a table." in page


def test_publishing_from_the_page(
    staff, lounge, requests, mailoutbox, django_capture_on_commit_callbacks
):
    run = planning.run_scheduler(lounge, by=None, time_limit=5)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(english("matchmaking:publish", run.pk))

    assert response.status_code == 303
    assert len(assert_sound(lounge)) == 4 and len(mailoutbox) == 8
    page = html(staff.get(response["Location"]))
    assert "Published (new: 4, moved: 0, cancelled: 0, kept: 0)." in page
    assert "Published on" in page and ">Publish</button>" not in page


def test_a_rerun_page_shows_kept_moved_and_cancelled(staff, lounge, requests):
    planning.publish(planning.run_scheduler(lounge, by=None, time_limit=5), by=None)
    meetings = published(lounge)
    moving = meetings[0]
    moving.request.requester.blocked_slots.add(moving.slot)
    run = planning.run_scheduler(lounge, by=None, time_limit=5)

    page = html(staff.get(english("matchmaking:run_detail", run.pk)))

    assert "no longer available at that time" in page
    assert page.count('<td class="kept">') == 3
    assert page.count('<td class="moved">') + ("Cancelled</h3>" in page) == 1


def test_a_stale_proposal_is_refused_with_run_again(staff, lounge, requests):
    old = planning.run_scheduler(lounge, by=None, time_limit=5)
    planning.run_scheduler(lounge, by=None, time_limit=5)

    page = html(staff.post(english("matchmaking:publish", old.pk)), status=409)

    assert "This proposal is out of date: run the scheduler again, then publish." in page
    assert english("matchmaking:staff") in page
    assert not Meeting.objects.exists()
    assert "A newer run exists" in html(staff.get(english("matchmaking:run_detail", old.pk)))


def test_publishing_twice_is_refused(staff, lounge, requests):
    run = planning.run_scheduler(lounge, by=None, time_limit=5)
    staff.post(english("matchmaking:publish", run.pk))
    page = html(staff.post(english("matchmaking:publish", run.pk)), status=409)
    assert "already been published" in page
    assert Meeting.objects.count() == 4


# Table sheets


def test_one_sheet_per_table_with_both_participants_per_slot(staff, lounge, requests):
    planning.publish(planning.run_scheduler(lounge, by=None, time_limit=5), by=None)
    lounge.tables.get(number=1).closed_slots.add(lounge.slots.last())

    page = html(staff.get(english("matchmaking:table_sheets")))

    assert page.count('<section class="table-sheet"') == 2
    assert "Table 2</h2>" not in page and "by the window" in page
    for meeting in published(lounge):
        for side in (meeting.request.requester, meeting.request.target):
            assert f"<bdi>{side.organisation}</bdi> — <bdi>{side.display_name}</bdi>" in page
    assert page.count("14:20–14:40") == 2  # one row per table
    assert "table closed" in page
    css = open(finders.find("matchmaking/staff.css"), encoding="utf-8").read()
    assert "@media print" in css and ".table-sheet{break-after:page" in css


def test_table_sheets_queries_do_not_grow_with_tables(staff, lounge, requests):
    def queries():
        with CaptureQueriesContext(connection) as done:
            html(staff.get(english("matchmaking:table_sheets")))
        return len(done)

    one = queries()
    with_slots(lounge, day=26, count=1, tables=2)
    assert queries() == one


# Outcomes


@pytest.fixture
def answered(lounge, requests, before_the_event):
    planning.publish(planning.run_scheduler(lounge, by=None, time_limit=5), by=None)
    before_the_event.move_to(lounge.slots.last().ends_at + timedelta(hours=1))
    sides = list(MeetingSide.objects.select_related("profile").order_by("pk"))
    answers = [
        (True, "pilot"),
        (True, "contract"),
        (False, "none"),
        (True, "pilot"),
        (True, "investment"),
        (None, ""),
    ]
    for side, (took_place, follow_up) in zip(sides, answers, strict=False):
        MeetingSide.objects.filter(pk=side.pk).update(took_place=took_place, follow_up=follow_up)
    return sides


def test_outcomes_count_answers_follow_ups_and_kinds(staff, answered):
    page = html(staff.get(english("matchmaking:outcomes")))

    assert "<span>took place</span> <strong>4</strong>" in page
    assert "<span>did not take place</span> <strong>1</strong>" in page
    assert "<span>not answered yet</span> <strong>3</strong>" in page
    assert "<span>A pilot</span> <strong>2</strong>" in page
    assert "<span>A contract</span> <strong>1</strong>" in page
    assert "<span>An investment</span> <strong>1</strong>" in page
    assert '<th scope="row">Startup</th><td>4</td>' in page
    assert '<th scope="row">All participants</th><td>8</td><td>4</td><td>1</td><td>3</td>' in page


def test_outcomes_as_csv(staff, answered):
    response = staff.get(english("matchmaking:outcomes") + "?format=csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["starts at", "table", "organisation"]
    assert len(rows) == 1 + 8
    assert sum(1 for row in rows[1:] if row[6] == "yes") == 4
    assert {row[7] for row in rows[1:]} >= {"a pilot", "a contract", "an investment"}
