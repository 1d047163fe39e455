"""The organiser's dashboard and impact report on the demo edition: for staff with the
permission only, every number as a chart, a table and CSV, in a bounded number of
queries."""

import csv
import io

import pytest
from django.urls import reverse

from activities.models import ActivitySlot
from community.models import Idea
from registration.models import CheckIn, Registration

pytestmark = pytest.mark.usefixtures("demo_loaded")

TABLES = [
    "registrations",
    "check-ins",
    "sessions",
    "lounge",
    "startups",
    "activity-slots",
    "community",
]


@pytest.fixture
def organiser(client, django_user_model):
    from accounts.roles import assign_role

    person = django_user_model.objects.create_user("organiser-dash")
    assign_role(person, "admin")
    client.force_login(person)
    return client


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("attendee", 403),
        ("moderator", 403),
        ("registration_desk", 403),
        ("admin", 200),
    ],
)
def test_only_the_organiser_sees_the_dashboard(client, cast, who, status):
    if cast[who]:
        client.force_login(cast[who])
    for url in (
        reverse("dashboard:home"),
        reverse("dashboard:report"),
        reverse("dashboard:csv", args=["sessions"]),
    ):
        assert client.get(url).status_code == status


@pytest.mark.usefixtures("in_english")
def test_the_dashboard_shows_the_demo_numbers_in_a_few_queries(
    organiser, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40):
        page = organiser.get(reverse("dashboard:home")).content.decode()
    holding = Registration.objects.filter(status__in=Registration.HOLDING_STATUSES).count()
    assert f"<dd>{holding}</dd>" in page and f"<dd>{CheckIn.objects.count()}</dd>" in page
    assert page.count("<svg") >= 5 and "<polyline" in page
    for name in TABLES:
        assert reverse("dashboard:csv", args=[name]) in page


@pytest.mark.parametrize("name", TABLES)
def test_each_table_downloads_as_csv(organiser, name, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        response = organiser.get(reverse("dashboard:csv", args=[name]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) >= 2, rows  # a header and the demo's numbers


def test_slot_fill_rates_match_the_counters(organiser):
    rows = list(
        csv.reader(
            io.StringIO(
                organiser.get(reverse("dashboard:csv", args=["activity-slots"])).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert len(rows) - 1 == ActivitySlot.objects.count()
    booked = sum(int(row[4]) for row in rows[1:])
    assert booked == sum(ActivitySlot.objects.values_list("booked", flat=True))


@pytest.mark.usefixtures("in_english")
def test_the_impact_report_counts_by_pivot_in_three_languages(organiser):
    adopted = Idea.objects.filter(decision="adopted").count()
    for language in ("fr", "ar", "en"):
        page = organiser.get(f"/{language}/dashboard/report/").content.decode()
        assert page.count("<tr>") >= 6  # a header and the five pivots
    english = organiser.get("/en/dashboard/report/").content.decode()
    assert "Impact report" in english and adopted > 0
    assert 'dir="rtl"' in organiser.get("/ar/dashboard/report/").content.decode()


def test_an_unknown_table_is_not_found(organiser):
    assert organiser.get("/fr/dashboard/nothing.csv").status_code == 404


def test_chart_coordinates_are_plain_numbers_in_every_language(organiser):
    import re

    for language in ("fr", "ar", "en"):
        page = organiser.get(f"/{language}/dashboard/").content.decode()
        coordinates = re.findall(r' (?:x|y|x1|y1|x2|y2|width)="([^"]*)"', page)
        assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?%?", c) for c in coordinates)


def test_an_archived_edition_has_its_own_dashboard_report_and_csv(organiser):
    from editions.models import Edition

    past = Edition.objects.get(slug="scc-2021")
    page = organiser.get(reverse("dashboard:home"), {"edition": past.slug}).content.decode()
    assert f"— {past.name}" in page
    assert reverse("dashboard:csv", args=["sessions"]) + f"?edition={past.slug}" in page
    rows = list(
        csv.reader(
            io.StringIO(
                organiser.get(
                    reverse("dashboard:csv", args=["sessions"]), {"edition": past.slug}
                ).content.decode("utf-8-sig")
            )
        )
    )
    assert len(rows) - 1 == past.sessions.filter(is_published=True).count()
    assert organiser.get(reverse("dashboard:report"), {"edition": "nope"}).status_code == 404


def test_debates_open_to_the_public_count_their_entries(organiser):
    rows = list(
        csv.reader(
            io.StringIO(
                organiser.get(reverse("dashboard:csv", args=["sessions"])).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[0][-1] and all(row[-1].isdigit() for row in rows[1:])


def _more_of_everything(edition, n: int):
    """n more sessions, admitted registrations, meetings-free slots and questions-free
    pivots' worth of rows: what makes a careless page run more queries."""
    from activities.tests.factories import ActivitySlotFactory
    from programme.tests.factories import SessionFactory, at
    from registration.tests.factories import RegistrationFactory

    pivot = edition.pivots.first()
    for i in range(n):
        SessionFactory(edition=edition, pivot=pivot, starts_at=at(26, 8 + i), ends_at=at(26, 9 + i))
        person = RegistrationFactory(pass_type=edition.pass_types.first(), status="confirmed")
        CheckIn.objects.create(registration=person, gate=f"Extra gate {i}", nonce=f"extra-{i}-x")
        ActivitySlotFactory(
            activity__edition=edition, activity__slug=f"extra-{i}", starts_at=at(25, 8 + i)
        )


@pytest.mark.parametrize("url", ["dashboard:home", "dashboard:report"])
def test_the_query_count_does_not_grow_with_the_edition(organiser, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from editions.services import current_edition

    with CaptureQueriesContext(connection) as before:
        organiser.get(reverse(url))
    _more_of_everything(current_edition(), 3)
    with CaptureQueriesContext(connection) as after:
        page = organiser.get(reverse(url)).content.decode()
    assert len(after) == len(before), [q["sql"][:120] for q in after.captured_queries]
    assert "Extra gate 2" in page or url == "dashboard:report"


@pytest.mark.usefixtures("in_english")
def test_every_section_has_a_chart_a_table_and_a_csv_link(organiser):
    import re

    page = organiser.get(reverse("dashboard:home")).content.decode()
    sections = re.findall(r'<section aria-labelledby="t-([-\w]+)">(.*?)</section>', page, re.S)
    assert [name for name, _html in sections] == TABLES
    for name, html in sections:
        assert "<svg viewBox" in html and 'role="img"' in html, name
        assert "<table" in html and reverse("dashboard:csv", args=[name]) in html, name
    assert "<script" not in page.split("<main", 1)[-1]  # nothing to run to read it


@pytest.mark.usefixtures("in_english")
def test_check_ins_are_drawn_per_hour_and_stacked_by_gate(organiser):
    import re

    html = organiser.get(reverse("dashboard:home")).content.decode()
    chart = html.split('id="t-check-ins"', 1)[1].split("</figure>", 1)[0]
    stacked = re.findall(r"<title>([^<]+): (\d+)</title>", chart)
    assert sum(int(n) for _gate, n in stacked) == CheckIn.objects.count()
    gates = set(CheckIn.objects.values_list("gate", flat=True))
    assert {gate for gate, _n in stacked} == gates


@pytest.mark.usefixtures("in_english")
def test_fill_rates_are_drawn_per_activity_in_percent(organiser):
    chart = (
        organiser.get(reverse("dashboard:home"))
        .content.decode()
        .split('id="t-activity-slots"', 1)[1]
        .split("</figure>", 1)[0]
    )
    activities = {slot.activity.title for slot in ActivitySlot.objects.select_related("activity")}
    assert chart.count("%</text>") == len(activities)


@pytest.mark.usefixtures("in_english")
def test_the_report_counts_meetings_and_visitors_by_pivot_and_in_total(organiser):
    import re

    from matchmaking.models import Meeting

    page = organiser.get(reverse("dashboard:report")).content.decode()
    table = page.split('class="numbers by-pivot"', 1)[1].split("</table>", 1)[0]
    body, total = table.split("<tfoot>")
    rows = [list(map(int, re.findall(r"<td>(\d+)</td>", row))) for row in body.split("<tr>")[2:]]
    totals = list(map(int, re.findall(r"<td>(\d+)</td>", total)))
    held = Meeting.objects.published().filter(sides__took_place=True).distinct().count()
    assert totals[3] == held and sum(row[3] for row in rows) <= held
    assert sum(row[3] for row in rows) > 0, "the demo's meetings come from pivot challenges"
    visitors = sum(s.admitted + s.walk_ins for s in ActivitySlot.objects.all())
    assert totals[5] == visitors and sum(row[5] for row in rows) <= visitors
    assert totals[8] == Idea.objects.filter(decision="adopted").count()
    css = b"".join(organiser.get("/static/dashboard/dashboard.css").streaming_content).decode()
    assert "dashboard/dashboard.css" in page and "@media print" in css and "@page" in css


def test_a_malformed_edition_is_not_found(organiser):
    for slug in ("a\x00b", "x" * 300, "../"):
        assert organiser.get(reverse("dashboard:home"), {"edition": slug}).status_code == 404
