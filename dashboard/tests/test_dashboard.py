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

TABLES = ["registrations", "check-ins", "sessions", "lounge", "startups", "activity-slots",
          "community"]


@pytest.fixture
def organiser(client, django_user_model):
    from accounts.roles import assign_role

    person = django_user_model.objects.create_user("organiser-dash")
    assign_role(person, "admin")
    client.force_login(person)
    return client


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("attendee", 403),
                                             ("moderator", 403), ("registration_desk", 403),
                                             ("admin", 200)])
def test_only_the_organiser_sees_the_dashboard(client, cast, who, status):
    if cast[who]:
        client.force_login(cast[who])
    for url in (reverse("dashboard:home"), reverse("dashboard:report"),
                reverse("dashboard:csv", args=["sessions"])):
        assert client.get(url).status_code == status


@pytest.mark.usefixtures("in_english")
def test_the_dashboard_shows_the_demo_numbers_in_a_few_queries(organiser,
                                                               django_assert_max_num_queries):
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
    rows = list(csv.reader(io.StringIO(organiser.get(
        reverse("dashboard:csv", args=["activity-slots"])).content.decode("utf-8-sig"))))
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
    rows = list(csv.reader(io.StringIO(organiser.get(
        reverse("dashboard:csv", args=["sessions"]), {"edition": past.slug}
    ).content.decode("utf-8-sig"))))
    assert len(rows) - 1 == past.sessions.filter(is_published=True).count()
    assert organiser.get(reverse("dashboard:report"), {"edition": "nope"}).status_code == 404


def test_debates_open_to_the_public_count_their_entries(organiser):
    rows = list(csv.reader(io.StringIO(organiser.get(
        reverse("dashboard:csv", args=["sessions"])).content.decode("utf-8-sig"))))
    assert rows[0][-1] and all(row[-1].isdigit() for row in rows[1:])
