"""One person, one vote: a vote counts only for a signed-in account or a device the
site itself gave on a page. Requests without the device cookie, or with one made up,
count for nothing however many there are; one address passes for at most a full
room; and what was refused shows on the moderators' pages."""

import secrets

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from community import polls, questions
from community.models import Feedback, Idea, IdeaComment, Poll, Question, Report
from community.tests.factories import IdeaFactory
from community.voters import DEVICE_COOKIE
from core import ratelimit
from core.tests.hostile import examples

JSON = {"HTTP_ACCEPT": "application/json"}


def url(name, *args):
    return reverse(f"community:{name}", args=args)


@pytest.fixture
def question(session, open_board):
    return questions.ask(open_board, text="Qui paie les fours ?", author_name="", voter="d:asker")


@pytest.fixture
def idea(edition):
    return IdeaFactory(edition=edition)


@pytest.fixture
def poll(session):
    return polls.open_poll(
        polls.create_poll(
            session, question="Plus d’arbres ?", options=["Oui", "Non"], kind="single"
        )
    )


def ballot(poll):
    return {"option": str(poll.options.first().pk)}


@pytest.fixture(params=["question", "idea", "poll"])
def ballot_box(request, session):
    """Each kind of vote: (the page that holds its form, where it posts, what it
    posts, the thing voted for, its count of votes)."""
    if request.param == "question":
        thing = request.getfixturevalue("question")
        return (
            url("questions", session.pk),
            url("upvote", session.pk, thing.pk),
            {},
            thing,
            lambda: Question.objects.get(pk=thing.pk).votes,
        )
    if request.param == "idea":
        thing = request.getfixturevalue("idea")
        return (
            url("idea", thing.pk),
            url("support", thing.pk),
            {},
            thing,
            lambda: Idea.objects.get(pk=thing.pk).votes,
        )
    thing = request.getfixturevalue("poll")
    return (
        url("questions", session.pk),
        url("poll_vote", session.pk, thing.pk),
        ballot(thing),
        thing,
        lambda: Poll.objects.get(pk=thing.pk).ballots,
    )


def refused_votes(thing) -> int:
    return type(thing).objects.get(pk=thing.pk).refused_votes


def test_fifty_votes_without_the_device_cookie_add_none(client, ballot_box):
    _page, vote, data, thing, counted = ballot_box
    answers = [client.post(vote, data, **JSON) for _ in range(50)]
    assert {a.status_code for a in answers} == {403}
    assert "Rechargez la page" in answers[0].json()["message"]
    assert counted() == 0
    assert refused_votes(thing) == 50  # the burst shows to the moderators


def test_fifty_votes_with_fresh_forged_cookies_add_none(client, ballot_box):
    _page, vote, data, thing, counted = ballot_box
    forged = [
        secrets.token_hex(16),  # the shape of a device id
        f"{secrets.token_hex(16)}:1rAbCd:{secrets.token_urlsafe(32)}",  # the shape of a signed one
    ]
    for n in range(50):
        client.cookies[DEVICE_COOKIE] = forged[n % 2].replace("0", str(n % 10))
        assert client.post(vote, data, **JSON).status_code == 403
    assert counted() == 0
    assert refused_votes(thing) == 50


# What a header can carry (WSGI reads it as Latin-1), and the shape of a signed value.
latin_1 = st.text(st.characters(max_codepoint=255), max_size=100)
made_up_cookies = st.one_of(
    latin_1,
    st.tuples(st.text("0123456789abcdef", min_size=32, max_size=32), latin_1, latin_1).map(
        ":".join
    ),
)


@examples(40)
@given(cookie=made_up_cookies)
def test_no_made_up_device_cookie_counts(client, question, cookie):
    client.cookies[DEVICE_COOKIE] = cookie
    answer = client.post(url("upvote", question.board.session_id, question.pk), **JSON)
    assert answer.status_code == 403
    assert Question.objects.get(pk=question.pk).votes == 0


def test_a_visitor_who_opened_the_page_votes_once(visitor, ballot_box):
    page, vote, data, thing, counted = ballot_box
    browser = visitor(page)
    assert browser.post(vote, data).status_code == 303  # a form without JavaScript
    again = browser.post(vote, data, **JSON)  # the page's script
    assert again.status_code == 409 and "déjà" in again.json()["message"]
    assert visitor(page).post(vote, data, **JSON).json()["ok"] is True
    assert counted() == 2
    assert refused_votes(thing) == 0


def test_without_javascript_a_refused_vote_leads_back_to_a_page_that_lets_the_next_count(
    client, ballot_box
):
    page, vote, data, _thing, counted = ballot_box
    refused = client.post(vote, data, follow=True)  # no device yet: refused, back to the page
    assert "Rien n’a été compté" in refused.content.decode()
    assert counted() == 0
    assert client.post(vote, data).status_code == 303
    assert counted() == 1


def test_signed_in_accounts_vote_once_without_a_device(client, cast, ballot_box):
    _page, vote, data, _thing, counted = ballot_box
    for who in ("attendee", "moderator"):
        client.force_login(cast[who])
        assert client.post(vote, data, **JSON).json()["ok"] is True
        assert client.post(vote, data, **JSON).status_code == 409
    assert counted() == 2


def test_an_address_passes_for_at_most_a_full_room(visitor, question, monkeypatch):
    monkeypatch.setitem(ratelimit.LIMITS, "community_device:ip", (3, 600))
    page = url("questions", question.board.session_id)
    vote = url("upvote", question.board.session_id, question.pk)
    browsers = [visitor(page, REMOTE_ADDR="41.250.1.2") for _ in range(5)]
    assert [DEVICE_COOKIE in b.cookies for b in browsers] == [True] * 3 + [False] * 2
    answers = [b.post(vote, **JSON).status_code for b in browsers]
    assert answers == [200, 200, 200, 403, 403]
    elsewhere = visitor(page, REMOTE_ADDR="105.66.7.8")  # another address is not held back
    assert elsewhere.post(vote, **JSON).status_code == 200
    question.refresh_from_db()
    assert (question.votes, question.refused_votes) == (4, 2)


def test_votes_per_address_are_capped_and_the_moderators_see_the_burst(
    client, visitor, cast, session, open_board, monkeypatch
):
    monkeypatch.setitem(ratelimit.LIMITS, "community_vote:ip", (2, 600))
    target, other = (
        questions.ask(open_board, text=text, author_name="", voter="d:asker")
        for text in ("Qui paie ?", "Et quand ?")
    )
    page = url("questions", session.pk)
    answers = [
        visitor(page, REMOTE_ADDR="41.250.1.2").post(url("upvote", session.pk, target.pk), **JSON)
        for _ in range(5)
    ]
    assert [a.status_code for a in answers] == [200, 200, 429, 429, 429]
    target.refresh_from_db()
    assert (target.votes, target.refused_votes) == (2, 3)
    client.force_login(cast["moderator"])
    moderation = client.get(url("moderate", session.pk)).content.decode()
    assert "3 votes refusés" in moderation and "une rafale" in moderation
    other_row = moderation[moderation.index(f'id="q{other.pk}"') :]
    assert "refusé" not in other_row[: other_row.index("</li>")]


def test_the_ideas_queue_shows_votes_refused(client, cast, idea):
    for _ in range(4):
        client.post(url("support", idea.pk))
    client.force_login(cast["moderator"])
    queue = client.get(url("ideas_moderation")).content.decode()
    assert "4 votes refusés" in queue


@pytest.mark.parametrize("action", ["ask", "propose", "comment", "report", "rate"])
def test_every_post_needs_an_established_voter(client, session, idea, action):
    post = {
        "ask": (url("questions", session.pk), {"text": "Qui paie ?"}),
        "propose": (url("propose"), {"title": "Des bancs", "description": "Ombre."}),
        "comment": (url("comment", idea.pk), {"text": "Oui !"}),
        "report": (url("report", idea.pk), {}),
        "rate": (url("feedback", session.pk), {"rating": "5"}),
    }[action]
    answer = client.post(*post, **JSON)
    assert answer.status_code == 403
    assert "Rechargez la page" in answer.content.decode()
    counts = [m.objects.count() for m in (Question, IdeaComment, Report, Feedback)]
    assert counts == [0, 0, 0, 0] and Idea.objects.count() == 1


def test_a_device_from_before_signing_keeps_its_votes(client, question):
    old = secrets.token_hex(16)
    client.cookies[DEVICE_COOKIE] = old  # unsigned, as the site gave them before
    page = url("questions", question.board.session_id)
    vote = url("upvote", question.board.session_id, question.pk)
    assert client.post(vote, **JSON).status_code == 403
    client.get(page)
    assert client.cookies[DEVICE_COOKIE].value.startswith(f"{old}:")  # the same id, signed
    assert client.post(vote, **JSON).json()["ok"] is True
    # The same device again, from a new browser holding the old cookie: already counted.
    again = type(client)()
    again.cookies[DEVICE_COOKIE] = old
    again.get(page)
    assert again.post(vote, **JSON).status_code == 409
    assert Question.objects.get(pk=question.pk).votes == 1
