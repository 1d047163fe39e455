"""The public booking pages, through the test client: what a visitor sees and what is stored."""

import html
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import freezegun
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from activities.models import Activity, Booking
from activities.slots import generate_slots
from activities.tests.factories import ActivityFactory, PublicProgrammeFactory
from core.tests.hostile import hostile_text

CASABLANCA = ZoneInfo("Africa/Casablanca")


@pytest.fixture(autouse=True)
def before_the_event():
    with freezegun.freeze_time(datetime(2022, 5, 20, 9, 0, tzinfo=CASABLANCA)):
        yield


@pytest.fixture
def activity(edition):
    workshop = Activity.objects.create(
        edition=edition,
        slug="four-solaire",
        kind=Activity.Kind.WORKSHOP,
        title_fr="Four solaire",
        title_ar="الفرن الشمسي",
        duration_minutes=30,
        slot_minutes=30,
        slot_capacity=4,
        walk_in_percent=25,
        max_group_size=3,
        waiting_list_places=0,
    )
    generate_slots(workshop, day=date(2022, 5, 25), opens=time(10), closes=time(11))
    return workshop


@pytest.fixture
def slot(activity):
    return activity.slots.order_by("starts_at").first()


def book_url(activity, slot, language="fr"):
    return f"/{language}/activities/{activity.slug}/book/{slot.pk}/"


def form(**changes):
    data = {
        "first_name": "Amina",
        "phone": "06 12 34 56 78",
        "email": "",
        "group_size": "1",
        "consent": "on",
        "leave_empty": "",
        "submission_key": "s" * 24,
    }
    return {**data, **changes}


def test_a_booking_shows_its_qr_code_and_e_mails_it(
    client, activity, slot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            book_url(activity, slot, "ar"), form(email="Amina@Example.ma", group_size="2")
        )
    assert response.status_code == 303
    booking = Booking.objects.get()
    assert (booking.phone, booking.email, booking.group_size, booking.language) == (
        "+212612345678",
        "amina@example.ma",
        2,
        "ar",
    )
    page = client.get(response["Location"])
    assert 'dir="rtl"' in page.content.decode()
    assert "<svg" in page.content.decode() and booking.display_code in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["amina@example.ma"]


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phone": "12"}, "Enter a phone number such as"),
        ({"phone": ""}, "Give a phone number or an e-mail address"),
        ({"group_size": "4"}, "Choose a number of people between 1 and 3"),
        ({"leave_empty": "http://spam"}, "looks automatically filled in"),
        ({"consent": ""}, "accept the data-protection notice"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(client, activity, slot, changes, message):
    response = client.post(book_url(activity, slot, "en"), form(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Booking.objects.exists()


@pytest.mark.usefixtures("in_english")
def test_a_full_slot_answers_409_and_a_double_submit_books_once(client, activity, slot):
    assert client.post(book_url(activity, slot, "en"), form(group_size="3")).status_code == 303
    again = client.post(book_url(activity, slot, "en"), form(group_size="3"))
    assert again.status_code == 303  # the same submission key: the same booking
    other = client.post(
        book_url(activity, slot, "en"),
        form(first_name="Omar", phone="0661000000", submission_key="t" * 24),
    )
    assert other.status_code == 409
    assert "This slot is full" in other.content.decode()
    assert Booking.objects.count() == 1


def test_cancelling_from_the_secret_link_frees_the_places(client, activity, slot):
    client.post(book_url(activity, slot), form(group_size="3"))
    booking = Booking.objects.get()
    response = client.post(f"/fr/activities/booking/{booking.secret}/cancel/")
    assert response.status_code == 303
    booking.refresh_from_db()
    slot.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED and slot.booked == 0
    assert client.get("/fr/activities/booking/not-a-secret/").status_code == 404


def test_availability_answers_304_until_a_place_is_taken(
    client, activity, slot, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        first = client.get("/fr/activities/availability/?day=2022-05-25")
    assert first.status_code == 200 and "Four solaire" in first.content.decode()
    etag = first["ETag"]
    assert (
        client.get(
            "/fr/activities/availability/?day=2022-05-25", HTTP_IF_NONE_MATCH=etag
        ).status_code
        == 304
    )
    client.post(book_url(activity, slot), form())
    changed = client.get("/fr/activities/availability/?day=2022-05-25", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_list_and_detail_show_the_slots(client, activity):
    assert "Four solaire" in client.get("/fr/activities/").content.decode()
    detail = client.get(f"/fr/activities/{activity.slug}/").content.decode()
    assert detail.count('class="slot ') == 2
    assert client.get("/fr/activities/nope/").status_code == 404


@hypothesis_settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text())
def test_hostile_text_never_breaks_the_form(client, activity, slot, text):
    response = client.post(
        book_url(activity, slot), form(first_name=text, phone=text, submission_key="")
    )
    assert response.status_code in (200, 303, 409)
    body = client.get(f"/fr/activities/{activity.slug}/").content.decode()
    assert "<script>alert" not in body
    Booking.objects.all().delete()


@pytest.mark.usefixtures("in_english")
def test_the_list_filters_by_kind_day_and_wheelchair_access_without_javascript(client, activity):
    dome = Activity.objects.create(
        edition=activity.edition,
        slug="dome",
        kind=Activity.Kind.IMMERSIVE,
        title_fr="Dôme",
        title_en="Data dome",
        wheelchair_accessible=False,
    )
    generate_slots(dome, day=date(2022, 5, 26), opens=time(10), closes=time(11))

    def titles(**query):
        page = client.get("/en/activities/", query).content.decode()
        return [name for name in ("Four solaire", "Data dome") if f">{name}</a></h2>" in page]

    assert titles() == ["Four solaire", "Data dome"]
    assert titles(kind="immersive") == ["Data dome"]
    assert titles(day="2022-05-25") == ["Four solaire"]
    assert titles(day="2022-05-26", kind="workshop") == []
    assert titles(wheelchair="1") == ["Four solaire"]
    assert titles(kind="<script>", day="yesterday") == ["Four solaire", "Data dome"]
    empty = client.get("/en/activities/", {"day": "2022-05-26", "kind": "workshop"})
    assert "No activity matches these filters." in empty.content.decode()
    assert 'href="/en/activities/">Clear filters' in empty.content.decode()


def list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/fr/activities/", {"day": "2022-05-25", "kind": "workshop"})
    assert page.status_code == 200
    return len(queries)


def test_the_list_costs_the_same_queries_for_one_or_three_activities(client, activity):
    def thumbnailed(workshop):
        workshop.thumbnail, workshop.thumbnail_width, workshop.thumbnail_height = (
            f"activities/thumbnails/{workshop.slug}.webp",
            320,
            213,
        )
        workshop.save()

    thumbnailed(activity)
    one = list_queries(client)
    for n in range(2):
        more = Activity.objects.create(
            edition=activity.edition,
            slug=f"atelier-{n}",
            kind=Activity.Kind.WORKSHOP,
            title_fr=f"Atelier {n}",
            space=activity.edition.spaces.first(),
        )
        generate_slots(more, day=date(2022, 5, 25), opens=time(10), closes=time(11))
        thumbnailed(more)
    page = client.get("/fr/activities/", {"day": "2022-05-25", "kind": "workshop"}).content.decode()
    assert page.count('class="thumb"') == 3 and page.count('width="320" height="213"') == 3
    assert list_queries(client) == one


def test_an_activity_links_to_its_debate_only_while_the_programme_shows_it(client, session):
    debate = ActivityFactory(edition=session.edition, session=session, slug="debat-ouvert")
    link = f'href="/fr/programme/sessions/{session.pk}/"'
    assert link in client.get(f"/fr/activities/{debate.slug}/").text

    session.is_published = False
    session.save()
    assert link not in client.get(f"/fr/activities/{debate.slug}/").text


def test_a_session_of_the_public_programme_sends_its_page_s_readers_to_the_booking(client, session):
    debate = ActivityFactory(edition=session.edition, session=session, slug="debat-ouvert")
    PublicProgrammeFactory(edition=session.edition, name_fr="Casa Connect")
    page = client.get(f"/fr/programme/sessions/{session.pk}/").text
    assert "Gratuit et ouvert au public dans le cadre de Casa Connect" in page
    assert f'href="/fr/activities/{debate.slug}/">Réserver une place gratuite</a>' in page

    debate.is_published = False
    debate.save()
    page = client.get(f"/fr/programme/sessions/{session.pk}/").text
    assert "Réserver une place gratuite" not in page


def other_activity(edition, slug="vr"):
    """Casablanca in virtual reality, 10:15–10:45 on the 25th: it overlaps the 10:00
    and the 10:30 slots of the solar oven."""
    vr = Activity.objects.create(
        edition=edition,
        slug=slug,
        kind=Activity.Kind.VR_AR,
        title_fr="Casablanca 2040 en réalité virtuelle",
        duration_minutes=30,
        slot_minutes=30,
        slot_capacity=4,
        walk_in_percent=0,
    )
    generate_slots(vr, day=date(2022, 5, 25), opens=time(10, 15), closes=time(10, 45))
    return vr


@pytest.mark.usefixtures("in_english")
def test_a_stranger_with_someone_elses_phone_learns_nothing_of_their_booking(
    client, activity, slot
):
    vr = other_activity(activity.edition)
    theirs = vr.slots.get()
    assert client.post(book_url(vr, theirs, "en"), form()).status_code == 303
    secret_page = client.get(f"/en/activities/booking/{Booking.objects.get().secret}/")

    stranger = client.post(
        book_url(activity, slot, "en"),
        form(first_name="Omar", submission_key="t" * 24),  # Amina's phone
    )

    assert stranger.status_code == 409
    page = stranger.content.decode()
    assert "This phone number or e-mail address already has a booking at that time." in page
    for detail in ("Casablanca 2040", "10:15", "10:45", "réalité virtuelle"):
        assert detail not in page
    assert "Casablanca 2040" in secret_page.content.decode()  # the holder still sees it
    same_slot = client.post(
        book_url(vr, theirs, "en"), form(first_name="Omar", submission_key="u" * 24)
    )
    assert same_slot.status_code == 409
    assert "already has a booking at that time" in same_slot.content.decode()
    in_french = client.post(book_url(activity, slot, "fr"), form(submission_key="v" * 24))
    assert "Ce numéro de téléphone ou cette adresse e-mail a déjà une réservation" in (
        html.unescape(in_french.content.decode())
    )
    assert Booking.objects.count() == 1


def test_a_submission_key_replayed_with_other_details_is_a_fresh_booking(client, activity, slot):
    vr = other_activity(activity.edition)
    amina = client.post(book_url(activity, slot), form())
    other_slot = vr.slots.get()

    replays = [
        client.post(book_url(vr, other_slot), form(first_name="Omar", phone="0661000000")),
        client.post(book_url(activity, slot), form(first_name="Omar", phone="0661000001")),
        client.post(
            book_url(activity, slot), form(first_name="Omar", phone="", email="o@example.ma")
        ),
    ]

    assert all(replay.status_code == 303 for replay in replays)
    locations = {amina["Location"], *(replay["Location"] for replay in replays)}
    assert len(locations) == 4  # four bookings, four secret links: none is Amina's
    assert Booking.objects.count() == 4
    assert client.post(book_url(activity, slot), form())["Location"] == amina["Location"]
