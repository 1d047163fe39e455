"""Fixtures shared by every app's tests: a small current edition to work on."""

from io import StringIO

import freezegun
import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from hypothesis import settings

from editions.tests.factories import EditionFactory, PivotFactory, SpaceFactory
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at

# Fixture modules several apps share, loaded as plugins: a test names their fixtures
# as arguments and never imports them. The browser module's module-scoped
# `live_server` replaces pytest-django's; only browser tests use one.
pytest_plugins = ["core.tests.browser"]

# Tests assert behaviour, never timings: a slow example on a loaded CI machine is
# not a failure (speed is measured by bench/).
settings.register_profile("jemaa", deadline=None)
settings.load_profile("jemaa")

# Frozen time is for the code under test: pytest keeps its own clock, so the
# durations it reports stay true.
freezegun.configure(extend_ignore_list=["_pytest", "xdist", "execnet"])


@pytest.fixture(autouse=True)
def french_by_default():
    """LocaleMiddleware leaves the last request's language active; start each test
    in French so `reverse()` gives the default addresses."""
    translation.activate("fr")
    yield
    translation.activate("fr")


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """`manage.py load_demo` once for a module of tests that only read the demo, in a
    transaction rolled back after the module's last test; each test's own `db`
    transaction nests inside it. (Loading it takes seconds, with the scheduler run.)"""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def in_english():
    """English for the whole test: addresses reversed now and messages the services
    write, so assertions read English text (add it with `usefixtures`)."""
    translation.activate("en")


@pytest.fixture
def cast(db):
    """Everyone who might knock on a staff page, by role name (see core.testing.CAST)."""
    from accounts.models import User
    from accounts.roles import assign_role
    from core.testing import ROLE_CODES

    people = {"anonymous": None, "attendee": User.objects.create_user("attendee")}
    for code in ROLE_CODES:
        person = User.objects.create_user(code, first_name=code.replace("_", " ").title())
        assign_role(person, code)
        people[code] = person
    return people


@pytest.fixture
def edition(db):
    """The current edition (25–26 May 2022) with two pivots and two rooms."""
    edition = EditionFactory(slug="scc-2022", is_current=True)
    PivotFactory(
        edition=edition, slug="low-tech", colour="#2e7d32", name_fr="Technologies low-tech"
    )
    PivotFactory(
        edition=edition, slug="governance", colour="#1565c0", name_fr="Gouvernance bottom-up"
    )
    SpaceFactory(edition=edition, slug="atlas", name_fr="Salle Atlas")
    SpaceFactory(edition=edition, slug="anfa", name_fr="Salle Anfa")
    return edition


@pytest.fixture
def session(edition):
    """A published panel on the low-tech pivot in Salle Atlas, 25 May 10:00–11:00."""
    panel = SessionFactory(
        edition=edition,
        pivot=edition.pivots.get(slug="low-tech"),
        space=edition.spaces.get(slug="atlas"),
        starts_at=at(25, 10),
        ends_at=at(25, 11),
        title_fr="Recycler la ville",
        title_ar="إعادة تدوير المدينة",
        title_en="Recycling the city",
        languages="fr,ar",
    )
    SessionSpeakerFactory(session=panel, speaker=SpeakerFactory(name="Salma Bennani"))
    return panel
