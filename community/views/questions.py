"""The Q&A of a session for the audience: the list (by votes or by time), asking,
upvoting, the room's screen, and the polls shown with them. Without JavaScript
every form posts and the page reloads; questions.js refreshes the list every 5 s
(304 while nothing changed) and sends votes without a reload."""

from django.http import HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from community import polls, questions
from community.errors import CommunityError
from community.forms import QuestionForm
from community.models import Poll, PollBallot, Question
from community.views.common import answer, poster, published_session, status_of, vote
from community.voters import establish, voter
from editions.rendering import render_for_edition

LIVE_SECONDS = 5


def _order(request) -> str:
    return "recent" if request.GET.get("order") == "recent" else "votes"


def _list_url(session, order="votes") -> str:
    url = reverse("community:questions", args=[session.pk])
    return f"{url}?order=recent" if order == "recent" else url


def _poll_rows(session, voter, shown=None):
    chosen = set()
    if voter:
        chosen = set(
            PollBallot.objects.filter(poll__session=session, voter=voter).values_list(
                "poll_id", flat=True
            )
        )
    if shown is None:
        shown = session.polls.exclude(status=Poll.Status.DRAFT).prefetch_related("options")
    return [{"poll": p, "voted": p.pk in chosen, "results": polls.results(p)} for p in shown]


def _live_context(request, session, board) -> dict:
    who = voter(request)
    order = _order(request)
    own_waiting = (
        board.questions.filter(asked_by=who, status=Question.Status.PENDING)
        if who
        else Question.objects.none()
    )
    return {
        "session": session,
        "board": board,
        "order": order,
        "questions": questions.shown_questions(board, order=order),
        "voted": questions.voted_ids(board, who),
        "own_waiting": own_waiting,
        "voter": who,
        "poll_rows": _poll_rows(session, who),
    }


def _live_response(request, session_id: int, template: str, screen: bool = False):
    """The fragment, or 304 when the viewer already has it (one query); every phone
    asks again (no-cache), and each viewer's own votes are part of the tag."""
    parts = (voter(request), _order(request), screen)
    etag = questions.live_etag(session_id, *parts)
    if etag and f'"{etag}"' in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        session = published_session(session_id)
        board = questions.board_of(session)
        context = _live_context(request, session, board)
        if screen:
            context.update(_screen_context(session, board))
        response = render_for_edition(request, template, context, session.edition)
        # Taken before rendering: a vote in between shows at the next refresh, never lost.
        etag = etag or questions.live_etag(session_id, *parts)
    response["ETag"] = f'"{etag}"'
    patch_cache_control(response, no_cache=True, private=True)
    patch_vary_headers(response, ["Cookie"])
    return response


@require_http_methods(["GET", "POST"])
def question_list(request, session_id: int):
    session = published_session(session_id)
    board = questions.board_of(session)
    form = QuestionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        try:
            asked_by = poster(request, "community_post")
            if not form.is_valid():
                status = 400
            else:
                asked = questions.ask(
                    board,
                    text=form.cleaned_data["text"],
                    author_name=form.cleaned_data["author_name"],
                    voter=asked_by,
                )
                message = (
                    _("Thank you: your question will show once a moderator approves it.")
                    if asked.status == Question.Status.PENDING
                    else _("Thank you: your question is on the list.")
                )
                return answer(request, _list_url(session, "recent"), ok=True, message=message)
        except CommunityError as refused:
            form.add_error(None, refused.message)
            status = status_of(refused)
    context = {
        **_live_context(request, session, board),
        "form": form,
        "nav": "programme",
        "live_seconds": LIVE_SECONDS,
    }
    response = render_for_edition(
        request, "community/questions.html", context, session.edition, status=status
    )
    return establish(request, response)


@require_GET
def question_list_live(request, session_id: int):
    return _live_response(request, session_id, "community/_question_list.html")


@require_POST
def upvote(request, session_id: int, question_id: int):
    session = published_session(session_id)
    question = get_object_or_404(
        Question.objects.select_related("board"), pk=question_id, board__session=session
    )
    back = f"{_list_url(session, request.POST.get('order', 'votes'))}#q{question.pk}"
    return vote(request, question, back, lambda who: questions.upvote(question, voter=who))


def _screen_context(session, board) -> dict:
    return {
        "questions": questions.screen_questions(board),
        "poll_rows": _poll_rows(session, None, polls.on_screen(session)),
    }


@require_GET
def screen(request, session_id: int):
    """The room's screen: the top questions in large type, the open poll (or the last
    one's results) and a QR code to the questions; refreshes by itself."""
    session = published_session(session_id)
    board = questions.board_of(session)
    context = {
        "session": session,
        "board": board,
        **_screen_context(session, board),
        "join_url": request.build_absolute_uri(_list_url(session)),
    }
    return render_for_edition(request, "community/screen.html", context, session.edition)


@require_GET
def screen_live(request, session_id: int):
    return _live_response(request, session_id, "community/_screen_list.html", screen=True)


@require_POST
def poll_vote(request, session_id: int, poll_id: int):
    session = published_session(session_id)
    poll = get_object_or_404(Poll, pk=poll_id, session=session)
    back = f"{_list_url(session)}#poll{poll.pk}"
    chosen = [
        int(value)
        for value in request.POST.getlist("option")
        if value.isascii() and value.isdigit() and len(value) <= 18
    ]
    chosen = chosen[:20]
    return vote(request, poll, back, lambda who: polls.vote(poll, voter=who, option_ids=chosen))
