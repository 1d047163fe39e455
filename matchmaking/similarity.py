"""Text similarity across French, Arabic and English, without heavy machinery.

A text becomes a bag of features:

- words are normalised (lowercase, accents stripped; Arabic without diacritics
  or tatweel, its alef, ya and ta marbuta forms unified, the article ال and
  common affixes stripped by a light stemmer), stop words of the three
  languages dropped;
- a word (or short phrase) of the concept lexicon (`matchmaking.lexicon`, and
  the edition's pivot keywords aligned across languages) becomes its concept,
  `c:water` for « eau », « المياه » and "water" alike;
- any other word stays itself, `w:<stem>`, which matches within one language.

Two texts are compared by the cosine of their TF-IDF vectors over a corpus
(every participant of the lounge), so an Arabic pitch about water meets a
French challenge about water, and words everyone uses weigh little.
Pure functions: no database, no global state but caches of word analyses.
"""

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from matchmaking.lexicon import CONCEPTS

LANGUAGES = ("fr", "ar", "en")
CONCEPT = "c:"
WORD = "w:"
# Curated concepts say more than a shared word.
CONCEPT_WEIGHT = 1.5
LONGEST_PHRASE = 4

# Arabic letter forms unified before anything else: alef with hamza or madda,
# alef wasla → alef; alef maksura, Farsi ya → ya; ta marbuta → ha; hamza on
# waw or ya → the bare letter; Farsi kaf → kaf. Tatweel is dropped.
ARABIC_FORMS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ـ": None,
        # Apostrophes split French elisions (l'eau, d'énergie).
        "'": " ",
        "’": " ",
        "ʼ": " ",
    }
)
# Every combining mark of the Basic Multilingual Plane: Latin accents once the
# text is decomposed, Arabic harakat, shadda, sukun, superscript alef.
COMBINING_MARKS = {
    code: None for code in range(0x0300, 0x10000) if unicodedata.category(chr(code)) == "Mn"
}
LETTERS = re.compile(r"[^\W\d_]+")
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
PUNCTUATION_EDGES = "".join(
    chr(c) for c in range(0x10000) if unicodedata.category(chr(c)).startswith(("P", "S"))
)

STOP_WORDS_TEXT = {
    "fr": """a à au aux avec ce ces cet cette ceci cela ça chez comme dans de des du d donc
        elle elles en et été être est etc eux fait faire il ils je la le les leur leurs lui l
        ma mais me mes moi mon même n ne ni nos notre nous on ont ou où par pas peu plus pour
        qu que quel quelle quels qui quoi sa sans se ses si son sont sur ta te tes toi ton
        tous tout toute toutes très tu un une vos votre vous y c j m s t avons avez sommes
        aussi car entre leurs afin ainsi bien dont lors selon sous vers chaque autre autres
        nouveau nouvelle nouveaux nouvelles cherchons recherchons souhaitons proposons""",
    "en": """a about above after all also an and any are as at be been being both but by can
        could did do does doing for from further had has have having he her here hers him his
        how i if in into is it its itself just me more most my no nor not now of off on once
        only or other our ours out over own same she should so some such than that the their
        theirs them then there these they this those through to too under until up very was
        we were what when where which while who whom why will with would you your yours us
        new looking seek seeking offer offers want""",
    "ar": """في من إلى الى على عن مع هذا هذه ذلك تلك التي الذي الذين اللذين و أو او ثم كل بعض
        هو هي هم هن نحن أنا انا أنت انت أنتم انتم كما لا ما لم لن قد إن ان أن كان كانت يكون
        تكون بين عند حتى به بها له لها لهم منها فيها عليها إلا الا أي اي أيضا ايضا غير بل
        هناك هنا كذلك لكن لدى لدينا عبر خلال حول نحو منذ وفي ومن وعلى وهو وهي فقط جدا
        نبحث نقدم نريد""",
}

ARABIC_PREPOSITIONS = frozenset("لبكف")
AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
AR_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
LATIN_SUFFIXES = tuple(
    sorted(
        (
            "issements issement ements ement ments ment ations ation itions ition ites ite ities "
            "ity iques ique ings ing euses euse eurs eur ers er ed ic al e"
        ).split(),
        key=len,
        reverse=True,
    )
)


def normalise(text: str) -> str:
    """Lowercase, accents and Arabic diacritics stripped, Arabic letter forms unified."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(ARABIC_FORMS)
    return unicodedata.normalize("NFD", text).translate(COMBINING_MARKS)


def stem_arabic(word: str) -> str:
    """A light stemmer (after Larkey's light10): the conjunction و, the article and
    its prepositions, then common suffixes, keeping at least three letters."""
    if len(word) > 3 and word.startswith("و"):
        word = word[1:]
    for prefix in AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    for suffix in AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
    return word


def stem_latin(word: str) -> str:
    """French and English plurals, then one common suffix, keeping four letters."""
    if len(word) <= 3:
        return word
    if word.endswith("eaux"):
        word = word[:-1]
    elif word.endswith("aux") and len(word) > 4:
        word = word[:-3] + "al"
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("s", "x")) and not word.endswith("ss"):
        word = word[:-1]
    for suffix in LATIN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def stem(token: str) -> str:
    """The stem of one normalised token, in its script's stemmer."""
    return stem_arabic(token) if ARABIC_LETTER.search(token) else stem_latin(token)


@cache
def stop_words() -> frozenset[str]:
    words = set()
    for text in STOP_WORDS_TEXT.values():
        for word in text.split():
            words.update(LETTERS.findall(normalise(word)))
    return frozenset(words)


@lru_cache(maxsize=100_000)
def analyse_word(raw: str) -> tuple[tuple[str, str], ...]:
    """The stems of one whitespace-separated word as typed (an elision such as
    « l'eau » gives several), stop words and single letters dropped. Each comes
    with a second reading for Arabic words that may carry an attached
    preposition (ل, ب, ك, ف), tried when the first is not in the vocabulary."""
    stops = stop_words()
    stems = []
    for token in LETTERS.findall(normalise(raw)):
        if len(token) < 2 or token in stops:
            continue
        if token[0] in "وف" and token[1:] in stops:  # وفي, ومن: "and" + a stop word
            continue
        alternative = ""
        if len(token) > 3 and token[0] in ARABIC_PREPOSITIONS:
            alternative = stem_arabic(token[1:])
        stems.append((stem(token), alternative))
    return tuple(stems)


def stems_of(text: str) -> list[str]:
    return [s for raw in text.split() for s, _alternative in analyse_word(raw)]


def _surface(raw: str) -> str:
    word = raw.strip(PUNCTUATION_EDGES)
    for apostrophe in "'’ʼ":
        word = word.rpartition(apostrophe)[2] or word
    return word


class Vocabulary:
    """Stems and phrases (tuples of stems) → concept keys, with each concept's
    label per language. Built once from the lexicon, then extended with the
    edition's aligned pivot keywords."""

    def __init__(self):
        self.words: dict[str, set[str]] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.labels: dict[str, dict[str, str]] = {}

    def add(self, key: str, words_by_language: dict[str, Sequence[str]]) -> None:
        labels = {lang: words[0] for lang, words in words_by_language.items() if words}
        if not labels:
            return
        self.labels.setdefault(key, {}).update(labels)
        for words in words_by_language.values():
            for word in words:
                stems = tuple(stems_of(word))
                if len(stems) == 1:
                    self.words.setdefault(stems[0], set()).add(key)
                elif 1 < len(stems) <= LONGEST_PHRASE:
                    entry = (stems, key)
                    if entry not in self.phrases.setdefault(stems[0], []):
                        self.phrases[stems[0]].append(entry)

    def extended(self, groups: Iterable[tuple[str, dict[str, Sequence[str]]]]) -> "Vocabulary":
        copy = Vocabulary()
        copy.words = {stem_: set(keys) for stem_, keys in self.words.items()}
        copy.phrases = {first: list(entries) for first, entries in self.phrases.items()}
        copy.labels = {key: dict(labels) for key, labels in self.labels.items()}
        for key, words_by_language in groups:
            copy.add(key, words_by_language)
        return copy

    def label(self, key: str, language: str) -> str:
        labels = self.labels.get(key, {})
        return labels.get(language) or labels.get("fr") or next(iter(labels.values()), key)


@cache
def base_vocabulary() -> Vocabulary:
    vocabulary = Vocabulary()
    for concept in CONCEPTS:
        vocabulary.add(concept.key, {"fr": concept.fr, "ar": concept.ar, "en": concept.en})
    return vocabulary


def aligned_keywords(key: str, keywords_by_language: dict[str, str]) -> list:
    """Comma-separated keyword lists, one per language, aligned by position:
    the n-th keyword of each language names the same concept `<key>:<n>`."""
    split = {
        lang: [word.strip() for word in text.split(",") if word.strip()]
        for lang, text in keywords_by_language.items()
    }
    longest = max((len(words) for words in split.values()), default=0)
    return [
        (f"{key}:{n}", {lang: words[n : n + 1] for lang, words in split.items() if n < len(words)})
        for n in range(longest)
    ]


@dataclass
class Document:
    """A text's features with their counts, and a word as typed for each word feature."""

    counts: Counter = field(default_factory=Counter)
    surface: dict[str, str] = field(default_factory=dict)

    @property
    def features(self) -> set[str]:
        return set(self.counts)

    def __add__(self, other: "Document") -> "Document":
        return Document(self.counts + other.counts, {**other.surface, **self.surface})


def analyse(text: str, vocabulary: Vocabulary | None = None) -> Document:
    vocabulary = vocabulary or base_vocabulary()
    sequence = [(stems, raw) for raw in text.split() for stems in analyse_word(raw)]
    document = Document()
    concepts = []
    for stem_, alternative in (stems for stems, _raw in sequence):
        found = vocabulary.words.get(stem_)
        if not found and alternative:
            found = vocabulary.words.get(alternative)
        concepts.append(found)
    in_phrase = _phrases(document, [stems[0] for stems, _raw in sequence], vocabulary)
    for index, (stems, raw) in enumerate(sequence):
        if concepts[index]:
            for key in concepts[index]:
                document.counts[CONCEPT + key] += 1
        elif index not in in_phrase:
            feature = WORD + stems[0]
            document.counts[feature] += 1
            document.surface.setdefault(feature, raw)
    return document


def _phrases(document: Document, stems: list[str], vocabulary: Vocabulary) -> set[int]:
    """Count the vocabulary's phrases found in `stems`; return the positions they cover."""
    covered = set()
    for index, first in enumerate(stems):
        for phrase, key in vocabulary.phrases.get(first, ()):
            if tuple(stems[index : index + len(phrase)]) == phrase:
                document.counts[CONCEPT + key] += 1
                covered.update(range(index, index + len(phrase)))
    return covered


def describe(feature: str, document: Document, vocabulary: Vocabulary, language: str) -> str:
    """A feature as a person reads it: the concept's word in `language`, or the word as typed."""
    if feature.startswith(CONCEPT):
        return vocabulary.label(feature[len(CONCEPT) :], language)
    raw = document.surface.get(feature)
    return _surface(raw) if raw else feature[len(WORD) :]


class TfIdf:
    """Inverse document frequencies over a corpus; vectors are unit length."""

    def __init__(self, documents: Iterable[Document]):
        documents = list(documents)
        frequency = Counter()
        for document in documents:
            frequency.update(document.counts.keys())
        total = len(documents)
        self.idf = {f: math.log((1 + total) / (1 + n)) + 1 for f, n in frequency.items()}
        self.default_idf = math.log(1 + total) + 1

    def vector(self, document: Document) -> dict[str, float]:
        vector = {}
        for feature, count in document.counts.items():
            weight = (1 + math.log(count)) * self.idf.get(feature, self.default_idf)
            vector[feature] = weight * CONCEPT_WEIGHT if feature.startswith(CONCEPT) else weight
        norm = math.sqrt(sum(w * w for w in vector.values()))
        return {f: w / norm for f, w in vector.items()} if norm else {}


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(w * v[f] for f, w in u.items() if f in v)


def shared(u: dict[str, float], v: dict[str, float], limit: int = 5) -> list[str]:
    """The features that contribute most to the cosine of u and v, strongest first."""
    common = [(u[f] * v[f], f) for f in u.keys() & v.keys()]
    return [f for _weight, f in sorted(common, key=lambda item: (-item[0], item[1]))[:limit]]


def similarity(text_a: str, text_b: str, vocabulary: Vocabulary | None = None) -> float:
    """The cosine of two texts on their own (a corpus of the two)."""
    documents = [analyse(text_a, vocabulary), analyse(text_b, vocabulary)]
    tfidf = TfIdf(documents)
    return cosine(tfidf.vector(documents[0]), tfidf.vector(documents[1]))
