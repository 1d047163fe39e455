"""The organiser's dashboard of the current edition, its tables as CSV, and the
printable impact report. Staff with dashboard.view_dashboard only."""

from django.http import Http404
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.csv import csv_response
from core.permissions import staff_only
from dashboard import metrics, panels, report
from dashboard.tables import TABLES
from editions.models import Edition
from editions.rendering import render_for_edition
from editions.services import staff_edition


def _context(request, edition) -> dict:
    return {
        "nav": "dashboard",
        "editions": Edition.objects.order_by("-starts_on"),
        "edition_query": f"?edition={edition.slug}" if request.GET.get("edition") else "",
    }


def organiser(view):
    return require_GET(staff_only("dashboard.view_dashboard")(view))


@organiser
def home(request):
    edition = staff_edition(request)
    rows = {name: table.rows(edition) for name, table in TABLES.items()}
    drawn = panels.charts_of(
        rows, colours={str(p.name): p.colour for p in edition.pass_types.all()}
    )
    sections = [
        {
            "name": name,
            "table": table,
            "rows": rows[name],
            "template": drawn[name][0],
            "chart": drawn[name][1],
        }
        for name, table in TABLES.items()
    ]
    context = {
        **_context(request, edition),
        "sections": sections,
        "now": timezone.now(),
        "occupancy": metrics.occupancy(edition),
    }
    return render_for_edition(request, "dashboard/home.html", context, edition)


@organiser
def table_csv(request, name: str):
    table = TABLES.get(name)
    if table is None:
        raise Http404
    edition = staff_edition(request)
    return csv_response(table.columns, table.rows(edition), filename=f"{name}-{edition.slug}.csv")


@organiser
def impact_report(request):
    edition = staff_edition(request)
    context = {**report.of(edition), **_context(request, edition)}
    return render_for_edition(request, "dashboard/report.html", context, edition)
