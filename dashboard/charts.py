"""Server-drawn SVG charts: a cumulative line per series, and horizontal bars. Every
value is also written as text; the page's tables hold the same numbers."""

from django.utils.translation import get_language_bidi

WIDTH, HEIGHT, MARGIN = 640, 220, 36
PALETTE = ["#135e4b", "#b3541e", "#1565c0", "#6a1b9a", "#8a6d00", "#37474f"]


def lines(series, colours=None) -> dict:
    """Cumulative curves over days; the x axis runs right to left in Arabic."""
    days = sorted({day for s in series for day, _total in s.points})
    top = max([total for s in series for _day, total in s.points] or [0]) or 1
    rtl = get_language_bidi()
    span = max(len(days) - 1, 1)
    inner_w, inner_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN

    def x(index):
        offset = inner_w * index / span
        # Whole pixels: a float would be written "604,0" in French and Arabic templates.
        return round(MARGIN + (inner_w - offset if rtl else offset))

    def y(total):
        return round(HEIGHT - MARGIN - inner_h * total / top)

    drawn = []
    for n, s in enumerate(series):
        points = " ".join(f"{x(days.index(d))},{y(t)}" for d, t in s.points)
        last = s.points[-1][1] if s.points else 0
        colour = (colours or {}).get(s.label) or PALETTE[n % len(PALETTE)]
        drawn.append({"label": s.label, "points": points, "last": last, "colour": colour})
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "series": drawn,
        "top": top,
        "top_y": y(top),
        "base_y": y(0),
        "first": days[0] if days else None,
        "last": days[-1] if days else None,
        "first_x": x(0),
        "last_x": x(span),
        "left": MARGIN,
        "right": WIDTH - MARGIN,
        # The SVG is drawn left to right (direction="ltr"); in Arabic time runs leftwards,
        # so the first day sits on the right and its label ends there.
        "first_anchor": "end" if rtl else "start",
        "last_anchor": "start" if rtl else "end",
    }


def bars(rows, *, unit: str = "") -> dict:
    """rows: (label, value); bars grow from the start of the line; `unit` follows each value."""
    rtl = get_language_bidi()
    top = max([value for _label, value in rows] or [0]) or 1
    drawn = []
    for n, (label, value) in enumerate(rows):
        length = round((WIDTH - 2 * MARGIN) * value / top)
        drawn.append(
            {
                "label": label,
                "value": value,
                "y": n * 40 + 16,
                "bar_y": n * 40 + 22,
                "x": WIDTH - MARGIN - length if rtl else MARGIN,
                "length": max(length, 1),
                "text_x": WIDTH - MARGIN if rtl else MARGIN,
            }
        )
    return {"width": WIDTH, "height": max(40 * len(rows), 40), "rows": drawn, "unit": unit}


def stacked_bars(rows, parts: list) -> dict:
    """rows: (label, [value per part]); one bar per row, its parts laid end to end from
    the start of the line, one colour per part (named in a legend)."""
    rtl = get_language_bidi()
    colours = [PALETTE[n % len(PALETTE)] for n in range(len(parts))]
    top = max([sum(values) for _label, values in rows] or [0]) or 1
    drawn = []
    for n, (label, values) in enumerate(rows):
        start, blocks = 0, []
        for part, colour, value in zip(parts, colours, values, strict=True):
            if not value:
                continue
            length = max(round((WIDTH - 2 * MARGIN) * value / top), 1)
            x = WIDTH - MARGIN - start - length if rtl else MARGIN + start
            blocks.append({"x": x, "length": length, "colour": colour, "title": f"{part}: {value}"})
            start += length
        drawn.append(
            {
                "label": label,
                "value": sum(values),
                "y": n * 40 + 16,
                "bar_y": n * 40 + 22,
                "text_x": WIDTH - MARGIN if rtl else MARGIN,
                "blocks": blocks,
            }
        )
    return {
        "width": WIDTH,
        "height": max(40 * len(rows), 40),
        "rows": drawn,
        "legend": [
            {"label": part, "colour": colour} for part, colour in zip(parts, colours, strict=True)
        ],
    }


def columns(rows) -> dict:
    """rows: (label, day, {part: value}) in time order, `day` shown under the first
    column of each day; one column per row, its parts stacked (check-ins per hour, one
    colour per gate). In Arabic the first column is on the right."""
    parts = sorted({part for _label, _day, values in rows for part in values})
    colours = {part: PALETTE[n % len(PALETTE)] for n, part in enumerate(parts)}
    top = max([sum(values.values()) for _label, _day, values in rows] or [0]) or 1
    rtl = get_language_bidi()
    step = (WIDTH - 2 * MARGIN) / max(len(rows), 1)
    drawn = []
    for n, (label, day, values) in enumerate(rows):
        x = round(WIDTH - MARGIN - (n + 1) * step if rtl else MARGIN + n * step)
        blocks = _stack(values, colours, top)
        drawn.append(
            {
                "label": label,
                "day": day if n == 0 or rows[n - 1][1] != day else "",
                "x": x,
                "width": max(round(step) - 4, 1),
                "centre": x + round(step / 2),
                "total": sum(values.values()),
                "top_y": (blocks[-1]["y"] if blocks else HEIGHT - MARGIN) - 4,
                "blocks": blocks,
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "columns": drawn,
        "base_y": HEIGHT - MARGIN,
        "label_y": HEIGHT - MARGIN + 14,
        "day_y": HEIGHT - MARGIN + 28,
        "left": MARGIN,
        "right": WIDTH - MARGIN,
        "legend": [{"label": part, "colour": colour} for part, colour in colours.items()],
    }


def _stack(values: dict, colours: dict, top: int) -> list[dict]:
    """One block per part with a value, piled up from the axis."""
    base, blocks = HEIGHT - MARGIN, []
    for part, colour in colours.items():
        if values.get(part):
            height = max(round((HEIGHT - 2 * MARGIN) * values[part] / top), 1)
            base -= height
            blocks.append(
                {"y": base, "height": height, "colour": colour, "title": f"{part}: {values[part]}"}
            )
    return blocks
