"""Votes fired at once from real threads, each with its own database connection,
committing for real: 300 people upvoting one question, the same person from many
tabs, ballots racing the moderator's "close". Nothing lost, nothing counted twice."""

from collections import Counter
from functools import partial

import pytest

from community import ideas, polls, questions
from community.errors import CommunityError
from community.models import Poll, PollBallot, Question, QuestionVote
from community.tests.factories import IdeaFactory
from core import testing

pytestmark = pytest.mark.django_db(transaction=True)
# At most ~30 connections: another test process may be racing on PostgreSQL too.
all_at_once = partial(testing.all_at_once, refusals=CommunityError, workers=30, wait=60, join=180)


@pytest.fixture
def question(session):
    asked = questions.ask(
        questions.board_of(session), text="Et le budget ?", author_name="", voter="d:asker"
    )
    return questions.moderate(asked, "approve")


def test_three_hundred_people_upvote_one_question_at_once(question):
    def upvoter(n):
        return lambda: (
            questions.upvote(
                Question.objects.select_related("board").get(pk=question.pk), voter=f"d:person{n}"
            )
            and "counted"
        )

    results, errors = all_at_once([upvoter(n) for n in range(300)])
    assert errors == []
    assert Counter(results) == {"counted": 300}
    question.refresh_from_db()
    assert question.votes == 300 == QuestionVote.objects.filter(question=question).count()


def test_one_person_pressing_in_twenty_tabs_counts_once(question):
    def tab():
        return (
            questions.upvote(
                Question.objects.select_related("board").get(pk=question.pk), voter="d:same"
            )
            and "counted"
        )

    results, errors = all_at_once([tab for _ in range(20)], workers=20)
    assert errors == []
    assert Counter(results) == {"counted": 1, "already_voted": 19}
    question.refresh_from_db()
    assert question.votes == 1


def test_ballots_racing_the_close_are_counted_whole_or_refused(session):
    poll = polls.create_poll(session, question="Oui ?", options=["Oui", "Non"], kind="single")
    polls.open_poll(poll)
    yes = poll.options.first()

    def voter(n):
        return lambda: (
            polls.vote(Poll.objects.get(pk=poll.pk), voter=f"d:v{n}", option_ids=[yes.pk])
            and "counted"
        )

    def closer():
        return polls.close_poll(Poll.objects.get(pk=poll.pk)) and "closed_now"

    jobs = [voter(n) for n in range(60)]
    jobs.insert(30, closer)
    results, errors = all_at_once(jobs, workers=31)
    assert errors == []
    poll.refresh_from_db()
    yes.refresh_from_db()
    counted = results.count("counted")
    assert poll.ballots == counted == yes.votes == PollBallot.objects.filter(poll=poll).count()
    assert counted + results.count("closed") == 60


def test_idea_votes_from_many_devices_are_all_counted(edition):
    idea = IdeaFactory(edition=edition)
    results, errors = all_at_once(
        [lambda n=n: ideas.support(idea, voter=f"d:citizen{n}") and "counted" for n in range(100)]
    )
    assert errors == []
    idea.refresh_from_db()
    assert idea.votes == 100 == results.count("counted")
