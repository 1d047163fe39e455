"""Bench: 10,000 booking attempts on 40 slots of a public activity, through the real form.

A fresh PostgreSQL database (migrate, then one edition of today and tomorrow with an
activity of 40 slots, 20–60 bookable places each), gunicorn sync workers, 64 clients
on 127.0.0.1 (RATE_LIMIT_FACTOR raised), each attempt: GET the form (CSRF cookie,
token, submission_key), POST it with a unique Moroccan mobile, follow the 303.
Bounded by --attempts and --seconds. Afterwards the database is read: no slot may be
overbooked, no counter may differ from its rows, and no request may fail.

    .venv/bin/python bench/public_rush.py [--attempts 10000] [--clients 64] [--workers 4]
"""

import argparse
import http.client
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (  # noqa: E402
    HOST,
    ROOT,
    Gunicorn,
    crowd,
    manage,
    percentile,
    postgres_database,
    postgres_reachable,
    production_env,
    say,
    summary,
)
from bench.rush import CSRF_COOKIE, FormFields, cookie_value, request  # noqa: E402

DATABASE = "jemaa_bench_public_rush"
SLUG = "rush-atelier"
SLOTS = 40

# One edition (today and tomorrow, current), its public programme open now, one
# activity with 40 slots starting in an hour, every 30 minutes, capacities varied.
SETUP = """
from datetime import timedelta
from django.utils import timezone
from editions.models import Edition
from activities.models import Activity, ActivitySlot, PublicProgramme
now = timezone.now()
today = timezone.localdate()
edition = Edition.objects.create(
    slug="bench-public", name_fr="Bench public", name_en="Bench public", name_ar="Bench",
    starts_on=today, ends_on=today + timedelta(days=2), venue="Hyatt Regency",
    city="Casablanca", organiser="Bench", is_current=True, is_published=True)
PublicProgramme.objects.create(edition=edition, name_fr="Smart City Connect",
    name_en="Smart City Connect", name_ar="Smart City Connect", bookings_per_day=3)
activity = Activity.objects.create(edition=edition, slug="%(slug)s", kind="workshop",
    title_fr="Atelier rush", title_en="Rush workshop", title_ar="Rush",
    max_group_size=6, waiting_list_places=15, walk_in_percent=20)
first = (now + timedelta(hours=1)).replace(second=0, microsecond=0)
for n in range(%(slots)d):
    bookable = 20 + (n * 7) %% 41
    ActivitySlot.objects.create(activity=activity, starts_at=first + timedelta(minutes=30 * n),
        ends_at=first + timedelta(minutes=30 * n + 30), capacity=bookable + 5, walk_in_places=5)
print(" ".join(str(pk) for pk in activity.slots.order_by("starts_at").values_list("pk", flat=True)))
""" % {"slug": SLUG, "slots": SLOTS}


@dataclass
class Attempt:
    n: int
    outcome: str = "unaccounted"  # booked, refused, limited, error
    detail: str = ""
    seconds: float = 0.0


def attempt_booking(port: int, n: int, slot_id: int) -> Attempt:
    """One visitor: GET the form, POST it, follow the redirect to the booking page."""
    attempt = Attempt(n)
    path = f"/fr/activities/{SLUG}/book/{slot_id}/"
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    started = time.perf_counter()
    try:
        response, page = request(conn, "GET", path)
        if response.status != 200:
            attempt.outcome, attempt.detail = "error", f"GET form: HTTP {response.status}"
            return attempt
        form = FormFields()
        form.feed(page.decode("utf-8", "replace"))
        csrf = cookie_value(response.getheaders(), CSRF_COOKIE)
        if b'name="first_name"' not in page:
            # The slot and its waiting list are full: the page says so and offers no form.
            attempt.outcome, attempt.detail = "refused", "full: no form offered"
            return attempt
        if not csrf or not form.hidden.get("csrfmiddlewaretoken"):
            attempt.outcome, attempt.detail = "error", "GET form: no CSRF token"
            return attempt
        data = {
            **form.hidden,
            "first_name": f"Visiteur{n}",
            "phone": f"+2126{n:08d}",
            "group_size": "1",
            "consent": "on",
            "leave_empty": "",
        }
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{CSRF_COOKIE}={csrf}",
            "Referer": f"http://{HOST}:{port}{path}",
        }
        response, page = request(conn, "POST", path, body=urlencode(data), headers=headers)
        if response.status == 303:
            followed, _page = request(conn, "GET", urlsplit(response.getheader("Location")).path)
            ok = followed.status == 200
            attempt.outcome = "booked" if ok else "error"
            attempt.detail = "" if ok else f"booking page: HTTP {followed.status}"
        elif response.status == 409:
            attempt.outcome = "refused"
        elif response.status == 429:
            attempt.outcome = "limited"
        else:
            attempt.outcome, attempt.detail = "error", f"POST: HTTP {response.status}"
    except (OSError, http.client.HTTPException) as exc:
        attempt.outcome, attempt.detail = "error", f"connection: {type(exc).__name__}"
    finally:
        attempt.seconds = time.perf_counter() - started
        conn.close()
    return attempt


@dataclass
class Crowd:
    attempts: list = field(default_factory=list)
    seconds: float = 0.0

    def count(self, outcome):
        return sum(1 for attempt in self.attempts if attempt.outcome == outcome)


def booking_crowd(port, slot_ids, *, attempts, clients, seconds) -> Crowd:
    """`clients` threads book back to back, spread over the slots, until done or out of time."""
    made, took = crowd(
        lambda n: attempt_booking(port, n, slot_ids[n % len(slot_ids)]),
        count=attempts,
        clients=clients,
        seconds=seconds,
    )
    return Crowd(made, took)


def slot_rows(database_url, slot_ids):
    """Per slot: bookable, booked counter, confirmed rows, waiting counter, waiting rows."""
    import psycopg

    query = """
        SELECT s.id, s.capacity - s.walk_in_places, s.booked,
               COALESCE(SUM(b.group_size) FILTER (WHERE b.status = 'confirmed'), 0),
               s.waiting,
               COALESCE(SUM(b.group_size) FILTER (WHERE b.status = 'waitlisted'), 0)
        FROM activities_activityslot s LEFT JOIN activities_booking b ON b.slot_id = s.id
        WHERE s.id = ANY(%s) GROUP BY s.id ORDER BY s.starts_at"""
    with psycopg.connect(database_url) as conn:
        return conn.execute(query, [list(slot_ids)]).fetchall()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--seconds", type=float, default=300, help="stop making attempts after")
    args = parser.parse_args()
    os.chdir(ROOT)
    if not postgres_reachable():
        sys.exit("bench public_rush: FAILED: PostgreSQL is not reachable on 127.0.0.1:5432")
    with postgres_database(DATABASE) as database_url:
        env = production_env(
            database_url,
            RATE_LIMIT_FACTOR="10000",
            DB_CONN_MAX_AGE="60",
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        )
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        slot_ids = [int(pk) for pk in manage(env, "shell", "-v", "0", "-c", SETUP).split()]
        say(f"database {database_url}: {len(slot_ids)} slots of {SLUG!r}")
        env["GUNICORN_CMD_ARGS"] = "--worker-class sync"
        ready = f"/fr/activities/{SLUG}/book/{slot_ids[0]}/"
        with Gunicorn(env, workers=args.workers, name="public-rush", ready_path=ready) as server:
            result = booking_crowd(
                server.port,
                slot_ids,
                attempts=args.attempts,
                clients=args.clients,
                seconds=args.seconds,
            )
        rows = slot_rows(database_url, slot_ids)
    return report(result, rows)


def report(result: Crowd, rows) -> int:
    say(f"{'slot':>6} {'bookable':>8} {'booked':>6} {'rows':>5} {'waiting':>7} {'rows':>5}")
    overbooked = 0
    for slot_id, bookable, booked, confirmed, waiting, waiting_rows in rows:
        bad = booked > bookable or booked != confirmed or waiting != waiting_rows
        overbooked += bad
        say(
            f"{slot_id:>6} {bookable:>8} {booked:>6} {confirmed:>5} {waiting:>7} "
            f"{waiting_rows:>5}{'  <-- WRONG' if bad else ''}"
        )
    errors = [a for a in result.attempts if a.outcome in ("error", "unaccounted")]
    for attempt in errors[:10]:
        say(f"error #{attempt.n}: {attempt.detail}")
    latencies = [a.seconds for a in result.attempts]
    rps = len(result.attempts) / result.seconds if result.seconds else 0.0
    confirmed = sum(row[3] for row in rows)
    say(
        f"attempts {len(result.attempts)} in {result.seconds:.1f}s; booked (303) "
        f"{result.count('booked')}, refused (409) {result.count('refused')}, "
        f"rate-limited (429) {result.count('limited')}, errors {len(errors)}"
    )
    say(
        f"waitlisted {sum(row[5] for row in rows)}; "
        f"median {percentile(latencies, 50) * 1000:.0f} ms"
    )
    say(
        summary(
            "public_rush",
            attempts=len(result.attempts),
            slots=len(rows),
            confirmed=confirmed,
            overbooked_slots=overbooked,
            errors=len(errors),
            rps=f"{rps:.1f}",
            p99_ms=f"{percentile(latencies, 99) * 1000:.0f}",
        )
    )
    return 1 if overbooked or errors else 0


if __name__ == "__main__":
    sys.exit(main())
