"""What the organiser's lounge pages show: the overview, a run compared with what is
published, one sheet per table, and the outcomes of the meetings (with a CSV).

Read-only; each function runs a fixed number of queries whatever the lounge's size.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchmaking import reasons
from matchmaking.models import (
    Lounge,
    LoungeTable,
    Meeting,
    MeetingRequest,
    MeetingSide,
    Profile,
    SchedulerRun,
)
from programme.exports.common import local_iso

FollowUp = MeetingSide.FollowUp
RUNS_SHOWN = 20


def percent(value: int, bound: int | None) -> float | None:
    if bound is None:
        return None
    return 100.0 if bound == 0 else 100.0 * value / bound


def _labelled(choices, counts: dict) -> list[tuple[str, int]]:
    return [(label, counts.get(value, 0)) for value, label in choices]


def _closed_pairs(lounge: Lounge) -> set[tuple[int, int]]:
    """(table id, slot id) of every table closed in a slot."""
    through = LoungeTable.closed_slots.through.objects.filter(loungetable__lounge=lounge)
    return set(through.values_list("loungetable_id", "loungeslot_id"))


# The overview


def overview(lounge: Lounge) -> dict:
    kinds = dict(lounge.profiles.filter(is_active=True).values_list("kind").annotate(n=Count("id")))
    statuses = dict(lounge.requests.values_list("status").annotate(n=Count("id")))
    slots, tables = lounge.slots.count(), lounge.tables.count()
    runs = list(lounge.runs.select_related("by", "published_by")[:RUNS_SHOWN])
    for run in runs:
        run.percent = percent(run.value, run.bound)
    return {
        "kinds": _labelled(Profile.Kind.choices, kinds),
        "participants": sum(kinds.values()),
        "statuses": _labelled(MeetingRequest.Status.choices, statuses),
        "slot_count": slots,
        "table_count": tables,
        "capacity": slots * tables - len(_closed_pairs(lounge)),
        "published": lounge.meetings.published().count(),
        "runs": runs,
    }


# A run beside the published meetings


@dataclass
class Cell:
    request: MeetingRequest
    change: str  # "kept", "moved" or "added"


@dataclass
class RunReport:
    run: SchedulerRun
    slots: list
    tables: list
    rows: list  # [(slot, [Cell | "closed" | None per table])]
    kept: list = field(default_factory=list)  # Meeting
    moved: list = field(default_factory=list)  # (Meeting, new slot, new table, reason text)
    added: list = field(default_factory=list)  # (request, slot, table)
    cancelled: list = field(default_factory=list)  # (Meeting, reason text)
    unplaced: list = field(default_factory=list)  # (request, reason text)
    is_latest: bool = True

    @property
    def percent(self):
        return percent(self.run.value, self.run.bound)

    @property
    def can_publish(self) -> bool:
        return self.is_latest and self.run.published_at is None


def _names(entry: dict, profiles: dict) -> list[str]:
    return [profiles[pk].organisation for pk in entry.get("people", ()) if pk in profiles]


def run_report(run: SchedulerRun) -> RunReport:
    lounge = run.lounge
    slots = {s.pk: s for s in lounge.slots.all()}
    tables = {t.pk: t for t in lounge.tables.all()}
    request_ids = {e["request"] for e in run.proposal} | {e["request"] for e in run.unplaced}
    requests = MeetingRequest.objects.select_related("requester", "target").in_bulk(request_ids)
    published = {
        m.request_id: m
        for m in lounge.meetings.published().select_related(
            "slot", "table", "request__requester", "request__target"
        )
    }
    people = {pk for e in run.unplaced + run.dropped for pk in e.get("people", ())}
    profiles = lounge.profiles.in_bulk(people)
    report = RunReport(run, list(slots.values()), list(tables.values()), rows=[])
    report.is_latest = not lounge.runs.filter(pk__gt=run.pk).exists()
    why = {e["meeting"]: e for e in run.dropped}

    def because(meeting):
        entry = why.get(meeting.pk, {"reason": reasons.AFRESH})
        return reasons.explain(entry["reason"], _names(entry, profiles))

    grid = {}
    for entry in run.proposal:
        request, slot, table = requests[entry["request"]], entry["slot"], entry["table"]
        before = published.get(request.pk)
        if before is None:
            change = "added"
            report.added.append((request, slots.get(slot), tables.get(table)))
        elif (before.slot_id, before.table_id) == (slot, table):
            change = "kept"
            report.kept.append(before)
        else:
            change = "moved"
            report.moved.append((before, slots.get(slot), tables.get(table), because(before)))
        grid[(slot, table)] = Cell(request, change)
    proposed = {e["request"] for e in run.proposal}
    for request_id, meeting in published.items():
        if request_id not in proposed:
            report.cancelled.append((meeting, because(meeting)))
    for entry in run.unplaced:
        text = reasons.explain(entry["reason"], _names(entry, profiles))
        report.unplaced.append((requests.get(entry["request"]), text))
    closed = _closed_pairs(lounge)
    report.rows = [
        (
            slot,
            [grid.get((slot.pk, t), "closed" if (t, slot.pk) in closed else None) for t in tables],
        )
        for slot in slots.values()
    ]
    return report


# One sheet per table


def table_sheets(lounge: Lounge) -> list[tuple[LoungeTable, list]]:
    """Each table with its days, and per slot of a day its meeting (or "closed", or None)."""
    tz = lounge.edition.tz
    slots = list(lounge.slots.all())
    meetings = {
        (m.table_id, m.slot_id): m
        for m in lounge.meetings.published().select_related("request__requester", "request__target")
    }
    closed = _closed_pairs(lounge)

    def at(table, slot):
        if (table.pk, slot.pk) in closed:
            return "closed"
        return meetings.get((table.pk, slot.pk))

    return [
        (
            table,
            [
                (day, [(slot, at(table, slot)) for slot in day_slots])
                for day, day_slots in groupby(
                    slots, key=lambda s: s.starts_at.astimezone(tz).date()
                )
            ],
        )
        for table in lounge.tables.all()
    ]


# Outcomes


def _due_sides(lounge: Lounge, now):
    return MeetingSide.objects.filter(
        meeting__lounge=lounge,
        meeting__status=Meeting.Status.PUBLISHED,
        is_active=True,
        meeting__slot__starts_at__lte=now,
    )


ANSWERS = {True: "held", False: "not_held", None: "unanswered"}


def _outcome_row(label, counter: Counter) -> list:
    follow_ups = [counter[value] for value in FollowUp.values]
    return [
        label,
        counter["sides"],
        counter["held"],
        counter["not_held"],
        counter["unanswered"],
    ] + (follow_ups)


def outcomes(lounge: Lounge, *, now=None) -> dict:
    """Per side of the meetings that have started: held, not held, unanswered, and what
    the held ones lead to; in all and per kind of participant."""
    now = now or timezone.now()
    counts = (
        _due_sides(lounge, now)
        .values("profile__kind", "took_place", "follow_up")
        .annotate(n=Count("id"))
        .order_by()
    )
    per_kind = {kind: Counter() for kind in Profile.Kind.values}
    total = Counter()
    for row in counts:
        for counter in (per_kind[row["profile__kind"]], total):
            counter["sides"] += row["n"]
            counter[ANSWERS[row["took_place"]]] += row["n"]
            if row["took_place"]:
                counter[row["follow_up"] or FollowUp.NONE] += row["n"]
    return {
        "total": total,
        "follow_ups": [(label, total[value]) for value, label in FollowUp.choices],
        "rows": [_outcome_row(label, per_kind[value]) for value, label in Profile.Kind.choices],
        "total_row": _outcome_row(_("All participants"), total),
        "follow_up_labels": [label for _value, label in FollowUp.choices],
        "upcoming": lounge.meetings.published().filter(slot__starts_at__gt=now).count(),
    }


OUTCOME_COLUMNS = (
    gettext_lazy("starts at"),
    gettext_lazy("table"),
    gettext_lazy("organisation"),
    gettext_lazy("name shown"),
    gettext_lazy("kind"),
    gettext_lazy("met with"),
    gettext_lazy("the meeting took place"),
    gettext_lazy("what it leads to"),
    gettext_lazy("note"),
    gettext_lazy("answered at"),
)


def outcome_rows(lounge: Lounge, *, now=None) -> Iterator[list[object]]:
    """One line per side of every meeting that has started, with what they said."""
    now = now or timezone.now()
    sides = (
        _due_sides(lounge, now)
        .select_related(
            "profile",
            "meeting__slot",
            "meeting__table",
            "meeting__request__requester",
            "meeting__request__target",
        )
        .order_by("meeting__slot__starts_at", "meeting__table__number", "pk")
    )
    yes_no = {True: _("yes"), False: _("no"), None: ""}
    edition = lounge.edition
    for side in sides:
        meeting = side.meeting
        counterpart = meeting.request.other_side(side.profile)
        yield [
            local_iso(meeting.slot.starts_at, edition),
            meeting.table.number,
            side.profile.organisation,
            side.profile.display_name,
            side.profile.get_kind_display(),
            counterpart.organisation,
            yes_no[side.took_place],
            side.get_follow_up_display() if side.took_place else "",
            side.note,
            local_iso(side.answered_at, edition) if side.answered_at else "",
        ]
