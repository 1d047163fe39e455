"""The lounge scheduler's solver core: constraints, optimality, reasons, determinism.

No database: these tests build plain dataclasses.
"""

import itertools
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from matchmaking import scheduler
from matchmaking.instance_file import ProblemError, problem_from_dict, solution_to_dict
from matchmaking.scheduler import (
    GREEDY_ONLY,
    OPTIMAL,
    Meeting,
    Participant,
    Problem,
    Reason,
    Request,
    Slot,
    schedule,
)

LOUNGE = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "lounge"
PUBLIC = LOUNGE / "public"


def person(pid, slots, cap=10):
    return Participant(pid, frozenset(slots), cap)


def assert_valid(problem, result, keep=()):
    """Every hard constraint of FORMAT.md, checked independently of the solver."""
    slots = {s.id: s for s in problem.slots}
    people = {p.id: p for p in problem.participants}
    requests = {r.pair: r for r in problem.requests}
    pairs = [m.pair for m in result.meetings]
    assert len(pairs) == len(set(pairs)), "a pair meets twice"
    person_slot = Counter()
    table_slot = Counter()
    total = Counter()
    for m in result.meetings:
        assert m.pair in requests, f"unrequested pair {m}"
        assert m.table in slots[m.slot].tables, f"table not available {m}"
        table_slot[(m.table, m.slot)] += 1
        for p in (m.a, m.b):
            assert m.slot in people[p].available, f"{p} unavailable in {m}"
            person_slot[(p, m.slot)] += 1
            total[p] += 1
    assert max(person_slot.values(), default=0) <= 1, "somebody double-booked"
    assert max(table_slot.values(), default=0) <= 1, "a table double-booked"
    for p, n in total.items():
        assert n <= people[p].max_meetings, f"cap exceeded for {p}"
    for s in problem.slots:
        assert sum(1 for m in result.meetings if m.slot == s.id) <= s.capacity
    assert result.value == sum(requests[m.pair].weight for m in result.meetings)
    if result.bound is not None:
        assert result.value <= result.bound
    placed = set(pairs)
    unplaced = {u.request.pair for u in result.unplaced}
    assert placed.isdisjoint(unplaced)
    assert placed | unplaced == set(requests), "every request is placed or explained"


def brute_force(problem):
    """Best value by enumerating every assignment (tiny problems only)."""
    slots = [s.id for s in problem.slots]
    people = {p.id: p for p in problem.participants}
    cap = {s.id: s.capacity for s in problem.slots}
    best = 0
    for choice in itertools.product([None, *slots], repeat=len(problem.requests)):
        busy, total, per_slot, value, ok = set(), Counter(), Counter(), 0, True
        for r, s in zip(problem.requests, choice, strict=False):
            if s is None:
                continue
            per_slot[s] += 1
            for p in (r.a, r.b):
                total[p] += 1
                if s not in people[p].available or (p, s) in busy:
                    ok = False
                busy.add((p, s))
            value += r.weight
        if ok and all(per_slot[s] <= cap[s] for s in per_slot):
            if all(total[p] <= people[p].max_meetings for p in total):
                best = max(best, value)
    return best


def random_problem(seed, n_people=8, n_slots=4, n_requests=14):
    rng = random.Random(seed)  # noqa: S311 — reproducible test data
    slots = tuple(
        Slot(f"s{k}", tuple(f"T{t}" for t in range(rng.randint(0, 2)))) for k in range(n_slots)
    )
    ids = [f"P{i}" for i in range(n_people)]
    people = tuple(
        person(p, {s.id for s in slots if rng.random() < 0.7}, rng.randint(0, 3)) for p in ids
    )
    pairs = rng.sample(list(itertools.combinations(ids, 2)), n_requests)
    requests = tuple(Request(a, b, rng.randint(1, 8)) for a, b in pairs)
    return Problem(slots, people, requests)


# --------------------------------------------------------------------------- constraints


def test_double_booking_tables_and_availability_hold():
    slots = (Slot("s1", ("T1",)), Slot("s2", ("T1", "T2")), Slot("s3", ()))
    people = (
        person("A", {"s1", "s2", "s3"}),
        person("B", {"s1", "s2", "s3"}),
        person("C", {"s2", "s3"}),
        person("D", {"s1", "s2"}),
    )
    requests = (
        Request("A", "B", 3),
        Request("A", "C", 3),
        Request("A", "D", 3),
        Request("B", "C", 2),
        Request("C", "D", 1),
    )
    problem = Problem(slots, people, requests)
    result = schedule(problem, time_limit=5)
    assert_valid(problem, result)
    assert result.status == OPTIMAL
    assert result.value == brute_force(problem) == result.bound
    assert all(m.slot != "s3" for m in result.meetings)  # no table in s3


def test_caps_and_each_pair_once():
    slots = tuple(Slot(f"s{k}", ("T1", "T2")) for k in range(4))
    every = {s.id for s in slots}
    people = (person("A", every, cap=2), person("B", every), person("C", every, cap=1))
    requests = (Request("A", "B", 5), Request("A", "C", 4), Request("B", "C", 1))
    problem = Problem(slots, people, requests)
    result = schedule(problem, time_limit=5)
    assert_valid(problem, result)
    assert Counter(p for m in result.meetings for p in (m.a, m.b))["A"] == 2
    assert result.value == 9  # A-B and A-C; C's cap of 1 excludes B-C
    assert result.reasons() == {frozenset("BC"): Reason(scheduler.CAP_REACHED, ("C",))}
    assert str(result.reasons()[frozenset("BC")]) == "cap reached by C"


@pytest.mark.parametrize("seed", range(12))
def test_random_small_problems_are_valid_and_optimal(seed):
    problem = random_problem(seed, n_people=6, n_slots=3, n_requests=7)
    result = schedule(problem, time_limit=5)
    assert_valid(problem, result)
    assert result.value == brute_force(problem)


def test_larger_random_problems_are_solved_to_proven_optimality():
    problem = random_problem(99, n_people=20, n_slots=6, n_requests=60)
    result = schedule(problem, time_limit=5)
    assert_valid(problem, result)
    assert result.status == OPTIMAL and result.solver == "highs"
    assert result.bound == result.value


# --------------------------------------------------------------------------- optimality


def test_solver_beats_greedy_and_matches_brute_force():
    # Greedy takes the heaviest A-B (3) and then A and B are full; the optimum
    # is A-C + B-D (2 + 2 = 4).
    slots = (Slot("s1", ("T1", "T2")),)
    people = (
        person("A", {"s1"}, cap=1),
        person("B", {"s1"}, cap=1),
        person("C", {"s1"}),
        person("D", {"s1"}),
    )
    requests = (Request("A", "B", 3), Request("A", "C", 2), Request("B", "D", 2))
    problem = Problem(slots, people, requests)
    result = schedule(problem, time_limit=5)
    assert_valid(problem, result)
    assert result.greedy_value == 3
    assert result.value == brute_force(problem) == 4
    assert result.value > result.greedy_value
    assert result.status == OPTIMAL and result.bound == 4
    assert result.reasons() == {frozenset("AB"): Reason(scheduler.CAP_REACHED, ("A", "B"))}


def test_greedy_fallback_when_the_solver_fails(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("solver crashed")

    monkeypatch.setitem(scheduler.BACKENDS, "highs", broken)
    problem = random_problem(3, n_people=10, n_slots=4, n_requests=20)
    result = schedule(problem, time_limit=5, backend="highs")
    assert_valid(problem, result)
    assert result.status == GREEDY_ONLY and result.bound is None
    assert result.value == result.greedy_value > 0


# --------------------------------------------------------------------------- reasons


def test_reasons_for_unplaced_requests():
    slots = (Slot("s1", ("T1",)), Slot("s2", ("T1",)), Slot("closed", ()))
    people = (
        person("A", {"s1"}),
        person("B", {"s1"}),
        person("C", {"s1"}),
        person("D", {"s1"}),
        person("E", {"s2"}),
        person("F", {"closed"}),
        person("G", {"s2", "closed"}),
        person("Z", {"s1", "s2"}, cap=0),
        person("H", {"s1", "s2"}, cap=1),
        person("I", {"s2"}),
    )
    requests = (
        Request("A", "B", 5),
        Request("C", "D", 1),  # one table in s1: loses to A-B
        Request("A", "E", 3),  # never both available
        Request("F", "G", 3),  # F is only available where no table is
        Request("Z", "E", 8),  # cap of zero
        Request("H", "E", 9),  # H's only meeting …
        Request("H", "I", 2),  # … so not this one
    )
    problem = Problem(slots, people, requests)
    result = schedule(problem, time_limit=5)
    assert_valid(problem, result)
    assert result.reasons() == {
        frozenset("CD"): Reason(scheduler.LOWER_VALUE),
        frozenset("AE"): Reason(scheduler.NO_COMMON_SLOT),
        frozenset("FG"): Reason(scheduler.UNAVAILABLE, ("F",)),
        frozenset("ZE"): Reason(scheduler.CAP_ZERO, ("Z",)),
        frozenset("HI"): Reason(scheduler.CAP_REACHED, ("H",)),
    }
    assert str(result.reasons()[frozenset("ZE")]) == "max_meetings is 0 for Z"


def test_a_common_slot_without_a_table_is_no_common_slot():
    slots = (Slot("s1", ("T1",)), Slot("s2", ("T1",)), Slot("closed", ()))
    people = (person("A", {"s1", "closed"}), person("B", {"s2", "closed"}))
    result = schedule(Problem(slots, people, (Request("A", "B", 1),)), time_limit=1)
    assert result.reasons() == {frozenset("AB"): Reason(scheduler.NO_COMMON_SLOT)}


def test_every_shared_slot_taken_by_kept_meetings():
    slots = (Slot("s1", ("T1",)), Slot("s2", ("T1",)))
    people = (person("A", {"s1"}), person("B", {"s1"}), person("C", {"s1", "s2"}))
    problem = Problem(slots, people, (Request("A", "B", 1), Request("A", "C", 9)))
    result = schedule(problem, time_limit=1, keep=[Meeting("A", "B", "s1", "T1")])
    assert result.reasons() == {frozenset("AC"): Reason(scheduler.TAKEN_BY_KEPT)}


def test_no_table_anywhere_still_answers():
    people = (person("A", {"s1"}), person("B", {"s1"}))
    problem = Problem((Slot("s1", ()),), people, (Request("A", "B", 1),))
    result = schedule(problem, time_limit=1)
    assert result.meetings == [] and result.value == 0 and result.status == OPTIMAL
    assert result.reasons() == {frozenset("AB"): Reason(scheduler.NO_TABLE)}


# --------------------------------------------------------------------------- kept meetings


def test_kept_meetings_stay_with_their_table():
    slots = (Slot("s1", ("T1", "T2")), Slot("s2", ("T1", "T2")))
    every = {"s1", "s2"}
    people = (
        person("A", every, cap=1),
        person("B", every),
        person("C", every),
        person("D", {"s1"}),
    )
    requests = (Request("A", "B", 1), Request("A", "C", 8), Request("C", "D", 2))
    problem = Problem(slots, people, requests)
    kept = Meeting("B", "A", "s2", "T2")
    result = schedule(problem, time_limit=5, keep=[kept])
    assert_valid(problem, result)
    assert kept in result.meetings  # unchanged though A-C weighs more
    assert result.reasons()[frozenset("AC")] == Reason(scheduler.CAP_REACHED, ("A",))
    assert result.value == 1 + 2
    fresh = schedule(problem, time_limit=5)
    assert fresh.value == 8 + 2 and kept not in fresh.meetings  # without keep A-C wins


def test_a_kept_meeting_that_no_longer_fits_is_reported():
    slots = (Slot("s1", ("T1",)), Slot("s2", ("T1",)))
    people = (person("A", {"s2"}), person("B", {"s1", "s2"}))
    problem = Problem(slots, people, (Request("A", "B", 2),))
    result = schedule(problem, time_limit=5, keep=[Meeting("A", "B", "s1", "T1")])
    assert_valid(problem, result)
    dropped = (Meeting("A", "B", "s1", "T1"), Reason(scheduler.UNAVAILABLE_IN_SLOT, ("A",), "s1"))
    assert result.dropped_keep == [dropped]
    assert str(dropped[1]) == "A no longer available in s1"
    assert result.meetings == [Meeting("A", "B", "s2", "T1")]


# --------------------------------------------------------------------------- public instance


def load_public(name):
    path = PUBLIC / f"{name}.json"
    if not path.exists():
        pytest.fail(f"public lounge instance missing: {path}")
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_deterministic_for_the_same_input():
    _, data = load_public("lounge-p1-small")
    first = schedule(problem_from_dict(data), time_limit=10)
    second = schedule(problem_from_dict(data), time_limit=10)
    assert first.meetings == second.meetings and first.value == second.value


def test_p1_small_reaches_the_bound_and_passes_the_official_scorer(tmp_path):
    path, data = load_public("lounge-p1-small")
    ref = json.loads(path.with_name("lounge-p1-small.ref.json").read_text(encoding="utf-8"))
    problem = problem_from_dict(data)
    result = schedule(problem, time_limit=10)
    assert_valid(problem, result)
    assert result.value >= 0.99 * ref["upper_bound"]
    out = tmp_path / "solution.json"
    out.write_text(json.dumps(solution_to_dict(problem, result)), encoding="utf-8")
    proc = subprocess.run(  # noqa: S603 — the shared scorer, fixed arguments
        [sys.executable, str(LOUNGE / "score.py"), str(path), str(out), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    score = json.loads(proc.stdout)
    assert score["valid"] and score["value"] == result.value
    assert score["fraction_of_bound"] >= 0.99


def test_instance_errors_name_the_field_and_entry():
    _, data = load_public("lounge-p1-small")
    data = json.loads(json.dumps(data))
    data["requests"][3]["weight"] = "heavy"
    with pytest.raises(ProblemError, match=r"requests\[3\]\.weight"):
        problem_from_dict(data)
