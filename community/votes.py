"""One vote per person on a question or an idea, whatever the concurrency.

The vote row and the counter change in one transaction: the row's unique
(thing, voter) pair refuses a second vote, and the counter is raised by an UPDATE
that the database applies one at a time, so 300 people pressing at once give 300
votes, never 299 or 301.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from community.errors import CommunityError


def count_vote(thing, vote_model, *, voter: str, **row) -> None:
    """Record `voter`'s vote on `thing` (a Question or an Idea) and raise its counter."""
    try:
        with transaction.atomic():
            vote_model.objects.create(voter=voter, **row)
            type(thing).objects.filter(pk=thing.pk).update(votes=F("votes") + 1)
    except IntegrityError:
        raise CommunityError(_("You have already voted for this."), "already_voted") from None
    thing.refresh_from_db(fields=["votes"])


def note_refused(thing) -> None:
    """Count a vote on `thing` (a Question, an Idea or a Poll) that was not counted,
    for the moderators: one UPDATE, whatever the concurrency."""
    type(thing).objects.filter(pk=thing.pk).update(refused_votes=F("refused_votes") + 1)
