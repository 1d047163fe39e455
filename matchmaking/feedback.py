"""What each side says after a meeting: did it take place, what does it lead to.

Only the two people of a meeting answer, each for their own side, once the
meeting's slot has started; they may change their answer later. The side
records when it was last answered (`answered_at`); who answered is the side's
own person, checked here.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import RuleError
from matchmaking.models import Meeting, MeetingSide

FollowUp = MeetingSide.FollowUp


class FeedbackError(RuleError):
    """A rule refused the answer; `message` is translated, `code` is for machines."""


def side_for(meeting_id: int, *, user) -> MeetingSide | None:
    """The signed-in person's side of a published meeting, or None if it is not theirs."""
    return (
        MeetingSide.objects.filter(
            meeting_id=meeting_id,
            meeting__status=Meeting.Status.PUBLISHED,
            is_active=True,
            profile__user=user,
        )
        .select_related(
            "meeting__slot",
            "meeting__table",
            "meeting__lounge__edition",
            "meeting__request__requester",
            "meeting__request__target",
            "profile",
        )
        .first()
    )


def check_open(side: MeetingSide, *, now=None) -> None:
    now = now or timezone.now()
    if now < side.meeting.slot.starts_at:
        raise FeedbackError(
            _("You can say how the meeting went once it has started."), "not_started"
        )


def record_feedback(
    side: MeetingSide, *, by, took_place: bool, follow_up: str = "", note: str = "", now=None
) -> MeetingSide:
    """Store one side's answer; a meeting that did not take place leads to nothing."""
    now = now or timezone.now()
    if side.profile.user_id != by.pk:
        raise FeedbackError(_("Only the people of this meeting can answer."), "not_yours")
    check_open(side, now=now)
    if follow_up not in FollowUp.values and follow_up != "":
        raise FeedbackError(_("Choose what the meeting leads to from the list."), "follow_up")
    # One UPDATE, conditional on the meeting still standing (it may be cancelled meanwhile).
    updated = MeetingSide.objects.filter(
        pk=side.pk, is_active=True, meeting__status=Meeting.Status.PUBLISHED
    ).update(
        took_place=took_place,
        follow_up=(follow_up or FollowUp.NONE) if took_place else FollowUp.NONE,
        note=note[:500],
        answered_at=now,
    )
    if not updated:
        raise FeedbackError(_("This meeting has been cancelled."), "cancelled")
    side.refresh_from_db()
    return side
