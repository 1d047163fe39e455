"""Live Q&A of a session: ask, upvote, and what moderators do with questions.

A moderator can require approval before questions show (pre-moderation), hide
and show them, pin them to the top and mark them answered. Nothing is deleted:
a hidden question stays in the moderator's list.
"""

import hashlib

from django.db.models import Count, Max, OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from community.errors import CommunityError
from community.models import Poll, Question, QuestionBoard, QuestionVote
from community.votes import count_vote
from core.i18n import active_language

SCREEN_SIZE = 6


def board_of(session) -> QuestionBoard:
    board, _created = QuestionBoard.objects.get_or_create(session=session)
    return board


def ask(board: QuestionBoard, *, text: str, author_name: str, voter: str) -> Question:
    if not board.is_open:
        raise CommunityError(_("Questions are closed for this session."), "closed")
    status = Question.Status.PENDING if board.premoderated else Question.Status.VISIBLE
    return Question.objects.create(
        board=board, text=text, author_name=author_name, asked_by=voter, status=status
    )


def upvote(question: Question, *, voter: str) -> Question:
    if question.status != Question.Status.VISIBLE:
        raise CommunityError(_("This question is not shown: it cannot get votes."), "hidden")
    if not question.board.is_open:
        raise CommunityError(_("Questions are closed for this session."), "closed")
    if question.asked_by == voter:
        raise CommunityError(_("This is your own question: vote for others’."), "own")
    count_vote(question, QuestionVote, voter=voter, question=question)
    return question


# What moderators do: the action's name → the fields it sets.
MODERATION = {
    "approve": lambda now: {"status": Question.Status.VISIBLE},
    "show": lambda now: {"status": Question.Status.VISIBLE},
    "hide": lambda now: {"status": Question.Status.HIDDEN, "is_pinned": False},
    "pin": lambda now: {"is_pinned": True},
    "unpin": lambda now: {"is_pinned": False},
    "answered": lambda now: {"answered_at": now, "is_pinned": False},
    "unanswered": lambda now: {"answered_at": None},
}


def moderate(question: Question, action: str, *, by=None) -> Question:
    """Apply a moderator's action (`by`: who, recorded with the time)."""
    if action not in MODERATION:
        raise CommunityError(_("Unknown moderation action."), "unknown_action")
    changes = MODERATION[action](timezone.now())
    for field, value in changes.items():
        setattr(question, field, value)
    question.save(update_fields=[*changes, *question.moderated(by), "changed_at"])
    return question


def set_board(board: QuestionBoard, *, is_open: bool, premoderated: bool, by=None) -> QuestionBoard:
    board.is_open, board.premoderated = is_open, premoderated
    board.save(update_fields=["is_open", "premoderated", *board.moderated(by)])
    return board


def shown_questions(board: QuestionBoard, *, order: str = "votes"):
    shown = board.questions.shown()
    if order == "recent":
        return shown.order_by("-is_pinned", "-created_at", "-id")
    return shown.order_by("-is_pinned", "-votes", "created_at", "id")


def screen_questions(board: QuestionBoard):
    """For the room's screen: pinned first, then the most voted, not yet answered."""
    return shown_questions(board).filter(answered_at__isnull=True)[:SCREEN_SIZE]


def voted_ids(board: QuestionBoard, voter: str | None) -> set[int]:
    if voter is None:
        return set()
    return set(
        QuestionVote.objects.filter(question__board=board, voter=voter).values_list(
            "question_id", flat=True
        )
    )


def live_etag(session_id: int, *parts) -> str | None:
    """The fingerprint of a session's questions, polls and settings, in one query
    (the live list asks for it every few seconds from every phone in the room).
    None while the session has no questions board yet."""
    polls = Poll.objects.filter(session_id=OuterRef("session_id")).values("session_id")
    state = (
        QuestionBoard.objects.filter(session_id=session_id)
        .annotate(
            n=Count("questions"),
            votes=Sum("questions__votes"),
            changed=Max("questions__changed_at"),
            polls_changed=Subquery(polls.annotate(m=Max("changed_at")).values("m")),
            ballots=Subquery(polls.annotate(b=Sum("ballots")).values("b")),
        )
        .values_list(
            "pk", "is_open", "premoderated", "n", "votes", "changed", "polls_changed", "ballots"
        )
        .first()
    )
    if state is None:
        return None
    fingerprint = "|".join(str(p) for p in (active_language(), *state, *parts))
    return hashlib.blake2b(fingerprint.encode(), digest_size=12).hexdigest()
