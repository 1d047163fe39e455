"""The demo's community: ideas in three languages with answers, a debate's questions
and poll, ratings; loaded twice, the same data."""

from io import StringIO

import pytest
from django.core.management import call_command

from community.models import Feedback, Idea, IdeaVote, Poll, Question, QuestionVote


def snapshot():
    return {
        "ideas": sorted(Idea.objects.values_list("pk", "title", "votes", "decision")),
        "questions": sorted(Question.objects.values_list("pk", "votes", "is_pinned")),
        "votes": IdeaVote.objects.count() + QuestionVote.objects.count(),
        "polls": sorted(Poll.objects.values_list("pk", "status", "ballots")),
        "feedback": Feedback.objects.count(),
    }


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def test_the_demo_has_ideas_in_three_languages_with_public_answers(demo):
    ideas = Idea.objects.all()
    assert ideas.count() == 8
    assert set(ideas.values_list("language", flat=True)) == {"fr", "ar", "en"}
    assert {"adopted", "under_study", "not_retained", "proposed"} <= set(
        ideas.values_list("decision", flat=True)
    )
    assert all(i.votes == i.vote_rows.count() for i in ideas)


def test_the_demo_debate_has_questions_a_closed_poll_and_ratings(demo):
    assert Question.objects.count() == 4
    assert Question.objects.filter(is_pinned=True).count() == 1
    assert Question.objects.filter(answered_at__isnull=False).count() == 1
    poll = Poll.objects.get()
    assert (poll.status, poll.ballots) == ("closed", 100)
    assert Feedback.objects.exists()


def test_loading_the_demo_twice_leaves_the_same_community(demo):
    first = snapshot()
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first
