"""Hostile text in every community form: never a server error, nothing stored that is
not clean, everything shown escaped."""

import freezegun
import pytest
from django.urls import reverse
from hypothesis import given

from community.models import Feedback, Idea, IdeaComment, Question
from community.models.ideas import COMMENT_LENGTH, DESCRIPTION_LENGTH, TITLE_LENGTH
from community.models.questions import NAME_LENGTH, QUESTION_LENGTH
from community.tests.factories import IdeaFactory
from core.tests.hostile import assert_clean_text, examples, hostile_text
from programme.tests.factories import at

pytestmark = pytest.mark.usefixtures("unlimited")


@pytest.fixture
def unlimited(settings):
    settings.RATE_LIMIT_FACTOR = 1_000_000  # many examples from one test client


def page_is_escaped(body: str):
    assert "<script>alert" not in body and "<img src=x" not in body and "<svg onload" not in body


@examples(30)
@given(text=hostile_text(), name=hostile_text(longest=200))
def test_questions(client, session, open_board, text, name):
    client.get(reverse("community:questions", args=[session.pk]))
    response = client.post(
        reverse("community:questions", args=[session.pk]), {"text": text, "author_name": name}
    )
    assert response.status_code in (303, 400)
    for question in Question.objects.all():
        assert_clean_text(question.text, limit=QUESTION_LENGTH, multiline=True)
        assert_clean_text(question.author_name, limit=NAME_LENGTH, markup=False)
    page_is_escaped(client.get(reverse("community:questions", args=[session.pk])).content.decode())
    page_is_escaped(client.get(reverse("community:screen", args=[session.pk])).content.decode())
    Question.objects.all().delete()


@examples(30)
@given(title=hostile_text(), text=hostile_text(longest=3200), arrondissement=hostile_text())
def test_ideas(client, edition, title, text, arrondissement):
    pivot = edition.pivots.first()
    client.get(reverse("community:propose"))
    response = client.post(
        reverse("community:propose"),
        {
            "title": title,
            "description": text,
            "pivot": pivot.pk,
            "arrondissement": arrondissement,
            "author_name": title,
        },
    )
    assert response.status_code in (303, 400)
    for idea in Idea.objects.all():
        assert_clean_text(idea.title, limit=TITLE_LENGTH)
        assert_clean_text(idea.description, limit=DESCRIPTION_LENGTH, multiline=True)
        page_is_escaped(client.get(reverse("community:idea", args=[idea.pk])).content.decode())
    page_is_escaped(client.get(reverse("community:ideas"), {"q": title}).content.decode())
    Idea.objects.all().delete()


@examples(25)
@given(text=hostile_text(), name=hostile_text(longest=200))
def test_comments(client, edition, text, name):
    idea = Idea.objects.first() or IdeaFactory(edition=edition)
    client.get(reverse("community:idea", args=[idea.pk]))
    response = client.post(
        reverse("community:comment", args=[idea.pk]), {"text": text, "author_name": name}
    )
    assert response.status_code in (303, 400)
    for comment in IdeaComment.objects.all():
        assert_clean_text(comment.text, limit=COMMENT_LENGTH, multiline=True)
    page_is_escaped(client.get(reverse("community:idea", args=[idea.pk])).content.decode())


@examples(25)
@given(rating=hostile_text(longest=100), comment=hostile_text())
def test_feedback(client, session, rating, comment):
    with freezegun.freeze_time(at(25, 12)):
        client.get(reverse("community:feedback", args=[session.pk]))
        response = client.post(
            reverse("community:feedback", args=[session.pk]), {"rating": rating, "comment": comment}
        )
    assert response.status_code in (303, 400)
    assert all(1 <= f.rating <= 5 for f in Feedback.objects.all())
