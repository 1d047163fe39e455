"""E-mails owed because of a change, kept with the change until they are sent.

`owe(task, *args)` inside a transaction writes an OutboxEmail in it and sends the
mail right after the commit. A worker killed in between (kill -9, a crash, a
deploy) leaves the row unsent; `manage.py send_outbox`, from a timer, sends it.
Each row is sent under its row lock (SKIP LOCKED on PostgreSQL), so the request
and the timer never both send one. A task returns False (or raises) when the
mail server refused: the row stays owed and is tried again, up to MAX_ATTEMPTS.
"""

import logging
from datetime import timedelta
from importlib import import_module

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


def owe(task: str, *args, **kwargs) -> OutboxEmail:
    """Record the e-mail `task(*args, **kwargs)` will send; send it after the commit."""
    row = OutboxEmail.objects.create(task=task, arguments={"args": args, "kwargs": kwargs})
    transaction.on_commit(lambda: deliver(row.pk))
    return row


def deliver(pk: int) -> bool:
    """Send one owed e-mail if nobody else is; whether it is sent now."""
    with transaction.atomic():
        row = _lock_unsent(OutboxEmail.objects.filter(pk=pk)).first()
        if row is None:
            return False  # sent already, or being sent by the timer
        return _send(row)


def send_owed(*, now=None, grace: timedelta = GRACE, limit: int | None = None) -> int:
    """Send what requests could not (their worker died, or the mail server refused)."""
    now = now or timezone.now()
    OutboxEmail.objects.filter(sent_at__lt=now - KEPT).delete()
    sent, tried = 0, []
    while limit is None or sent < limit:
        with transaction.atomic():
            owed = OutboxEmail.objects.filter(created_at__lte=now - grace,
                                              attempts__lt=MAX_ATTEMPTS).order_by("created_at")
            row = _lock_unsent(owed.exclude(pk__in=tried)).first()
            if row is None:
                return sent
            tried.append(row.pk)  # once per run: a refusing server is tried on the next
            sent += _send(row)
    return sent


def _lock_unsent(rows):
    rows = rows.filter(sent_at__isnull=True)
    if connection.features.has_select_for_update_skip_locked:
        return rows.select_for_update(skip_locked=True)
    return rows


def _send(row: OutboxEmail) -> bool:
    module, name = row.task.rsplit(".", 1)
    task = getattr(import_module(module), name)
    try:
        done = task(*row.arguments["args"], **row.arguments["kwargs"]) is not False
    except Exception:
        logger.exception("Owed e-mail not sent: %s", row)
        done = False
    if done:
        row.sent_at = timezone.now()
    row.attempts += 1
    row.save(update_fields=["sent_at", "attempts"])
    return done
