"""E-mails owed because of a change, kept with the change until they are sent.

A task is a function that sends one e-mail, known by a short stable name
("registration.status"): each app registers its own in `AppConfig.ready()`
(core imports no app). The name, not the function's module path, is what a row
stores, so code can move without stranding the rows still owed.

`owe(name, *args)` inside a transaction writes an OutboxEmail in it and sends the
mail right after the commit. A worker killed in between (kill -9, a crash, a
deploy) leaves the row unsent; `manage.py send_outbox`, from a timer, sends it.
On PostgreSQL each row is sent under its row lock (SKIP LOCKED), so the request and
the timer never both send one; on SQLite (one machine) the timer leaves rows younger
than GRACE to their request. A task returns False (or raises) when the
mail server refused: the row stays owed and is tried again, up to MAX_ATTEMPTS.

A task registered with `after_response=True` is not sent at the commit but once
its request's response has gone (Django's request_finished, which the WSGI server
fires after writing the response): whatever it does (look the address up, talk
to the mail server) cannot show in the time the response takes. The e-mails that
must not tell a known address from an unknown one ("e-mail me a sign-in link",
"send my ticket links again") are registered so; so are any whose sending time
would reveal what the page must not.
"""

import logging
import threading
from collections.abc import Callable
from contextlib import nullcontext
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from core.models import OutboxEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# The request sends its own mail right after the commit; the timer leaves younger
# rows to it (on SQLite there is no row lock to keep the two apart).
GRACE = timedelta(seconds=60)
# Sent rows are kept a week to answer "was it sent?", then go (they may hold an address).
KEPT = timedelta(days=7)


# name → function sending the e-mail; it returns False when the mail server refused.
_tasks: dict[str, Callable[..., bool | None]] = {}
# The names whose e-mails wait for their request's response to have gone.
_after_response: set[str] = set()
# Per thread (a WSGI server serves one request per thread at a time): the rows owed
# by the request under way, to send once its response has gone; None outside a request.
_request = threading.local()


class UnknownTask(LookupError):
    """An e-mail owed under a name no app registered: a programming error."""


def register(name: str, task: Callable[..., bool | None], *, after_response: bool = False) -> None:
    """Make `task` send the e-mails owed under `name`; apps call it in `ready()`.
    `after_response`: inside a request, send only once its response has gone."""
    if _tasks.setdefault(name, task) is not task:
        raise ValueError(f"Outbox task {name!r} is registered twice")
    if after_response:
        _after_response.add(name)


def registered(name: str) -> Callable[..., bool | None]:
    """The function registered as `name`; UnknownTask if there is none."""
    try:
        return _tasks[name]
    except KeyError:
        raise UnknownTask(f"No outbox task is registered as {name!r}") from None


def owe(task: str, *args, **kwargs) -> OutboxEmail:
    """Record the e-mail the task named `task` will send with these arguments (ids and
    plain values: they are stored as JSON); send it after the commit. An unknown name
    raises before anything is written: the change that owes it fails with it."""
    registered(task)
    row = OutboxEmail.objects.create(task=task, arguments={"args": args, "kwargs": kwargs})
    send = _after_this_response if task in _after_response else deliver
    transaction.on_commit(lambda: send(row.pk))
    return row


def _after_this_response(pk: int) -> None:
    waiting = getattr(_request, "waiting", None)
    if waiting is None:
        deliver(pk)  # not in a request (a command, a shell): nothing to wait for
    else:
        waiting.append(pk)


def request_started(**_kwargs) -> None:
    """Connected to Django's request_started: a new request owes nothing yet. Rows a
    request left unsent (its response never closed) stay owed: the timer sends them."""
    _request.waiting = []


def request_finished(**_kwargs) -> None:
    """Connected to Django's request_finished: the response has gone, send what it owed."""
    waiting, _request.waiting = getattr(_request, "waiting", None) or [], None
    for pk in waiting:
        try:
            deliver(pk)
        except Exception:  # the database is away: the row stays owed, the timer sends it
            logger.exception("Owed e-mail %s not sent after its response", pk)


def deliver(pk: int) -> bool:
    """Send one owed e-mail if nobody else is; whether it is sent now."""
    with _sending():
        row = _unsent(OutboxEmail.objects.filter(pk=pk)).first()
        return False if row is None else _send(row)  # None: sent, or the timer has it


def send_owed(*, now=None, grace: timedelta = GRACE) -> int:
    """Send what requests could not (their worker died, or the mail server refused);
    each row once per run, so a refusing server is tried again at the next."""
    now = now or timezone.now()
    OutboxEmail.objects.filter(sent_at__lt=now - KEPT).delete()
    owed = OutboxEmail.objects.filter(created_at__lte=now - grace, attempts__lt=MAX_ATTEMPTS)
    sent, after = 0, 0
    while True:
        with _sending():
            row = _unsent(owed.filter(pk__gt=after).order_by("pk")).first()
            if row is None:
                return sent
            after = row.pk
            sent += _send(row)


def _row_locks() -> bool:
    return connection.features.has_select_for_update_skip_locked


def _sending():
    """PostgreSQL: a transaction whose row lock keeps others off the row while its mail
    goes. SQLite: none, since a transaction there holds the database's one write lock
    for every worker; the grace keeps the timer off the requests' own rows."""
    return transaction.atomic() if _row_locks() else nullcontext()


def _unsent(rows):
    rows = rows.filter(sent_at__isnull=True)
    return rows.select_for_update(skip_locked=True) if _row_locks() else rows


def _send(row: OutboxEmail) -> bool:
    try:
        send = registered(row.task)
        # A savepoint inside the row's transaction: a failed query in the task leaves
        # the transaction usable to record the attempt.
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
            done = send(*row.arguments["args"], **row.arguments["kwargs"]) is not False
    except Exception:
        logger.exception("Owed e-mail not sent: %s", row)
        done = False
    if done:
        row.sent_at = timezone.now()
    row.attempts += 1
    row.save(update_fields=["sent_at", "attempts"])
    return done
