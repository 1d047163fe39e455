"""Per-language content fields with a French fallback.

Organiser-typed text (titles, abstracts, descriptions) is stored once per
language as `<name>_fr`, `<name>_ar`, `<name>_en`; `TranslatedText("name")`
reads the active language's value and falls back to French when it is empty.
"""

from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language, pgettext, pgettext_lazy

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
FALLBACK = settings.LANGUAGE_CODE


def active_language() -> str:
    language = (get_language() or FALLBACK)[:2]
    return language if language in LANGUAGE_CODES else FALLBACK


class TranslatedText:
    """Descriptor returning the active language's value of `<base>_<lang>`."""

    def __init__(self, base: str):
        self.base = base

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return self.value(obj, active_language())

    def value(self, obj, language: str) -> str:
        return getattr(obj, f"{self.base}_{language}", "") or getattr(
            obj, f"{self.base}_{FALLBACK}"
        )


# Lowercase in French ("titre (français)"), unlike the names in a list of languages.
LANGUAGE_LABELS = {
    "fr": pgettext_lazy("in a field label", "French"),
    "ar": pgettext_lazy("in a field label", "Arabic"),
    "en": pgettext_lazy("in a field label", "English"),
}


def list_separator() -> str:
    """ ", " between the items of a list in the active language (Arabic has its own comma)."""
    return pgettext("list separator", ", ")


def per_language(field_class, verbose_name, **options) -> tuple[models.Field, ...]:
    """One field per language, in LANGUAGES order; only French is required.

    Usage in a model body: `name_fr, name_ar, name_en = per_language(...)`.
    """
    fields = []
    for code in LANGUAGE_CODES:
        field_options = dict(options)
        if code != FALLBACK:
            field_options["blank"] = True
        label = format_lazy("{} ({})", verbose_name, LANGUAGE_LABELS[code])
        fields.append(field_class(label, **field_options))
    return tuple(fields)
