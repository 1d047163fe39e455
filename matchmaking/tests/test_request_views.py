"""Suggestions, people's pages and meeting requests between participants: who sees
whom, the caps, the answers."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

from core.testing import english
from editions.tests.factories import EditionFactory
from matchmaking.models import MeetingRequest, Profile
from matchmaking.tests.factories import (
    ChallengeFactory,
    LoungeFactory,
    MeetingRequestFactory,
    ProfileFactory,
)
from matchmaking.tests.participant_helpers import main, query_count, text
from startups.tests.factories import UserFactory

Kind = Profile.Kind
Status = MeetingRequest.Status
CASABLANCA = ZoneInfo("Africa/Casablanca")


# Suggestions and people


def test_suggestions_show_the_reasons_and_the_requests_state(signed_in, lounge, startup, corporate):
    ChallengeFactory(profile=corporate, keywords="eau, fuites, capteurs")
    asked = ProfileFactory(lounge=lounge, organisation="Commune", sectors=["water"])
    MeetingRequestFactory(lounge=lounge, requester=startup, target=asked)

    page = main(signed_in(startup).get(english("matchmaking:suggestions")))

    assert "<bdi>Lydec</bdi>" in page and "<bdi>Commune</bdi>" in page
    assert "Keywords of their challenges found in your profile" in page
    assert "<bdi>fuites</bdi>" in page
    assert f'href="/en/matchmaking/people/{corporate.pk}/request/"' in page
    assert f'href="/en/matchmaking/people/{asked.pk}/request/"' not in page
    assert "they have until" in page


def test_suggestions_take_the_same_queries_for_one_and_three_people(signed_in, lounge, startup):
    client = signed_in(startup)
    first = ProfileFactory(lounge=lounge, sectors=["water"])
    ChallengeFactory(profile=first)
    MeetingRequestFactory(lounge=lounge, requester=startup, target=first)
    one = query_count(client, english("matchmaking:suggestions"))
    for _ in range(2):
        other = ProfileFactory(lounge=lounge, sectors=["water"])
        ChallengeFactory(profile=other)
        MeetingRequestFactory(lounge=lounge, requester=other, target=startup)
    assert query_count(client, english("matchmaking:suggestions")) == one


def test_a_persons_page_shows_their_profile_and_a_request_button(
    signed_in, lounge, startup, corporate
):
    ChallengeFactory(profile=corporate, title="Détecter les fuites")
    corporate.offers = "<script>alert(1)</script>"
    corporate.save()
    response = signed_in(startup).get(english("matchmaking:person", corporate.pk))
    page = main(response)
    assert "<bdi>Karim</bdi>" in page and "Détecter les fuites" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert f'href="/en/matchmaking/people/{corporate.pk}/request/"' in page
    assert "noindex" in text(response)


def test_a_persons_page_offers_to_ask_again_once_a_request_expired(
    signed_in, lounge, startup, corporate
):
    MeetingRequestFactory(
        lounge=lounge, requester=startup, target=corporate, expires_at=timezone.now()
    )
    page = main(signed_in(startup).get(english("matchmaking:person", corporate.pk)))
    assert "expired without an answer" in page
    assert f'href="/en/matchmaking/people/{corporate.pk}/request/"' in page


def test_a_persons_page_takes_the_same_queries_for_one_and_three_challenges(
    signed_in, lounge, startup, corporate
):
    client = signed_in(startup)
    url = english("matchmaking:person", corporate.pk)
    ChallengeFactory(profile=corporate)
    one = query_count(client, url)
    ChallengeFactory.create_batch(2, profile=corporate, pivot=lounge.edition.pivots.first())
    assert query_count(client, url) == one


def test_my_profile_takes_the_same_queries_for_one_and_three_challenges(
    signed_in, lounge, corporate
):
    client = signed_in(corporate)
    ChallengeFactory(profile=corporate)
    one = query_count(client, english("matchmaking:profile"))
    ChallengeFactory.create_batch(2, profile=corporate, pivot=lounge.edition.pivots.first())
    assert query_count(client, english("matchmaking:profile")) == one


def test_people_are_visible_to_participants_of_the_same_lounge_only(
    client, signed_in, lounge, startup, corporate
):
    url = english("matchmaking:person", corporate.pk)
    assert client.get(url).status_code == 404  # anonymous
    signed_in(UserFactory())
    assert client.get(url).status_code == 404  # signed in, not a participant
    signed_in(ProfileFactory(lounge=LoungeFactory(edition=EditionFactory())))
    assert client.get(url).status_code == 404  # a participant of another lounge
    signed_in(startup)
    assert client.get(english("matchmaking:person", 10**9)).status_code == 404
    elsewhere = ProfileFactory(lounge=LoungeFactory())
    assert client.get(english("matchmaking:person", elsewhere.pk)).status_code == 404
    corporate.is_active = False
    corporate.save()
    assert client.get(url).status_code == 404
    assert client.get(english("matchmaking:request", corporate.pk)).status_code == 404


def test_my_own_page_shows_how_others_see_me(signed_in, lounge, startup):
    page = main(signed_in(startup).get(english("matchmaking:person", startup.pk)))
    assert "how other participants see your profile" in page
    response = signed_in(startup).get(english("matchmaking:request", startup.pk))
    assert response["Location"] == "/en/matchmaking/me/"


# Requests


def test_a_request_is_sent_and_the_target_told(
    signed_in, lounge, startup, corporate, django_capture_on_commit_callbacks
):
    challenge = ChallengeFactory(profile=corporate)
    client = signed_in(startup)
    page = main(client.get(english("matchmaking:request", corporate.pk)))
    assert f'value="{challenge.pk}"' in page and 'value="3"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            english("matchmaking:request", corporate.pk),
            {"message": "Bonjour <b>Karim</b>", "priority": "3", "challenge": challenge.pk},
        )

    assert response.status_code == 303 and response["Location"] == "/en/matchmaking/requests/"
    request = MeetingRequest.objects.get()
    assert (request.requester, request.target, request.requester_priority) == (
        startup,
        corporate,
        3,
    )
    assert request.challenge == challenge and request.message == "Bonjour <b>Karim</b>"
    (email,) = mail.outbox
    assert email.to == ["karim@example.ma"] and "Bonjour <b>Karim</b>" in email.body
    assert "Bonjour &lt;b&gt;Karim&lt;/b&gt;" in email.alternatives[0][0]
    page = main(client.get(english("matchmaking:person", corporate.pk)))
    assert "they have until" in page


def test_asking_someone_who_asked_first_says_it_is_mutual(signed_in, lounge, startup, corporate):
    MeetingRequestFactory(lounge=lounge, requester=corporate, target=startup)
    client = signed_in(startup)
    response = client.post(
        english("matchmaking:request", corporate.pk), {"message": "", "priority": "2"}, follow=True
    )
    assert "had asked to meet you too" in main(response)
    assert MeetingRequest.objects.get().is_mutual


def test_a_refused_request_shows_why_with_409(signed_in, lounge, startup):
    lounge.max_requests = 1
    lounge.save()
    first, second = ProfileFactory.create_batch(2, lounge=lounge)
    client = signed_in(startup)
    client.post(english("matchmaking:request", first.pk), {"message": "", "priority": "2"})
    response = client.post(english("matchmaking:request", second.pk), {"priority": "2"})
    assert response.status_code == 409
    assert "the most this lounge allows" in main(response)
    assert MeetingRequest.objects.count() == 1


def test_requests_are_rate_limited_per_person(
    signed_in, lounge, startup, steady_counters, settings
):
    lounge.max_requests = 100
    lounge.save()
    client = signed_in(startup)
    targets = ProfileFactory.create_batch(21, lounge=lounge)
    for target in targets[:20]:
        client.post(english("matchmaking:request", target.pk), {"priority": "2"})
    response = client.post(english("matchmaking:request", targets[20].pk), {"priority": "2"})
    assert response.status_code == 429
    assert MeetingRequest.objects.count() == 20


def test_the_request_page_says_when_the_lounge_is_closed(signed_in, lounge, startup, corporate):
    lounge.requests_open_until = timezone.now() - timedelta(minutes=1)
    lounge.save()
    page = main(signed_in(startup).get(english("matchmaking:request", corporate.pk)))
    assert "no longer takes meeting requests" in page and "<textarea" not in page


def test_my_requests_list_what_i_received_and_sent(signed_in, lounge, startup, corporate):
    received = MeetingRequestFactory(
        lounge=lounge, requester=corporate, target=startup, message="Venez nous voir"
    )
    sent = MeetingRequestFactory(
        lounge=lounge, requester=startup, target=ProfileFactory(lounge=lounge)
    )
    page = main(signed_in(startup).get(english("matchmaking:requests")))
    assert "Venez nous voir" in page
    assert f'id="request-{received.pk}"' in page and f'id="request-{sent.pk}"' in page
    assert page.count('value="accept"') == 1 and page.count('value="withdraw"') == 1


def test_my_requests_take_the_same_queries_for_one_and_three(signed_in, lounge, startup):
    client = signed_in(startup)

    def add():
        other = ProfileFactory(lounge=lounge)
        MeetingRequestFactory(lounge=lounge, requester=other, target=startup, challenge=None)
        MeetingRequestFactory(
            lounge=lounge,
            requester=startup,
            target=ProfileFactory(lounge=lounge),
            challenge=ChallengeFactory(profile=other),
        )

    add()
    one = query_count(client, english("matchmaking:requests"))
    add()
    add()
    assert query_count(client, english("matchmaking:requests")) == one


def answer(client, request, action, **data):
    return client.post(english("matchmaking:answer", request.pk), {"action": action, **data})


def test_the_target_accepts_with_their_priority(signed_in, lounge, startup, corporate):
    request = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    response = answer(signed_in(corporate), request, "accept", priority="3", message="Oui")
    assert response.status_code == 303
    request.refresh_from_db()
    assert (request.status, request.target_priority, request.answer) == (Status.ACCEPTED, 3, "Oui")


def test_the_target_declines_and_the_requester_withdraws(signed_in, lounge, startup, corporate):
    declined = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    withdrawn = MeetingRequestFactory(lounge=lounge, requester=corporate)
    client = signed_in(corporate)
    assert answer(client, declined, "decline", message="Non merci").status_code == 303
    assert answer(client, withdrawn, "withdraw").status_code == 303
    statuses = dict(MeetingRequest.objects.values_list("pk", "status"))
    assert statuses == {declined.pk: Status.DECLINED, withdrawn.pk: Status.CANCELLED}


def test_someone_elses_request_or_the_wrong_side_is_not_found(
    signed_in, lounge, startup, corporate
):
    theirs = MeetingRequestFactory(lounge=lounge)
    mine = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    client = signed_in(startup)
    for action in ("accept", "decline", "withdraw"):
        assert answer(client, theirs, action).status_code == 404
    assert answer(client, mine, "accept").status_code == 404  # the requester cannot accept
    assert answer(client, mine, "decline").status_code == 404
    client = signed_in(corporate)
    assert answer(client, mine, "withdraw").status_code == 404  # the target cannot withdraw
    assert MeetingRequest.objects.filter(status=Status.PENDING).count() == 2
    assert client.get(english("matchmaking:answer", mine.pk)).status_code == 405


def test_an_answered_request_answers_409(signed_in, lounge, startup, corporate):
    request = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    client = signed_in(corporate)
    answer(client, request, "decline")
    response = answer(client, request, "accept")
    assert response.status_code == 409
    assert "no longer awaiting an answer" in main(response)


def test_an_expired_request_answers_409(signed_in, lounge, startup, corporate):
    with freeze_time("2022-05-10 09:00:00+01:00"):
        lounge.requests_open_until = timezone.now() + timedelta(days=30)
        lounge.save()
        request = MeetingRequestFactory(
            lounge=lounge,
            requester=startup,
            target=corporate,
            expires_at=timezone.now() + timedelta(days=5),
        )
    client = signed_in(corporate)
    with freeze_time("2022-05-15 09:00:01+01:00"):
        page = main(client.get(english("matchmaking:requests")))
        assert "expired" in page and 'value="accept"' not in page
        response = answer(client, request, "accept")
    assert response.status_code == 409
    assert "has expired" in main(response)


def test_accepting_beyond_my_cap_on_meetings_says_what_to_do(signed_in, lounge, startup, corporate):
    corporate.max_meetings = 1
    corporate.save()
    MeetingRequestFactory(lounge=lounge, target=corporate, status=Status.ACCEPTED)
    request = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    response = answer(signed_in(corporate), request, "accept")
    assert response.status_code == 409
    assert "Decline this request, or raise your limit" in main(response)
    request.refresh_from_db()
    assert request.status == Status.PENDING


def test_a_bad_answer_is_shown_again(signed_in, lounge, startup, corporate):
    request = MeetingRequestFactory(lounge=lounge, requester=startup, target=corporate)
    response = answer(signed_in(corporate), request, "explode")
    assert response.status_code == 200
    assert 'role="alert"' in main(response)
    request.refresh_from_db()
    assert request.status == Status.PENDING
