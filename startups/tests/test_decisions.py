"""Staff decisions: select, reject, reopen, booths; the history; e-mails in the
applicant's language, sent only once the decision has committed."""

import pytest
from django.core import mail

from startups import decisions
from startups.decisions import DecisionError
from startups.models import Application, ApplicationEvent
from startups.tests.factories import ApplicationFactory, CallFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]
Status = Application.Status
Action = ApplicationEvent.Action


@pytest.fixture
def organiser():
    return UserFactory(username="organiser@example.ma", first_name="Nadia", is_staff=True)


@pytest.fixture
def call():
    return CallFactory()


def events(application) -> list[tuple[str, int | None, str]]:
    return list(application.events.values_list("action", "actor", "note"))


# Select and reject


@pytest.mark.parametrize(
    ("service", "status"),
    [(decisions.select, Status.SELECTED), (decisions.reject, Status.REJECTED)],
)
def test_a_decision_is_recorded_with_who_and_when(
    call, organiser, service, status, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(call=call)

    with django_capture_on_commit_callbacks(execute=True):
        service(application, by=organiser, message="Bravo pour le dossier.")

    application.refresh_from_db()
    assert application.status == status
    assert application.decided_at is not None
    assert application.decision_message == "Bravo pour le dossier."
    assert events(application) == [(status, organiser.pk, "Bravo pour le dossier.")]
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("service", [decisions.select, decisions.reject])
@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.WITHDRAWN, Status.SELECTED, Status.REJECTED]
)
def test_decisions_only_on_submitted_applications(call, organiser, service, status):
    application = ApplicationFactory(call=call, status=status)

    with pytest.raises(DecisionError) as refused:
        service(application, by=organiser, message="")

    assert refused.value.code == "not_submitted"
    application.refresh_from_db()
    assert application.status == status
    assert not application.events.exists()
    assert mail.outbox == []


def test_no_email_leaves_before_the_decision_commits(
    call, organiser, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(call=call)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        decisions.select(application, by=organiser, message="")

    assert mail.outbox == []
    assert len(callbacks) == 1


def test_a_long_message_is_kept_whole_and_shortened_in_the_history(call, organiser):
    application = ApplicationFactory(call=call)
    message = "Très bien. " * 150

    decisions.reject(application, by=organiser, message=message)

    application.refresh_from_db()
    assert application.decision_message == message
    note = application.events.get().note
    assert len(note) == 300 and note.endswith("…")


# The e-mails


def sent_one():
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def test_selection_email_in_arabic_for_an_arabic_applicant(
    call, organiser, django_capture_on_commit_callbacks
):
    applicant = UserFactory(email="salma@example.ma", first_name="سلمى")
    application = ApplicationFactory(
        call=call, applicant=applicant, language="ar", name="ماء نظيف", contact_name="سلمى بناني"
    )

    with django_capture_on_commit_callbacks(execute=True):
        decisions.select(application, by=organiser, message="مبروك، نراكم في القرية.")

    message = sent_one()
    html = message.alternatives[0][0]
    assert message.to == ["salma@example.ma"]
    assert message.extra_headers["Content-Language"] == "ar"
    assert 'lang="ar" dir="rtl"' in html
    assert "مرحبًا سلمى بناني" in message.body  # the Arabic greeting
    assert call.title_ar in message.subject  # the call's Arabic title
    assert call.edition.name_ar in message.body
    assert "مبروك، نراكم في القرية." in message.body
    assert f"/ar/startups/applications/{application.pk}/" in message.body


@pytest.mark.parametrize(("language", "prefix"), [("fr", "/fr/"), ("en", "/en/")])
def test_rejection_email_follows_the_application_language(
    call, organiser, language, prefix, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(call=call, language=language, name="Solaire")

    with django_capture_on_commit_callbacks(execute=True):
        decisions.reject(application, by=organiser, message="")

    message = sent_one()
    assert message.extra_headers["Content-Language"] == language
    assert f"{prefix}startups/applications/{application.pk}/" in message.body
    assert "Solaire" in message.body
    if language == "en":
        assert "has not been selected" in message.body


def test_hostile_message_is_escaped_in_the_html_email(
    call, organiser, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(call=call)

    with django_capture_on_commit_callbacks(execute=True):
        decisions.select(application, by=organiser, message="<script>alert(1)</script>")

    html = sent_one().alternatives[0][0]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_a_mail_server_failure_does_not_undo_the_decision(
    call, organiser, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    application = ApplicationFactory(call=call)

    with django_capture_on_commit_callbacks(execute=True):
        decisions.select(application, by=organiser, message="")

    application.refresh_from_db()
    assert application.status == Status.SELECTED


# Reopening a decision made by mistake


def test_reopen_takes_back_the_decision_and_frees_the_booth(call, organiser):
    application = ApplicationFactory(call=call)
    decisions.select(application, by=organiser, message="Oups")
    decisions.assign_booth(application, booth="A3", by=organiser)

    decisions.reopen(application, by=organiser)

    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert (application.booth, application.decided_at, application.decision_message) == (
        "",
        None,
        "",
    )
    last = application.events.last()
    assert last.action == Action.DECISION_REOPENED and last.actor == organiser
    assert "A3" in last.note
    # …and the decision can be made again.
    decisions.reject(application, by=organiser, message="")
    application.refresh_from_db()
    assert application.status == Status.REJECTED


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.WITHDRAWN])
def test_reopen_needs_a_decision(call, organiser, status):
    application = ApplicationFactory(call=call, status=status)

    with pytest.raises(DecisionError) as refused:
        decisions.reopen(application, by=organiser)

    assert refused.value.code == "not_decided"


# Booths


def selected(call, **fields) -> Application:
    return ApplicationFactory(call=call, status=Status.SELECTED, **fields)


def test_assign_booth_records_it(call, organiser):
    application = selected(call)

    decisions.assign_booth(application, booth="  B 12 ", by=organiser)

    application.refresh_from_db()
    assert application.booth == "B 12"
    assert events(application) == [(Action.BOOTH, organiser.pk, "B 12")]


def test_a_booth_goes_to_one_startup_per_call(call, organiser):
    first = selected(call, name="Premier")
    second = selected(call, name="Second")
    decisions.assign_booth(first, booth="A1", by=organiser)

    with pytest.raises(DecisionError) as refused:
        decisions.assign_booth(second, booth="a1", by=organiser)

    assert refused.value.code == "booth_taken"
    assert "Premier" in refused.value.message and "A1" in refused.value.message
    second.refresh_from_db()
    assert second.booth == ""
    # Another call has its own booths.
    decisions.assign_booth(selected(CallFactory()), booth="A1", by=organiser)


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.REJECTED, Status.DRAFT])
def test_only_selected_startups_get_a_booth(call, organiser, status):
    application = ApplicationFactory(call=call, status=status)

    with pytest.raises(DecisionError) as refused:
        decisions.assign_booth(application, booth="A1", by=organiser)

    assert refused.value.code == "not_selected"


def test_a_booth_label_too_long_is_refused(call, organiser):
    with pytest.raises(DecisionError) as refused:
        decisions.assign_booth(selected(call), booth="X" * 21, by=organiser)

    assert refused.value.code == "booth_too_long"


def test_clearing_a_booth_frees_it(call, organiser):
    first, second = selected(call), selected(call)
    decisions.assign_booth(first, booth="C1", by=organiser)

    decisions.assign_booth(first, booth="", by=organiser)
    decisions.assign_booth(second, booth="C1", by=organiser)

    first.refresh_from_db()
    assert first.booth == ""
    assert first.events.last().note == "booth cleared"


def test_many_booths_at_once_even_swapped(call, organiser):
    a, b, c = selected(call, name="A"), selected(call, name="B"), selected(call, name="C")
    decisions.assign_booths(call, booths={a.pk: "1", b.pk: "2"}, by=organiser)

    changed = decisions.assign_booths(call, booths={a.pk: "2", b.pk: "1", c.pk: "3"}, by=organiser)

    assert {x.pk for x in changed} == {a.pk, b.pk, c.pk}
    booths = dict(Application.objects.values_list("name", "booth"))
    assert booths == {"A": "2", "B": "1", "C": "3"}
    assert ApplicationEvent.objects.filter(action=Action.BOOTH).count() == 5


def test_many_booths_all_or_nothing(call, organiser):
    a, b, c = selected(call, name="A"), selected(call, name="B"), selected(call, name="C")
    decisions.assign_booth(c, booth="9", by=organiser)

    with pytest.raises(DecisionError) as refused:
        decisions.assign_booths(call, booths={a.pk: "1", b.pk: "9"}, by=organiser)

    assert "C" in refused.value.message and "B" in refused.value.message
    assert dict(Application.objects.values_list("name", "booth")) == {"A": "", "B": "", "C": "9"}


def test_many_booths_refuse_an_application_of_another_call(call, organiser):
    elsewhere = selected(CallFactory())

    with pytest.raises(DecisionError):
        decisions.assign_booths(call, booths={elsewhere.pk: "1"}, by=organiser)
