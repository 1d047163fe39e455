"""Text similarity across French, Arabic and English: normalisation, stemming, the
concept lexicon, pivot keywords aligned across languages, TF-IDF cosine."""

import pytest

from matchmaking import similarity
from matchmaking.lexicon import CONCEPTS
from matchmaking.similarity import (
    TfIdf,
    aligned_keywords,
    analyse,
    analyse_word,
    base_vocabulary,
    cosine,
    normalise,
    stem,
)

WATER_FR = "Nous cherchons des capteurs sobres pour détecter les fuites d'eau dans les quartiers."
WATER_AR = "نطور أجهزة استشعار بسيطة لرصد تسربات المياه في الأحياء الشعبية."
WATER_EN = "We build low-tech sensors that detect water leaks in neighbourhoods."
WASTE_FR = "Collecte et recyclage des déchets plastiques avec les coopératives de quartier."
WASTE_AR = "جمع النفايات البلاستيكية وإعادة تدويرها مع التعاونيات."
WASTE_EN = "Waste collection and plastic recycling with local cooperatives."
ENERGY_AR = "ألواح شمسية لإنتاج الطاقة في المدارس."
ENERGY_FR = "Des panneaux solaires pour produire l'énergie des écoles."
MUSIC_FR = "Nous organisons des festivals de musique et des spectacles de danse."
MUSIC_EN = "A music festival with dance shows and concerts."


def stems(text: str) -> list[str]:
    return [s for s, _alternative in (pair for raw in text.split() for pair in analyse_word(raw))]


def concepts(text: str, vocabulary=None) -> set[str]:
    return {f[2:] for f in analyse(text, vocabulary).counts if f.startswith("c:")}


# Normalisation and stemming


def test_normalise_lowercases_and_strips_french_accents():
    assert normalise("Énergie ÉOLIENNE à Déchets") == "energie eolienne a dechets"


def test_normalise_strips_arabic_diacritics_and_tatweel():
    assert normalise("المَاءُ") == normalise("الماء") == "الماء"
    assert normalise("مـــاء") == "ماء"
    assert normalise("شَدَّة") == normalise("شدة")


def test_normalise_unifies_alef_ya_and_ta_marbuta():
    assert normalise("أإآٱ") == "اااا"
    assert normalise("مستشفى") == "مستشفي"
    assert normalise("طاقة") == "طاقه"
    assert normalise("مسؤول") == "مسوول"


def test_normalise_reads_arabic_presentation_forms_as_letters():
    # U+FEE3 U+FEF4 U+FE8E U+FEA9: ميا(ه) written with contextual glyphs.
    assert normalise("\ufee3\ufef4\ufe8e\ufeea") == "مياه"


def test_arabic_article_and_prefixed_prepositions_are_stripped():
    assert stem(normalise("المياه")) == stem(normalise("مياه"))
    assert stem(normalise("بالطاقة")) == stem(normalise("طاقة"))
    assert stem(normalise("والنفايات")) == stem(normalise("نفايات"))


def test_arabic_suffixes_are_stripped_keeping_three_letters():
    assert stem(normalise("مستشعرات")) == "مستشعر"
    assert stem(normalise("ماء")) == "ماء"  # too short to lose anything


def test_french_and_english_plurals_share_a_stem():
    assert stem("capteurs") == stem("capteur")
    assert stem("eaux") == stem("eau")
    assert stem("sensors") == stem("sensor")
    assert stem("cities") == stem("city")


def test_stop_words_of_the_three_languages_are_dropped():
    assert stems("Nous sommes dans la ville avec les habitants") == [
        stem("ville"),
        stem("habitant"),
    ]
    assert stems("We are in the city with the residents") == [stem("city"), stem("resident")]
    assert stems("نحن في المدينة مع السكان") == [stem(normalise("مدينة")), stem(normalise("سكان"))]


def test_french_elisions_split_on_the_apostrophe():
    assert stems("l'eau d’énergie") == [stem("eau"), stem("energie")]


# The lexicon


def test_the_lexicon_has_about_eighty_concepts_in_three_languages():
    assert len(CONCEPTS) >= 80
    assert len({c.key for c in CONCEPTS}) == len(CONCEPTS)
    for concept in CONCEPTS:
        assert concept.fr and concept.ar and concept.en, concept.key


@pytest.mark.parametrize(
    "words, key",
    [
        (["eau", "eaux", "l'eau", "ماء", "المياه", "مياه", "water"], "water"),
        (["déchets", "ordures", "نفايات", "النفايات", "waste", "garbage"], "waste"),
        (["énergie", "énergies", "طاقة", "الطاقة", "بالطاقة", "energy"], "energy"),
        (["capteurs", "مستشعرات", "أجهزة استشعار", "sensors"], "sensor"),
        (["mobilité", "التنقل", "mobility"], "mobility"),
    ],
)
def test_every_language_reaches_the_same_concept(words, key):
    for word in words:
        assert key in concepts(word), word


def test_a_word_written_with_diacritics_still_finds_its_concept():
    assert "water" in concepts("وَالْمِيَاهُ")
    assert "energy" in concepts("الطّاقة")


def test_phrases_of_the_lexicon_are_found_word_by_word():
    assert "smart_city" in concepts("Pour une ville intelligente et sobre")
    assert "smart_city" in concepts("من أجل المدينة الذكية")
    assert "smart_city" in concepts("Towards the smart city")
    assert "smart_city" not in concepts("Une ville, une idée intelligente")


# Similarity


@pytest.mark.parametrize(
    "a, b",
    [
        (WATER_FR, WATER_AR),
        (WATER_FR, WATER_EN),
        (WATER_AR, WATER_EN),
        (WASTE_FR, WASTE_AR),
        (WASTE_AR, WASTE_EN),
        (ENERGY_AR, ENERGY_FR),
    ],
)
def test_texts_on_one_topic_match_across_languages(a, b):
    assert similarity.similarity(a, b) > 0.3


@pytest.mark.parametrize(
    "a, b",
    [(WATER_FR, MUSIC_FR), (WATER_AR, MUSIC_EN), (WASTE_EN, MUSIC_FR), (ENERGY_AR, MUSIC_EN)],
)
def test_texts_on_unrelated_topics_do_not_match(a, b):
    assert similarity.similarity(a, b) == 0


def test_an_arabic_water_pitch_is_nearer_a_french_water_challenge_than_a_waste_one():
    documents = [analyse(text) for text in (WATER_AR, WATER_FR, WASTE_FR, MUSIC_FR)]
    tfidf = TfIdf(documents)
    pitch, water, waste, music = (tfidf.vector(d) for d in documents)
    assert cosine(pitch, water) > cosine(pitch, waste) > cosine(pitch, music) == 0


def test_the_same_text_is_fully_similar_and_empty_text_not_at_all():
    assert similarity.similarity(WATER_FR, WATER_FR) == pytest.approx(1.0)
    assert similarity.similarity("", WATER_FR) == 0
    assert similarity.similarity("le la les de", "the of and") == 0


def test_words_outside_the_lexicon_match_within_one_language():
    assert similarity.similarity("briques compressées", "des briques de terre") > 0
    assert similarity.similarity("briques compressées", "الطوب المضغوط") == 0


def test_words_everyone_uses_weigh_less_than_rare_shared_ones():
    corpus = [analyse(t) for t in ("ville eau", "ville fuites", "ville musique", "ville danse")]
    tfidf = TfIdf(corpus)
    vector = tfidf.vector(corpus[0])
    assert vector["c:city"] < vector["c:water"]


def test_shared_features_are_described_in_the_readers_language():
    vocabulary = base_vocabulary()
    documents = [analyse(WATER_AR), analyse(WATER_FR)]
    tfidf = TfIdf(documents)
    common = similarity.shared(tfidf.vector(documents[0]), tfidf.vector(documents[1]))
    labels = {similarity.describe(f, documents[1], vocabulary, "fr") for f in common}
    assert "eau" in labels
    arabic = {similarity.describe(f, documents[1], vocabulary, "ar") for f in common}
    assert "ماء" in arabic


def test_a_shared_word_is_described_as_it_was_typed():
    documents = [analyse("Briques compressées."), analyse("Des briques, encore.")]
    tfidf = TfIdf(documents)
    (feature,) = similarity.shared(tfidf.vector(documents[0]), tfidf.vector(documents[1]))
    assert similarity.describe(feature, documents[1], base_vocabulary(), "fr") == "briques"


# The edition's pivot keywords


def test_pivot_keywords_are_aligned_by_position_across_languages():
    groups = aligned_keywords(
        "pivot-7",
        {
            "fr": "gouvernance ascendante, budget participatif",
            "ar": "الحكامة التصاعدية, الميزانية التشاركية",
            "en": "bottom-up governance",
        },
    )
    assert [key for key, _words in groups] == ["pivot-7:0", "pivot-7:1"]
    assert groups[1][1] == {"fr": ["budget participatif"], "ar": ["الميزانية التشاركية"]}


def test_pivot_keywords_make_words_outside_the_lexicon_match_across_languages():
    french, arabic = "Un budget participatif pour le quartier", "الميزانية التشاركية للحي"
    assert not concepts(french) & concepts(arabic) - {"neighbourhood", "participation"}
    groups = aligned_keywords(
        "pivot-1",
        {"fr": "briques de terre, budget participatif", "ar": "الطوب, الميزانية التشاركية"},
    )
    vocabulary = base_vocabulary().extended(groups)
    assert "pivot-1:1" in concepts(french, vocabulary) & concepts(arabic, vocabulary)
    assert "pivot-1:0" in concepts("الطوب المحلي", vocabulary)
    assert "pivot-1:0" in concepts("Des briques de terre crue", vocabulary)
    # The base vocabulary is left as it was.
    assert "pivot-1:1" not in concepts(french)


def test_blank_pivot_keywords_add_nothing():
    assert aligned_keywords("pivot-2", {"fr": "", "ar": " , ", "en": ""}) == []
    vocabulary = base_vocabulary().extended([])
    assert vocabulary.words == base_vocabulary().words


def test_hostile_text_is_analysed_without_error():
    for text in ("\x00\u202e<script>alert(1)</script>", "💥🇲🇦 ⵜⴰⵎⴰⵣⵉⵖⵜ", "a" * 5000, "\u0640" * 50):
        analyse(text)
        assert 0 <= similarity.similarity(text, WATER_FR) <= 1
