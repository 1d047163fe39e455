"""Preparing the next edition from this one: `copy_edition`, its command, and what
it copies (the structure) and never copies (anybody's data)."""

from datetime import date, datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from dashboard.models import Mailing, Segment
from editions import copying
from editions.copying import Copier, EditionCopyError, copy_edition
from editions.models import Edition
from registration.tests.factories import PassTypeFactory

# Every model of the project, and whether preparing the next edition copies it. A
# new model fails the test below until it is put in one of the two lists.
COPIED = {
    "editions.Edition",
    "editions.Pivot",
    "editions.Space",
    "editions.Partner",
    "programme.Session",  # with --with-sessions only, as unscheduled drafts
    "programme.SessionSpeaker",  # with them: the same speakers in the drafts
    "registration.PassType",
    "startups.Call",
    "startups.Criterion",
    "matchmaking.Lounge",
    "matchmaking.LoungeSlot",
    "matchmaking.LoungeTable",
    "matchmaking.LoungeTable_closed_slots",
    "activities.PublicProgramme",
    "activities.Activity",
    "activities.ActivitySlot",
    "dashboard.Mailing",  # as drafts
}
NOT_COPIED = {
    # Not per edition: accounts, roles and the site's own records.
    "admin.LogEntry": "history of staff actions",
    "auth.Permission": "not per edition",
    "auth.Group": "roles, not per edition",
    "auth.Group_permissions": "roles, not per edition",
    "contenttypes.ContentType": "not per edition",
    "sessions.Session": "people's sign-in sessions",
    "core.RateLimitCounter": "people's requests",
    "core.PersonalDataAccess": "who read whose data",
    "core.OutboxEmail": "e-mails to people",
    "accounts.User": "accounts",
    "accounts.User_groups": "accounts",
    "accounts.User_user_permissions": "accounts",
    # Speakers are not per edition: copied sessions name the same ones, so no
    # speaker (nor their private e-mail) is duplicated.
    "programme.Speaker": "people, shared by every edition",
    "programme.Agenda": "visitors' starred sessions",
    "programme.Agenda_sessions": "visitors' starred sessions",
    "programme.ScheduleVersion": "the new edition's schedule is published anew",
    "registration.Registration": "people",
    "registration.Registration_pivots": "people's interests",
    "registration.Consent": "people's consents",
    "registration.RegistrationEvent": "people's history",
    "registration.CheckIn": "people at the door",
    "registration.Scan": "people at the door",
    "startups.Application": "applicants",
    "startups.ApplicationEvent": "applicants' history",
    "startups.Review": "jurors' reviews",
    "startups.Score": "jurors' reviews",
    "startups.Conflict": "jurors' declarations",
    "matchmaking.Profile": "participants",
    "matchmaking.Profile_pivots": "participants",
    "matchmaking.Profile_blocked_slots": "participants",
    "matchmaking.Challenge": "participants' challenges",
    "matchmaking.MeetingRequest": "requests",
    "matchmaking.SchedulerRun": "meetings of the edition",
    "matchmaking.Meeting": "meetings",
    "matchmaking.MeetingSide": "meetings",
    "activities.Booking": "visitors' bookings",
    "activities.EntryScan": "visitors at the entrance",
    "community.QuestionBoard": "made when a session's Q&A is first used",
    "community.Question": "people's questions",
    "community.QuestionVote": "votes",
    "community.Feedback": "people's feedback",
    "community.Idea": "people's ideas",
    "community.IdeaVote": "votes",
    "community.IdeaComment": "people's comments",
    "community.Report": "people's reports",
    "community.Poll": "run live in a session, with its votes",
    "community.PollOption": "votes",
    "community.PollBallot": "votes",
    "community.PollBallot_options": "votes",
    "dashboard.Dashboard": "no table",
    "dashboard.Delivery": "e-mail addresses",
    "dashboard.Unsubscribe": "e-mail addresses",
    "api.ApiToken": "a person's credentials",
}

# How each copied model's rows reach their edition, to count them per edition.
EDITION_PATH = {
    "editions.Edition": "pk",
    "programme.SessionSpeaker": "session__edition",
    "startups.Criterion": "call__edition",
    "matchmaking.LoungeSlot": "lounge__edition",
    "matchmaking.LoungeTable": "lounge__edition",
    "matchmaking.LoungeTable_closed_slots": "loungetable__lounge__edition",
    "activities.ActivitySlot": "activity__edition",
}


def every_model():
    return {model._meta.label: model for model in apps.get_models(include_auto_created=True)}


def rows_of(label, edition):
    model = apps.get_model(label)
    return model._default_manager.filter(**{EDITION_PATH.get(label, "edition"): edition})


def count_everything():
    tables = every_model().items()
    return {label: m._default_manager.count() for label, m in tables if m._meta.managed}


@pytest.fixture
def demo(demo_loaded, db):
    source = Edition.objects.get(slug="scc-2022")
    Mailing.objects.create(
        edition=source,
        segment=Segment.REGISTRATIONS,
        pass_type=source.pass_types.first(),
        pivot=source.pivots.first(),
        subject_fr="Merci d’être venus",
        body_fr="À l’an prochain.",
        status=Mailing.Status.QUEUED,
    )
    return source


def test_every_model_is_said_copied_or_not():
    labels = set(every_model())
    undecided = labels - COPIED - set(NOT_COPIED)
    assert not undecided, f"Say whether copy_edition copies {sorted(undecided)}"
    assert not COPIED & set(NOT_COPIED)
    assert COPIED <= labels and set(NOT_COPIED) <= labels, "a model listed here is gone"
    assert copying.copied_models() == COPIED


def test_copy_of_the_demo_has_every_copied_model_and_nobodys_data(demo):
    before = count_everything()

    new = copy_edition(demo, slug="scc-2027", start=date(2027, 5, 25), with_sessions=True)

    after = count_everything()
    for label in COPIED - {"editions.Edition"}:
        source_rows = rows_of(label, demo).count()
        assert source_rows, f"the demo has no {label}: the test would prove nothing"
        assert rows_of(label, new.edition).count() == source_rows, label
    for label in NOT_COPIED.keys() & after.keys():
        assert after[label] == before[label], f"{label} was copied"
    assert new.objects == sum(after.values()) - sum(before.values())


def test_new_edition_is_unpublished_not_current_and_shifted(demo):
    copy_edition(demo, slug="scc-2027", start="2027-05-25")

    new = Edition.objects.get(slug="scc-2027")
    assert (new.is_published, new.is_current) == (False, False)
    assert Edition.objects.get(is_current=True) == demo
    assert (new.starts_on, new.ends_on) == (date(2027, 5, 25), date(2027, 5, 26))
    assert new.name_fr == demo.name_fr.replace("2022", "2027")
    assert (new.theme_ar, new.venue) == (demo.theme_ar, demo.venue)


def test_name_given_is_the_french_name_the_others_fall_back_to_it(demo):
    new = copy_edition(demo, slug="scc-2027", start="2027-05-25", name="  SCC 2027 ").edition

    assert (new.name_fr, new.name_ar, new.name_en) == ("SCC 2027", "", "")


def test_passes_keep_their_settings_with_dates_moved_and_nothing_held(demo):
    new = copy_edition(demo, slug="scc-2027", start="2027-05-25").edition

    for old in demo.pass_types.all():
        copy = new.pass_types.get(slug=old.slug)
        assert copy.held == 0
        kept = ("capacity", "questions", "required_questions", "colour", "name_ar", "is_public")
        assert [getattr(copy, f) for f in kept] == [getattr(old, f) for f in kept]
        assert local(copy.opens_at) == local(old.opens_at) + (new.starts_on - demo.starts_on)
        assert local(copy.closes_at) == local(old.closes_at) + (new.starts_on - demo.starts_on)
        assert copy.invitation_token != old.invitation_token or not old.invitation_token
    assert any(p.held for p in demo.pass_types.all()), "the demo holds places: a real check"


def local(moment: datetime) -> datetime:
    return moment.astimezone(Edition.objects.get(slug="scc-2022").tz).replace(tzinfo=None)


def test_slots_are_made_again_on_the_new_days_with_nobody_in_them(demo):
    new = copy_edition(demo, slug="scc-2027", start="2027-05-25").edition
    gap = new.starts_on - demo.starts_on

    old_slots = rows_of("activities.ActivitySlot", demo).order_by("activity__slug", "starts_at")
    new_slots = rows_of("activities.ActivitySlot", new).order_by("activity__slug", "starts_at")
    assert [local(s.starts_at) + gap for s in old_slots] == [local(s.starts_at) for s in new_slots]
    assert [s.capacity for s in old_slots] == [s.capacity for s in new_slots]
    assert {(s.booked, s.waiting, s.walk_ins, s.admitted) for s in new_slots} == {(0, 0, 0, 0)}
    assert any(s.booked for s in old_slots)
    lounge_days = {local(s.starts_at).date() for s in new.lounge.slots.all()}
    assert lounge_days and lounge_days <= set(new.days)
    assert new.lounge.space.edition == new
    assert new.startup_call.village.edition == new
    assert new.startup_call.criteria.count() == demo.startup_call.criteria.count()


def test_sessions_become_unscheduled_drafts_with_the_same_speakers(demo):
    new = copy_edition(demo, slug="scc-2027", start="2027-05-25", with_sessions=True).edition

    drafts = new.sessions.all()
    assert drafts.count() == demo.sessions.count()
    assert not drafts.filter(is_published=True).exists()
    assert not drafts.filter(space__isnull=False).exists()
    assert not drafts.filter(pivot__isnull=False).exclude(pivot__edition=new).exists()
    old = demo.sessions.exclude(appearances=None).first()
    gap = new.starts_on - demo.starts_on
    draft = next(d for d in drafts if local(d.starts_at) == local(old.starts_at) + gap)
    assert draft.title_fr == old.title_fr
    assert list(draft.speakers.all()) == list(old.speakers.all())
    assert draft.guid != old.guid
    linked = new.activities.exclude(session=None)
    assert not linked.exclude(session__edition=new).exists()


def test_sessions_stay_behind_without_the_option(demo):
    new = copy_edition(demo, slug="scc-2027", start="2027-05-25").edition

    assert not new.sessions.exists()
    assert not new.activities.exclude(session=None).exists()


def test_mailings_come_back_as_drafts_for_the_new_audience(demo):
    new = copy_edition(demo, slug="scc-2027", start="2027-05-25").edition

    mailing = new.mailings.get()
    assert (mailing.status, mailing.queued_at, mailing.subject_fr) == (
        Mailing.Status.DRAFT,
        None,
        "Merci d’être venus",
    )
    assert mailing.pass_type.edition == new and mailing.pivot.edition == new


@pytest.mark.parametrize(
    ("slug", "start", "code"),
    [
        ("scc-2021", "2027-05-25", "slug_taken"),
        ("scc-2022", "2027-05-25", "onto_itself"),
        ("scc-2027", "25/05/2027", "not_a_date"),
        ("scc-2027", "2027-02-30", "not_a_date"),
        ("scc 2027!", "2027-05-25", "bad_slug"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_made(demo, slug, start, code):
    before = count_everything()

    with pytest.raises(EditionCopyError) as refused:
        copy_edition(demo, slug=slug, start=start)

    assert refused.value.code == code
    assert count_everything() == before


def test_refusals_read_in_the_visitors_language(demo):
    with pytest.raises(EditionCopyError) as refused:
        copy_edition(demo, slug="scc-2022", start="2027-05-25")

    assert "sur elle-même" in refused.value.message


def test_a_copier_failing_midway_leaves_nothing_copied(demo, monkeypatch):
    def breaks(copy):
        raise RuntimeError("a copier broke")

    broken = Copier(models=(), copy=breaks)
    monkeypatch.setattr(copying, "_copiers", [*copying.copiers(), broken])
    before = count_everything()

    with pytest.raises(RuntimeError):
        copy_edition(demo, slug="scc-2027", start="2027-05-25", with_sessions=True)

    assert count_everything() == before


def test_command_copies_and_says_what_it_made(demo):
    out = StringIO()

    call_command(
        "copy_edition",
        "scc-2022",
        "scc-2027",
        "--start",
        "2027-05-25",
        "--with-sessions",
        stdout=out,
    )

    assert "scc-2027" in out.getvalue() and "unpublished" in out.getvalue()
    assert Edition.objects.get(slug="scc-2027").sessions.exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["scc-2022", "scc-2021", "--start", "2027-05-25"], "scc-2021"),
        (["scc-2022", "scc-2022", "--start", "2027-05-25"], "elle-même"),
        (["scc-2022", "scc-2027", "--start", "demain"], "demain"),
        (["nowhere", "scc-2027", "--start", "2027-05-25"], "nowhere"),
    ],
)
def test_command_refuses_bad_input_clearly(demo, args, says):
    with pytest.raises(CommandError, match=says):
        call_command("copy_edition", *args, stdout=StringIO())

    assert not Edition.objects.filter(slug="scc-2027").exists()


@given(start=st.one_of(st.text(max_size=30), st.dates().map(date.isoformat)))
@hypothesis_settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_start_copies_or_is_refused_with_a_reason(db, start):
    source = PassTypeFactory().edition
    with transaction.atomic():
        try:
            new = copy_edition(source, slug="next", start=start).edition
        except EditionCopyError as refused:
            assert refused.code in {"not_a_date", "out_of_range"} and refused.message
        else:
            assert new.starts_on == date.fromisoformat(start.strip())
        transaction.set_rollback(True)
