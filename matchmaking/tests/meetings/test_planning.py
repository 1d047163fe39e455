"""From the lounge's database to the scheduler: what it sees, what a run stores, and
the bad input of issue 4 (unavailable people, more requests than slots, no table,
a cap of zero), which still gets an answer with reasons."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from matchmaking import planning, reasons, scheduler
from matchmaking.models import Meeting, MeetingRequest
from matchmaking.tests.factories import LoungeFactory, with_slots
from matchmaking.tests.meeting_helpers import accepted, pending, person
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at

pytestmark = pytest.mark.django_db


def ids(problem):
    return {p.id: p for p in problem.participants}


def explained(run, lounge):
    """request id → the reason in English words."""
    profiles = {p.pk: p.organisation for p in lounge.profiles.all()}
    with translation.override("en"):
        return {
            e["request"]: reasons.explain(e["reason"], [profiles[p] for p in e["people"]])
            for e in run.unplaced
        }


# What the scheduler sees


def test_problem_has_active_people_their_caps_and_free_slots(lounge, session):
    slots = with_slots(lounge, day=25, start=(9, 40), count=4, tables=2)  # 09:40 … 11:00
    amina = person(lounge, "amina", cap=3)
    salma = person(lounge, "salma", cap=20)  # above the lounge's 8
    person(lounge, "gone", is_active=False)
    amina.blocked_slots.add(slots[0])
    SessionSpeakerFactory(session=session, speaker=SpeakerFactory(email=salma.user.email))

    problem = planning.build_problem(lounge)

    people = ids(problem)
    assert set(people) == {planning.pid(amina.pk), planning.pid(salma.pk)}
    assert people[planning.pid(amina.pk)].max_meetings == 3
    assert people[planning.pid(salma.pk)].max_meetings == 8
    every = {planning.sid(s.pk) for s in slots}
    assert people[planning.pid(amina.pk)].available == every - {planning.sid(slots[0].pk)}
    # Salma speaks in the 10:00–11:00 panel: only the 09:40 slot is left to her.
    assert people[planning.pid(salma.pk)].available == {planning.sid(slots[0].pk)}


def test_speaking_blocks_exactly_the_overlapping_slots(lounge, edition):
    slots = with_slots(lounge, day=25, start=(9, 40), count=5, tables=1)  # until 11:20
    salma = person(lounge, "salma")
    talk = SessionFactory(edition=edition, starts_at=at(25, 10), ends_at=at(25, 11))
    SessionSpeakerFactory(session=talk, speaker=SpeakerFactory(email="SALMA@example.ma"))

    available = ids(planning.build_problem(lounge))[planning.pid(salma.pk)].available

    assert available == {planning.sid(slots[0].pk), planning.sid(slots[4].pk)}


def test_closed_tables_are_not_offered_in_their_slots(lounge):
    slots = with_slots(lounge, count=2, tables=3)
    table = lounge.tables.get(number=2)
    table.closed_slots.add(slots[1])

    problem = planning.build_problem(lounge)

    assert len(problem.slots[0].tables) == 3
    assert planning.tid(table.pk) not in problem.slots[1].tables
    assert len(problem.slots[1].tables) == 2


def test_requests_accepted_only_unless_unanswered_are_asked_for(lounge):
    with_slots(lounge, count=2, tables=1)
    a, b, c, d = (person(lounge, n) for n in ("amina", "bilal", "chama", "driss"))
    mutual = accepted(a, b, priority=3, target_priority=3, mutual=True)
    waiting = pending(c, d, priority=1)
    pending(a, c, priority=3, days=-1)  # expired meanwhile
    declined = accepted(b, d)
    declined.status = MeetingRequest.Status.DECLINED
    declined.save()

    plain = planning.build_problem(lounge)
    wider = planning.build_problem(lounge, include_unanswered=True)

    assert [(r.a, r.b, r.weight) for r in plain.requests] == [
        (planning.pid(a.pk), planning.pid(b.pk), mutual.weight)
    ]
    assert mutual.weight == 3 + 3 + 2
    assert {(r.a, r.b, r.weight) for r in wider.requests} == {
        (planning.pid(a.pk), planning.pid(b.pk), 8),
        (planning.pid(c.pk), planning.pid(d.pk), waiting.weight),
    }
    assert waiting.weight == 1


# A run


def test_a_run_stores_a_proposal_and_publishes_nothing(lounge, cast):
    slots = with_slots(lounge, count=3, tables=2)
    a, b, c = (person(lounge, n) for n in ("amina", "bilal", "chama"))
    first, second = accepted(a, b), accepted(a, c)

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

    assert run.status == scheduler.OPTIMAL and run.bound == run.value == 8
    assert {e["request"] for e in run.proposal} == {first.pk, second.pk}
    assert {e["slot"] for e in run.proposal} <= {s.pk for s in slots}
    assert len({e["slot"] for e in run.proposal}) == 2  # Amina cannot be in two at once
    assert run.unplaced == [] and run.dropped == []
    assert run.by == cast["admin"] and run.published_at is None
    assert not Meeting.objects.exists()


def test_the_time_limit_is_kept_within_what_a_page_can_wait(lounge, cast):
    with_slots(lounge, count=1, tables=1)
    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=600)
    assert run.time_limit == planning.MAX_TIME_LIMIT


# Bad input: the scheduler still answers, places what it can, says why not the rest


def test_an_unavailable_participant_is_named(lounge, cast):
    slots = with_slots(lounge, count=2, tables=2)
    a, b, c = (person(lounge, n) for n in ("amina", "bilal", "chama"))
    b.blocked_slots.set(slots)
    kept_out, placed = accepted(a, b), accepted(a, c)

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

    assert [e["request"] for e in run.proposal] == [placed.pk]
    assert run.unplaced == [
        {"request": kept_out.pk, "reason": scheduler.UNAVAILABLE, "people": [b.pk]}
    ]
    assert explained(run, lounge) == {
        kept_out.pk: "Bilal SARL is unavailable in every slot with a table."
    }


def test_more_requests_than_slots_places_the_most_valuable(lounge, cast):
    with_slots(lounge, count=2, tables=4)
    amina = person(lounge, "amina")
    others = [person(lounge, n) for n in ("bilal", "chama", "driss", "elias")]
    weights = [1, 3, 2, 1]
    requests = [
        accepted(amina, other, priority=w, target_priority=w)
        for other, w in zip(others, weights, strict=True)
    ]

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

    assert {e["request"] for e in run.proposal} == {requests[1].pk, requests[2].pk}
    assert run.value == 6 + 4
    assert {e["request"]: e["reason"] for e in run.unplaced} == {
        requests[0].pk: scheduler.LOWER_VALUE,
        requests[3].pk: scheduler.LOWER_VALUE,
    }
    assert "Not enough tables or time" in explained(run, lounge)[requests[0].pk]


def test_no_table_at_all(lounge, cast):
    with_slots(lounge, count=3, tables=0)
    request = accepted(person(lounge, "amina"), person(lounge, "bilal"))

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

    assert run.proposal == [] and run.value == 0 and run.status == scheduler.OPTIMAL
    assert explained(run, lounge) == {request.pk: "The lounge has no table open in any slot."}


def test_no_slot_at_all(lounge, cast):
    request = accepted(person(lounge, "amina"), person(lounge, "bilal"))
    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)
    assert [e["reason"] for e in run.unplaced] == [scheduler.NO_TABLE]
    assert run.unplaced[0]["request"] == request.pk


def test_a_cap_of_zero(lounge, cast):
    with_slots(lounge, count=3, tables=2)
    amina, bilal, chama = (
        person(lounge, "amina", cap=0),
        person(lounge, "bilal"),
        person(lounge, "chama"),
    )
    refused, placed = accepted(amina, bilal), accepted(chama, bilal)

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

    assert [e["request"] for e in run.proposal] == [placed.pk]
    assert explained(run, lounge) == {
        refused.pk: "Amina SARL takes no meetings (their limit is zero)."
    }


def test_a_lounge_cap_of_zero_stops_everyone(edition, before_the_event, cast):
    lounge = LoungeFactory(edition=edition, max_meetings=0)
    with_slots(lounge, count=2, tables=2)
    request = accepted(person(lounge, "amina"), person(lounge, "bilal"))

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

    assert run.proposal == []
    assert run.unplaced[0]["request"] == request.pk
    assert run.unplaced[0]["reason"] == scheduler.CAP_ZERO


def test_a_reached_cap_and_no_common_slot(lounge, cast):
    slots = with_slots(lounge, count=2, tables=2)
    amina = person(lounge, "amina", cap=1)
    bilal, chama, driss, elias = (person(lounge, n) for n in ("bilal", "chama", "driss", "elias"))
    driss.blocked_slots.add(slots[0])
    elias.blocked_slots.add(slots[1])
    best = accepted(amina, bilal, priority=3, target_priority=3)
    capped = accepted(amina, chama)
    apart = accepted(driss, elias)

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

    assert [e["request"] for e in run.proposal] == [best.pk]
    words = explained(run, lounge)
    assert words[capped.pk] == "Amina SARL already has as many meetings as they accept."
    assert words[apart.pk] == "The two are never free at the same time while a table is open."


def test_someone_who_left_the_lounge(lounge, cast):
    with_slots(lounge, count=2, tables=2)
    amina, bilal = person(lounge, "amina"), person(lounge, "bilal")
    request = accepted(amina, bilal)
    bilal.is_active = False
    bilal.save()

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

    assert run.proposal == []
    assert explained(run, lounge) == {request.pk: "Bilal SARL no longer takes part in the lounge."}


def test_slots_that_have_started_take_no_new_meeting(lounge, cast, before_the_event):
    slots = with_slots(lounge, day=25, start=(14, 0), count=3, tables=1)
    placed = accepted(person(lounge, "amina"), person(lounge, "bilal"))
    before_the_event.move_to(slots[1].starts_at + timedelta(minutes=5))

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

    assert [(e["request"], e["slot"]) for e in run.proposal] == [(placed.pk, slots[2].pk)]
    assert timezone.now() > slots[1].starts_at


def test_a_run_first_expires_requests_left_unanswered(lounge, cast):
    with_slots(lounge, count=2, tables=1)
    late = pending(person(lounge, "amina"), person(lounge, "bilal"), days=-1)

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5, include_unanswered=True)

    late.refresh_from_db()
    assert late.status == MeetingRequest.Status.EXPIRED
    assert run.proposal == [] and run.unplaced == []


def test_a_past_edition_is_played_with_the_time_it_had(lounge, cast, before_the_event):
    slots = with_slots(lounge, day=25, start=(14, 0), count=2, tables=1)
    request = accepted(person(lounge, "amina"), person(lounge, "bilal"))
    then = timezone.now()
    before_the_event.move_to("2022-06-15 12:00:00+00:00")  # long after the symposium

    assert planning.run_scheduler(lounge, by=None, time_limit=5).proposal == []
    run = planning.run_scheduler(lounge, by=None, time_limit=5, now=then)
    done = planning.publish(run, by=None, now=then)

    assert run.started_at == then and [e["request"] for e in run.proposal] == [request.pk]
    assert len(done.added) == 1 and Meeting.objects.get().published_at == then
    assert Meeting.objects.get().slot in slots
