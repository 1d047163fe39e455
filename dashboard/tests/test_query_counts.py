"""Query-count guards: the organiser's dashboard, its CSV tables and the impact report
take as many queries for an edition of 30 registrations, sessions, activities and
ideas as for one of each. The worlds are those of each app's own guards: every item
with its own pass, pivot, space, speakers and visitors."""

import pytest

from activities.tests.factories import PublicProgrammeFactory
from activities.tests.test_query_counts import programme as public_activities
from community.tests.test_query_counts import propose
from core.testing import english, queries_of_get
from programme.tests.test_query_counts import programme
from registration.tests.test_query_counts import register


def edition_of(edition, count: int) -> None:
    """Registrations, sessions, public activities and ideas up to `count` of each."""
    register(edition, count)
    programme(edition, count)
    public_activities(edition, count)
    propose(edition, count)


@pytest.mark.parametrize(
    ("page", "args", "shows"),
    [
        ("dashboard:home", [], "Session 30"),
        ("dashboard:home", [], "Activity 30"),
        ("dashboard:report", [], "Pivot 30"),
        ("dashboard:csv", ["registrations"], "Pass 30"),
        ("dashboard:csv", ["check-ins"], ",30"),
        ("dashboard:csv", ["sessions"], "Session 30"),
        ("dashboard:csv", ["activity-slots"], "Activity 30"),
        ("dashboard:csv", ["community"], "Pivot 30"),
    ],
)
def test_dashboard_queries_do_not_grow_with_the_edition(client, cast, edition, page, args, shows):
    url = english(page, *args)
    client.force_login(cast["admin"])
    PublicProgrammeFactory(edition=edition)
    edition_of(edition, 1)
    one, _ = queries_of_get(client, url)

    edition_of(edition, 30)
    thirty, text = queries_of_get(client, url)

    assert shows in text
    assert thirty == one
