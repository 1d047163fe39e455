"""The e-mail a change owes is kept with the change: a worker killed between the
commit and the sending, or a mail server that refuses, does not lose it, and it
is never sent twice."""

from contextlib import contextmanager
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from activities import services as bookings
from activities.tests.factories import ActivitySlotFactory
from core import outbox
from core.models import OutboxEmail
from core.outbox import send_owed
from registration import services
from registration.services import Attendee
from registration.tests.factories import PassTypeFactory, RegistrationFactory

LATER = timedelta(minutes=2)
# The module paths rows named their task by before tasks had registered names.
OLD_TASKS = [
    "registration.emails.notify",
    "activities.emails.notify",
    "startups.emails.notify_submitted",
    "startups.emails.notify_decision",
    "matchmaking.notifications.notify",
]


class RefusingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("smtp down")


def register(edition, email="amina@example.ma"):
    pass_type = PassTypeFactory(edition=edition)
    attendee = Attendee(first_name="Amina", last_name="B.", email=email, language="ar")
    registration, _new = services.register(pass_type, attendee=attendee, any_date=True)
    return registration


def test_a_worker_killed_after_the_commit_leaves_the_mail_owed_and_the_timer_sends_it(edition):
    # No on_commit callback runs here: exactly what a kill -9 after the commit leaves.
    registration = register(edition)
    (owed,) = OutboxEmail.objects.all()
    assert owed.sent_at is None and mail.outbox == []
    assert send_owed() == 0  # young: still its request's to send
    assert send_owed(now=timezone.now() + LATER) == 1
    (message,) = mail.outbox
    assert message.to == [registration.email] and message.extra_headers["Content-Language"] == "ar"
    assert send_owed(now=timezone.now() + LATER) == 0  # never twice
    assert len(mail.outbox) == 1


def test_the_request_sends_its_own_mail_and_the_timer_finds_nothing_left(
    edition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(edition)
    assert len(mail.outbox) == 1
    assert OutboxEmail.objects.get().sent_at is not None
    out = StringIO()
    call_command("send_outbox", "--older-than", "0", stdout=out)
    assert out.getvalue().startswith("0 ")
    assert len(mail.outbox) == 1


def test_a_refusing_mail_server_is_tried_again_until_it_accepts(
    edition, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(edition)  # the page still says "registered"
    assert registration.pk and mail.outbox == []
    assert send_owed(now=timezone.now() + LATER) == 0
    assert OutboxEmail.objects.get().attempts == 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_owed(now=timezone.now() + LATER) == 1
    assert len(mail.outbox) == 1


def test_public_bookings_owe_their_mail_the_same_way(edition):
    slot = ActivitySlotFactory(activity__edition=edition)
    visitor = bookings.Visitor("Omar", "fr", email="omar@example.ma")
    bookings.book(slot, visitor=visitor, now=slot.starts_at - timedelta(days=1))
    assert send_owed(now=timezone.now() + LATER) == 1
    assert mail.outbox[0].to == ["omar@example.ma"]


@contextmanager
def a_web_request():
    """What a WSGI server does around one request: request_started, then, once the
    response is written, request_finished (as the test client, without closing the
    test's database connection)."""
    request_started.disconnect(close_old_connections)
    request_started.send(sender=None, environ={})
    request_started.connect(close_old_connections)
    yield
    request_finished.disconnect(close_old_connections)
    request_finished.send(sender=None)
    request_finished.connect(close_old_connections)


def test_mail_that_must_not_show_in_the_answer_time_leaves_after_the_response(
    edition, django_capture_on_commit_callbacks
):
    RegistrationFactory(pass_type__edition=edition, email="amina@example.ma")
    with a_web_request():
        with django_capture_on_commit_callbacks(execute=True):
            services.resend_ticket_links("amina@example.ma", language="fr")
        assert mail.outbox == []  # committed, but the answer has not gone yet
    assert [m.to for m in mail.outbox] == [["amina@example.ma"]]
    assert OutboxEmail.objects.get().sent_at is not None


def test_other_mail_still_leaves_at_the_commit(edition, django_capture_on_commit_callbacks):
    with a_web_request():
        with django_capture_on_commit_callbacks(execute=True):
            register(edition)
        assert len(mail.outbox) == 1


def test_mail_owed_outside_a_request_leaves_at_the_commit(
    edition, django_capture_on_commit_callbacks
):
    RegistrationFactory(pass_type__edition=edition, email="amina@example.ma")
    with django_capture_on_commit_callbacks(execute=True):
        services.resend_ticket_links("amina@example.ma", language="fr")
    assert len(mail.outbox) == 1


def test_sent_rows_go_after_a_week(edition):
    register(edition)
    send_owed(now=timezone.now() + LATER)
    assert OutboxEmail.objects.count() == 1
    send_owed(now=timezone.now() + timedelta(days=8))
    assert OutboxEmail.objects.count() == 0


@pytest.mark.parametrize("argument", ["-1x", "abc"])
def test_send_outbox_refuses_a_bad_age(argument):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_outbox", "--older-than", argument)


def test_an_unknown_task_is_refused_before_anything_is_written(db):
    with pytest.raises(outbox.UnknownTask), transaction.atomic():
        outbox.owe("registration.emails.notify", 1, "confirmed")  # a module path, not a name
    assert not OutboxEmail.objects.exists()


@pytest.mark.django_db(transaction=True)  # migrating runs outside a test's transaction
def test_mails_owed_before_the_task_names_are_sent_after_the_upgrade(edition):
    registration = RegistrationFactory(pass_type__edition=edition, email="salma@example.ma")
    before = MigrationExecutor(connection)
    before.migrate([("core", "0003_outbox")])
    try:
        old = before.loader.project_state([("core", "0003_outbox")]).apps
        for task in OLD_TASKS:  # what an existing deployment may still owe
            args = [registration.pk, "confirmed"] if task.startswith("registration.") else [0]
            old.get_model("core", "OutboxEmail").objects.create(
                task=task, arguments={"args": args, "kwargs": {}}
            )
    finally:
        MigrationExecutor(connection).migrate([("core", "0004_outbox_task_names")])

    tasks = set(OutboxEmail.objects.values_list("task", flat=True))
    assert len(tasks) == len(OLD_TASKS)
    for task in tasks:
        outbox.registered(task)  # raises UnknownTask for a name no app registered
    OutboxEmail.objects.exclude(task="registration.status").delete()  # their rows are made up
    assert send_owed(now=timezone.now() + LATER) == 1
    assert [message.to for message in mail.outbox] == [["salma@example.ma"]]
