"""The ideas board: citizens propose ideas for their city, vote and comment; the
organiser answers in public (under study, adopted, not retained); moderators hide
what breaks the rules. The open-data export holds no personal data.
"""

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community.errors import CommunityError
from community.models import Idea, IdeaComment, IdeaVote
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
        written = IdeaComment.objects.create(idea=idea, text=text, author_name=author_name,
                                             written_by=voter)
        Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + 1)
    return written


def decide(idea: Idea, *, decision: str, answer: str) -> Idea:
    idea.decision, idea.answer = decision, answer
    idea.answered_at = timezone.now() if answer or decision != Idea.Decision.PROPOSED else None
    idea.save(update_fields=["decision", "answer", "answered_at"])
    return idea


def set_hidden(idea: Idea, hidden: bool) -> Idea:
    idea.is_hidden = hidden
    idea.save(update_fields=["is_hidden"])
    return idea


def set_comment_hidden(written: IdeaComment, hidden: bool) -> IdeaComment:
    if written.is_hidden != hidden:
        with transaction.atomic():
            written.is_hidden = hidden
            written.save(update_fields=["is_hidden"])
            step = -1 if hidden else 1
            Idea.objects.filter(pk=written.idea_id).update(comment_count=F("comment_count") + step)
    return written


def search(edition, *, text: str = "", pivot=None, arrondissement: str = "", decision: str = "",
           order: str = "votes"):
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
