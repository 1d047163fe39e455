"""Live Q&A through the test client: asking, voting once, moderation, the screen,
and the live list's 304."""

import pytest
from django.urls import reverse

from community import questions
from community.models import Question
from community.voters import DEVICE_COOKIE


def url(name, session, *args):
    return reverse(f"community:{name}", args=[session.pk, *args])


def ask(client, session, text="Comment financer le low-tech ?", follow=False, **fields):
    """Ask as a visitor does: open the questions page, then send the form."""
    client.get(url("questions", session))
    return client.post(
        url("questions", session), {"text": text, "author_name": "", **fields}, follow=follow
    )


@pytest.mark.usefixtures("in_english", "open_board")
def test_a_visitor_gets_a_device_cookie_and_asks_anonymously(client, session):
    page = client.get(url("questions", session))
    assert DEVICE_COOKIE in page.cookies and page.cookies[DEVICE_COOKIE]["httponly"]
    response = client.post(url("questions", session), {"text": "Comment financer le low-tech ?"})
    assert response.status_code == 303
    page = client.get(response["Location"]).content.decode()
    assert "Comment financer le low-tech ?" in page and "Anonymous" in page
    assert "your question is on the list" in page


@pytest.mark.usefixtures("in_english", "open_board")
def test_each_person_upvotes_a_question_once_and_not_their_own(
    client, visitor, session, django_user_model
):
    ask(client, session)
    question = Question.objects.get()
    own = client.post(url("upvote", session, question.pk), follow=True)
    assert "your own question" in own.content.decode()
    others = [visitor(url("questions", session)) for _ in range(3)]
    for other in others:
        assert other.post(url("upvote", session, question.pk)).status_code == 303
    again = others[0].post(url("upvote", session, question.pk), HTTP_ACCEPT="application/json")
    assert again.status_code == 409 and "already voted" in again.json()["message"]
    member = django_user_model.objects.create_user("amina")
    signed_in = type(client)()
    signed_in.force_login(member)
    signed_in.post(url("upvote", session, question.pk))
    signed_in.post(url("upvote", session, question.pk))
    question.refresh_from_db()
    assert question.votes == 4 == question.vote_rows.count()


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize("text", ["", "   ", "x" * 301, "abc\x00def", "abc\u202edef"])
def test_an_empty_oversized_or_hidden_character_question_is_refused(client, session, text):
    response = ask(client, session, text=text)
    assert response.status_code == 400
    assert Question.objects.count() == 0


@pytest.mark.usefixtures("in_english", "open_board")
def test_html_in_a_question_is_shown_escaped(client, session):
    ask(client, session, text="<script>alert(1)</script> et <b>gras</b>", author_name="Amina")
    page = client.get(url("questions", session)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.usefixtures("in_english")
def test_a_new_board_is_premoderated_and_only_its_author_sees_a_waiting_question(
    client, visitor, session, cast
):
    assert questions.board_of(session).premoderated
    response = ask(client, session, follow=True).content.decode()
    assert "once a moderator approves it" in response and "awaits a moderator" in response
    stranger = type(client)().get(url("questions", session)).content.decode()
    assert "Comment financer" not in stranger
    question = Question.objects.get()
    upvote = visitor(url("questions", session)).post(
        url("upvote", session, question.pk), follow=True
    )
    assert "is not shown" in upvote.content.decode()
    moderator = type(client)()
    moderator.force_login(cast["moderator"])
    moderator.post(url("moderate_question", session, question.pk), {"action": "approve"})
    assert "Comment financer" in type(client)().get(url("questions", session)).content.decode()


@pytest.mark.usefixtures("in_english", "open_board")
def test_moderators_pin_answer_and_hide_and_the_screen_follows(client, visitor, session, cast):
    for text in ("Première question", "Deuxième question", "Troisième question"):
        visitor(url("questions", session)).post(url("questions", session), {"text": text})
    first, second, third = Question.objects.order_by("pk")
    client.force_login(cast["moderator"])
    for question, action in ((third, "pin"), (first, "answered"), (second, "hide")):
        client.post(url("moderate_question", session, question.pk), {"action": action})
    screen = type(client)().get(url("screen", session)).content.decode()
    assert "Troisième question" in screen
    assert "Première question" not in screen  # answered: off the screen
    assert "Deuxième question" not in screen  # hidden
    public = type(client)().get(url("questions", session)).content.decode()
    assert public.index("Troisième question") < public.index("Première question")
    assert "Deuxième question" not in public


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("attendee", 403), ("registration_desk", 403), ("moderator", 200)],
)
def test_only_moderators_reach_the_moderation_page(client, cast, session, who, status):
    if cast[who]:
        client.force_login(cast[who])
    assert client.get(url("moderate", session)).status_code == status
    assert client.post(url("board_settings", session), {"is_open": "1"}).status_code in {
        status,
        303 if status == 200 else status,
    }


@pytest.mark.usefixtures("in_english", "open_board")
def test_closed_questions_refuse_new_ones_and_votes(client, visitor, session, cast):
    ask(client, session)
    question = Question.objects.get()
    questions.set_board(questions.board_of(session), is_open=False, premoderated=False)
    assert ask(type(client)(), session).status_code == 409
    vote = visitor(url("questions", session)).post(
        url("upvote", session, question.pk), HTTP_ACCEPT="application/json"
    )
    assert vote.status_code == 409 and "closed" in vote.json()["message"]


@pytest.mark.usefixtures("open_board")
def test_the_live_list_answers_304_until_something_changes(client, visitor, session):
    ask(client, session)
    question = Question.objects.get()
    viewer = type(client)()
    first = viewer.get(url("questions_live", session))
    tag = first["ETag"]
    assert viewer.get(url("questions_live", session), HTTP_IF_NONE_MATCH=tag).status_code == 304
    visitor(url("questions", session)).post(url("upvote", session, question.pk))
    changed = viewer.get(url("questions_live", session), HTTP_IF_NONE_MATCH=tag)
    assert changed.status_code == 200 and changed["ETag"] != tag
    assert "no-cache" in changed["Cache-Control"]


def test_the_live_list_costs_one_query_when_unchanged(
    client, session, django_assert_max_num_queries
):
    ask(client, session)
    tag = client.get(url("questions_live", session))["ETag"]
    with django_assert_max_num_queries(1):
        assert client.get(url("questions_live", session), HTTP_IF_NONE_MATCH=tag).status_code == 304


def test_questions_are_rate_limited_per_device(client, session, settings):
    settings.RATE_LIMIT_FACTOR = 1
    client.get(url("questions", session))
    statuses = [
        client.post(url("questions", session), {"text": f"Question {n}"}).status_code
        for n in range(12)
    ]
    assert statuses.count(303) == 10 and statuses[-1] == 429
    assert Question.objects.count() == 10
