"""The jurors' pages: who may open them, the list, scoring, conflicts of interest."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.testing import CAST, client_for, english
from startups import review as jury
from startups.models import Application, Conflict, Review
from startups.tests.factories import ApplicationFactory, CallFactory, CriterionFactory

Status = Application.Status
# Who reviews: jurors, and the admin role (every startups permission).
REVIEWERS = {"admin", "jury_member"}


@pytest.fixture
def call(edition):
    return CallFactory(edition=edition, reviews_wanted=3)


@pytest.fixture
def criteria(call):
    return [
        CriterionFactory(
            call=call,
            name_en="Impact on the city",
            description_en="How many people it helps.",
            weight=3,
        ),
        CriterionFactory(call=call, name_en="Feasibility", weight=1),
    ]


@pytest.fixture
def application(call):
    return ApplicationFactory(
        call=call,
        name="Eau Claire",
        pitch="<b>Capteurs</b> <script>alert('x')</script> pour l'eau",
        website="https://eau-claire.ma",
        seeking="Un pilote avec Lydec",
        city="Casablanca",
        is_low_tech=True,
    )


@pytest.fixture
def juror(client, cast):
    client.force_login(cast["jury_member"])
    return client


def page(client, address, data=None) -> str:
    response = client.get(address, data or {})
    assert response.status_code == 200
    return response.content.decode()


def scores_for(criteria, *values) -> dict[str, str]:
    return {f"score-{c.pk}": str(v) for c, v in zip(criteria, values, strict=True)}


# Who may open what


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("name", ["jury", "review", "conflict"])
def test_jury_pages_open_to_reviewers_only(client, cast, application, criteria, who, name):
    address = reverse(f"startups:{name}", args=[] if name == "jury" else [application.pk])

    response = client_for(client, cast, who).get(address)

    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif who in REVIEWERS:
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("who", CAST)
def test_only_reviewers_may_save_a_review(client, cast, application, criteria, who):
    address = reverse("startups:review", args=[application.pk])

    client_for(client, cast, who).post(address, scores_for(criteria, 3, 3))

    assert Review.objects.exists() == (who in REVIEWERS)


@pytest.mark.parametrize("who", CAST)
def test_only_reviewers_may_declare_a_conflict(client, cast, application, who):
    address = reverse("startups:conflict", args=[application.pk])

    client_for(client, cast, who).post(address, {"reason": ""})

    assert Conflict.objects.exists() == (who in REVIEWERS)


# The list


def test_list_shows_what_to_review_fewest_reviews_first(juror, cast, call, criteria, application):
    other = ApplicationFactory(call=call, name="Solaire Darb")
    jury.save_review(other, juror=cast["admin"], scores={c.pk: 2 for c in criteria})
    ApplicationFactory(call=call, name="Brouillon", status=Status.DRAFT, submitted_at=None)

    html = page(juror, english("startups:jury"))

    assert html.index("Eau Claire") < html.index("Solaire Darb")
    assert "Brouillon" not in html
    assert "0 of 3" in html and "1 of 3" in html
    assert "reviewed by you" not in html
    assert 'aria-current="page">Applications to review' in html


def test_list_marks_reviewed_by_you(juror, cast, criteria, application):
    jury.save_review(application, juror=cast["jury_member"], scores={c.pk: 4 for c in criteria})

    html = page(juror, english("startups:jury"))

    assert "reviewed by you" in html


def test_list_without_a_call_says_so(juror, edition):
    html = page(juror, english("startups:jury"))

    assert "no call for applications yet" in html


def test_list_query_count_does_not_grow(juror, call, criteria, cast):
    address = english("startups:jury")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert juror.get(address).status_code == 200
        return len(captured)

    ApplicationFactory(call=call)
    with_one = queries()
    for _ in range(2):
        other = ApplicationFactory(call=call)
        jury.save_review(other, juror=cast["admin"], scores={c.pk: 1 for c in criteria})
    ApplicationFactory(call=call, status=Status.SELECTED)

    assert queries() == with_one


# The review page


def test_review_page_shows_the_whole_application_escaped(juror, application, criteria):
    html = page(juror, english("startups:review", application.pk))

    assert "Eau Claire" in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert "&lt;b&gt;Capteurs&lt;/b&gt;" in html
    assert 'href="https://eau-claire.ma"' in html
    assert "Un pilote avec Lydec" in html
    assert "Impact on the city" in html and "How many people it helps." in html
    assert "weight 3" in html
    # One radio button per score, 0 to 5, per criterion: usable without JavaScript.
    for criterion in criteria:
        radios = re.findall(rf'<input type="radio" name="score-{criterion.pk}" value="(\d)"', html)
        assert radios == ["0", "1", "2", "3", "4", "5"]
    assert application.applicant.email not in html  # jurors need no personal contact


def test_a_javascript_website_is_not_a_link(juror, call, criteria):
    application = ApplicationFactory(call=call, website="javascript:alert(1)")

    html = page(juror, english("startups:review", application.pk))

    assert 'href="javascript:' not in html


def test_saving_a_review_then_changing_it(juror, cast, application, criteria):
    address = english("startups:review", application.pk)

    response = juror.post(address, {**scores_for(criteria, 4, 2), "comment": "Solide."})

    assert response.status_code == 303
    assert response["Location"] == reverse("startups:jury")
    review = Review.objects.get(juror=cast["jury_member"])
    assert review.comment == "Solide."
    html = page(juror, address)
    assert re.search(rf'name="score-{criteria[0].pk}" value="4"[^>]*checked', html)
    assert "Solide." in html

    juror.post(address, {**scores_for(criteria, 5, 5), "comment": "Mieux."})

    review = Review.objects.get(juror=cast["jury_member"])
    assert sorted(review.scores.values_list("value", flat=True)) == [5, 5]
    assert review.comment == "Mieux."


def test_a_missing_score_reshows_the_form_with_a_message(juror, application, criteria):
    response = juror.post(
        english("startups:review", application.pk), {f"score-{criteria[0].pk}": "3"}
    )

    assert response.status_code == 200
    assert "Give this criterion a score." in response.content.decode()
    assert not Review.objects.exists()


@pytest.mark.parametrize("value", ["6", "-1", "3.5", "x", "99999999999999999999"])
def test_a_score_off_the_scale_is_refused(juror, application, criteria, value):
    response = juror.post(
        english("startups:review", application.pk),
        {f"score-{criteria[0].pk}": value, f"score-{criteria[1].pk}": "3"},
    )

    assert response.status_code == 200
    assert "Choose a score from 0 to 5." in response.content.decode()
    assert not Review.objects.exists()


def test_a_juror_never_sees_other_jurors_scores_or_comments(juror, cast, application, criteria):
    jury.save_review(
        application,
        juror=cast["admin"],
        scores={criteria[0].pk: 1, criteria[1].pk: 5},
        comment="Commentaire secret de l'admin",
    )

    html = page(juror, english("startups:review", application.pk))

    assert "Commentaire secret" not in html
    assert "checked" not in html
    assert "Admin" not in re.sub(r"<header.*?</header>", "", html, flags=re.S)


@pytest.mark.parametrize("status", [Status.SELECTED, Status.REJECTED])
def test_after_a_decision_the_review_is_read_only(juror, cast, application, criteria, status):
    jury.save_review(
        application, juror=cast["jury_member"], scores={c.pk: 2 for c in criteria}, comment="Ok"
    )
    Application.objects.filter(pk=application.pk).update(status=status)
    address = english("startups:review", application.pk)

    html = page(juror, address)
    response = juror.post(address, {**scores_for(criteria, 5, 5), "comment": "Changed"})

    assert 'type="radio"' not in html
    assert "can no longer change" in html
    assert "2 / 5" in html
    assert response.status_code == 409
    refused = response.content.decode()
    assert "can no longer change" in refused
    assert "2 / 5" in refused and "5 / 5" not in refused  # the saved review, not the posted one
    assert Review.objects.get().comment == "Ok"


@pytest.mark.parametrize("status", [Status.DRAFT, Status.WITHDRAWN])
def test_drafts_and_withdrawn_applications_are_not_found(juror, call, criteria, status):
    application = ApplicationFactory(call=call, status=status)

    assert juror.get(english("startups:review", application.pk)).status_code == 404


def test_own_application_is_not_found(juror, cast, call):
    mine = ApplicationFactory(call=call, applicant=cast["jury_member"])

    assert juror.get(english("startups:review", mine.pk)).status_code == 404
    assert juror.get(english("startups:conflict", mine.pk)).status_code == 404


# Conflicts of interest


def test_conflict_asks_for_confirmation_first(juror, application):
    html = page(juror, english("startups:conflict", application.pk))

    assert "Declare the conflict" in html
    assert not Conflict.objects.exists()


def test_a_conflict_hides_the_application_from_then_on(juror, cast, application, criteria):
    jury.save_review(application, juror=cast["jury_member"], scores={c.pk: 5 for c in criteria})
    html = page(juror, english("startups:conflict", application.pk))
    assert "Your review of it will be deleted" in html

    response = juror.post(
        english("startups:conflict", application.pk), {"reason": "Mon cousin y travaille"}
    )

    assert response.status_code == 303
    assert Conflict.objects.get().reason == "Mon cousin y travaille"
    assert not Review.objects.exists()
    assert "is no longer in your list" in page(juror, english("startups:jury"))
    assert "Eau Claire" not in page(juror, english("startups:jury"))
    assert juror.get(english("startups:review", application.pk)).status_code == 404
    assert juror.get(english("startups:conflict", application.pk)).status_code == 404
    assert juror.post(english("startups:review", application.pk), {}).status_code == 404


def test_a_conflict_hides_the_application_from_that_juror_only(client, cast, application):
    Conflict.objects.create(application=application, juror=cast["jury_member"])
    client.force_login(cast["admin"])

    assert "Eau Claire" in page(client, english("startups:jury"))


# Hostile text


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    comment=st.one_of(
        st.text(max_size=3100),
        st.sampled_from(
            [
                "<script>alert(1)</script>",
                "\u202eأهلا\u202c <img src=x onerror=alert(1)>",
                "a\x00b",
                '=HYPERLINK("http://x")',
                "ش" * 3001,
            ]
        ),
    )
)
def test_any_comment_gets_an_answer_and_is_stored_whole_or_refused(
    juror, cast, application, criteria, comment
):
    Review.objects.all().delete()

    response = juror.post(
        english("startups:review", application.pk),
        {**scores_for(criteria, 3, 3), "comment": comment},
    )

    assert response.status_code in (200, 303)
    review = Review.objects.filter(juror=cast["jury_member"]).first()
    if response.status_code == 303:
        assert review is not None
        assert "\x00" not in review.comment and "\u202e" not in review.comment
        html = page(juror, english("startups:review", application.pk))
        assert "<script>alert(1)" not in html and "<img src=x" not in html
    else:
        assert review is None
        assert 'class="errorlist' in response.content.decode()
