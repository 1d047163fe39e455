"""Text typed into search boxes and filters, made safe to query with."""

import unicodedata

# Control and format characters: NUL makes PostgreSQL refuse the query outright,
# the others only hide what is being searched for.
HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp"})


def searchable(typed: str, *, limit: int = 100) -> str:
    """The words of `typed`, without control or invisible characters, at most `limit` long."""
    visible = "".join(" " if unicodedata.category(c) in HIDDEN else c for c in typed or "")
    return " ".join(visible.split())[:limit]
