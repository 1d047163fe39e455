"""Schedule lounge meetings from an instance file (the benchmark interface).

    python manage.py schedule_meetings --instance FILE.json --out SOLUTION.json [--time-limit S]

Reads the `lounge-meetings/1` format of shared/bench/lounge/FORMAT.md and
writes its solution format, with the same scheduler the staff pages use.
"""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matchmaking.instance_file import ProblemError, problem_from_dict, solution_to_dict
from matchmaking.scheduler import schedule


class Command(BaseCommand):
    help = "Place requested meetings on lounge tables and slots, maximising their value."

    def add_arguments(self, parser):
        parser.add_argument("--instance", required=True, type=Path, help="instance JSON file")
        parser.add_argument("--out", required=True, type=Path, help="solution JSON to write")
        parser.add_argument("--time-limit", type=float, default=25.0, help="seconds (default 25)")

    def handle(self, *args, instance: Path, out: Path, time_limit: float, **options):
        if time_limit <= 0:
            raise CommandError("--time-limit must be positive")
        try:
            problem = problem_from_dict(json.loads(instance.read_text(encoding="utf-8")))
        except OSError as exc:
            raise CommandError(f"{instance}: {exc.strerror}") from exc
        except ValueError as exc:  # malformed JSON, or ProblemError naming field and entry
            kind = "invalid instance" if isinstance(exc, ProblemError) else "not JSON"
            raise CommandError(f"{instance}: {kind}: {exc}") from exc
        began = time.monotonic()
        result = schedule(problem, time_limit=time_limit)
        seconds = time.monotonic() - began
        out.write_text(json.dumps(solution_to_dict(problem, result), indent=1), encoding="utf-8")
        self.stdout.write(
            f"{problem.name}: {len(result.meetings)} meetings, value {result.value}, "
            f"bound {result.bound}, {result.status} ({result.solver}) in {seconds:.2f}s; "
            f"{len(result.unplaced)} requests not placed"
        )
