"""Hostile input in the public forms and links not covered by an app's own hostile tests
(registration's, startups', community's and the lounge's forms have theirs):
sign-in by e-mail link, language of one's account, public activity booking and
cancel, the personal agenda (star, adopt), mailing unsubscribe, registration
cancel, and every secret link a visitor can mistype.

Through the real views with the test client: never a server error, a clear answer
or a clean stored object, and pages that show hostile text only escaped and
without a bidi control that reorders the text around it.
"""

import re
from datetime import date, datetime, time
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

import freezegun
import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from sesame.utils import get_query_string

from accounts.models import User
from activities.models import Activity, Booking
from activities.slots import generate_slots
from core.tests.hostile import (
    NASTY,
    assert_page_safe,
    assert_stored_clean,
    examples,
    hostile_text,
)
from dashboard.mailings import unsubscribe_url
from dashboard.models import Unsubscribe
from programme.models import Agenda
from programme.services import AGENDA_COOKIE
from registration.models import Registration
from registration.tests.factories import RegistrationFactory

CASABLANCA = ZoneInfo("Africa/Casablanca")
# A form shown again with what was wrong: a message by the field or above the form.
REFUSED = re.compile(r'class="errorlist|role="alert"')

pytestmark = pytest.mark.usefixtures("no_rate_limits")


@pytest.fixture
def no_rate_limits(settings):
    settings.RATE_LIMIT_FACTOR = 10**6  # many examples from one test client, one address


# Mistyped, truncated or forged secrets, of every shape (and NUL, which PostgreSQL refuses).
hostile_secret = st.one_of(
    hostile_text(longest=300).filter(lambda s: s.strip()),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-\x00", min_size=20, max_size=64),
)


def path_part(secret: str) -> str:
    return quote(secret, safe="")


# ---------------------------------------------------------------- secret links


@examples(40)
@given(secret=hostile_secret)
def test_mistyped_secret_links_answer_not_found(client, edition, secret):
    part = path_part(secret)
    for path in (
        f"/fr/register/ticket/{part}/",
        f"/fr/register/ticket/{part}/cancel/",
        f"/fr/register/ticket/{part}/transfer/",
        f"/fr/activities/booking/{part}/",
        f"/fr/activities/booking/{part}/cancel/",
        f"/fr/programme/agenda/{part}/",
        f"/fr/programme/agenda/{part}/agenda.ics",
        f"/fr/matchmaking/agenda/{part}/meetings.ics",
        f"/fr/mailings/unsubscribe/{part}/",
    ):
        assert client.get(path).status_code == 404, path
        assert client.post(path).status_code in (403, 404, 405), path
    link = client.get("/fr/account/login/", {"sesame": secret})
    assert link.status_code == 403
    assert_page_safe(link, statuses=(403,))


# What a browser can send in a Cookie header: Latin-1, no control characters.
cookie_value = st.one_of(
    st.text(alphabet=st.characters(max_codepoint=255, exclude_categories=("Cc",)), max_size=80),
    st.sampled_from(NASTY).filter(lambda s: s.isascii() and s.isprintable()),
)


@examples(30)
@given(cookie=cookie_value)
def test_a_forged_agenda_cookie_is_ignored(client, session, cookie):
    client.cookies[AGENDA_COOKIE] = cookie
    assert_page_safe(client.get(reverse("programme:timetable")))
    assert client.get(reverse("programme:agenda_home")).status_code == 200
    response = client.post(reverse("programme:toggle_star"), {"session": session.pk})
    assert response.status_code == 302
    # A new agenda of its own, never one matched from the forged value.
    assert response.cookies[AGENDA_COOKIE].value != cookie
    Agenda.objects.all().delete()


# ---------------------------------------------------------------- accounts


@examples(40)
@given(email=st.one_of(hostile_text(longest=400), hostile_text().map(lambda s: s + "@example.ma")))
def test_hostile_sign_in_requests(client, edition, email):
    response = client.post("/fr/account/sign-in/", {"email": email})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert REFUSED.search(assert_page_safe(response))
    else:
        assert_page_safe(client.get(response["Location"]))
    # A known address gets its link, and nobody is given an account with a broken address.
    for user in User.objects.all():
        assert_stored_clean(user)


@examples(30)
@given(email=st.sampled_from(NASTY).map(lambda s: f"amina{s}@example.ma"))
def test_sign_in_with_a_registered_but_hostile_looking_address(
    client, edition, django_capture_on_commit_callbacks, email
):
    RegistrationFactory(email="amina@example.ma")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/account/sign-in/", {"email": email})
    assert response.status_code in (200, 302)
    assert all(message.to for message in mail.outbox)


@examples(30)
@given(
    target=st.one_of(
        st.sampled_from(["0", "a:b", "x.y", "//evil.example", "/fr/programme/"]),
        hostile_text(longest=300),
    )
)
def test_a_sign_in_link_with_a_hostile_next(client, edition, target):
    user, _new = User.objects.get_or_create(username="amina@example.ma", email="amina@example.ma")
    link = f"/fr/account/login/{get_query_string(user)}&{urlencode({'next': target})}"
    response = client.get(link)
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    client.logout()


@examples(30)
@given(language=hostile_text(longest=300))
def test_hostile_account_language(client, edition, language):
    user, _new = User.objects.get_or_create(username="amina@example.ma", email="amina@example.ma")
    client.force_login(user)
    response = client.post("/fr/account/", {"language": language})
    assert response.status_code in (200, 302)
    user.refresh_from_db()
    assert user.language in ("fr", "ar", "en")
    assert_page_safe(client.get("/fr/account/"))
    if response.status_code == 200:
        assert_page_safe(response)


# ---------------------------------------------------------------- public activities


@pytest.fixture
def before_the_event():
    with freezegun.freeze_time(datetime(2022, 5, 20, 9, 0, tzinfo=CASABLANCA)):
        yield


@pytest.fixture
def slot(edition, before_the_event):
    workshop = Activity.objects.create(
        edition=edition,
        slug="four-solaire",
        kind=Activity.Kind.WORKSHOP,
        title_fr="Four solaire",
        title_ar="الفرن الشمسي",
        duration_minutes=30,
        slot_minutes=30,
        slot_capacity=40,
        walk_in_percent=25,
        max_group_size=3,
        waiting_list_places=0,
    )
    generate_slots(workshop, day=date(2022, 5, 25), opens=time(10), closes=time(11))
    return workshop.slots.order_by("starts_at").first()


contact = st.one_of(
    st.just(""), st.sampled_from(["06 12 34 56 78", "+33 6 12 34 56 78"]), hostile_text(longest=200)
)
email = st.one_of(
    st.just(""),
    st.just("amina@example.ma"),
    hostile_text(longest=300),
    hostile_text(longest=120).map(lambda s: f"a{s}@example.ma"),
)


@examples(40)
@given(
    first_name=st.one_of(st.just("Amina"), hostile_text(longest=300)),
    phone=contact,
    email=email,
    group_size=st.one_of(st.sampled_from(["1", "3"]), hostile_text(longest=120)),
    key=st.one_of(st.just(""), hostile_text(longest=100)),
    trap=st.one_of(st.just(""), hostile_text(longest=100)),
)
def test_hostile_public_bookings(
    client,
    slot,
    django_capture_on_commit_callbacks,
    first_name,
    phone,
    email,
    group_size,
    key,
    trap,
):
    url = reverse("activities:book", args=[slot.activity.slug, slot.pk])
    data = {
        "first_name": first_name,
        "phone": phone,
        "email": email,
        "group_size": group_size,
        "consent": "on",
        "leave_empty": trap,
        "submission_key": key,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code in (200, 303)
    if response.status_code == 200:
        assert REFUSED.search(assert_page_safe(response))
        assert not Booking.objects.exists()
        return
    booking = Booking.objects.get()
    assert_stored_clean(booking)
    assert 1 <= booking.group_size <= 3
    page = assert_page_safe(client.get(response["Location"]))
    assert booking.display_code in page
    assert_page_safe(client.get(reverse("activities:cancel", args=[booking.secret])))
    cancelled = client.post(
        reverse("activities:cancel", args=[booking.secret]),
        {"first_name": first_name, "anything": email},
    )
    assert cancelled.status_code == 303
    assert_page_safe(client.get(cancelled["Location"]))
    for message in mail.outbox:
        assert "<script>alert" not in message.alternatives[0][0]
    assert_page_safe(client.get(reverse("activities:detail", args=[slot.activity.slug])))
    Booking.objects.all().delete()
    mail.outbox.clear()


# ---------------------------------------------------------------- personal agenda


@examples(30)
@given(
    session_id=st.one_of(st.just("own"), hostile_text(longest=120)),
    target=st.one_of(st.just(""), st.just("/fr/programme/"), hostile_text(longest=300)),
)
def test_hostile_stars(client, session, session_id, target):
    sent = str(session.pk) if session_id == "own" else session_id
    response = client.post(reverse("programme:toggle_star"), {"session": sent, "next": target})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert "<script>alert" not in response.content.decode()
        return
    location = response["Location"]
    assert location.startswith("/") and not location.startswith("//")
    assert not any(c in location for c in "\x00\r\n")
    agenda = Agenda.objects.get(secret=response.cookies[AGENDA_COOKIE].value)
    assert_page_safe(client.get(reverse("programme:agenda", args=[agenda.secret])))
    assert_page_safe(client.get(reverse("programme:session", args=[session.pk])))
    # "Use this agenda on this device", with anything posted along.
    adopted = client.post(reverse("programme:agenda", args=[agenda.secret]), {"next": target})
    assert adopted.status_code == 302
    Agenda.objects.all().delete()
    client.cookies.clear()


# ---------------------------------------------------------------- mailings, registration


@examples(25)
@given(
    body=st.dictionaries(
        st.sampled_from(["List-Unsubscribe", "email", "next"]), hostile_text(longest=300)
    )
)
def test_hostile_unsubscribe_posts(client, edition, body):
    url = unsubscribe_url("amina@example.ma", "fr").split("://", 1)[-1]
    url = url[url.index("/") :]
    response = client.post(url, body)
    assert response.status_code in (200, 204)
    if response.status_code == 200:
        assert_page_safe(response)
    assert list(Unsubscribe.objects.values_list("email", flat=True)) == ["amina@example.ma"]


@examples(25)
@given(body=st.dictionaries(st.sampled_from(["reason", "confirm", "next"]), hostile_text()))
def test_hostile_registration_cancel(client, edition, body):
    registration = RegistrationFactory()
    url = reverse("registration:cancel", args=[registration.secret])
    assert_page_safe(client.get(url))
    response = client.post(url, body)
    assert response.status_code in (303, 409)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert_stored_clean(registration)
    assert_page_safe(client.get(reverse("registration:ticket", args=[registration.secret])))
