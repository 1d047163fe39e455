"""The world the authorisation tests point into: an edition with every kind of object
a page shows, and the cast's accounts (anonymous, three participants, one person
per staff role). core/tests/conftest.py's `world` fixture builds it once per test
module and rolls it back after it."""

from types import SimpleNamespace

from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from sesame.utils import get_query_string

from accounts.models import User
from accounts.roles import assign_role
from core.testing import ROLE_CODES

# Before the symposium (25–26 May 2022): the lounge takes requests, bookings are open.
BEFORE_THE_EVENT = "2022-05-20 09:00:00+00:00"

PARTICIPANTS = ["participant", "startup", "corporate"]
CAST = ["anonymous", *PARTICIPANTS, *ROLE_CODES]
ADMIN, PM, DESK, JURY, MOD = ROLE_CODES
STAFF = tuple(ROLE_CODES)

LOGIN, SIGN_IN, JOIN, REDIRECT = "LOGIN", "SIGN_IN", "JOIN", "REDIRECT"


def everyone(answer=200):
    return dict.fromkeys(CAST, answer)


# The world the addresses point into


def build_world():
    """An edition with every kind of object a page shows, and the cast's accounts."""
    from editions.tests.factories import EditionFactory, PivotFactory, SpaceFactory
    from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at

    w = SimpleNamespace()
    w.edition = edition = EditionFactory(slug="scc-2022", is_current=True)
    w.pivot = PivotFactory(edition=edition, slug="low-tech")
    w.space = SpaceFactory(edition=edition, slug="atlas")
    w.session = SessionFactory(
        edition=edition, pivot=w.pivot, space=w.space, starts_at=at(25, 10), ends_at=at(25, 11)
    )
    w.speaker = SpeakerFactory(name="Salma Bennani")
    SessionSpeakerFactory(session=w.session, speaker=w.speaker)
    for part in (
        _people,
        _registrations,
        _village,
        _lounge,
        _public_programme,
        _community,
        _not_public,
        _secrets,
    ):
        part(w)
    return w


def _people(w):
    from startups.tests.factories import UserFactory

    w.users = {"anonymous": None}
    for who in PARTICIPANTS:
        w.users[who] = UserFactory(username=f"{who}@example.ma", email=f"{who}@example.ma")
    for code in ROLE_CODES:
        person = User.objects.create_user(code, f"{code}@example.org", first_name=code.title())
        assign_role(person, code)
        w.users[code] = person
    w.other = UserFactory(username="other@example.ma", email="other@example.ma")


def _registrations(w):
    """The participant's registration and someone else's."""
    from registration.tests.factories import PassTypeFactory, RegistrationFactory

    w.pass_type = PassTypeFactory(edition=w.edition, slug="pro")
    w.registration = RegistrationFactory(
        pass_type=w.pass_type, email="participant@example.ma", first_name="Amina"
    )
    w.other_registration = RegistrationFactory(
        pass_type=w.pass_type, email="other@example.ma", first_name="Omar"
    )


def _village(w):
    """The startup's application, another one to review, a selected one."""
    from startups.models import Application
    from startups.tests.factories import ApplicationFactory, CallFactory

    w.call = CallFactory(edition=w.edition)
    w.application = ApplicationFactory(call=w.call, applicant=w.users["startup"], slug="ma3a")
    w.other_application = ApplicationFactory(call=w.call, applicant=w.other, slug="other")
    w.selected = ApplicationFactory(
        call=w.call, status=Application.Status.SELECTED, slug="selected-one"
    )


def _lounge(w):
    """The startup and the corporate met; a third party asked the corporate."""
    from matchmaking import planning
    from matchmaking.models import Meeting, MeetingRequest, Profile
    from matchmaking.tests.factories import (
        ChallengeFactory,
        LoungeFactory,
        MeetingRequestFactory,
        ProfileFactory,
        with_slots,
    )

    w.lounge = LoungeFactory(edition=w.edition)
    with_slots(w.lounge, count=2, tables=1)
    w.startup_profile = ProfileFactory(
        lounge=w.lounge, user=w.users["startup"], kind=Profile.Kind.STARTUP
    )
    w.corporate_profile = ProfileFactory(lounge=w.lounge, user=w.users["corporate"])
    w.third_profile = ProfileFactory(lounge=w.lounge, user=w.other, kind=Profile.Kind.STARTUP)
    w.challenge = ChallengeFactory(profile=w.corporate_profile)
    MeetingRequestFactory(
        lounge=w.lounge,
        requester=w.startup_profile,
        target=w.corporate_profile,
        status=MeetingRequest.Status.ACCEPTED,
        answered_at=timezone.now(),
    )
    w.run = planning.run_scheduler(w.lounge, by=None, time_limit=5)
    planning.publish(w.run, by=None)
    w.meeting = Meeting.objects.get(lounge=w.lounge)
    w.pending = MeetingRequestFactory(
        lounge=w.lounge, requester=w.third_profile, target=w.corporate_profile
    )


def _public_programme(w):
    """Smart City Connect: a bookable slot, two bookings."""
    from activities import services as bookings
    from activities.tests.factories import (
        ActivityFactory,
        ActivitySlotFactory,
        PublicProgrammeFactory,
    )

    PublicProgrammeFactory(edition=w.edition)
    w.activity = ActivityFactory(edition=w.edition, slug="four-solaire")
    w.slot = ActivitySlotFactory(activity=w.activity)
    w.booking, _new = bookings.book(
        w.slot, visitor=bookings.Visitor(first_name="Amina", language="fr", phone="+212612345678")
    )
    w.other_booking, _new = bookings.book(
        w.slot, visitor=bookings.Visitor(first_name="Omar", language="fr", phone="+212612345679")
    )


def _community(w):
    """A question, an open poll, an idea with a comment."""
    from community import ideas, polls, questions
    from community.tests.factories import IdeaFactory

    board = questions.board_of(w.session)
    w.question = questions.ask(
        board, text="Comment financer le low-tech ?", author_name="", voter="d:asker"
    )
    w.poll = polls.open_poll(
        polls.create_poll(w.session, question="Oui ?", options=["Oui", "Non"], kind="single")
    )
    w.idea = IdeaFactory(edition=w.edition, pivot=w.pivot)
    w.comment = ideas.comment(w.idea, text="Bonne idée.", author_name="", voter="d:commenter")


def _not_public(w):
    """What is not (or no longer) public: each has its own row "name[…]" in the table."""
    from activities.tests.factories import ActivityFactory
    from community.tests.factories import IdeaFactory
    from matchmaking.tests.factories import ChallengeFactory
    from programme.tests.factories import SessionFactory
    from registration.tests.factories import PassTypeFactory

    w.hidden_idea = IdeaFactory(edition=w.edition, pivot=w.pivot, is_hidden=True)
    w.draft_session = SessionFactory(
        edition=w.edition, pivot=w.pivot, space=w.space, is_published=False
    )
    w.draft_activity = ActivityFactory(edition=w.edition, slug="pas-encore", is_published=False)
    w.private_pass = PassTypeFactory(edition=w.edition, slug="presse", is_public=False)
    w.draft_challenge = ChallengeFactory(profile=w.corporate_profile, is_published=False)


def _secrets(w):
    """Secrets handed out by e-mail or kept in a cookie; one API token per staff member
    (staff apps use tokens, not the session cookie)."""
    from api.models import ApiToken
    from dashboard.mailings import UNSUBSCRIBE_SALT
    from dashboard.models import Mailing
    from programme.models import Agenda

    w.agenda = Agenda.objects.create()
    w.agenda.sessions.add(w.session)
    w.unsubscribe_token = signing.dumps("participant@example.ma", salt=UNSUBSCRIBE_SALT)
    w.mailing = Mailing.objects.create(
        edition=w.edition, segment="registrations", subject_fr="Programme", body_fr="Bonjour."
    )
    w.tokens = {}
    for code in ROLE_CODES:
        _token, key = ApiToken.objects.issue(user=w.users[code], edition=w.edition, label=code)
        w.tokens[code] = key


def sign_in(w, who: str) -> Client:
    """A client signed in as `who`: participants by their e-mail link, staff by session."""
    client = Client()
    user = w.users[who]
    if user is None:
        return client
    if who in PARTICIPANTS:
        with translation.override("fr"):
            link = reverse("accounts:login") + get_query_string(user)
        assert client.get(link).status_code == 302, f"{who}'s sign-in link refused"
    else:
        client.force_login(user)
    return client
