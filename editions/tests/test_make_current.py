"""Making an edition current: one step, one current edition, who and when recorded."""

from datetime import date

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from core import testing
from editions.models import Edition
from editions.services import EditionError, make_current
from editions.tests.factories import EditionFactory


def _next_edition(**fields):
    fields = {
        "slug": "scc-2027",
        "name_fr": "Symposium 2027",
        "name_en": "Symposium 2027",
        "is_published": False,
    } | fields
    return EditionFactory(starts_on=date(2027, 5, 26), ends_on=date(2027, 5, 27), **fields)


def test_make_current_swaps_and_publishes_and_records_who(edition, cast):
    coming = _next_edition()
    swap = make_current(coming, by=cast["admin"])
    assert swap.previous == edition and swap.published and swap.changed
    coming.refresh_from_db()
    edition.refresh_from_db()
    assert coming.is_current and coming.is_published
    assert coming.made_current_by == cast["admin"] and coming.made_current_at is not None
    assert not edition.is_current and edition.is_published
    assert list(Edition.objects.filter(is_current=True)) == [coming]


def test_make_current_twice_changes_nothing_the_second_time(edition, cast):
    swap = make_current(edition, by=cast["admin"])
    assert not swap.changed and swap.previous is None
    edition.refresh_from_db()
    assert edition.is_current and edition.made_current_by is None


def test_make_current_of_a_deleted_edition_is_refused(edition, cast):
    gone = _next_edition()
    Edition.objects.filter(pk=gone.pk).delete()
    with pytest.raises(EditionError) as refused:
        make_current(gone, by=cast["admin"])
    assert refused.value.code == "gone"
    edition.refresh_from_db()
    assert edition.is_current


def test_a_new_edition_starts_unpublished_and_leaves_the_home_page_alone(edition, client):
    created = Edition.objects.create(
        slug="scc-2027",
        name_fr="Symposium 2027",
        starts_on=date(2027, 5, 26),
        ends_on=date(2027, 5, 27),
        venue="Hyatt",
        city="Casablanca",
        organiser="CEA",
    )
    assert not created.is_published
    page = client.get(reverse("editions:home")).content.decode()
    assert edition.name in page and "Symposium 2027" not in page
    assert "Édition en cours" in page and "Archive" not in page


@pytest.mark.django_db(transaction=True)
def test_two_staff_making_two_editions_current_at_once_leave_exactly_one(cast):
    EditionFactory(slug="scc-2022", is_current=True)
    editions = [_next_edition(slug=f"scc-{year}") for year in (2026, 2027)]
    jobs = [lambda e=e: make_current(e, by=cast["admin"]).changed for e in editions]
    results, errors = testing.all_at_once(jobs)
    assert errors == []
    assert results == [True, True]  # both swapped, one after the other
    current = list(Edition.objects.filter(is_current=True))
    assert len(current) == 1 and current[0].slug in {"scc-2026", "scc-2027"}
    assert Edition.objects.filter(slug="scc-2022", is_current=False).exists()


# The admin: an action on the list, a button on the edition's page.


def _admin(client, cast, who="admin"):
    return testing.client_for(client, cast, who)


def test_admin_button_makes_an_unpublished_edition_current_in_one_post(edition, cast, client):
    coming = _next_edition()
    staff = _admin(client, cast)
    page = staff.get(reverse("admin:editions_edition_change", args=[coming.pk])).content.decode()
    assert "Publier et en faire l’édition en cours" in page
    response = staff.post(
        reverse("admin:editions_edition_make_current", args=[coming.pk]), follow=True
    )
    text = response.content.decode()
    assert "« Symposium 2027 » est publiée et devient l’édition en cours." in text
    assert f"« {edition.name} » est présentée comme une archive." in text
    assert Edition.objects.get(is_current=True) == coming
    assert LogEntry.objects.filter(object_id=str(coming.pk), user=cast["admin"]).exists()
    home = client.get(reverse("editions:home")).content.decode()
    assert "Symposium 2027" in home and "Édition en cours" in home


@pytest.mark.usefixtures("in_english")
def test_admin_action_makes_the_chosen_edition_current_in_english(edition, cast, client):
    coming = _next_edition(is_published=True)
    response = _admin(client, cast).post(
        reverse("admin:editions_edition_changelist"),
        {"action": "make_current_action", "_selected_action": [coming.pk]},
        follow=True,
    )
    assert "“Symposium 2027” is now the current edition." in response.content.decode()
    assert Edition.objects.get(is_current=True) == coming


@pytest.mark.usefixtures("in_english")
def test_admin_action_refuses_two_editions_at_once(edition, cast, client):
    coming = _next_edition()
    response = _admin(client, cast).post(
        reverse("admin:editions_edition_changelist"),
        {"action": "make_current_action", "_selected_action": [coming.pk, edition.pk]},
        follow=True,
    )
    assert "Choose one edition to make current." in response.content.decode()
    assert Edition.objects.get(is_current=True) == edition


def test_make_current_button_is_post_only_and_needs_the_change_permission(edition, cast, client):
    coming = _next_edition()
    address = reverse("admin:editions_edition_make_current", args=[coming.pk])
    assert _admin(client, cast).get(address).status_code == 405
    client.logout()
    assert _admin(client, cast, "registration_desk").post(address).status_code in (302, 403)
    assert Edition.objects.get(is_current=True) == edition


def test_the_current_edition_cannot_be_unpublished_in_the_admin(edition, cast, client):
    change = reverse("admin:editions_edition_change", args=[edition.pk])
    staff = _admin(client, cast)
    form = staff.get(change).context["adminform"].form
    data = {**{k: v for k, v in form.initial.items() if v is not None}}
    assert "is_current" not in form.fields  # read-only: only "Make current" changes it
    data.pop("is_published", None)
    for prefix in ("pivots", "spaces", "partners"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = staff.post(change, data)
    assert "elle reste publiée" in response.content.decode()
    edition.refresh_from_db()
    assert edition.is_published
