"""The ideas board's open data, downloadable by anyone: ideas.csv, votes.csv, ideas.json."""

import json

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from community import exports
from community.ideas import LICENCE_URL
from core.csv import csv_response
from editions.services import current_edition

TABLES = {
    "ideas": (exports.IDEA_COLUMNS, exports.idea_rows),
    "votes": (exports.VOTE_COLUMNS, exports.vote_rows),
}


def _download(response, name: str):
    """An attachment that says its licence to machines too (RFC 8288 rel="license")."""
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


@require_GET
def as_json(request):
    edition = current_edition()
    body = json.dumps(exports.as_json(edition), ensure_ascii=False, indent=1)
    return _download(
        HttpResponse(body, content_type="application/json; charset=utf-8"),
        f"ideas-{edition.slug}.json",
    )


@require_GET
def as_csv(request, table: str):
    if table not in TABLES:
        raise Http404
    edition = current_edition()
    columns, rows = TABLES[table]
    lines = ([row[column] for column in columns] for row in rows(edition))
    name = f"{table}-{edition.slug}.csv"
    return _download(csv_response(columns, lines, filename=name), name)
