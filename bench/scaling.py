"""Benchmark: how throughput follows the number of gunicorn workers, on PostgreSQL.

One fresh PostgreSQL bench database (migrate, demo edition, collectstatic), then
for 1, 2 and 4 sync workers, each on a new gunicorn with production settings
(DEBUG off, HTTPS off) on a loopback port, the same client concurrency each time:

  programme  GET /fr/programme/ (gzip accepted) back to back, after a short warm-up;
  rush       registrations through the real form (GET form, POST, ticket page, as
             bench/rush.py does) on a fresh pass with a waiting list, the same
             number of attempts each time (the same mix of confirmed and waitlisted).

Each run is bounded in count and time, so the script stays under ~3 minutes; the
CPU the machine, the workers and the rest used is printed for each, as the machine
may be shared (then the figures say less).
rush_rps counts registrations (confirmed + waitlisted) per second. On a machine
with fewer cores than workers, extra workers only overlap database round trips:
expect the curve to flatten at the number of cores, not to double.

Ends with one line:
  bench scaling: programme_rps_w1= programme_rps_w2= programme_rps_w4=
  rush_rps_w1= rush_rps_w2= rush_rps_w4= errors=

Run: .venv/bin/python bench/scaling.py [--clients 8] [--seconds 10] [--attempts 200]
"""

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import rush  # noqa: E402 - the registration visitor of the plain rush
from bench._common import (  # noqa: E402
    WORK_DIR,
    CpuShare,
    Gunicorn,
    load,
    postgres_database,
    postgres_reachable,
    prepare_database,
    say,
    summary,
)

DATABASE = "jemaa_bench_scaling"
PAGE = "/fr/programme/"
GZIP = {"Accept-Encoding": "gzip"}
WORKERS = (1, 2, 4)


def measure(env, workers, args):
    """(programme requests/s, registrations/s, errors) with `workers` workers."""
    pass_id = rush.create_pass(env, args.capacity)
    with Gunicorn(env, workers=workers, name=f"scaling-w{workers}", ready_path=PAGE) as server:
        # The first requests of each worker compile templates and fill caches.
        load(
            server.port,
            PAGE,
            clients=args.clients,
            seconds=3,
            max_requests=8 * workers,
            headers=GZIP,
        )
        with CpuShare(server) as cpu:
            page = load(
                server.port,
                PAGE,
                clients=args.clients,
                seconds=args.seconds,
                max_requests=5000,
                headers=GZIP,
            )
        say(f"  -w {workers} programme: {page.line()}")
        say(f"    {cpu.line()}")
        with CpuShare(server) as cpu:
            crowd = rush.rush(
                server.port, attempts=args.attempts, clients=args.clients, seconds=args.rush_seconds
            )
    outcomes = Counter(a.outcome for a in crowd.attempts)
    registered = outcomes["confirmed"] + outcomes["waitlisted"]
    rps = registered / crowd.seconds if crowd.seconds else 0.0
    say(
        f"  -w {workers} rush: {len(crowd.attempts)} attempts in {crowd.seconds:.1f}s, "
        f"{dict(sorted(outcomes.items()))}, {rps:.1f} registrations/s, "
        f"POST p50 {crowd.ms('post', 50):.0f} ms p99 {crowd.ms('post', 99):.0f} ms "
        f"(pass id {pass_id})"
    )
    for detail, count in Counter(
        a.detail for a in crowd.attempts if a.outcome == "error"
    ).most_common(3):
        say(f"    {count:4d} × {detail}")
    say(f"    {cpu.line()}")
    return page.rps, rps, len(page.errors) + outcomes["error"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8, help="the same for every run")
    parser.add_argument("--seconds", type=float, default=10, help="length of each programme run")
    # A rush is bounded by count first, so every worker count gets the same mix of
    # confirmed (QR code, attachments: dearer) and waitlisted registrations.
    parser.add_argument("--attempts", type=int, default=200, help="attempts of each rush")
    parser.add_argument("--rush-seconds", type=float, default=30, help="time bound of each rush")
    parser.add_argument("--capacity", type=int, default=100, help="places of each rush pass")
    args = parser.parse_args()
    if not postgres_reachable():
        sys.exit("bench scaling: FAILED: PostgreSQL is not reachable on 127.0.0.1:5432")

    WORK_DIR.mkdir(parents=True, exist_ok=True)
    figures, errors = {}, 0
    with (
        tempfile.TemporaryDirectory(prefix="scaling-mail-", dir=WORK_DIR.parent) as mail_dir,
        postgres_database(DATABASE) as database_url,
    ):
        env = rush.server_env(database_url, mail_dir)
        env["GUNICORN_CMD_ARGS"] = "--worker-class sync"
        say(
            f"database {database_url}: migrate + load_demo + collectstatic: "
            f"{prepare_database(env):.1f}s; {os.cpu_count()} cores, {args.clients} clients"
        )
        for workers in WORKERS:
            page_rps, rush_rps, failed = measure(env, workers, args)
            figures[f"programme_rps_w{workers}"] = f"{page_rps:.1f}"
            figures[f"rush_rps_w{workers}"] = f"{rush_rps:.1f}"
            errors += failed

    ordered = {f"programme_rps_w{w}": figures[f"programme_rps_w{w}"] for w in WORKERS}
    ordered |= {f"rush_rps_w{w}": figures[f"rush_rps_w{w}"] for w in WORKERS}
    say("")
    say(summary("scaling", **ordered, errors=errors))
    return 1 if errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as exc:  # a step of the set-up failed: say which, plainly
        sys.exit(f"bench scaling: FAILED: {exc}")
    except KeyboardInterrupt:
        sys.exit(130)
