from django.shortcuts import render
from django.utils import timezone

from editions.models import Edition


def render_for_edition(request, template: str, context: dict, edition: Edition, **kwargs):
    """Render with times shown in the edition's own time zone."""
    with timezone.override(edition.tz):
        response = render(request, template, {"edition": edition, **context}, **kwargs)
    return response
