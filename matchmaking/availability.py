"""When a lounge participant can meet.

A slot is out for a person when they declared it (`Profile.blocked_slots`) or
when they speak in a session of the programme at that time: their speaker
entry carries the e-mail of their account (`Speaker.email`), so the sessions
they speak in block them automatically, and a session moved in the programme
moves the block with it.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from matchmaking.models import LoungeSlot, Profile
from programme.models import Session


def speaking_sessions(profiles: Iterable[Profile], lounge) -> dict[int, list[Session]]:
    """Published sessions of the lounge's edition in which each profile's person speaks."""
    emails = {}
    for profile in profiles:
        if profile.user.email:
            emails.setdefault(profile.user.email.lower(), []).append(profile.pk)
    found: dict[int, list[Session]] = defaultdict(list)
    if not emails:
        return found
    by_email = Q()
    for email in emails:
        by_email |= Q(appearances__speaker__email__iexact=email)
    sessions = (
        Session.objects.published()
        .filter(edition_id=lounge.edition_id)
        .filter(by_email)
        .prefetch_related("appearances__speaker")
        .distinct()
        .order_by("starts_at")
    )
    for session in sessions:
        for appearance in session.appearances.all():
            for profile_id in emails.get(appearance.speaker.email.lower(), ()):
                if session not in found[profile_id]:
                    found[profile_id].append(session)
    return found


def overlaps(slot: LoungeSlot, session: Session) -> bool:
    return slot.starts_at < session.ends_at and session.starts_at < slot.ends_at


def unavailable_slots(profiles: Iterable[Profile], slots: list[LoungeSlot], lounge) -> dict:
    """profile id → {slot id: why}, why being "declared" or the session that blocks it."""
    profiles = list(profiles)
    speaking = speaking_sessions(profiles, lounge)
    declared = defaultdict(set)
    through = Profile.blocked_slots.through.objects.filter(profile__in=profiles)
    for profile_id, slot_id in through.values_list("profile_id", "loungeslot_id"):
        declared[profile_id].add(slot_id)
    result = {}
    for profile in profiles:
        blocked = {slot_id: "declared" for slot_id in declared[profile.pk]}
        for session in speaking.get(profile.pk, ()):
            for slot in slots:
                if overlaps(slot, session):
                    blocked.setdefault(slot.pk, session)
        result[profile.pk] = blocked
    return result


def available_slot_ids(profile: Profile, slots: list[LoungeSlot]) -> set[int]:
    blocked = unavailable_slots([profile], slots, profile.lounge)[profile.pk]
    return {slot.pk for slot in slots if slot.pk not in blocked}
