"""Suggested counterparts: ranking, the reasons shown, who is left out, where each
pair's request stands; loaded in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.models import User
from editions.tests.factories import PivotFactory
from matchmaking.models import Profile
from matchmaking.suggestions import (
    ChallengeText,
    Participant,
    lounge_vocabulary,
    suggest,
    suggestions_for,
)
from matchmaking.tests.factories import (
    ChallengeFactory,
    LoungeFactory,
    MeetingRequestFactory,
    ProfileFactory,
)

Kind = Profile.Kind

LEAKS = ChallengeText(
    "Détecter les fuites",
    "Détecter les fuites\nNous cherchons des capteurs pour repérer les fuites du réseau d'eau.",
    ("eau", "fuites", "capteurs"),
)


def person(pk, kind=Kind.STARTUP, texts="", **fields) -> Participant:
    return Participant(pk=pk, kind=kind, texts=texts, **fields)


def codes(suggestion) -> list[str]:
    return [reason.code for reason in suggestion.reasons]


def reason(suggestion, code):
    return next(r for r in suggestion.reasons if r.code == code)


# The pure ranking


def test_an_arabic_water_pitch_is_suggested_the_french_water_challenge_with_its_reasons():
    startup = person(1, texts="نطور أجهزة استشعار بسيطة لرصد تسربات المياه في الأحياء.")
    utility = person(2, Kind.CORPORATE, texts="Distribution d'eau potable.", challenges=(LEAKS,))
    musician = person(3, Kind.CORPORATE, texts="Festivals de musique et spectacles de danse.")

    with translation.override("fr"):
        (found,) = suggest(startup, [utility, musician])

    assert found.participant is utility
    assert codes(found) == ["complementary", "their_keywords", "text"]
    assert set(reason(found, "their_keywords").items) == {"eau", "fuites", "capteurs"}
    assert {"eau", "fuite", "capteur"} <= set(reason(found, "text").items)


def test_the_corporate_sees_the_startup_the_other_way_round():
    startup = person(1, texts="نطور أجهزة استشعار بسيطة لرصد تسربات المياه في الأحياء.")
    utility = person(2, Kind.CORPORATE, challenges=(LEAKS,))

    with translation.override("ar"):
        (found,) = suggest(utility, [startup])

    assert "my_keywords" in codes(found)
    assert set(reason(found, "my_keywords").items) == {"eau", "fuites", "capteurs"}
    assert "ماء" in reason(found, "text").items  # the concept, in the reader's language


def test_shared_pivots_and_sectors_are_reasons_with_their_names():
    me = person(1, pivots={10: "Low-tech", 11: "Gouvernance"}, sectors=frozenset({"waste"}))
    other = person(
        2, Kind.CORPORATE, pivots={10: "Low-tech"}, sectors=frozenset({"waste", "energy"})
    )
    with translation.override("en"):
        (found,) = suggest(me, [other])
        assert reason(found, "pivots").label == "Shared pivots"
        assert reason(found, "sectors").items == ("waste and recycling",)
    assert reason(found, "pivots").items == ("Low-tech",)


def test_startups_rank_corporates_and_institutions_above_other_startups():
    me = person(1, sectors=frozenset({"water"}))
    peers = [
        person(2, Kind.STARTUP, sectors=frozenset({"water"})),
        person(3, Kind.PARTICIPANT, sectors=frozenset({"water"})),
        person(4, Kind.INSTITUTION, sectors=frozenset({"water"})),
        person(5, Kind.CORPORATE, sectors=frozenset({"water"})),
    ]
    ranked = [s.participant.pk for s in suggest(me, peers)]
    assert ranked == [4, 5, 3, 2]


def test_more_in_common_ranks_higher():
    me = person(1, texts="Recyclage des déchets plastiques", sectors=frozenset({"waste"}))
    close = person(
        2, Kind.CORPORATE, texts="Nous valorisons les déchets.", sectors=frozenset({"waste"})
    )
    far = person(3, Kind.CORPORATE, sectors=frozenset({"waste"}))
    assert [s.participant.pk for s in suggest(me, [far, close])] == [2, 3]


def test_myself_inactive_people_and_people_with_nothing_in_common_are_left_out():
    me = person(1, sectors=frozenset({"water"}))
    candidates = [
        me,
        person(2, Kind.CORPORATE, sectors=frozenset({"water"}), is_active=False),
        person(3, Kind.CORPORATE, sectors=frozenset({"mobility"})),
        person(4, Kind.CORPORATE, sectors=frozenset({"water"})),
    ]
    assert [s.participant.pk for s in suggest(me, candidates)] == [4]


def test_a_keyword_counts_only_when_all_its_words_are_there():
    challenge = ChallengeText("x", "x", ("capteurs sobres", "drones"))
    me = person(1, texts="Des capteurs de pluie", sectors=frozenset({"water"}))
    other = person(2, Kind.CORPORATE, sectors=frozenset({"water"}), challenges=(challenge,))
    (found,) = suggest(me, [other])
    assert "their_keywords" not in codes(found)
    me.texts = "Des capteurs sobres, en low-tech"
    (found,) = suggest(me, [other])
    assert reason(found, "their_keywords").items == ("capteurs sobres",)


def test_limit_keeps_the_best():
    me = person(1, sectors=frozenset({"water"}))
    others = [person(k, Kind.CORPORATE, sectors=frozenset({"water"})) for k in range(2, 12)]
    assert len(suggest(me, others, limit=3)) == 3


# From the database


@pytest.fixture
def lounge(edition):
    return LoungeFactory(edition=edition)


def test_suggestions_for_a_profile_carry_the_request_between_the_two(lounge):
    me = ProfileFactory(lounge=lounge, kind=Kind.STARTUP, sectors=["water"])
    asked = ProfileFactory(lounge=lounge, sectors=["water"])
    other = ProfileFactory(lounge=lounge, sectors=["water"])
    ProfileFactory(lounge=lounge, sectors=["water"], is_active=False)
    ProfileFactory(sectors=["water"])  # another lounge
    request = MeetingRequestFactory(lounge=lounge, requester=me, target=asked)

    found = {s.profile.pk: s for s in suggestions_for(me)}

    assert set(found) == {asked.pk, other.pk}
    assert found[asked.pk].request == request
    assert found[other.pk].request is None


def test_the_editions_pivot_keywords_join_the_vocabulary(lounge):
    pivot = PivotFactory(
        edition=lounge.edition, keywords_fr="budget participatif", keywords_ar="الميزانية التشاركية"
    )
    me = ProfileFactory(lounge=lounge, kind=Kind.STARTUP, sectors=[], summary="الميزانية التشاركية")
    ProfileFactory(lounge=lounge, sectors=[], summary="Un budget participatif numérique.")
    (found,) = suggestions_for(me)
    assert found.reasons[-1].code == "text"
    vocabulary = lounge_vocabulary(lounge)
    assert vocabulary.label(f"pivot-{pivot.pk}:0", "fr") == "budget participatif"


def populate(lounge, count: int):
    pivots = list(lounge.edition.pivots.all())
    for _n in range(count):
        profile = ProfileFactory(lounge=lounge, sectors=["water"])
        profile.pivots.set(pivots)
        ChallengeFactory(profile=profile)


def test_suggestions_take_the_same_queries_for_one_and_three_participants(lounge):
    me = ProfileFactory(lounge=lounge, kind=Kind.STARTUP, sectors=["water"])
    populate(lounge, 1)
    MeetingRequestFactory(
        lounge=lounge, requester=me, target=Profile.objects.exclude(pk=me.pk).first()
    )
    with CaptureQueriesContext(connection) as one:
        assert len(suggestions_for(me)) == 1
    populate(lounge, 2)
    with CaptureQueriesContext(connection) as three:
        assert len(suggestions_for(me)) == 3
    assert len(one) == len(three)


def test_three_hundred_participants_are_ranked_in_a_handful_of_queries(lounge):
    me = ProfileFactory(lounge=lounge, kind=Kind.STARTUP, sectors=["water"])
    users = User.objects.bulk_create(
        User(username=f"p{n}@example.ma", email=f"p{n}@example.ma") for n in range(300)
    )
    Profile.objects.bulk_create(
        Profile(
            lounge=lounge,
            user=user,
            kind=Kind.CORPORATE,
            organisation=f"Organisation {n}",
            display_name=f"Person {n}",
            summary="Distribution d'eau et d'électricité de la métropole.",
            sectors=["water"],
        )
        for n, user in enumerate(users)
    )
    with CaptureQueriesContext(connection) as queries:
        found = suggestions_for(me, limit=None)
    assert len(found) == 300
    assert len(queries) <= 6
