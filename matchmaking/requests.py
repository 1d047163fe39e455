"""Meeting requests: send, accept, decline, withdraw, expire.

Rules: nobody asks themselves; the other side is taking part; the lounge takes
requests; one request per pair, either way round (a unique constraint), so
asking someone whose own request to you awaits your answer accepts theirs as
mutual; at most `lounge.max_requests` of one's requests await an answer or are
accepted; accepting holds both people within their `max_meetings`. Requests
left unanswered past `expires_at` count as expired everywhere and
`expire_requests` makes it so in the database, telling the requester.

Caps hold under concurrency: each service locks both people's profile rows
(`select_for_update`, in id order so two services never wait on each other)
before counting, then the request row; on SQLite every write transaction
takes the database lock when it begins (BEGIN IMMEDIATE). E-mails leave after
the commit, in each person's language (`matchmaking.notifications`).
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import outbox
from core.errors import RuleError
from matchmaking.models import Challenge, Lounge, MeetingRequest, Profile

Status = MeetingRequest.Status
Priority = MeetingRequest.Priority


class RequestError(RuleError):
    """A rule refused the change; `message` is translated, `code` is for machines."""


def is_awaiting_answer(request: MeetingRequest, now: datetime | None = None) -> bool:
    return request.status == Status.PENDING and request.expires_at > (now or timezone.now())


def shown_status(request: MeetingRequest, now: datetime | None = None) -> str:
    """The status as people see it: a pending request past its date is expired."""
    if request.status == Status.PENDING and not is_awaiting_answer(request, now):
        return Status.EXPIRED
    return request.status


def may_ask(request: MeetingRequest | None, me: Profile, now: datetime | None = None) -> bool:
    """Whether `me` may send a new request to the other side of `request` (the one
    request between us, if any): not while it awaits an answer or is accepted, nor
    after they declined mine; yes once it expired or was withdrawn."""
    if request is None:
        return True
    if request.status == Status.ACCEPTED or is_awaiting_answer(request, now):
        return False
    return not (request.status == Status.DECLINED and request.requester_id == me.pk)


def _notify(request: MeetingRequest, what: str) -> None:
    outbox.owe("matchmaking.request_status", request.pk, what)


def _lock(*profile_ids: int) -> dict[int, Profile]:
    """Lock the profiles' rows, in id order; return them fresh, by id."""
    return {pk: Profile.objects.select_for_update().get(pk=pk) for pk in sorted(set(profile_ids))}


def _when(moment: datetime, lounge: Lounge) -> str:
    with timezone.override(lounge.edition.tz):
        return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _check_request_cap(me: Profile, lounge: Lounge, now: datetime) -> None:
    open_requests = MeetingRequest.objects.filter(requester=me).filter(
        Q(status=Status.ACCEPTED) | Q(status=Status.PENDING, expires_at__gt=now)
    )
    if open_requests.count() >= lounge.max_requests:
        raise RequestError(
            ngettext(
                "You already have %(count)s request awaiting an answer or accepted, the most "
                "this lounge allows. Withdraw it, or wait until it is declined or expires.",
                "You already have %(count)s requests awaiting an answer or accepted, the most "
                "this lounge allows. Withdraw one, or wait until one is declined or expires.",
                lounge.max_requests,
            )
            % {"count": lounge.max_requests},
            "request_cap",
        )


def _check_meeting_caps(acceptor: Profile, other: Profile) -> None:
    for person in (acceptor, other):
        held = MeetingRequest.objects.accepted().involving(person).count()
        if held < person.max_meetings:
            continue
        if person is acceptor:
            raise RequestError(
                _(
                    "You already have %(count)s accepted meetings, as many as your profile says "
                    "you can hold. Decline this request, or raise your limit in your profile."
                )
                % {"count": held},
                "meeting_cap",
            )
        raise RequestError(
            _("%(name)s already has as many accepted meetings as they can hold.")
            % {"name": person.display_name},
            "their_meeting_cap",
        )


def _check_challenge(challenge: Challenge | None, target: Profile) -> None:
    if challenge is not None and (challenge.profile_id != target.pk or not challenge.is_published):
        raise RequestError(_("Choose one of their published challenges."), "challenge")


def _accept(request, *, acceptor, other, priority, message, now, mutual=False) -> MeetingRequest:
    _check_meeting_caps(acceptor, other)
    request.status = Status.ACCEPTED
    request.target_priority = priority
    request.is_mutual = mutual
    request.answer = message
    request.answered_at = now
    request.save()
    _notify(request, "mutual" if mutual else "accepted")
    return request


def _refuse_existing(request: MeetingRequest, me: Profile, lounge: Lounge, now) -> None:
    """Say why there cannot be a second request; return when the row may be reused
    (expired or withdrawn, or declined by me)."""
    if request.status == Status.ACCEPTED:
        raise RequestError(_("You have both agreed to meet already."), "accepted")
    if is_awaiting_answer(request, now):  # mine: theirs to me is accepted as mutual
        raise RequestError(
            _("You have already asked them. They have until %(date)s to answer.")
            % {"date": _when(request.expires_at, lounge)},
            "pending",
        )
    if request.status == Status.DECLINED and request.requester_id == me.pk:
        raise RequestError(_("They have declined your request for a meeting."), "declined")


def send_request(
    requester: Profile,
    *,
    target: Profile,
    message: str = "",
    priority: int = Priority.WANT,
    challenge: Challenge | None = None,
    now: datetime | None = None,
) -> MeetingRequest:
    """Ask `target` for a meeting; if they asked first and await my answer, accept
    theirs as mutual instead. Returns the request, `is_mutual` telling which."""
    now = now or timezone.now()
    lounge = requester.lounge
    if requester.pk == target.pk:
        raise RequestError(_("You cannot ask yourself for a meeting."), "self")
    if target.lounge_id != lounge.pk:
        raise RequestError(_("This participant is not in your lounge."), "other_lounge")
    if not lounge.takes_requests(now):
        raise RequestError(_("The lounge no longer takes meeting requests."), "closed")
    with transaction.atomic():
        locked = _lock(requester.pk, target.pk)
        me, them = locked[requester.pk], locked[target.pk]
        if not me.is_active:
            raise RequestError(
                _("You are not taking part at the moment: switch it on in your profile first."),
                "inactive_self",
            )
        if not them.is_active:
            raise RequestError(_("This participant is not taking part at the moment."), "inactive")
        low, high = sorted((me.pk, them.pk))
        existing = (
            MeetingRequest.objects.select_for_update()
            .filter(lounge=lounge, pair_low=low, pair_high=high)
            .first()
        )
        if existing and existing.requester_id == them.pk and is_awaiting_answer(existing, now):
            return _accept(
                existing, acceptor=me, other=them, priority=priority, message=message, now=now,
                mutual=True,
            )  # fmt: skip
        if existing:
            _refuse_existing(existing, me, lounge, now)
        _check_request_cap(me, lounge, now)
        _check_challenge(challenge, them)
        request = existing or MeetingRequest(lounge=lounge)
        request.requester, request.target, request.challenge = me, them, challenge
        request.message, request.requester_priority = message, priority
        request.target_priority, request.is_mutual, request.answer = None, False, ""
        request.status, request.created_at, request.answered_at = Status.PENDING, now, None
        request.expires_at = now + timedelta(days=lounge.request_days)
        request.save()
        _notify(request, "received")
    return request


def _locked_request(request: MeetingRequest) -> tuple[MeetingRequest, dict[int, Profile]]:
    """Lock both people's rows, then the request's; return it fresh, with the people."""
    people = _lock(request.requester_id, request.target_id)
    return MeetingRequest.objects.select_for_update().get(pk=request.pk), people


def _check_answerable(request: MeetingRequest, *, by: Profile, side: str, now) -> None:
    if getattr(request, f"{side}_id") != by.pk:
        raise RequestError(_("This request is not yours to answer."), "not_yours")
    if request.status != Status.PENDING:
        raise RequestError(
            _("This request is no longer awaiting an answer: it is %(status)s.")
            % {"status": request.get_status_display()},
            "not_pending",
        )
    if not is_awaiting_answer(request, now):
        raise RequestError(_("This request has expired: it was not answered in time."), "expired")


def accept_request(
    request: MeetingRequest,
    *,
    by: Profile,
    priority: int = Priority.WANT,
    message: str = "",
    now: datetime | None = None,
) -> MeetingRequest:
    """The target says yes, with their own priority for the meeting."""
    now = now or timezone.now()
    with transaction.atomic():
        request, people = _locked_request(request)
        _check_answerable(request, by=by, side="target", now=now)
        acceptor, other = people[request.target_id], people[request.requester_id]
        return _accept(
            request, acceptor=acceptor, other=other, priority=priority, message=message, now=now
        )


@transaction.atomic
def decline_request(
    request: MeetingRequest, *, by: Profile, message: str = "", now: datetime | None = None
) -> MeetingRequest:
    now = now or timezone.now()
    request, _people = _locked_request(request)
    _check_answerable(request, by=by, side="target", now=now)
    request.status = Status.DECLINED
    request.answer = message
    request.answered_at = now
    request.save()
    _notify(request, "declined")
    return request


@transaction.atomic
def withdraw_request(
    request: MeetingRequest, *, by: Profile, now: datetime | None = None
) -> MeetingRequest:
    now = now or timezone.now()
    request, _people = _locked_request(request)
    _check_answerable(request, by=by, side="requester", now=now)
    request.status = Status.CANCELLED
    request.answered_at = now
    request.save()
    return request


def expire_requests(lounge: Lounge | None = None, *, now: datetime | None = None) -> int:
    """Mark the requests left unanswered past their date as expired, and tell each
    requester. Returns how many expired."""
    now = now or timezone.now()
    due = MeetingRequest.objects.filter(status=Status.PENDING, expires_at__lte=now)
    if lounge is not None:
        due = due.filter(lounge=lounge)
    with transaction.atomic():
        ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True))
        MeetingRequest.objects.filter(pk__in=ids, status=Status.PENDING).update(
            status=Status.EXPIRED
        )
        for pk in ids:
            outbox.owe("matchmaking.request_status", pk, "expired")
    return len(ids)
