"""Reading and writing the benchmark's `lounge-meetings/1` files (shared/bench/lounge/FORMAT.md).

Every error names the field and the entry (`requests[3].weight: …`), so an
organiser who prepared a file by hand can find what to fix.
"""

from __future__ import annotations

from collections.abc import Mapping

from matchmaking.scheduler import Participant, Problem, Request, Schedule, Slot

FORMAT = "lounge-meetings/1"


class ProblemError(ValueError):
    """An instance that cannot be read; the message names the field and the entry."""


def _need(obj, key: str, where: str, kind: type):
    if not isinstance(obj, Mapping) or key not in obj:
        raise ProblemError(f"{where}: missing field {key!r}")
    value = obj[key]
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ProblemError(f"{where}.{key}: expected an integer, got {value!r}")
    if kind is not int and not isinstance(value, kind):
        raise ProblemError(f"{where}.{key}: expected {kind.__name__}, got {value!r}")
    return value


def _slot_ids(data: Mapping) -> list[str]:
    slot_ids: list[str] = []
    for i, slot in enumerate(_need(data, "slots", "instance", list)):
        sid = _need(slot, "id", f"slots[{i}]", str)
        if sid in slot_ids:
            raise ProblemError(f"slots[{i}].id: duplicate slot {sid!r}")
        slot_ids.append(sid)
    return slot_ids


def _tables_per_slot(data: Mapping, slot_ids: list[str]) -> dict[str, list[str]]:
    tables_in: dict[str, list[str]] = {sid: [] for sid in slot_ids}
    seen = set()
    for i, table in enumerate(_need(data, "tables", "instance", list)):
        tid = _need(table, "id", f"tables[{i}]", str)
        if tid in seen:
            raise ProblemError(f"tables[{i}].id: duplicate table {tid!r}")
        seen.add(tid)
        for sid in _need(table, "available", f"tables[{i}]", list):
            if sid not in tables_in:
                raise ProblemError(f"tables[{i}].available: unknown slot {sid!r}")
            tables_in[sid].append(tid)
    return tables_in


def _participants(data: Mapping, known_slots: set[str]) -> list[Participant]:
    participants, seen = [], set()
    for i, person in enumerate(_need(data, "participants", "instance", list)):
        where = f"participants[{i}]"
        pid = _need(person, "id", where, str)
        if pid in seen:
            raise ProblemError(f"{where}.id: duplicate participant {pid!r}")
        seen.add(pid)
        cap = _need(person, "max_meetings", where, int)
        if cap < 0:
            raise ProblemError(f"{where}.max_meetings: must be ≥ 0, got {cap}")
        available = _need(person, "available", where, list)
        for sid in available:
            if sid not in known_slots:
                raise ProblemError(f"{where}.available: unknown slot {sid!r}")
        participants.append(Participant(pid, frozenset(available), cap))
    return participants


def _requests(data: Mapping, people: set[str]) -> list[Request]:
    requests, pairs = [], set()
    for i, request in enumerate(_need(data, "requests", "instance", list)):
        where = f"requests[{i}]"
        a, b = _need(request, "a", where, str), _need(request, "b", where, str)
        weight = _need(request, "weight", where, int)
        for key, who in (("a", a), ("b", b)):
            if who not in people:
                raise ProblemError(f"{where}.{key}: unknown participant {who!r}")
        if a == b:
            raise ProblemError(f"{where}: a participant cannot meet themself ({a!r})")
        if weight <= 0:
            raise ProblemError(f"{where}.weight: must be a positive integer, got {weight}")
        if frozenset((a, b)) in pairs:
            raise ProblemError(f"{where}: pair {a!r}/{b!r} appears twice")
        pairs.add(frozenset((a, b)))
        requests.append(Request(a, b, weight))
    return requests


def problem_from_dict(data: Mapping) -> Problem:
    """Build a Problem from an instance in the `lounge-meetings/1` format."""
    if not isinstance(data, Mapping):
        raise ProblemError("instance: expected a JSON object")
    if data.get("format") != FORMAT:
        raise ProblemError(f"format: expected {FORMAT!r}, got {data.get('format')!r}")
    slot_ids = _slot_ids(data)
    tables_in = _tables_per_slot(data, slot_ids)
    participants = _participants(data, set(slot_ids))
    requests = _requests(data, {person.id for person in participants})
    slots = tuple(Slot(sid, tuple(tables_in[sid])) for sid in slot_ids)
    return Problem(slots, tuple(participants), tuple(requests), name=str(data.get("name", "")))


def solution_to_dict(problem: Problem, result: Schedule) -> dict:
    out = {
        "meetings": [
            {"a": m.a, "b": m.b, "slot": m.slot, "table": m.table} for m in result.meetings
        ],
        "solver": result.solver,
        "status": result.status,
    }
    if problem.name:
        out["instance"] = problem.name
    return out
