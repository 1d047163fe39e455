"""Applying: drafts, submitting, withdrawing, deadlines, slugs, one application each."""

import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from freezegun import freeze_time
from PIL import Image

from core.testing import all_at_once
from editions.tests.factories import PivotFactory
from startups import services
from startups.models import Application, ApplicationEvent
from startups.services import ApplicationError, free_slug, save_draft, submit, withdraw
from startups.tests.factories import ApplicationFactory, CallFactory, UserFactory

Status = Application.Status
Action = ApplicationEvent.Action
CASABLANCA = ZoneInfo("Africa/Casablanca")
OPENS = datetime(2022, 3, 1, 9, tzinfo=CASABLANCA)
CLOSES = datetime(2022, 4, 15, 23, 59, tzinfo=CASABLANCA)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def call(edition):
    with freeze_time("2022-01-01"):
        return CallFactory(edition=edition, opens_at=OPENS, closes_at=CLOSES)


@pytest.fixture
def founder(db):
    return UserFactory(username="amina@example.ma", first_name="Amina", language="fr")


def complete(edition, **changes):
    return {
        "name": "Dar Lma",
        "structure": Application.Structure.COOPERATIVE,
        "pitch": "Des capteurs d'eau low-tech.\nFabriqués à Derb Sultan.",
        "pivot": edition.pivots.get(slug="low-tech"),
        "sector": "water",
        "stage": Application.Stage.PROTOTYPE,
        "team_size": 5,
        "city": "Casablanca",
        "website": "https://darlma.ma",
        "is_open_source": True,
        "is_low_tech": True,
        "seeking": "Un pilote avec la régie.",
        "contact_name": "Amina Benjelloun",
        "language": "ar",
        **changes,
    }


def webp(colour=(0, 128, 0)) -> ContentFile:
    output = io.BytesIO()
    Image.new("RGB", (10, 10), colour).save(output, "WEBP")
    return ContentFile(output.getvalue(), name="abcdef.webp")


@freeze_time("2022-03-10 10:00")
def test_draft_needs_only_a_name_and_keeps_what_was_typed(call, founder):
    draft = save_draft(None, call=call, applicant=founder, data={"name": "Dar Lma", "city": "Fès"})
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert (draft.name, draft.city, draft.slug) == ("Dar Lma", "Fès", "dar-lma")
    assert draft.created_at == timezone.now()
    event = draft.events.get()
    assert (event.action, event.actor, event.at) == (Action.CREATED, founder, timezone.now())


@freeze_time("2022-03-10 10:00")
def test_draft_without_a_name_is_refused(call, founder):
    with pytest.raises(ApplicationError) as refused:
        save_draft(None, call=call, applicant=founder, data={"name": "  "})
    assert refused.value.code == "no_name"
    assert not Application.objects.exists()


@freeze_time("2022-03-10 10:00")
def test_changing_a_draft_keeps_one_application_and_its_history(call, founder, edition):
    draft = save_draft(None, call=call, applicant=founder, data={"name": "Dar Lma"})
    again = save_draft(
        draft, call=call, applicant=founder, data=complete(edition, name="Dar Lma 2")
    )
    assert again.pk == draft.pk
    again.refresh_from_db()
    assert again.pitch.startswith("Des capteurs") and again.language == "ar"
    assert again.slug == "dar-lma-2"  # a draft's address follows its name
    assert Application.objects.count() == 1
    assert list(again.events.values_list("action", flat=True)) == [Action.CREATED]


@freeze_time("2022-03-10 10:00")
def test_a_second_new_draft_of_the_same_person_changes_the_first(call, founder):
    first = save_draft(None, call=call, applicant=founder, data={"name": "Dar Lma"})
    second = save_draft(
        None, call=call, applicant=founder, data={"name": "Dar Lma", "city": "Rabat"}
    )
    assert second.pk == first.pk
    assert Application.objects.get().city == "Rabat"


@freeze_time("2022-03-10 10:00")
def test_submit_records_consent_and_sends_one_email_in_the_application_language(
    call, founder, edition, django_capture_on_commit_callbacks
):
    draft = save_draft(None, call=call, applicant=founder, data=complete(edition))
    with django_capture_on_commit_callbacks(execute=True):
        sent = submit(draft, consented=True)
    assert sent.status == Status.SUBMITTED and sent.submitted_at == timezone.now()
    event = sent.events.get(action=Action.SUBMITTED)
    assert event.actor == founder
    assert event.note == f"consent {services.CONSENT_VERSION}"
    (message,) = mail.outbox
    assert message.to == ["amina@example.ma"]
    assert message.extra_headers["Content-Language"] == "ar"
    assert "Dar Lma" in message.subject
    assert f"/ar/startups/applications/{sent.pk}/" in message.body


@freeze_time("2022-03-10 10:00")
def test_submit_without_consent_is_refused(call, founder, edition):
    draft = save_draft(None, call=call, applicant=founder, data=complete(edition))
    with pytest.raises(ApplicationError) as refused:
        submit(draft, consented=False)
    assert refused.value.code == "consent"
    assert Application.objects.get().status == Status.DRAFT


@freeze_time("2022-03-10 10:00")
def test_incomplete_draft_cannot_be_submitted_and_says_what_is_missing(call, founder):
    draft = save_draft(None, call=call, applicant=founder, data={"name": "Dar Lma", "city": "Fès"})
    with pytest.raises(ApplicationError) as refused:
        submit(draft, consented=True)
    assert refused.value.code == "incomplete"
    assert "pitch" in refused.value.message and "city" not in refused.value.message
    assert Application.objects.get().status == Status.DRAFT


@freeze_time("2022-03-10 10:00")
def test_submitting_twice_sends_once(call, founder, edition, django_capture_on_commit_callbacks):
    draft = save_draft(None, call=call, applicant=founder, data=complete(edition))
    with django_capture_on_commit_callbacks(execute=True):
        submit(draft, consented=True)
        with pytest.raises(ApplicationError) as refused:
            submit(draft, consented=True)
    assert refused.value.code == "not_draft"
    assert refused.value.application.pk == draft.pk
    assert len(mail.outbox) == 1
    assert draft.events.filter(action=Action.SUBMITTED).count() == 1


@freeze_time("2022-03-10 10:00")
def test_submitted_application_can_no_longer_be_changed(call, founder, edition):
    draft = save_draft(None, call=call, applicant=founder, data=complete(edition))
    submit(draft, consented=True)
    with pytest.raises(ApplicationError) as refused:
        save_draft(draft, call=call, applicant=founder, data={"name": "Autre"})
    assert refused.value.code == "not_draft"
    assert Application.objects.get().name == "Dar Lma"


@freeze_time("2022-03-10 10:00")
def test_someone_else_cannot_change_a_draft(call, founder):
    draft = save_draft(None, call=call, applicant=founder, data={"name": "Dar Lma"})
    with pytest.raises(ApplicationError) as refused:
        save_draft(draft, call=call, applicant=UserFactory(), data={"name": "Volé"})
    assert refused.value.code == "not_yours"
    assert Application.objects.get().name == "Dar Lma"


@freeze_time("2022-03-10 10:00")
def test_pivot_of_another_edition_is_refused(call, founder):
    foreign = PivotFactory()
    with pytest.raises(ApplicationError) as refused:
        save_draft(None, call=call, applicant=founder, data={"name": "X", "pivot": foreign})
    assert refused.value.code == "pivot"


# Deadlines, under frozen time


@pytest.mark.parametrize(
    ("moment", "code"), [(OPENS - timedelta(minutes=1), "not_open"), (CLOSES, "closed")]
)
def test_nothing_is_created_outside_the_call_dates(call, founder, moment, code):
    with freeze_time(moment), pytest.raises(ApplicationError) as refused:
        save_draft(None, call=call, applicant=founder, data={"name": "Dar Lma"})
    assert refused.value.code == code
    assert not Application.objects.exists()


def test_not_open_message_says_when_it_opens(call, founder):
    with freeze_time("2022-02-01"), pytest.raises(ApplicationError) as refused:
        save_draft(None, call=call, applicant=founder, data={"name": "Dar Lma"})
    assert "2022" in refused.value.message and "mars" in refused.value.message


def test_a_draft_cannot_be_saved_or_submitted_after_the_call_closes(call, founder, edition):
    with freeze_time("2022-04-15 20:00"):
        draft = save_draft(None, call=call, applicant=founder, data=complete(edition))
    with freeze_time("2022-04-16 00:00"):
        with pytest.raises(ApplicationError) as saving:
            save_draft(draft, call=call, applicant=founder, data={"name": "Trop tard"})
        with pytest.raises(ApplicationError) as sending:
            submit(draft, consented=True)
    assert saving.value.code == sending.value.code == "closed"
    draft.refresh_from_db()
    assert (draft.status, draft.name) == (Status.DRAFT, "Dar Lma")


def test_submit_at_the_last_minute_is_accepted(call, founder, edition):
    with freeze_time(call.closes_at - timedelta(seconds=1)):
        draft = save_draft(None, call=call, applicant=founder, data=complete(edition))
        assert submit(draft, consented=True).status == Status.SUBMITTED


def test_withdraw_works_after_the_close_until_a_decision(call, founder, edition):
    with freeze_time("2022-04-01"):
        draft = save_draft(None, call=call, applicant=founder, data=complete(edition))
        submit(draft, consented=True)
    with freeze_time("2022-05-01"):
        withdrawn = withdraw(draft, by=founder)
    assert withdrawn.status == Status.WITHDRAWN
    event = withdrawn.events.get(action=Action.WITHDRAWN)
    assert event.actor == founder
    assert event.at == datetime(2022, 5, 1, tzinfo=UTC)


@pytest.mark.parametrize("status", [Status.SELECTED, Status.REJECTED, Status.WITHDRAWN])
def test_withdraw_is_refused_once_decided_or_withdrawn(status, founder):
    application = ApplicationFactory(applicant=founder, status=status)
    with pytest.raises(ApplicationError) as refused:
        withdraw(application, by=founder)
    assert refused.value.code == ("withdrawn" if status == Status.WITHDRAWN else "decided")
    application.refresh_from_db()
    assert application.status == status


@freeze_time("2022-03-10 10:00")
def test_after_withdrawing_the_applicant_may_start_again(call, founder):
    first = save_draft(None, call=call, applicant=founder, data={"name": "Dar Lma"})
    withdraw(first, by=founder)
    second = save_draft(None, call=call, applicant=founder, data={"name": "Dar Lma"})
    assert second.pk != first.pk
    assert second.slug == "dar-lma-2"  # the withdrawn one keeps its address


# Slugs


@pytest.mark.parametrize("word", ["Apply", "applications", "JURY", "Staff"])
def test_slug_is_never_a_word_of_the_url_map(call, word):
    assert free_slug(call, word) == f"{word.lower()}-2"


def test_arabic_name_gets_a_short_random_slug(call):
    slug = free_slug(call, "تعاونية الماء")
    assert len(slug) == 8 and slug.isascii() and slug.isalnum()
    assert free_slug(call, "تعاونية الماء") != slug


def test_slug_is_numbered_within_the_call_only(call, edition):
    ApplicationFactory(call=call, slug="dar-lma")
    ApplicationFactory(call=call, slug="dar-lma-2")
    ApplicationFactory(slug="dar-lma-3")  # another call
    assert free_slug(call, "Dar Lma") == "dar-lma-3"
    assert free_slug(call, "Dar  LMA!") == "dar-lma-3"


def test_very_long_name_gives_a_bounded_slug(call):
    slug = free_slug(call, "Coopérative " * 40)
    assert len(slug) <= 60 and not slug.endswith("-")


# Logos


@freeze_time("2022-03-10 10:00")
def test_logo_is_stored_and_replacing_it_deletes_the_old_file(
    call, founder, media, django_capture_on_commit_callbacks
):
    draft = save_draft(None, call=call, applicant=founder, data={"name": "A", "logo": webp()})
    first = draft.logo.name
    assert (media / first).exists()
    with django_capture_on_commit_callbacks(execute=True):
        draft = save_draft(draft, call=call, applicant=founder, data={"name": "A", "logo": webp()})
    assert draft.logo.name != first and (media / draft.logo.name).exists()
    assert not (media / first).exists()
    with django_capture_on_commit_callbacks(execute=True):
        draft = save_draft(draft, call=call, applicant=founder, data={"name": "A", "logo": False})
    assert not Application.objects.get().logo
    assert not any(media.rglob("*.webp"))


# Concurrency: the same form posted twice at once


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_first_drafts_make_one_application(edition):
    call = CallFactory(edition=edition)
    founder = UserFactory()

    def post():
        return save_draft(None, call=call, applicant=founder, data={"name": "Dar Lma"})

    results, errors = all_at_once([post] * 4)
    assert not errors, errors
    assert len({application.pk for application in results}) == 1
    assert Application.objects.filter(call=call).count() == 1
