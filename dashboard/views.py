"""The organiser's dashboard of the current edition, its tables as CSV, and the
printable impact report. Staff with dashboard.view_dashboard only."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from core.permissions import staff_only
from dashboard import charts, metrics, report
from dashboard.tables import TABLES
from editions.models import Edition
from editions.rendering import render_for_edition
from editions.services import current_edition


def _edition(request) -> Edition:
    """The edition asked for by ?edition=<slug> (any, for staff), else the current one."""
    slug = request.GET.get("edition", "")
    return get_object_or_404(Edition, slug=slug) if slug else current_edition()


def _context(request, edition) -> dict:
    return {"nav": "dashboard", "editions": Edition.objects.order_by("-starts_on"),
            "edition_query": f"?edition={edition.slug}" if request.GET.get("edition") else ""}


def organiser(view):
    return require_GET(staff_only("dashboard.view_dashboard")(view))


@organiser
def home(request):
    edition = _edition(request)
    series = metrics.registrations_over_time(edition)
    colours = {str(p.name): p.colour for p in edition.pass_types.all()}
    gates = {}
    for row in metrics.check_ins_by_gate_and_hour(edition):
        gates[row["gate"]] = gates.get(row["gate"], 0) + row["count"]
    tables = {name: (table, table.rows(edition)) for name, table in TABLES.items()}
    lounge_rows = tables["lounge"][1]
    context = {
        **_context(request, edition), "tables": tables,
        "occupancy": metrics.occupancy(edition),
        "registrations_chart": charts.lines(series, colours),
        "gates_chart": charts.bars(sorted(gates.items())),
        "lounge_chart": charts.bars([(label, n) for label, n in lounge_rows]),
        "startups_chart": charts.bars([(label, n) for label, n in tables["startups"][1]]),
        "ideas_chart": charts.bars([(row[0], row[3]) for row in tables["community"][1]]),
    }
    return render_for_edition(request, "dashboard/home.html", context, edition)


@organiser
def table_csv(request, name: str):
    table = TABLES.get(name)
    if table is None:
        raise Http404
    edition = _edition(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{edition.slug}.csv"'
    response.write("\ufeff")  # spreadsheet software reads UTF-8 (Arabic) only with a BOM
    writer = csv.writer(response)
    writer.writerow([str(column) for column in table.columns])
    writer.writerows(table.rows(edition))
    return response


@organiser
def impact_report(request):
    edition = _edition(request)
    context = {**report.of(edition), **_context(request, edition)}
    return render_for_edition(request, "dashboard/report.html", context, edition)
