"""Taking part: who may join, joining (prefilled profiles), editing one's profile,
declaring availability, publishing innovation challenges."""

import pytest

from editions.tests.factories import EditionFactory, PivotFactory
from matchmaking import participation
from matchmaking.models import Challenge, Profile
from matchmaking.participation import (
    ChallengeDetails,
    ParticipationError,
    ProfileDetails,
    eligibility,
    join,
)
from matchmaking.tests.factories import LoungeFactory, ProfileFactory, with_slots
from registration.models import Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory
from startups.models import Application
from startups.tests.factories import ApplicationFactory, CallFactory, UserFactory

pytestmark = pytest.mark.usefixtures("in_english")

Kind = Profile.Kind
AppStatus = Application.Status
RegStatus = Registration.Status
ALL_REGISTERED = [Kind.CORPORATE, Kind.INSTITUTION, Kind.PARTICIPANT]


@pytest.fixture
def lounge(edition):
    return LoungeFactory(edition=edition)


@pytest.fixture
def call(edition):
    return CallFactory(edition=edition)


@pytest.fixture
def person(db):
    return UserFactory(username="amina@example.ma", first_name="Amina", last_name="Tazi")


def registered(person, edition, status=RegStatus.CONFIRMED, **fields):
    return RegistrationFactory(
        pass_type=PassTypeFactory(edition=edition),
        email=person.email.upper(),  # matched without regard to case
        status=status,
        **fields,
    )


# Who may join


def test_a_selected_startup_may_join_as_a_startup(lounge, call, person):
    application = ApplicationFactory(call=call, applicant=person, status=AppStatus.SELECTED)
    entitled = eligibility(lounge, user=person)
    assert entitled.is_eligible
    assert entitled.kinds == [Kind.STARTUP]
    assert entitled.application == application


@pytest.mark.parametrize(
    "status", [AppStatus.DRAFT, AppStatus.SUBMITTED, AppStatus.REJECTED, AppStatus.WITHDRAWN]
)
def test_an_application_not_selected_does_not_entitle(lounge, call, person, status):
    ApplicationFactory(call=call, applicant=person, status=status)
    entitled = eligibility(lounge, user=person)
    assert not entitled.is_eligible
    assert [a.status for a in entitled.applications] == [status]


def test_a_selected_application_of_another_edition_does_not_entitle(lounge, person):
    other_call = CallFactory(edition=EditionFactory())
    ApplicationFactory(call=other_call, applicant=person, status=AppStatus.SELECTED)
    assert not eligibility(lounge, user=person).is_eligible


def test_a_confirmed_registration_entitles_to_the_other_kinds(lounge, person, edition):
    registration = registered(person, edition)
    entitled = eligibility(lounge, user=person)
    assert entitled.kinds == ALL_REGISTERED
    assert entitled.registration == registration


@pytest.mark.parametrize(
    "status", [RegStatus.CANCELLED, RegStatus.PENDING, RegStatus.WAITLISTED, RegStatus.REJECTED]
)
def test_a_registration_not_confirmed_does_not_entitle(lounge, person, edition, status):
    registered(person, edition, status=status)
    entitled = eligibility(lounge, user=person)
    assert not entitled.is_eligible
    assert [r.status for r in entitled.registrations] == [status]


def test_a_registration_for_another_edition_or_address_does_not_entitle(lounge, person, edition):
    registered(person, EditionFactory())
    RegistrationFactory(pass_type=PassTypeFactory(edition=edition), email="other@example.ma")
    assert not eligibility(lounge, user=person).is_eligible


def test_a_selected_startup_with_a_registration_may_choose_any_kind(lounge, call, person, edition):
    ApplicationFactory(call=call, applicant=person, status=AppStatus.SELECTED)
    registered(person, edition)
    assert eligibility(lounge, user=person).kinds == [Kind.STARTUP, *ALL_REGISTERED]


# Joining


def test_a_startup_joins_with_its_profile_from_the_application(lounge, call, person, edition):
    pivot = edition.pivots.get(slug="low-tech")
    application = ApplicationFactory(
        call=call,
        applicant=person,
        status=AppStatus.SELECTED,
        name="Ma3a",
        contact_name="Amina Tazi",
        pitch="Des capteurs pour l'eau.",
        seeking="Un pilote avec une régie.",
        sector="water",
        pivot=pivot,
        language="ar",
    )
    profile, created = join(lounge, user=person, kind=Kind.STARTUP)
    assert created
    assert profile.kind == Kind.STARTUP
    assert profile.application == application
    assert (profile.organisation, profile.display_name) == ("Ma3a", "Amina Tazi")
    assert profile.summary == "Des capteurs pour l'eau."
    assert profile.seeking == "Un pilote avec une régie."
    assert profile.sectors == ["water"]
    assert list(profile.pivots.all()) == [pivot]
    assert profile.language == "ar"
    assert profile.max_meetings == lounge.max_meetings
    assert profile.is_active


def test_a_registered_person_joins_with_their_registration_details(lounge, person, edition):
    registration = registered(
        person, edition, organisation="Lydec", first_name="Amina", last_name="Tazi", language="en"
    )
    registration.pivots.set([edition.pivots.get(slug="governance")])
    profile, _created = join(lounge, user=person, kind=Kind.CORPORATE, display_name="A. Tazi")
    assert (profile.kind, profile.organisation, profile.display_name) == (
        Kind.CORPORATE,
        "Lydec",
        "A. Tazi",
    )
    assert profile.language == "en"
    assert [p.slug for p in profile.pivots.all()] == ["governance"]
    assert profile.application is None


def test_joining_twice_gives_back_the_first_profile(lounge, person, edition):
    registered(person, edition)
    first, created = join(lounge, user=person, kind=Kind.CORPORATE)
    again, created_again = join(lounge, user=person, kind=Kind.INSTITUTION)
    assert created and not created_again
    assert again == first and again.kind == Kind.CORPORATE
    assert Profile.objects.count() == 1


def test_nobody_joins_without_entitlement(lounge, person, call):
    ApplicationFactory(call=call, applicant=person, status=AppStatus.SUBMITTED)
    with pytest.raises(ParticipationError) as refused:
        join(lounge, user=person, kind=Kind.STARTUP)
    assert refused.value.code == "not_eligible"
    assert "confirmed registration" in refused.value.message
    assert not Profile.objects.exists()


def test_a_registered_person_cannot_join_as_a_startup(lounge, person, edition):
    registered(person, edition)
    with pytest.raises(ParticipationError) as refused:
        join(lounge, user=person, kind=Kind.STARTUP)
    assert refused.value.code == "not_eligible"


# The profile


def details(profile, **changes) -> ProfileDetails:
    values = {
        "organisation": "Lydec",
        "display_name": "Amina",
        "summary": "Distribution d'eau",
        "offers": "Des pilotes",
        "seeking": "Des capteurs",
        "sectors": ["water", "water", "energy"],
        "pivots": list(profile.lounge.edition.pivots.all()),
        "max_meetings": 3,
        "is_active": False,
        "language": "ar",
    }
    return ProfileDetails(**{**values, **changes})


def test_updating_the_profile_saves_every_field(lounge):
    profile = ProfileFactory(lounge=lounge)
    participation.update_profile(profile, details=details(profile))
    profile.refresh_from_db()
    assert (profile.organisation, profile.display_name, profile.max_meetings) == (
        "Lydec",
        "Amina",
        3,
    )
    assert profile.sectors == ["water", "energy"]
    assert profile.pivots.count() == 2
    assert not profile.is_active and profile.language == "ar"


@pytest.mark.parametrize("most", [-1, 9])
def test_max_meetings_stays_within_the_lounges_limit(lounge, most):
    profile = ProfileFactory(lounge=lounge, max_meetings=5)
    with pytest.raises(ParticipationError) as refused:
        participation.update_profile(profile, details=details(profile, max_meetings=most))
    assert refused.value.code == "max_meetings"
    profile.refresh_from_db()
    assert profile.max_meetings == 5 and profile.organisation != "Lydec"


def test_a_cap_of_zero_meetings_is_allowed(lounge):
    profile = ProfileFactory(lounge=lounge)
    participation.update_profile(profile, details=details(profile, max_meetings=0))
    profile.refresh_from_db()
    assert profile.max_meetings == 0


def test_pivots_of_another_edition_are_refused(lounge):
    profile = ProfileFactory(lounge=lounge)
    stranger = PivotFactory()
    with pytest.raises(ParticipationError) as refused:
        participation.update_profile(profile, details=details(profile, pivots=[stranger]))
    assert refused.value.code == "pivot"


# Availability


def test_declared_slots_replace_the_previous_ones_but_those_kept(lounge):
    first, second, _third, fourth = with_slots(lounge, count=4)
    profile = ProfileFactory(lounge=lounge)
    profile.blocked_slots.set([first, fourth])
    participation.set_blocked_slots(profile, slots=[second], keep=[fourth])
    assert set(profile.blocked_slots.all()) == {second, fourth}
    participation.set_blocked_slots(profile, slots=[], keep=[])
    assert not profile.blocked_slots.exists()


def test_slots_of_another_lounge_are_refused(lounge):
    profile = ProfileFactory(lounge=lounge)
    (elsewhere,) = with_slots(LoungeFactory(), count=1)
    with pytest.raises(ParticipationError) as refused:
        participation.set_blocked_slots(profile, slots=[elsewhere])
    assert refused.value.code == "slot"
    assert not profile.blocked_slots.exists()


# Innovation challenges


def challenge_details(**changes) -> ChallengeDetails:
    values = {
        "title": "Détecter les fuites",
        "description": "Des capteurs sobres.",
        "keywords": "eau, fuites,, eau , capteurs ",
        "pivot": None,
        "is_published": True,
    }
    return ChallengeDetails(**{**values, **changes})


@pytest.mark.parametrize("kind", [Kind.CORPORATE, Kind.INSTITUTION])
def test_corporates_and_institutions_publish_challenges(lounge, kind):
    profile = ProfileFactory(lounge=lounge, kind=kind)
    challenge = participation.publish_challenge(profile, details=challenge_details())
    assert challenge.profile == profile and challenge.is_published
    assert challenge.keywords == "eau, fuites, capteurs"
    assert list(Challenge.objects.published()) == [challenge]


@pytest.mark.parametrize("kind", [Kind.STARTUP, Kind.PARTICIPANT])
def test_startups_and_other_participants_do_not_publish_challenges(lounge, kind):
    profile = ProfileFactory(lounge=lounge, kind=kind)
    with pytest.raises(ParticipationError) as refused:
        participation.publish_challenge(profile, details=challenge_details())
    assert refused.value.code == "not_allowed"
    assert not Challenge.objects.exists()


def test_a_challenge_is_edited_and_unpublished_by_its_owner_only(lounge, edition):
    owner = ProfileFactory(lounge=lounge)
    other = ProfileFactory(lounge=lounge)
    challenge = participation.publish_challenge(owner, details=challenge_details())
    pivot = edition.pivots.first()
    participation.update_challenge(
        challenge, by=owner, details=challenge_details(title="Nouveau", pivot=pivot)
    )
    challenge.refresh_from_db()
    assert (challenge.title, challenge.pivot) == ("Nouveau", pivot)
    participation.set_challenge_published(challenge, by=owner, published=False)
    assert not Challenge.objects.published().exists()
    for change in (
        lambda: participation.update_challenge(challenge, by=other, details=challenge_details()),
        lambda: participation.set_challenge_published(challenge, by=other, published=True),
    ):
        with pytest.raises(ParticipationError) as refused:
            change()
        assert refused.value.code == "not_yours"
    challenge.refresh_from_db()
    assert challenge.title == "Nouveau" and not challenge.is_published


def test_a_challenge_pivot_of_another_edition_is_refused(lounge):
    owner = ProfileFactory(lounge=lounge)
    with pytest.raises(ParticipationError) as refused:
        participation.publish_challenge(owner, details=challenge_details(pivot=PivotFactory()))
    assert refused.value.code == "pivot"


def test_an_inactive_profile_hides_its_challenges(lounge):
    owner = ProfileFactory(lounge=lounge, is_active=False)
    participation.publish_challenge(owner, details=challenge_details())
    assert not Challenge.objects.published().exists()
