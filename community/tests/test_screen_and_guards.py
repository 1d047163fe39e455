"""The room's screen (QR code, the last poll's results), who moderated what, rate
limits per address, messages in the visitor's language, and query-count guards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community import ideas, polls, questions
from community.models import Question
from community.tests.factories import IdeaFactory
from core import ratelimit


def url(name, session, *args):
    return reverse(f"community:{name}", args=[session.pk, *args])


def queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def ask_many(session, count):
    board = questions.board_of(session)
    for n in range(count):
        asked = questions.ask(board, text=f"Question {n}", author_name="", voter=f"d:a{n}")
        questions.moderate(asked, "approve")
        questions.upvote(asked, voter="d:fan")


def test_the_screen_shows_a_qr_code_to_the_questions(client, session):
    page = client.get(url("screen", session)).content.decode()
    assert '<svg viewBox="0 0' in page and 'class="qr"' in page
    assert f"http://testserver/fr/programme/sessions/{session.pk}/questions/" in page


@pytest.mark.usefixtures("in_english")
def test_a_closed_poll_stays_on_the_screen_until_the_next_one_opens(client, session):
    first = polls.create_poll(
        session, question="Plus d’arbres ?", options=["Oui", "Non"], kind="single"
    )
    second = polls.create_poll(
        session, question="Quel quartier ?", options=["Anfa", "Maârif"], kind="single"
    )
    assert "Plus d’arbres" not in client.get(url("screen", session)).content.decode()  # draft
    polls.open_poll(first)
    polls.vote(first, voter="d:one", option_ids=[first.options.first().pk])
    polls.close_poll(first)
    screen = client.get(url("screen_live", session)).content.decode()
    assert "Plus d’arbres" in screen and "This poll is closed." in screen
    assert "1 person voted." in screen
    polls.open_poll(second)
    screen = client.get(url("screen_live", session)).content.decode()
    assert "Quel quartier" in screen and "Plus d’arbres" not in screen


@pytest.mark.usefixtures("in_english")
def test_moderation_records_who_and_when(client, cast, session):
    ask_many(session, 1)
    question = Question.objects.get()
    client.force_login(cast["moderator"])
    client.post(url("moderate_question", session, question.pk), {"action": "pin"})
    client.post(url("board_settings", session), {"is_open": "1", "premoderated": "1"})
    question.refresh_from_db()
    board = questions.board_of(session)
    assert question.moderated_by == cast["moderator"] and question.moderated_at is not None
    assert board.moderated_by == cast["moderator"] and board.premoderated
    page = client.get(url("moderate", session)).content.decode()
    assert f"last moderated by {cast['moderator'].username} at" in page


def test_the_organisers_answer_records_who_gave_it_but_does_not_show_it(client, cast, edition):
    idea = IdeaFactory(edition=edition)
    cast["moderator"].username = "nadia.bennis"
    cast["moderator"].save()
    client.force_login(cast["moderator"])
    client.post(
        reverse("community:decide", args=[idea.pk]),
        {"decision": "under_study", "answer": "À l’étude."},
    )
    client.post(reverse("community:moderate_idea", args=[idea.pk]), {"hidden": "0"})
    idea.refresh_from_db()
    assert idea.answered_by == cast["moderator"] == idea.moderated_by
    public = type(client)().get(reverse("community:idea", args=[idea.pk])).content.decode()
    assert "À l’étude." in public and "nadia.bennis" not in public


def test_questions_are_rate_limited_per_address_across_devices(visitor, session, monkeypatch):
    monkeypatch.setitem(ratelimit.LIMITS, "community_post:ip", (3, 600))
    page = url("questions", session)
    statuses = [
        visitor(page, REMOTE_ADDR="10.0.0.7")
        .post(url("questions", session), {"text": f"Question {n}"})
        .status_code
        for n in range(4)
    ]
    assert statuses == [303, 303, 303, 429]
    other_address = visitor(page, REMOTE_ADDR="10.0.0.8")
    assert other_address.post(url("questions", session), {"text": "Encore ?"}).status_code == 303
    assert Question.objects.count() == 4


def test_votes_are_rate_limited_per_device(client, session, monkeypatch):
    monkeypatch.setitem(ratelimit.LIMITS, "community_vote:device", (2, 600))
    ask_many(session, 3)
    client.get(url("questions", session))
    answers = [
        client.post(url("upvote", session, q.pk), HTTP_ACCEPT="application/json")
        for q in Question.objects.order_by("pk")
    ]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert "Trop de tentatives" in answers[-1].json()["message"]
    assert [q.votes for q in Question.objects.order_by("pk")] == [2, 2, 1]


@pytest.mark.parametrize(
    ("language", "empty", "too_long"),
    [
        ("fr", "Ce champ est obligatoire.", "au plus 300 caractères"),
        ("ar", "هذا الحقل مطلوب.", "300"),
        ("en", "This field is required.", "at most 300 characters"),
    ],
)
def test_refusals_speak_the_visitors_language(client, session, language, empty, too_long):
    address = f"/{language}/programme/sessions/{session.pk}/questions/"
    client.get(address)
    blank = client.post(address, {"text": "   "}).content.decode()
    long = client.post(address, {"text": "é" * 301}).content.decode()
    assert empty in blank and too_long in long
    assert f'lang="{language}"' in blank
    assert not Question.objects.exists()


def test_the_question_list_and_screen_cost_the_same_queries_for_1_or_3_questions(client, session):
    ask_many(session, 1)
    client.get(url("questions", session))  # the first visit gives the device: measure the next
    one = (queries(client, url("questions", session)), queries(client, url("screen", session)))
    ask_many(session, 3)
    assert (
        queries(client, url("questions", session)),
        queries(client, url("screen", session)),
    ) == one


def test_the_ideas_list_costs_the_same_queries_for_1_or_3_ideas(client, edition):
    for n in range(1):
        ideas.support(IdeaFactory(edition=edition), voter=f"d:{n}")
    one = queries(client, reverse("community:ideas"))
    for _ in range(2):
        IdeaFactory(edition=edition, pivot=edition.pivots.last())
    assert queries(client, reverse("community:ideas")) == one
