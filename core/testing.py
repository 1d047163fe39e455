"""Helpers shared by the tests of every app: the cast of users, addresses, and
jobs fired at once from real threads."""

import threading

from django.db import connection, connections
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
