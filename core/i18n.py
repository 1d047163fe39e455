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


def translated_bases(model) -> list[str]:
    """The texts a model stores once per language: `name` for name_fr, name_ar, name_en."""
    names = {field.name for field in model._meta.concrete_fields}
    suffix = f"_{FALLBACK}"
    return [
        name.removesuffix(suffix)
        for name in sorted(names)
        if name.endswith(suffix)
        and all(f"{name.removesuffix(suffix)}_{code}" in names for code in LANGUAGE_CODES)
    ]


def missing_translation(model, language: str) -> models.Q:
    """Rows with a text written in French but not in `language` (a text empty in
    French too is simply not written yet, not a missing translation)."""
    gap = models.Q(pk__in=[])
    for base in translated_bases(model):
        gap |= models.Q(**{f"{base}_{language}": ""}) & ~models.Q(**{f"{base}_{FALLBACK}": ""})
    return gap


def missing_languages(obj) -> list[str]:
    """The languages (codes) in which some text of `obj` written in French is missing."""
    bases = translated_bases(type(obj))
    return [
        code
        for code in LANGUAGE_CODES
        if code != FALLBACK
        and any(getattr(obj, f"{b}_{FALLBACK}") and not getattr(obj, f"{b}_{code}") for b in bases)
    ]
