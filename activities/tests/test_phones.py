"""Phone numbers as visitors type them: one E.164 form, or None, never an exception."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from activities.phones import normalised_phone, readable_phone


@pytest.mark.parametrize(
    "typed",
    [
        "0612345678",
        "06 12 34 56 78",
        "06-12-34-56-78",
        "06.12.34.56.78",
        "+212612345678",
        "+212 6 12 34 56 78",
        "+212 (0)6 12 34 56 78",
        "00212612345678",
        "00 212 6 12 34 56 78",
        "212612345678",
        "  0612345678  ",
    ],
)
def test_moroccan_mobile_formats(typed):
    assert normalised_phone(typed) == "+212612345678"


def test_other_moroccan_and_international_numbers():
    assert normalised_phone("0712345678") == "+212712345678"
    assert normalised_phone("0522-12-34-56") == "+212522123456"
    assert normalised_phone("+33 6 12 34 56 78") == "+33612345678"
    assert normalised_phone("0033612345678") == "+33612345678"
    assert normalised_phone("+1 415 555 2671") == "+14155552671"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        None,
        "   ",
        "hello",
        "06123",
        "+212",
        "0612345678x",
        "06 12 34 56 7a",
        "0612345678\x00",
        "\u202e0612345678",
        "06\u200f12345678",
        "+212612345678999999",
        "++212612345678",
        "0012",
        "1234567890123456789012345678901234",
    ],
)
def test_garbage_is_refused(typed):
    assert normalised_phone(typed) is None


@given(st.text(max_size=60))
def test_never_raises_and_gives_e164_or_none(typed):
    result = normalised_phone(typed)
    assert result is None or (result.startswith("+") and result[1:].isdigit())
    if result:
        assert normalised_phone(result) == result  # stable once normalised


@given(st.from_regex(r"0[67][0-9]{8}", fullmatch=True))
def test_every_moroccan_mobile_round_trips(typed):
    e164 = normalised_phone(typed)
    if e164 is not None:
        assert e164 == "+212" + typed[1:]
        assert normalised_phone(readable_phone(e164)) == e164


@given(st.from_regex(r"[0-9 +\-.()/]{0,40}", fullmatch=True))
def test_separators_and_digits_never_raise(typed):
    normalised_phone(typed)
