"""Query-count guards: the API's lists take as many queries with 30 sessions, pivots,
spaces, activities or registrations as with one. The worlds are those of each app's
own guards: every item with its own pivot, space, speakers, pass and visitor."""

import pytest

from activities.tests.factories import PublicProgrammeFactory
from activities.tests.test_query_counts import programme as public_activities
from api.models import ApiToken
from core.testing import queries_of_get
from programme.tests.test_query_counts import programme
from registration.tests.test_query_counts import register


@pytest.mark.parametrize(
    ("url", "shows"),
    [
        ("/api/sessions?limit=100", "Speaker 30b"),
        ("/api/speakers?limit=100", "Speaker 30b"),
        ("/api/pivots?limit=100", "Pivot 30"),
        ("/api/spaces?limit=100", "Space 30"),
        ("/api/activities/availability?day=2022-05-25", "Activity 30"),
    ],
)
def test_public_lists_queries_do_not_grow_with_the_edition(client, edition, url, shows):
    PublicProgrammeFactory(edition=edition)

    def edition_of(count):
        programme(edition, count)
        public_activities(edition, count)
        return queries_of_get(client, url, HTTP_ACCEPT_LANGUAGE="en")

    one, _ = edition_of(1)
    thirty, text = edition_of(30)

    assert shows in text
    assert thirty == one


def test_registration_lookup_queries_do_not_grow_with_matches(client, cast, edition):
    _token, key = ApiToken.objects.issue(
        user=cast["registration_desk"], edition=edition, label="Gate app"
    )
    url = "/api/staff/registrations?q=alaoui"
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    register(edition, 1)
    one, _ = queries_of_get(client, url, **bearer)

    register(edition, 30)
    thirty, text = queries_of_get(client, url, **bearer)

    assert text.count('"id"') == 20 and "Person20" in text  # at most 20 matches
    assert thirty == one
