"""Polls: moderators write, open and close them; one vote per person; results as an SVG
chart with the numbers as text."""

import pytest
from django.urls import reverse

from community import polls
from community.models import Poll, PollBallot


def url(name, session, *args):
    return reverse(f"community:{name}", args=[session.pk, *args])


@pytest.fixture
def poll(session):
    return polls.create_poll(
        session,
        question="Faut-il plus de pistes cyclables ?",
        options=["Oui", "Non", "Sans avis"],
        kind=Poll.Kind.SINGLE,
    )


def vote(client, session, poll, *options):
    """Vote as a visitor does: open the questions page (where the poll is), then send."""
    client.get(url("questions", session))
    return client.post(
        url("poll_vote", session, poll.pk),
        {"option": [str(o.pk) for o in options]},
        HTTP_ACCEPT="application/json",
    )


@pytest.mark.usefixtures("in_english")
def test_a_moderator_writes_opens_and_closes_a_poll(client, cast, session):
    client.force_login(cast["moderator"])
    client.post(
        url("new_poll", session),
        {
            "question": "Quel quartier d’abord ?",
            "options": "Anfa\n\nSidi Moumen\n  Maârif  ",
            "kind": "multiple",
        },
    )
    poll = Poll.objects.get()
    assert [o.text for o in poll.options.all()] == ["Anfa", "Sidi Moumen", "Maârif"]
    assert poll.status == Poll.Status.DRAFT
    client.post(url("poll_status", session, poll.pk), {"status": "open"})
    poll.refresh_from_db()
    assert poll.status == Poll.Status.OPEN
    client.post(url("poll_status", session, poll.pk), {"status": "closed"})
    poll.refresh_from_db()
    assert poll.status == Poll.Status.CLOSED


@pytest.mark.usefixtures("in_english")
def test_a_poll_needs_two_answers(client, cast, session):
    client.force_login(cast["moderator"])
    page = client.post(
        url("new_poll", session), {"question": "Q ?", "options": "Seule", "kind": "single"}
    )
    assert page.status_code == 400 and "between 2 and 10 answers" in page.content.decode()
    assert not Poll.objects.exists()


@pytest.mark.usefixtures("in_english")
def test_one_vote_per_person_while_open_and_results_as_text(client, session, poll):
    yes, no, _ = poll.options.all()
    assert vote(client, session, poll, yes).status_code == 409  # draft: not open yet
    polls.open_poll(poll)
    assert vote(client, session, poll, yes).json()["ok"] is True
    again = vote(client, session, poll, no)
    assert again.status_code == 409 and "already voted" in again.json()["message"]
    assert vote(type(client)(), session, poll, yes, no).status_code == 409  # single choice
    vote(type(client)(), session, poll, no)
    vote(type(client)(), session, poll, no)
    polls.close_poll(poll)
    late = vote(type(client)(), session, poll, yes)
    assert late.status_code == 409 and "not open" in late.json()["message"]
    poll.refresh_from_db()
    assert poll.ballots == 3 == PollBallot.objects.filter(poll=poll).count()
    page = client.get(url("questions", session)).content.decode()
    page = page.replace("&#x2068;", "").replace("&#x2069;", "")  # bidi isolates around parts
    assert "Oui — 1 vote (33 %)" in page and "Non — 2 votes (67 %)" in page
    assert 'role="img"' in page and "3 people voted." in page


@pytest.mark.usefixtures("in_english")
def test_a_multiple_choice_poll_counts_each_answer_once_per_person(client, session):
    poll = polls.create_poll(
        session,
        question="Vos priorités ?",
        options=["Eau", "Air", "Bruit"],
        kind=Poll.Kind.MULTIPLE,
    )
    polls.open_poll(poll)
    water, air, noise = poll.options.all()
    vote(client, session, poll, water, air)
    vote(type(client)(), session, poll, air)
    nonsense = client.post(
        url("poll_vote", session, poll.pk),
        {"option": ["9" * 30, "²"]},
        HTTP_ACCEPT="application/json",
    )
    assert nonsense.status_code == 409
    counts = [o.votes for o in poll.options.all()]
    assert counts == [1, 2, 0]


def test_an_answer_of_another_poll_is_refused(client, session, poll):
    other = polls.create_poll(session, question="Autre ?", options=["A", "B"], kind="single")
    polls.open_poll(poll)
    response = vote(client, session, poll, other.options.first())
    assert response.status_code == 409
    assert not PollBallot.objects.exists()


@pytest.mark.usefixtures("in_english")
def test_the_chart_grows_from_the_right_in_arabic(client, session, poll):
    polls.open_poll(poll)
    vote(client, session, poll, poll.options.first())
    arabic = client.get(reverse("community:questions", args=[session.pk]).replace("/en/", "/ar/"))
    assert '<text x="320" y="14" text-anchor="start"' in arabic.content.decode()
    assert 'x="0" y="20" width="320"' in client.get(url("questions", session)).content.decode()


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("Oui\n" + "x" * 121, "Each answer fits in 120 characters"),
        ("Oui\nNon\noui \nOui", "Two answers are the same"),
    ],
)
def test_an_oversized_or_repeated_answer_is_refused_not_cut(
    client, cast, session, options, message
):
    client.force_login(cast["moderator"])
    page = client.post(
        url("new_poll", session), {"question": "Q ?", "options": options, "kind": "single"}
    )
    assert page.status_code == 400 and message in page.content.decode()
    assert not Poll.objects.exists()
