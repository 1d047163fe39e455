"""Helpers shared by the tests of every app: the cast of users, addresses, jobs
fired at once from real threads, and the work a request does before it answers."""

import re
import threading
from dataclasses import dataclass
from unittest import mock

from django.core import mail
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

ROLE_CODES = ["admin", "programme_manager", "registration_desk", "jury_member", "moderator"]
CAST = ["anonymous", "attendee", *ROLE_CODES]


def client_for(client, cast, who):
    """The test client signed in as one of the cast (or anonymous)."""
    if cast[who] is not None:
        client.force_login(cast[who])
    return client


def english(name, *args):
    """A page's address in English, so assertions read English text."""
    with translation.override("en"):
        return reverse(name, args=args)


def queries_of_get(client, url: str, **headers) -> tuple[int, str]:
    """GET `url`, which must answer 200: how many database queries the page took, and
    its text, so a query-count guard also checks that the page shows its items."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:500]
    return len(captured), response.content.decode()


def all_at_once(jobs, *, refusals=(), workers=None, wait=30, join=120) -> tuple[list, list]:
    """Run the jobs (callables) from real threads, each thread with its own database
    connection and committing for real, all released together by a barrier.

    Returns (results in job order, errors as (index, exception)). A refusal (an
    exception of the `refusals` types) is an answer, not an error: its `code` is the
    job's result. With `workers`, the jobs are spread over that many threads, each
    running its share in turn (a burst of hundreds without hundreds of connections).
    `wait` bounds the wait at the barrier and `join` the whole burst, in seconds."""
    results = [None] * len(jobs)
    errors = []
    workers = workers or len(jobs)
    barrier = threading.Barrier(workers)

    def run(mine):
        try:
            barrier.wait(timeout=wait)
            for index in mine:
                try:
                    results[index] = jobs[index]()
                except refusals as refused:
                    results[index] = refused.code
                except BaseException as error:  # noqa: BLE001 - every failure is reported
                    errors.append((index, error))
        except threading.BrokenBarrierError as error:
            errors.append((None, error))
        finally:
            connections.close_all()  # this thread's own, before the test's teardown

    threads = [
        threading.Thread(target=run, args=(range(w, len(jobs), workers),), daemon=True)
        for w in range(workers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=join)
    assert not any(thread.is_alive() for thread in threads), "a thread is still running"
    return results, errors


@dataclass
class Watched:
    """What one POST did before its answer, and what it left owed for after it."""

    status: int
    location: str
    statements: list[str]  # its SQL, literals masked (see `_shape`)
    mail_in_request: int  # e-mails sent before the answer
    mail_after: list  # e-mails sent by what it owed, once run


def post_watched(capture_on_commit, url: str, data: dict, **extra) -> Watched:
    """POST `url` from a new browser (so no session is reused) and watch it: its queries
    and any e-mail sent inside it; then run what it left for after the commit.
    `capture_on_commit` is pytest-django's django_capture_on_commit_callbacks."""
    mail.outbox.clear()
    # core.ratelimit cleans up on 1 % of hits: an extra query that says nothing here.
    with mock.patch("core.ratelimit.random.random", return_value=1.0):
        with CaptureQueriesContext(connection) as queries, capture_on_commit() as owed:
            response = Client().post(url, data, **extra)
            mail_in_request = len(mail.outbox)
    for callback in owed:
        callback()
    return Watched(
        status=response.status_code,
        location=response.get("Location", ""),
        statements=[_shape(query["sql"]) for query in queries],
        mail_in_request=mail_in_request,
        mail_after=mail.outbox[mail_in_request:],
    )


def assert_alike(known: Watched, unknown: Watched) -> None:
    """Known and unknown addresses answer alike: the same answer, the same queries
    one by one, and no e-mail sent before the answer in either case."""
    assert known.mail_in_request == unknown.mail_in_request == 0
    assert (known.status, known.location) == (unknown.status, unknown.location)
    assert known.statements == unknown.statements


def _shape(sql: str) -> str:
    """A statement without what varies from one run to the next (strings, numbers,
    savepoint names): two requests doing the same work have the same shapes."""
    sql = re.sub(r'"s\d+_x\d+"', "?", sql)
    return re.sub(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b", "?", sql)
