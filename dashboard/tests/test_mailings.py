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
    made = [
        RegistrationFactory(
            pass_type__edition=edition,
            status="confirmed",
            email=f"person{n}@example.ma",
            language=("fr", "ar", "en")[n % 3],
        )
        for n in range(9)
    ]
    RegistrationFactory(pass_type__edition=edition, status="cancelled", email="gone@example.ma")
    return made


@pytest.fixture
def mailing(edition, cast):
    return Mailing.objects.create(
        edition=edition,
        segment=Segment.REGISTRATIONS,
        subject_fr="Programme du jour",
        body_fr="Bonjour, voici le programme.",
        subject_ar="برنامج اليوم",
        body_ar="مرحبا، هذا هو البرنامج.",
    )


def addresses(outbox):
    return sorted(message.to[0] for message in outbox)


def test_a_segment_goes_once_to_each_address_in_its_language(mailing, registrants, cast):
    RegistrationFactory(
        pass_type=registrants[0].pass_type, status="confirmed", email="PERSON0@example.ma"
    )  # the same person twice
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


def test_a_sender_that_dies_mid_way_loses_and_repeats_nothing(mailing, registrants, cast, settings):
    mailings.queue(mailing, by=cast["admin"])
    settings.EMAIL_BACKEND = f"{__name__}.DiesOnTheFifth"
    with pytest.raises(KeyboardInterrupt):
        mailings.send_queued()
    assert Delivery.objects.filter(status="sent").count() == 4
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mailings.send_queued()
    assert addresses(mail.outbox) == sorted(f"person{n}@example.ma" for n in range(9))


def test_a_segment_that_selects_nobody_cannot_be_queued(edition, cast):
    empty = Mailing.objects.create(
        edition=edition, segment=Segment.SPEAKERS, subject_fr="Rien", body_fr="Personne."
    )
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
    second = Mailing.objects.create(
        edition=edition, segment=Segment.REGISTRATIONS, subject_fr="Encore", body_fr="Suite."
    )
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


def test_an_address_unsubscribed_after_queueing_is_not_sent(mailing, registrants, cast):
    mailings.queue(mailing, by=cast["admin"])
    Unsubscribe.objects.create(email="person3@example.ma")
    mailings.send_queued()
    assert "person3@example.ma" not in addresses(mail.outbox) and len(mail.outbox) == 8
    assert Delivery.objects.get(email="person3@example.ma").status == "unsubscribed"


def test_narrowing_by_pass_or_pivot_is_for_registrations_of_the_same_edition(edition, cast):
    from django.core.exceptions import ValidationError

    from editions.tests.factories import EditionFactory, PivotFactory
    from registration.tests.factories import PassTypeFactory

    foreign = PivotFactory(edition=EditionFactory(slug="scc-2021"), slug="other")
    for wrong in (
        Mailing(
            edition=edition,
            segment=Segment.SPEAKERS,
            subject_fr="a",
            body_fr="b",
            pass_type=PassTypeFactory(edition=edition),
        ),
        Mailing(
            edition=edition,
            segment=Segment.REGISTRATIONS,
            subject_fr="a",
            body_fr="b",
            pivot=foreign,
        ),
    ):
        with pytest.raises(ValidationError):
            wrong.full_clean()


def test_the_preview_shows_the_footer_and_offers_no_sending_to_nobody(client, cast, edition):
    client.force_login(cast["admin"])
    empty = Mailing.objects.create(
        edition=edition, segment=Segment.STARTUPS, subject_fr="Rien", body_fr="Personne."
    )
    page = client.get(reverse("admin:dashboard_mailing_preview", args=[empty.pk])).content.decode()
    assert "/mailings/unsubscribe/" in page and 'value="queue"' not in page
    assert "0 destinataire" in page or "0 recipient" in page


def _database_url() -> str:
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _run_sender(folder, **popen):
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": _database_url(),
        "EMAIL_URL": f"file://{folder}",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "send_mailings"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        text=True,
        **popen,
    )


def _sent_to(folder) -> list[str]:
    return sorted(
        line.split(":", 1)[1].strip()
        for path in folder.iterdir()
        for line in path.read_text().splitlines()
        if line.startswith("To: ")
    )


@pytest.mark.django_db(transaction=True)
def test_the_sender_stopped_by_sigterm_and_restarted_sends_each_mail_once(tmp_path, edition):
    import signal
    import time

    queued = Mailing.objects.create(
        edition=edition,
        segment=Segment.REGISTRATIONS,
        subject_fr="Rappel",
        body_fr="À demain.",
        status="queued",
    )
    Delivery.objects.bulk_create(
        Delivery(mailing=queued, email=f"p{n}@example.ma") for n in range(300)
    )
    first = _run_sender(tmp_path)
    while len(list(tmp_path.iterdir())) < 5 and first.poll() is None:
        time.sleep(0.01)
    first.send_signal(signal.SIGTERM)
    stopped_after = int(first.communicate(timeout=60)[0].split()[0])
    assert 5 <= stopped_after < 300 and len(_sent_to(tmp_path)) == stopped_after
    _run_sender(tmp_path).communicate(timeout=120)
    assert _sent_to(tmp_path) == sorted(f"p{n}@example.ma" for n in range(300))
    assert Delivery.objects.filter(status="sent").count() == 300


def test_news_go_to_those_who_asked_every_edition_and_stop_from_the_link(client, edition, cast):
    from accounts.models import User
    from accounts.privacy import set_news, wants_news
    from editions.tests.factories import EditionFactory
    from registration.models import Consent

    older = RegistrationFactory(
        pass_type__edition=EditionFactory(), email="salma@example.ma", language="ar"
    )
    RegistrationFactory(pass_type__edition=edition, email="karim@example.ma")  # never asked
    Consent.objects.create(
        registration=older, purpose=Consent.Purpose.NEWS, text_version="v1", language="ar"
    )
    news = Mailing.objects.create(
        edition=edition,
        segment=Segment.NEWS,
        subject_fr="Nouvelles",
        body_fr="La prochaine édition.",
        subject_ar="أخبار",
        body_ar="الدورة القادمة.",
    )
    assert mailings.queue(news, by=cast["admin"]) == 1
    mailings.send_queued()
    (message,) = mail.outbox
    assert message.to == ["salma@example.ma"] and message.subject == "أخبار"
    link = re.search(r"https?://\S+/mailings/unsubscribe/\S+/", message.body).group(0)
    client.post("/" + link.split("/", 3)[3])
    salma = User.objects.create_user(username="salma@example.ma", email="salma@example.ma")
    assert not wants_news(salma)  # the account says the same as the link
    again = Mailing.objects.create(
        edition=edition, segment=Segment.NEWS, subject_fr="Encore", body_fr="Suite."
    )
    with pytest.raises(mailings.MailingError):
        mailings.queue(again, by=cast["admin"])  # nobody left who wants news
    set_news(salma, True)  # she asks again from her account
    assert mailings.queue(again, by=cast["admin"]) == 1
