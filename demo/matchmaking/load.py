"""Write the demo lounge of 2022 (demo/matchmaking/data.py) and plan its meetings.

Participants join through `participation.join`, so each one is eligible by
the same rules as on the site (a selected startup, or a confirmed pass). The
requests get their 2022 times; the scheduler then runs and publishes as staff
would have on the eve of the symposium, and some sides say afterwards what
came of their meeting. A second run finds the same requests and changes
nothing; if the data changes, the requests and meetings are rebuilt.
E-mails are not sent: the people do not exist.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password

from accounts.models import User
from accounts.services import username_for
from demo.editions.load import DemoDataError
from demo.matchmaking.data import (
    CHALLENGES,
    DESCRIPTION,
    FEEDBACK,
    NAME,
    OPENING_HOURS,
    PARTNERS,
    REQUESTS,
    SPEAKER_EMAILS,
    STARTUPS,
    TABLE_CLOSED,
    TABLES,
)
from demo.records import fictional_people, per_language
from editions.models import Edition
from matchmaking import planning, slots
from matchmaking.models import (
    Challenge,
    Lounge,
    LoungeTable,
    Meeting,
    MeetingRequest,
    MeetingSide,
    Profile,
)
from matchmaking.participation import join
from programme.models import Speaker

EDITION_SLUG = "scc-2022"
CASABLANCA = ZoneInfo("Africa/Casablanca")
# Requests were sent in May; staff planned the meetings on the eve of the symposium.
REQUESTS_FROM = datetime(2022, 5, 3, 10, 0, tzinfo=CASABLANCA)
PLANNED_AT = datetime(2022, 5, 24, 18, 0, tzinfo=CASABLANCA)
FEEDBACK_AT = datetime(2022, 5, 26, 18, 30, tzinfo=CASABLANCA)


class DemoLoungeError(DemoDataError):
    """The demo lounge does not come out as its data says."""


def moment(day: str, clock: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), CASABLANCA)


def load_demo_lounge() -> Lounge:
    edition = Edition.objects.get(slug=EDITION_SLUG)
    with fictional_people():
        lounge = save_lounge(edition)
        for name, email in SPEAKER_EMAILS.items():
            Speaker.objects.filter(name=name).update(email=email)
        profiles = {key: save_startup(lounge, key) for key in STARTUPS}
        profiles |= {record.key: save_partner(lounge, record) for record in PARTNERS}
        for record in CHALLENGES:
            save_challenge(profiles[record.key], record)
        if not demo_requests_in_place(lounge, profiles):
            rebuild_meetings(lounge, profiles)
    return lounge


def save_lounge(edition: Edition) -> Lounge:
    lounge, _created = Lounge.objects.update_or_create(
        edition=edition,
        defaults={
            **per_language("name", NAME),
            **per_language("description", DESCRIPTION),
            "space": edition.spaces.filter(slug="open-innovation-lounge").first(),
            "meeting_minutes": 20,
            "max_requests": 15,
            "max_meetings": 8,
            "request_days": 5,
            "requests_open_until": datetime(2022, 5, 24, 12, 0, tzinfo=CASABLANCA),
        },
    )
    for day, opens, closes in OPENING_HOURS:
        slots.generate_slots(
            lounge,
            day=date.fromisoformat(day),
            opens=time.fromisoformat(opens),
            closes=time.fromisoformat(closes),
        )
    for number in range(1, TABLES + 1):
        LoungeTable.objects.update_or_create(lounge=lounge, number=number)
    for number, day, opens, closes in TABLE_CLOSED:
        table = lounge.tables.get(number=number)
        table.closed_slots.set(
            lounge.slots.filter(starts_at__gte=moment(day, opens), ends_at__lte=moment(day, closes))
        )
    return lounge


def account(email: str, *, first_name: str = "", language: str = "fr") -> User:
    user, _created = User.objects.get_or_create(
        username=username_for(email),
        defaults={
            "email": email,
            "first_name": first_name,
            "language": language,
            "password": make_password(None),
        },
    )
    return user


def save_startup(lounge: Lounge, key: str) -> Profile:
    profile, _new = join(lounge, user=account(f"{key}@example.org"), kind=Profile.Kind.STARTUP)
    return profile


def save_partner(lounge: Lounge, record) -> Profile:
    user = account(record.email, first_name=record.display_name, language=record.language)
    profile, _new = join(lounge, user=user, kind=record.kind)
    for name in (
        "organisation",
        "display_name",
        "summary",
        "offers",
        "seeking",
        "language",
        "max_meetings",
    ):
        setattr(profile, name, getattr(record, name))
    profile.sectors = list(record.sectors)
    profile.save()
    profile.pivots.set(lounge.edition.pivots.filter(slug__in=record.pivots))
    profile.blocked_slots.set(
        lounge.slots.filter(starts_at__in=[moment(day, clock) for day, clock in record.blocked])
    )
    return profile


def save_challenge(profile: Profile, record) -> Challenge:
    challenge, _created = Challenge.objects.update_or_create(
        profile=profile,
        title=record.title,
        defaults={
            "description": record.description,
            "keywords": record.keywords,
            "pivot": profile.lounge.edition.pivots.get(slug=record.pivot),
            "created_at": REQUESTS_FROM - timedelta(days=7),
        },
    )
    return challenge


def pair_of(profiles, record) -> frozenset[int]:
    return frozenset((profiles[record.requester].pk, profiles[record.target].pk))


def demo_requests_in_place(lounge: Lounge, profiles) -> bool:
    wanted = {pair_of(profiles, record) for record in REQUESTS}
    have = {frozenset(pair) for pair in lounge.requests.values_list("pair_low", "pair_high")}
    return have == wanted and lounge.runs.filter(published_at__isnull=False).exists()


def rebuild_meetings(lounge: Lounge, profiles) -> None:
    MeetingSide.objects.filter(meeting__lounge=lounge).delete()
    Meeting.objects.filter(lounge=lounge).delete()
    lounge.runs.all().delete()
    lounge.requests.all().delete()
    for index, record in enumerate(REQUESTS):
        save_request(lounge, profiles, record, REQUESTS_FROM + timedelta(hours=7 * index))
    run = planning.run_scheduler(lounge, by=None, time_limit=10, now=PLANNED_AT)
    planning.publish(run, by=None, now=PLANNED_AT)
    placed = lounge.meetings.published().count()
    if placed != lounge.requests.accepted().count():
        raise DemoLoungeError(f"The demo lounge placed {placed} meetings, not every accepted one.")
    save_feedback(lounge, profiles)


def save_request(lounge: Lounge, profiles, record, sent: datetime) -> MeetingRequest:
    requester, target = profiles[record.requester], profiles[record.target]
    answered = sent + timedelta(days=1) if record.status in ("accepted", "declined") else None
    challenge = target.challenges.first() if record.challenge else None
    return MeetingRequest.objects.create(
        lounge=lounge,
        requester=requester,
        target=target,
        challenge=challenge,
        message=record.message,
        requester_priority=record.priority,
        target_priority=record.target_priority,
        is_mutual=record.mutual,
        status=record.status,
        created_at=sent,
        answered_at=answered,
        expires_at=sent + timedelta(days=lounge.request_days),
    )


def save_feedback(lounge: Lounge, profiles) -> None:
    for (requester, target), answers in FEEDBACK.items():
        meeting = lounge.meetings.published().get(
            request__requester=profiles[requester], request__target=profiles[target]
        )
        for key, answer in zip((requester, target), answers, strict=True):
            if answer is None:
                continue
            took_place, follow_up = answer
            meeting.sides.filter(profile=profiles[key]).update(
                took_place=took_place, follow_up=follow_up, answered_at=FEEDBACK_AT
            )
