"""Publishing a scheduler run: meetings and their two sides, the e-mails, re-runs that
keep (or, afresh, move) published meetings, and proposals that are out of date."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from icalendar import Calendar

from core.testing import all_at_once
from matchmaking import planning, reasons, scheduler
from matchmaking.models import Meeting, MeetingRequest, MeetingSide
from matchmaking.tests.factories import LoungeFactory, MeetingRequestFactory, with_slots
from matchmaking.tests.meeting_helpers import accepted, assert_sound, person, published

pytestmark = pytest.mark.django_db


def run_and_publish(lounge, by, **options):
    run = planning.run_scheduler(lounge, by=by, time_limit=5, **options)
    return run, planning.publish(run, by=by)


def attached_calendar(message) -> Calendar:
    (ics,) = [content for name, content, kind in message.attachments if name == "meeting.ics"]
    return Calendar.from_ical(ics)


@pytest.fixture
def four(lounge):
    """Two slots with two tables; Amina (French), Bilal (Arabic), Chama, Driss (English)."""
    slots = with_slots(lounge, day=25, start=(14, 0), count=2, tables=2)
    people = [
        person(lounge, "amina"),
        person(lounge, "bilal", language="ar"),
        person(lounge, "chama"),
        person(lounge, "driss", language="en"),
    ]
    return slots, people


# Publishing


def test_publish_seats_both_sides_and_books_nobody_twice(lounge, four, cast):
    slots, (amina, bilal, chama, driss) = four
    requests = [
        accepted(amina, bilal),
        accepted(amina, chama),
        accepted(bilal, driss),
        accepted(chama, driss),
        accepted(amina, driss),
    ]

    run, done = run_and_publish(lounge, cast["admin"])

    meetings = assert_sound(lounge)
    assert len(meetings) == 4 == len(done.added)  # 2 slots × 2 tables, each once
    assert {m.request_id for m in meetings} < {r.pk for r in requests}
    assert MeetingSide.objects.filter(is_active=True).count() == 8
    run.refresh_from_db()
    assert run.published_at is not None and run.published_by == cast["admin"]
    assert all(m.run_id == run.pk for m in meetings)


def test_both_sides_see_the_same_table_and_time(lounge, four, cast):
    _slots, (amina, bilal, *_rest) = four
    accepted(amina, bilal)
    run_and_publish(lounge, cast["admin"])

    (meeting,) = published(lounge)
    sides = MeetingSide.objects.filter(meeting=meeting).select_related("slot")
    assert {(s.profile_id, s.slot_id) for s in sides} == {
        (amina.pk, meeting.slot_id),
        (bilal.pk, meeting.slot_id),
    }


def test_each_side_is_told_in_their_language_with_the_meeting_attached(
    lounge, four, cast, mailoutbox, django_capture_on_commit_callbacks
):
    _slots, (amina, bilal, *_rest) = four
    accepted(amina, bilal, message="Nos capteurs repèrent les fuites.")
    lounge.tables.filter(number=1).update(label="près de la fenêtre")

    with django_capture_on_commit_callbacks(execute=True):
        run_and_publish(lounge, cast["admin"])

    (meeting,) = published(lounge)
    assert len(mailoutbox) == 2
    to_amina, to_bilal = sorted(mailoutbox, key=lambda m: m.to[0])
    assert (
        to_amina.to == ["amina@example.ma"] and to_amina.extra_headers["Content-Language"] == "fr"
    )
    assert "Bilal SARL" in to_amina.subject
    assert f"table {meeting.table.number}" in to_amina.body
    assert "mercredi 25 mai 2022, 14:" in to_amina.body
    assert to_bilal.extra_headers["Content-Language"] == "ar"
    assert "Amina SARL" in to_bilal.subject
    event = attached_calendar(to_amina).walk("VEVENT")[0]
    assert event["UID"] == attached_calendar(to_bilal).walk("VEVENT")[0]["UID"]
    assert event.start == meeting.slot.starts_at and event.end == meeting.slot.ends_at
    assert event.start.utcoffset() == timedelta(0)
    assert "Bilal SARL" in event["SUMMARY"]
    assert "Nos capteurs repèrent les fuites." in event["DESCRIPTION"]


def test_nothing_is_sent_when_publication_fails(
    lounge, four, cast, mailoutbox, django_capture_on_commit_callbacks
):
    _slots, (amina, bilal, *_rest) = four
    accepted(amina, bilal)
    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)
    planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)  # a newer run

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(planning.PublishError):
        planning.publish(run, by=cast["admin"])

    assert mailoutbox == [] and not Meeting.objects.exists()


# Re-runs


def test_a_rerun_keeps_published_meetings(lounge, cast):
    slots = with_slots(lounge, count=1, tables=1)
    amina, bilal, chama = (person(lounge, n) for n in ("amina", "bilal", "chama"))
    first = accepted(amina, bilal, priority=1, target_priority=1)
    run_and_publish(lounge, cast["admin"])
    weightier = accepted(amina, chama, priority=3, target_priority=3, mutual=True)

    run, done = run_and_publish(lounge, cast["admin"])

    assert [(m.request_id, m.slot_id) for m in published(lounge)] == [(first.pk, slots[0].pk)]
    assert run.proposal[0]["kept"] is True and done.kept == [published(lounge)[0].pk]
    assert run.unplaced == [
        {"request": weightier.pk, "reason": scheduler.TAKEN_BY_KEPT, "people": []}
    ]


def test_a_kept_meeting_is_moved_when_someone_became_unavailable(
    lounge, cast, mailoutbox, django_capture_on_commit_callbacks
):
    slots = with_slots(lounge, count=2, tables=1)
    amina, bilal = person(lounge, "amina", language="en"), person(lounge, "bilal", language="en")
    accepted(amina, bilal)
    run_and_publish(lounge, cast["admin"])
    (meeting,) = published(lounge)
    bilal.blocked_slots.add(meeting.slot)
    other = next(s for s in slots if s != meeting.slot)

    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)
    assert run.dropped == [
        {"meeting": meeting.pk, "reason": scheduler.UNAVAILABLE_IN_SLOT, "people": [bilal.pk]}
    ]
    with django_capture_on_commit_callbacks(execute=True):
        done = planning.publish(run, by=cast["admin"])

    assert done.moved == [meeting.pk]
    assert [(m.pk, m.slot_id) for m in assert_sound(lounge)] == [(meeting.pk, other.pk)]
    assert {m.to[0] for m in mailoutbox} == {"amina@example.ma", "bilal@example.ma"}
    assert all("has moved" in m.subject for m in mailoutbox)
    assert all("It was planned for Wednesday May 25, 2022, 14:" in m.body for m in mailoutbox)


def test_a_kept_meeting_is_cancelled_with_the_reason_when_it_no_longer_fits(
    lounge, cast, mailoutbox, django_capture_on_commit_callbacks
):
    with_slots(lounge, count=2, tables=1)
    amina, bilal = person(lounge, "amina"), person(lounge, "bilal", language="en")
    accepted(amina, bilal)
    run_and_publish(lounge, cast["admin"])
    (meeting,) = published(lounge)
    bilal.blocked_slots.set(lounge.slots.all())

    with django_capture_on_commit_callbacks(execute=True):
        run, done = run_and_publish(lounge, cast["admin"])

    assert done.cancelled == [meeting.pk] and published(lounge) == []
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED and meeting.cancelled_at is not None
    assert meeting.cancel_reason == scheduler.UNAVAILABLE_IN_SLOT
    assert not MeetingSide.objects.filter(meeting=meeting, is_active=True).exists()
    to_bilal = next(m for m in mailoutbox if m.to == ["bilal@example.ma"])
    assert "cancelled" in to_bilal.subject
    assert "Bilal SARL is no longer available at that time." in to_bilal.body
    cancel = attached_calendar(to_bilal)
    assert cancel["METHOD"] == "CANCEL"
    assert cancel.walk("VEVENT")[0]["STATUS"] == "CANCELLED"


def test_a_declined_request_cancels_its_meeting(lounge, cast):
    with_slots(lounge, count=1, tables=1)
    request = accepted(person(lounge, "amina"), person(lounge, "bilal"))
    run_and_publish(lounge, cast["admin"])
    MeetingRequest.objects.filter(pk=request.pk).update(status=MeetingRequest.Status.CANCELLED)

    run, done = run_and_publish(lounge, cast["admin"])

    assert run.dropped[0]["reason"] == scheduler.NO_REQUEST and len(done.cancelled) == 1
    assert published(lounge) == []


def test_starting_afresh_moves_published_meetings_and_tells_both_sides(
    lounge, cast, mailoutbox, django_capture_on_commit_callbacks
):
    slots = with_slots(lounge, count=2, tables=1)
    amina, bilal, chama, driss = (
        person(lounge, n, language="en") for n in ("amina", "bilal", "chama", "driss")
    )
    chama.blocked_slots.add(slots[1])
    first = accepted(amina, bilal)
    run_and_publish(lounge, cast["admin"])
    (meeting,) = published(lounge)
    if meeting.slot_id != slots[0].pk:  # make it sit where the newcomers need the table
        MeetingSide.objects.filter(meeting=meeting).update(slot=slots[0])
        Meeting.objects.filter(pk=meeting.pk).update(slot=slots[0])
    newcomers = accepted(chama, driss, priority=3, target_priority=3)

    kept_run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)
    assert kept_run.unplaced[0]["request"] == newcomers.pk
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        run, done = run_and_publish(lounge, cast["admin"], keep_published=False)

    assert not run.keep_published
    assert run.dropped == [{"meeting": meeting.pk, "reason": reasons.AFRESH, "people": []}]
    assert done.moved == [meeting.pk] and len(done.added) == 1
    places = {m.request_id: m.slot_id for m in assert_sound(lounge)}
    assert places == {first.pk: slots[1].pk, newcomers.pk: slots[0].pk}
    moved_to = {m.to[0] for m in mailoutbox if "has moved" in m.subject}
    assert moved_to == {"amina@example.ma", "bilal@example.ma"}
    assert {m.to[0] for m in mailoutbox} == moved_to | {"chama@example.ma", "driss@example.ma"}


def test_a_moved_meeting_keeps_its_calendar_uid(
    lounge, cast, django_capture_on_commit_callbacks, mailoutbox
):
    slots = with_slots(lounge, count=2, tables=1)
    amina, bilal = person(lounge, "amina"), person(lounge, "bilal")
    accepted(amina, bilal)
    with django_capture_on_commit_callbacks(execute=True):
        run_and_publish(lounge, cast["admin"])
    (meeting,) = published(lounge)
    bilal.blocked_slots.add(meeting.slot)
    with django_capture_on_commit_callbacks(execute=True):
        run_and_publish(lounge, cast["admin"])

    first, moved = (attached_calendar(m).walk("VEVENT")[0] for m in (mailoutbox[0], mailoutbox[2]))
    assert first["UID"] == moved["UID"]
    assert moved["SEQUENCE"] >= first["SEQUENCE"]
    assert moved.start != first.start and moved.start in {s.starts_at for s in slots}


def test_a_meeting_cancelled_earlier_can_be_placed_again(lounge, cast):
    with_slots(lounge, count=1, tables=1)
    amina, bilal = person(lounge, "amina"), person(lounge, "bilal")
    accepted(amina, bilal)
    run_and_publish(lounge, cast["admin"])
    bilal.blocked_slots.set(lounge.slots.all())
    run_and_publish(lounge, cast["admin"])
    assert published(lounge) == []
    bilal.blocked_slots.clear()

    _run, done = run_and_publish(lounge, cast["admin"])

    (meeting,) = assert_sound(lounge)
    assert done.added == [meeting.pk] and meeting.cancel_reason == ""
    assert MeetingSide.objects.filter(meeting=meeting, is_active=True).count() == 2


# Out of date


def test_a_proposal_with_a_newer_run_is_refused(lounge, cast):
    with_slots(lounge, count=1, tables=1)
    accepted(person(lounge, "amina"), person(lounge, "bilal"))
    old = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)
    planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

    with pytest.raises(planning.PublishError) as refused:
        planning.publish(old, by=cast["admin"])

    assert refused.value.code == "newer_run"
    old.refresh_from_db()
    assert old.published_at is None and not Meeting.objects.exists()


def test_a_proposal_is_published_once(lounge, cast):
    with_slots(lounge, count=1, tables=1)
    accepted(person(lounge, "amina"), person(lounge, "bilal"))
    run, _done = run_and_publish(lounge, cast["admin"])

    with pytest.raises(planning.PublishError) as refused:
        planning.publish(run, by=cast["admin"])

    assert refused.value.code == "already_published"
    assert Meeting.objects.count() == 1


def test_a_proposal_the_lounge_no_longer_allows_is_refused(lounge, cast):
    with_slots(lounge, count=1, tables=1)
    amina, bilal = person(lounge, "amina"), person(lounge, "bilal")
    accepted(amina, bilal)
    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)
    amina.blocked_slots.set(lounge.slots.all())  # changed her mind meanwhile

    with pytest.raises(planning.PublishError) as refused:
        planning.publish(run, by=cast["admin"])

    assert refused.value.code == "changed"
    run.refresh_from_db()
    assert run.published_at is None and not Meeting.objects.exists()


def test_a_seat_the_database_refuses_turns_into_run_again(lounge, edition, cast):
    (slot,) = with_slots(lounge, count=1, tables=1)
    accepted(person(lounge, "amina"), person(lounge, "bilal"))
    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)
    # Something outside this lounge's published meetings took the table meanwhile.
    stray = MeetingRequestFactory(lounge=LoungeFactory(), status=MeetingRequest.Status.ACCEPTED)
    Meeting.objects.create(lounge=stray.lounge, request=stray, slot=slot, table=lounge.tables.get())

    with pytest.raises(planning.PublishError) as refused:
        planning.publish(run, by=cast["admin"])

    assert refused.value.code == "changed"
    run.refresh_from_db()
    assert run.published_at is None
    assert Meeting.objects.filter(lounge=lounge).count() == 0


def test_the_database_refuses_a_person_twice_in_a_slot(lounge, cast):
    (slot,) = with_slots(lounge, count=1, tables=2)
    amina, bilal, chama = (person(lounge, n) for n in ("amina", "bilal", "chama"))
    one, two = accepted(amina, bilal), accepted(amina, chama)
    first_table, second_table = lounge.tables.all()
    meeting = Meeting.objects.create(lounge=lounge, request=one, slot=slot, table=first_table)
    MeetingSide.objects.create(meeting=meeting, profile=amina, slot=slot)
    other = Meeting.objects.create(lounge=lounge, request=two, slot=slot, table=second_table)

    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingSide.objects.create(meeting=other, profile=amina, slot=slot)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_staff_publishing_the_same_run_at_once_publish_it_once(edition, cast):
    from freezegun import freeze_time

    with freeze_time("2022-05-20 09:00:00+00:00"):
        lounge = LoungeFactory(edition=edition)
        with_slots(lounge, count=3, tables=2)
        people = [person(lounge, n) for n in ("amina", "bilal", "chama", "driss")]
        for a, b in [(0, 1), (2, 3), (0, 2), (1, 3)]:
            accepted(people[a], people[b])
        run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)

        def one_click():
            planning.publish(run, by=cast["admin"])
            return "published"

        outcomes, errors = all_at_once([one_click] * 4, refusals=planning.PublishError)

        assert not errors, errors
        assert sorted(outcomes) == ["already_published"] * 3 + ["published"]
        assert len(assert_sound(lounge)) == 4


def test_a_run_whose_published_meetings_changed_since_is_refused(lounge, cast):
    with_slots(lounge, count=2, tables=1)
    amina, bilal, chama = (person(lounge, n) for n in ("amina", "bilal", "chama"))
    accepted(amina, bilal)
    planning.publish(planning.run_scheduler(lounge, by=cast["admin"], time_limit=5), by=None)
    accepted(amina, chama)
    run = planning.run_scheduler(lounge, by=cast["admin"], time_limit=5)
    assert [e["kept"] for e in run.proposal].count(True) == 1
    # The published meeting is cancelled after the run saw it (not by this proposal).
    Meeting.objects.filter(lounge=lounge).update(status=Meeting.Status.CANCELLED)
    MeetingSide.objects.update(is_active=False)

    with pytest.raises(planning.PublishError) as refused:
        planning.publish(run, by=cast["admin"])

    assert refused.value.code == "changed"
    assert published(lounge) == []


def test_meetings_already_held_stay_whatever_changed_since(lounge, cast, before_the_event):
    slots = with_slots(lounge, day=25, start=(14, 0), count=3, tables=1)
    amina, bilal, chama = (person(lounge, n) for n in ("amina", "bilal", "chama"))
    amina.blocked_slots.add(slots[1], slots[2])
    held = accepted(amina, bilal)
    accepted(bilal, chama)
    run_and_publish(lounge, cast["admin"])
    places = {m.request_id: m.slot_id for m in published(lounge)}
    assert places[held.pk] == slots[0].pk
    before_the_event.move_to(slots[0].ends_at + timedelta(minutes=5))
    # Since the meeting: Amina left, Bilal blocked that slot, its table closed there,
    # the request was withdrawn; and staff start afresh.
    amina.is_active = False
    amina.save()
    bilal.blocked_slots.add(slots[0])
    lounge.tables.get().closed_slots.add(slots[0])
    MeetingRequest.objects.filter(pk=held.pk).update(status=MeetingRequest.Status.CANCELLED)

    run, done = run_and_publish(lounge, cast["admin"], keep_published=False)

    assert {m.request_id: m.slot_id for m in published(lounge)}[held.pk] == slots[0].pk
    assert done.cancelled == []
    assert all(e["slot"] != slots[0].pk or e["request"] == held.pk for e in run.proposal)
