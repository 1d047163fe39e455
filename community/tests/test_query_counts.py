"""Query-count guards: the ideas board, its moderation queue and exports, and a
session's questions and polls take as many queries with 30 items as with one. Each
idea has its own pivot, votes, comment and report; each question its own moderator;
each poll its own answers, so a relation read row by row (an N+1) shows as a
difference."""

import pytest

from accounts.models import User
from accounts.roles import assign_role
from community import ideas, polls, questions
from community.models import Idea, Poll, Question
from community.tests.factories import IdeaFactory
from core.testing import english, queries_of_get
from editions.tests.factories import PivotFactory


def propose(edition, count: int) -> None:
    """Ideas up to `count`, titled "Idea 01"…, each on its own pivot, supported by
    a neighbour, with a comment reported by a passer-by."""
    for n in range(Idea.objects.count() + 1, count + 1):
        idea = IdeaFactory(
            edition=edition, title=f"Idea {n:02d}", pivot=PivotFactory(edition=edition)
        )
        ideas.support(idea, voter=f"d:neighbour{n}")
        said = ideas.comment(idea, text=f"Comment {n:02d}", author_name="", voter=f"d:n{n}")
        ideas.report(idea, voter=f"d:passer-by{n}")
        ideas.report(idea, voter=f"d:passer-by{n}", comment=said)


@pytest.mark.parametrize(
    ("who", "url", "shows"),
    [
        ("anonymous", "/en/ideas/", "Idea 30"),
        ("anonymous", "/en/ideas/?order=recent", "Idea 30"),
        ("moderator", "/en/ideas/moderate/", "Comment 30"),
        ("anonymous", "/en/ideas/ideas.json", "Idea 30"),
        ("anonymous", "/en/ideas/ideas.csv", "Idea 30"),
        ("anonymous", "/en/ideas/votes.csv", "1"),
    ],
)
def test_ideas_pages_queries_do_not_grow_with_ideas(client, cast, edition, who, url, shows):
    if cast[who] is not None:
        client.force_login(cast[who])
    propose(edition, 1)
    one, _ = queries_of_get(client, url)

    propose(edition, 30)
    thirty, text = queries_of_get(client, url)

    assert shows in text
    assert thirty == one


@pytest.mark.parametrize("who", ["anonymous", "moderator"])
def test_an_ideas_page_queries_do_not_grow_with_its_comments(client, cast, edition, who):
    if cast[who] is not None:
        client.force_login(cast[who])
    idea = IdeaFactory(edition=edition, pivot=edition.pivots.first())
    url = english("community:idea", idea.pk)

    def comment(count):
        for n in range(idea.comments.count() + 1, count + 1):
            ideas.comment(idea, text=f"Comment {n:02d}", author_name=f"Nadia {n}", voter=f"d:{n}")
        return queries_of_get(client, url)

    one, _ = comment(1)
    thirty, text = comment(30)

    assert "Comment 30" in text and "Nadia 30" in text
    assert thirty == one


def ask_and_poll(session, count: int) -> None:
    """Questions up to `count`, "Question 01"…, each pinned by its own moderator and
    upvoted; as many closed polls "Poll 01"…, each with its own answers and a ballot."""
    board = questions.board_of(session)
    for n in range(board.questions.count() + 1, count + 1):
        asked = questions.ask(board, text=f"Question {n:02d}", author_name="", voter=f"d:a{n}")
        questions.moderate(asked, "approve")
        questions.upvote(asked, voter="d:fan")
        moderator = User.objects.create_user(f"moderator{n}")
        assign_role(moderator, "moderator")
        questions.moderate(asked, "pin", by=moderator)
        poll = polls.create_poll(
            session,
            question=f"Poll {n:02d}",
            options=[f"Yes {n:02d}", f"No {n:02d}"],
            kind=Poll.Kind.SINGLE,
        )
        polls.open_poll(poll)
        polls.vote(poll, voter="d:fan", option_ids=[poll.options.first().pk])
        polls.close_poll(poll)


@pytest.mark.parametrize(
    ("who", "page", "shows"),
    [
        ("anonymous", "community:questions", "Question 30"),
        ("anonymous", "community:questions_live", "Question 30"),
        ("anonymous", "community:screen", "Question 01"),
        ("moderator", "community:moderate", "Yes 30"),
        ("moderator", "community:moderate_live", "Question 30"),
    ],
)
def test_session_questions_queries_do_not_grow_with_questions_and_polls(
    client, cast, session, who, page, shows
):
    if cast[who] is not None:
        client.force_login(cast[who])
    url = english(page, session.pk)
    ask_and_poll(session, 1)
    client.get(url)  # the first visit gives the device: measure the next ones
    one, _ = queries_of_get(client, url)

    ask_and_poll(session, 30)
    thirty, text = queries_of_get(client, url)

    assert Question.objects.filter(is_pinned=True).count() == 30
    assert shows in text
    assert thirty == one
