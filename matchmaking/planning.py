"""From the lounge's database to the scheduler and back: build the problem, run, publish.

`run_scheduler` reads the lounge (active participants, their caps and free
slots, open tables, accepted requests) into a `scheduler.Problem`, solves it
and stores the proposal in a `SchedulerRun` — with what could not be placed
and why — without touching the published meetings. `publish` applies one
run's proposal in one transaction, and in it owes an e-mail (core.outbox) to
each side of every new, moved and cancelled meeting, sent after the commit.

Scheduler ids are the database's with a letter in front: `p12` (profile),
`s3` (slot), `t4` (table). A slot that has started is in the past: no new
meeting goes there, and the meetings published there happened, so they stay
as they are, even when staff start afresh or someone has left since.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import outbox
from core.errors import RuleError
from matchmaking import reasons, scheduler
from matchmaking.availability import unavailable_slots
from matchmaking.models import (
    Lounge,
    LoungeTable,
    Meeting,
    MeetingRequest,
    MeetingSide,
    SchedulerRun,
)
from matchmaking.requests import expire_requests

Status = MeetingRequest.Status
MAX_TIME_LIMIT = 25  # seconds: a run happens inside the staff member's request
# A published meeting stands on its request unless someone said no.
STILL_WANTED = (Status.ACCEPTED, Status.PENDING, Status.EXPIRED)


class PublishError(RuleError):
    """A proposal that cannot be published; `message` is translated, `code` is for machines."""


def pid(pk: int) -> str:
    return f"p{pk}"


def sid(pk: int) -> str:
    return f"s{pk}"


def tid(pk: int) -> str:
    return f"t{pk}"


def db_id(scheduler_id: str) -> int:
    return int(scheduler_id[1:])


@dataclass
class Plan:
    """The problem, and how to find the database rows behind its ids."""

    problem: scheduler.Problem
    requests: dict[frozenset[str], MeetingRequest]  # by pair of profile ids
    published: list[Meeting]
    # Requests the scheduler does not see because a side no longer takes part.
    excluded: list[MeetingRequest] = field(default_factory=list)
    started: set[int] = field(default_factory=set)  # ids of slots that have started

    def kept_meetings(self, *, keep_published: bool) -> list[scheduler.Meeting]:
        """Published meetings to keep: all of them, or (afresh) only those already begun."""
        return [
            scheduler.Meeting(
                pid(m.request.requester_id),
                pid(m.request.target_id),
                sid(m.slot_id),
                tid(m.table_id),
            )
            for m in self.published
            if keep_published or m.slot_id in self.started
        ]


def _problem_slots(lounge: Lounge, slots, started: set[int]) -> tuple[scheduler.Slot, ...]:
    """Each slot with its open tables; in a slot that has started, what happened stays:
    a table closed afterwards does not move the meeting held there."""
    tables = list(lounge.tables.all())
    closed = set(
        LoungeTable.closed_slots.through.objects.filter(loungetable__lounge=lounge).values_list(
            "loungetable_id", "loungeslot_id"
        )
    )
    return tuple(
        scheduler.Slot(
            sid(s.pk),
            tuple(tid(t.pk) for t in tables if s.pk in started or (t.pk, s.pk) not in closed),
        )
        for s in slots
    )


def _wanted_requests(lounge: Lounge, *, include_unanswered: bool, now: datetime, held: set):
    wanted = (
        Q(status=Status.ACCEPTED)
        | Q(meeting__status=Meeting.Status.PUBLISHED, status__in=STILL_WANTED)
        | Q(pk__in=held)
    )
    if include_unanswered:
        wanted |= Q(status=Status.PENDING, expires_at__gt=now)
    return lounge.requests.filter(wanted).select_related("requester", "target").order_by("pk")


@dataclass
class _Past:
    """The published meetings whose slot has started: they happened, they stay."""

    held: set[int]  # request ids
    busy: set[tuple[int, int]]  # (profile id, slot id)
    count: Counter

    @classmethod
    def of(cls, published: list[Meeting], started: set[int]) -> "_Past":
        past = [m for m in published if m.slot_id in started]
        sides = [
            (p, m.slot_id) for m in past for p in (m.request.requester_id, m.request.target_id)
        ]
        return cls({m.request_id for m in past}, set(sides), Counter(p for p, _ in sides))


def _participant(profile, slots, started, blocked, past: _Past, lounge) -> scheduler.Participant:
    """Free in the slots to come they have not blocked (if still taking part), and in a
    slot that has started only where they held a meeting; their cap counts those."""
    available = frozenset(
        sid(s.pk)
        for s in slots
        if (s.pk in started and (profile.pk, s.pk) in past.busy)
        or (s.pk not in started and profile.is_active and s.pk not in blocked[profile.pk])
    )
    cap = max(min(profile.max_meetings, lounge.max_meetings), past.count[profile.pk])
    return scheduler.Participant(pid(profile.pk), available, cap)


def gather(lounge: Lounge, *, include_unanswered: bool = False, now=None) -> Plan:
    """Read the lounge into a scheduler problem."""
    now = now or timezone.now()
    slots = list(lounge.slots.all())
    started = {s.pk for s in slots if s.starts_at <= now}
    published = list(
        lounge.meetings.published().select_related("request", "slot", "table").order_by("pk")
    )
    published.sort(key=lambda m: m.slot_id not in started)  # held ones are kept first
    past = _Past.of(published, started)
    profiles = list(
        lounge.profiles.filter(Q(is_active=True) | Q(pk__in=past.count)).select_related("user")
    )
    blocked = unavailable_slots(profiles, slots, lounge)
    participants = tuple(_participant(p, slots, started, blocked, past, lounge) for p in profiles)
    by_pair, excluded = {}, []
    wanted = _wanted_requests(
        lounge, include_unanswered=include_unanswered, now=now, held=past.held
    )
    for request in wanted:
        both_in = request.requester.is_active and request.target.is_active
        if both_in or request.pk in past.held:
            by_pair[frozenset((pid(request.requester_id), pid(request.target_id)))] = request
        else:
            excluded.append(request)
    problem_requests = tuple(
        scheduler.Request(pid(r.requester_id), pid(r.target_id), r.weight) for r in by_pair.values()
    )
    problem = scheduler.Problem(
        _problem_slots(lounge, slots, started), participants, problem_requests, name=str(lounge)
    )
    return Plan(problem, by_pair, published, excluded, started)


def build_problem(lounge: Lounge, *, include_unanswered: bool = False) -> scheduler.Problem:
    return gather(lounge, include_unanswered=include_unanswered).problem


# Running


def _entry(key: str, pk: int, code: str, people=()) -> dict:
    return {key: pk, "reason": code, "people": [db_id(p) for p in people]}


def _inactive_sides(request: MeetingRequest) -> list[str]:
    return [pid(p.pk) for p in (request.requester, request.target) if not p.is_active]


def _why_not_kept(plan: Plan, result: scheduler.Schedule, meeting: Meeting, keep_published: bool):
    """(code, people) for a published meeting the proposal does not keep as it is."""
    excluded = {r.pk: r for r in plan.excluded}
    if meeting.request_id in excluded:
        return reasons.INACTIVE, _inactive_sides(excluded[meeting.request_id])
    pair = frozenset((pid(meeting.request.requester_id), pid(meeting.request.target_id)))
    if pair not in plan.requests:
        return scheduler.NO_REQUEST, ()
    for m, reason in result.dropped_keep:
        if m.pair == pair:
            code = reasons.CAP_LOWERED if reason.code == scheduler.CAP_REACHED else reason.code
            return code, reason.people
    if not keep_published and meeting.slot_id not in plan.started:
        unplaced = {u.request.pair: u.reason for u in result.unplaced}
        reason = unplaced.get(pair)
        return (reasons.AFRESH, ()) if reason is None else (reason.code, reason.people)
    return reasons.TABLE_CLOSED, ()  # kept at its time, but its table closed meanwhile


def _dropped(plan: Plan, result: scheduler.Schedule, placed: dict, keep_published: bool):
    out = []
    for meeting in plan.published:
        if placed.get(meeting.request_id) != (meeting.slot_id, meeting.table_id):
            code, people = _why_not_kept(plan, result, meeting, keep_published)
            out.append(_entry("meeting", meeting.pk, code, people))
    return out


def run_scheduler(
    lounge: Lounge,
    *,
    by,
    time_limit: float = 20,
    keep_published: bool = True,
    include_unanswered: bool = False,
    now: datetime | None = None,
) -> SchedulerRun:
    """Solve the lounge as it is now and store the proposal; publishes nothing.
    `now` (default: the present) decides which slots have started; the demo loader
    plays its past edition with the times it had."""
    now = now or timezone.now()
    expire_requests(lounge, now=now)  # unanswered past their date: expired, senders told
    plan = gather(lounge, include_unanswered=include_unanswered, now=now)
    time_limit = max(1, min(time_limit, MAX_TIME_LIMIT))
    keep = plan.kept_meetings(keep_published=keep_published)
    result = scheduler.schedule(plan.problem, time_limit=time_limit, keep=keep)
    published_at = {m.request_id: (m.slot_id, m.table_id) for m in plan.published}
    proposal, placed = [], {}
    for m in result.meetings:
        request = plan.requests[m.pair]
        placed[request.pk] = (db_id(m.slot), db_id(m.table))
        kept = published_at.get(request.pk) == placed[request.pk]
        proposal.append(
            {"request": request.pk, "slot": db_id(m.slot), "table": db_id(m.table), "kept": kept}
        )
    unplaced = [
        _entry("request", plan.requests[u.request.pair].pk, u.reason.code, u.reason.people)
        for u in result.unplaced
    ]
    for request in plan.excluded:
        unplaced.append(_entry("request", request.pk, reasons.INACTIVE, _inactive_sides(request)))
    return SchedulerRun.objects.create(
        lounge=lounge,
        by=by,
        started_at=now,
        seconds=result.seconds,
        time_limit=time_limit,
        keep_published=keep_published,
        include_unanswered=include_unanswered,
        status=result.status,
        solver=result.solver,
        value=result.value,
        bound=result.bound,
        proposal=proposal,
        unplaced=unplaced,
        dropped=_dropped(plan, result, placed, keep_published),
    )


# Publishing


@dataclass
class Publication:
    run: SchedulerRun
    added: list[int] = field(default_factory=list)  # meeting ids
    kept: list[int] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)


def _refuse_if_stale(run: SchedulerRun, plan: Plan, by, now) -> None:
    stale = _("This proposal is out of date: run the scheduler again, then publish.")
    if SchedulerRun.objects.filter(lounge_id=run.lounge_id, pk__gt=run.pk).exists():
        raise PublishError(stale, "newer_run")
    taken = SchedulerRun.objects.filter(pk=run.pk, published_at__isnull=True)
    if not taken.update(published_at=now, published_by=by):
        raise PublishError(_("This proposal has already been published."), "already_published")
    if _published_since(run, plan) or _proposal_problem(run, plan):
        raise PublishError(stale, "changed")


def _published_since(run: SchedulerRun, plan: Plan) -> bool:
    """Whether the published meetings are not those the run saw: each one it saw is
    either kept where it was or listed as dropped, and nothing else is published."""
    kept = {(e["request"], e["slot"], e["table"]) for e in run.proposal if e["kept"]}
    dropped = {e["meeting"] for e in run.dropped}
    now = {(m.request_id, m.slot_id, m.table_id) for m in plan.published if m.pk not in dropped}
    return now != kept or len(dropped) + len(kept) != len(plan.published)


def _proposal_problem(run: SchedulerRun, plan: Plan) -> bool:
    """Whether the lounge changed so that the proposal breaks a rule now."""
    requests = {r.pk: r for r in plan.requests.values()}
    people = {p.id: p for p in plan.problem.participants}
    tables = {s.id: set(s.tables) for s in plan.problem.slots}
    count = Counter()
    for entry in run.proposal:
        request = requests.get(entry["request"])
        slot, table = sid(entry["slot"]), tid(entry["table"])
        if request is None or table not in tables.get(slot, ()):
            return True
        for profile_id in (pid(request.requester_id), pid(request.target_id)):
            count[profile_id] += 1
            if slot not in people[profile_id].available:
                return True
    return any(n > people[p].max_meetings for p, n in count.items())


def publish(run: SchedulerRun, *, by, now: datetime | None = None) -> Publication:
    """Apply the proposal: new meetings, kept ones, moved ones, cancelled ones."""
    try:
        with transaction.atomic():
            now = now or timezone.now()
            lounge = Lounge.objects.select_for_update().get(pk=run.lounge_id)
            plan = gather(lounge, include_unanswered=run.include_unanswered, now=now)
            _refuse_if_stale(run, plan, by, now)
            publication = _apply(run, plan, now)
    except IntegrityError as refused:  # someone double-booked meanwhile: the database said no
        raise PublishError(
            _("The meetings changed meanwhile: run the scheduler again, then publish."), "changed"
        ) from refused
    run.refresh_from_db()
    return publication


def _apply(run: SchedulerRun, plan: Plan, now) -> Publication:
    proposal = {e["request"]: (e["slot"], e["table"]) for e in run.proposal}
    why = {e["meeting"]: e for e in run.dropped}
    publication = Publication(run)
    moving, old_places = [], {}
    for meeting in plan.published:
        place = proposal.get(meeting.request_id)
        if place == (meeting.slot_id, meeting.table_id):
            publication.kept.append(meeting.pk)
            continue
        old_places[meeting.pk] = (meeting.slot_id, meeting.table_id)
        (moving if place else publication.cancelled).append(meeting.pk)
    # Free the seats first, so a swap of two meetings never meets itself.
    Meeting.objects.filter(pk__in=moving + publication.cancelled).update(
        status=Meeting.Status.CANCELLED, cancelled_at=now
    )
    MeetingSide.objects.filter(meeting__in=moving + publication.cancelled).update(is_active=False)
    for pk in publication.cancelled:
        code = why.get(pk, {}).get("reason", reasons.AFRESH)
        Meeting.objects.filter(pk=pk).update(cancel_reason=code)
    kept = set(publication.kept)
    requests = {r.pk: r for r in plan.requests.values()}
    earlier = {m.request_id: m for m in Meeting.objects.filter(request_id__in=proposal)}
    for request_id, (slot_id, table_id) in proposal.items():
        meeting = earlier.get(request_id)
        if meeting is not None and meeting.pk in kept:
            continue
        meeting = _seat(run, meeting, requests[request_id], slot_id, table_id, now)
        (publication.moved if meeting.pk in old_places else publication.added).append(meeting.pk)
    _owe_emails(publication, old_places, why)
    return publication


def _seat(run, meeting: Meeting | None, request: MeetingRequest, slot_id, table_id, now):
    """Publish one meeting at its place: a new one, or a moved or earlier cancelled one."""
    fields = {"slot_id": slot_id, "table_id": table_id, "run": run, "published_at": now}
    if meeting is None:
        meeting = Meeting.objects.create(lounge_id=run.lounge_id, request=request, **fields)
    else:
        Meeting.objects.filter(pk=meeting.pk).update(
            status=Meeting.Status.PUBLISHED, cancelled_at=None, cancel_reason="", **fields
        )
    for profile_id in (request.requester_id, request.target_id):
        MeetingSide.objects.update_or_create(
            meeting=meeting,
            profile_id=profile_id,
            defaults={"slot_id": slot_id, "is_active": True},
        )
    return meeting


def _owe_emails(publication: Publication, old_places: dict, why: dict) -> None:
    """One owed e-mail per side of every meeting added, moved or cancelled, written in
    the publishing transaction: a worker that dies before or while sending them
    leaves the rest to `send_outbox`, and nobody is told the same thing twice."""
    changed = publication.added + publication.moved + publication.cancelled
    sides = {
        pk: (requester, target)
        for pk, requester, target in Meeting.objects.filter(pk__in=changed).values_list(
            "pk", "request__requester_id", "request__target_id"
        )
    }

    def tell_both(pk: int, what: str, **details) -> None:
        for profile_id in sides[pk]:
            outbox.owe("matchmaking.meeting_status", pk, profile_id, what, **details)

    for pk in publication.added:
        tell_both(pk, "added")
    for pk in publication.moved:
        old_slot, old_table = old_places[pk]
        tell_both(pk, "moved", old_slot=old_slot, old_table=old_table)
    for pk in publication.cancelled:
        tell_both(pk, "cancelled", people=list(why.get(pk, {}).get("people", ())))
