"""Benchmark: the registration rush, through the real HTTP form, on PostgreSQL.

A fresh PostgreSQL bench database (migrated, demo edition loaded, static files
collected) gets a pass of the current edition with 500 places and a waiting
list. gunicorn serves the project with production settings (DEBUG off, HTTPS
off) on a free loopback port; e-mails go through the file backend into a
temporary directory (the whole e-mail code path runs: templates, QR code,
.ics, a file written per message). Then 64 concurrent clients make 2,000
registration attempts, each as a browser would:

  1. GET the form: the CSRF cookie and token, the hidden submission key;
  2. POST it filled in, with a unique name and e-mail;
  3. follow the 303 to the ticket page and read the status it shows.

Each attempt is classified by what the visitor sees: confirmed or waitlisted
(the ticket page's status), refused (the form answers 409 or 429 with a
message), or error (5xx, a connection error, an unexpected answer). The
database is read afterwards: registrations per status, `held`, and every
ticket page matched to its row.

All clients come from 127.0.0.1, so RATE_LIMIT_FACTOR is raised for the run.
Everything is bounded: 2,000 attempts or 180 s, whichever comes first.

Where the time goes: the CPU seconds of the gunicorn workers, of the bench
database's PostgreSQL backends and of the clients during the rush (from /proc;
the machine may be shared, so the rate is also projected from CPU per
attempt), then — unless --phases 0 — a table of one visitor's phases timed in
process (form page, rate limits, validation, the service's transaction, the
e-mail and its QR code, the ticket page), and with --profile a cProfile of
each worker. `rps` counts registrations (confirmed + waitlisted) per second.

Ends with:
  bench rush: attempts= capacity= confirmed= waitlisted= refused= errors=
  db_confirmed= rps= p50_ms= p99_ms=
and exits non-zero unless exactly `capacity` are confirmed (pages and
database), there are no errors, and every attempt is accounted for.

Run: .venv/bin/python bench/rush.py [--attempts 2000] [--clients 64]
     [--workers 4 --threads 1] [--compare] [--profile] [--phases 100]

Workers: 4 sync workers (the default) beat 2 gthread workers × 8 threads on this
2-core machine, in back-to-back runs: ~40 vs ~31 registrations/s, 38-40 vs 43-45
ms of worker CPU per attempt (8 threads of one process fight over its GIL), and a
POST p99 under 1 s vs 1.7-2.8 s. The work is CPU-bound: more workers than cores
only help to overlap the database round trips. `--compare` measures it again.
"""

import argparse
import http.client
import os
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

# Run as a script, bench/ is first on the path. Other benches import this module
# as bench.rush, from the project root: then it takes the same bench._common as they
# do (one copy of its state).
if __package__ == "bench":
    from bench import _common as common
    from bench._rush_profile import show_profiles
else:
    import _common as common
    from _rush_profile import show_profiles

HOST, ROOT, WORK_DIR = common.HOST, common.ROOT, common.WORK_DIR
Gunicorn, RssSampler, manage, say, summary = (
    common.Gunicorn,
    common.RssSampler,
    common.manage,
    common.say,
    common.summary,
)
percentile, production_env, prepare_database = (
    common.percentile,
    common.production_env,
    common.prepare_database,
)
postgres_database, postgres_reachable = common.postgres_database, common.postgres_reachable
crowd = common.crowd

PASS_SLUG = "rush"
LANGUAGE = "fr"
FORM_PATH = f"/{LANGUAGE}/register/pass/{PASS_SLUG}/"
TICKET_PATH = re.compile(r"^/(?:[a-z]{2}/)?register/ticket/([A-Za-z0-9_-]{20,64})/$")
STATUS_CLASS = re.compile(rb'class="status status-([a-z]+)"')
DATABASE = "jemaa_bench_rush"
CSRF_COOKIE = "csrftoken"  # HTTPS is off in the bench: no __Host- prefix

# The rush pass, on the demo's current edition, open now, asking a few questions.
# A pass left by an earlier run (--compare) keeps its rows under another slug.
CREATE_PASS = """
from datetime import timedelta
from django.utils import timezone
from editions.services import current_edition
from registration.models import PassType
edition = current_edition()
now = timezone.now()
for earlier in PassType.objects.filter(edition=edition, slug="{slug}"):
    earlier.slug = "{slug}-%d" % earlier.pk
    earlier.save(update_fields=["slug"])
rush = PassType.objects.create(
    edition=edition, slug="{slug}", kind="professional", position=99,
    name_fr="Pass rush", name_en="Rush pass", name_ar="تذكرة الاندفاع",
    capacity={capacity}, opens_at=now - timedelta(hours=1), closes_at=now + timedelta(days=1),
    has_waiting_list={waiting_list}, needs_approval=False,
    questions=["organisation", "role", "city", "pivots"], required_questions=["organisation"],
)
print(rush.pk, edition.slug)
"""


# --- one visitor ---------------------------------------------------------------------------


class FormFields(HTMLParser):
    """The named fields of the page's POST form: hidden values kept, the rest listed."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.hidden = {}
        self.inputs = {}  # name -> type
        self.choices = {}  # name -> values offered (checkboxes, radios, options)
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind == "hidden":
                self.hidden[name] = attrs.get("value") or ""
            elif kind in ("checkbox", "radio"):
                self.choices.setdefault(name, []).append(attrs.get("value") or "on")
            self.inputs[name] = kind
        elif tag in ("textarea", "select") and name:
            self.inputs[name] = tag
            self._select = name if tag == "select" else None
        elif tag == "option" and self._select:
            self.choices.setdefault(self._select, []).append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self._select = None


@dataclass
class Attempt:
    n: int
    outcome: str = "unaccounted"  # confirmed, waitlisted, pending, refused, error
    detail: str = ""
    secret: str = ""
    get_s: float = 0.0
    post_s: float = 0.0
    ticket_s: float = 0.0


def filled(form: FormFields, n: int) -> dict:
    """What visitor `n` types: unique names and e-mail, answers to the questions."""
    typed = {
        "first_name": f"Visiteur{n}",
        "last_name": f"Rush{n:05d}",
        "email": f"rush{n:05d}@example.org",
        "organisation": "Commune de Casablanca" if n % 2 else "OCP Group",
        "role": "Ingénieure" if n % 3 else "Chef de projet",
        "city": "Casablanca",
        "language": LANGUAGE,
        "consent": "on",
        "leave_empty": "",
    }
    data = dict(form.hidden)
    for name, kind in form.inputs.items():
        if name in data:
            continue
        if kind == "checkbox" and name != "consent":
            offered = form.choices.get(name, [])
            data[name] = offered[n % len(offered)] if offered else ""
        elif name in typed:
            data[name] = typed[name]
        else:
            data[name] = ""
    return data


def cookie_value(headers: list[tuple[str, str]], name: str) -> str:
    for header, value in headers:
        if header.lower() == "set-cookie" and value.startswith(f"{name}="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return ""


def request(conn, method, path, *, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    return response, response.read()


def attempt_registration(port: int, n: int) -> Attempt:
    """One visitor: GET the form, POST it, read the ticket page."""
    attempt = Attempt(n)
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        started = time.perf_counter()
        response, page = request(conn, "GET", FORM_PATH)
        attempt.get_s = time.perf_counter() - started
        if response.status != 200:
            attempt.outcome, attempt.detail = "error", f"GET form: HTTP {response.status}"
            return attempt
        form = FormFields()
        form.feed(page.decode("utf-8", "replace"))
        if not form.inputs and (notice := NOTICE.search(page)):  # "This pass is full." …
            attempt.outcome = "refused"
            attempt.detail = f"form page: {notice.group(1).decode('utf-8', 'replace')[:120]}"
            return attempt
        csrf = cookie_value(response.getheaders(), CSRF_COOKIE)
        if "csrfmiddlewaretoken" not in form.hidden or not csrf:
            attempt.outcome, attempt.detail = "error", "GET form: no CSRF token"
            return attempt
        if not form.hidden.get("submission_key"):
            attempt.outcome, attempt.detail = "error", "GET form: no submission key"
            return attempt

        body = urlencode(filled(form, n), doseq=True)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{CSRF_COOKIE}={csrf}",
            "Referer": f"http://{HOST}:{port}{FORM_PATH}",
        }
        started = time.perf_counter()
        response, page = request(conn, "POST", FORM_PATH, body=body, headers=headers)
        attempt.post_s = time.perf_counter() - started
        classify_post(attempt, response, page)
        if attempt.outcome != "registered":
            return attempt

        started = time.perf_counter()
        response, page = request(conn, "GET", urlsplit(response.getheader("Location")).path)
        attempt.ticket_s = time.perf_counter() - started
        status = STATUS_CLASS.search(page) if response.status == 200 else None
        if status is None:
            attempt.outcome = "error"
            attempt.detail = f"ticket page: HTTP {response.status}, no status shown"
        else:
            attempt.outcome = status.group(1).decode()
    except (OSError, http.client.HTTPException) as exc:
        attempt.outcome, attempt.detail = "error", f"connection: {type(exc).__name__}"
    finally:
        conn.close()
    return attempt


def classify_post(attempt: Attempt, response, page: bytes) -> None:
    if response.status == 303:
        match = TICKET_PATH.match(urlsplit(response.getheader("Location") or "").path)
        if match:
            attempt.outcome, attempt.secret = "registered", match.group(1)
        else:
            attempt.outcome = "error"
            attempt.detail = f"303 elsewhere: {response.getheader('Location')}"
    elif response.status in (409, 429) and first_error(page):  # a rule's message, shown
        attempt.outcome, attempt.detail = "refused", f"HTTP {response.status} {first_error(page)}"
    elif response.status >= 500:
        attempt.outcome, attempt.detail = "error", f"POST: HTTP {response.status}"
    else:  # 200: the form came back with errors; 403: CSRF refused…
        attempt.outcome = "error"
        attempt.detail = f"POST: HTTP {response.status} {first_error(page)}"


# The form page of a pass that takes nobody more says why, instead of the form.
NOTICE = re.compile(rb'role="status"><p>(.*?)</p>', re.S)
ERROR_MESSAGES = (
    re.compile(rb'role="alert"><p>(.*?)</p>', re.S),
    re.compile(rb'class="errorlist[^"]*"[^>]*>\s*<li>(.*?)</li>', re.S),
)


def first_error(page: bytes) -> str:
    """The message the visitor reads: the page's alert, else a field's error list."""
    for pattern in ERROR_MESSAGES:
        match = pattern.search(page)
        if match:
            return match.group(1).decode("utf-8", "replace")[:120]
    return ""


# --- the crowd -------------------------------------------------------------------------------


@dataclass
class Rush:
    attempts: list = field(default_factory=list)
    seconds: float = 0.0
    unstarted: int = 0

    def count(self, outcome):
        return sum(1 for attempt in self.attempts if attempt.outcome == outcome)

    def ms(self, phase, q):
        values = [getattr(a, f"{phase}_s") for a in self.attempts if getattr(a, f"{phase}_s")]
        return percentile(values, q) * 1000


def rush(port: int, *, attempts: int, clients: int, seconds: float) -> Rush:
    """`clients` threads make registration attempts back to back until `attempts`
    are made or `seconds` pass."""
    made, took = crowd(
        lambda n: attempt_registration(port, n), count=attempts, clients=clients, seconds=seconds
    )
    return Rush(made, took, unstarted=attempts - len(made))


# --- the database afterwards ---------------------------------------------------------------------


def database_counts(database_url: str, pass_id: int) -> dict:
    import psycopg

    with psycopg.connect(database_url, connect_timeout=5) as conn:
        held, capacity = conn.execute(
            "SELECT held, capacity FROM registration_passtype WHERE id = %s", [pass_id]
        ).fetchone()
        by_status = dict(
            conn.execute(
                "SELECT status, count(*) FROM registration_registration "
                "WHERE pass_type_id = %s GROUP BY status",
                [pass_id],
            ).fetchall()
        )
        secrets = dict(
            conn.execute(
                "SELECT secret, status FROM registration_registration WHERE pass_type_id = %s",
                [pass_id],
            ).fetchall()
        )
        emails = conn.execute(
            "SELECT count(DISTINCT email) FROM registration_registration WHERE pass_type_id = %s",
            [pass_id],
        ).fetchone()[0]
    return {
        "held": held,
        "capacity": capacity,
        "by_status": by_status,
        "secrets": secrets,
        "emails": emails,
    }


def count_mails(mail_dir: Path) -> int:
    """Messages in the file backend's logs (one file may hold several messages)."""
    return sum(
        line.startswith(b"Message-ID:")
        for log in mail_dir.glob("*.log")
        for line in log.read_bytes().splitlines()
    )


def pass_code(capacity: int, *, waiting_list: bool = True) -> str:
    return (
        CREATE_PASS.replace("{slug}", PASS_SLUG)
        .replace("{capacity}", str(capacity))
        .replace("{waiting_list}", str(waiting_list))
    )


def create_pass(env, capacity: int, *, waiting_list: bool = True) -> int:
    code = pass_code(capacity, waiting_list=waiting_list)
    output = manage(env, "shell", "-v", "0", "-c", code)
    pass_id, edition = output.split()[-2:]
    what = "a waiting list" if waiting_list else "no waiting list"
    say(f"pass {PASS_SLUG!r} (id {pass_id}) on edition {edition}: {capacity} places, {what}")
    return int(pass_id)


# --- one measured run ----------------------------------------------------------------------------


def server_env(database_url, mail_dir, *, profile_dir=None):
    extra = {
        "RATE_LIMIT_FACTOR": "1000",  # 64 clients, one address: the limits would refuse them
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "DB_CONN_MAX_AGE": "60",
    }
    if profile_dir:
        extra["JEMAA_BENCH_PROFILE_DIR"] = str(profile_dir)
    return production_env(database_url, **extra)


def run_once(label, env, database_url, args) -> dict:
    """A fresh rush pass, a gunicorn with this worker set-up, the rush, the counts."""
    pass_id = create_pass(env, args.capacity, waiting_list=not args.no_waiting_list)
    server_env_ = dict(env)
    threads = args.threads
    if threads > 1:
        server_env_["GUNICORN_CMD_ARGS"] = f"--worker-class gthread --threads {threads}"
    else:
        server_env_["GUNICORN_CMD_ARGS"] = "--worker-class sync"
    if args.profile:  # post_fork/worker_exit hooks profile each worker
        server_env_["GUNICORN_CMD_ARGS"] += " --config python:bench._rush_profile"
    say(f"\n----- {label}: gunicorn -w {args.workers} {server_env_['GUNICORN_CMD_ARGS']}")
    with Gunicorn(server_env_, workers=args.workers, name="rush", ready_path=FORM_PATH) as server:
        say(
            f"gunicorn: master {server.process.pid}, workers {server.worker_pids()}, "
            f"port {server.port}"
        )
        with RssSampler(server) as rss, CpuMeter(server) as cpu:
            result = rush(
                server.port, attempts=args.attempts, clients=args.clients, seconds=args.seconds
            )
        server_errors = [
            line
            for line in server.log_tail(20000).splitlines()
            if "Traceback" in line or "ERROR" in line or "CRITICAL" in line
        ]
        if server_errors:
            say("gunicorn log (tail):")
            say(server.log_tail(4000))
    counts = database_counts(database_url, pass_id)
    say(cpu.line(result.seconds))
    say(cpu.per_attempt_line(len(result.attempts)))
    return report(label, result, counts, args, rss.peak_mb)


class CpuMeter:
    """CPU seconds spent during the rush: the whole machine, this process (the 64
    clients), the gunicorn workers, the bench database's PostgreSQL backends; from /proc.
    Backends come and go (connections are recycled after DB_CONN_MAX_AGE): a thread
    samples them, so one that exits loses at most the last interval of its work."""

    def __init__(self, server, interval=0.5):
        self.server = server
        self.interval = interval
        self.backends_seen = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @staticmethod
    def postgres_backends():
        """{pid: CPU seconds} of the PostgreSQL backends serving the bench database
        (other databases' backends come and go with other people's work)."""
        backends = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    command = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if command.startswith(b"postgres:") and f" {DATABASE} ".encode() in command:
                    backends[int(entry.name)] = common.process_cpu_seconds(int(entry.name))
        return backends

    def _sample(self):
        while not self._stop.wait(self.interval):
            self.backends_seen.update(self.postgres_backends())

    def snapshot(self):
        times = os.times()
        workers = sum(common.process_cpu_seconds(pid) for pid in self.server.worker_pids())
        return common.machine_busy_seconds(), times.user + times.system, workers

    def __enter__(self):
        self.backends_start = self.postgres_backends()
        self.start = self.snapshot()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.end = self.snapshot()
        self._stop.set()
        self._thread.join(timeout=5)
        self.backends_seen.update(self.postgres_backends())

    def deltas(self):
        machine, clients, workers = (b - a for a, b in zip(self.start, self.end, strict=True))
        postgres = sum(
            cpu - self.backends_start.get(pid, 0.0) for pid, cpu in self.backends_seen.items()
        )
        return machine, clients, workers, postgres

    def line(self, seconds):
        machine, clients, workers, postgres = self.deltas()
        cores = os.cpu_count() or 1
        return (
            f"CPU seconds over {seconds:.1f}s ({cores} cores, {cores * seconds:.0f} available): "
            f"machine busy {machine:.1f}, gunicorn workers {workers:.1f}, "
            f"bench clients {clients:.1f}, PostgreSQL backends {postgres:.1f}, "
            f"other {machine - workers - clients - postgres:.1f}"
        )

    def per_attempt_line(self, attempts):
        """CPU per attempt does not depend on what else runs on the machine; the rate
        does. The projection is the rate if the stack had every core to itself."""
        _machine, clients, workers, postgres = self.deltas()
        n = max(1, attempts)
        stack = workers + postgres + clients
        cores = os.cpu_count() or 1
        projected = cores * n / stack if stack else 0.0
        return (
            "CPU ms per attempt (GET form + POST + ticket page): "
            f"gunicorn {workers / n * 1000:.1f}, PostgreSQL {postgres / n * 1000:.1f}, "
            f"bench client {clients / n * 1000:.1f}; with all {cores} cores: ~{projected:.0f}/s"
        )


def report(label, result: Rush, counts: dict, args, rss_mb: float) -> dict:
    outcomes = Counter(attempt.outcome for attempt in result.attempts)
    confirmed, waitlisted = outcomes["confirmed"], outcomes["waitlisted"]
    refused, errors = outcomes["refused"], outcomes["error"]
    registered = confirmed + waitlisted + outcomes["pending"]
    accounted = confirmed + waitlisted + outcomes["pending"] + refused + errors
    unaccounted = args.attempts - accounted
    db_status = counts["by_status"]
    db_confirmed = db_status.get("confirmed", 0)
    rps = registered / result.seconds if result.seconds else 0.0

    say(
        f"attempts made: {len(result.attempts)} of {args.attempts} in {result.seconds:.1f}s "
        f"({args.clients} clients)"
    )
    say(f"outcomes: {dict(sorted(outcomes.items()))}")
    details = Counter(a.detail for a in result.attempts if a.outcome in ("error", "refused"))
    for detail, count in details.most_common(8):
        say(f"  {count:5d} × {detail}")
    attempts_rate = len(result.attempts) / result.seconds if result.seconds else 0.0
    say(f"registrations per second: {rps:.1f} (attempts/s {attempts_rate:.1f})")
    for phase in ("get", "post", "ticket"):
        figures = "  ".join(
            f"{name} {result.ms(phase, q):7.1f} ms"
            for name, q in (("p50", 50), ("p90", 90), ("p99", 99), ("max", 100))
        )
        say(f"latency {phase:<6}: {figures}")
    say(
        f"database: {dict(sorted(db_status.items()))}, held={counts['held']} "
        f"capacity={counts['capacity']}, distinct e-mails={counts['emails']}"
    )
    say(f"peak RSS of a worker: {rss_mb:.1f} MB")

    problems = []
    if confirmed != args.capacity:
        problems.append(f"{confirmed} confirmed pages, not {args.capacity}")
    if db_confirmed != args.capacity or counts["held"] != args.capacity:
        problems.append(f"database: {db_confirmed} confirmed, held {counts['held']}")
    if errors:
        problems.append(f"{errors} errors")
    if unaccounted:
        problems.append(f"{unaccounted} attempts unaccounted for")
    # Every ticket page shown is a row of the database with the same status, and
    # every row was shown to someone: nothing lost, nothing made twice.
    shown = {a.secret: a.outcome for a in result.attempts if a.secret}
    mismatched = sum(1 for s, o in shown.items() if counts["secrets"].get(s) != o and o != "error")
    unseen = len(set(counts["secrets"]) - set(shown))
    if mismatched or unseen or len(counts["secrets"]) != registered:
        problems.append(
            f"pages vs database: {mismatched} statuses differ, {unseen} rows nobody was shown, "
            f"{len(counts['secrets'])} rows for {registered} registrations"
        )
    for problem in problems:
        say(f"  ! {problem}")
    return {
        "attempts": args.attempts,
        "capacity": args.capacity,
        "confirmed": confirmed,
        "waitlisted": waitlisted,
        "refused": refused,
        "errors": errors,
        "db_confirmed": db_confirmed,
        "rps": f"{rps:.1f}",
        "p50_ms": f"{result.ms('post', 50):.1f}",
        "p99_ms": f"{result.ms('post', 99):.1f}",
        "failed": bool(problems),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=2000)
    parser.add_argument("--capacity", type=int, default=500)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument(
        "--no-waiting-list",
        action="store_true",
        help="a pass without waiting list: past capacity, attempts are refused (409)",
    )
    parser.add_argument("--seconds", type=float, default=180, help="stop making attempts after")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per worker (gthread); 1 = sync workers"
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also run -w 2 --threads 8 and -w 3 --threads 4 first, each on a fresh pass",
    )
    parser.add_argument(
        "--profile", action="store_true", help="cProfile each worker (sync workers; slower)"
    )
    parser.add_argument(
        "--phases",
        type=int,
        default=100,
        metavar="N",
        help="after the rush, time each phase for N visitors in process (0: skip)",
    )
    parser.add_argument("--phases-in-process", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phases_in_process:
        from _rush_phases import phases_in_process  # in the subprocess: run as a script

        phases_in_process(args.phases_in_process)
        return 0
    if args.profile:
        args.threads = 1  # cProfile sees one thread: the sync worker's
    os.chdir(ROOT)
    if not postgres_reachable():
        sys.exit("bench rush: FAILED: PostgreSQL is not reachable on 127.0.0.1:5432")

    with (
        tempfile.TemporaryDirectory(prefix="rush-mail-", dir=WORK_DIR.parent) as mail_dir,
        postgres_database(DATABASE) as database_url,
    ):
        profile_dir = WORK_DIR / "rush-profiles" if args.profile else None
        if profile_dir:  # kept after the run, for pstats or snakeviz
            for old in profile_dir.glob("*.prof"):
                old.unlink()
        env = server_env(database_url, mail_dir, profile_dir=profile_dir)
        say(
            f"database {database_url}: migrate + load_demo + collectstatic: "
            f"{prepare_database(env):.1f}s"
        )
        if args.compare:
            for workers, threads in ((2, 8), (3, 4)):
                variant = argparse.Namespace(
                    **{**vars(args), "workers": workers, "threads": threads}
                )
                run_once(f"compare -w {workers} threads {threads}", env, database_url, variant)
        figures = run_once(
            f"rush -w {args.workers} threads {args.threads}", env, database_url, args
        )
        say(f"e-mails written by the file backend (all runs): {count_mails(Path(mail_dir))}")
        if profile_dir:
            show_profiles(profile_dir)
        if args.phases:
            from _rush_phases import phase_report

            phase_report(env, args.phases)

    failed = figures.pop("failed")
    say("")
    say(summary("rush", **figures))
    return 1 if failed else 0


if __name__ == "__main__":
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    try:
        sys.exit(main())
    except RuntimeError as exc:  # a step of the set-up failed: say which, plainly
        sys.exit(f"bench rush: FAILED: {exc}")
    except KeyboardInterrupt:
        sys.exit(130)
