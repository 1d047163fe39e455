"""Query-string parameters, read into what a query may safely use.

Anything can arrive after the `?`: a NUL byte (PostgreSQL refuses the whole
query, a server error), control characters, a page of text, bytes that are not
UTF-8 (Django reads them as U+FFFD), "²" (which str.isdigit() accepts and int()
refuses), or the same name twice (the last value counts). A view reads each
parameter that reaches the database through one of these, never through
request.GET directly.

A parameter that names one thing (an edition, a pivot) and cannot be a slug
names nothing: 404, as for a slug that is not there. A filter offered as a
list of choices ignores what is not one of them, as a link from an older page
would; a number that is not plain ASCII digits is absent.
"""

import re

from django.http import Http404, QueryDict

from core.text import searchable

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,50}")
# Up to 18 digits: any id of any table, and within a 64-bit integer column.
DIGITS = re.compile(r"[0-9]{1,18}")


def slug(query: QueryDict, name: str) -> str | None:
    """The slug in `?name=`, None when absent or empty; 404 when it cannot be one."""
    value = query.get(name, "")
    if not value:
        return None
    if not SLUG.fullmatch(value):
        raise Http404
    return value


def choice(query: QueryDict, name: str, choices) -> str:
    """`?name=` when it is one of `choices`, else ""."""
    value = query.get(name, "")
    return value if value in choices else ""


def number(query: QueryDict, name: str) -> int | None:
    """`?name=` as a whole number when it is one (plain ASCII digits), else None."""
    value = query.get(name, "")
    return int(value) if DIGITS.fullmatch(value) else None


def text(query: QueryDict, name: str, *, limit: int = 100) -> str:
    """What was typed in the search box `?name=`, without control or invisible
    characters, at most `limit` long."""
    return searchable(query.get(name, ""), limit=limit)
