"""The poll results chart: horizontal SVG bars with each answer's votes and share as
text, growing from the start of the line (the right, in Arabic)."""

from django import template
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
        rows.append({
            **result,
            "label_y": top + 14,
            "bar_y": top + 20,
            "bar_x": WIDTH - length if rtl else 0,
            "bar_width": max(length, 1),
            "text_x": WIDTH if rtl else 0,
            "count_text": ngettext("%(count)s vote", "%(count)s votes", result["votes"])
            % {"count": result["votes"]},
        })
    summary = "; ".join(f"{r['option'].text}: {r['count_text']} ({r['percent']} %)" for r in rows)
    return {
        "poll": poll, "rows": rows, "width": WIDTH, "height": max(ROW * len(rows), ROW),
        # The SVG inherits the page's direction: "start" is the right edge in Arabic.
        "anchor": "start",
        "label": _("Results: %(summary)s") % {"summary": summary},
        "people": ngettext("%(count)s person voted.", "%(count)s people voted.", poll.ballots)
        % {"count": poll.ballots},
    }


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
