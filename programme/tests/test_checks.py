"""Programme conflict checks: what staff are warned about, and what they are not."""

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from editions.tests.factories import EditionFactory, SpaceFactory
from programme.checks import (
    OUTSIDE_EDITION_DAYS,
    SPACE_DOUBLE_BOOKED,
    SPEAKER_DOUBLE_BOOKED,
    UNKNOWN_SPACE,
    find_problems,
    overlapping_pairs,
)
from programme.management.commands.check_programme import Command as CheckProgramme
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, at


def in_room(edition, slug, starts_at, ends_at, **fields):
    return SessionFactory(
        edition=edition,
        space=edition.spaces.get(slug=slug),
        starts_at=starts_at,
        ends_at=ends_at,
        **fields,
    )


def messages_in_english(problems):
    with translation.override("en"):
        return [problem.message for problem in problems]


@pytest.fixture
def salma(session):
    return session.speakers.get()


def test_clean_programme_has_no_problems(session):
    assert find_problems(session.edition) == []


def test_speaker_in_two_overlapping_sessions_is_double_booked(session, salma):
    other = in_room(session.edition, "anfa", at(25, 10, 30), at(25, 11, 30), title_en="Water")
    SessionSpeakerFactory(session=other, speaker=salma)

    [problem] = find_problems(session.edition)

    assert problem.code == SPEAKER_DOUBLE_BOOKED
    assert problem.session_ids == [session.pk, other.pk]
    [message] = messages_in_english([problem])
    assert message.startswith("Salma Bennani is booked in two sessions at once:")
    assert "“Recycling the city” (May 25, 2022, 10:00–11:00)" in message
    assert "“Water” (May 25, 2022, 10:30–11:30)" in message


def test_two_sessions_overlapping_in_one_space_are_double_booked(session):
    other = in_room(session.edition, "atlas", at(25, 10, 45), at(25, 12), title_en="Low-tech lab")

    [problem] = find_problems(session.edition)

    assert problem.code == SPACE_DOUBLE_BOOKED
    assert problem.session_ids == [session.pk, other.pk]
    atlas = session.space
    [message] = messages_in_english([problem])
    assert message.startswith(f"{atlas.name_en} holds two sessions at once:")
    assert "“Recycling the city” (May 25, 2022, 10:00–11:00)" in message
    assert "“Low-tech lab” (May 25, 2022, 10:45–12:00)" in message


def test_session_after_the_last_day_is_outside_the_edition(edition):
    late = in_room(edition, "atlas", at(27, 9), at(27, 10), title_en="A day too late")

    [problem] = find_problems(edition)

    assert problem.code == OUTSIDE_EDITION_DAYS
    assert problem.session_ids == [late.pk]
    [message] = messages_in_english([problem])
    assert message == (
        "“A day too late” (May 27, 2022, 09:00–10:00) is outside the edition's days "
        "(May 25, 2022 – May 26, 2022)."
    )


def test_edition_days_are_read_in_the_edition_time_zone(edition):
    # 00:30 in Casablanca on the first day is still 24 May in UTC: inside.
    in_room(edition, "atlas", at(25, 0, 30), at(25, 1, 30))
    # Running past midnight after the last day: outside.
    past_midnight = in_room(edition, "anfa", at(26, 23, 30), at(26, 23, 30) + timedelta(hours=1))

    assert [(p.code, p.session_ids) for p in find_problems(edition)] == [
        (OUTSIDE_EDITION_DAYS, [past_midnight.pk])
    ]


def test_session_without_space_is_in_an_unknown_space(edition):
    homeless = SessionFactory(edition=edition, space=None, title_en="Nowhere", starts_at=at(25, 9))

    [problem] = find_problems(edition)

    assert (problem.code, problem.session_ids) == (UNKNOWN_SPACE, [homeless.pk])
    assert messages_in_english([problem]) == ["“Nowhere” (May 25, 2022, 09:00–10:00) has no space."]


def test_session_in_a_space_of_another_edition_is_in_an_unknown_space(edition):
    elsewhere = SpaceFactory(edition=EditionFactory(), name_en="Old hall")
    # Written past the form's validation, as an import or a script could.
    stray = SessionFactory(edition=edition, space=elsewhere, title_en="Stray", starts_at=at(25, 9))

    [problem] = find_problems(edition)

    assert (problem.code, problem.session_ids) == (UNKNOWN_SPACE, [stray.pk])
    [message] = messages_in_english([problem])
    assert message == (
        "“Stray” (May 25, 2022, 09:00–10:00) is in Old hall, a space of another edition."
    )


def test_back_to_back_sessions_are_not_a_conflict(session, salma):
    # Same speaker, same room: one ends at 11:00, the next starts at 11:00.
    next_one = in_room(session.edition, "atlas", at(25, 11), at(25, 12))
    SessionSpeakerFactory(session=next_one, speaker=salma)

    assert find_problems(session.edition) == []


def test_parallel_sessions_in_different_spaces_are_not_a_conflict(session):
    in_room(session.edition, "anfa", at(25, 10), at(25, 11))

    assert find_problems(session.edition) == []


def test_sessions_of_other_editions_are_not_compared(session):
    other_edition = EditionFactory()
    SessionFactory(
        edition=other_edition,
        space=SpaceFactory(edition=other_edition),
        starts_at=session.starts_at,
        ends_at=session.ends_at,
    )

    assert find_problems(session.edition) == []


def test_three_sessions_at_once_in_one_space_make_three_pairs(edition):
    sessions = [in_room(edition, "atlas", at(25, 10), at(25, 11)) for _ in range(3)]

    problems = find_problems(edition)

    assert {p.code for p in problems} == {SPACE_DOUBLE_BOOKED}
    assert sorted(tuple(p.session_ids) for p in problems) == [
        (sessions[0].pk, sessions[1].pk),
        (sessions[0].pk, sessions[2].pk),
        (sessions[1].pk, sessions[2].pk),
    ]


def test_checking_an_edition_takes_two_queries(edition, django_assert_num_queries):
    for hour in range(8, 18):
        session = in_room(edition, "atlas", at(25, hour), at(25, hour, 30))
        SessionSpeakerFactory(session=session)
    in_room(edition, "anfa", at(25, 9), at(25, 12))

    with django_assert_num_queries(2):
        problems = find_problems(edition)
        messages_in_english(problems)


@dataclass
class Slot:
    pk: int
    starts_at: datetime
    ends_at: datetime


MORNING = datetime(2022, 5, 25, 8, tzinfo=UTC)


def quarter_hours(pk: int, start: int, length: int) -> Slot:
    begins = MORNING + timedelta(minutes=15 * start)
    return Slot(pk, begins, begins + timedelta(minutes=15 * length))


slots = st.lists(st.tuples(st.integers(0, 48), st.integers(1, 8)), max_size=25).map(
    lambda spans: [quarter_hours(pk, start, length) for pk, (start, length) in enumerate(spans)]
)


@given(slots)
def test_sweep_finds_exactly_the_pairs_a_brute_force_comparison_finds(sessions):
    def overlap(a, b):
        return a.starts_at < b.ends_at and b.starts_at < a.ends_at

    expected = {
        frozenset((a.pk, b.pk)) for a, b in itertools.combinations(sessions, 2) if overlap(a, b)
    }
    found = [frozenset((a.pk, b.pk)) for a, b in overlapping_pairs(sessions)]

    assert len(found) == len(set(found))
    assert set(found) == expected


# The command


def test_command_lists_problems_and_fails(session):
    in_room(session.edition, "atlas", at(25, 10, 30), at(25, 11, 30))
    out = StringIO()

    with translation.override("en"), pytest.raises(CommandError, match="^1 problem in the"):
        call_command("check_programme", stdout=out)

    assert "[space_double_booked]" in out.getvalue()
    assert "Recycling the city" in out.getvalue()


def test_command_exits_with_status_one_on_a_problem(session, capsys):
    in_room(session.edition, "atlas", at(25, 10, 30), at(25, 11, 30))

    with pytest.raises(SystemExit) as exit_info:
        CheckProgramme().run_from_argv(["manage.py", "check_programme"])

    assert exit_info.value.code == 1
    assert "1 problème dans le programme" in capsys.readouterr().err  # French by default


def test_command_says_so_when_there_is_no_problem(session):
    out = StringIO()

    with translation.override("en"):
        call_command("check_programme", stdout=out)

    assert "No problems in the programme." in out.getvalue()


def test_command_checks_only_the_edition_asked_for(session):
    broken = EditionFactory(slug="broken")
    SessionFactory(edition=broken, space=None)
    out = StringIO()

    call_command("check_programme", "--edition", session.edition.slug, stdout=out)
    with pytest.raises(CommandError):
        call_command("check_programme", "--edition", "broken", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("check_programme", stdout=StringIO())
    call_command("check_programme", "--current", stdout=StringIO())


def test_command_skips_unpublished_editions_by_default(session):
    SessionFactory(edition=EditionFactory(is_published=False), space=None)

    call_command("check_programme", stdout=StringIO())


def test_command_refuses_an_unknown_edition(db):
    with translation.override("en"), pytest.raises(CommandError, match="No edition"):
        call_command("check_programme", "--edition", "nope", stdout=StringIO())
