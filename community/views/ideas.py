"""The ideas board of the current edition: list (search, filters, order), propose,
an idea's page (vote, comments, the organiser's answer), and moderation for staff."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from community import ideas
from community.casablanca import Arrondissement
from community.errors import CommunityError
from community.forms import CommentForm, DecisionForm, IdeaForm
from community.models import Idea, IdeaComment, IdeaVote
from community.views.common import answer, poster, refusal, status_of, vote
from community.voters import establish, voter
from core import query
from core.i18n import active_language
from core.permissions import staff_only
from editions.rendering import render_for_edition
from editions.services import current_edition

MODERATE = "community.moderate_ideas"
PER_PAGE = 20


def _back(request, default: str) -> str:
    """Back to the moderation queue when the action was taken there."""
    return reverse("community:ideas_moderation") if request.POST.get("from") == "queue" else default


def _filters(request, edition) -> dict:
    pivots = {p.slug: p for p in edition.pivots.all()}
    return {
        "text": query.text(request.GET, "q"),
        "pivot": pivots.get(query.choice(request.GET, "pivot", pivots)),
        "arrondissement": query.choice(request.GET, "arrondissement", Arrondissement.values),
        "decision": query.choice(request.GET, "decision", Idea.Decision.values),
        "order": query.choice(request.GET, "order", ["recent"]) or "votes",
    }


@require_GET
def idea_list(request):
    edition = current_edition()
    filters = _filters(request, edition)
    page = Paginator(ideas.search(edition, **filters), PER_PAGE).get_page(request.GET.get("page"))
    other_parameters = request.GET.copy()  # the filters, kept by the pager's links
    other_parameters.pop("page", None)
    context = {
        "page": page,
        "filters": filters,
        "query": other_parameters.urlencode(),
        "nav": "ideas",
        "pivots": edition.pivots.order_by("position", "pk"),
        "arrondissements": Arrondissement.choices,
        "decisions": Idea.Decision.choices,
        "filtered": any(filters[k] for k in ("text", "pivot", "arrondissement", "decision")),
    }
    return render_for_edition(request, "community/ideas.html", context, edition)


@require_http_methods(["GET", "POST"])
def propose(request):
    edition = current_edition()
    form = IdeaForm(request.POST or None, request.FILES or None, edition=edition)
    status = 200
    if request.method == "POST":
        try:
            proposed_by = poster(request, "community_post")
            if not form.is_valid():
                status = 400
            else:
                fields = {k: v for k, v in form.cleaned_data.items() if k != "leave_empty"}
                idea = ideas.propose(
                    edition, voter=proposed_by, language=active_language(), **fields
                )
                back = reverse("community:idea", args=[idea.pk])
                return answer(request, back, ok=True, message=_("Thank you: your idea is online."))
        except CommunityError as refused:
            form.add_error(None, refused.message)
            status = status_of(refused)
    context = {"form": form, "nav": "ideas"}
    response = render_for_edition(
        request, "community/propose.html", context, edition, status=status
    )
    return establish(request, response)


def _idea(idea_id: int, *, staff=False) -> Idea:
    found = Idea.objects.select_related("pivot", "edition")
    if not staff:
        found = found.published()
    return get_object_or_404(found, pk=idea_id, edition=current_edition())


def _detail(request, idea, comment_form=None, status=200):
    who = voter(request)
    staff = request.user.has_perm(MODERATE)
    comments = idea.comments.all() if staff else idea.comments.filter(is_hidden=False)
    context = {
        "idea": idea,
        "comments": comments,
        "nav": "ideas",
        "staff": staff,
        "comment_form": comment_form or CommentForm(),
        "voted": bool(who) and IdeaVote.objects.filter(idea=idea, voter=who).exists(),
        "own": bool(who) and idea.proposed_by == who,
        "decision_form": DecisionForm(initial={"decision": idea.decision, "answer": idea.answer}),
    }
    response = render_for_edition(
        request, "community/idea.html", context, idea.edition, status=status
    )
    return establish(request, response)


@require_GET
def idea_detail(request, idea_id: int):
    return _detail(request, _idea(idea_id, staff=request.user.has_perm(MODERATE)))


@require_POST
def support(request, idea_id: int):
    idea = _idea(idea_id)
    back = reverse("community:idea", args=[idea.pk])
    return vote(request, idea, back, lambda who: ideas.support(idea, voter=who))


@require_POST
def comment(request, idea_id: int):
    idea = _idea(idea_id)
    form = CommentForm(request.POST)
    try:
        written_by = poster(request, "community_post")
    except CommunityError as not_counted:
        form.add_error(None, not_counted.message)
        return _detail(request, idea, form, status=status_of(not_counted))
    if not form.is_valid():
        return _detail(request, idea, form, status=400)
    ideas.comment(
        idea,
        text=form.cleaned_data["text"],
        author_name=form.cleaned_data["author_name"],
        voter=written_by,
    )
    back = reverse("community:idea", args=[idea.pk]) + "#comments"
    return answer(request, back, ok=True, message=_("Thank you: your comment is online."))


@require_POST
@staff_only(MODERATE)
def decide(request, idea_id: int):
    idea = _idea(idea_id, staff=True)
    form = DecisionForm(request.POST)
    back = reverse("community:idea", args=[idea.pk])
    if not form.is_valid():
        return answer(request, back, ok=False, message=_("Choose a decision."), status=400)
    ideas.decide(idea, **form.cleaned_data, by=request.user)
    return answer(request, back, ok=True, message=_("The answer is published."))


@require_POST
@staff_only(MODERATE)
def moderate(request, idea_id: int):
    idea = _idea(idea_id, staff=True)
    hide = request.POST.get("hidden") == "1"
    ideas.set_hidden(idea, hide, by=request.user)
    message = _("The idea is hidden.") if hide else _("The idea is shown again.")
    return answer(
        request, _back(request, reverse("community:idea", args=[idea.pk])), ok=True, message=message
    )


@require_POST
@staff_only(MODERATE)
def moderate_comment(request, comment_id: int):
    written = get_object_or_404(IdeaComment, pk=comment_id, idea__edition=current_edition())
    hide = request.POST.get("hidden") == "1"
    ideas.set_comment_hidden(written, hide, by=request.user)
    back = _back(request, reverse("community:idea", args=[written.idea_id]) + f"#c{written.pk}")
    message = _("The comment is hidden.") if hide else _("The comment is shown again.")
    return answer(request, back, ok=True, message=message)


def _reported_comment(request, idea) -> IdeaComment | None:
    """The comment a report is about, or None when it is about the idea itself."""
    raw = request.POST.get("comment")
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
        raise Http404
    return get_object_or_404(IdeaComment, pk=int(raw), idea=idea)


@require_POST
def report(request, idea_id: int):
    idea = _idea(idea_id)
    written = _reported_comment(request, idea)
    back = reverse("community:idea", args=[idea.pk]) + (f"#c{written.pk}" if written else "")
    try:
        ideas.report(idea, voter=poster(request, "community_vote"), comment=written)
    except CommunityError as error:
        return refusal(request, back, error)
    return answer(request, back, ok=True, message=_("Thank you: a moderator will look at it."))


@require_GET
@staff_only(MODERATE)
def moderation(request):
    """Everything citizens wrote lately, hidden or not, the most reported first."""
    edition = current_edition()
    found, comments = ideas.moderation_queue(edition)
    context = {
        "ideas": found,
        "comments": comments,
        "refused": any(idea.refused_votes for idea in found),
    }
    return render_for_edition(request, "community/ideas_moderation.html", context, edition)
