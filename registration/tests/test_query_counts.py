"""Query-count guards: the staff and desk lists of registration take as many queries
with 30 registrations as with one, each on its own pass, with its own check-in and
pivot, so a relation read row by row (an N+1) shows as a difference."""

import pytest
from django.urls import reverse

from core.testing import english, queries_of_get
from editions.tests.factories import PivotFactory
from registration.checkin import check_in
from registration.models import Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory

Status = Registration.Status


def register(edition, count: int, *, status=Status.CONFIRMED) -> None:
    """Registrations up to `count`, named Person01…, each on its own pass with its own
    pivot of interest; the confirmed ones are checked in at the door."""
    for n in range(Registration.objects.count() + 1, count + 1):
        registration = RegistrationFactory(
            pass_type=PassTypeFactory(edition=edition, name_en=f"Pass {n:02d}"),
            first_name=f"Person{n:02d}",
            last_name="Alaoui",
            status=status,
        )
        registration.pivots.add(PivotFactory(edition=edition))
        if status == Status.CONFIRMED:
            check_in(registration.secret, edition=edition, gate="2", nonce=f"n{n}")


@pytest.fixture
def desk(client, cast, edition):
    """The registration desk's browser, signed in, at gate 2 (the door's search needs one)."""
    client.force_login(cast["registration_desk"])
    client.post(reverse("registration:desk"), {"gate": "2"})
    return client


@pytest.mark.parametrize(
    ("page", "query", "shows"),
    [
        ("registration:staff_list", "", "Person30"),
        ("registration:registrations_csv", "", "Person30"),
        ("registration:badges", "", "Person30"),
        ("registration:passes", "", "Pass 30"),
        # The door's name search shows its first twenty matches.
        ("registration:desk", "?q=alaoui", "Person20"),
    ],
)
def test_lists_queries_do_not_grow_with_registrations(desk, edition, page, query, shows):
    url = english(page) + query
    register(edition, 1)
    one, _ = queries_of_get(desk, url)

    register(edition, 30)
    thirty, text = queries_of_get(desk, url)

    assert shows in text
    assert thirty == one


def test_offline_list_queries_do_not_grow_with_registrations(desk, edition):
    url = reverse("registration:offline_list")
    register(edition, 1)
    one, _ = queries_of_get(desk, url)

    register(edition, 30)
    thirty, text = queries_of_get(desk, url)

    assert text.count('"hash"') == 30 and "Person30 A." in text
    assert thirty == one


def test_waiting_list_queries_do_not_grow_with_people_waiting(desk, edition):
    url = english("registration:waiting_list")
    register(edition, 1, status=Status.WAITLISTED)
    one, _ = queries_of_get(desk, url)

    register(edition, 30, status=Status.WAITLISTED)
    thirty, text = queries_of_get(desk, url)

    assert "Person30" in text and "Pass 30" in text
    assert thirty == one
