"""Personal data: the notice, "download my data", "delete my data" (places given
back, counts kept), the retention command, and the log of staff exports."""

import json
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from accounts.models import User
from activities import services as bookings
from activities.models import Booking
from activities.tests.factories import ActivitySlotFactory, PublicProgrammeFactory
from core.models import PersonalDataAccess
from editions.tests.factories import EditionFactory
from registration.models import CheckIn, PassType, Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory
from registration.tests.test_public_views import filled_form, form_url

SALMA = "salma@example.org"


@pytest.fixture
def salma(db):
    return User.objects.create_user(username=SALMA, email=SALMA, first_name="Salma")


def upcoming_edition():
    today = timezone.localdate()
    return EditionFactory(starts_on=today + timedelta(days=20), ends_on=today + timedelta(days=21))


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "09-08"),
        ("ar", "09-08"),
        ("en", "12 months after the edition ends"),
    ],
)
def test_the_privacy_notice_states_purposes_retention_and_rights(client, edition, lang, words):
    page = client.get(f"/{lang}/privacy/")
    assert page.status_code == 200
    assert words in page.text
    assert f'href="/{lang}/account/"' in page.text
    assert f'href="/{lang}/privacy/"' in client.get(f"/{lang}/programme/").text


def test_download_my_data_holds_mine_and_nobody_else_s(client, salma, edition):
    mine = RegistrationFactory(
        email=SALMA,
        first_name="Salma",
        phone="+212612345678",
        pass_type=PassTypeFactory(edition=edition),
    )
    RegistrationFactory(email="karim@example.org", first_name="Karim", pass_type=mine.pass_type)
    slot = ActivitySlotFactory(activity__edition=edition)
    bookings.book(
        slot,
        visitor=bookings.Visitor("Salma", "fr", email=SALMA),
        now=slot.starts_at - timedelta(days=1),
    )
    client.force_login(salma)
    response = client.get("/fr/account/my-data.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == SALMA
    assert [r["phone"] for r in data["registrations"]] == ["+212612345678"]
    assert data["registrations"][0]["consents"] == []  # a factory row: no form, no consent
    assert [b["first_name"] for b in data["bookings"]] == ["Salma"]
    assert "Karim" not in response.content.decode()


def test_my_data_needs_my_account(client, db):
    assert client.get("/fr/account/my-data.json").status_code == 302
    assert client.post("/fr/account/delete/", {"confirm": "on"}).status_code == 302


def test_deleting_needs_the_box_ticked(client, salma):
    RegistrationFactory(email=SALMA)
    client.force_login(salma)
    refused = client.post("/fr/account/delete/", {})
    assert refused.status_code == 400
    assert "Cochez la case" in refused.text
    assert Registration.objects.get().email == SALMA


def test_deleting_gives_my_place_to_the_next_in_line_and_keeps_the_counts(
    client, salma, django_capture_on_commit_callbacks
):
    full = PassTypeFactory(edition=upcoming_edition(), capacity=1)
    mine = RegistrationFactory(email=SALMA, pass_type=full, phone="+212612345678")
    waiting = RegistrationFactory(pass_type=full, status=Registration.Status.WAITLISTED)
    client.force_login(salma)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post("/fr/account/delete/", {"confirm": "on"})
    assert page.status_code == 200
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED
    assert PassType.objects.get(pk=full.pk).held == 1
    assert (mine.email, mine.phone, mine.last_name) == ("", "", "")
    assert Registration.objects.count() == 2
    # The promoted person hears of it; nobody writes to the address just deleted.
    assert [m.to for m in mail.outbox] == [[waiting.email]]
    salma.refresh_from_db()
    assert not salma.is_active and salma.email == "" and SALMA not in salma.username
    assert client.get("/fr/account/").status_code == 302  # signed out


def test_deleting_after_the_event_keeps_attendance_and_frees_future_bookings(client, salma):
    past = RegistrationFactory(email=SALMA, pass_type=PassTypeFactory())
    CheckIn.objects.create(registration=past, gate="A")
    slot = ActivitySlotFactory(starts_at=timezone.now() + timedelta(days=3))
    PublicProgrammeFactory(edition=slot.activity.edition)
    booking, _new = bookings.book(
        slot, visitor=bookings.Visitor("Salma", "fr", email=SALMA, group_size=3)
    )
    client.force_login(salma)
    client.post("/fr/account/delete/", {"confirm": "on"})
    past.refresh_from_db()
    assert past.status == Registration.Status.CONFIRMED and past.check_in.gate == "A"
    assert past.email == ""
    booking.refresh_from_db()
    slot.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED and booking.email == ""
    assert slot.booked == 0


def test_staff_cannot_erase_their_own_account_from_the_public_page(client, cast):
    client.force_login(cast["admin"])
    assert client.post("/fr/account/delete/", {"confirm": "on"}).status_code == 403
    assert User.objects.get(pk=cast["admin"].pk).is_active


def test_the_retention_command_forgets_old_editions_only_once(db):
    old = RegistrationFactory(
        pass_type=PassTypeFactory(
            edition=EditionFactory(starts_on=date(2020, 5, 1), ends_on=date(2020, 5, 2))
        )
    )
    recent = RegistrationFactory(pass_type=PassTypeFactory(edition=upcoming_edition()))
    out = StringIO()
    call_command("forget_old_editions", "--months", "12", stdout=out)
    assert "1 registrations" in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.email == "" and old.status == Registration.Status.CONFIRMED
    assert recent.email.endswith("@example.org")
    again = StringIO()
    call_command("forget_old_editions", stdout=again)
    assert "0 registrations" in again.getvalue()


def test_staff_exports_and_lookups_are_logged(client, cast, edition):
    RegistrationFactory.create_batch(3, pass_type=PassTypeFactory(edition=edition))
    client.force_login(cast["admin"])
    assert client.get("/fr/register/staff/registrations.csv", {"q": "Amina"}).status_code == 200
    logged = PersonalDataAccess.objects.get()
    assert (logged.user, logged.what, logged.records) == (cast["admin"], "registrations.csv", 3)
    assert "Amina" in logged.query
    assert client.get("/fr/admin/core/personaldataaccess/").status_code == 200
    assert client.get(f"/fr/admin/core/personaldataaccess/{logged.pk}/delete/").status_code == 403


def test_news_are_a_consent_of_their_own_given_and_withdrawn_by_the_person(client, edition):
    pass_type = PassTypeFactory(edition=edition, slug="grand-public", questions=[])
    plain = client.post(
        form_url(pass_type), filled_form(client, pass_type, email="karim@example.org")
    )
    asked = client.post(form_url(pass_type), filled_form(client, pass_type, email=SALMA, news="on"))
    assert plain.status_code == asked.status_code == 303
    karim = Registration.objects.get(email="karim@example.org")
    mine = Registration.objects.get(email=SALMA)
    assert list(karim.consents.values_list("purpose", flat=True)) == ["registration"]
    assert sorted(mine.consents.values_list("purpose", flat=True)) == ["news", "registration"]

    salma = User.objects.create_user(username=SALMA, email=SALMA)
    client.force_login(salma)
    home = client.get("/en/account/")
    assert "Stop the news e-mails" in home.text
    assert client.post("/en/account/news/", {"wanted": "no"}).status_code == 303
    news = mine.consents.get(purpose="news")
    assert news.withdrawn_at is not None  # kept, dated: what was agreed stays on record
    assert "Send me the news" in client.get("/en/account/").text
    exported = json.loads(client.get("/en/account/my-data.json").content)
    assert {
        c["purpose"]: bool(c["withdrawn_at"]) for c in exported["registrations"][0]["consents"]
    } == {"registration": False, "news": True}
    client.post("/en/account/news/", {"wanted": "yes"})
    assert mine.consents.filter(purpose="news", withdrawn_at__isnull=True).count() == 1
    client.post("/en/account/news/", {"wanted": "yes"})  # twice: still one standing consent
    assert mine.consents.filter(purpose="news", withdrawn_at__isnull=True).count() == 1


def test_every_form_asking_for_consent_links_to_the_notice(client, edition):
    pass_type = PassTypeFactory(edition=edition, slug="grand-public", questions=[])
    slot = ActivitySlotFactory(activity__edition=edition)
    registering = client.get(form_url(pass_type, "ar")).text
    with freeze_time(slot.starts_at - timedelta(days=2)):
        booking = client.get(f"/ar/activities/{slot.activity.slug}/book/{slot.pk}/").text
    for text in (registering, booking):
        assert 'name="consent"' in text
        assert 'href="/ar/privacy/"' in text
