"""`manage.py schedule_meetings`: the benchmark interface of the scheduler."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

LOUNGE = Path(__file__).resolve().parents[2].parent / "shared" / "bench" / "lounge"
SMALL = LOUNGE / "public" / "lounge-p1-small.json"


def test_writes_a_solution_the_official_scorer_accepts(tmp_path, capsys):
    out = tmp_path / "solution.json"
    call_command("schedule_meetings", instance=SMALL, out=out, time_limit=10)

    scored = subprocess.run(  # noqa: S603 — the shared scorer, fixed arguments
        [
            sys.executable,
            str(LOUNGE / "score.py"),
            str(SMALL),
            str(out),
            "--json",
            "--ref",
            str(SMALL.with_name("lounge-p1-small.ref.json")),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(scored.stdout)
    assert result["valid"] and result["fraction_of_bound"] >= 0.99
    assert json.loads(out.read_text())["instance"] == "lounge-p1-small"
    assert "value 119" in capsys.readouterr().out


def test_an_instance_error_names_the_field_and_the_entry(tmp_path):
    broken = json.loads(SMALL.read_text())
    del broken["requests"][3]["weight"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken))

    with pytest.raises(CommandError, match=r"requests\[3\].*weight"):
        call_command("schedule_meetings", instance=path, out=tmp_path / "out.json")
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("content", ["", "{not json", "[]"])
def test_unreadable_instances_are_refused_clearly(tmp_path, content):
    path = tmp_path / "instance.json"
    path.write_text(content)
    with pytest.raises(CommandError, match="instance.json"):
        call_command("schedule_meetings", instance=path, out=tmp_path / "out.json")


def test_a_missing_file_is_refused_clearly(tmp_path):
    with pytest.raises(CommandError, match="nowhere.json"):
        call_command("schedule_meetings", instance=tmp_path / "nowhere.json", out=tmp_path / "o")


# manage.py run_scheduler: the staff page's run, from the command line


@pytest.mark.django_db
def test_run_scheduler_stores_a_proposal_and_publishes_when_asked(edition, capsys):
    from freezegun import freeze_time

    from matchmaking.models import Meeting, SchedulerRun
    from matchmaking.tests.factories import LoungeFactory, with_slots
    from matchmaking.tests.meeting_helpers import accepted, person

    with freeze_time("2022-05-20 09:00:00+00:00"):
        lounge = LoungeFactory(edition=edition)
        with_slots(lounge, count=2, tables=1)
        accepted(person(lounge, "amina"), person(lounge, "bilal"))

        call_command("run_scheduler", time_limit=5)
        assert SchedulerRun.objects.count() == 1 and not Meeting.objects.exists()
        call_command("run_scheduler", "--publish", edition=edition.slug, time_limit=5)

    assert Meeting.objects.published().count() == 1
    out = capsys.readouterr().out
    assert "1 meetings, value 4, bound 4, optimal" in out
    assert "published: 1 new, 0 moved, 0 cancelled, 0 kept" in out


@pytest.mark.django_db
def test_run_scheduler_names_a_missing_edition_or_lounge(edition):
    with pytest.raises(CommandError, match="no edition 'nowhere'"):
        call_command("run_scheduler", edition="nowhere")
    with pytest.raises(CommandError, match="has no lounge"):
        call_command("run_scheduler")
