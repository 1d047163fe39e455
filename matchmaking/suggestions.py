"""Suggested counterparts for a lounge participant, with the reasons shown.

`suggest(me, candidates)` is pure: it ranks `Participant` records (built from
profiles by `Participant.of`, or by hand in tests) by what they share with me:
pivots, sectors, challenge keywords found in the other's texts (both ways),
and the similarity of our texts across French, Arabic and English
(`matchmaking.similarity`). Startups meeting corporates or institutions are
what the lounge is for, so those pairs rank higher. `suggestions_for(profile)`
loads the lounge in a fixed number of queries and adds where each pair's
request stands.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from core.i18n import active_language
from matchmaking import similarity
from matchmaking.models import Challenge, MeetingRequest, Profile
from startups.models import Sector

Kind = Profile.Kind
OFFERING = frozenset({Kind.CORPORATE, Kind.INSTITUTION})

# What each shared thing adds to the score.
PIVOT_POINTS = 1.0
SECTOR_POINTS = 0.75
KEYWORD_POINTS = 0.5
KEYWORDS_COUNTED = 4
TEXT_POINTS = 4.0
# Similarity below this is noise, not a reason.
TEXT_THRESHOLD = 0.08
COMPLEMENTARY = 1.5  # a startup and a corporate or institution
SAME_SIDE = 0.6  # two startups, or two corporates/institutions

REASON_LABELS = {
    "complementary": _("A startup and a corporate or institution: what the lounge is for"),
    "pivots": _("Shared pivots"),
    "sectors": _("Shared sectors"),
    "their_keywords": _("Keywords of their challenges found in your profile"),
    "my_keywords": _("Keywords of your challenges found in their profile"),
    "text": _("Similar topics in your texts"),
}


@dataclass(frozen=True)
class ChallengeText:
    title: str
    text: str
    keywords: tuple[str, ...]


@dataclass
class Participant:
    """What the suggestions read of a profile."""

    pk: int
    kind: str
    texts: str  # who we are, what we offer, what we look for
    pivots: dict[int, str] = field(default_factory=dict)  # pk → name
    sectors: frozenset[str] = frozenset()
    challenges: tuple[ChallengeText, ...] = ()
    is_active: bool = True
    profile: Profile | None = None

    @classmethod
    def of(cls, profile: Profile) -> "Participant":
        """From a profile whose pivots and `published_challenges` are prefetched."""
        challenges = getattr(profile, "published_challenges", None)
        if challenges is None:
            challenges = list(profile.challenges.filter(is_published=True))
        return cls(
            pk=profile.pk,
            kind=profile.kind,
            texts="\n".join((profile.summary, profile.offers, profile.seeking)),
            pivots={pivot.pk: pivot.name for pivot in profile.pivots.all()},
            sectors=frozenset(s for s in profile.sectors or () if isinstance(s, str)),
            challenges=tuple(
                ChallengeText(c.title, f"{c.title}\n{c.description}", tuple(c.keyword_list))
                for c in challenges
            ),
            is_active=profile.is_active,
            profile=profile,
        )

    @property
    def challenges_text(self) -> str:
        return "\n".join(f"{c.text}\n{', '.join(c.keywords)}" for c in self.challenges)


@dataclass(frozen=True)
class Reason:
    code: str
    items: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return str(REASON_LABELS[self.code])


@dataclass
class Suggestion:
    profile: Profile | None
    score: float
    reasons: list[Reason]
    participant: Participant | None = None
    request: MeetingRequest | None = None


def kind_factor(mine: str, theirs: str) -> float:
    if Kind.STARTUP in (mine, theirs) and OFFERING & {mine, theirs}:
        return COMPLEMENTARY
    if {mine, theirs} <= OFFERING or mine == theirs == Kind.STARTUP:
        return SAME_SIDE
    return 1.0


def sector_label(code: str) -> str:
    return str(Sector(code).label) if code in Sector.values else code


class Corpus:
    """The analysed texts of everyone compared, their TF-IDF vectors, and keyword features."""

    def __init__(self, people: list[Participant], vocabulary: similarity.Vocabulary):
        self.vocabulary = vocabulary
        self.pitches = {p.pk: similarity.analyse(p.texts, vocabulary) for p in people}
        self.wholes = {
            p.pk: self.pitches[p.pk] + similarity.analyse(p.challenges_text, vocabulary)
            for p in people
        }
        tfidf = similarity.TfIdf(self.wholes.values())
        self.vectors = {pk: tfidf.vector(document) for pk, document in self.wholes.items()}
        self._keywords: dict[str, set[str]] = {}

    def keyword_features(self, keyword: str) -> set[str]:
        if keyword not in self._keywords:
            self._keywords[keyword] = similarity.analyse(keyword, self.vocabulary).features
        return self._keywords[keyword]

    def keywords_found(self, challenges, document: similarity.Document) -> list[str]:
        """The challenges' keywords (as typed) whose words or concepts are all in `document`."""
        found = []
        for challenge in challenges:
            for keyword in challenge.keywords:
                features = self.keyword_features(keyword)
                if features and document.counts.keys() >= features and keyword not in found:
                    found.append(keyword)
        return found


def _shared_facts(me: Participant, other: Participant, corpus: Corpus) -> list[tuple]:
    """(points, reason) for pivots, sectors and challenge keywords both ways."""
    found = []
    pivots = [name for pk, name in other.pivots.items() if pk in me.pivots]
    if pivots:
        found.append((PIVOT_POINTS * len(pivots), Reason("pivots", tuple(pivots))))
    sectors = sorted(me.sectors & other.sectors)
    if sectors:
        labels = tuple(sector_label(code) for code in sectors)
        found.append((SECTOR_POINTS * len(sectors), Reason("sectors", labels)))
    for code, challenges, document in (
        ("their_keywords", other.challenges, corpus.pitches[me.pk]),
        ("my_keywords", me.challenges, corpus.pitches[other.pk]),
    ):
        keywords = corpus.keywords_found(challenges, document)
        if keywords:
            points = KEYWORD_POINTS * min(len(keywords), KEYWORDS_COUNTED)
            found.append((points, Reason(code, tuple(keywords))))
    return found


def _similar_texts(me: Participant, other: Participant, corpus: Corpus, language: str):
    """(points, reason) for texts on the same topics, or None below the threshold."""
    mine, theirs = corpus.vectors[me.pk], corpus.vectors[other.pk]
    cosine = similarity.cosine(mine, theirs)
    if cosine < TEXT_THRESHOLD:
        return None
    document = corpus.wholes[other.pk]
    words = [
        similarity.describe(feature, document, corpus.vocabulary, language)
        for feature in similarity.shared(mine, theirs)
    ]
    return TEXT_POINTS * cosine, Reason("text", tuple(dict.fromkeys(words)))


def suggest(
    me: Participant,
    candidates: Iterable[Participant],
    *,
    vocabulary: similarity.Vocabulary | None = None,
    language: str | None = None,
    limit: int | None = None,
) -> list[Suggestion]:
    """Active candidates other than me with anything in common, best first."""
    others = [c for c in candidates if c.is_active and c.pk != me.pk]
    corpus = Corpus([me, *others], vocabulary or similarity.base_vocabulary())
    language = language or active_language()
    found = []
    for other in others:
        facts = _shared_facts(me, other, corpus)
        texts = _similar_texts(me, other, corpus, language)
        facts += [texts] if texts else []
        if not facts:
            continue
        factor = kind_factor(me.kind, other.kind)
        reasons = [Reason("complementary")] if factor > 1 else []
        reasons += [reason for _points, reason in facts]
        score = round(sum(points for points, _reason in facts) * factor, 3)
        found.append(Suggestion(other.profile, score, reasons, participant=other))
    found.sort(key=lambda s: (-s.score, s.participant.pk))
    return found[:limit] if limit else found


def lounge_vocabulary(lounge) -> similarity.Vocabulary:
    """The lexicon with the edition's pivot keywords, aligned across languages."""
    fields = [f"keywords_{lang}" for lang in similarity.LANGUAGES]
    keywords = lounge.edition.pivots.order_by("pk").values_list("pk", *fields)
    return _vocabulary_with(tuple(keywords))


@lru_cache(maxsize=16)
def _vocabulary_with(keywords: tuple) -> similarity.Vocabulary:
    """Cached per set of pivot keywords: extending the lexicon takes tens of milliseconds."""
    groups = []
    for pk, *texts in keywords:
        by_language = dict(zip(similarity.LANGUAGES, (text or "" for text in texts), strict=True))
        groups.extend(similarity.aligned_keywords(f"pivot-{pk}", by_language))
    return similarity.base_vocabulary().extended(groups)


def with_suggestion_data(profiles):
    published = Challenge.objects.filter(is_published=True)
    return profiles.prefetch_related(
        "pivots", Prefetch("challenges", queryset=published, to_attr="published_challenges")
    )


def suggestions_for(profile: Profile, *, limit: int | None = 50) -> list[Suggestion]:
    """Suggestions for `profile` among the active participants of its lounge, each
    with the request between the two if there is one."""
    lounge = profile.lounge
    people = with_suggestion_data(
        Profile.objects.filter(lounge=lounge).filter(Q(is_active=True) | Q(pk=profile.pk))
    ).select_related("user")
    participants = [Participant.of(p) for p in people]
    me = next(p for p in participants if p.pk == profile.pk)
    suggestions = suggest(me, participants, vocabulary=lounge_vocabulary(lounge), limit=limit)
    requests = requests_by_counterpart(profile)
    for suggestion in suggestions:
        suggestion.request = requests.get(suggestion.participant.pk)
    return suggestions


def requests_by_counterpart(profile: Profile) -> dict[int, MeetingRequest]:
    """Every request between `profile` and someone else, by the other's profile id."""
    requests = MeetingRequest.objects.involving(profile).filter(lounge_id=profile.lounge_id)
    return {r.target_id if r.requester_id == profile.pk else r.requester_id: r for r in requests}
