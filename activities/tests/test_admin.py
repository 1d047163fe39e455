"""The public programme in the admin: every list page opens for the admin role."""

import io
from datetime import timedelta

import freezegun
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from activities import services
from activities import urls as activity_urls
from activities.models import RESERVED_SLUGS, Activity
from activities.services import Visitor
from activities.tests.factories import ActivityFactory, ActivitySlotFactory
from editions.tests.factories import SpaceFactory
from programme.tests.factories import SessionFactory, at

MODELS = ["publicprogramme", "activity", "activityslot", "booking", "entryscan"]


@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_open_for_the_admin_role(client, cast, edition, model):
    client.force_login(cast["admin"])
    response = client.get(reverse(f"admin:activities_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("model", ["booking", "entryscan"])
def test_bookings_and_scans_cannot_be_added_in_the_admin(client, cast, edition, model):
    client.force_login(cast["admin"])
    response = client.get(reverse(f"admin:activities_{model}_add"))
    assert response.status_code == 403


def activity_form(activity, **changes):
    """The change form's fields as the admin page would post them."""
    data = {
        "edition": activity.edition_id,
        "slug": activity.slug,
        "kind": activity.kind,
        "position": 0,
        "duration_minutes": 30,
        "slot_minutes": 30,
        "slot_capacity": 10,
        "walk_in_percent": 20,
        "max_group_size": 6,
        "waiting_list_places": 5,
        "minimum_age": 0,
        "title_fr": activity.title_fr,
        "is_published": "on",
        "wheelchair_accessible": "on",
    }
    return {**data, **changes}


@pytest.fixture
def activity(edition):
    return ActivityFactory(edition=edition, slug="dome", duration_minutes=30, slot_minutes=30)


@pytest.mark.usefixtures("in_english")
def test_slots_are_generated_from_opening_hours_and_never_twice(client, cast, activity):
    client.force_login(cast["admin"])
    url = reverse("admin:activities_activity_generate_slots", args=[activity.pk])
    hours = {"day": "2022-05-25", "opens": "10:00", "closes": "12:00"}
    first = client.post(url, hours, follow=True)
    assert "4 slots added." in first.content.decode()
    again = client.post(url, {**hours, "closes": "12:30"}, follow=True)
    assert "1 slot added. 4 were there already" in again.content.decode()
    assert activity.slots.count() == 5
    backwards = client.post(url, {**hours, "closes": "09:00"})
    assert "closing time must come after" in backwards.content.decode()
    assert activity.slots.count() == 5


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_an_activity_cannot_take_an_address_of_the_public_programme(client, cast, activity, slug):
    client.force_login(cast["admin"])
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    page = client.post(url, activity_form(activity, slug=slug))
    assert "is an address of the public programme" in page.content.decode()
    activity.refresh_from_db()
    assert activity.slug == "dome"


def test_every_word_of_the_public_addresses_is_reserved():
    """A word at the place of an activity's short name in any address of the app
    (`availability/`, `entrance/occupancy/`…) would hide that activity."""
    routes = [str(pattern.pattern).split("/") for pattern in activity_urls.urlpatterns]
    for route in routes:
        if "<slug:slug>" not in route:
            continue
        depth = route.index("<slug:slug>")
        words = {
            other[depth]
            for other in routes
            if other[:depth] == route[:depth] and len(other) > depth + 1
        }
        assert {w for w in words if w and "<" not in w} <= RESERVED_SLUGS


def jpeg(width, height):
    picture = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(picture, "JPEG")
    return SimpleUploadedFile("facade.jpg", picture.getvalue(), content_type="image/jpeg")


@pytest.mark.usefixtures("in_english")
def test_a_photo_is_re_encoded_with_a_light_sized_thumbnail_for_the_list(
    client, cast, activity, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast["admin"])
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    client.post(url, activity_form(activity, photo=jpeg(3000, 1500), photo_alt_fr="Le dôme"))
    activity.refresh_from_db()
    assert activity.photo.name.endswith(".webp") and "facade" not in activity.photo.name
    assert (
        Image.open(activity.photo).size
        == (1200, 600)
        == (activity.photo_width, activity.photo_height)
    )
    assert Image.open(activity.thumbnail).size == (320, 160)
    assert activity.thumbnail.size < activity.photo.size
    listed = client.get("/fr/activities/").content.decode()
    assert f'src="{activity.thumbnail.url}"' in listed and activity.photo.url not in listed
    assert 'loading="lazy"' in listed and 'width="320" height="160"' in listed
    detail = client.get(f"/fr/activities/{activity.slug}/").content.decode()
    assert 'width="1200" height="600"' in detail and f"{activity.thumbnail.url} 320w" in detail


@pytest.mark.usefixtures("in_english")
def test_a_refused_or_cleared_photo_leaves_no_thumbnail_behind(
    client, cast, activity, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast["admin"])
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    fake = SimpleUploadedFile("x.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    refused = client.post(url, activity_form(activity, photo=fake))
    assert "PNG, JPEG or WebP" in refused.content.decode()
    client.post(url, activity_form(activity, photo=jpeg(600, 900)))
    activity.refresh_from_db()
    assert (activity.thumbnail_width, activity.thumbnail_height) == (320, 480)
    client.post(url, activity_form(activity, **{"photo-clear": "on"}))
    activity.refresh_from_db()
    assert not activity.photo and not activity.thumbnail and activity.photo_width is None
    assert "<img" not in client.get("/fr/activities/").content.decode()


@pytest.mark.usefixtures("in_english")
def test_space_and_session_come_from_the_activitys_own_edition(client, cast, activity):
    other = SessionFactory()
    elsewhere = SpaceFactory(edition=other.edition)
    client.force_login(cast["admin"])
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    page = client.post(url, activity_form(activity, space=elsewhere.pk, session=other.pk))
    # Another edition's space and session are not even among the choices.
    assert page.content.decode().count("Select a valid choice.") == 2
    activity.refresh_from_db()
    assert activity.space is None and activity.session is None


@pytest.mark.usefixtures("in_english")
def test_a_new_activity_refuses_a_space_and_session_of_another_edition(client, cast, activity):
    """A new activity is offered every edition's spaces and sessions (labelled with
    their edition); one from another edition than its own is refused."""
    other = SessionFactory()
    elsewhere = SpaceFactory(edition=other.edition)
    client.force_login(cast["admin"])
    form = activity_form(activity, slug="dome-2", space=elsewhere.pk, session=other.pk)

    page = client.post(reverse("admin:activities_activity_add"), form)

    assert page.content.decode().count("Choose one from the activity&#x27;s own edition.") == 2
    assert not activity.edition.activities.filter(slug="dome-2").exists()


@pytest.mark.usefixtures("in_english")
def test_capacity_cannot_fall_below_what_is_booked(client, cast, edition):
    slot = ActivitySlotFactory(activity__edition=edition, capacity=10, walk_in_places=2)
    for n in range(6):
        services.book(
            slot,
            visitor=Visitor(first_name=f"P{n}", language="fr", phone=f"+2126{n:08d}"),
            now=at(25, 9),
        )
    client.force_login(cast["admin"])
    url = reverse("admin:activities_activityslot_change", args=[slot.pk])
    form = {
        "starts_at_0": "2022-05-25",
        "starts_at_1": "10:00",
        "ends_at_0": "2022-05-25",
        "ends_at_1": "10:30",
        "walk_in_places": 2,
    }
    refused = client.post(url, {**form, "capacity": 7})
    assert "6 places are booked online" in refused.content.decode()
    slot.refresh_from_db()
    assert slot.capacity == 10


@pytest.mark.usefixtures("in_english")
def test_a_larger_capacity_gives_places_to_the_waiting_list_and_keeps_the_counters(
    client, cast, edition
):
    slot = ActivitySlotFactory(activity__edition=edition, capacity=4, walk_in_places=0)
    held = [
        services.book(
            slot,
            visitor=Visitor(first_name=f"P{n}", language="fr", phone=f"+2126{n:08d}"),
            now=at(25, 9),
        )[0]
        for n in range(6)
    ]
    assert [b.status for b in held].count("waitlisted") == 2
    client.force_login(cast["admin"])
    url = reverse("admin:activities_activityslot_change", args=[slot.pk])
    form = {
        "starts_at_0": "2022-05-25",
        "starts_at_1": "10:00",
        "ends_at_0": "2022-05-25",
        "ends_at_1": "10:30",
        "walk_in_places": 0,
        "capacity": 5,
    }
    with freezegun.freeze_time(at(25, 9)):
        page = client.post(url, form, follow=True)
    assert "1 waiting booking now has a place" in page.content.decode()
    slot.refresh_from_db()
    assert (slot.capacity, slot.booked, slot.waiting) == (5, 5, 1)


@pytest.mark.usefixtures("in_english")
def test_debates_get_the_slot_of_their_session(client, cast, edition):
    session = SessionFactory(edition=edition, starts_at=at(25, 15), ends_at=at(25, 16))
    debate = ActivityFactory(edition=edition, kind=Activity.Kind.DEBATE, session=session)
    alone = ActivityFactory(edition=edition)
    client.force_login(cast["admin"])
    page = client.post(
        reverse("admin:activities_activity_changelist"),
        {
            "action": "give_session_slot",
            "_selected_action": [debate.pk, alone.pk],
        },
        follow=True,
    ).content.decode()
    assert "1 slot added." in page and "not linked to a programme session" in page
    assert list(debate.slots.values_list("starts_at", "ends_at")) == [(at(25, 15), at(25, 16))]


@pytest.mark.usefixtures("in_english")
def test_a_moved_session_moves_its_debates_slot_until_someone_books_it(client, cast, edition):
    session = SessionFactory(edition=edition, starts_at=at(25, 15), ends_at=at(25, 16))
    debate = ActivityFactory(edition=edition, kind=Activity.Kind.DEBATE, session=session)
    client.force_login(cast["admin"])

    def give_slot(starts_at):
        session.starts_at, session.ends_at = starts_at, starts_at + timedelta(hours=1)
        session.save()
        return client.post(
            reverse("admin:activities_activity_changelist"),
            {
                "action": "give_session_slot",
                "_selected_action": [debate.pk],
            },
            follow=True,
        ).content.decode()

    give_slot(at(25, 15))
    give_slot(at(25, 17))
    assert list(debate.slots.values_list("starts_at", flat=True)) == [at(25, 17)]
    services.book(
        debate.slots.get(),
        visitor=Visitor(first_name="Ali", language="fr", phone="+212612345678"),
        now=at(25, 9),
    )
    page = give_slot(at(26, 10))
    assert "already booked or entered: change it in the list of slots first" in page
    assert list(debate.slots.values_list("starts_at", flat=True)) == [at(25, 17)]


@pytest.mark.usefixtures("in_english")
def test_staff_cancel_a_booking_and_the_waiting_list_moves_up(client, cast, edition):
    slot = ActivitySlotFactory(activity__edition=edition, capacity=1, walk_in_places=0)
    first, second = (
        services.book(
            slot,
            visitor=Visitor(first_name=f"P{n}", language="fr", phone=f"+2126{n:08d}"),
            now=at(25, 9),
        )[0]
        for n in range(2)
    )
    client.force_login(cast["admin"])
    with freezegun.freeze_time(at(25, 9)):
        page = client.post(
            reverse("admin:activities_booking_changelist"),
            {
                "action": "cancel_bookings",
                "_selected_action": [first.pk],
            },
            follow=True,
        ).content.decode()
    assert "1 booking cancelled." in page
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.cancelled_by, second.status) == (
        "cancelled",
        cast["admin"],
        "confirmed",
    )
