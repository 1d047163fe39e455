"""Taking part in the lounge: who may join, joining, one's profile, availability, challenges.

Selected startups of the edition's call join as startups, their profile filled
in from their application; anyone with a confirmed registration of the edition
joins as a corporate, an institution or another participant. Every function
owns its transaction and raises `ParticipationError` with a translated message.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.services import registrations_of
from core.errors import RuleError
from editions.models import Pivot
from editions.services import current_edition
from matchmaking.models import Challenge, Lounge, LoungeSlot, Profile
from registration.models import Registration
from startups.models import Application

Kind = Profile.Kind
# Who may publish innovation challenges.
PUBLISHERS = frozenset({Kind.CORPORATE, Kind.INSTITUTION})
REGISTERED_KINDS = (Kind.CORPORATE, Kind.INSTITUTION, Kind.PARTICIPANT)


class ParticipationError(RuleError):
    """A rule refused the change; `message` is translated, `code` is for machines."""


def current_lounge() -> Lounge:
    """The lounge of the current edition; Http404 when there is none."""
    edition = current_edition()  # with its lounge, for the site header
    try:
        return edition.lounge
    except Lounge.DoesNotExist:
        raise Http404("This edition has no lounge.") from None


@dataclass
class Eligibility:
    """What entitles a person to join a lounge, and what they have short of it."""

    application: Application | None = None  # selected, of the edition's call
    registration: Registration | None = None  # confirmed, of the edition
    applications: list[Application] = field(default_factory=list)  # all of theirs
    registrations: list[Registration] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        kinds = [Kind.STARTUP] if self.application else []
        return kinds + list(REGISTERED_KINDS) if self.registration else kinds

    @property
    def is_eligible(self) -> bool:
        return bool(self.kinds)


def eligibility(lounge: Lounge, *, user) -> Eligibility:
    applications = list(
        Application.objects.filter(call__edition_id=lounge.edition_id, applicant=user).order_by(
            "-created_at"
        )
    )
    registrations = list(registrations_of(user).filter(edition_id=lounge.edition_id))
    selected = [a for a in applications if a.status == Application.Status.SELECTED]
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    return Eligibility(
        application=selected[0] if selected else None,
        registration=confirmed[0] if confirmed else None,
        applications=applications,
        registrations=registrations,
    )


def join(
    lounge: Lounge, *, user, kind: str, organisation: str = "", display_name: str = ""
) -> tuple[Profile, bool]:
    """Opt in to the lounge. Returns the profile and whether it is new: joining
    twice gives back the first profile."""
    existing = Profile.objects.filter(lounge=lounge, user=user).first()
    if existing is not None:
        return existing, False
    entitled = eligibility(lounge, user=user)
    if kind not in entitled.kinds:
        raise ParticipationError(_join_refusal(entitled), "not_eligible")
    fields, pivots = prefilled(entitled, kind=kind, user=user)
    fields["organisation"] = organisation or fields["organisation"]
    fields["display_name"] = display_name or fields["display_name"]
    fields["max_meetings"] = lounge.max_meetings
    try:
        with transaction.atomic():
            profile = Profile.objects.create(lounge=lounge, user=user, kind=kind, **fields)
            profile.pivots.set(pivots)
    except IntegrityError:  # the same person joining twice at once
        return Profile.objects.get(lounge=lounge, user=user), False
    return profile, True


def _join_refusal(entitled: Eligibility) -> str:
    if entitled.is_eligible:
        return _("Choose how you take part among the choices offered.")
    return _(
        "The lounge is open to the selected startups of the Startup Village and to people "
        "with a confirmed registration for this edition."
    )


def prefilled(entitled: Eligibility, *, kind: str, user) -> tuple[dict, list[Pivot]]:
    """A new profile's fields from the application (startups) or the registration."""
    name = user.get_full_name() or ""
    if kind == Kind.STARTUP:
        application = entitled.application
        fields = {
            "application": application,
            "organisation": application.name,
            "display_name": application.contact_name or name or application.name,
            "summary": application.pitch,
            "seeking": application.seeking,
            "sectors": [application.sector] if application.sector else [],
            "language": application.language,
        }
        return fields, [application.pivot] if application.pivot_id else []
    registration = entitled.registration
    fields = {
        "organisation": registration.organisation or registration.full_name,
        "display_name": registration.full_name or name,
        "language": registration.language,
    }
    return fields, list(registration.pivots.all())


@dataclass
class ProfileDetails:
    """What a participant edits on their profile page."""

    organisation: str
    display_name: str
    summary: str = ""
    offers: str = ""
    seeking: str = ""
    sectors: list[str] = field(default_factory=list)
    pivots: list[Pivot] = field(default_factory=list)
    max_meetings: int = 0
    is_active: bool = True
    language: str = "fr"


@transaction.atomic
def update_profile(profile: Profile, *, details: ProfileDetails) -> Profile:
    profile = Profile.objects.select_for_update().select_related("lounge").get(pk=profile.pk)
    if not 0 <= details.max_meetings <= profile.lounge.max_meetings:
        raise ParticipationError(
            _("Choose between 0 and %(most)s meetings.") % {"most": profile.lounge.max_meetings},
            "max_meetings",
        )
    if any(p.edition_id != profile.lounge.edition_id for p in details.pivots):
        raise ParticipationError(_("Choose among the pivots of this edition."), "pivot")
    for name in (
        "organisation",
        "display_name",
        "summary",
        "offers",
        "seeking",
        "max_meetings",
        "is_active",
        "language",
    ):
        setattr(profile, name, getattr(details, name))
    profile.sectors = list(dict.fromkeys(details.sectors))
    profile.save()
    profile.pivots.set(details.pivots)
    return profile


@transaction.atomic
def set_blocked_slots(
    profile: Profile, *, slots: Iterable[LoungeSlot], keep: Iterable[LoungeSlot] = ()
) -> Profile:
    """Declare the lounge slots the person cannot meet in. `keep` are slots whose
    declaration stays as it is (those a session they speak in blocks anyway)."""
    slots, keep = list(slots), {slot.pk for slot in keep}
    if any(slot.lounge_id != profile.lounge_id for slot in slots):
        raise ParticipationError(_("Choose among the lounge's meeting slots."), "slot")
    kept = [pk for pk in profile.blocked_slots.values_list("pk", flat=True) if pk in keep]
    profile.blocked_slots.set({slot.pk for slot in slots if slot.pk not in keep} | set(kept))
    profile.save(update_fields=["updated_at"])  # when the person last changed it
    return profile


@dataclass
class ChallengeDetails:
    title: str
    description: str
    keywords: str = ""
    pivot: Pivot | None = None
    is_published: bool = True


def _check_publisher(profile: Profile, details: ChallengeDetails) -> None:
    if profile.kind not in PUBLISHERS:
        raise ParticipationError(
            _("Innovation challenges are published by corporates and institutions."), "not_allowed"
        )
    if details.pivot is not None and details.pivot.edition_id != profile.lounge.edition_id:
        raise ParticipationError(_("Choose among the pivots of this edition."), "pivot")


def _keywords(text: str) -> str:
    words = dict.fromkeys(word.strip() for word in text.split(",") if word.strip())
    return ", ".join(words)


@transaction.atomic
def publish_challenge(profile: Profile, *, details: ChallengeDetails) -> Challenge:
    _check_publisher(profile, details)
    return Challenge.objects.create(
        profile=profile,
        title=details.title,
        description=details.description,
        keywords=_keywords(details.keywords),
        pivot=details.pivot,
        is_published=details.is_published,
    )


@transaction.atomic
def update_challenge(challenge: Challenge, *, by: Profile, details: ChallengeDetails) -> Challenge:
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.profile_id != by.pk:
        raise ParticipationError(_("This challenge is not yours."), "not_yours")
    _check_publisher(by, details)
    challenge.title = details.title
    challenge.description = details.description
    challenge.keywords = _keywords(details.keywords)
    challenge.pivot = details.pivot
    challenge.is_published = details.is_published
    challenge.save()
    return challenge


@transaction.atomic
def set_challenge_published(challenge: Challenge, *, by: Profile, published: bool) -> Challenge:
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.profile_id != by.pk:
        raise ParticipationError(_("This challenge is not yours."), "not_yours")
    challenge.is_published = published
    challenge.save(update_fields=["is_published", "updated_at"])
    return challenge
