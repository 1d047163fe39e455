"""The dashboard's charts, drawn from the rows of its tables (no query of their own):
what is shown as a picture is exactly what the table and the CSV hold."""

from datetime import date

from dashboard import charts
from dashboard.metrics import Series
from dashboard.tables import TABLES

TOP_SESSIONS = 10
LINES, COLUMNS, BARS = ("dashboard/_lines.html", "dashboard/_columns.html", "dashboard/_bars.html")
STACKED_BARS = "dashboard/_stacked_bars.html"


def _registrations(rows, colours):
    """Rows (day, pass, cumulative count) → one curve per pass."""
    series: dict[str, Series] = {}
    for day, label, total in rows:
        series.setdefault(label, Series(label, [])).points.append((date.fromisoformat(day), total))
    return charts.lines(list(series.values()), colours)


def _check_ins(rows):
    """Rows (hour "YYYY-MM-DD HH:00", gate, count) → one column per hour, stacked by gate."""
    hours: dict[str, dict] = {}
    for hour, gate, count in rows:
        hours.setdefault(hour, {})[gate] = count
    return charts.columns(
        [(hour[11:13], hour[8:10] + "/" + hour[5:7], gates) for hour, gates in hours.items()]
    )


def _sessions(rows, parts):
    """The sessions with the most interest and participation: in agendas, questions,
    ratings and public entries, stacked. (Ranked by agendas alone, the chart was empty
    for an edition whose visitors kept no agenda while its table had rows.)"""
    measured = [(row[0], row[3:7]) for row in rows if any(row[3:7])]
    ranked = sorted(measured, key=lambda row: -sum(row[1]))[:TOP_SESSIONS]
    return charts.stacked_bars(ranked, parts)


def _fill_rates(rows):
    """Per activity, the share of its bookable places booked over all its slots (%)."""
    places: dict[str, list[int]] = {}
    for title, _slot, _capacity, bookable, booked, *_counted in rows:
        totals = places.setdefault(title, [0, 0])
        totals[0] += bookable
        totals[1] += booked
    return charts.bars(
        [
            (title, round(100 * booked / bookable) if bookable else 0)
            for title, (bookable, booked) in places.items()
        ],
        unit="%",
    )


def charts_of(tables: dict, *, colours: dict) -> dict:
    """tables: name → rows, as in dashboard.tables.TABLES; colours: pass name → colour.
    Each chart with the template that draws it."""
    participation = [str(column) for column in TABLES["sessions"].columns[3:7]]
    return {
        "registrations": (LINES, _registrations(tables["registrations"], colours)),
        "check-ins": (COLUMNS, _check_ins(tables["check-ins"])),
        "sessions": (STACKED_BARS, _sessions(tables["sessions"], participation)),
        "lounge": (BARS, charts.bars(tables["lounge"])),
        "startups": (BARS, charts.bars(tables["startups"])),
        "activity-slots": (BARS, _fill_rates(tables["activity-slots"])),
        "community": (BARS, charts.bars([(row[0], row[3]) for row in tables["community"]])),
    }
