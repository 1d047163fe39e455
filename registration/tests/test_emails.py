"""E-mails to registrants: language, text and HTML parts, the QR code and the
edition's calendar file, and what each kind of e-mail must not say."""

import shutil
import subprocess
from datetime import date

import icalendar
import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from editions.tests.factories import EditionFactory
from registration import emails
from registration.models import Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status


def parts(message) -> dict[str, list]:
    found: dict[str, list] = {}
    for part in message.message().walk():
        found.setdefault(part.get_content_type(), []).append(part)
    return found


def html_of(message) -> str:
    return message.alternatives[0][0]


def sent_one():
    assert len(mail.outbox) == 1
    return mail.outbox[0]


@pytest.mark.parametrize("what", ["confirmed", "promoted", "approved", "transferred"])
def test_ticket_emails_carry_the_qr_code_and_the_calendar(what):
    registration = RegistrationFactory()

    emails.notify(registration.pk, what)

    message = sent_one()
    found = parts(message)
    assert set(found) >= {"text/plain", "text/html", "image/png", "text/calendar"}
    image = found["image/png"][0]
    assert image["Content-ID"] == f"<{emails.QR_CONTENT_ID}>"
    assert f'src="cid:{emails.QR_CONTENT_ID}"' in html_of(message)
    assert registration.secret in message.body
    assert registration.secret in html_of(message)


def test_the_attached_qr_code_reads_back_to_the_ticket_secret(tmp_path):
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "Debian's zbar-tools is needed to read the QR code back"
    registration = RegistrationFactory()
    emails.notify(registration.pk, "confirmed")

    png = parts(sent_one())["image/png"][0].get_payload(decode=True)
    (tmp_path / "qr.png").write_bytes(png)
    decoded = subprocess.run(
        [zbarimg, "--quiet", "--raw", str(tmp_path / "qr.png")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    assert decoded == registration.secret


def test_the_calendar_is_one_all_day_event_over_the_edition_at_its_venue():
    edition = EditionFactory(
        starts_on=date(2022, 5, 25),
        ends_on=date(2022, 5, 26),
        venue="Hyatt Regency",
        address="Place des Nations Unies",
        city="Casablanca",
    )
    registration = RegistrationFactory(pass_type=PassTypeFactory(edition=edition))

    emails.notify(registration.pk, "confirmed")
    emails.notify(registration.pk, "approved")

    calendars = [
        icalendar.Calendar.from_ical(message.attachments[-1].content) for message in mail.outbox
    ]
    events = [calendar.walk("VEVENT") for calendar in calendars]
    assert [len(found) for found in events] == [1, 1]
    event = events[0][0]
    assert event.decoded("DTSTART") == date(2022, 5, 25)
    assert event.decoded("DTEND") == date(2022, 5, 27)  # exclusive: the 26th included
    assert str(event["LOCATION"]) == "Hyatt Regency, Place des Nations Unies, Casablanca"
    assert str(event["SUMMARY"]) == edition.name_fr
    assert str(event["UID"]) == str(events[1][0]["UID"]), "one UID per edition"
    assert mail.outbox[0].attachments[-1].filename == f"{edition.slug}.ics"


def test_each_edition_has_its_own_calendar_uid():
    uids = set()
    for _ in range(2):
        edition = EditionFactory()
        calendar = icalendar.Calendar.from_ical(emails.edition_calendar(edition))
        uids.add(str(calendar.walk("VEVENT")[0]["UID"]))
    assert len(uids) == 2


@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl"), ("en", "ltr")])
def test_email_speaks_the_registrant_language(language, direction):
    registration = RegistrationFactory(language=language)
    edition = registration.edition

    emails.notify(registration.pk, "confirmed")

    message = sent_one()
    with translation.override(language):
        subject = gettext("Your ticket for %(edition)s") % {"edition": edition.name}
        pass_name = registration.pass_type.name
    assert message.subject == subject
    assert pass_name in message.body
    assert f"/{language}/register/ticket/{registration.secret}/" in message.body
    assert message.extra_headers["Content-Language"] == language
    assert f'<html lang="{language}" dir="{direction}">' in html_of(message)
    calendar = icalendar.Calendar.from_ical(message.attachments[-1].content)
    with translation.override(language):
        assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == edition.name


def test_arabic_email_names_the_edition_pass_and_dates_in_arabic():
    registration = RegistrationFactory(language="ar", first_name="أمينة")

    emails.notify(registration.pk, "confirmed")

    message = sent_one()
    assert registration.edition.name_ar in message.subject
    assert registration.pass_type.name_ar in message.body
    assert "أمينة" in message.body
    assert "25 مايو" in message.body


@pytest.mark.parametrize(
    ("what", "status"),
    [
        ("pending", Status.PENDING),
        ("waitlisted", Status.WAITLISTED),
        ("rejected", Status.REJECTED),
        ("cancelled", Status.CANCELLED),
    ],
)
def test_emails_without_a_valid_ticket_carry_no_qr_code(what, status):
    registration = RegistrationFactory(status=status)

    emails.notify(registration.pk, what)

    found = parts(sent_one())
    assert "image/png" not in found and "text/calendar" not in found
    if what in ("rejected", "cancelled"):
        assert registration.secret not in mail.outbox[0].body
    else:
        assert registration.secret in mail.outbox[0].body


def test_waiting_list_email_gives_the_position_in_line():
    pass_type = PassTypeFactory(capacity=1)
    RegistrationFactory(pass_type=pass_type)
    RegistrationFactory(pass_type=pass_type, status=Status.WAITLISTED)
    second = RegistrationFactory(pass_type=pass_type, status=Status.WAITLISTED, language="en")

    emails.notify(second.pk, "waitlisted")

    assert "number 2 in line" in sent_one().body


def test_promotion_to_a_pass_needing_approval_sends_no_ticket_yet():
    pass_type = PassTypeFactory(needs_approval=True)
    registration = RegistrationFactory(pass_type=pass_type, status=Status.PENDING)

    emails.notify(registration.pk, "promoted")

    assert "image/png" not in parts(sent_one())


def test_previous_holder_is_told_nothing_of_the_new_one():
    registration = RegistrationFactory(first_name="Karim", email="karim@example.ma", language="ar")

    emails.notify(registration.pk, "transferred_away", email="amina@example.ma", language="fr")

    message = sent_one()
    assert message.to == ["amina@example.ma"]
    assert message.extra_headers["Content-Language"] == "fr"
    for said in (message.body, html_of(message)):
        assert "Karim" not in said
        assert registration.secret not in said
    assert "image/png" not in parts(message)


def test_html_part_escapes_what_organisers_and_registrants_typed():
    edition = EditionFactory(name_fr='Symposium <b onmouseover="x">&')
    registration = RegistrationFactory(
        pass_type=PassTypeFactory(edition=edition), first_name="Tom & Jerry"
    )

    emails.notify(registration.pk, "confirmed")

    html = html_of(sent_one())
    assert "<b onmouseover" not in html
    assert "Symposium &lt;b onmouseover=&quot;x&quot;&gt;&amp;" in html
    assert "Tom &amp; Jerry" in html
    assert "Tom & Jerry" in mail.outbox[0].body  # plain text stays plain


def test_subject_never_breaks_a_header_line():
    edition = EditionFactory(name_fr="Symposium\r\nBcc: victim@example.org")
    registration = RegistrationFactory(pass_type=PassTypeFactory(edition=edition))

    emails.notify(registration.pk, "confirmed")

    message = sent_one()
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.message()["Bcc"] is None


def test_ticket_links_email_lists_active_tickets_in_their_own_languages():
    first = RegistrationFactory(email="amina@example.ma", language="ar")
    second = RegistrationFactory(email="amina@example.ma", language="en", status=Status.WAITLISTED)
    RegistrationFactory(email="amina@example.ma", status=Status.REJECTED)
    RegistrationFactory(email="someone@example.ma")

    assert emails.send_ticket_links("AMINA@example.ma", language="fr") is True

    message = sent_one()
    assert message.to == ["amina@example.ma"]
    assert message.extra_headers["Content-Language"] == "fr"
    assert f"/ar/register/ticket/{first.secret}/" in message.body
    assert f"/en/register/ticket/{second.secret}/" in message.body
    assert f"/ar/register/ticket/{first.secret}/" in html_of(message)


def test_ticket_links_email_is_not_sent_to_an_unknown_address():
    RegistrationFactory(email="amina@example.ma", status=Status.CANCELLED)
    assert emails.send_ticket_links("amina@example.ma", language="fr") is None
    assert mail.outbox == []
