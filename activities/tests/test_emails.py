"""What visitors who gave an e-mail address receive, in the language they booked in."""

from datetime import timedelta

import pytest
from django.db import transaction
from freezegun import freeze_time

from activities import services
from activities.models import Booking
from activities.services import Visitor
from activities.tests.factories import ActivitySlotFactory
from core import outbox
from core.personal_data import ERASED
from programme.tests.factories import at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
BEFORE = at(25, 9)


@pytest.fixture
def frozen():
    with freeze_time("2022-05-24 12:00:00"):
        yield


def book(slot, *, language="fr", email="salma@example.org", group=1, phone="", capture):
    visitor = Visitor(
        first_name="Salma", language=language, phone=phone, email=email, group_size=group
    )
    with capture(execute=True):
        booking, _ = services.book(slot, visitor=visitor, now=BEFORE)
    return booking


def attachment_types(message):
    return sorted(mimetype for _name, _content, mimetype in message.attachments)


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_confirmation_in_the_visitors_language(
    language, mailoutbox, django_capture_on_commit_callbacks
):
    slot = ActivitySlotFactory()
    booking = book(slot, language=language, capture=django_capture_on_commit_callbacks)
    assert booking.status == "confirmed"
    [message] = mailoutbox
    assert message.to == ["salma@example.org"]
    body = message.body
    assert f"/{language}/" in body and booking.secret in body
    assert booking.display_code in body
    types = attachment_types(message)
    assert "image/png" in types
    assert any("calendar" in kind for kind in types)
    png = next(c for _n, c, kind in message.attachments if kind == "image/png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    ics = next(c for _n, c, kind in message.attachments if "calendar" in kind)
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "BEGIN:VEVENT" in ics and "20220525T" in ics


def test_waitlisted_then_promoted_after_a_cancel(mailoutbox, django_capture_on_commit_callbacks):
    slot = ActivitySlotFactory()
    capture = django_capture_on_commit_callbacks
    first = book(slot, email="first@example.org", group=6, capture=capture)
    book(slot, email="second@example.org", group=2, capture=capture)
    waiting = book(slot, email="third@example.org", capture=capture)
    assert waiting.status == "waitlisted"
    waitlisted_mail = mailoutbox[-1]
    assert waitlisted_mail.to == ["third@example.org"]
    assert not any(kind == "image/png" for _n, _c, kind in waitlisted_mail.attachments)
    assert waiting.secret in waitlisted_mail.body
    mailoutbox.clear()
    with capture(execute=True):
        services.cancel(first, now=BEFORE)
    by_address = {message.to[0]: message for message in mailoutbox}
    assert set(by_address) == {"first@example.org", "third@example.org"}
    # The cancelled e-mail names the slot; it has no link (the booking is gone).
    assert "10:00" in by_address["first@example.org"].body
    promoted = by_address["third@example.org"]
    assert "image/png" in attachment_types(promoted)
    assert promoted.subject != waitlisted_mail.subject


def test_phone_only_bookings_send_nothing(mailoutbox, django_capture_on_commit_callbacks):
    slot = ActivitySlotFactory()
    capture = django_capture_on_commit_callbacks
    booking = book(slot, email="", phone="+212612345678", capture=capture)
    with capture(execute=True):
        services.cancel(booking, now=BEFORE)
    assert mailoutbox == []


def test_a_mail_whose_address_went_before_the_send_is_not_retried(
    mailoutbox, django_capture_on_commit_callbacks
):
    """Owed while the visitor had an address, sent after they deleted their data:
    nothing to send is done, not a refusal, so the timer does not try again."""
    booking = book(ActivitySlotFactory(), capture=django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with transaction.atomic():
        row = outbox.owe("activities.booking_status", booking.pk, "cancelled")
        Booking.objects.filter(pk=booking.pk).update(first_name=ERASED, phone=ERASED, email="")

    assert outbox.send_owed(now=BEFORE + timedelta(hours=1), grace=timedelta(0)) == 1
    assert outbox.send_owed(now=BEFORE + timedelta(hours=2), grace=timedelta(0)) == 0
    row.refresh_from_db()
    assert row.sent_at is not None and row.attempts == 1
    assert mailoutbox == []
