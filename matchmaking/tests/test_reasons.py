"""Reasons a request was not placed read right for one person or two, in each language."""

import pytest
from django.utils import translation

from matchmaking import reasons, scheduler


def test_a_reason_about_one_organisation():
    with translation.override("en"):
        text = reasons.explain(scheduler.CAP_REACHED, ["Amina SARL"])
    assert text == "Amina SARL already has as many meetings as they accept."


def test_a_reason_about_both_sides_agrees_with_two():
    with translation.override("en"):
        text = reasons.explain(scheduler.CAP_REACHED, ["Amina SARL", "Casa Eau"])
    assert text == "Amina SARL and Casa Eau already have as many meetings as they accept."


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
@pytest.mark.parametrize("code", sorted(reasons.TEXTS))
def test_every_reason_reads_in_every_language(code, language):
    with translation.override(language):
        one = reasons.explain(code, ["Qatra"])
        two = reasons.explain(code, ["Qatra", "Casa Eau"])
    assert one and two and "%(" not in one + two
