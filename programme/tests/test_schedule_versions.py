"""Published versions of the schedule: staff publish, visitors read what changed
(new, moved, cancelled) in their language, speakers of a moved session are told,
and the frab export carries the version."""

import pytest
from django.core import mail
from django.urls import reverse

from programme.models import Session
from programme.tests.factories import SessionFactory, at
from programme.versions import publish_version


@pytest.fixture
def organiser(client, cast):
    client.force_login(cast["programme_manager"])
    return client


def test_staff_publish_versions_and_visitors_read_the_changes_in_french(
    organiser, edition, session
):
    doomed = SessionFactory(
        edition=edition, space=session.space, starts_at=at(26, 9), title_fr="Table ronde annulée"
    )
    response = organiser.post(reverse("schedule:publish"), {"edition": edition.slug})
    assert response.status_code == 302

    Session.objects.filter(pk=session.pk).update(
        space=edition.spaces.get(slug="anfa"), starts_at=at(25, 15), ends_at=at(25, 16)
    )
    doomed.delete()
    SessionFactory(
        edition=edition, space=session.space, starts_at=at(26, 11), title_fr="Nouvel atelier"
    )
    published = organiser.post(reverse("schedule:publish"), {"edition": edition.slug}, follow=True)

    page = organiser.get("/fr/programme/changes/").content.decode()
    version_2 = page.split("Version 2")[1].split("Version 1")[0]
    assert (
        "Déplacée</strong>: Recycler la ville — Salle Anfa, 25 mai 2022, 15:00–16:00" in version_2
    )
    assert "Nouvelle</strong>: Nouvel atelier" in version_2
    assert "Annulée</strong>: Table ronde annulée" in version_2
    assert "La version\u00a02 est publiée." in published.content.decode()


@pytest.mark.usefixtures("in_english")
def test_the_changelog_reads_in_english_and_arabic(client, edition, session):
    publish_version(edition)
    Session.objects.filter(pk=session.pk).update(starts_at=at(25, 12), ends_at=at(25, 13))
    publish_version(edition)

    english = client.get("/en/programme/changes/").content.decode()
    arabic = client.get("/ar/programme/changes/").content.decode()

    assert "Moved</strong>: Recycling the city" in english
    assert "إعادة تدوير المدينة" in arabic


def test_publishing_an_unchanged_schedule_is_refused_in_words(organiser, edition, session):
    publish_version(edition)

    response = organiser.post(reverse("schedule:publish"), {"edition": edition.slug}, follow=True)

    assert "Rien n’a changé depuis la version\u00a01." in response.content.decode()
    assert edition.schedule_versions.count() == 1


def test_speakers_of_a_moved_session_are_emailed_one_by_one(
    edition, session, django_capture_on_commit_callbacks
):
    speaker = session.speakers.get()
    speaker.email = "salma@example.org"
    speaker.save()
    publish_version(edition)
    Session.objects.filter(pk=session.pk).update(starts_at=at(25, 14), ends_at=at(25, 15))

    with django_capture_on_commit_callbacks(execute=True):
        publish_version(edition)

    [message] = mail.outbox
    assert message.to == ["salma@example.org"]
    assert "Recycler la ville" in message.subject
    assert "Salle Atlas, 25 mai 2022, 14:00–15:00" in message.body


def test_the_frab_export_carries_the_published_version(client, edition, session):
    before = client.get("/programme/schedule.json").json()["schedule"]["version"]
    publish_version(edition)

    after = client.get("/programme/schedule.json").json()["schedule"]["version"]

    assert not before.startswith("1-")
    assert after.startswith("1-")
