"""Shared helpers of the scheduler, publication, agenda and staff tests (their
fixtures are in meetings/conftest.py).

`person(lounge, "amina")` is a participant whose organisation is "Amina SARL";
`accepted(a, b)` an accepted request between two of them. `assert_sound(lounge)` checks, from the
database alone, every rule a published schedule must keep.
"""

from collections import Counter
from datetime import timedelta

from django.utils import timezone

from matchmaking.availability import unavailable_slots
from matchmaking.models import Meeting, MeetingRequest, MeetingSide, Profile
from matchmaking.tests.factories import MeetingRequestFactory, ProfileFactory
from startups.tests.factories import UserFactory

BEFORE_THE_EVENT = "2022-05-20 09:00:00+00:00"


def person(lounge, name: str, *, kind=Profile.Kind.STARTUP, language="fr", cap=8, **extra):
    user = UserFactory(username=f"{name}@example.ma", email=f"{name}@example.ma", first_name=name)
    return ProfileFactory(
        lounge=lounge,
        user=user,
        kind=kind,
        organisation=f"{name.title()} SARL",
        display_name=name.title(),
        language=language,
        max_meetings=cap,
        **extra,
    )


def accepted(requester, target, *, priority=2, target_priority=2, mutual=False, **extra):
    return MeetingRequestFactory(
        lounge=requester.lounge,
        requester=requester,
        target=target,
        status=MeetingRequest.Status.ACCEPTED,
        requester_priority=priority,
        target_priority=target_priority,
        is_mutual=mutual,
        answered_at=timezone.now(),
        **extra,
    )


def pending(requester, target, *, priority=2, days=5, **extra):
    return MeetingRequestFactory(
        lounge=requester.lounge,
        requester=requester,
        target=target,
        requester_priority=priority,
        expires_at=timezone.now() + timedelta(days=days),
        **extra,
    )


def published(lounge):
    return list(
        Meeting.objects.published()
        .filter(lounge=lounge)
        .select_related("request", "slot", "table")
        .order_by("slot__starts_at", "table__number")
    )


def assert_sound(lounge) -> list[Meeting]:
    """Nobody and no table double-booked, both sides seated with the meeting's slot,
    availability (declared and speaking), open tables and caps respected, each pair once."""
    meetings = published(lounge)
    assert max(Counter((m.slot_id, m.table_id) for m in meetings).values(), default=0) <= 1
    sides = list(MeetingSide.objects.filter(meeting__lounge=lounge, is_active=True))
    assert max(Counter((s.profile_id, s.slot_id) for s in sides).values(), default=0) <= 1
    seated = {}
    for side in sides:
        seated.setdefault(side.meeting_id, set()).add((side.profile_id, side.slot_id))
    pairs = Counter()
    profiles = {p.pk: p for p in lounge.profiles.all()}
    blocked = unavailable_slots(profiles.values(), list(lounge.slots.all()), lounge)
    for m in meetings:
        people = (m.request.requester_id, m.request.target_id)
        assert seated[m.pk] == {(p, m.slot_id) for p in people}, f"sides of {m} not seated"
        assert not m.table.closed_slots.filter(pk=m.slot_id).exists(), f"{m}: table closed"
        for profile_id in people:
            assert m.slot_id not in blocked[profile_id], f"{m}: {profile_id} unavailable"
        pairs[frozenset(people)] += 1
    assert max(pairs.values(), default=0) <= 1
    count = Counter(p for m in meetings for p in (m.request.requester_id, m.request.target_id))
    for profile_id, n in count.items():
        assert n <= min(profiles[profile_id].max_meetings, lounge.max_meetings)
    return meetings
