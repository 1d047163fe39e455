"""Participants sign in with a one-time e-mail link and see their own registrations."""

import re
from datetime import datetime, timedelta
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape
from freezegun import freeze_time
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sesame.utils import get_query_string

from accounts.models import User
from core import ratelimit
from core.models import OutboxEmail
from core.testing import all_at_once, assert_alike, post_watched
from editions.tests.factories import EditionFactory
from registration.models import Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

SALMA = "salma.bennani@example.ma"
STRANGER = "nobody.here@example.ma"


@pytest.fixture
def salma(edition):
    return RegistrationFactory(
        pass_type=PassTypeFactory(edition=edition, name_en="Professional pass"),
        email="Salma.Bennani@Example.MA",
        first_name="Salma",
        last_name="Bennani",
    )


@pytest.fixture
def ask_link(client, django_capture_on_commit_callbacks):
    """POST the sign-in form as a visitor would, running what happens after commit."""

    def ask(email, *, language="fr", ip="41.250.1.1", browser=None):
        with django_capture_on_commit_callbacks(execute=True):
            return (browser or client).post(
                f"/{language}/account/sign-in/", {"email": email}, REMOTE_ADDR=ip
            )

    return ask


def link_in(message) -> str:
    """The sign-in link of an e-mail, as a path the test client can open."""
    url = re.search(r"https?://\S+", message.body).group(0)
    assert url.startswith(settings.SITE_URL)
    return url.removeprefix(settings.SITE_URL)


def link_for(user, *, next_url="/fr/account/") -> str:
    return f"/fr/account/login/{get_query_string(user)}&{urlencode({'next': next_url})}"


def refusal_in(language: str) -> str:
    """The rate limit's message as the page should show it in `language`."""
    with translation.override(language):
        return escape(str(ratelimit.MESSAGE))


# The sign-in form ----------------------------------------------------------


def test_sign_in_page_asks_for_an_email(client, edition):
    response = client.get("/en/account/sign-in/")
    assert response.status_code == 200
    assert b'type="email"' in response.content
    assert b"Send me a sign-in link" in response.content


def test_known_and_unknown_addresses_get_the_same_answer(client, ask_link, salma, mailoutbox):
    known = ask_link(SALMA, language="en")
    unknown = ask_link(STRANGER, language="en")

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/en/account/sign-in/?sent=1"
    page_known = client.get(known["Location"]).content.decode()  # the stranger's session now
    assert "Check your inbox" in page_known
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [SALMA]
    assert not User.objects.filter(username=STRANGER).exists()


def test_known_and_unknown_addresses_cost_the_request_the_same(
    edition, salma, django_capture_on_commit_callbacks
):
    """The request's time must not tell who registered: the same queries for a
    registrant, someone with an account and a stranger, and no e-mail sent before the
    answer; the link leaves afterwards (core.outbox), only to those who have one."""
    User.objects.create_user("karim@example.ma", email="karim@example.ma")
    watched = {
        email: post_watched(
            django_capture_on_commit_callbacks, "/en/account/sign-in/", {"email": email}
        )
        for email in (SALMA, "karim@example.ma", STRANGER)
    }
    assert_alike(watched[SALMA], watched[STRANGER])
    assert_alike(watched["karim@example.ma"], watched[STRANGER])
    assert [m.to for m in watched[SALMA].mail_after] == [[SALMA]]
    assert [m.to for m in watched["karim@example.ma"].mail_after] == [["karim@example.ma"]]
    assert watched[STRANGER].mail_after == []
    assert OutboxEmail.objects.filter(arguments__icontains="sesame").count() == 0


def test_the_answer_page_is_the_same_apart_from_the_address(ask_link, salma):
    pages = []
    for email in (SALMA, STRANGER):
        browser = Client()
        response = ask_link(email, language="en", browser=browser)
        pages.append(browser.get(response["Location"]).content.decode().replace(email, "ADDRESS"))
    assert re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", pages[0]) == re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"', "", pages[1]
    )


def test_a_registrant_gets_an_account_in_the_page_language(ask_link, salma, mailoutbox):
    ask_link("  SALMA.bennani@example.ma ", language="ar")

    user = User.objects.get()
    assert user.username == user.email == SALMA
    assert not user.has_usable_password()
    assert user.language == "ar"
    assert not user.is_staff
    link = link_in(mailoutbox[0])
    assert link.startswith("/ar/account/login/?sesame=")
    assert parse_qs(urlsplit(link).query)["next"] == ["/ar/account/"]
    html, mimetype = mailoutbox[0].alternatives[0]
    assert mimetype == "text/html"
    assert 'lang="ar" dir="rtl"' in html
    assert link.replace("&", "&amp;") in html


def test_the_email_is_in_the_persons_language(ask_link, salma, mailoutbox):
    User.objects.create_user(username=SALMA, email=SALMA, language="en")
    ask_link(SALMA, language="fr")  # from the French page: she chose English

    assert mailoutbox[0].subject.startswith("Your sign-in link for")
    assert "/en/account/login/" in mailoutbox[0].body
    assert User.objects.get().language == "en"


def test_asking_twice_keeps_one_account(ask_link, salma, mailoutbox):
    ask_link(SALMA)
    ask_link(SALMA.upper())
    assert User.objects.count() == 1
    assert len(mailoutbox) == 2


def test_an_account_without_registration_gets_a_link(ask_link, edition, mailoutbox):
    karim = User.objects.create_user(username="karim", email="Karim@Example.ma")
    ask_link("KARIM@example.ma")
    assert mailoutbox[0].to == [karim.email]  # the address as the account spells it
    assert User.objects.count() == 1


@pytest.mark.parametrize("kind", ["staff", "superuser"])
def test_staff_get_no_link(client, ask_link, salma, mailoutbox, kind):
    User.objects.create_user(
        username="desk", email=SALMA, is_staff=True, is_superuser=(kind == "superuser")
    )
    response = ask_link(SALMA, language="en")
    assert response["Location"] == "/en/account/sign-in/?sent=1"
    assert mailoutbox == []


def test_inactive_accounts_get_no_link(ask_link, salma, mailoutbox):
    User.objects.create_user(username=SALMA, email=SALMA, is_active=False)
    ask_link(SALMA)
    assert mailoutbox == []


def test_an_invalid_address_is_explained(client, edition, mailoutbox):
    response = client.post("/en/account/sign-in/", {"email": "salma@"})
    assert response.status_code == 200
    assert b"Enter a valid email address." in response.content
    assert mailoutbox == []


def test_a_signed_in_person_goes_straight_to_their_account(client, salma):
    client.force_login(User.objects.create_user(username=SALMA, email=SALMA))
    assert client.get("/fr/account/sign-in/")["Location"] == "/fr/account/"


# Rate limits -----------------------------------------------------------------


@pytest.fixture
def housekeeping(monkeypatch):
    """Decide whether core.ratelimit's occasional clean-up (1 hit in 100) runs."""

    def run(always: bool):
        chance = SimpleNamespace(random=lambda: 0.0 if always else 1.0)
        monkeypatch.setattr(ratelimit, "random", chance)

    return run


@pytest.fixture
def no_housekeeping(housekeeping):
    # Keep the counting deterministic; the clean-up has its own test below.
    housekeeping(always=False)


@pytest.mark.usefixtures("no_housekeeping")
def test_one_address_cannot_be_flooded(ask_link, salma, mailoutbox):
    allowed, _seconds = ratelimit.LIMITS["sign_in:email"]
    responses = [ask_link(SALMA, ip=f"41.250.1.{n}") for n in range(allowed + 5)]

    assert [r.status_code for r in responses] == [302] * allowed + [429] * 5
    assert len(mailoutbox) == allowed
    assert refusal_in("fr") in responses[-1].content.decode()


@pytest.mark.usefixtures("no_housekeeping")
def test_one_visitor_cannot_try_address_after_address(ask_link, edition, mailoutbox):
    allowed, _seconds = ratelimit.LIMITS["sign_in:ip"]
    statuses = [ask_link(f"guess{n}@example.ma").status_code for n in range(allowed + 2)]
    assert statuses == [302] * allowed + [429] * 2


@pytest.mark.usefixtures("no_housekeeping")
def test_the_refusal_speaks_the_page_language(ask_link, edition):
    allowed, _seconds = ratelimit.LIMITS["sign_in:email"]
    for _ in range(allowed):
        ask_link(STRANGER, language="ar")
    refused = ask_link(STRANGER, language="ar")
    assert refused.status_code == 429
    assert f'<p class="warning" role="alert">{refusal_in("ar")}</p>' in refused.content.decode()


def test_one_address_cannot_be_flooded_even_when_counters_are_cleaned_up(
    ask_link, salma, mailoutbox, housekeeping
):
    housekeeping(always=True)
    allowed, _seconds = ratelimit.LIMITS["sign_in:email"]
    for n in range(allowed + 5):
        ask_link(SALMA, ip=f"41.250.1.{n}")
    assert len(mailoutbox) <= allowed


# The link ------------------------------------------------------------------


def test_the_link_signs_in_once(client, ask_link, salma, mailoutbox):
    ask_link(SALMA)
    link = link_in(mailoutbox[0])

    first = client.get(link)
    assert first.status_code == 302
    assert first["Location"] == "/fr/account/"
    assert "Salma" in client.get("/fr/account/").content.decode()

    second = Client().get(link.replace("/fr/", "/en/"))
    assert second.status_code == 403
    assert "This sign-in link does not work" in second.content.decode()
    assert b'action="/en/account/sign-in/"' in second.content  # offers a new one


def test_the_link_works_within_its_time(client, ask_link, salma, mailoutbox):
    with freeze_time("2022-05-24 09:00:00+01:00") as clock:
        ask_link(SALMA)
        clock.tick(timedelta(seconds=settings.SESAME_MAX_AGE - 60))
        assert client.get(link_in(mailoutbox[0]))["Location"] == "/fr/account/"


def test_the_link_expires(client, ask_link, salma, mailoutbox):
    with freeze_time("2022-05-24 09:00:00+01:00") as clock:
        ask_link(SALMA)
        clock.tick(timedelta(seconds=settings.SESAME_MAX_AGE + 1))
        response = client.get(link_in(mailoutbox[0]))
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "token", ["", "?sesame=", "?sesame=forged", "?sesame=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]
)
def test_a_forged_link_is_refused(client, edition, token):
    response = client.get(f"/en/account/login/{token}")
    assert response.status_code == 403
    assert response["Referrer-Policy"] == "no-referrer"
    assert "_auth_user_id" not in client.session


def test_a_link_for_a_staff_member_is_refused(client, edition):
    organiser = User.objects.create_user(
        username="organiser", email="org@example.ma", is_staff=True
    )
    response = client.get(link_for(organiser))
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "http:evil.example",
        "javascript:alert(1)",
        "http://testserver/fr/programme/",
    ],
)
def test_the_link_never_sends_elsewhere(client, edition, target):
    user = User.objects.create_user(username=SALMA, email=SALMA)
    response = client.get(link_for(user, next_url=target))
    assert response.status_code == 302
    assert response["Location"] == "/fr/account/"


def test_the_link_follows_a_local_next(client, edition):
    user = User.objects.create_user(username=SALMA, email=SALMA)
    response = client.get(link_for(user, next_url="/ar/programme/"))
    assert response["Location"] == "/ar/programme/"


# The account page ----------------------------------------------------------


def test_the_account_needs_signing_in(client, edition):
    response = client.get("/en/account/")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/sign-in/"


def test_the_account_lists_only_my_registrations(client, edition, salma):
    past = EditionFactory(slug="scc-2019", name_en="Smart City 2019")
    older = RegistrationFactory(
        pass_type=PassTypeFactory(edition=past),
        email=SALMA,
        first_name="Salma",
        created_at=datetime.fromisoformat("2019-04-01T10:00:00+01:00"),
    )
    cancelled = RegistrationFactory(
        pass_type=salma.pass_type,
        email="SALMA.BENNANI@example.ma",
        status=Registration.Status.CANCELLED,
        first_name="Salma",
    )
    someone_else = RegistrationFactory(
        pass_type=salma.pass_type, email="youssef@example.ma", first_name="Youssef"
    )
    client.force_login(User.objects.create_user(username=SALMA, email=SALMA))

    page = client.get("/en/account/").content.decode()

    for mine in (salma, older, cancelled):
        assert f"/en/register/ticket/{mine.secret}/" in page
    assert "Smart City 2019" in page
    assert "cancelled" in page
    assert someone_else.secret not in page
    assert "Youssef" not in page
    assert page.index(cancelled.secret) < page.index(salma.secret) < page.index(older.secret)


def test_someone_without_registrations_sees_an_empty_list(client, edition, salma):
    client.force_login(
        User.objects.create_user(username="karim@example.ma", email="karim@example.ma")
    )
    page = client.get("/en/account/").content.decode()
    assert "No registration under karim@example.ma yet." in page
    assert salma.secret not in page


def test_an_account_without_email_sees_no_registration(client, edition):
    RegistrationFactory(email="")
    client.force_login(User.objects.create_user(username="karim"))
    assert "No registration" in client.get("/en/account/").content.decode()


@pytest.mark.parametrize("extra", [0, 2])
def test_the_account_page_query_count_does_not_grow(client, edition, extra):
    user = User.objects.create_user(username=SALMA, email=SALMA)
    client.force_login(user)
    RegistrationFactory(email=SALMA)
    with CaptureQueriesContext(connection) as one:
        client.get("/fr/account/")
    for _ in range(extra):
        RegistrationFactory(email=SALMA, pass_type=PassTypeFactory(edition=EditionFactory()))
    with CaptureQueriesContext(connection) as several:
        client.get("/fr/account/")
    assert len(several) == len(one)


def test_the_language_preference_is_saved(client, edition):
    user = User.objects.create_user(username=SALMA, email=SALMA, language="fr")
    client.force_login(user)

    response = client.post("/fr/account/", {"language": "ar"})

    assert response["Location"] == "/ar/account/"
    user.refresh_from_db()
    assert user.language == "ar"


def test_an_unknown_language_is_refused(client, edition):
    user = User.objects.create_user(username=SALMA, email=SALMA, language="fr")
    client.force_login(user)
    response = client.post("/en/account/", {"language": "xx"})
    assert response.status_code == 200
    assert b"Choose one of the languages offered." in response.content
    user.refresh_from_db()
    assert user.language == "fr"


def test_sign_out(client, edition):
    client.force_login(User.objects.create_user(username=SALMA, email=SALMA))
    assert client.get("/fr/account/sign-out/").status_code == 405
    response = client.post("/fr/account/sign-out/")
    assert response.status_code == 302
    assert client.get("/fr/account/")["Location"] == "/fr/account/sign-in/"


# Any input -----------------------------------------------------------------

ANY_INPUT = st.one_of(
    st.text(max_size=400),
    st.emails(),
    st.builds(lambda s: s + "@example.ma", st.text(min_size=1, max_size=300)),
)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(email=ANY_INPUT)
def test_any_email_input_gets_an_answer_not_an_error(client, edition, settings, email):
    settings.RATE_LIMIT_FACTOR = 10**6
    response = client.post("/en/account/sign-in/", {"email": email})
    assert response.status_code in (200, 302)


@pytest.mark.django_db(transaction=True)
def test_a_link_opened_many_times_at_once_signs_in_once(edition):
    """Mail scanners and double clicks open a link several times at the same instant."""
    user = User.objects.create_user(username=SALMA, email=SALMA)
    link = link_for(user)

    def open_link():
        return Client().get(link).status_code  # each its own browser

    statuses, errors = all_at_once([open_link] * 8)
    assert errors == []
    assert sorted(statuses) == [302] + [403] * 7


def test_a_very_long_address_still_gets_an_account(ask_link, edition, mailoutbox):
    long_address = "a" * 60 + "@" + ("b" * 60 + ".") * 2 + "example.ma"
    assert len(long_address) > User._meta.get_field("username").max_length
    RegistrationFactory(email=long_address)

    ask_link(long_address)

    user = User.objects.get()
    assert user.email == long_address
    assert user.username.startswith("email-")
    assert mailoutbox[0].to == [long_address]
