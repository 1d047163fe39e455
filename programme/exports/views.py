"""Programme exports: iCalendar, frab XML/JSON for conference apps, staff CSV.

The public ones are also served without a language prefix (`/programme/...`);
there `?lang=fr|ar|en` picks the language, French by default.
"""

import json

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from core import query
from core.csv import csv_response
from programme.models import Agenda

from . import frab, ical, spreadsheet
from .common import export_edition, export_language, export_response

# Conference apps and calendar clients poll; five minutes spares the server
# without leaving a room change unseen for long.
public_cache = cache_control(public=True, max_age=300)
CALENDAR = "text/calendar; charset=utf-8"


@require_GET
@public_cache
def programme_ics(request):
    edition = export_edition(request)
    slug = query.slug(request.GET, "pivot")
    pivot = get_object_or_404(edition.pivots, slug=slug) if slug else None
    language = export_language(request)
    with translation.override(language):
        body = ical.programme_calendar(edition, pivot=pivot, absolute=request.build_absolute_uri)
    filename = f"{edition.slug}-{pivot.slug}.ics" if pivot else f"{edition.slug}.ics"
    return export_response(
        body, content_type=CALENDAR, language=language, filename=filename, as_attachment=True
    )


@require_GET
# The link is someone's secret: no shared cache may keep a copy.
@cache_control(private=True, max_age=300)
def agenda_ics(request, secret):
    agenda = get_object_or_404(Agenda, secret=secret)
    language = export_language(request)
    with translation.override(language):
        body = ical.agenda_calendar(agenda, absolute=request.build_absolute_uri)
    return export_response(
        body, content_type=CALENDAR, language=language, filename="agenda.ics", as_attachment=True
    )


@require_GET
@public_cache
def schedule_json(request):
    edition = export_edition(request)
    language = export_language(request)
    with translation.override(language):
        document = frab.edition_schedule(edition, absolute=request.build_absolute_uri)
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return export_response(body, content_type="application/json", language=language)


@require_GET
@public_cache
def schedule_xml(request):
    edition = export_edition(request)
    language = export_language(request)
    with translation.override(language):
        document = frab.edition_schedule(edition, absolute=request.build_absolute_uri)
    body = frab.schedule_xml(document, url=request.build_absolute_uri())
    return export_response(body, content_type="application/xml; charset=utf-8", language=language)


@require_GET
@never_cache
@login_required(login_url="admin:login")
# Signed in without the permission: a 403, not a login loop.
@permission_required("programme.view_session", raise_exception=True)
def sessions_csv(request):
    edition = export_edition(request, include_unpublished=True)
    return csv_response(
        spreadsheet.header(), spreadsheet.rows(edition), filename=f"{edition.slug}-sessions.csv"
    )
