"""Bench: the audience of a session upvoting one question at once, through the real
HTTP form, and what the live refresh of the question list costs.

A fresh PostgreSQL database, one session running now with one question, gunicorn
sync workers, 64 clients on 127.0.0.1 (RATE_LIMIT_FACTOR raised). Each voter is a
new device: GET the questions page (CSRF cookie and token, and the signed device
cookie a vote needs), POST the upvote (Accept: application/json) with both, and one
voter in ten presses again (that vote must be refused). The database is then read: every
accepted vote must be a row, no voter twice, and the question's counter equal.

Then the live refresh, as live.js does it every 5 s: a viewer's request when
nothing changed (304) and when something did (200), in bytes on the wire, and how
many 304s the server answers per second with 64 clients.

    .venv/bin/python bench/votes.py [--voters 3000] [--clients 64] [--workers 4]
"""

import argparse
import http.client
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # noqa: E402
    HOST,
    ROOT,
    Gunicorn,
    crowd,
    load,
    manage,
    percentile,
    postgres_database,
    postgres_reachable,
    production_env,
    say,
    summary,
)
from bench.rush import CSRF_COOKIE, FormFields, cookie_value, request  # noqa: E402

DATABASE = "jemaa_bench_votes"
DEVICE_COOKIE = "jemaa-device"
POLL_SECONDS = 5  # live.js's refresh period (questions.html: data-live-seconds)

SETUP = """
from datetime import timedelta
from django.utils import timezone
from editions.models import Edition
from programme.models import Session
from community import questions
now = timezone.now()
today = timezone.localdate()
edition = Edition.objects.create(
    slug="bench-votes", name_fr="Bench votes", name_en="Bench votes", name_ar="Bench",
    starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=1),
    venue="Hyatt Regency", city="Casablanca", organiser="Bench", is_current=True,
    is_published=True)
session = Session.objects.create(edition=edition, title_fr="Débat : la ville low-tech",
    kind="debate", starts_at=now - timedelta(minutes=10), ends_at=now + timedelta(hours=1),
    is_published=True)
board = questions.board_of(session)
for n in range(20):
    questions.ask(
        board, text=f"Question numéro {n} : comment faire ?", author_name="", voter=f"d:q{n}"
    )
target = questions.ask(
    board, text="Qui finance la ville low-tech ?", author_name="Amina", voter="d:asker"
)
for question in board.questions.all():  # boards open pre-moderated
    questions.moderate(question, "approve")
print(session.pk, target.pk)
"""


@dataclass
class Vote:
    outcome: str = "unaccounted"  # counted, refused, limited, error
    again: str = ""  # the second press, for one voter in ten: refused expected
    detail: str = ""
    seconds: float = 0.0


def vote(port: int, n: int, session_id: int, question_id: int) -> Vote:
    result = Vote()
    page_path = f"/fr/programme/sessions/{session_id}/questions/"
    vote_path = f"{page_path}{question_id}/vote/"
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        response, page = request(conn, "GET", page_path)
        form = FormFields()
        form.feed(page.decode("utf-8", "replace"))
        csrf = cookie_value(response.getheaders(), CSRF_COOKIE)
        device = cookie_value(response.getheaders(), DEVICE_COOKIE)  # a vote needs it
        if response.status != 200 or not csrf or not device:
            result.outcome, result.detail = "error", f"GET page: HTTP {response.status}"
            return result
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
            "Cookie": f"{CSRF_COOKIE}={csrf}; {DEVICE_COOKIE}={device}",
            "Referer": f"http://{HOST}:{port}{page_path}",
        }
        body = f"csrfmiddlewaretoken={form.hidden.get('csrfmiddlewaretoken', '')}&order=votes"
        started = time.perf_counter()
        response, _ = request(conn, "POST", vote_path, body=body, headers=headers)
        result.seconds = time.perf_counter() - started
        result.outcome = {200: "counted", 409: "refused", 429: "limited"}.get(
            response.status, "error"
        )
        if result.outcome == "error":
            result.detail = f"POST: HTTP {response.status}"
        if n % 10 == 0:
            again, _ = request(conn, "POST", vote_path, body=body, headers=headers)
            result.again = {409: "refused", 200: "counted"}.get(again.status, "error")
    except (OSError, http.client.HTTPException) as exc:
        result.outcome, result.detail = "error", f"connection: {type(exc).__name__}"
    finally:
        conn.close()
    return result


@dataclass
class Crowd:
    votes: list = field(default_factory=list)
    seconds: float = 0.0

    def count(self, outcome):
        return sum(1 for v in self.votes if v.outcome == outcome)


def voting(port, session_id, question_id, *, voters, clients, seconds) -> Crowd:
    votes, took = crowd(
        lambda n: vote(port, n, session_id, question_id),
        count=voters,
        clients=clients,
        seconds=seconds,
    )
    return Crowd(votes, took)


def stored_votes(database_url, question_id):
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute(
            "SELECT q.votes, COUNT(v.id), COUNT(DISTINCT v.voter) FROM community_question q "
            "LEFT JOIN community_questionvote v ON v.question_id = q.id WHERE q.id = %s "
            "GROUP BY q.id",
            [question_id],
        ).fetchone()


def wire_bytes(port, path, headers=None):
    """Status line, headers and body of one GET, as they cross the network."""
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "gzip", **(headers or {})})
        raw = conn.getresponse()
        body = raw.read()
        head = (
            len(f"HTTP/1.1 {raw.status} {raw.reason}\r\n")
            + sum(len(f"{k}: {v}\r\n") for k, v in raw.getheaders())
            + 2
        )
        return raw.status, head + len(body), raw.getheader("ETag")
    finally:
        conn.close()


def refresh_cost(port, session_id):
    """Bytes per viewer per minute (unchanged list / list changed every time), 304 rate."""
    live = f"/fr/programme/sessions/{session_id}/questions/live/"
    status, changed_bytes, etag = wire_bytes(port, live)
    status_304, same_bytes, _ = wire_bytes(port, live, {"If-None-Match": etag})
    assert (status, status_304) == (200, 304), (status, status_304)
    per_minute = 60 // POLL_SECONDS
    request_bytes = len(
        f"GET {live} HTTP/1.1\r\nHost: {HOST}\r\nIf-None-Match: {etag}\r\n"
        "Accept-Encoding: gzip\r\nCookie: csrftoken=" + "x" * 32 + "\r\n\r\n"
    )
    hammer = load(
        port,
        live,
        clients=64,
        seconds=10,
        max_requests=20_000,
        headers={"If-None-Match": etag},
        expect=304,
    )
    return {
        "requests_per_min": per_minute,
        "bytes_304": same_bytes,
        "bytes_200": changed_bytes,
        "request_bytes": request_bytes,
        "idle_bytes_per_min": per_minute * (same_bytes + request_bytes),
        "busy_bytes_per_min": per_minute * (changed_bytes + request_bytes),
        "rps_304": hammer.rps,
        "errors": len(hammer.errors),
        "p99_304_ms": hammer.ms(99),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voters", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--seconds", type=float, default=240, help="stop voting after")
    args = parser.parse_args()
    os.chdir(ROOT)
    if not postgres_reachable():
        sys.exit("bench votes: FAILED: PostgreSQL is not reachable on 127.0.0.1:5432")
    with postgres_database(DATABASE) as database_url:
        env = production_env(database_url, RATE_LIMIT_FACTOR="10000", DB_CONN_MAX_AGE="60")
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        session_id, question_id = (
            int(v) for v in manage(env, "shell", "-v", "0", "-c", SETUP).split()
        )
        env["GUNICORN_CMD_ARGS"] = "--worker-class sync"
        ready = f"/fr/programme/sessions/{session_id}/questions/"
        with Gunicorn(env, workers=args.workers, name="votes", ready_path=ready) as server:
            result = voting(
                server.port,
                session_id,
                question_id,
                voters=args.voters,
                clients=args.clients,
                seconds=args.seconds,
            )
            cost = refresh_cost(server.port, session_id)
        stored = stored_votes(database_url, question_id)
    return report(args, result, stored, cost)


def report(args, result: Crowd, stored, cost) -> int:
    counter, rows, distinct = stored
    counted = result.count("counted")
    seconds_again = [v.again for v in result.votes if v.again]
    errors = [v for v in result.votes if v.outcome in ("error", "unaccounted")]
    for failed in errors[:10]:
        say(f"error: {failed.detail}")
    latencies = [v.seconds for v in result.votes if v.outcome == "counted"]
    lost = max(0, counted - rows)
    duplicated = (rows - distinct) + max(0, rows - counted) + seconds_again.count("counted")
    say(
        f"voters {len(result.votes)} in {result.seconds:.1f}s: counted (200) {counted}, "
        f"refused (409) {result.count('refused')}, rate-limited (429) {result.count('limited')}, "
        f"errors {len(errors)}"
    )
    say(f"second presses: {len(seconds_again)}, refused {seconds_again.count('refused')}")
    say(f"database: counter {counter}, vote rows {rows}, distinct voters {distinct}")
    say(
        f"vote latency: median {percentile(latencies, 50) * 1000:.0f} ms, "
        f"p99 {percentile(latencies, 99) * 1000:.0f} ms"
    )
    say(
        f"live refresh every {POLL_SECONDS} s, per viewer and minute: "
        f"{cost['requests_per_min']} requests; {cost['idle_bytes_per_min']} bytes when nothing "
        f"changed (304: {cost['bytes_304']} B down + ~{cost['request_bytes']} B up), "
        f"{cost['busy_bytes_per_min']} bytes when the list changes every time "
        f"(200: {cost['bytes_200']} B gzipped)"
    )
    viewers = cost["rps_304"] * POLL_SECONDS
    say(
        f"304s answered: {cost['rps_304']:.0f}/s with 64 clients (p99 {cost['p99_304_ms']:.0f} ms, "
        f"{cost['errors']} errors): {args.workers} workers keep ~{viewers:.0f} viewers live; "
        f"1,000 viewers cost {1000 / POLL_SECONDS:.0f} requests/s and "
        f"{1000 * cost['idle_bytes_per_min'] / 1e6:.1f}–"
        f"{1000 * cost['busy_bytes_per_min'] / 1e6:.1f} MB/min"
    )
    rps = len(latencies) / result.seconds if result.seconds else 0.0
    say(
        summary(
            "votes",
            clients=args.clients,
            votes=rows,
            lost=lost,
            duplicated=duplicated,
            rps=f"{rps:.1f}",
            p99_ms=f"{percentile(latencies, 99) * 1000:.0f}",
            refresh_requests_per_min=cost["requests_per_min"],
            refresh_bytes_per_min=cost["idle_bytes_per_min"],
            refresh_rps_304=f"{cost['rps_304']:.0f}",
        )
    )
    bad = lost or duplicated or errors or counter != rows or cost["errors"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
