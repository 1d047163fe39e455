"""The lounge's meeting e-mails are owed in the publishing transaction, one per
person told: a worker that dies after the commit, or while telling the sides,
leaves the rest to `manage.py send_outbox`, and nobody is told the same thing twice."""

from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

from core.outbox import send_owed
from matchmaking import planning
from matchmaking.tests.factories import with_slots
from matchmaking.tests.meeting_helpers import accepted, person, published

pytestmark = pytest.mark.django_db

LATER = timedelta(minutes=2)  # past the grace the timer leaves to the request


class WorkerKilled(BaseException):
    """The process dies (kill -9 has no handler: nothing below may catch it)."""


class DyingBackend(EmailBackend):
    """Delivers `left` more messages, then the process sending them dies."""

    left = 0

    def send_messages(self, messages):
        if DyingBackend.left <= 0:
            raise WorkerKilled
        DyingBackend.left -= 1
        return super().send_messages(messages)


def publish(lounge, by):
    run = planning.run_scheduler(lounge, by=by, time_limit=5)
    return planning.publish(run, by=by)


def send_outbox() -> str:
    out = StringIO()
    call_command("send_outbox", "--older-than", "0", stdout=out)
    return out.getvalue()


def test_meetings_published_by_a_worker_killed_after_the_commit_are_told_by_the_timer(lounge, cast):
    with_slots(lounge, day=25, start=(14, 0), count=1, tables=2)
    amina, bilal = person(lounge, "amina"), person(lounge, "bilal", language="ar")
    chama, driss = person(lounge, "chama"), person(lounge, "driss", language="en")
    accepted(amina, bilal)
    accepted(chama, driss)

    publish(lounge, cast["admin"])  # no on_commit callback runs: the worker is gone
    assert mail.outbox == [] and len(published(lounge)) == 2

    assert send_outbox().startswith("4 ")
    told = {message.to[0]: message for message in mail.outbox}
    assert sorted(told) == [f"{n}@example.ma" for n in ("amina", "bilal", "chama", "driss")]
    assert "Bilal SARL" in told["amina@example.ma"].subject
    assert told["bilal@example.ma"].extra_headers["Content-Language"] == "ar"
    assert told["driss@example.ma"].subject == "Your meeting with Chama SARL"
    assert send_outbox().startswith("0 ") and len(mail.outbox) == 4


def test_a_sender_killed_between_the_two_sides_leaves_only_the_second_one_owed(
    lounge, cast, settings, mailoutbox, django_capture_on_commit_callbacks
):
    slots = with_slots(lounge, day=25, start=(14, 0), count=2, tables=1)
    amina, bilal = person(lounge, "amina", language="en"), person(lounge, "bilal", language="en")
    accepted(amina, bilal)
    with django_capture_on_commit_callbacks(execute=True):
        publish(lounge, cast["admin"])
    (meeting,) = published(lounge)
    bilal.blocked_slots.add(meeting.slot)
    mailoutbox.clear()

    settings.EMAIL_BACKEND = f"{__name__}.DyingBackend"
    DyingBackend.left = 1
    with pytest.raises(WorkerKilled), django_capture_on_commit_callbacks(execute=True):
        publish(lounge, cast["admin"])  # Amina is told it moved, then the worker dies
    assert [message.to for message in mailoutbox] == [["amina@example.ma"]]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_owed(now=timezone.now() + LATER) == 1
    assert send_owed(now=timezone.now() + LATER) == 0
    assert Counter(message.to[0] for message in mailoutbox) == {
        "amina@example.ma": 1,
        "bilal@example.ma": 1,
    }
    (to_bilal,) = [m for m in mailoutbox if m.to == ["bilal@example.ma"]]
    assert to_bilal.subject == "Your meeting with Amina SARL has moved"
    assert "It was planned for Wednesday May 25, 2022, 14:00" in to_bilal.body
    assert [m.slot_id for m in published(lounge)] == [slots[1].pk]


def test_a_cancellation_owed_by_a_killed_worker_still_says_why(lounge, cast, mailoutbox):
    with_slots(lounge, day=25, start=(14, 0), count=1, tables=1)
    amina, bilal = person(lounge, "amina", language="en"), person(lounge, "bilal", language="en")
    accepted(amina, bilal)
    publish(lounge, cast["admin"])
    send_owed(now=timezone.now() + LATER)
    bilal.blocked_slots.set(lounge.slots.all())
    mailoutbox.clear()

    publish(lounge, cast["admin"])  # the worker dies after the commit

    assert published(lounge) == [] and mailoutbox == []
    assert send_owed(now=timezone.now() + LATER) == 2
    for message in mailoutbox:
        assert "is cancelled" in message.subject
        assert "Bilal SARL is no longer available at that time." in message.body
