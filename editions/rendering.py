from django.shortcuts import render
from django.utils import timezone

from editions.models import Edition


def render_for_edition(request, template: str, context: dict, edition: Edition, **kwargs):
    """Render with times shown in the edition's own time zone."""
    # Links to per-edition pages (pivots, exports) name a past edition explicitly.
    archive_query = "" if edition.is_current else f"?edition={edition.slug}"
    context = {"edition": edition, "archive_query": archive_query, **context}
    with timezone.override(edition.tz):
        response = render(request, template, context, **kwargs)
    return response
