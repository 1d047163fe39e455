"""Query-count guards: the jury's and the organiser's lists of the Startup Village,
and its public directory, take as many queries with 30 applications as with one.
Each application has its own founder, pivot and reviews, so a relation read row by
row (an N+1) shows as a difference."""

import pytest

from core.testing import english, queries_of_get
from editions.tests.factories import PivotFactory
from startups import review as jury
from startups.models import Application
from startups.tests.factories import ApplicationFactory, CallFactory, CriterionFactory

Status = Application.Status


@pytest.fixture
def call(edition):
    call = CallFactory(edition=edition, reviews_wanted=2)
    CriterionFactory(call=call, weight=3)
    CriterionFactory(call=call, weight=1)
    return call


def apply(call, jurors, count: int) -> None:
    """Applications up to `count` pairs: "Awaiting 01"… still before the jury and
    "Selected 01"… at booth A1…, each scored by every juror."""
    criteria = list(call.criteria.all())
    for n in range(Application.objects.filter(status=Status.SUBMITTED).count() + 1, count + 1):
        for name, status in ((f"Awaiting {n:02d}", Status.SUBMITTED), (f"Selected {n:02d}", None)):
            application = ApplicationFactory(
                call=call, name=name, pivot=PivotFactory(edition=call.edition)
            )
            for juror in jurors:
                scores = {criterion.pk: 1 + (n + juror.pk) % 5 for criterion in criteria}
                jury.save_review(application, juror=juror, scores=scores, comment=name)
            if status is None:
                Application.objects.filter(pk=application.pk).update(
                    status=Status.SELECTED, booth=f"A{n}"
                )


@pytest.mark.parametrize(
    ("who", "page", "shows"),
    [
        ("jury_member", "startups:jury", "Selected 30"),
        ("jury_member", "startups:jury", "Awaiting 30"),
        ("admin", "startups:ranking", "Awaiting 30"),
        ("admin", "startups:booths", "Selected 30"),
        ("admin", "startups:applications_csv", "Awaiting 30"),
        ("anonymous", "startups:directory", "Selected 30"),
    ],
)
def test_village_lists_queries_do_not_grow_with_applications(client, cast, call, who, page, shows):
    if cast[who] is not None:
        client.force_login(cast[who])
    jurors = [cast["jury_member"], cast["admin"]]
    url = english(page)
    apply(call, jurors, 1)
    one, _ = queries_of_get(client, url)

    apply(call, jurors, 30)
    thirty, text = queries_of_get(client, url)

    assert shows in text
    assert thirty == one
