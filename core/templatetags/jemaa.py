"""Template helpers shared by every part of Jemaa."""

from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import translate_url
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from core.i18n import list_separator

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each language, so switching keeps you where you are."""
    request = context["request"]
    current = context.get("LANGUAGE_CODE")
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(request.get_full_path(), code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def toggle_query(context, key: str, value: str) -> str:
    """The current query string with `key=value` added, or removed if present."""
    query: QueryDict = context["request"].GET.copy()
    values = query.getlist(key)
    query.setlist(key, [v for v in values if v != value] if value in values else [*values, value])
    return "?" + query.urlencode() if query else "?"


@register.filter(needs_autoescape=True)
def words(items, autoescape=True):
    """A list of names joined with the active language's comma ("، " in Arabic)."""
    escape = conditional_escape if autoescape else str
    return mark_safe(escape(list_separator()).join(escape(item) for item in items))  # noqa: S308


@register.filter
def minutes_class(minutes: int) -> str:
    """A row-height class for a slice of the timetable, in 5-minute steps."""
    steps = max(1, min(12, round(minutes / 5)))
    return f"m{steps}"
