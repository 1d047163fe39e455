"""The poll results chart: horizontal SVG bars with each answer's votes and share as
text, growing from the start of the line (the right, in Arabic); the room screen's QR."""

import segno
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi, ngettext
from django.utils.translation import gettext as _

register = template.Library()

WIDTH = 320
ROW = 44
BAR = 16


@register.inclusion_tag("community/_chart.html")
def results_chart(poll, results):
    rtl = get_language_bidi()
    rows = []
    for n, result in enumerate(results):
        length = round(WIDTH * result["percent"] / 100)
        top = n * ROW
        rows.append(
            {
                **result,
                "label_y": top + 14,
                "bar_y": top + 20,
                "bar_x": WIDTH - length if rtl else 0,
                "bar_width": max(length, 1),
                "text_x": WIDTH if rtl else 0,
                "count_text": ngettext("%(count)s vote", "%(count)s votes", result["votes"])
                % {"count": result["votes"]},
            }
        )
    summary = "; ".join(f"{r['option'].text}: {r['count_text']} ({r['percent']} %)" for r in rows)
    return {
        "poll": poll,
        "rows": rows,
        "width": WIDTH,
        "height": max(ROW * len(rows), ROW),
        # The SVG inherits the page's direction: "start" is the right edge in Arabic.
        "anchor": "start",
        "label": _("Results: %(summary)s") % {"summary": summary},
        "people": ngettext("%(count)s person voted.", "%(count)s people voted.", poll.ballots)
        % {"count": poll.ballots},
    }


@register.simple_tag
def join_qr(url: str):
    """The QR code of the questions' address, drawn by segno (it escapes the title)."""
    code = segno.make_qr(url, error="m")
    title = _("QR code: scan it to ask and vote")
    svg = code.svg_inline(omitsize=True, svgclass="qr", title=title, border=4)
    return mark_safe(svg)  # noqa: S308 - segno's own markup, the title escaped by segno


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
