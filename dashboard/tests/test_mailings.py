"""Mailings: segments, a version per language, a test to oneself, the queue sent
exactly once even when the sender is stopped or dies mid-way, and a working
unsubscribe link."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from dashboard import mailings
from dashboard.models import Delivery, Mailing, Segment, Unsubscribe
from registration.tests.factories import RegistrationFactory


@pytest.fixture
def registrants(edition):
    made = [RegistrationFactory(pass_type__edition=edition, status="confirmed",
                                email=f"person{n}@example.ma", language=("fr", "ar", "en")[n % 3])
            for n in range(9)]
    RegistrationFactory(pass_type__edition=edition, status="cancelled", email="gone@example.ma")
    return made


@pytest.fixture
def mailing(edition, cast):
    return Mailing.objects.create(
        edition=edition, segment=Segment.REGISTRATIONS, subject_fr="Programme du jour",
        body_fr="Bonjour, voici le programme.", subject_ar="برنامج اليوم",
        body_ar="مرحبا، هذا هو البرنامج.")


def addresses(outbox):
    return sorted(message.to[0] for message in outbox)


def test_a_segment_goes_once_to_each_address_in_its_language(mailing, registrants, cast):
    RegistrationFactory(pass_type=registrants[0].pass_type, status="confirmed",
                        email="PERSON0@example.ma")  # the same person twice
    assert mailings.queue(mailing, by=cast["admin"]) == 9
    mailings.send_queued()
    assert addresses(mail.outbox) == sorted(f"person{n}@example.ma" for n in range(9))
    arabic = next(m for m in mail.outbox if m.to == ["person1@example.ma"])
    english = next(m for m in mail.outbox if m.to == ["person2@example.ma"])
    assert arabic.subject == "برنامج اليوم"
    assert english.subject == "Programme du jour"  # no English version: the French one


def test_stopping_the_sender_mid_way_sends_every_mail_exactly_once(mailing, registrants, cast):
    mailings.queue(mailing, by=cast["admin"])
    calls = []
    assert mailings.send_queued(should_stop=lambda: calls.append(1) or len(calls) > 4) == 4
    assert len(mail.outbox) == 4
    mailings.send_queued(limit=2)
    mailings.send_queued()
    assert addresses(mail.outbox) == sorted(f"person{n}@example.ma" for n in range(9))
    assert Delivery.objects.filter(status="sent").count() == 9
    assert mailings.send_queued() == 0


class DiesOnTheFifth:
    """A mail backend whose process dies while handing over the 5th message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        if len(mail.outbox) == 4:
            raise KeyboardInterrupt  # like a kill: nothing after this line runs
        mail.outbox.extend(messages)
        return len(messages)


def test_a_sender_that_dies_mid_way_loses_and_repeats_nothing(mailing, registrants, cast,
                                                             settings):
    mailings.queue(mailing, by=cast["admin"])
    settings.EMAIL_BACKEND = f"{__name__}.DiesOnTheFifth"
    with pytest.raises(KeyboardInterrupt):
        mailings.send_queued()
    assert Delivery.objects.filter(status="sent").count() == 4
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mailings.send_queued()
    assert addresses(mail.outbox) == sorted(f"person{n}@example.ma" for n in range(9))


def test_a_segment_that_selects_nobody_cannot_be_queued(edition, cast):
    empty = Mailing.objects.create(edition=edition, segment=Segment.SPEAKERS,
                                   subject_fr="Rien", body_fr="Personne.")
    with pytest.raises(mailings.MailingError) as refused:
        mailings.queue(empty, by=cast["admin"])
    assert refused.value.code == "nobody"
    assert not Delivery.objects.exists()


def test_the_unsubscribe_link_works_and_the_next_mailing_skips_the_address(
    client, mailing, registrants, cast, edition
):
    mailings.queue(mailing, by=cast["admin"])
    mailings.send_queued()
    message = next(m for m in mail.outbox if m.to == ["person0@example.ma"])
    link = re.search(r"https?://\S+/mailings/unsubscribe/\S+/", message.body).group(0)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    path = link.split("8000", 1)[-1] if "8000" in link else "/" + link.split("/", 3)[3]
    assert "Stop the mailings" in client.get(path.replace("/fr/", "/en/")).content.decode()
    client.post(path)
    assert Unsubscribe.objects.filter(email="person0@example.ma").exists()
    assert client.get(path.replace("x", "y")[:-3] + "bad/").status_code == 404
    second = Mailing.objects.create(edition=edition, segment=Segment.REGISTRATIONS,
                                    subject_fr="Encore", body_fr="Suite.")
    assert mailings.queue(second, by=cast["admin"]) == 8


def test_staff_preview_test_send_and_queue_from_the_admin(client, cast, mailing, registrants):
    admin_user = cast["admin"]
    admin_user.email = "organiser@example.ma"
    admin_user.save()
    client.force_login(admin_user)
    url = reverse("admin:dashboard_mailing_preview", args=[mailing.pk])
    page = client.get(url).content.decode()
    assert "9 recipients" in page or "9 destinataires" in page
    client.post(url, {"do": "test", "language": "ar"})
    assert mail.outbox[-1].to == ["organiser@example.ma"]
    assert mail.outbox[-1].subject == "برنامج اليوم"
    client.post(url, {"do": "queue"})
    mailing.refresh_from_db()
    assert mailing.status == "queued" and mailing.deliveries.count() == 9
    client.post(url, {"do": "queue"})
    assert mailing.deliveries.count() == 9
