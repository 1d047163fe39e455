"""Applying to the Startup Village through the test client, on the real database:
the e-mail step, the form (draft and send), the status page, withdrawing, the
deadlines under frozen time, a double submit, and other people's applications."""

import io
import re
from datetime import datetime, timedelta
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from freezegun import freeze_time
from PIL import Image

from accounts.models import User
from core import ratelimit
from core.testing import assert_alike, english, post_watched
from editions.tests.factories import SpaceFactory
from startups.models import Application, ApplicationEvent
from startups.services import CONSENT_VERSION
from startups.tests.factories import ApplicationFactory, CallFactory, UserFactory

Status = Application.Status
CASABLANCA = ZoneInfo("Africa/Casablanca")
OPENS = datetime(2022, 3, 1, 9, tzinfo=CASABLANCA)
CLOSES = datetime(2022, 4, 15, 23, 59, tzinfo=CASABLANCA)
DURING = OPENS + timedelta(days=10)
NOT_OPEN = "Applications open on"
CLOSED = "Applications to this call are closed."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def call(edition):
    return CallFactory(edition=edition, opens_at=OPENS, closes_at=CLOSES)


@pytest.fixture
def founder(db):
    return UserFactory(username="amina@example.ma", first_name="Amina")


@pytest.fixture
def signed_in(client, founder):
    client.force_login(founder)
    return client


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST as the browser does, running what waits for the commit (e-mails)."""

    def post(url, data=None, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {}, **extra)

    return post


class NeverHousekeeping:
    def random(self) -> float:
        return 1.0


@pytest.fixture
def steady_counters(monkeypatch):
    """Switch off core.ratelimit's random clean-up while counting (see registration's tests)."""
    monkeypatch.setattr(ratelimit, "random", NeverHousekeeping())


def png(size=(300, 200)) -> SimpleUploadedFile:
    output = io.BytesIO()
    Image.new("RGB", size, (20, 120, 80)).save(output, "PNG")
    return SimpleUploadedFile("logo.png", output.getvalue(), content_type="image/png")


def form_data(edition, **changes) -> dict:
    return {
        "name": "Dar Lma",
        "structure": "cooperative",
        "pitch": "Des capteurs d'eau low-tech.\nFabriqués à Derb Sultan.",
        "pivot": str(edition.pivots.get(slug="low-tech").pk),
        "sector": "water",
        "stage": "prototype",
        "team_size": "5",
        "city": "Casablanca",
        "website": "https://darlma.ma",
        "is_open_source": "on",
        "seeking": "Un pilote avec la régie.",
        "contact_name": "Amina Benjelloun",
        "language": "fr",
        "consent": "on",
        "action": "submit",
        **changes,
    }


def apply_url():
    return reverse("startups:apply")


def page_of(application):
    return reverse("startups:application", args=[application.pk])


# No call


def test_no_call_is_a_clear_404(client, edition):
    response = client.get(english("startups:apply"))
    assert response.status_code == 404
    assert "has no call for startups" in response.content.decode()
    assert client.get(reverse("startups:directory")).status_code == 404


# Anonymous visitors: their e-mail first


@freeze_time(DURING)
def test_anonymous_visitor_is_asked_for_an_email(client, call):
    response = client.get(english("startups:apply"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'type="email"' in page and "Send me the link" in page
    assert 'name="name"' not in page


@freeze_time(DURING)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_email_step_sends_a_link_back_to_the_call_and_makes_the_account(
    client, post, call, language
):
    url = f"/{language}/startups/apply/"
    response = post(url, {"email": " Karim@Example.MA "})
    assert response.status_code == 303
    assert response["Location"] == f"{url}?sent=1"
    assert client.get(response["Location"]).status_code == 200
    (message,) = mail.outbox
    assert message.to == ["karim@example.ma"]
    assert f"next={url}" in unquote(message.body)
    assert User.objects.get(username="karim@example.ma").language == language


@freeze_time(DURING)
def test_the_email_step_costs_the_request_the_same_for_any_address(
    call, cast, django_capture_on_commit_callbacks
):
    """An account made or found, or none for staff: decided after the answer
    (core.outbox), so the same queries and no e-mail inside the request."""
    UserFactory(username="founder@example.ma", email="founder@example.ma")
    cast["admin"].email = "admin@example.ma"
    cast["admin"].save()
    watched = {
        email: post_watched(django_capture_on_commit_callbacks, apply_url(), {"email": email})
        for email in ("founder@example.ma", "admin@example.ma", "new@example.ma")
    }
    assert_alike(watched["founder@example.ma"], watched["new@example.ma"])
    assert_alike(watched["admin@example.ma"], watched["new@example.ma"])
    assert [m.to for m in watched["new@example.ma"].mail_after] == [["new@example.ma"]]
    assert watched["admin@example.ma"].mail_after == []
    assert User.objects.filter(username="new@example.ma").exists()


@freeze_time(DURING)
def test_check_your_inbox_says_the_same_for_staff_and_sends_them_nothing(client, post, call, cast):
    cast["admin"].email = "admin@example.ma"
    cast["admin"].save()
    known = post(english("startups:apply"), {"email": "admin@example.ma"})
    unknown = post(english("startups:apply"), {"email": "new@example.ma"})
    assert known.status_code == unknown.status_code == 303
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["new@example.ma"]]
    page = client.get(known["Location"]).content.decode()
    assert "Check your inbox" in page


@freeze_time(DURING)
def test_honeypot_filled_sends_nothing(post, call):
    response = post(english("startups:apply"), {"email": "bot@example.ma", "leave_empty": "x"})
    assert response.status_code == 200
    assert "looks automatically filled in" in response.content.decode()
    assert not mail.outbox


@freeze_time(DURING)
def test_invalid_email_is_shown_again_with_a_message(post, call):
    response = post(english("startups:apply"), {"email": "not an address"})
    assert response.status_code == 200
    assert "Enter a valid e-mail address" in response.content.decode()


@freeze_time(DURING)
def test_email_step_is_rate_limited_per_address(post, call, steady_counters):
    for _ in range(3):
        assert post(english("startups:apply"), {"email": "flood@example.ma"}).status_code == 303
    refused = post(english("startups:apply"), {"email": "flood@example.ma"})
    assert refused.status_code == 429
    assert "Too many attempts" in refused.content.decode()
    assert len(mail.outbox) == 3


@freeze_time(DURING)
def test_email_step_is_rate_limited_per_ip(post, call, steady_counters):
    statuses = [
        post(english("startups:apply"), {"email": f"p{i}@example.ma"}).status_code
        for i in range(11)
    ]
    assert statuses == [303] * 10 + [429]


@pytest.mark.parametrize(
    ("moment", "message"), [(OPENS - timedelta(minutes=1), NOT_OPEN), (CLOSES, CLOSED)]
)
def test_email_step_outside_the_dates_is_refused_keeping_the_address(post, call, moment, message):
    with freeze_time(moment):
        response = post(english("startups:apply"), {"email": "late@example.ma"})
    page = response.content.decode()
    assert response.status_code == 409
    assert message in page and 'value="late@example.ma"' in page
    assert not mail.outbox and not User.objects.filter(username="late@example.ma").exists()


@freeze_time(CLOSES + timedelta(days=1))
def test_closed_call_offers_those_who_applied_to_sign_in(client, call):
    page = client.get(english("startups:apply")).content.decode()
    assert "Applications closed on" in page and "Sign in to see your application" in page
    assert "Send me the link" not in page


# Signed-in participants: the form


@freeze_time(DURING)
def test_signed_in_participant_without_application_gets_the_empty_form(signed_in, call, edition):
    response = signed_in.get(english("startups:apply"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="name"' in page and 'type="file"' in page and 'name="consent"' in page
    assert "Save as draft" in page and "Send my application" in page
    assert edition.pivots.get(slug="low-tech").name_en in page  # the edition's pivots
    for kind in (
        "Tech startup",
        "Cooperative",
        "Social enterprise",
        "Micro-enterprise",
        "Association",
    ):
        assert kind in page


@freeze_time(DURING)
def test_staff_cannot_apply(client, call, cast):
    client.force_login(cast["jury_member"])
    response = client.get(english("startups:apply"))
    assert response.status_code == 403
    assert "staff account" in response.content.decode()


@freeze_time(DURING)
def test_draft_needs_only_the_name_and_keeps_everything_typed(signed_in, post, call, edition):
    data = {"name": "Dar Lma", "city": "Fès", "pitch": "Début…", "action": "draft"}
    response = post(english("startups:apply"), data)
    application = Application.objects.get()
    assert response.status_code == 303
    assert response["Location"] == english("startups:application", application.pk)
    assert (application.status, application.city, application.pitch) == ("draft", "Fès", "Début…")
    page = signed_in.get(response["Location"]).content.decode()
    assert "Your draft is saved" in page
    assert 'value="Fès"' in page and "Début…</textarea>" in page  # the form again
    assert not mail.outbox


@freeze_time(DURING)
def test_draft_without_a_name_is_shown_again(post, signed_in, call):
    response = post(english("startups:apply"), {"city": "Fès", "action": "draft"})
    assert response.status_code == 200
    assert 'value="Fès"' in response.content.decode()
    assert not Application.objects.exists()


@freeze_time(DURING)
def test_sending_an_incomplete_form_marks_what_the_jury_needs(post, signed_in, call, edition):
    response = post(english("startups:apply"), form_data(edition, pitch="", consent=""))
    page = response.content.decode()
    assert response.status_code == 200
    assert "The jury needs this" in page
    assert "Please agree to the processing of your application" in page
    assert 'value="Dar Lma"' in page
    assert not Application.objects.exists()


@freeze_time(DURING)
def test_sending_the_application_shows_its_status_and_emails_a_receipt(
    signed_in, post, call, edition, founder, media
):
    response = post(english("startups:apply"), form_data(edition, logo=png()))
    application = Application.objects.get()
    assert response.status_code == 303
    assert application.status == Status.SUBMITTED and application.applicant == founder
    assert application.structure == "cooperative" and application.is_open_source
    assert application.logo.name.startswith("startups/logos/") and application.logo.name.endswith(
        ".webp"
    )
    assert (media / application.logo.name).exists()
    event = application.events.get(action=ApplicationEvent.Action.SUBMITTED)
    assert event.note == f"consent {CONSENT_VERSION}"
    page = signed_in.get(response["Location"]).content.decode()
    assert "Your application is sent" in page
    assert "status-submitted" in page and "has reached the jury" in page
    assert 'name="name"' not in page  # a status page, not the form
    (receipt,) = mail.outbox
    assert receipt.to == ["amina@example.ma"]
    assert f"/fr/startups/applications/{application.pk}/" in receipt.body


@freeze_time(DURING)
def test_a_draft_is_sent_from_its_own_page(signed_in, post, call, edition):
    post(english("startups:apply"), {"name": "Dar Lma", "action": "draft"})
    draft = Application.objects.get()
    response = post(english("startups:application", draft.pk), form_data(edition))
    assert response.status_code == 303
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED and draft.seeking == "Un pilote avec la régie."


@freeze_time(DURING)
def test_signed_in_with_an_application_goes_to_it(signed_in, call, founder):
    application = ApplicationFactory(call=call, applicant=founder)
    response = signed_in.get(apply_url())
    assert response.status_code == 303
    assert response["Location"] == page_of(application)


@freeze_time(DURING)
def test_double_submit_makes_one_application_and_one_email(signed_in, post, call, edition):
    first = post(english("startups:apply"), form_data(edition))
    second = post(english("startups:apply"), form_data(edition))
    assert first.status_code == second.status_code == 303
    assert first["Location"] == second["Location"]
    assert Application.objects.count() == 1
    assert len(mail.outbox) == 1


@freeze_time(DURING)
def test_draft_form_posted_again_after_sending_goes_to_the_status_page(
    signed_in, post, call, edition
):
    post(english("startups:apply"), {"name": "Dar Lma", "action": "draft"})
    draft = Application.objects.get()
    post(page_of(draft), form_data(edition))
    again = post(page_of(draft), form_data(edition, name="Changed"))
    assert again.status_code == 303 and again["Location"] == page_of(draft)
    assert Application.objects.get().name == "Dar Lma"
    assert len(mail.outbox) == 1


@freeze_time(DURING)
def test_a_bad_logo_is_refused_on_its_field(signed_in, post, call, edition):
    fake = SimpleUploadedFile("logo.png", b"GIF89a not really", content_type="image/png")
    response = post(english("startups:apply"), form_data(edition, logo=fake))
    assert response.status_code == 200
    assert "Upload the logo as a PNG, JPEG or WebP image." in response.content.decode()
    assert not Application.objects.exists()


@freeze_time(DURING)
def test_website_must_be_a_web_address(signed_in, post, call, edition):
    response = post(english("startups:apply"), form_data(edition, website="javascript:alert(1)"))
    assert response.status_code == 200
    assert not Application.objects.exists()


# Someone else's application


@freeze_time(DURING)
@pytest.mark.parametrize("who", ["other participant", "jury_member", "admin"])
def test_someone_elses_application_is_not_found(client, call, cast, who):
    application = ApplicationFactory(call=call, status=Status.DRAFT)
    client.force_login(UserFactory() if who == "other participant" else cast[who])
    for url in (page_of(application), reverse("startups:withdraw", args=[application.pk])):
        assert client.get(url).status_code == 404
        assert client.post(url, {"name": "Stolen", "action": "draft"}).status_code == 404
    application.refresh_from_db()
    assert application.status == Status.DRAFT and application.name != "Stolen"


def test_anonymous_visitor_is_sent_to_sign_in(client, call):
    application = ApplicationFactory(call=call)
    response = client.get(page_of(application))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:sign_in")


# Deadlines, under frozen time


@pytest.mark.parametrize(
    ("moment", "message"), [(OPENS - timedelta(minutes=1), NOT_OPEN), (CLOSES, CLOSED)]
)
def test_nothing_is_created_outside_the_dates_and_the_form_keeps_its_data(
    signed_in, post, call, edition, moment, message
):
    with freeze_time(moment):
        response = post(english("startups:apply"), form_data(edition, action="draft"))
    page = response.content.decode()
    assert response.status_code == 409
    assert message in page
    assert 'value="Dar Lma"' in page and "Un pilote avec la régie.</textarea>" in page
    assert not Application.objects.exists()


def test_before_opening_the_form_says_when_it_opens(signed_in, call):
    with freeze_time(OPENS - timedelta(days=3)):
        page = signed_in.get(english("startups:apply")).content.decode()
    assert "Applications open on" in page and 'name="name"' not in page


def test_a_draft_cannot_be_saved_nor_sent_after_the_close(signed_in, post, call, edition):
    with freeze_time(CLOSES - timedelta(hours=1)):
        post(english("startups:apply"), {"name": "Dar Lma", "action": "draft"})
    draft = Application.objects.get()
    with freeze_time(CLOSES + timedelta(minutes=1)):
        saving = post(page_of(draft), form_data(edition, name="Trop tard", action="draft"))
        sending = post(page_of(draft), form_data(edition))
        status_page = signed_in.get(english("startups:application", draft.pk))
    for refused in (saving, sending):
        assert refused.status_code == 409
        assert CLOSED in refused.content.decode()
    assert 'value="Trop tard"' in saving.content.decode()
    draft.refresh_from_db()
    assert (draft.status, draft.name) == (Status.DRAFT, "Dar Lma")
    assert status_page.status_code == 200
    assert "before this draft was sent" in status_page.content.decode()
    assert not mail.outbox


def test_status_page_stays_readable_after_the_close(signed_in, call, founder):
    application = ApplicationFactory(call=call, applicant=founder, submitted_at=DURING)
    with freeze_time(CLOSES + timedelta(days=30)):
        response = signed_in.get(english("startups:application", application.pk))
    assert response.status_code == 200
    assert "Submitted" in response.content.decode()


# The status page


@freeze_time(DURING)
def test_selected_status_shows_booth_public_page_and_the_lounge(signed_in, call, founder, edition):
    call.village = SpaceFactory(edition=edition, name_en="Village square")
    call.save()
    application = ApplicationFactory(
        call=call,
        applicant=founder,
        status=Status.SELECTED,
        booth="B12",
        slug="dar-lma",
        decision_message="Bravo <b>et bienvenue</b>",
    )
    ApplicationEvent.objects.create(
        application=application, action="submitted", at=datetime(2022, 3, 5, 10, tzinfo=CASABLANCA)
    )
    ApplicationEvent.objects.create(application=application, action="selected")
    page = signed_in.get(english("startups:application", application.pk)).content.decode()
    assert "status-selected" in page and "Congratulations" in page
    assert "<strong>B12</strong>" in page and "Village square" in page
    assert english("startups:startup", "dar-lma") in page
    assert english("matchmaking:join") in page and "Join the Open Innovation Lounge" in page
    assert "Bravo &lt;b&gt;et bienvenue&lt;/b&gt;" in page
    history = page[page.index("History") :]
    assert history.index("March 5, 2022") < history.index("Selected")


@freeze_time(DURING)
def test_submitted_status_has_no_lounge_link(signed_in, call, founder):
    application = ApplicationFactory(call=call, applicant=founder)
    page = signed_in.get(english("startups:application", application.pk)).content.decode()
    assert "matchmaking" not in page.split("<main", 1)[1].split("</main>")[0]
    assert "Withdraw my application" in page


@freeze_time(DURING)
def test_pitch_is_escaped_on_the_status_page(signed_in, call, founder):
    application = ApplicationFactory(
        call=call, applicant=founder, pitch="<script>alert(1)</script>\nDeux", name="<b>X</b>"
    )
    page = signed_in.get(page_of(application)).content.decode()
    assert "<script>alert(1)" not in page and "<b>X</b>" not in page
    assert escape("<script>alert(1)</script>") + "<br>Deux" in page


# Withdrawing


@freeze_time(DURING)
def test_withdraw_asks_first_then_withdraws(signed_in, post, call, founder):
    application = ApplicationFactory(call=call, applicant=founder)
    url = english("startups:withdraw", application.pk)
    question = signed_in.get(url)
    assert question.status_code == 200 and "Yes, withdraw it" in question.content.decode()
    assert Application.objects.get().status == Status.SUBMITTED
    response = post(url)
    assert response.status_code == 303 and response["Location"] == page_of(application)
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    assert application.events.get(action="withdrawn").actor == founder
    page = signed_in.get(page_of(application)).content.decode()
    assert "You have withdrawn this application" in page and "Start a new application" in page


@freeze_time(DURING)
def test_after_withdrawing_the_apply_page_offers_a_new_form(signed_in, post, call, founder):
    ApplicationFactory(call=call, applicant=founder, status=Status.WITHDRAWN)
    assert signed_in.get(apply_url()).status_code == 200


@freeze_time(DURING)
def test_a_decided_application_cannot_be_withdrawn(signed_in, post, call, founder):
    application = ApplicationFactory(call=call, applicant=founder, status=Status.SELECTED)
    url = english("startups:withdraw", application.pk)
    assert "can no longer be withdrawn" in signed_in.get(url).content.decode()
    response = post(url)
    assert response.status_code == 409
    assert "can no longer be withdrawn" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.SELECTED


@freeze_time(DURING)
def test_my_account_lists_my_applications(signed_in, call, founder):
    application = ApplicationFactory(call=call, applicant=founder, name="Dar Lma")
    page = signed_in.get(english("accounts:home")).content.decode()
    assert "Dar Lma" in page and page_of(application).replace("/fr/", "/en/") in page


def test_status_page_in_arabic_is_right_to_left(signed_in, call, founder):
    application = ApplicationFactory(call=call, applicant=founder, status=Status.REJECTED)
    with freeze_time(DURING):
        page = signed_in.get(f"/ar/startups/applications/{application.pk}/").content.decode()
    assert 'dir="rtl"' in page
    assert re.search(r"status-rejected", page)
