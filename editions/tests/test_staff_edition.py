"""Staff pages follow the edition a staff member chose in the header, the one being
prepared, without `?edition=` on every link; visitors never see that choice."""

from datetime import date

import pytest
from django.urls import reverse

from core import testing
from editions.models import Edition
from editions.services import make_current
from editions.tests.factories import EditionFactory


@pytest.fixture
def coming(edition):
    return EditionFactory(
        slug="scc-2027",
        name_fr="Symposium 2027",
        name_en="Symposium 2027 (en)",
        starts_on=date(2027, 5, 26),
        ends_on=date(2027, 5, 27),
        is_published=False,
    )


def _staff(client, cast):
    return testing.client_for(client, cast, "admin")


def _registrations(client, **query):
    return client.get(reverse("registration:staff_list"), query).content.decode()


def _choose(client, slug, next_path="/fr/register/staff/"):
    return client.post(reverse("editions:choose_for_staff"), {"edition": slug, "next": next_path})


def test_staff_pages_follow_the_current_edition_by_default(edition, coming, cast, client):
    page = _registrations(_staff(client, cast))
    assert f"· {edition.name}</title>" in page
    assert '<option value="scc-2022" selected>' in page


def test_staff_pages_follow_the_chosen_edition_without_a_query(edition, coming, cast, client):
    staff = _staff(client, cast)
    response = _choose(staff, "scc-2027", "/fr/register/staff/?edition=scc-2022&status=confirmed")
    assert response.status_code == 302
    assert response["Location"] == "/fr/register/staff/?status=confirmed"
    page = _registrations(staff)
    assert "· Symposium 2027</title>" in page
    assert '<option value="scc-2027" selected>' in page
    assert "Symposium 2027 · en préparation, non publiée" in page
    # An explicit link to another edition still shows that one.
    assert f"· {edition.name}</title>" in _registrations(staff, edition="scc-2022")


@pytest.mark.usefixtures("in_english")
def test_the_choice_is_confirmed_in_english(coming, cast, client):
    staff = _staff(client, cast)
    response = staff.post(
        reverse("editions:choose_for_staff"),
        {"edition": "scc-2027", "next": reverse("registration:staff_list")},
        follow=True,
    )
    assert "Staff pages now show “Symposium 2027 (en)”." in response.content.decode()


def test_choosing_the_current_edition_follows_whichever_is_current(edition, coming, cast, client):
    staff = _staff(client, cast)
    _choose(staff, "scc-2022")
    make_current(coming, by=cast["admin"])
    assert "· Symposium 2027</title>" in _registrations(staff)


def test_a_chosen_edition_deleted_since_falls_back_to_the_current_one(
    edition, coming, cast, client
):
    staff = _staff(client, cast)
    _choose(staff, "scc-2027")
    Edition.objects.filter(pk=coming.pk).delete()
    assert f"· {edition.name}</title>" in _registrations(staff)


def test_only_staff_may_choose_and_only_by_post(edition, coming, cast, client):
    address = reverse("editions:choose_for_staff")
    assert _staff(client, cast).get(address).status_code == 405
    client.logout()
    visitor = testing.client_for(client, cast, "attendee")
    response = _choose(visitor, "scc-2027")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert "staff_edition" not in visitor.session


def test_an_unknown_edition_or_a_foreign_next_is_refused_or_ignored(edition, cast, client):
    staff = _staff(client, cast)
    assert _choose(staff, "nope").status_code == 404
    assert _choose(staff, "x" * 80).status_code == 404
    response = _choose(staff, "scc-2022", "https://evil.example/")
    assert response["Location"] == "/"


def test_visitors_never_see_the_staff_choice(edition, coming, client):
    page = client.get(reverse("editions:home")).content.decode()
    assert "staff-edition" not in page and "Symposium 2027" not in page


def test_feedback_results_follow_the_chosen_edition(edition, coming, cast, client):
    staff = _staff(client, cast)
    _choose(staff, "scc-2027")
    page = staff.get(reverse("community:feedback_results")).content.decode()
    assert "· Symposium 2027</title>" in page
