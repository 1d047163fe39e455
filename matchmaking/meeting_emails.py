"""E-mails to both sides of a lounge meeting when it is published, moved or cancelled.

Each side reads it in their own language (`Profile.language`) with times in
the edition's time zone: when, which table, with whom, and the meeting as an
.ics file. planning.publish owes one e-mail per side through core.outbox
("matchmaking.meeting_status", which is `tell_side`), so each person is told once
even when the worker dies after the commit or halfway through the sides.
"""

from collections.abc import Sequence

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.mail import Story, compose, send_logged
from matchmaking import calendar, reasons
from matchmaking.models import LoungeSlot, LoungeTable, Meeting, Profile

WHAT = ("added", "moved", "cancelled")


def _subject(what: str, counterpart: Profile) -> str:
    names = {"organisation": counterpart.organisation}
    if what == "added":
        return _("Your meeting with %(organisation)s") % names
    if what == "moved":
        return _("Your meeting with %(organisation)s has moved") % names
    return _("Your meeting with %(organisation)s is cancelled") % names


def _place(meeting) -> str:
    return _("%(when)s, %(table)s") % {
        "when": calendar.when(meeting),
        "table": calendar.table_words(meeting),
    }


def _paragraphs(what: str, meeting: Meeting, counterpart: Profile, *, before, why) -> list[str]:
    names = {
        "name": counterpart.display_name,
        "organisation": counterpart.organisation,
        "lounge": meeting.lounge.name,
    }
    if what == "cancelled":
        return [
            _("Your meeting with %(name)s (%(organisation)s) in the %(lounge)s is cancelled.")
            % names,
            _("It was planned for %(place)s.") % {"place": _place(meeting)},
            why,
        ]
    details = [
        _("When: %(when)s") % {"when": calendar.when(meeting)},
        _("Where: %(table)s, %(lounge)s") % {**names, "table": calendar.table_words(meeting)},
        _("With: %(name)s (%(organisation)s)") % names,
    ]
    if what == "moved":
        first = _("Your meeting with %(name)s (%(organisation)s) has moved.") % names
        earlier = _("It was planned for %(place)s.") % {"place": _place(before)}
        return [first, earlier, *details]
    first = _("You have a meeting in the %(lounge)s with %(name)s (%(organisation)s).") % names
    return [first, *details, _("The meeting is attached as a calendar file.")]


def _before(meeting: Meeting, old_slot: int | None, old_table: int | None):
    """The meeting as it was: its former slot and table."""
    if old_slot is None:
        return None
    former = Meeting(pk=meeting.pk, lounge=meeting.lounge, request=meeting.request)
    former.slot = LoungeSlot.objects.get(pk=old_slot)
    former.table = LoungeTable.objects.get(pk=old_table)
    return former


def tell_side(
    meeting_id: int,
    profile_id: int,
    what: str,
    *,
    old_slot: int | None = None,
    old_table: int | None = None,
    people: Sequence[int] = (),
) -> bool | None:
    """E-mail one side of the meeting what happened to it (`what` is one of WHAT);
    False when the mail server refused, None when they have no address to write to."""
    meeting = Meeting.objects.select_related(
        "slot", "table", "lounge__edition", "request__requester__user", "request__target__user"
    ).get(pk=meeting_id)
    request = meeting.request
    profile = request.requester if profile_id == request.requester_id else request.target
    if not profile.user.email:
        return None
    before = _before(meeting, old_slot, old_table)
    who = {p.pk: p.organisation for p in Profile.objects.filter(pk__in=people)}
    return _tell(meeting, profile, what, before=before, who=who)


def _tell(meeting: Meeting, profile: Profile, what: str, *, before, who) -> bool:
    edition = meeting.lounge.edition
    counterpart = meeting.request.other_side(profile)
    with translation.override(profile.language), timezone.override(edition.tz):
        why = reasons.explain(meeting.cancel_reason, list(who.values()))
        cancelled = what == "cancelled"
        story = Story(
            subject=_subject(what, counterpart),
            paragraphs=_paragraphs(what, meeting, counterpart, before=before, why=why),
            greeting_name=profile.display_name,
            link_label=_("My meetings"),
            link_url=settings.SITE_URL + reverse("matchmaking:agenda"),
            signature=[edition.name, ", ".join(p for p in (edition.venue, edition.city) if p)],
            attachments=[
                (
                    "meeting.ics",
                    calendar.meeting_ics(meeting, profile=profile, cancelled=cancelled),
                    "text/calendar",
                )
            ],
        )
        message = compose(story, to=profile.user.email, language=profile.language)
    return send_logged(message, meeting=meeting.pk, what=what, profile=profile.pk)
