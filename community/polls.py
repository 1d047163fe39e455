"""Polls of a session: moderators write, open and close them; each person votes once.

A vote counts only while the poll is open: the ballot counter is raised by an
UPDATE that matches open polls only, in the same transaction as the ballot row,
so a vote racing the moderator's "close" is either counted whole or refused.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from community.errors import CommunityError
from community.models import Poll, PollBallot, PollOption
from community.models.polls import MOST_OPTIONS


def create_poll(session, *, question: str, options: list[str], kind: str) -> Poll:
    options = [text for text in options if text]
    if not 2 <= len(options) <= MOST_OPTIONS:
        raise CommunityError(
            _("A poll needs between 2 and %(most)s answers, one per line.")
            % {"most": MOST_OPTIONS},
            "options",
        )
    with transaction.atomic():
        poll = Poll.objects.create(session=session, question=question, kind=kind)
        PollOption.objects.bulk_create(
            PollOption(poll=poll, text=text, position=n) for n, text in enumerate(options)
        )
    return poll


def open_poll(poll: Poll, *, by=None) -> Poll:
    poll.status, poll.opened_at, poll.closed_at = Poll.Status.OPEN, timezone.now(), None
    poll.save(update_fields=["status", "opened_at", "closed_at", "changed_at", *poll.moderated(by)])
    return poll


def close_poll(poll: Poll, *, by=None) -> Poll:
    poll.status, poll.closed_at = Poll.Status.CLOSED, timezone.now()
    poll.save(update_fields=["status", "closed_at", "changed_at", *poll.moderated(by)])
    return poll


def on_screen(session) -> list[Poll]:
    """The polls the room's screen shows: the open ones; when none is open, the one
    closed last, so the room sees its results until the next poll opens."""
    shown = session.polls.prefetch_related("options")
    return list(shown.filter(status=Poll.Status.OPEN)) or list(
        shown.filter(status=Poll.Status.CLOSED).order_by("-closed_at", "-pk")[:1]
    )


def _chosen(poll: Poll, option_ids: list[int]) -> list[PollOption]:
    chosen = list(poll.options.filter(pk__in=set(option_ids)))
    if not chosen or len(chosen) != len(set(option_ids)):
        raise CommunityError(_("Choose an answer of this poll."), "no_choice")
    if poll.kind == Poll.Kind.SINGLE and len(chosen) > 1:
        raise CommunityError(_("Choose one answer only."), "one_choice")
    return chosen


def vote(poll: Poll, *, voter: str, option_ids: list[int]) -> PollBallot:
    chosen = _chosen(poll, option_ids)
    try:
        with transaction.atomic():
            ballot = PollBallot.objects.create(poll=poll, voter=voter)
            if not Poll.objects.filter(pk=poll.pk, status=Poll.Status.OPEN).update(
                ballots=F("ballots") + 1, changed_at=timezone.now()
            ):
                raise CommunityError(_("This poll is not open for votes."), "closed")
            ballot.options.set(chosen)
            PollOption.objects.filter(pk__in=[o.pk for o in chosen]).update(votes=F("votes") + 1)
    except IntegrityError:
        raise CommunityError(_("You have already voted in this poll."), "already_voted") from None
    return ballot


def results(poll: Poll) -> list[dict]:
    """Each answer with its votes and share of the people who voted (0–100)."""
    options = list(poll.options.all())
    return [
        {
            "option": o,
            "votes": o.votes,
            "percent": round(100 * o.votes / poll.ballots) if poll.ballots else 0,
        }
        for o in options
    ]
