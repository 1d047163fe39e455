"""Brute force on the staff sign-in: past 10 attempts on one username (or 30 from one
address) in 10 minutes, the form answers 429 without checking the password."""

import pytest
from django.contrib.auth import get_user_model
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


def attempt(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_ten_wrong_passwords_then_even_the_right_one_waits(client, staff):
    for _ in range(10):
        assert attempt(client, "fatima", "guess").status_code == 200  # the form says wrong
    blocked = attempt(client, "FATIMA", "the-right-one-2022")
    assert blocked.status_code == 429
    assert "wait a few minutes" in blocked.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_address_trying_many_usernames_is_stopped_too(client, staff):
    statuses = [attempt(client, f"user{n}", "guess").status_code for n in range(31)]
    assert statuses[:30] == [200] * 30 and statuses[30] == 429


def test_a_normal_sign_in_still_works(client, staff):
    response = attempt(client, "fatima", "the-right-one-2022")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)
