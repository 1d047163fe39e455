"""Backup while people keep registering, restore into a fresh database, and find
every registration, booking and vote made before the backup began."""

import threading
import time

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from activities import services as bookings
from activities.tests.factories import ActivitySlotFactory
from community import questions
from core.backups import backup, restore
from programme.tests.factories import at
from registration.models import Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory

pytestmark = pytest.mark.django_db(transaction=True)
FRESH = "jemaa_restore_test"


def rows_in(path_or_name, table: str) -> set[int]:
    if connection.vendor == "sqlite":
        import sqlite3

        with sqlite3.connect(path_or_name) as db:
            return {row[0] for row in db.execute(f"SELECT id FROM {table}")}  # noqa: S608
    with psycopg.connect(host="127.0.0.1", user="postgres", dbname=path_or_name) as db:
        return {row[0] for row in db.execute(f"SELECT id FROM {table}")}  # noqa: S608


@pytest.fixture
def fresh_database(tmp_path):
    """Where the backup is restored: a new file, or a new PostgreSQL database."""
    if connection.vendor == "sqlite":
        yield str(tmp_path / "restored.sqlite3")
        return
    with psycopg.connect(
        host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{FRESH}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{FRESH}"')
    yield FRESH
    with psycopg.connect(
        host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{FRESH}" WITH (FORCE)')


def test_a_backup_under_write_load_restores_every_row_made_before_it(
    edition, session, tmp_path, fresh_database
):
    pass_type = PassTypeFactory(edition=edition, capacity=100_000)
    for _ in range(50):
        RegistrationFactory(pass_type=pass_type, status="confirmed")
    slot = ActivitySlotFactory(activity__edition=edition, capacity=100, walk_in_places=0)
    for n in range(10):
        bookings.book(
            slot,
            visitor=bookings.Visitor(first_name=f"P{n}", language="fr", phone=f"+2126{n:08d}"),
            now=at(25, 9),
        )
    question = questions.moderate(
        questions.ask(
            questions.board_of(session), text="Et après ?", author_name="", voter="d:asker"
        ),
        "approve",
    )
    for n in range(30):
        questions.upvote(question, voter=f"d:room{n}")

    stop, written = threading.Event(), []

    def keep_registering():
        try:
            while not stop.is_set() and len(written) < 2000:
                written.append(RegistrationFactory(pass_type=pass_type, status="confirmed").pk)
        finally:
            connection.close()

    writer = threading.Thread(target=keep_registering, daemon=True)
    writer.start()
    time.sleep(0.3)  # the writer is busy before the backup starts
    before = {
        "registration_registration": set(Registration.objects.values_list("pk", flat=True)),
        "activities_booking": set(slot.bookings.values_list("pk", flat=True)),
        "community_questionvote": set(question.vote_rows.values_list("pk", flat=True)),
    }
    path = backup(tmp_path / "backup")
    stop.set()
    writer.join(timeout=60)
    assert written, "the writer wrote nothing during the backup"

    restore(path, into=fresh_database)
    for table, ids in before.items():
        restored = rows_in(fresh_database, table)
        assert ids <= restored, f"{table}: {len(ids - restored)} rows missing"
    assert len(before["community_questionvote"]) == 30 and len(before["activities_booking"]) == 10


def test_the_commands_back_up_and_refuse_to_restore_without_yes(edition, tmp_path, capsys):
    RegistrationFactory(pass_type__edition=edition, status="confirmed")
    call_command("backup", str(tmp_path / "jemaa.backup"))
    assert "Backup written" in capsys.readouterr().out
    assert (tmp_path / "jemaa.backup").stat().st_size > 0
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "jemaa.backup"))
