"""Meeting request rules: who may ask whom, one request per pair (mutual when both
ask), caps on requests and meetings, answers by the right side only, expiry
under frozen time, and the e-mails each step sends, in each person's language."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from freezegun import freeze_time

from matchmaking import requests as services
from matchmaking.models import MeetingRequest, Profile
from matchmaking.requests import RequestError, expire_requests, send_request, shown_status
from matchmaking.tests.factories import (
    ChallengeFactory,
    LoungeFactory,
    MeetingRequestFactory,
    ProfileFactory,
)

pytestmark = pytest.mark.usefixtures("in_english")

Kind = Profile.Kind
Status = MeetingRequest.Status
Priority = MeetingRequest.Priority
CASABLANCA = ZoneInfo("Africa/Casablanca")
NOW = datetime(2022, 5, 10, 9, 0, tzinfo=CASABLANCA)


@pytest.fixture
def lounge(edition):
    return LoungeFactory(edition=edition, requests_open_until=NOW + timedelta(days=14))


@pytest.fixture
def startup(lounge):
    return ProfileFactory(
        lounge=lounge, kind=Kind.STARTUP, organisation="Ma3a", display_name="Amina", language="ar"
    )


@pytest.fixture
def corporate(lounge):
    return ProfileFactory(lounge=lounge, organisation="Lydec", display_name="Karim", language="en")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the e-mails queued for after the commit, as a real request would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def refusal(action, *args, **kwargs) -> RequestError:
    with pytest.raises(RequestError) as refused:
        action(*args, **kwargs)
    return refused.value


# Sending


def test_a_request_is_pending_until_the_lounges_answering_delay(
    lounge, startup, corporate, committed
):
    request = committed(
        send_request, startup, target=corporate, message="Bonjour", priority=Priority.MUST, now=NOW
    )
    assert (request.requester, request.target, request.status) == (
        startup,
        corporate,
        Status.PENDING,
    )
    assert request.requester_priority == Priority.MUST
    assert request.expires_at == NOW + timedelta(days=lounge.request_days)
    assert not request.is_mutual
    (email,) = mail.outbox
    assert email.to == [corporate.user.email]
    assert email.extra_headers["Content-Language"] == "en"
    assert "Amina (Ma3a) would like to meet you" in email.body
    assert "Bonjour" in email.body
    assert "/en/matchmaking/requests/" in email.body


def test_nobody_asks_themselves(startup):
    assert refusal(send_request, startup, target=startup, now=NOW).code == "self"


def test_nobody_asks_someone_not_taking_part(startup, corporate):
    corporate.is_active = False
    corporate.save()
    assert refusal(send_request, startup, target=corporate, now=NOW).code == "inactive"
    startup.is_active = False
    startup.save()
    assert refusal(send_request, startup, target=corporate, now=NOW).code == "inactive_self"
    assert not MeetingRequest.objects.exists()


def test_nobody_asks_someone_of_another_lounge(startup):
    stranger = ProfileFactory(lounge=LoungeFactory())
    assert refusal(send_request, startup, target=stranger, now=NOW).code == "other_lounge"


def test_requests_stop_when_the_lounge_stops_taking_them(lounge, startup, corporate):
    later = lounge.requests_open_until
    assert refusal(send_request, startup, target=corporate, now=later).code == "closed"
    assert send_request(startup, target=corporate, now=later - timedelta(seconds=1))


def test_without_a_closing_date_requests_stop_after_the_editions_last_day(
    lounge, startup, corporate
):
    lounge.requests_open_until = None
    lounge.save()
    last_evening = datetime(2022, 5, 26, 23, 59, tzinfo=CASABLANCA)
    assert send_request(startup, target=corporate, now=last_evening)
    other = ProfileFactory(lounge=lounge)
    next_day = datetime(2022, 5, 27, 0, 0, tzinfo=CASABLANCA)
    assert refusal(send_request, startup, target=other, now=next_day).code == "closed"


def test_a_request_may_answer_one_of_their_published_challenges(startup, corporate):
    theirs = ChallengeFactory(profile=corporate)
    hidden = ChallengeFactory(profile=corporate, is_published=False)
    elsewhere = ChallengeFactory(profile=ProfileFactory(lounge=corporate.lounge))
    for challenge in (hidden, elsewhere):
        assert refusal(
            send_request, startup, target=corporate, challenge=challenge, now=NOW
        ).code == ("challenge")
    request = send_request(startup, target=corporate, challenge=theirs, now=NOW)
    assert request.challenge == theirs


# One request per pair


def test_a_second_request_to_the_same_person_is_refused(startup, corporate):
    send_request(startup, target=corporate, now=NOW)
    refused = refusal(send_request, startup, target=corporate, now=NOW + timedelta(hours=1))
    assert refused.code == "pending"
    assert "They have until" in refused.message
    assert MeetingRequest.objects.count() == 1


def test_asking_someone_who_asked_you_accepts_theirs_as_mutual(startup, corporate, committed):
    theirs = send_request(corporate, target=startup, priority=Priority.NICE, now=NOW)
    mail.outbox.clear()
    mine = committed(
        send_request, startup, target=corporate, message="Avec plaisir", priority=Priority.MUST,
        now=NOW + timedelta(hours=2),
    )  # fmt: skip
    assert mine.pk == theirs.pk
    assert MeetingRequest.objects.count() == 1
    mine.refresh_from_db()
    assert mine.status == Status.ACCEPTED and mine.is_mutual
    assert (mine.requester, mine.requester_priority) == (corporate, Priority.NICE)
    assert mine.target_priority == Priority.MUST
    assert mine.answer == "Avec plaisir"
    assert mine.answered_at == NOW + timedelta(hours=2)
    assert mine.weight == Priority.NICE + Priority.MUST + 2
    (email,) = mail.outbox
    assert email.to == [corporate.user.email]
    assert "also asked to meet you" in email.body


def test_once_accepted_neither_side_asks_again(startup, corporate):
    request = send_request(startup, target=corporate, now=NOW)
    services.accept_request(request, by=corporate, now=NOW)
    assert refusal(send_request, startup, target=corporate, now=NOW).code == "accepted"
    assert refusal(send_request, corporate, target=startup, now=NOW).code == "accepted"


def test_a_declined_requester_cannot_ask_again_but_the_decliner_may(startup, corporate):
    request = send_request(startup, target=corporate, now=NOW)
    services.decline_request(request, by=corporate, now=NOW)
    assert refusal(send_request, startup, target=corporate, now=NOW).code == "declined"
    again = send_request(corporate, target=startup, now=NOW + timedelta(days=1))
    assert (again.pk, again.requester, again.status) == (request.pk, corporate, Status.PENDING)


def test_an_expired_or_withdrawn_request_can_be_sent_anew(startup, corporate):
    request = send_request(startup, target=corporate, message="Premier", now=NOW)
    later = request.expires_at + timedelta(minutes=1)
    again = send_request(startup, target=corporate, message="Second", now=later)
    assert again.pk == request.pk
    assert (again.status, again.message, again.created_at) == (Status.PENDING, "Second", later)
    assert again.expires_at == later + timedelta(days=5)
    services.withdraw_request(again, by=startup, now=later)
    third = send_request(corporate, target=startup, now=later)
    assert (third.requester, third.target, third.status) == (corporate, startup, Status.PENDING)
    assert MeetingRequest.objects.count() == 1


def test_their_expired_request_is_not_accepted_by_asking_back(startup, corporate):
    theirs = send_request(corporate, target=startup, now=NOW)
    mine = send_request(startup, target=corporate, now=theirs.expires_at)
    assert (mine.requester, mine.status, mine.is_mutual) == (startup, Status.PENDING, False)


# Caps


def test_the_cap_on_requests_counts_pending_and_accepted_ones(lounge, startup):
    lounge.max_requests = 3
    lounge.save()
    targets = ProfileFactory.create_batch(5, lounge=lounge)
    first, second, third = (send_request(startup, target=t, now=NOW) for t in targets[:3])
    refused = refusal(send_request, startup, target=targets[3], now=NOW)
    assert refused.code == "request_cap"
    assert "3 requests" in refused.message
    services.accept_request(first, by=targets[0], now=NOW)
    assert refusal(send_request, startup, target=targets[3], now=NOW).code == "request_cap"
    services.decline_request(second, by=targets[1], now=NOW)  # gives its place back
    assert send_request(startup, target=targets[3], now=NOW)
    assert refusal(send_request, startup, target=targets[4], now=NOW).code == "request_cap"
    services.withdraw_request(third, by=startup, now=NOW)
    assert send_request(startup, target=targets[4], now=NOW)


def test_expired_requests_no_longer_count_against_the_cap(lounge, startup):
    lounge.max_requests = 1
    lounge.save()
    first, second = ProfileFactory.create_batch(2, lounge=lounge)
    request = send_request(startup, target=first, now=NOW)
    assert refusal(send_request, startup, target=second, now=NOW).code == "request_cap"
    assert send_request(startup, target=second, now=request.expires_at)


def test_accepting_is_refused_at_the_cap_on_meetings(lounge, corporate):
    corporate.max_meetings = 2
    corporate.save()
    askers = ProfileFactory.create_batch(3, lounge=lounge, kind=Kind.STARTUP)
    requests = [send_request(a, target=corporate, now=NOW) for a in askers]
    for request in requests[:2]:
        services.accept_request(request, by=corporate, now=NOW)
    refused = refusal(services.accept_request, requests[2], by=corporate, now=NOW)
    assert refused.code == "meeting_cap"
    assert "2 accepted meetings" in refused.message
    requests[2].refresh_from_db()
    assert requests[2].status == Status.PENDING
    services.decline_request(requests[2], by=corporate, now=NOW)  # declining stays possible


def test_a_cap_of_zero_meetings_accepts_nothing(startup, corporate):
    corporate.max_meetings = 0
    corporate.save()
    request = send_request(startup, target=corporate, now=NOW)
    assert refusal(services.accept_request, request, by=corporate, now=NOW).code == "meeting_cap"


def test_accepting_is_refused_when_the_requester_holds_all_their_meetings(lounge, startup):
    startup.max_meetings = 1
    startup.save()
    first, second = ProfileFactory.create_batch(2, lounge=lounge)
    one, two = (send_request(startup, target=t, now=NOW) for t in (first, second))
    services.accept_request(one, by=first, now=NOW)
    refused = refusal(services.accept_request, two, by=second, now=NOW)
    assert refused.code == "their_meeting_cap"
    assert "Amina" in refused.message


def test_a_mutual_acceptance_respects_the_cap_on_meetings(lounge, startup, corporate):
    startup.max_meetings = 1
    startup.save()
    services.accept_request(
        send_request(startup, target=ProfileFactory(lounge=lounge), now=NOW),
        by=MeetingRequest.objects.get().target, now=NOW,
    )  # fmt: skip
    theirs = send_request(corporate, target=startup, now=NOW)
    assert refusal(send_request, startup, target=corporate, now=NOW).code == "meeting_cap"
    theirs.refresh_from_db()
    assert theirs.status == Status.PENDING


# Answers


def test_only_the_target_accepts_or_declines_and_only_the_requester_withdraws(startup, corporate):
    request = send_request(startup, target=corporate, now=NOW)
    stranger = ProfileFactory(lounge=startup.lounge)
    for action, by in (
        (services.accept_request, startup),
        (services.accept_request, stranger),
        (services.decline_request, startup),
        (services.withdraw_request, corporate),
        (services.withdraw_request, stranger),
    ):
        assert refusal(action, request, by=by, now=NOW).code == "not_yours"
    request.refresh_from_db()
    assert request.status == Status.PENDING


def test_accepting_records_the_targets_priority_and_tells_the_requester(
    startup, corporate, committed
):
    request = send_request(startup, target=corporate, now=NOW)
    accepted = committed(
        services.accept_request, request, by=corporate, priority=Priority.MUST,
        message="See you there", now=NOW + timedelta(hours=3),
    )  # fmt: skip
    assert accepted.status == Status.ACCEPTED and not accepted.is_mutual
    assert (accepted.target_priority, accepted.answer) == (Priority.MUST, "See you there")
    assert accepted.answered_at == NOW + timedelta(hours=3)
    assert accepted.weight == Priority.WANT + Priority.MUST
    (email,) = mail.outbox
    assert email.to == [startup.user.email]
    assert email.extra_headers["Content-Language"] == "ar"
    assert "See you there" in email.body


def test_declining_tells_the_requester_with_the_message(startup, corporate, committed):
    request = send_request(startup, target=corporate, now=NOW)
    committed(services.decline_request, request, by=corporate, message="Pas cette année", now=NOW)
    request.refresh_from_db()
    assert (request.status, request.answer) == (Status.DECLINED, "Pas cette année")
    (email,) = mail.outbox
    assert email.to == [startup.user.email]
    assert "Pas cette année" in email.body


def test_withdrawing_sends_no_email(startup, corporate, committed):
    request = send_request(startup, target=corporate, now=NOW)
    committed(services.withdraw_request, request, by=startup, now=NOW)
    request.refresh_from_db()
    assert request.status == Status.CANCELLED and request.answered_at == NOW
    assert mail.outbox == []


@pytest.mark.parametrize("done", ["accept", "decline", "withdraw"])
def test_an_answered_request_cannot_be_answered_again(startup, corporate, done):
    request = send_request(startup, target=corporate, now=NOW)
    {
        "accept": lambda: services.accept_request(request, by=corporate, now=NOW),
        "decline": lambda: services.decline_request(request, by=corporate, now=NOW),
        "withdraw": lambda: services.withdraw_request(request, by=startup, now=NOW),
    }[done]()
    status = MeetingRequest.objects.get().status
    for action, by in (
        (services.accept_request, corporate),
        (services.decline_request, corporate),
        (services.withdraw_request, startup),
    ):
        assert refusal(action, request, by=by, now=NOW).code == "not_pending"
    assert MeetingRequest.objects.get().status == status


def test_a_request_past_its_date_cannot_be_answered(startup, corporate):
    request = send_request(startup, target=corporate, now=NOW)
    late = request.expires_at
    assert refusal(services.accept_request, request, by=corporate, now=late).code == "expired"
    assert refusal(services.decline_request, request, by=corporate, now=late).code == "expired"
    assert refusal(services.withdraw_request, request, by=startup, now=late).code == "expired"
    assert services.accept_request(request, by=corporate, now=late - timedelta(seconds=1))


# Expiry


def test_pending_requests_past_their_date_are_shown_and_counted_as_expired(startup, corporate):
    with freeze_time(NOW):
        request = send_request(startup, target=corporate)
        assert shown_status(request) == Status.PENDING
        assert MeetingRequest.objects.awaiting_answer().count() == 1
    with freeze_time(request.expires_at):
        assert shown_status(request) == Status.EXPIRED
        assert MeetingRequest.objects.awaiting_answer().count() == 0


def test_expire_requests_marks_them_and_tells_each_requester(lounge, startup, corporate, committed):
    with freeze_time(NOW):
        due = send_request(startup, target=corporate)
        answered = send_request(startup, target=ProfileFactory(lounge=lounge))
        services.accept_request(answered, by=answered.target)
    with freeze_time(NOW + timedelta(days=2)):
        fresh = send_request(ProfileFactory(lounge=lounge), target=corporate)
    elsewhere = MeetingRequestFactory(expires_at=NOW)  # another lounge
    mail.outbox.clear()

    with freeze_time(due.expires_at + timedelta(minutes=1)):
        assert committed(expire_requests, lounge) == 1
        assert committed(expire_requests, lounge) == 0  # once only

    statuses = dict(MeetingRequest.objects.values_list("pk", "status"))
    assert statuses[due.pk] == Status.EXPIRED
    assert statuses[answered.pk] == Status.ACCEPTED
    assert statuses[fresh.pk] == statuses[elsewhere.pk] == Status.PENDING
    (email,) = mail.outbox
    assert email.to == [startup.user.email]
    assert email.extra_headers["Content-Language"] == "ar"
    assert "Karim (Lydec)" in email.body


def test_expire_requests_of_every_lounge_by_default(startup, corporate):
    send_request(startup, target=corporate, now=NOW)
    MeetingRequestFactory(expires_at=NOW)
    assert expire_requests(now=NOW + timedelta(days=6)) == 2
    assert set(MeetingRequest.objects.values_list("status", flat=True)) == {Status.EXPIRED}


def test_the_command_expires_requests(lounge, startup, corporate, capsys):
    with freeze_time(NOW):
        send_request(startup, target=corporate)
    with freeze_time(NOW + timedelta(days=5, minutes=1)):
        call_command("expire_meeting_requests", edition=lounge.edition.slug)
    assert "1 meeting request(s) expired." in capsys.readouterr().out
    assert MeetingRequest.objects.get().status == Status.EXPIRED


def test_the_command_names_an_unknown_edition(db):
    with pytest.raises(CommandError, match="no-such-edition"):
        call_command("expire_meeting_requests", edition="no-such-edition")


def test_the_services_default_to_the_current_time(lounge, startup, corporate):
    lounge.requests_open_until = timezone.now() + timedelta(days=1)
    lounge.save()
    before = timezone.now()
    request = send_request(startup, target=corporate)
    assert before <= request.created_at <= timezone.now()


def test_may_ask_again_only_once_the_request_expired_was_withdrawn_or_i_declined(
    startup, corporate
):
    assert services.may_ask(None, startup)
    request = send_request(startup, target=corporate, now=NOW)
    assert not services.may_ask(request, startup, NOW)
    assert not services.may_ask(request, corporate, NOW)  # they answer it instead
    assert services.may_ask(request, startup, request.expires_at)
    request = services.decline_request(request, by=corporate, now=NOW)
    assert not services.may_ask(request, startup, NOW)
    assert services.may_ask(request, corporate, NOW)
    again = send_request(corporate, target=startup, now=NOW)
    again = services.withdraw_request(again, by=corporate, now=NOW)
    assert services.may_ask(again, startup, NOW) and services.may_ask(again, corporate, NOW)
    services.accept_request(send_request(startup, target=corporate, now=NOW), by=corporate, now=NOW)
    assert not services.may_ask(MeetingRequest.objects.get(), startup, NOW)
