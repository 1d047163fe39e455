"""Brute force on the staff sign-in: past 10 attempts on one username from one address
(or 30 from one address) in 10 minutes, that address answers 429 with Retry-After
without checking the password; the username stays open from every other address."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from freezegun import freeze_time

LOGIN = "/en/admin/login/"


@pytest.fixture(autouse=True)
def one_window():
    """The limits count per 10-minute window: start at one's beginning, so that the
    seconds the password hashing takes never carry the attempts into the next."""
    with freeze_time("2026-03-02 10:00:00", tick=True):
        yield


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "fatima", password="the-right-one-2022", is_staff=True
    )


def attempt(client, username, password, address="127.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_ten_wrong_passwords_then_even_the_right_one_waits(client, staff):
    for _ in range(10):
        assert attempt(client, "fatima", "guess").status_code == 200  # the form says wrong
    blocked = attempt(client, "FATIMA", "the-right-one-2022")
    assert blocked.status_code == 429
    assert "wait a few minutes" in blocked.content.decode()
    assert 0 < int(blocked["Retry-After"]) <= 600
    assert "_auth_user_id" not in client.session


def test_an_attacker_hammering_a_username_cannot_keep_its_owner_out(client, staff):
    """Fifty guesses from each of five addresses, then the organiser at her own desk."""
    for n in range(5):
        for _ in range(50):
            attempt(client, "fatima", "guess", address=f"41.140.0.{n}")
    assert attempt(client, "fatima", "guess", address="41.140.0.1").status_code == 429
    own_desk = attempt(client, "fatima", "the-right-one-2022", address="105.66.12.7")
    assert own_desk.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_a_refused_address_may_try_again_once_the_window_is_over(client, staff):
    for _ in range(11):
        refused = attempt(client, "fatima", "guess")
    assert refused.status_code == 429
    with freeze_time(timezone.now() + timedelta(seconds=int(refused["Retry-After"]))):
        assert attempt(client, "fatima", "the-right-one-2022").status_code == 302


def test_one_address_trying_many_usernames_is_stopped_too(client, staff):
    statuses = [attempt(client, f"user{n}", "guess").status_code for n in range(31)]
    assert statuses[:30] == [200] * 30 and statuses[30] == 429


def test_a_normal_sign_in_still_works(client, staff):
    response = attempt(client, "fatima", "the-right-one-2022")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)
