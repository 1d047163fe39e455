"""The ideas board: citizens propose ideas for their city, vote and comment; the
organiser answers in public (under study, adopted, not retained); moderators hide
what breaks the rules. The open-data export holds no personal data.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community.errors import CommunityError
from community.models import Idea, IdeaComment, IdeaVote, Report
from community.models.moderation import person_or_none
from community.votes import count_vote

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def propose(edition, *, voter: str, language: str, **fields) -> Idea:
    return Idea.objects.create(edition=edition, proposed_by=voter, language=language, **fields)


def support(idea: Idea, *, voter: str) -> Idea:
    if idea.is_hidden:
        raise CommunityError(_("This idea has been hidden by a moderator."), "hidden")
    if idea.proposed_by == voter:
        raise CommunityError(_("This is your own idea: it needs others’ votes."), "own")
    count_vote(idea, IdeaVote, voter=voter, idea=idea)
    return idea


def comment(idea: Idea, *, text: str, author_name: str, voter: str) -> IdeaComment:
    if idea.is_hidden:
        raise CommunityError(_("This idea has been hidden by a moderator."), "hidden")
    with transaction.atomic():
        written = IdeaComment.objects.create(
            idea=idea, text=text, author_name=author_name, written_by=voter
        )
        Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + 1)
    return written


def report(idea: Idea, *, voter: str, comment: IdeaComment | None = None) -> Report:
    """Tell the moderators about an idea (or one of its comments); once per person."""
    if idea.is_hidden or (comment is not None and comment.is_hidden):
        raise CommunityError(_("A moderator has hidden it already."), "hidden")
    try:
        with transaction.atomic():
            return Report.objects.create(idea=idea, comment=comment, voter=voter)
    except IntegrityError:
        raise CommunityError(
            _("You have reported it already: a moderator will look at it."), "already_reported"
        ) from None


def moderation_queue(edition, *, size: int = 50):
    """The latest ideas and comments, the most reported first, each with `reported`."""
    latest = ("-reported", "-created_at", "-id")
    ideas = (
        Idea.objects.filter(edition=edition)
        .select_related("pivot")
        .annotate(reported=Count("reports", filter=Q(reports__comment__isnull=True)))
        .order_by(*latest)[:size]
    )
    comments = (
        IdeaComment.objects.filter(idea__edition=edition)
        .select_related("idea")
        .annotate(reported=Count("reports"))
        .order_by(*latest)[:size]
    )
    return ideas, comments


def decide(idea: Idea, *, decision: str, answer: str, by=None) -> Idea:
    """The organiser's public answer; `by` (the staff member) is recorded, not shown."""
    idea.decision, idea.answer = decision, answer
    answered = bool(answer) or decision != Idea.Decision.PROPOSED
    idea.answered_at = timezone.now() if answered else None
    idea.answered_by = person_or_none(by) if answered else None
    idea.save(update_fields=["decision", "answer", "answered_at", "answered_by"])
    return idea


def set_hidden(idea: Idea, hidden: bool, *, by=None) -> Idea:
    idea.is_hidden = hidden
    idea.save(update_fields=["is_hidden", *idea.moderated(by)])
    return idea


def set_comment_hidden(written: IdeaComment, hidden: bool, *, by=None) -> IdeaComment:
    if written.is_hidden != hidden:
        with transaction.atomic():
            written.is_hidden = hidden
            written.save(update_fields=["is_hidden", *written.moderated(by)])
            step = -1 if hidden else 1
            Idea.objects.filter(pk=written.idea_id).update(comment_count=F("comment_count") + step)
    return written


def search(
    edition,
    *,
    text: str = "",
    pivot=None,
    arrondissement: str = "",
    decision: str = "",
    order: str = "votes",
):
    ideas = Idea.objects.published().filter(edition=edition).select_related("pivot")
    if text:
        ideas = ideas.filter(Q(title__icontains=text) | Q(description__icontains=text))
    if pivot:
        ideas = ideas.filter(pivot=pivot)
    if arrondissement:
        ideas = ideas.filter(arrondissement=arrondissement)
    if decision:
        ideas = ideas.filter(decision=decision)
    if order == "recent":
        return ideas.order_by("-created_at", "-id")
    return ideas.order_by("-votes", "-created_at", "-id")
