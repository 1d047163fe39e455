"""Hostile input for the hypothesis tests of every public form, and what clean text is.

Very long text, Arabic with bidi overrides and isolates, NUL and control
characters, header injection, HTML and script, template syntax, SQL, emoji,
Tifinagh, numbers too big for a database column.
"""

import unicodedata

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from registration.forms import BIDI_CONTROLS

NASTY = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "أمينة\u202eبنجلون",
    "\u2066عربي\u2069",
    "\u202a\u202b\u202c\u202d",
    "\x00",
    "\x07\x1b[31m",
    "\r\nBcc: victim@example.org",
    "\u2028\u2029",
    "\u200f\u200e\ufeff",
    "e\u0301",  # decomposed é: stored composed
    "&amp;&lt;",
    "'; DROP TABLE registration_registration; --",
    "{{ secret }}{% debug %}",
    "javascript:alert(1)",
    "💥🇲🇦",
    "   ",
    "ⵜⴰⵎⴰⵣⵉⵖⵜ",
    "18446744073709551616",
    "-1",
]


def hostile_text(*, longest: int = 1200):
    """Text to throw at a field: random, nasty pieces stitched together, or longer
    than any limit (up to `longest` characters)."""
    return st.one_of(
        st.text(max_size=120),
        st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)), max_size=8).map("".join),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=95, max_size=longest),
        st.sampled_from(NASTY),
    )


def examples(count: int):
    """Hypothesis settings for form tests: `count` examples, no deadline (a database is
    involved), fixtures shared across examples on purpose."""
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


def assert_clean_text(value: str, *, limit: int, multiline=False, markup=True):
    """What the forms let through: within the limit, stripped, composed, no bidi
    controls, no control characters (but line breaks where allowed), no < > where
    markup is refused."""
    assert len(value) <= limit
    assert value == value.strip()
    assert value == unicodedata.normalize("NFC", value)
    assert not BIDI_CONTROLS.intersection(value)
    for character in value:
        if multiline and character in "\n\r\t":
            continue
        assert unicodedata.category(character) not in ("Cc", "Zl", "Zp"), repr(character)
    if not markup:
        assert "<" not in value and ">" not in value
