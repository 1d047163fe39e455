"""Lounge scheduler benchmark: solve every public instance, score it with the official scorer.

    .venv/bin/python bench/lounge.py [--backend highs] [--time-limit SECONDS]

Reads ../shared/bench/lounge/public/*.json (next to the repository), solves each with
``matchmaking.scheduler.schedule``, writes the solution to a temporary directory,
scores it with ../shared/bench/lounge/score.py (same Python, as a subprocess) and
prints one line per instance:

    bench lounge: instance=<name> value=<v> bound=<ref bound> fraction=<v/bound> seconds=<wall>

Budget (DESIGN.md): ≥ 99 % of the reference bound on each; the largest in under 30 s.
Exits 1 if any solution is INVALID (or the scorer fails), 2 if no instance is found.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matchmaking.scheduler import (  # noqa: E402
    BACKENDS,
    problem_from_dict,
    schedule,
    solution_to_dict,
)

LOUNGE = ROOT.parent / "shared" / "bench" / "lounge"
PUBLIC = LOUNGE / "public"
SCORER = LOUNGE / "score.py"


def time_limit_for(n_requests: int) -> float:
    """Small instances need little; the largest gets 25 s to stay under 30 s wall."""
    if n_requests <= 200:
        return 5.0
    if n_requests <= 1500:
        return 15.0
    return 25.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", choices=tuple(BACKENDS), default=None)
    ap.add_argument("--time-limit", type=float, default=None, help="override per instance")
    args = ap.parse_args(argv)
    instances = sorted(p for p in PUBLIC.glob("*.json") if not p.name.endswith(".ref.json"))
    if not instances or not SCORER.exists():
        print(f"bench lounge: no instances or scorer under {LOUNGE}", file=sys.stderr)
        return 2
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench-lounge-") as tmp:
        for path in instances:
            data = json.loads(path.read_text(encoding="utf-8"))
            problem = problem_from_dict(data)
            limit = args.time_limit or time_limit_for(len(problem.requests))
            began = time.monotonic()
            result = schedule(problem, time_limit=limit, backend=args.backend)
            seconds = time.monotonic() - began
            out = Path(tmp) / f"{path.stem}.solution.json"
            out.write_text(json.dumps(solution_to_dict(problem, result)), encoding="utf-8")
            ref = path.with_name(path.stem + ".ref.json")
            cmd = [sys.executable, str(SCORER), str(path), str(out), "--json"]
            if ref.exists():
                cmd += ["--ref", str(ref)]
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
            try:
                score = json.loads(proc.stdout)
            except ValueError:
                score = {"valid": False, "errors": [proc.stderr.strip()]}
            print(
                f"  {path.stem}: solver={result.solver} status={result.status} "
                f"greedy={result.greedy_value} proven_bound={result.bound} "
                f"meetings={len(result.meetings)} unplaced={len(result.unplaced)}"
            )
            if proc.returncode != 0 or not score.get("valid"):
                failed = True
                print(f"  INVALID {path.stem}: {score.get('errors')}", file=sys.stderr)
                print(
                    f"bench lounge: instance={path.stem} value=INVALID "
                    f"bound={score.get('upper_bound')} fraction=0.0000 seconds={seconds:.2f}"
                )
                continue
            print(
                f"bench lounge: instance={path.stem} value={score['value']} "
                f"bound={score['upper_bound']} fraction={score['fraction_of_bound']:.4f} "
                f"seconds={seconds:.2f}",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
