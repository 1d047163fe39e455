"""Organiser pages of the Startup Village: the ranking, one application's decision
page, booths and the CSV export."""

import csv
import io
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.testing import CAST, client_for, english
from editions.tests.factories import SpaceFactory
from startups import decisions
from startups import review as jury
from startups.models import Application, ApplicationEvent, Conflict
from startups.tests.factories import ApplicationFactory, CallFactory, CriterionFactory, UserFactory

Status = Application.Status
Action = ApplicationEvent.Action
DECIDERS = {"admin"}


@pytest.fixture
def call(edition):
    village = SpaceFactory(edition=edition, slug="village", name_en="Village square", capacity=40)
    return CallFactory(edition=edition, reviews_wanted=2, village=village)


@pytest.fixture
def criteria(call):
    return [
        CriterionFactory(call=call, name_en="Impact", weight=3),
        CriterionFactory(call=call, name_en="Feasibility", weight=1),
    ]


@pytest.fixture
def jurors():
    return [
        UserFactory(username=f"j{n}@example.ma", first_name=f"Juror{n}", last_name="Alami")
        for n in range(3)
    ]


@pytest.fixture
def application(call, criteria, jurors, edition):
    """Reviewed by two jurors who disagree: totals 4.0 and 1.5."""
    application = ApplicationFactory(
        call=call,
        name="Eau Claire",
        contact_name="Salma Bennani",
        pivot=edition.pivots.get(slug="low-tech"),
        language="ar",
    )
    application.applicant.email = "salma@example.ma"
    application.applicant.save()
    jury.save_review(
        application, juror=jurors[0], scores=scores(criteria, 5, 1), comment="Très <b>fort</b>"
    )
    jury.save_review(application, juror=jurors[1], scores=scores(criteria, 2, 0), comment="Fragile")
    return application


@pytest.fixture
def admin(client, cast):
    client.force_login(cast["admin"])
    return client


def scores(criteria, *values):
    return {c.pk: v for c, v in zip(criteria, values, strict=True)}


def page(client, address, data=None) -> str:
    response = client.get(address, data or {})
    assert response.status_code == 200
    return response.content.decode()


def rows(html: str) -> list[str]:
    """The ranking table's startup names, in order."""
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return re.findall(r"<bdi>(.*?)</bdi></a>", body)


# Who may open what


def addresses(application):
    return {
        "ranking": reverse("startups:ranking"),
        "decide": reverse("startups:decide", args=[application.pk]),
        "booths": reverse("startups:booths"),
        "csv": reverse("startups:applications_csv"),
    }


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("name", ["ranking", "decide", "booths", "csv"])
def test_staff_pages_open_to_the_admin_role_only(client, cast, application, who, name):
    response = client_for(client, cast, who).get(addresses(application)[name])

    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif who in DECIDERS:
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("action", ["select", "reject"])
def test_only_the_admin_role_decides(client, cast, application, who, action):
    address = reverse("startups:decide", args=[application.pk])

    client_for(client, cast, who).post(address, {"action": action, "message": ""})

    application.refresh_from_db()
    assert (application.status != Status.SUBMITTED) == (who in DECIDERS)


@pytest.mark.parametrize("who", CAST)
def test_only_the_admin_role_assigns_booths(client, cast, call, who):
    chosen = ApplicationFactory(call=call, status=Status.SELECTED)

    client_for(client, cast, who).post(reverse("startups:booths"), {f"booth-{chosen.pk}": "A1"})

    chosen.refresh_from_db()
    assert (chosen.booth == "A1") == (who in DECIDERS)


# The ranking


@pytest.fixture
def field(call, criteria, jurors, edition, application):
    """Four more applications: a strong one, a selected one, an unscored one, a draft."""
    strong = ApplicationFactory(call=call, name="Solaire Darb", structure="cooperative")
    for juror in jurors[:2]:
        jury.save_review(strong, juror=juror, scores=scores(criteria, 5, 5))
    chosen = ApplicationFactory(
        call=call, name="Compost Anfa", pivot=edition.pivots.get(slug="governance")
    )
    jury.save_review(chosen, juror=jurors[0], scores=scores(criteria, 3, 3))
    decisions.select(chosen, by=None, message="")
    ApplicationFactory(call=call, name="Sans avis")
    ApplicationFactory(call=call, name="Brouillon", status=Status.DRAFT, submitted_at=None)
    return {"strong": strong, "chosen": chosen}


def test_ranking_lists_best_first_with_score_reviews_and_spread(admin, field):
    html = page(admin, english("startups:ranking"))

    assert rows(html) == ["Solaire Darb", "Compost Anfa", "Eau Claire", "Sans avis"]
    assert "Brouillon" not in html
    assert "5.00</strong> / 5" in html and "(100 %)" in html
    # Eau Claire: totals 4.0 and 1.5 → mean 2.75 (55 %), σ 1.25, flagged.
    assert "2.75</strong> / 5" in html and "(55 %)" in html
    assert "σ 1.25" in html and "strong disagreement" in html
    assert "(1.5–4.0)" in html
    assert "1 / 2" in html  # Compost Anfa has one review of the two wanted
    assert "Cooperative" in html


def test_ranking_counts_per_status(admin, field):
    html = page(admin, english("startups:ranking"))

    counts = dict(re.findall(r'class="st-(\w+)">.*?<span class="count">(\d+)</span>', html))
    assert counts == {
        "draft": "1",
        "submitted": "3",
        "selected": "1",
        "rejected": "0",
        "withdrawn": "0",
    }
    assert re.search(r'All sent to the jury <span class="count">4</span>', html)


def test_ranking_filters_by_status_and_pivot(admin, field):
    assert rows(page(admin, english("startups:ranking"), {"status": "selected"})) == [
        "Compost Anfa"
    ]
    assert rows(page(admin, english("startups:ranking"), {"pivot": "low-tech"})) == ["Eau Claire"]
    ranked_alone = page(admin, english("startups:ranking"), {"pivot": "governance"})
    assert re.search(r'<td class="num">2</td>\s*<th scope="row">', ranked_alone)  # its call rank


def test_ranking_sorts_by_spread(admin, field):
    html = page(admin, english("startups:ranking"), {"sort": "spread"})

    assert rows(html)[0] == "Eau Claire"


def test_ranking_ignores_nonsense_filters(admin, field):
    html = page(admin, english("startups:ranking"), {"status": "<x>", "pivot": "'", "sort": "9"})

    assert len(rows(html)) == 4


def test_ranking_without_a_call_says_so(admin, edition):
    assert "no call for applications yet" in page(admin, english("startups:ranking"))


def test_ranking_query_count_does_not_grow(admin, call, criteria, jurors):
    address = english("startups:ranking")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin.get(address).status_code == 200
        return len(captured)

    def add():
        application = ApplicationFactory(call=call)
        for juror in jurors:
            jury.save_review(application, juror=juror, scores=scores(criteria, 3, 1))

    add()
    with_one = queries()
    add()
    add()

    assert queries() == with_one


# One application: reviews, conflicts, history, decisions


def test_decide_page_shows_every_review_with_its_juror(admin, application, jurors, criteria):
    Conflict.objects.create(application=application, juror=jurors[2], reason="Associé")

    html = page(admin, english("startups:decide", application.pk))

    assert "Juror0 Alami" in html and "Juror1 Alami" in html
    assert "Très &lt;b&gt;fort&lt;/b&gt;" in html and "Fragile" in html
    assert "4.00" in html and "1.50" in html  # each juror's total
    assert "3.50" in html and "0.50" in html  # per-criterion means
    assert "Juror2 Alami" in html and "Associé" in html  # the declared conflict
    assert "salma@example.ma" in html and "Salma Bennani" in html
    assert 'value="select"' in html and 'value="reject"' in html
    assert "language: العربية" in html


def test_selecting_emails_the_applicant_in_arabic_and_records_it(
    admin, cast, application, django_capture_on_commit_callbacks
):
    address = english("startups:decide", application.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(address, {"action": "select", "message": "مبروك"})

    assert response.status_code == 303
    application.refresh_from_db()
    assert application.status == Status.SELECTED
    assert application.events.get().actor == cast["admin"]
    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "ar"
    assert "مبروك" in message.body
    assert f"/ar/startups/applications/{application.pk}/" in message.body
    html = page(admin, address)
    assert "is selected" in html
    assert "Selected" in html.split('id="history"')[1]
    assert 'value="reopen"' in html and 'name="booth"' in html


@pytest.mark.parametrize("status", [Status.DRAFT, Status.WITHDRAWN, Status.REJECTED])
def test_deciding_on_anything_but_a_submitted_application_is_refused(admin, call, status):
    application = ApplicationFactory(call=call, status=status)

    response = admin.post(
        english("startups:decide", application.pk), {"action": "select", "message": ""}
    )

    assert response.status_code == 409
    assert "Only a submitted application" in response.content.decode()
    application.refresh_from_db()
    assert application.status == status
    assert mail.outbox == []


def test_an_unknown_action_is_a_bad_request(admin, application):
    response = admin.post(english("startups:decide", application.pk), {"action": "delete"})

    assert response.status_code == 400


def test_reopening_a_decision_is_recorded(admin, cast, application):
    decisions.reject(application, by=cast["admin"], message="")

    response = admin.post(english("startups:decide", application.pk), {"action": "reopen"})

    assert response.status_code == 303
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    html = page(admin, english("startups:decide", application.pk))
    assert "Decision reopened" in html
    assert 'value="select"' in html


def test_reopening_an_undecided_application_is_refused(admin, application):
    response = admin.post(english("startups:decide", application.pk), {"action": "reopen"})

    assert response.status_code == 409


def test_a_duplicate_booth_gets_a_clear_message(admin, call, cast):
    first = ApplicationFactory(call=call, status=Status.SELECTED, name="Premier")
    second = ApplicationFactory(call=call, status=Status.SELECTED, name="Second")
    decisions.assign_booth(first, booth="A1", by=cast["admin"])

    response = admin.post(english("startups:decide", second.pk), {"action": "booth", "booth": "A1"})

    assert response.status_code == 409
    assert "Booth A1 is already assigned to Premier." in response.content.decode()
    second.refresh_from_db()
    assert second.booth == ""


def test_a_booth_for_a_selected_startup(admin, call):
    chosen = ApplicationFactory(call=call, status=Status.SELECTED)

    response = admin.post(english("startups:decide", chosen.pk), {"action": "booth", "booth": "B7"})

    assert response.status_code == 303
    chosen.refresh_from_db()
    assert chosen.booth == "B7"


def test_decide_page_of_an_unknown_application_is_not_found(admin, db):
    assert admin.get(english("startups:decide", 999999)).status_code == 404


# Booths


def test_booths_page_lists_selected_startups_in_booth_order(admin, call, cast):
    for name, booth in [("Dix", "A10"), ("Deux", "A2"), ("Sans", "")]:
        application = ApplicationFactory(call=call, status=Status.SELECTED, name=name)
        if booth:
            decisions.assign_booth(application, booth=booth, by=cast["admin"])
    ApplicationFactory(call=call, name="Pas retenue", status=Status.REJECTED)

    html = page(admin, english("startups:booths"))

    assert html.index("Deux") < html.index("Dix") < html.index("Sans")
    assert "Pas retenue" not in html
    assert "Village square" in html and "Room for 40 booths." in html


def test_many_booths_saved_at_once(admin, call):
    a = ApplicationFactory(call=call, status=Status.SELECTED, name="A")
    b = ApplicationFactory(call=call, status=Status.SELECTED, name="B")

    response = admin.post(english("startups:booths"), {f"booth-{a.pk}": "1", f"booth-{b.pk}": "2"})

    assert response.status_code == 303
    assert dict(Application.objects.values_list("name", "booth")) == {"A": "1", "B": "2"}


def test_the_same_booth_twice_in_the_form_is_refused(admin, call):
    a = ApplicationFactory(call=call, status=Status.SELECTED, name="Alpha")
    b = ApplicationFactory(call=call, status=Status.SELECTED, name="Beta")

    response = admin.post(english("startups:booths"), {f"booth-{a.pk}": "5", f"booth-{b.pk}": "5"})

    assert response.status_code == 200
    assert "Booth 5 is also given to" in response.content.decode()
    assert set(Application.objects.values_list("booth", flat=True)) == {""}


def test_booths_query_count_does_not_grow(admin, call):
    address = english("startups:booths")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin.get(address).status_code == 200
        return len(captured)

    ApplicationFactory(call=call, status=Status.SELECTED)
    with_one = queries()
    ApplicationFactory(call=call, status=Status.SELECTED)
    ApplicationFactory(call=call, status=Status.SELECTED)

    assert queries() == with_one


# The CSV export


def test_csv_has_a_bom_scores_and_no_formula(admin, call, criteria, jurors):
    hostile = ApplicationFactory(call=call, name='=HYPERLINK("http://evil")', city="+212")
    jury.save_review(hostile, juror=jurors[0], scores=scores(criteria, 4, 0))
    ApplicationFactory(call=call, name="Brouillon", status=Status.DRAFT, submitted_at=None)

    response = admin.get(english("startups:applications_csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text[1:])))
    header, [row] = table[0], table[1:]
    found = dict(zip(header, row, strict=True))
    assert found["name"] == '\'=HYPERLINK("http://evil")'
    assert found["city"] == "'+212"
    assert found["score (0–5)"] == "3.00" and found["score (%)"] == "60.00"
    assert found["mean: Impact"] == "4.00" and found["mean: Feasibility"] == "0.00"
    assert found["reviews"] == "1" and found["reviews wanted"] == "2"


# Hostile text in the decision message


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    message=st.one_of(
        st.text(max_size=2100),
        st.sampled_from(
            [
                "<script>alert(1)</script>",
                "\u202eمبروك\u202c",
                "x\x00y",
                "<img src=x onerror=alert(1)>" * 50,
            ]
        ),
    )
)
def test_any_decision_message_gets_an_answer_never_a_500(admin, call, message):
    application = ApplicationFactory(call=call)
    mail.outbox.clear()

    response = admin.post(
        english("startups:decide", application.pk), {"action": "reject", "message": message}
    )

    assert response.status_code in (200, 303)
    application.refresh_from_db()
    if response.status_code == 303:
        assert application.status == Status.REJECTED
        assert "\x00" not in application.decision_message
        html = page(admin, english("startups:decide", application.pk))
        assert "<script>alert" not in html and "<img src=x" not in html
    else:
        assert application.status == Status.SUBMITTED
        assert 'class="errorlist' in response.content.decode()
