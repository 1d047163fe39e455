"""The moderator's page of a session: every question (waiting, shown, hidden) with
its actions, the board's settings, and the polls (write, open, close)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from community import polls, questions
from community.errors import CommunityError
from community.forms import PollForm
from community.models import Poll, Question
from community.views.common import answer, published_session
from core.http import see_other
from core.permissions import staff_only
from editions.rendering import render_for_edition

MODERATE = "community.moderate_questions"


def _page(session) -> str:
    return reverse("community:moderate", args=[session.pk])


def _context(session, board, poll_form=None) -> dict:
    every = board.questions.select_related("moderated_by").order_by(
        "status", "-is_pinned", "-votes", "created_at"
    )
    # One read of the polls and their answers serves the list and every poll's results.
    session_polls = list(session.polls.prefetch_related("options"))
    return {
        "session": session,
        "board": board,
        "questions": every,
        "waiting": sum(1 for q in every if q.status == Question.Status.PENDING),
        "refused": any(thing.refused_votes for thing in (*every, *session_polls)),
        "polls": session_polls,
        "poll_results": {p.pk: polls.results(p) for p in session_polls},
        "poll_form": poll_form or PollForm(),
        "actions": questions.MODERATION,
    }


@require_GET
@staff_only(MODERATE)
def moderate(request, session_id: int):
    session = published_session(session_id)
    board = questions.board_of(session)
    return render_for_edition(
        request, "community/moderate.html", _context(session, board), session.edition
    )


@require_GET
@staff_only(MODERATE)
def moderate_live(request, session_id: int):
    session = published_session(session_id)
    board = questions.board_of(session)
    return render_for_edition(
        request, "community/_moderation_list.html", _context(session, board), session.edition
    )


@require_POST
@staff_only(MODERATE)
def moderate_question(request, session_id: int, question_id: int):
    session = published_session(session_id)
    question = get_object_or_404(Question, pk=question_id, board__session=session)
    try:
        questions.moderate(question, request.POST.get("action", ""), by=request.user)
    except CommunityError as refused:
        return answer(request, _page(session), ok=False, message=refused.message, status=400)
    return answer(request, f"{_page(session)}#q{question.pk}", ok=True, message=_("Done."))


@require_POST
@staff_only(MODERATE)
def board_settings(request, session_id: int):
    session = published_session(session_id)
    questions.set_board(
        questions.board_of(session),
        is_open=request.POST.get("is_open") == "1",
        premoderated=request.POST.get("premoderated") == "1",
        by=request.user,
    )
    messages.success(request, _("The settings of the questions are saved."))
    return see_other(_page(session))


@require_POST
@staff_only(MODERATE)
def new_poll(request, session_id: int):
    session = published_session(session_id)
    form = PollForm(request.POST)
    if form.is_valid():
        try:
            polls.create_poll(session, **form.cleaned_data)
        except CommunityError as refused:
            form.add_error("options", refused.message)
        else:
            messages.success(request, _("The poll is ready: open it when the room should vote."))
            return see_other(_page(session))
    board = questions.board_of(session)
    return render_for_edition(
        request,
        "community/moderate.html",
        _context(session, board, poll_form=form),
        session.edition,
        status=400,
    )


@require_POST
@staff_only(MODERATE)
def poll_status(request, session_id: int, poll_id: int):
    session = published_session(session_id)
    poll = get_object_or_404(Poll, pk=poll_id, session=session)
    if request.POST.get("status") == Poll.Status.OPEN:
        polls.open_poll(poll, by=request.user)
        messages.success(request, _("The poll is open: the room can vote."))
    else:
        polls.close_poll(poll, by=request.user)
        messages.success(request, _("The poll is closed: its results stay on screen."))
    return see_other(f"{_page(session)}#poll{poll.pk}")
