"""`manage.py load_demo` builds a coherent demo edition, the same on every run."""

from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from core.models import OutboxEmail
from demo import registration as registration_demo
from demo.editions import load as demo_load
from editions.models import Edition, Partner, Pivot, Space
from editions.tests.factories import EditionFactory
from programme.models import Session, SessionSpeaker, Speaker
from registration.models import (
    CheckIn,
    Consent,
    PassType,
    Question,
    Registration,
    RegistrationEvent,
    Scan,
)

PIVOT_SLUGS = {
    "gouvernance-bottom-up",
    "innovation-communautaire",
    "entrepreneuriat-social",
    "low-tech",
    "transition-ecologique",
}


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(demo_loaded, db):
    return Edition.objects.get(slug="scc-2022")


def snapshot() -> dict:
    """Every row of every model the demo writes, ids included, in a stable order."""
    models = (Edition, Pivot, Space, Partner, Speaker, Session, SessionSpeaker)
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in models}


def overlaps(intervals) -> list:
    """Pairs of (start, end, label) that share some time; touching ends do not count."""
    ordered = sorted(intervals)
    return [
        (first[2], second[2])
        for first, second in zip(ordered, ordered[1:], strict=False)
        if second[0] < first[1]
    ]


def relative_luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_with_white(colour: str) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


def test_load_demo_prints_one_line_summary(db):
    output = load_demo()

    assert output.count("\n") == 1
    assert "60" in output and "Smart City Casablanca Symposium 2022" in output


def test_load_demo_twice_leaves_the_same_data(db):
    load_demo()
    first = snapshot()

    load_demo()

    assert snapshot() == first
    assert Session.objects.count() == len(first["Session"])


def test_load_demo_writes_nothing_when_the_data_is_broken(db, monkeypatch):
    past, current = demo_load.EDITIONS
    stray = replace(current.sessions[-1], key="stray", moderator="Nobody Known")
    broken = replace(current, sessions=(*current.sessions, stray))
    monkeypatch.setattr(demo_load, "EDITIONS", (past, broken))

    with pytest.raises(CommandError, match="Nobody Known"):
        load_demo()

    assert not Edition.objects.exists()
    assert not Speaker.objects.exists()


def test_load_demo_takes_current_flag_from_another_edition(db):
    other = EditionFactory(slug="autre-edition", is_current=True)

    load_demo()

    other.refresh_from_db()
    assert not other.is_current
    assert Edition.objects.get(is_current=True).slug == "scc-2022"


def test_2022_edition_is_current_with_the_seed_facts(demo):
    assert demo.is_current and demo.is_published
    assert demo.name_fr == "Smart City Casablanca Symposium 2022"
    assert demo.theme_fr == "L'intelligence communautaire et l'innovation low-tech"
    assert demo.theme_ar and demo.theme_en
    assert (demo.starts_on, demo.ends_on) == (date(2022, 5, 25), date(2022, 5, 26))
    assert demo.venue == "Hyatt Regency Casablanca"
    assert demo.organiser == "Casablanca Events et Animations"
    assert all((demo.objective_fr, demo.objective_ar, demo.objective_en))
    roles = dict(demo.partners.values_list("name", "role"))
    assert roles == {
        "Casablanca Events et Animations": "organiser",
        "Université Mohammed VI Polytechnique – Benguerir": "academic",
        "Université Hassan II de Casablanca": "academic",
    }


def test_2022_edition_has_the_five_pivots_in_three_languages(demo):
    pivots = list(demo.pivots.all())

    assert {pivot.slug for pivot in pivots} == PIVOT_SLUGS
    assert len({pivot.colour.lower() for pivot in pivots}) == 5
    for pivot in pivots:
        for field in ("name", "description", "keywords"):
            assert all(getattr(pivot, f"{field}_{code}") for code in ("fr", "ar", "en")), pivot
        assert len(pivot.keyword_list) >= 3


def test_pivot_colours_are_readable_under_white_text(db):
    load_demo()

    for pivot in Pivot.objects.all():
        assert contrast_with_white(pivot.colour) >= 4.5, pivot.slug


def test_2022_edition_has_every_kind_of_space(demo):
    spaces = list(demo.spaces.all())

    assert {space.kind for space in spaces} == set(Space.Kind.values)
    assert 6 <= len(spaces) <= 8
    assert all(space.capacity and space.name_ar and space.name_en for space in spaces)


def test_2022_programme_covers_both_days_all_pivots_and_kinds(demo):
    sessions = list(demo.sessions.select_related("pivot"))

    assert 55 <= len(sessions) <= 65
    assert {session.starts_at.astimezone(demo.tz).date() for session in sessions} == set(demo.days)
    assert {session.kind for session in sessions} == set(Session.Kind.values)
    per_pivot = defaultdict(int)
    for session in sessions:
        if session.pivot:
            per_pivot[session.pivot.slug] += 1
    assert set(per_pivot) == PIVOT_SLUGS
    assert min(per_pivot.values()) >= 8


def test_every_session_is_inside_the_edition_in_one_of_its_spaces(demo):

    for session in Session.objects.select_related("edition", "space", "pivot"):
        edition = session.edition
        first_moment, _ = edition.day_bounds(edition.starts_on)
        _, last_moment = edition.day_bounds(edition.ends_on)
        assert first_moment <= session.starts_at < session.ends_at <= last_moment, session
        assert session.space.edition_id == edition.id, session
        assert session.pivot is None or session.pivot.edition_id == edition.id, session
        session.full_clean()


def test_no_speaker_is_double_booked(demo):
    by_speaker = defaultdict(list)
    for appearance in SessionSpeaker.objects.select_related("session"):
        session = appearance.session
        by_speaker[appearance.speaker_id].append((session.starts_at, session.ends_at, session.pk))

    clashes = {speaker: overlaps(slots) for speaker, slots in by_speaker.items()}

    assert {speaker: pairs for speaker, pairs in clashes.items() if pairs} == {}


def test_no_space_is_double_booked(demo):
    by_space = defaultdict(list)
    for session in Session.objects.all():
        by_space[session.space_id].append((session.starts_at, session.ends_at, session.pk))

    clashes = {space: overlaps(slots) for space, slots in by_space.items()}

    assert {space: pairs for space, pairs in clashes.items() if pairs} == {}


def test_every_speaker_has_a_session_and_a_biography(demo):

    speakers = Speaker.objects.all()
    assert 75 <= speakers.count() <= 90
    assert not speakers.filter(appearances__isnull=True).exists()
    assert all(speaker.biography_fr and speaker.position_fr for speaker in speakers)
    assert set(SessionSpeaker.objects.values_list("role", flat=True)) == set(
        SessionSpeaker.Role.values
    )


def test_panels_have_a_moderator_and_three_or_four_panelists(demo):
    for panel in demo.sessions.filter(kind=Session.Kind.PANEL):
        roles = [appearance.role for appearance in panel.appearances.all()]
        assert roles.count(SessionSpeaker.Role.MODERATOR) == 1, panel
        assert 3 <= roles.count(SessionSpeaker.Role.PANELIST) <= 4, panel


def test_plenary_sessions_are_streamed_and_some_replayed(demo):
    plenary = demo.sessions.filter(space__slug="salle-anfa")

    assert plenary.exists()
    assert not plenary.filter(livestream_url="").exists()
    assert plenary.exclude(replay_url="").count() >= 3
    assert all(
        url.startswith("https://live.example.org/")
        for url in plenary.values_list("livestream_url", flat=True)
    )


def test_keynotes_and_plenaries_have_abstracts_in_three_languages(demo):
    for session in demo.sessions.all():
        assert session.title_fr and session.title_ar and session.title_en, session
        assert session.abstract_fr, session
    for session in demo.sessions.filter(space__slug="salle-anfa"):
        assert session.abstract_ar and session.abstract_en, session


def test_2021_edition_is_a_small_archive(demo):

    archive = Edition.objects.get(slug="scc-2021")
    assert not archive.is_current and archive.is_published
    assert 6 <= archive.sessions.count() <= 10
    assert archive.spaces.count() >= 2
    assert archive.sessions.filter(replay_url__startswith="https://").exists()


# --- registration: the 2022 passes and their fictional registrations ---------------------------

CASABLANCA = ZoneInfo("Africa/Casablanca")
PASS_FACTS = {  # slug: (kind, capacity, listed, needs approval)
    "professionnel": ("professional", 600, True, False),
    "intervenant": ("speaker", 120, False, False),
    "presse": ("press", 60, True, True),
    "exposant": ("exhibitor", 150, True, False),
    "citoyen": ("public", 1000, True, False),
    "visite-terrain": ("professional", 8, True, False),
}


def registration_snapshot() -> dict:
    models = (PassType, Registration, Consent, RegistrationEvent, CheckIn, Scan)
    snapshot = {model.__name__: list(model.objects.order_by("pk").values()) for model in models}
    snapshot["pivots"] = sorted(
        Registration.pivots.through.objects.values_list("registration_id", "pivot_id")
    )
    return snapshot


def test_2022_passes_have_their_capacity_colour_texts_and_questions(demo):
    passes = {pass_type.slug: pass_type for pass_type in demo.pass_types.all()}

    assert set(passes) == set(PASS_FACTS)
    for slug, (kind, capacity, listed, approval) in PASS_FACTS.items():
        pass_type = passes[slug]
        assert (pass_type.kind, pass_type.capacity) == (kind, capacity), slug
        assert (pass_type.is_public, pass_type.needs_approval) == (listed, approval), slug
        assert contrast_with_white(pass_type.colour) >= 4.5, slug
        for field in ("name", "description"):
            assert all(getattr(pass_type, f"{field}_{code}") for code in ("fr", "ar", "en")), slug
        assert pass_type.questions and set(pass_type.questions) <= set(Question.values), slug
        assert set(pass_type.required_questions) <= set(pass_type.questions), slug
        opens = pass_type.opens_at.astimezone(CASABLANCA)
        assert (opens.year, opens.month) == (2022, 3), slug
        assert pass_type.closes_at == datetime(2022, 5, 24, 23, 59, tzinfo=CASABLANCA), slug
        pass_type.full_clean()
    assert len({pass_type.colour for pass_type in passes.values()}) == len(passes)
    assert "pivots" in passes["professionnel"].questions
    assert not passes["intervenant"].allows_transfer
    # Its short name is in the demo's code: only its own random invitation link opens it.
    speakers = passes["intervenant"]
    assert speakers.by_invitation and len(speakers.invitation_token) >= 32
    assert not speakers.admits("") and speakers.admits(speakers.invitation_token)


def test_2022_passes_are_closed_today(demo):
    assert not any(pass_type.is_open() for pass_type in demo.pass_types.all())


def assert_places_consistent(edition):
    for pass_type in edition.pass_types.all():
        holding = pass_type.registrations.holding_a_place().count()
        assert pass_type.held == holding <= pass_type.capacity, pass_type.slug
        if pass_type.registrations.waiting().exists():
            assert pass_type.held == pass_type.capacity, pass_type.slug


def test_demo_passes_hold_exactly_their_places_and_never_oversell(demo):
    assert_places_consistent(demo)


def test_demo_registrations_cover_every_status_with_some_check_ins(demo):
    registrations = demo.registrations.all()
    statuses = {status for (status,) in registrations.values_list("status")}

    assert 35 <= registrations.count() <= 50
    assert statuses == set(Registration.Status.values)
    assert {r.pass_type.slug for r in registrations.select_related("pass_type")} == set(PASS_FACTS)
    admitted = Registration.objects.filter(check_in__isnull=False)
    assert 5 <= admitted.count() <= 12
    assert set(admitted.values_list("status", flat=True)) == {Registration.Status.CONFIRMED}
    assert Scan.objects.filter(result="already_admitted").count() == 1
    assert registrations.filter(first_name__regex=r"^[\u0600-\u06FF ]+$").count() >= 3
    emails = registrations.values_list("email", flat=True)
    assert all(email.endswith("@example.org") for email in emails)
    assert len({r.secret for r in registrations}) == registrations.count()
    assert all(len(secret) >= 43 for secret in registrations.values_list("secret", flat=True))


def test_demo_registrations_happened_in_2022_with_consent_and_history(demo):
    for registration in demo.registrations.select_related("pass_type"):
        pass_type = registration.pass_type
        assert pass_type.opens_at <= registration.created_at < pass_type.closes_at, registration
        consent = registration.consents.get()
        assert consent.given_at == registration.created_at
        events = list(registration.events.all())
        assert events[0].action == "registered" and events[0].at == registration.created_at
        assert all(event.at.year == 2022 for event in events)
        assert registration.updated_at == events[-1].at


def test_demo_waiting_list_moved_when_a_seat_was_freed(demo):
    visit = demo.pass_types.get(slug="visite-terrain")

    promoted = visit.registrations.get(events__action="promoted")
    waiting = list(visit.registrations.waiting().values_list("first_name", flat=True))

    assert promoted.status == Registration.Status.CONFIRMED
    promoted_at = promoted.events.get(action="promoted").at
    assert promoted_at == datetime(2022, 5, 12, 8, 30, tzinfo=CASABLANCA)
    assert waiting == ["Marc-Antoine", "Hind"]


def test_demo_transfer_and_press_decisions_are_in_the_history(demo):
    transferred = demo.registrations.get(events__action="transferred")
    press = demo.registrations.filter(pass_type__slug="presse")

    holder = (transferred.full_name, transferred.email)
    assert holder == ("Zineb Kettani", "zineb.kettani@example.org")
    assert press.filter(status="pending").count() == 2
    assert press.get(status="rejected").events.get(action="rejected").note


def test_load_demo_twice_keeps_the_same_registrations(db):
    load_demo()
    first = registration_snapshot()

    load_demo()

    assert registration_snapshot() == first
    assert len(first["Registration"]) >= 35


def test_load_demo_rebuilds_registrations_that_went_missing(db):
    load_demo()
    Registration.objects.get(submission_key="demo-2022-karim.bennis").delete()

    load_demo()

    assert Registration.objects.count() == len(registration_demo.PEOPLE)
    assert Registration.objects.filter(submission_key="demo-2022-karim.bennis").exists()
    assert_places_consistent(Edition.objects.get(slug="scc-2022"))


def test_load_demo_sends_no_email_to_its_fictional_people(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()

    assert Registration.objects.exists()
    assert mail.outbox == []
    assert not OutboxEmail.objects.filter(sent_at=None).exists()  # nothing left for the timer
