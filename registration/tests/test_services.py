"""Every rule of registration/services.py: places, waiting list, approval,
cancellation, transfer, opening dates, idempotent submits, history and consent."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone, translation
from freezegun import freeze_time
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from accounts.models import User
from registration import checkin, services
from registration.consent import CONSENT_VERSION
from registration.models import Consent, PassType, Registration, RegistrationEvent
from registration.services import Attendee, RegistrationError

Status = Registration.Status
Action = RegistrationEvent.Action
CASABLANCA = ZoneInfo("Africa/Casablanca")
OPENS = datetime(2022, 3, 1, 9, 0, tzinfo=CASABLANCA)
CLOSES = datetime(2022, 5, 24, 23, 59, tzinfo=CASABLANCA)


def make_pass(edition, slug="pro", **fields) -> PassType:
    """A pass open since January 2022 and for a month from today, unless told otherwise
    (so tests under a frozen 2022 clock and tests on the real clock can both register)."""
    values = {
        "kind": PassType.Kind.PROFESSIONAL,
        "name_fr": "Professionnel",
        "capacity": 2,
        "opens_at": datetime(2022, 1, 1, tzinfo=CASABLANCA),
        "closes_at": timezone.now() + timedelta(days=30),
    }
    values.update(fields)
    return PassType.objects.create(edition=edition, slug=slug, **values)


def person(n: int = 1, **fields) -> Attendee:
    values = {
        "first_name": f"Prénom{n}",
        "last_name": f"Nom{n}",
        "email": f"person{n}@example.org",
        "language": "fr",
    }
    values.update(fields)
    return Attendee(**values)


def register(pass_type, n=1, **kwargs) -> Registration:
    registration, _created = services.register(pass_type, attendee=person(n), **kwargs)
    return registration


def statuses(pass_type) -> list[str]:
    ordered = pass_type.registrations.order_by("created_at", "id")
    return list(ordered.values_list("status", flat=True))


def held(pass_type) -> int:
    pass_type.refresh_from_db()
    return pass_type.held


@pytest.fixture
def organiser(db):
    return User.objects.create_user("organiser", "organiser@example.org")


@pytest.fixture
def pro(edition):
    return make_pass(edition, capacity=2)


@pytest.fixture
def press(edition):
    return make_pass(
        edition,
        slug="press",
        kind=PassType.Kind.PRESS,
        name_fr="Presse",
        capacity=1,
        needs_approval=True,
    )


# --- places ---------------------------------------------------------------------------


def test_register_confirms_while_places_last(pro):
    first, created = services.register(pro, attendee=person(1))
    second, _ = services.register(pro, attendee=person(2))

    assert created
    assert first.status == second.status == Status.CONFIRMED
    assert held(pro) == 2
    assert first.edition_id == pro.edition_id
    assert (first.first_name, first.email) == ("Prénom1", "person1@example.org")


def test_register_waitlists_when_full_with_waiting_list(pro):
    register(pro, 1)
    register(pro, 2)

    third = register(pro, 3)

    assert third.status == Status.WAITLISTED
    assert held(pro) == 2


def test_register_refuses_a_full_pass_without_waiting_list(edition):
    pass_type = make_pass(edition, capacity=1, has_waiting_list=False)
    register(pass_type, 1)

    with translation.override("en"), pytest.raises(RegistrationError) as refused:
        register(pass_type, 2)

    assert refused.value.code == "full"
    assert refused.value.message == "This pass is full."
    assert pass_type.registrations.count() == 1
    assert held(pass_type) == 1


def test_register_for_a_pass_needing_approval_is_pending_and_holds_a_place(press):
    registration = register(press, 1)
    late = register(press, 2)

    assert registration.status == Status.PENDING
    assert late.status == Status.WAITLISTED
    assert held(press) == 1


def test_register_copies_every_answer_and_the_pivots(edition, pro):
    pivots = list(edition.pivots.all())
    attendee = person(
        1,
        phone="+212 600 000 000",
        organisation="Commune de Casablanca",
        role="Ingénieure",
        sector="public",
        city="Casablanca",
        accessibility_needs="Fauteuil roulant",
        pivots=pivots,
        language="ar",
    )

    registration, _ = services.register(pro, attendee=attendee)

    registration.refresh_from_db()
    assert registration.organisation == "Commune de Casablanca"
    assert registration.accessibility_needs == "Fauteuil roulant"
    assert registration.language == "ar"
    assert set(registration.pivots.all()) == set(pivots)


# --- e-mails ----------------------------------------------------------------------------


def test_register_sends_one_email_after_commit(pro, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        registration = register(pro, 1)

    assert len(callbacks) == 1
    assert [message.to for message in mail.outbox] == [["person1@example.org"]]
    assert registration.secret in mail.outbox[0].body


def test_register_sends_nothing_before_commit(pro, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(pro, 1)

    assert len(callbacks) == 1
    assert mail.outbox == []


def test_refused_registration_sends_no_email(edition, django_capture_on_commit_callbacks):
    pass_type = make_pass(edition, capacity=0, has_waiting_list=False)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RegistrationError):
        register(pass_type, 1)

    assert mail.outbox == []


# --- approval ---------------------------------------------------------------------------


def test_approve_confirms_a_pending_registration(press, organiser):
    registration = register(press, 1)

    approved = services.approve(registration, by=organiser)

    assert approved.status == Status.CONFIRMED
    assert held(press) == 1
    event = approved.events.get(action=Action.APPROVED)
    assert event.actor == organiser


@pytest.mark.parametrize("status", [Status.CONFIRMED, Status.WAITLISTED, Status.CANCELLED])
def test_approve_refuses_a_registration_not_pending(press, organiser, status):
    registration = register(press, 1)
    Registration.objects.filter(pk=registration.pk).update(status=status)

    with pytest.raises(RegistrationError) as refused:
        services.approve(registration, by=organiser)

    assert refused.value.code == "not_pending"


def test_reject_frees_the_place_and_promotes_the_next_in_line(
    press, organiser, django_capture_on_commit_callbacks
):
    first = register(press, 1)
    second = register(press, 2)
    third = register(press, 3)

    with django_capture_on_commit_callbacks(execute=True):
        services.reject(first, by=organiser, reason="Pas de carte de presse")

    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert first.status == Status.REJECTED
    # Promoted on a pass needing approval: pending again, holding the place.
    assert second.status == Status.PENDING
    assert third.status == Status.WAITLISTED
    assert held(press) == 1
    assert first.events.get(action=Action.REJECTED).note == "Pas de carte de presse"
    assert {tuple(message.to) for message in mail.outbox} == {
        ("person1@example.org",),
        ("person2@example.org",),
    }


def test_reject_refuses_a_confirmed_registration(press, organiser):
    registration = services.approve(register(press, 1), by=organiser)

    with pytest.raises(RegistrationError) as refused:
        services.reject(registration, by=organiser)

    assert refused.value.code == "not_pending"
    assert held(press) == 1


# --- cancellation and the waiting list -----------------------------------------------------


def test_cancel_frees_the_place_and_promotes_the_oldest_waiting(
    pro, django_capture_on_commit_callbacks
):
    confirmed = [register(pro, 1), register(pro, 2)]
    oldest, younger = register(pro, 3), register(pro, 4)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(confirmed[0])

    oldest.refresh_from_db()
    younger.refresh_from_db()
    assert oldest.status == Status.CONFIRMED
    assert younger.status == Status.WAITLISTED
    assert held(pro) == 2
    assert oldest.events.filter(action=Action.PROMOTED).count() == 1
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["person1@example.org", "person3@example.org"]
    promoted_mail = next(m for m in mail.outbox if m.to == ["person3@example.org"])
    assert oldest.secret in promoted_mail.body


def test_cancel_promotes_by_arrival_even_when_ids_disagree(pro):
    register(pro, 1)
    register(pro, 2)
    later = register(pro, 3)
    earlier = register(pro, 4)
    Registration.objects.filter(pk=earlier.pk).update(created_at=later.created_at - timedelta(1))

    services.cancel(pro.registrations.filter(status=Status.CONFIRMED).first())

    assert Registration.objects.get(pk=earlier.pk).status == Status.CONFIRMED
    assert Registration.objects.get(pk=later.pk).status == Status.WAITLISTED


def test_cancel_a_waitlisted_registration_leaves_the_places_alone(pro):
    register(pro, 1)
    register(pro, 2)
    waiting = register(pro, 3)

    services.cancel(waiting)

    assert statuses(pro) == [Status.CONFIRMED, Status.CONFIRMED, Status.CANCELLED]
    assert held(pro) == 2


def test_cancel_with_nobody_waiting_just_frees_the_place(pro):
    registration = register(pro, 1)

    services.cancel(registration)

    assert held(pro) == 0
    assert register(pro, 2).status == Status.CONFIRMED


def test_cancel_a_pending_registration_frees_its_place(press):
    pending = register(press, 1)
    waiting = register(press, 2)

    services.cancel(pending)

    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING
    assert held(press) == 1


@pytest.mark.parametrize("status", [Status.CANCELLED, Status.REJECTED])
def test_cancel_twice_is_refused(pro, status):
    registration = register(pro, 1)
    services.cancel(registration)
    Registration.objects.filter(pk=registration.pk).update(status=status)

    with pytest.raises(RegistrationError) as refused:
        services.cancel(registration)

    assert refused.value.code == "not_active"
    assert held(pro) == 0


def test_cancel_of_a_checked_in_ticket_is_refused(pro):
    registration = register(pro, 1)
    result = checkin.check_in(registration.secret, edition=pro.edition, gate="1", nonce="scan-1")
    assert result.admitted

    with pytest.raises(RegistrationError) as refused:
        services.cancel(registration)

    assert refused.value.code == "admitted"
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert held(pro) == 1


def test_promote_waiting_fills_places_added_by_the_organiser(pro, organiser):
    for n in range(1, 6):
        register(pro, n)
    PassType.objects.filter(pk=pro.pk).update(capacity=4)

    promoted = services.promote_waiting(pro, by=organiser)

    assert [r.email for r in promoted] == ["person3@example.org", "person4@example.org"]
    assert statuses(pro) == [Status.CONFIRMED] * 4 + [Status.WAITLISTED]
    assert held(pro) == 4
    assert promoted[0].events.get(action=Action.PROMOTED).actor == organiser


# --- transfer --------------------------------------------------------------------------


def test_transfer_gives_a_new_secret_and_kills_the_old_one(pro, django_capture_on_commit_callbacks):
    registration = register(pro, 1)
    old_secret = registration.secret
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.transfer(
            registration,
            first_name="Yasmine",
            last_name="Alaoui",
            email="yasmine@example.org",
            language="ar",
        )

    registration.refresh_from_db()
    assert registration.secret != old_secret
    assert len(registration.secret) >= 43
    assert not Registration.objects.filter(secret=old_secret).exists()
    door = checkin.check_in(old_secret, edition=pro.edition, gate="1", nonce="old-link")
    assert door.code == checkin.Result.UNKNOWN
    assert (registration.full_name, registration.email) == ("Yasmine Alaoui", "yasmine@example.org")
    assert registration.language == "ar"
    assert registration.status == Status.CONFIRMED
    assert held(pro) == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["person1@example.org", "yasmine@example.org"]
    old_holder_mail = next(m for m in mail.outbox if m.to == ["person1@example.org"])
    assert old_secret not in old_holder_mail.body
    assert registration.secret not in old_holder_mail.body
    event = registration.events.get(action=Action.TRANSFERRED)
    assert event.note == "person1@example.org → yasmine@example.org"


def test_transfer_refused_when_the_pass_forbids_it(edition):
    pass_type = make_pass(edition, allows_transfer=False)
    registration = register(pass_type, 1)

    with pytest.raises(RegistrationError) as refused:
        services.transfer(
            registration, first_name="A", last_name="B", email="b@example.org", language="fr"
        )

    assert refused.value.code == "no_transfer"
    assert Registration.objects.get(pk=registration.pk).secret == registration.secret


@pytest.mark.parametrize("status", [Status.WAITLISTED, Status.CANCELLED, Status.REJECTED])
def test_transfer_refused_without_a_valid_ticket(pro, status):
    registration = register(pro, 1)
    Registration.objects.filter(pk=registration.pk).update(status=status)

    with pytest.raises(RegistrationError) as refused:
        services.transfer(
            registration, first_name="A", last_name="B", email="b@example.org", language="fr"
        )

    assert refused.value.code == "not_active"


def test_transfer_refused_once_admitted(pro):
    registration = register(pro, 1)
    checkin.check_in(registration.secret, edition=pro.edition, gate="1", nonce="scan-1")

    with pytest.raises(RegistrationError) as refused:
        services.transfer(
            registration, first_name="A", last_name="B", email="b@example.org", language="fr"
        )

    assert refused.value.code == "admitted"


# --- opening dates -----------------------------------------------------------------------


@pytest.fixture
def pass_2022(edition):
    return make_pass(edition, slug="pro-2022", capacity=10, opens_at=OPENS, closes_at=CLOSES)


@pytest.mark.parametrize(
    "moment",
    [OPENS - timedelta(seconds=1), datetime(2022, 1, 15, 12, 0, tzinfo=CASABLANCA)],
)
def test_register_before_opening_is_refused_with_the_date(pass_2022, moment):
    with freeze_time(moment), pytest.raises(RegistrationError) as refused:
        register(pass_2022, 1)

    assert refused.value.code == "not_open"
    assert "2022" in refused.value.message
    assert not pass_2022.registrations.exists()
    assert held(pass_2022) == 0


@pytest.mark.parametrize("moment", [CLOSES, CLOSES + timedelta(days=1)])
def test_register_after_closing_is_refused(pass_2022, moment):
    with freeze_time(moment), translation.override("en"):
        with pytest.raises(RegistrationError) as refused:
            register(pass_2022, 1)

    assert refused.value.code == "closed"
    assert refused.value.message == "Registration for this pass is closed."
    assert held(pass_2022) == 0


@pytest.mark.parametrize("moment", [OPENS, CLOSES - timedelta(seconds=1)])
def test_register_while_open_is_accepted(pass_2022, moment):
    with freeze_time(moment):
        registration = register(pass_2022, 1)

    assert registration.status == Status.CONFIRMED
    assert registration.created_at == moment


def test_register_takes_the_moment_from_now_argument(pass_2022):
    registration = register(pass_2022, 1, now=OPENS + timedelta(days=1))

    assert registration.status == Status.CONFIRMED
    with pytest.raises(RegistrationError):
        register(pass_2022, 2, now=CLOSES)


def test_staff_register_outside_the_dates_with_actor_and_note(pass_2022, organiser):
    with freeze_time(CLOSES + timedelta(days=1)):
        registration, created = services.register(
            pass_2022,
            attendee=person(1),
            by=organiser,
            note="Inscrit au comptoir",
            any_date=True,
        )

    assert created and registration.status == Status.CONFIRMED
    event = registration.events.get(action=Action.REGISTERED)
    assert event.actor == organiser
    assert event.note == "confirmed; Inscrit au comptoir"
    assert held(pass_2022) == 1


def test_staff_register_never_beyond_capacity(edition, organiser):
    pass_type = make_pass(edition, capacity=1, has_waiting_list=False)
    register(pass_type, 1)

    with pytest.raises(RegistrationError) as refused:
        services.register(pass_type, attendee=person(2), by=organiser, any_date=True)

    assert refused.value.code == "full"
    assert held(pass_type) == 1


# --- double submits ---------------------------------------------------------------------


def test_double_submit_gives_one_registration_and_one_email(
    pro, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, created_first = services.register(pro, attendee=person(1), submission_key="k" * 43)
        again, created_again = services.register(pro, attendee=person(1), submission_key="k" * 43)

    assert (created_first, created_again) == (True, False)
    assert again.pk == first.pk
    assert pro.registrations.count() == 1
    assert held(pro) == 1
    assert len(mail.outbox) == 1


def test_double_submit_is_recognised_even_after_the_pass_closed(pro):
    first = register(pro, 1, submission_key="key-1")

    again, created = services.register(
        pro, attendee=person(1), submission_key="key-1", now=pro.closes_at + timedelta(days=1)
    )

    assert (again.pk, created) == (first.pk, False)


def test_double_submit_racing_past_the_first_lookup_finds_the_winner(pro, monkeypatch):
    """The insert of the second submit hits the unique key: the service then returns
    the first registration and gives its place back (its transaction rolls back)."""
    first = register(pro, 1, submission_key="race")
    real_filter = Registration.objects.filter
    calls = []

    def blind_first_lookup(*args, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:  # the early lookup misses, as if both arrived together
            return real_filter(pk=-1)
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(Registration.objects, "filter", blind_first_lookup)
    again, created = services.register(pro, attendee=person(1), submission_key="race")
    monkeypatch.undo()

    assert (again.pk, created) == (first.pk, False)
    assert pro.registrations.count() == 1
    assert held(pro) == 1


def test_a_key_replayed_on_another_pass_or_address_is_a_fresh_registration(edition, pro):
    student = make_pass(edition, slug="etudiant", capacity=5)
    first = register(pro, 1, submission_key="k" * 32)

    elsewhere = [
        register(student, 2, submission_key="k" * 32),
        register(pro, 2, submission_key="k" * 32),
        register(student, 1, submission_key="k" * 32),
    ]

    assert len({first.pk, *(registration.pk for registration in elsewhere)}) == 4
    assert held(pro) == 2


def test_different_submission_keys_make_different_registrations(pro):
    register(pro, 1, submission_key="one")
    register(pro, 1, submission_key="two")

    assert pro.registrations.count() == 2


# --- history and consent ---------------------------------------------------------------------


def test_every_change_is_recorded_with_actor_and_time(press, organiser):
    with freeze_time("2022-04-01 10:00:00+00:00"):
        registration = register(press, 1)
    with freeze_time("2022-04-02 11:00:00+00:00"):
        services.approve(registration, by=organiser)
    with freeze_time("2022-04-03 12:00:00+00:00"):
        services.transfer(
            registration,
            first_name="Omar",
            last_name="Idrissi",
            email="omar@example.org",
            language="fr",
            by=organiser,
        )
    with freeze_time("2022-04-04 13:00:00+00:00"):
        services.cancel(registration)

    history = list(registration.events.values_list("action", "actor", "at"))
    utc = ZoneInfo("UTC")
    assert history == [
        (Action.REGISTERED, None, datetime(2022, 4, 1, 10, tzinfo=utc)),
        (Action.APPROVED, organiser.pk, datetime(2022, 4, 2, 11, tzinfo=utc)),
        (Action.TRANSFERRED, organiser.pk, datetime(2022, 4, 3, 12, tzinfo=utc)),
        (Action.CANCELLED, None, datetime(2022, 4, 4, 13, tzinfo=utc)),
    ]
    assert registration.events.first().note == Status.PENDING


def test_cancel_by_staff_records_who(pro, organiser):
    registration = register(pro, 1)

    services.cancel(registration, by=organiser)

    assert registration.events.get(action=Action.CANCELLED).actor == organiser


def test_consent_recorded_with_text_version_language_and_time(pro):
    with freeze_time("2022-03-10 08:30:00+00:00"):
        registration, _ = services.register(pro, attendee=person(1, language="ar"))

    consent = registration.consents.get()
    assert consent.purpose == Consent.Purpose.REGISTRATION
    assert consent.text_version == CONSENT_VERSION
    assert consent.language == "ar"
    assert consent.given_at == datetime(2022, 3, 10, 8, 30, tzinfo=ZoneInfo("UTC"))


def test_refused_registration_records_no_consent_and_no_history(edition):
    pass_type = make_pass(edition, capacity=0, has_waiting_list=False)

    with pytest.raises(RegistrationError):
        register(pass_type, 1)

    assert not Consent.objects.exists()
    assert not RegistrationEvent.objects.exists()


# --- the invariant: held == pending + confirmed <= capacity, whatever happens ------------------


class PlacesMachine(RuleBasedStateMachine):
    """Random sequences of register / cancel / approve / reject on one pass, checked
    against a plain model of the rules after every step."""

    def __init__(self):
        super().__init__()
        self.edition = PlacesMachine.edition
        self.people = 0
        self.model = {}  # registration pk -> expected status, in arrival order

    @initialize(
        capacity=st.integers(min_value=0, max_value=4),
        needs_approval=st.booleans(),
        has_waiting_list=st.booleans(),
    )
    def open_pass(self, capacity, needs_approval, has_waiting_list):
        PlacesMachine.passes += 1
        self.pass_type = make_pass(
            self.edition,
            slug=f"machine-{PlacesMachine.passes}",
            capacity=capacity,
            needs_approval=needs_approval,
            has_waiting_list=has_waiting_list,
        )
        self.capacity = capacity

    # The model of the rules ---------------------------------------------------------

    @property
    def model_held(self) -> int:
        return sum(status in Registration.HOLDING_STATUSES for status in self.model.values())

    @property
    def admitted_status(self) -> str:
        return Status.PENDING if self.pass_type.needs_approval else Status.CONFIRMED

    def model_promote(self):
        for pk, status in self.model.items():
            if self.model_held >= self.capacity:
                return
            if status == Status.WAITLISTED:
                self.model[pk] = self.admitted_status

    def pick(self, data, wanted=None):
        candidates = [pk for pk, status in self.model.items() if wanted is None or status in wanted]
        return Registration.objects.get(pk=data.draw(st.sampled_from(candidates)))

    # The operations -----------------------------------------------------------------

    @rule()
    def register(self):
        self.people += 1
        if self.model_held < self.capacity:
            expected = self.admitted_status
        elif self.pass_type.has_waiting_list:
            expected = Status.WAITLISTED
        else:
            with pytest.raises(RegistrationError) as refused:
                register(self.pass_type, self.people)
            assert refused.value.code == "full"
            return
        registration = register(self.pass_type, self.people)
        assert registration.status == expected
        self.model[registration.pk] = expected

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def cancel(self, data):
        registration = self.pick(data)
        if self.model[registration.pk] in (Status.CANCELLED, Status.REJECTED):
            with pytest.raises(RegistrationError):
                services.cancel(registration)
            return
        services.cancel(registration)
        self.model[registration.pk] = Status.CANCELLED
        self.model_promote()

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def approve(self, data):
        registration = self.pick(data)
        if self.model[registration.pk] != Status.PENDING:
            with pytest.raises(RegistrationError):
                services.approve(registration, by=None)
            return
        services.approve(registration, by=None)
        self.model[registration.pk] = Status.CONFIRMED

    @precondition(lambda self: Status.PENDING in self.model.values())
    @rule(data=st.data())
    def reject(self, data):
        registration = self.pick(data, wanted={Status.PENDING})
        services.reject(registration, by=None)
        self.model[registration.pk] = Status.REJECTED
        self.model_promote()

    # What must always hold ---------------------------------------------------------------

    @invariant()
    def held_counts_exactly_the_places_taken(self):
        if not hasattr(self, "pass_type"):
            return
        holding = self.pass_type.registrations.holding_a_place().count()
        assert held(self.pass_type) == holding == self.model_held
        assert holding <= self.capacity

    @invariant()
    def nobody_waits_while_a_place_is_free(self):
        if hasattr(self, "pass_type") and self.pass_type.registrations.waiting().exists():
            assert held(self.pass_type) == self.capacity

    @invariant()
    def every_status_is_the_one_the_rules_give(self):
        if hasattr(self, "pass_type"):
            actual = dict(self.pass_type.registrations.values_list("pk", "status"))
            assert actual == self.model


def test_held_always_equals_pending_plus_confirmed_and_never_exceeds_capacity(edition):
    PlacesMachine.edition = edition
    PlacesMachine.passes = 0
    run_state_machine_as_test(
        PlacesMachine,
        settings=settings(
            max_examples=60,
            stateful_step_count=25,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
