"""Benchmark: a registration rush that survives crashed web workers, on PostgreSQL.

A fresh PostgreSQL bench database (migrate, demo, collectstatic) gets a pass of the
current edition with fewer places than attempts, and a waiting list. gunicorn
serves it (sync workers, production settings, HTTPS off) on a loopback port, and a
few clients register through the real form, as bench/rush.py does. Mid-rush, by
progress (so the faults land inside the rush however fast the machine is):

  1. kill -9 one worker, later a second one (the master forks new ones);
  2. kill -9 the master and every worker at once, as a lost machine would;
     start gunicorn again on the same database and port, and let the rush finish.

A visitor whose request dies with its worker does what a browser user does: send
the same form again, the same hidden submission_key included (the form's
double-submit token), until an answer comes or 45 s pass. The same key must give
back the registration already made, never a second one.

Afterwards the database is read and held against what the visitors were shown:
  lost        ticket pages (confirmed or waitlisted) with no row, or another status;
  duplicated  rows beyond one per visitor (each visitor has their own e-mail);
  overbooked  confirmed rows beyond capacity; `held` must equal the rows holding a
              place, and, demand being above capacity, exactly capacity confirmed.
Rows nobody was shown (a visitor gave up) are printed too. Every registration shown
must get its e-mail: the requests send them, and `manage.py send_outbox` (the timer
after a crash) sends those that killed workers still owed; none twice.

Ends with one line:
  bench faults: attempts= confirmed_pages= db_confirmed= duplicated= lost=
  capacity= overbooked= killed_workers= ...
and exits non-zero if anything is lost, duplicated, overbooked, short or unmailed.

Run: .venv/bin/python bench/faults.py [--attempts 600] [--capacity 200] [--clients 8]
"""

import argparse
import http.client
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import rush  # noqa: E402 - the form parsing and filling of the plain rush
from bench._common import (  # noqa: E402
    HOST,
    WORK_DIR,
    Gunicorn,
    crowd,
    manage,
    postgres_database,
    postgres_reachable,
    prepare_database,
    query,
    say,
    summary,
)

DATABASE = "jemaa_bench_faults"
RETRY_FOR = 45.0  # seconds a visitor keeps trying through a crash and a restart
TRANSIENT = (OSError, http.client.HTTPException)  # refused, reset, cut short, timed out


@dataclass
class Visit:
    n: int
    email: str = ""
    outcome: str = "error"  # confirmed, waitlisted, pending, refused, error
    secret: str = ""
    detail: str = ""
    post_sends: int = 0  # > 1: the same submission sent again after a failure
    failures: int = 0  # connection errors and 5xx met on the way


def send(port, method, path, *, body=None, headers=None):
    """One request on a fresh connection (sync workers close it after each answer)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


def persist(visit, deadline, port, method, path, **kw):
    """`send` again, unchanged, after a connection error or a 5xx, pausing a little
    longer each time, until an answer comes or `deadline`; None if none came."""
    pause = 0.2
    while time.monotonic() < deadline:
        visit.post_sends += method == "POST"
        try:
            response, page = send(port, method, path, **kw)
            if response.status < 500:
                return response, page
            visit.detail = f"{method} {path}: HTTP {response.status}"
        except TRANSIENT as exc:
            visit.detail = f"{method} {path}: {type(exc).__name__}"
        visit.failures += 1
        time.sleep(pause)
        pause = min(pause * 1.5, 1.0)
    return None


def visit(port, n) -> Visit:
    """GET the form, POST it (again if need be, unchanged), read the ticket page."""
    result = Visit(n)
    deadline = time.monotonic() + RETRY_FOR
    got = persist(result, deadline, port, "GET", rush.FORM_PATH)
    if got is None:
        return result
    response, page = got
    form = rush.FormFields()
    form.feed(page.decode("utf-8", "replace"))
    csrf = rush.cookie_value(response.getheaders(), rush.CSRF_COOKIE)
    if response.status != 200 or not form.hidden.get("submission_key") or not csrf:
        result.outcome = "refused" if rush.NOTICE.search(page) else "error"
        result.detail = f"form page: HTTP {response.status}"
        return result
    data = rush.filled(form, n)
    result.email = data["email"]
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"{rush.CSRF_COOKIE}={csrf}",
        "Referer": f"http://{HOST}:{port}{rush.FORM_PATH}",
    }
    got = persist(
        result,
        deadline,
        port,
        "POST",
        rush.FORM_PATH,
        body=urlencode(data, doseq=True),
        headers=headers,
    )
    if got is None:
        return result
    response, page = got
    if response.status in (409, 429):
        result.outcome, result.detail = "refused", rush.first_error(page)
        return result
    match = rush.TICKET_PATH.match(urlsplit(response.getheader("Location") or "").path)
    if response.status != 303 or not match:
        result.detail = f"POST: HTTP {response.status} {rush.first_error(page)}"
        return result
    result.secret = match.group(1)
    got = persist(result, deadline, port, "GET", urlsplit(response.getheader("Location")).path)
    status = rush.STATUS_CLASS.search(got[1]) if got and got[0].status == 200 else None
    if status:
        result.outcome, result.detail = status.group(1).decode(), ""
    return result


class Faults:
    """Kills by progress: a worker at 20 % and 35 % of the attempts, everything at 55 %,
    then a new gunicorn on the same port. Runs in its own thread, bounded in time."""

    def __init__(self, env, server, attempts, progress):
        self.env, self.servers, self.attempts, self.progress = env, [server], attempts, progress
        self.killed_workers, self.log = [], []
        self.thread = threading.Thread(target=self.run, daemon=True)

    def wait_for(self, fraction, deadline):
        while self.progress() < fraction * self.attempts and time.monotonic() < deadline:
            time.sleep(0.05)
        return time.monotonic() < deadline

    def note(self, text):
        self.log.append(text)
        say(f"  [{self.progress():4d} done] {text}")

    def run(self):
        deadline = time.monotonic() + 240
        server = self.servers[0]
        for fraction in (0.20, 0.35):
            if not self.wait_for(fraction, deadline):
                return
            pid = server.kill_worker()
            self.killed_workers.append(pid)
            self.note(f"kill -9 worker {pid}")
            # Until reaped, the killed worker is still a (zombie) child of the master.
            respawn = time.monotonic() + 20
            while time.monotonic() < respawn:
                pids = server.worker_pids()
                if pid not in pids and len(pids) >= server.workers:
                    break
                time.sleep(0.1)
            self.note(f"master {server.process.pid} runs workers {server.worker_pids()}")
        if not self.wait_for(0.55, deadline):
            return
        killed = server.crash()
        self.killed_workers += killed[1:]
        self.note(f"kill -9 master {killed[0]} and workers {killed[1:]}")
        time.sleep(1.0)  # a moment down: clients meet refused connections
        again = Gunicorn(
            self.env,
            workers=server.workers,
            name="faults-restarted",
            ready_path=rush.FORM_PATH,
            port=server.port,
        )
        self.servers.append(again)
        again.__enter__()
        self.note(
            f"gunicorn started again: master {again.process.pid}, "
            f"workers {again.worker_pids()}, port {again.port}"
        )


def check(database_url, pass_id, visits, capacity):
    """What the database holds against what the visitors were shown."""
    rows = query(
        database_url,
        "SELECT secret, status, lower(email) FROM "
        "registration_registration WHERE pass_type_id = %s",
        [pass_id],
    )
    ((held,),) = query(
        database_url, "SELECT held FROM registration_passtype WHERE id = %s", [pass_id]
    )
    by_secret = {secret: status for secret, status, _email in rows}
    by_status = Counter(status for _s, status, _e in rows)
    emails = Counter(email for _s, _st, email in rows)
    ours = {v.email.lower() for v in visits if v.email}
    shown = [v for v in visits if v.secret and v.outcome in ("confirmed", "waitlisted", "pending")]
    db_confirmed = by_status["confirmed"]
    demand = len(shown) + sum(1 for v in visits if v.outcome == "refused")
    figures = {
        "rows": len(rows),
        "by_status": dict(by_status),
        "held": held,
        "lost": sum(1 for v in shown if by_secret.get(v.secret) != v.outcome),
        "duplicated": sum(c - 1 for c in emails.values())
        + sum(c for e, c in emails.items() if e not in ours),
        "unshown": len(set(by_secret) - {v.secret for v in shown}),
        "db_confirmed": db_confirmed,
        "overbooked": max(0, db_confirmed - capacity),
        "short": max(0, capacity - db_confirmed) if demand > capacity else 0,
        "held_mismatch": held - (db_confirmed + by_status["pending"]),
    }
    return figures


def mail_recipients(mail_dir: Path) -> Counter:
    """Recipients of the messages the file backend wrote (a file may hold several)."""
    return Counter(
        line[4:].strip().decode().lower()
        for log in mail_dir.glob("*.log")
        for line in log.read_bytes().splitlines()
        if line.startswith(b"To: ")
    )


@dataclass
class Run:
    """What one faulty rush left: the visitors, the database and the mailbox."""

    visits: list
    seconds: float
    figures: dict
    faults: "Faults"
    mailed: Counter
    before_outbox: int
    owed: str


def run(args) -> Run:
    """The rush through crashes on a fresh database, then the outbox as the timer sends it."""
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="faults-mail-", dir=WORK_DIR.parent) as mail_dir,
        postgres_database(DATABASE) as database_url,
    ):
        env = rush.server_env(database_url, mail_dir)
        env["GUNICORN_CMD_ARGS"] = "--worker-class sync"
        say(
            f"database {database_url}: migrate + load_demo + collectstatic: "
            f"{prepare_database(env):.1f}s"
        )
        pass_id = rush.create_pass(env, args.capacity)
        finished, lock = [0], threading.Lock()

        def one(n):
            done = visit(server.port, n)
            with lock:
                finished[0] += 1
            return done

        with Gunicorn(
            env, workers=args.workers, name="faults", ready_path=rush.FORM_PATH
        ) as server:
            say(
                f"gunicorn: master {server.process.pid}, workers {server.worker_pids()}, "
                f"port {server.port}; {args.clients} clients, {args.attempts} attempts"
            )
            faults = Faults(env, server, args.attempts, lambda: finished[0])
            faults.thread.start()
            try:
                visits, seconds = crowd(
                    one, count=args.attempts, clients=args.clients, seconds=args.seconds
                )
                faults.thread.join(timeout=60)
            finally:
                for later in faults.servers[1:]:
                    later.stop()
        figures = check(database_url, pass_id, visits, args.capacity)
        before_outbox = sum(mail_recipients(Path(mail_dir)).values())
        # What the timer does after a crash: send what killed workers still owed.
        owed = manage(env, "send_outbox", "--older-than", "0").strip()
        mailed = mail_recipients(Path(mail_dir))
    return Run(visits, seconds, figures, faults, mailed, before_outbox, owed)


def report(result: Run, args) -> int:
    visits, figures, faults, mailed = result.visits, result.figures, result.faults, result.mailed
    mails = sum(mailed.values())
    outcomes = Counter(v.outcome for v in visits)
    resent = [v for v in visits if v.post_sends > 1]
    say(
        f"attempts made: {len(visits)} of {args.attempts} in {result.seconds:.1f}s; "
        f"outcomes {dict(sorted(outcomes.items()))}"
    )
    say(
        f"visitors who met a failure: {sum(1 for v in visits if v.failures)}; "
        f"POSTs sent again with the same submission_key: {len(resent)} visitors, "
        f"{sum(v.post_sends - 1 for v in resent)} resends"
    )
    for detail, count in Counter(v.detail for v in visits if v.outcome == "error").most_common(5):
        say(f"  {count:4d} × error: {detail}")
    say(
        f"database: {figures['by_status']}, held={figures['held']} capacity={args.capacity}, "
        f"rows nobody was shown: {figures['unshown']}, e-mails written: {mails} "
        f"for {figures['rows']} registrations"
    )
    # The e-mail leaves after the commit, inside the request; a worker killed in
    # between leaves it owed in the outbox, which send_outbox sends.
    say(f"e-mails sent by the requests: {result.before_outbox}; send_outbox: {result.owed}")
    unmailed = [v for v in visits if v.secret and v.email.lower() not in mailed]
    twice = sum(count - 1 for count in mailed.values() if count > 1)
    if unmailed:
        say(
            f"registrations without their e-mail: {len(unmailed)}, of which "
            f"{sum(1 for v in unmailed if v.post_sends > 1)} had their POST resent after a "
            f"failure: {[v.email for v in unmailed][:10]}"
        )
    problems = _problems(figures, faults, unmailed)
    for key, value in problems.items():
        say(f"  ! {key}: {value}")
    say("")
    say(
        summary(
            "faults",
            attempts=len(visits),
            confirmed_pages=outcomes["confirmed"],
            db_confirmed=figures["db_confirmed"],
            duplicated=figures["duplicated"],
            lost=figures["lost"],
            capacity=args.capacity,
            overbooked=figures["overbooked"],
            killed_workers=len(faults.killed_workers),
            restarts=len(faults.servers) - 1,
            resent_posts=len(resent),
            errors=outcomes["error"],
            unshown=figures["unshown"],
            mails=mails,
            unmailed=len(unmailed),
            mails_twice=twice,
            mails_from_outbox=mails - result.before_outbox,
        )
    )
    return 1 if problems else 0


def _problems(figures, faults, unmailed) -> dict:
    problems = {k: figures[k] for k in ("lost", "duplicated", "overbooked", "short") if figures[k]}
    if unmailed:
        problems["unmailed"] = len(unmailed)
    if figures["held_mismatch"]:
        problems["held_mismatch"] = figures["held_mismatch"]
    if len(faults.log) < 5:
        problems["faults_not_all_injected"] = len(faults.log)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=600)
    parser.add_argument("--capacity", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=150, help="stop starting attempts after")
    args = parser.parse_args()
    if not postgres_reachable():
        sys.exit("bench faults: FAILED: PostgreSQL is not reachable on 127.0.0.1:5432")
    return report(run(args), args)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as exc:  # a step of the set-up failed: say which, plainly
        sys.exit(f"bench faults: FAILED: {exc}")
    except KeyboardInterrupt:
        sys.exit(130)
