"""E-mails about meeting requests, in the recipient's lounge language, sent after commit.

received → the target (with the message and a link to answer); accepted,
mutual, declined, expired → the requester.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from core.mail import Story, compose, send_logged
from matchmaking.models import MeetingRequest
from registration.emails import edition_dates

TO_TARGET = frozenset({"received"})


def _absolute(name: str) -> str:
    return settings.SITE_URL + reverse(name)


def _names(request: MeetingRequest, recipient) -> dict:
    other = request.other_side(recipient)
    return {
        "name": other.display_name,
        "organisation": other.organisation,
        "lounge": request.lounge.name,
        "date": formats.date_format(timezone.localtime(request.expires_at), "DATETIME_FORMAT"),
    }


def _with_message(paragraphs: list[str], intro: str, text: str) -> list[str]:
    return [*paragraphs, f"{intro}\n{text}"] if text.strip() else paragraphs


def _received(request: MeetingRequest, names: dict) -> Story:
    paragraphs = [
        _("%(name)s (%(organisation)s) would like to meet you in the %(lounge)s.") % names,
    ]
    if request.challenge_id:
        paragraphs.append(
            _("It is about your innovation challenge “%(title)s”.") % {"title": request.challenge}
        )
    paragraphs = _with_message(paragraphs, _("Their message:"), request.message)
    paragraphs.append(
        _("Please accept or decline by %(date)s; after that, the request expires.") % names
    )
    return Story(
        subject=_("%(name)s would like to meet you in the %(lounge)s") % names,
        paragraphs=paragraphs,
        link_label=_("Answer the request"),
        link_url=_absolute("matchmaking:requests"),
    )


def _accepted(request: MeetingRequest, names: dict, *, mutual: bool) -> Story:
    first = (
        _("%(name)s (%(organisation)s) also asked to meet you, so you both want this meeting.")
        if mutual
        else _("%(name)s (%(organisation)s) has accepted your request for a meeting.")
    )
    paragraphs = _with_message([first % names], _("Their message:"), request.answer)
    paragraphs.append(
        _(
            "The organisers place the accepted meetings on the lounge's tables and times; "
            "you will find yours, with its table number, in your meetings agenda."
        )
    )
    return Story(
        subject=_("%(name)s will meet you in the %(lounge)s") % names,
        paragraphs=paragraphs,
        link_label=_("My meeting requests"),
        link_url=_absolute("matchmaking:requests"),
    )


def _declined(request: MeetingRequest, names: dict) -> Story:
    paragraphs = [_("%(name)s (%(organisation)s) has declined your request for a meeting.") % names]
    paragraphs = _with_message(paragraphs, _("Their message:"), request.answer)
    paragraphs.append(_("Your suggestions list other participants you may want to meet."))
    return Story(
        subject=_("Your meeting request to %(name)s") % names,
        paragraphs=paragraphs,
        link_label=_("See my suggestions"),
        link_url=_absolute("matchmaking:suggestions"),
    )


def _expired(request: MeetingRequest, names: dict) -> Story:
    return Story(
        subject=_("Your meeting request to %(name)s has expired") % names,
        paragraphs=[
            _(
                "%(name)s (%(organisation)s) did not answer your request for a meeting by "
                "%(date)s, so it has expired. It no longer counts among your requests."
            )
            % names,
            _("Your suggestions list other participants you may want to meet."),
        ],
        link_label=_("See my suggestions"),
        link_url=_absolute("matchmaking:suggestions"),
    )


def story(request: MeetingRequest, what: str, recipient) -> Story:
    names = _names(request, recipient)
    if what == "received":
        return _received(request, names)
    if what in ("accepted", "mutual"):
        return _accepted(request, names, mutual=what == "mutual")
    if what == "declined":
        return _declined(request, names)
    return _expired(request, names)


def notify(request_id: int, what: str) -> bool | None:
    """E-mail the person `what` concerns; False when the mail server refused, None
    when there is nobody to tell (no address): the outbox retries only a refusal."""
    request = MeetingRequest.objects.select_related(
        "lounge__edition", "requester__user", "target__user", "challenge"
    ).get(pk=request_id)
    recipient = request.target if what in TO_TARGET else request.requester
    if not recipient.user.email:
        return None
    edition = request.lounge.edition
    with translation.override(recipient.language), timezone.override(edition.tz):
        told = story(request, what, recipient)
        told.greeting_name = recipient.display_name
        told.signature = [edition.name, edition_dates(edition), f"{edition.venue}, {edition.city}"]
        message = compose(told, to=recipient.user.email, language=recipient.language)
    return send_logged(message, request=request_id, what=what)
