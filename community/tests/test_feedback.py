"""Feedback on a session: once it has ended, 1–5 and a comment, replaced when given
again; staff see the results per session and per pivot."""

import freezegun
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community import feedback
from community.models import Feedback
from programme.tests.factories import SessionFactory, at


def give(client, session, **data):
    """Rate as a visitor does: open the feedback form, then send it."""
    client.get(reverse("community:feedback", args=[session.pk]))
    return client.post(
        reverse("community:feedback", args=[session.pk]), {"rating": "4", "comment": "", **data}
    )


@pytest.mark.usefixtures("in_english")
def test_feedback_opens_when_the_session_ends(client, session):
    with freezegun.freeze_time(at(25, 10, 30)):
        early = give(client, session)
    assert early.status_code == 409 and "opens when the session ends" in early.content.decode()
    with freezegun.freeze_time(at(25, 12)):
        assert give(client, session, comment="Très concret").status_code == 303
        give(client, session, rating="2")  # changed my mind: replaces
    assert list(Feedback.objects.values_list("rating", flat=True)) == [2]


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize("rating", ["0", "6", "", "4.5", "<b>5</b>"])
def test_a_rating_outside_1_to_5_is_refused(client, session, rating):
    with freezegun.freeze_time(at(25, 12)):
        assert give(client, session, rating=rating).status_code == 400
    assert not Feedback.objects.exists()


@pytest.mark.usefixtures("in_english")
def test_staff_see_results_per_session_and_pivot(client, cast, session):
    with freezegun.freeze_time(at(25, 12)):
        for rating in ("5", "4", "3"):
            give(type(client)(), session, rating=rating, comment=f"Note {rating}")
    client.force_login(cast["moderator"])
    page = client.get(reverse("community:feedback_results")).content.decode()
    assert "3 ratings, 4.0 / 5 on average." in page
    assert "5 ★ — Note 5" in page and str(session.pivot.name) in page


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("attendee", 403), ("moderator", 200), ("admin", 200)]
)
def test_feedback_results_are_for_staff(client, cast, edition, who, status):
    if cast[who]:
        client.force_login(cast[who])
    assert client.get(reverse("community:feedback_results")).status_code == status


def test_the_results_cost_the_same_queries_for_1_or_3_rated_sessions(client, cast, session):
    def rate(rated):
        feedback.give(rated, voter="d:one", rating=4, comment="Bien", now=rated.ends_at)

    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("community:feedback_results")).status_code == 200
        return len(captured)

    client.force_login(cast["moderator"])
    rate(session)
    one = count_queries()
    for hour in (14, 16):
        rate(
            SessionFactory(
                edition=session.edition,
                pivot=session.pivot,
                starts_at=at(25, hour),
                ends_at=at(25, hour + 1),
            )
        )
    assert count_queries() == one
