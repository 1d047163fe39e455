"""Hostile input for the hypothesis tests of every public form, and what clean text is.

Very long text, Arabic with bidi overrides and isolates, NUL and control
characters, header injection, HTML and script, template syntax, SQL, emoji,
Tifinagh, numbers too big for a database column.
"""

import unicodedata
from html.parser import HTMLParser

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


# What a page may never contain once hostile text went through a form: markup from
# NASTY that came back unescaped.
RAW_MARKUP = ("<script>alert", "<img src=x", "<svg onload")
# Where a bidi control cannot reorder the text around it: form controls and
# <option>s are laid out on their own, <title> is not in the page, and an element
# with `dir` (or a <bdi>) isolates its content from its neighbours.
CONTAINED = frozenset({"textarea", "option", "title", "script", "style"})
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


class _BidiLeaks(HTMLParser):
    """Collects the text nodes holding a bidi control outside an isolating element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # (tag, isolates)
        self.leaks = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            isolates = tag == "bdi" or any(name == "dir" for name, _value in attrs)
            self.open.append((tag, isolates))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        if not BIDI_CONTROLS.intersection(data):
            return
        if any(tag in CONTAINED for tag, _isolates in self.open):
            return
        # Only the element holding the text counts: <html dir="rtl"> isolates nothing.
        if self.open and self.open[-1][1] and self.open[-1][0] not in ("html", "body"):
            return
        self.leaks.append(("/".join(tag for tag, _isolates in self.open[-3:]), data[:80]))


def assert_page_safe(response, *, statuses=(200,)):
    """The page answers, shows no hostile markup unescaped, and every bidi control in
    its text stays inside an element that isolates it (<bdi>, dir="…") or a form control."""
    assert response.status_code in statuses, response.status_code
    html = response.content.decode()
    lowered = html.lower()
    for marker in RAW_MARKUP:
        assert marker not in lowered, marker
    parser = _BidiLeaks()
    parser.feed(html)
    parser.close()
    assert not parser.leaks, parser.leaks
    return html


def assert_stored_clean(instance, *, multiline=(), fields=None):
    """Every text field of a stored object: no NUL, control or bidi characters (line
    breaks only in the fields named in `multiline`)."""
    instance.refresh_from_db()
    for field in instance._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        value = getattr(instance, field.attname)
        if not isinstance(value, str):
            continue
        assert not BIDI_CONTROLS.intersection(value), (field.name, value[:80])
        for character in value:
            if field.name in multiline and character in "\n\r\t":
                continue
            assert unicodedata.category(character) not in ("Cc", "Zl", "Zp"), (
                field.name,
                value[:80],
            )
