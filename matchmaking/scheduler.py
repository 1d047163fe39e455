"""Open Innovation Lounge meeting scheduler: the solver core (pure Python, no Django).

The problem (see ../shared/bench/lounge/FORMAT.md): requests between two
participants, each with a weight, become meetings (pair, slot, table) so that
nobody and no table is double-booked, both people are available, nobody exceeds
``max_meetings``, each pair meets at most once, and the total weight is maximal.

Model (tables are interchangeable, so only their count per slot matters):
x[r,s] binary for request r and slot s where both people are available and at
least one table is; Σ_s x[r,s] ≤ 1; Σ_{r∋p} x[r,s] ≤ 1 per person and slot;
Σ_{r∋p,s} x[r,s] ≤ max_meetings_p; Σ_r x[r,s] ≤ tables available in s;
maximise Σ weight_r·x[r,s]. Tables are assigned per slot afterwards. Meetings
kept from a previous publication are fixed first and consume capacity.

Solver choice (measured 2026-11-26 on this 2-core machine while a CI job shared
the CPU, so timings are noisy), time limit 25 s, greedy start given as a hint /
MIP start, value / proven bound / wall seconds:

=======================  ======  ==================  ===================  ===================
instance (ref bound)     greedy  HiGHS 1.16, 1 thr  CP-SAT 9.15, 1 wkr   CP-SAT 9.15, 2 wkr
=======================  ======  ==================  ===================  ===================
p1-small (119)           115     119/119  0.15 s     119/119  0.5 s       —
p2-medium (737)          721     737/737  0.3 s      737/737  1.4 s       —
p3-medium-tight (939)    910     939/939  0.2 s      936/988  25 s        939/988  26 s
p4-large (3350)          3297    3350/3350 3.3 s     3297/3392 26 s       3297/3445 26 s
=======================  ======  ==================  ===================  ===================

HiGHS proves optimality on every public instance in seconds (the LP relaxation
of this model is nearly tight); CP-SAT does not close the gap within 25 s and on
the largest does not improve on the greedy start. So ``DEFAULT_BACKEND`` is
HiGHS, and OR-Tools (measured with 9.15, which also pulls in pandas and
protobuf) is not a dependency. ``BACKENDS`` is where another solver would go.

Determinism: HiGHS runs single-threaded with a fixed seed, so the same
input gives the same schedule whenever the solver finishes (proves optimality)
within the time limit; when the wall-clock limit cuts the search, the incumbent
may depend on machine load (documented, not hidden).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

OPTIMAL = "optimal"
FEASIBLE = "feasible"
GREEDY_ONLY = "greedy-only"

# Why a request was not placed, or a kept meeting not kept: stable codes that the
# web translates (matchmaking/planning.py); `Reason.people` names who it is about.
CAP_ZERO = "cap_zero"  # someone takes no meetings at all (max_meetings 0)
NO_TABLE = "no_table"  # no slot has any table open
UNAVAILABLE = "unavailable"  # someone is available in no slot with an open table
NO_COMMON_SLOT = "no_common_slot"  # both are available, never in the same slot with a table
CAP_REACHED = "cap_reached"  # someone holds as many meetings as they allow
TAKEN_BY_KEPT = "taken_by_kept"  # every slot they share is taken by kept meetings
LOWER_VALUE = "lower_value"  # competing meetings were worth more
# Only for kept meetings:
NO_REQUEST = "no_request"  # the pair has no request any more
PAIR_TWICE = "pair_twice"  # the pair is kept in another slot already
SLOT_GONE = "slot_gone"  # the slot no longer exists
UNAVAILABLE_IN_SLOT = "unavailable_in_slot"  # someone is no longer available then
BUSY = "busy"  # someone has another kept meeting then
NO_TABLE_LEFT = "no_table_left"  # no table is left in that slot

_TEXTS = {
    CAP_ZERO: "max_meetings is 0 for {people}",
    NO_TABLE: "no slot has a table",
    UNAVAILABLE: "{people} available in no slot with a table",
    NO_COMMON_SLOT: "no common available slot with a free table",
    CAP_REACHED: "cap reached by {people}",
    TAKEN_BY_KEPT: "every common slot is taken by kept meetings",
    LOWER_VALUE: "lower value than competing meetings",
    NO_REQUEST: "no request for this pair any more",
    PAIR_TWICE: "pair already kept in another slot",
    SLOT_GONE: "slot {slot} no longer exists",
    UNAVAILABLE_IN_SLOT: "{people} no longer available in {slot}",
    BUSY: "{people} already has a kept meeting in {slot}",
    NO_TABLE_LEFT: "no free table left in {slot}",
}


@dataclass(frozen=True)
class Reason:
    code: str
    people: tuple[str, ...] = ()  # participant ids it is about, in request order
    slot: str = ""

    def __str__(self) -> str:
        return _TEXTS[self.code].format(people=" and ".join(self.people), slot=self.slot)


@dataclass(frozen=True)
class Slot:
    id: str
    tables: tuple[str, ...] = ()  # ids of the tables usable in this slot

    @property
    def capacity(self) -> int:
        return len(self.tables)


@dataclass(frozen=True)
class Participant:
    id: str
    available: frozenset[str] = frozenset()  # slot ids
    max_meetings: int = 0


@dataclass(frozen=True)
class Request:
    a: str
    b: str
    weight: int = 1

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


@dataclass(frozen=True)
class Meeting:
    a: str
    b: str
    slot: str
    table: str

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))


@dataclass(frozen=True)
class Problem:
    slots: tuple[Slot, ...]
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...]
    name: str = ""

    def __post_init__(self):
        object.__setattr__(self, "slots", tuple(self.slots))
        object.__setattr__(self, "participants", tuple(self.participants))
        object.__setattr__(self, "requests", tuple(self.requests))


@dataclass(frozen=True)
class Unplaced:
    request: Request
    reason: Reason


@dataclass
class Schedule:
    meetings: list[Meeting]
    value: int
    bound: int | None  # proven upper bound on the value (None if none proven)
    status: str  # OPTIMAL, FEASIBLE or GREEDY_ONLY
    unplaced: list[Unplaced] = field(default_factory=list)
    dropped_keep: list[tuple[Meeting, Reason]] = field(default_factory=list)
    greedy_value: int = 0
    solver: str = ""
    seconds: float = 0.0

    def reasons(self) -> dict[frozenset[str], Reason]:
        return {u.request.pair: u.reason for u in self.unplaced}


# --------------------------------------------------------------------------- model


class _Model:
    """Indices shared by the greedy and the solvers, after fixing kept meetings."""

    def __init__(self, problem: Problem, keep: Iterable[Meeting]):
        self.problem = problem
        self.slot_index = {s.id: k for k, s in enumerate(problem.slots)}
        self.people = {p.id: p for p in problem.participants}
        self.cap_left = {p.id: p.max_meetings for p in problem.participants}
        self.table_left = [s.capacity for s in problem.slots]
        self.busy: set[tuple[str, int]] = set()  # (person, slot index)
        self.kept: list[tuple[Request, Meeting]] = []
        self.dropped_keep: list[tuple[Meeting, Reason]] = []
        by_pair = {r.pair: r for r in problem.requests}
        kept_pairs: set[frozenset[str]] = set()
        for m in keep:
            reason = self._keep_problem(m, by_pair, kept_pairs)
            if reason:
                self.dropped_keep.append((m, reason))
                continue
            k = self.slot_index[m.slot]
            kept_pairs.add(m.pair)
            self.kept.append((by_pair[m.pair], m))
            self.table_left[k] -= 1
            for p in (m.a, m.b):
                self.cap_left[p] -= 1
                self.busy.add((p, k))
        # Free requests and their candidate slots (indices, chronological).
        self.requests: list[Request] = [r for r in problem.requests if r.pair not in kept_pairs]
        self.candidates: list[list[int]] = []
        for r in self.requests:
            pa, pb = self.people[r.a], self.people[r.b]
            cands = []
            if self.cap_left[r.a] > 0 and self.cap_left[r.b] > 0:
                for k, s in enumerate(problem.slots):
                    if (
                        s.id in pa.available
                        and s.id in pb.available
                        and self.table_left[k] > 0
                        and (r.a, k) not in self.busy
                        and (r.b, k) not in self.busy
                    ):
                        cands.append(k)
            self.candidates.append(cands)
        self.kept_value = sum(r.weight for r, _ in self.kept)

    def _keep_problem(self, m, by_pair, kept_pairs) -> Reason | None:
        if m.pair not in by_pair:
            return Reason(NO_REQUEST, slot=m.slot)
        if m.pair in kept_pairs:
            return Reason(PAIR_TWICE, slot=m.slot)
        if m.slot not in self.slot_index:
            return Reason(SLOT_GONE, slot=m.slot)
        k = self.slot_index[m.slot]
        for check, code in (
            (lambda p: m.slot not in self.people[p].available, UNAVAILABLE_IN_SLOT),
            (lambda p: (p, k) in self.busy, BUSY),
            (lambda p: self.cap_left[p] <= 0, CAP_REACHED),
        ):
            who = tuple(p for p in (m.a, m.b) if check(p))
            if who:
                return Reason(code, who, m.slot)
        if self.table_left[k] <= 0:
            return Reason(NO_TABLE_LEFT, slot=m.slot)
        return None


def _greedy(model: _Model) -> list[tuple[int, int]]:
    """Heaviest requests first (fewest options first among equals), each in the
    open slot with most free tables left. Respects every constraint."""
    cap = dict(model.cap_left)
    tables = list(model.table_left)
    busy = set(model.busy)
    order = sorted(
        range(len(model.requests)),
        key=lambda i: (-model.requests[i].weight, len(model.candidates[i]), i),
    )
    chosen = []
    for i in order:
        r = model.requests[i]
        if cap[r.a] <= 0 or cap[r.b] <= 0:
            continue
        best = None
        for k in model.candidates[i]:
            if tables[k] > 0 and (r.a, k) not in busy and (r.b, k) not in busy:
                if best is None or tables[k] > tables[best]:
                    best = k
        if best is None:
            continue
        chosen.append((i, best))
        tables[best] -= 1
        cap[r.a] -= 1
        cap[r.b] -= 1
        busy.add((r.a, best))
        busy.add((r.b, best))
    return chosen


def _fill(model: _Model, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add any request that still fits (a time-limited solver may leave some)."""
    cap = dict(model.cap_left)
    tables = list(model.table_left)
    busy = set(model.busy)
    placed = set()
    for i, k in chosen:
        r = model.requests[i]
        placed.add(i)
        tables[k] -= 1
        cap[r.a] -= 1
        cap[r.b] -= 1
        busy.update(((r.a, k), (r.b, k)))
    extra = []
    order = sorted(range(len(model.requests)), key=lambda i: (-model.requests[i].weight, i))
    for i in order:
        if i in placed:
            continue
        r = model.requests[i]
        if cap[r.a] <= 0 or cap[r.b] <= 0:
            continue
        for k in model.candidates[i]:
            if tables[k] > 0 and (r.a, k) not in busy and (r.b, k) not in busy:
                extra.append((i, k))
                tables[k] -= 1
                cap[r.a] -= 1
                cap[r.b] -= 1
                busy.update(((r.a, k), (r.b, k)))
                break
    return chosen + extra


def _check(model: _Model, chosen: list[tuple[int, int]]) -> bool:
    """Independent feasibility check of a solver's answer before trusting it."""
    cap = defaultdict(int)
    per_slot = defaultdict(int)
    busy = set(model.busy)
    seen = set()
    for i, k in chosen:
        if i in seen or k not in model.candidates[i]:
            return False
        seen.add(i)
        r = model.requests[i]
        for p in (r.a, r.b):
            if (p, k) in busy:
                return False
            busy.add((p, k))
            cap[p] += 1
            if cap[p] > model.cap_left[p]:
                return False
        per_slot[k] += 1
        if per_slot[k] > model.table_left[k]:
            return False
    return True


def _solve_with_highs(*args):
    # numpy and HiGHS weigh some 20 MB in every web worker: they load only once a
    # schedule is computed, not with the admin that can start one.
    from matchmaking.milp import solve_highs

    return solve_highs(*args)


# HiGHS lives in matchmaking/milp.py; another solver would go here, same signature.
BACKENDS = {"highs": _solve_with_highs}
DEFAULT_BACKEND = "highs"


# --------------------------------------------------------------------------- schedule


def schedule(
    problem: Problem,
    *,
    time_limit: float,
    keep: Iterable[Meeting] = (),
    backend: str | None = None,
    seed: int = 0,
) -> Schedule:
    """Place as much weight as possible; always answers (greedy if the solver fails)."""
    began = time.monotonic()
    model = _Model(problem, keep)
    greedy = _greedy(model)
    greedy_value = sum(model.requests[i].weight for i, _ in greedy)
    backend = backend or DEFAULT_BACKEND
    chosen, bound, status, solver_name = greedy, None, GREEDY_ONLY, "greedy"
    if any(model.candidates) and time_limit > 0:
        remaining = time_limit - (time.monotonic() - began)
        try:
            found = BACKENDS[backend](model, greedy, remaining, seed)
        except Exception:  # noqa: BLE001 — any solver failure falls back to greedy
            found = None
        if found is not None and _check(model, found[0]):
            value = sum(model.requests[i].weight for i, _ in found[0])
            if value >= greedy_value:
                chosen, bound = found[0], found[1]
                status = OPTIMAL if found[2] else FEASIBLE
                solver_name = backend
    elif not any(model.candidates):
        bound, status = 0, OPTIMAL
    chosen = _fill(model, chosen)
    value = sum(model.requests[i].weight for i, _ in chosen)
    if bound is not None:
        bound = max(bound, value) + model.kept_value
        if status == FEASIBLE and bound == value + model.kept_value:
            status = OPTIMAL
    meetings = _assign_tables(model, chosen)
    unplaced = _reasons(model, chosen)
    return Schedule(
        meetings=meetings,
        value=value + model.kept_value,
        bound=bound,
        status=status,
        unplaced=unplaced,
        dropped_keep=model.dropped_keep,
        greedy_value=greedy_value + model.kept_value,
        solver=solver_name,
        seconds=time.monotonic() - began,
    )


def _assign_tables(model: _Model, chosen: Sequence[tuple[int, int]]) -> list[Meeting]:
    slots = model.problem.slots
    used: dict[int, set[str]] = defaultdict(set)
    meetings = []
    for _, m in model.kept:  # a kept meeting keeps its table where it still can
        k = model.slot_index[m.slot]
        if m.table in slots[k].tables and m.table not in used[k]:
            used[k].add(m.table)
            meetings.append(m)
    moved = [m for _, m in model.kept if m not in meetings]
    todo = [(model.slot_index[m.slot], m.a, m.b) for m in moved]
    todo += [(k, model.requests[i].a, model.requests[i].b) for i, k in chosen]
    for k, a, b in sorted(todo):
        table = next(t for t in slots[k].tables if t not in used[k])
        used[k].add(table)
        meetings.append(Meeting(a, b, slots[k].id, table))
    return sorted(meetings, key=lambda m: (model.slot_index[m.slot], m.table))


def _reasons(model: _Model, chosen: Sequence[tuple[int, int]]) -> list[Unplaced]:
    problem = model.problem
    placed = {i for i, _ in chosen}
    count = defaultdict(int)
    for i, _k in chosen:
        r = model.requests[i]
        count[r.a] += 1
        count[r.b] += 1
    open_slots = {s.id for s in problem.slots if s.capacity > 0}
    out = []
    for i, r in enumerate(model.requests):
        if i not in placed:
            out.append(Unplaced(r, _reason(model, i, open_slots, count)))
    return out


def _reason(model: _Model, i: int, open_slots: set[str], count) -> Reason:
    """The first that applies, from the most to the least fundamental."""
    r = model.requests[i]
    people = (model.people[r.a], model.people[r.b])
    zero = tuple(p.id for p in people if p.max_meetings == 0)
    if zero:
        return Reason(CAP_ZERO, zero)
    if not open_slots:
        return Reason(NO_TABLE)
    nowhere = tuple(p.id for p in people if not p.available & open_slots)
    if nowhere:
        return Reason(UNAVAILABLE, nowhere)
    if not people[0].available & people[1].available & open_slots:
        return Reason(NO_COMMON_SLOT)
    full = tuple(p.id for p in people if count[p.id] >= model.cap_left[p.id])
    if full:
        return Reason(CAP_REACHED, full)
    if not model.candidates[i]:
        return Reason(TAKEN_BY_KEPT)
    return Reason(LOWER_VALUE)
