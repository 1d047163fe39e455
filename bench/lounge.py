"""Lounge scheduler benchmark: solve every public instance, score it with the official scorer.

    .venv/bin/python bench/lounge.py [--time-limit SECONDS]

For each ../shared/bench/lounge/public/*.json (next to the repository) it runs
`manage.py schedule_meetings --instance … --out …` (the same scheduler code as
the web), scores the solution with ../shared/bench/lounge/score.py and prints
one line per instance:

    bench lounge: instance=<name> value=<v> bound=<ref bound> fraction=<v/bound> seconds=<wall>

`seconds` is the command's whole wall time, Django start-up included.
Budget (DESIGN.md): ≥ 99 % of the reference bound on each; the largest in under 30 s.
Exits 1 if any solution is INVALID (or the scorer fails), 2 if no instance is found.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOUNGE = ROOT.parent / "shared" / "bench" / "lounge"
PUBLIC = LOUNGE / "public"
SCORER = LOUNGE / "score.py"
# The command only reads and writes files: the demo's settings are enough.
COMMAND_ENV = {**os.environ, "DEBUG": "1", "HTTPS": "off"}


def time_limit_for(instance: dict) -> float:
    """Small instances need little; the largest gets 25 s to stay under 30 s wall."""
    n_requests = len(instance.get("requests", []))
    if n_requests <= 200:
        return 5.0
    if n_requests <= 1500:
        return 15.0
    return 25.0


def solve(path: Path, out: Path, limit: float) -> tuple[subprocess.CompletedProcess, float]:
    command = [
        sys.executable,
        str(ROOT / "manage.py"),
        "schedule_meetings",
        "--instance",
        str(path),
        "--out",
        str(out),
        "--time-limit",
        str(limit),
    ]
    began = time.monotonic()
    done = subprocess.run(  # noqa: S603 — our own command, fixed arguments
        command, capture_output=True, text=True, timeout=limit + 60, env=COMMAND_ENV, cwd=ROOT
    )
    return done, time.monotonic() - began


def score(path: Path, out: Path) -> dict:
    command = [sys.executable, str(SCORER), str(path), str(out), "--json"]
    ref = path.with_name(path.stem + ".ref.json")
    if ref.exists():
        command += ["--ref", str(ref)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)  # noqa: S603
    try:
        return json.loads(done.stdout) if done.returncode in (0, 1) else {"valid": False}
    except ValueError:
        return {"valid": False, "errors": [done.stderr.strip()]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=None, help="override per instance")
    args = parser.parse_args(argv)
    instances = sorted(p for p in PUBLIC.glob("*.json") if not p.name.endswith(".ref.json"))
    if not instances or not SCORER.exists():
        print(f"bench lounge: no instances or scorer under {LOUNGE}", file=sys.stderr)
        return 2
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench-lounge-") as tmp:
        for path in instances:
            limit = args.time_limit or time_limit_for(json.loads(path.read_text("utf-8")))
            out = Path(tmp) / f"{path.stem}.solution.json"
            done, seconds = solve(path, out, limit)
            result = score(path, out) if done.returncode == 0 else {"valid": False}
            summary = done.stdout.strip().splitlines()[-1:] or [done.stderr.strip()]
            print(f"  {summary[0]}")
            if not result.get("valid"):
                failed = True
                print(f"  INVALID {path.stem}: {result.get('errors')}", file=sys.stderr)
                value, fraction = "INVALID", 0.0
            else:
                value, fraction = result["value"], result["fraction_of_bound"]
            print(
                f"bench lounge: instance={path.stem} value={value} "
                f"bound={result.get('upper_bound')} fraction={fraction:.4f} seconds={seconds:.2f}",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
