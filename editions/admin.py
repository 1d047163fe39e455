"""Staff pages for editions, their pivots, spaces and partners.

Also the small admin helpers the programme's pages share: the three languages of
a text side by side, right-to-left Arabic inputs, a "missing translation" column
and filter, choices and filters kept to one edition, new objects in the edition
being prepared, read-only admins for rows only the services change.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core import query
from core.i18n import LANGUAGE_LABELS, list_separator, missing_languages, missing_translation
from core.images import PictureField
from core.logos import clean_logo
from editions.models import Edition, Partner, Pivot, Space
from editions.services import CurrentSwap, EditionError, make_current, staff_edition

# The query parameter of the "edition" filter, read by filters scoped to it.
EDITION_PARAMETER = "edition__id__exact"


# The admin's own additions to its stylesheet (a file: the CSP allows no inline style).
STAFF_MEDIA = forms.Media(css={"all": ["editions/admin.css"]})


def language_fieldsets(*bases: str) -> list[tuple[str, dict]]:
    """One fieldset with a row per text, its French, Arabic and English versions
    side by side, so a translator compares them as they type.
    `language_fieldsets("title", "abstract")` → (title_fr, title_ar, title_en), …"""
    return [
        (
            # Each language's own name, so a translator finds their column whatever
            # the admin's language.
            " · ".join(autonym for _code, autonym in settings.LANGUAGES),
            {
                "fields": [
                    tuple(f"{base}_{code}" for code, _name in settings.LANGUAGES) for base in bases
                ],
                "classes": ["languages"],
            },
        )
    ]


def translated_column(base: str, description):
    """A changelist column showing `<base>` in the staff member's language, sorted
    by the French value (the one always filled)."""

    @admin.display(description=description, ordering=f"{base}_fr")
    def column(obj):
        return getattr(obj, base)

    column.__name__ = base  # the cell's CSS class: field-name, field-title
    return column


class RelationFilter(admin.RelatedFieldListFilter):
    """Filter by a relation, titled in the staff's language. Choices that belong to
    an edition (pivots, spaces) name it, and once an edition is picked only its
    own are offered: five editions' "Salle Atlas" are not five identical lines."""

    def field_choices(self, field, request, model_admin):
        related = field.related_model
        if not any(f.name == "edition" for f in related._meta.fields):
            return super().field_choices(field, request, model_admin)
        choices = related.objects.select_related("edition")
        edition_id = query.number(request.GET, EDITION_PARAMETER)
        if edition_id is not None:
            choices = choices.filter(edition_id=edition_id)
        choices = list(choices)
        if len({item.edition_id for item in choices}) <= 1:
            return [(item.pk, str(item)) for item in choices]
        return [(item.pk, f"{item} ({item.edition})") for item in choices]


class StaffFormMixin:
    """Form fields for staff: Arabic typed right to left, bare domains as https,
    every picture re-encoded by the cleaner its admin names in `pictures` (a picture
    field left out is an error, so none is ever stored as uploaded), and the pivots,
    spaces, sessions… of an object offered from its own edition only."""

    pictures: dict = {}  # field name → core.photos.clean_photo or core.logos.clean_logo
    # Where the edited object's edition is: "edition", or e.g. "activity__edition".
    edition_path = "edition"

    @property
    def media(self):
        return super().media + STAFF_MEDIA

    def get_form(self, request, obj=None, change=False, **kwargs):
        # Read by the choices below while the form (and its inlines') is being built.
        request.staff_edition_id = edition_id_of(obj, self.edition_path)
        return super().get_form(request, obj, change, **kwargs)

    def get_changeform_initial_data(self, request):
        # New objects are nearly always for the edition being prepared.
        initial = super().get_changeform_initial_data(request)
        if owned_by_edition(self.model) and "edition" not in initial:
            try:
                initial["edition"] = staff_edition(request).pk
            except Http404:
                pass  # no edition yet: staff pick one
        return initial

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if owned_by_edition(db_field.related_model) and "queryset" not in kwargs:
            kwargs["queryset"] = self.edition_choices(db_field, request)
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return label_with_edition(formfield)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if owned_by_edition(db_field.related_model) and "queryset" not in kwargs:
            kwargs["queryset"] = self.edition_choices(db_field, request)
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return label_with_edition(formfield)

    def edition_choices(self, db_field, request):
        choices = db_field.related_model._default_manager.select_related("edition")
        edition_id = getattr(request, "staff_edition_id", None)
        if edition_id is None:
            return choices  # a new object: any edition's, each labelled with it
        return choices.filter(edition_id=edition_id)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")  # a typed "www.…" means https today
        if isinstance(db_field, models.ImageField):
            kwargs.update(form_class=PictureField, clean_upload=self.pictures[db_field.name])
        if db_field.name == "colour":
            # Pivots' and passes' colours, with the browser's picker rather than typed as #rrggbb.
            kwargs["widget"] = forms.TextInput(attrs={"type": "color"})
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is None:
            return None
        if db_field.name.endswith("_ar"):
            formfield.widget.attrs.update({"dir": "rtl", "lang": "ar"})
        return formfield


def owned_by_edition(model) -> bool:
    return any(field.name == "edition" and field.is_relation for field in model._meta.fields)


def edition_id_of(obj, path: str) -> int | None:
    """The edition of `obj` found along `path` ("edition", "activity__edition"),
    None for a new object or one outside any edition."""
    *steps, last = path.split("__")
    for step in steps:
        obj = getattr(obj, step, None)
    return getattr(obj, f"{last}_id", None)


def label_with_edition(formfield):
    """Choices from several editions say which: five editions' "Salle Atlas" are not
    five identical lines."""
    if formfield is None or not owned_by_edition(formfield.queryset.model):
        return formfield
    if formfield.queryset.values("edition").distinct().count() > 1:
        formfield.label_from_instance = lambda item: f"{item} ({item.edition})"
    return formfield


class StaffAdmin(StaffFormMixin, admin.ModelAdmin):
    pass


class MissingLanguageFilter(admin.SimpleListFilter):
    """Objects with a text written in French but not yet in Arabic, or in English."""

    title = _("translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [
            (code, _("%(language)s missing") % {"language": LANGUAGE_LABELS[code]})
            for code, _name in settings.LANGUAGES
            if code != settings.LANGUAGE_CODE
        ]

    def queryset(self, request, queryset):
        if self.value() not in LANGUAGE_LABELS or self.value() == settings.LANGUAGE_CODE:
            return queryset
        return queryset.filter(missing_translation(queryset.model, self.value()))


class TranslatedAdmin(StaffAdmin):
    """Objects whose texts are typed in three languages: each row of the list says
    which translation is missing, and a filter finds them."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "missing_translations"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingLanguageFilter]

    @admin.display(description=_("missing translations"))
    def missing_translations(self, obj):
        codes = missing_languages(obj)
        if not codes:
            return None  # the admin's "-": nothing missing
        return list_separator().join(str(LANGUAGE_LABELS[code]) for code in codes)


class ReadOnlyMixin:
    """Seen, never edited here: these rows are history or go through the services."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnlyMixin, admin.TabularInline):
    extra = 0
    can_delete = False


class ChangedWithEditionInline(StaffFormMixin, admin.TabularInline):
    """Inlines on the edition page follow the edition's own permission: someone who
    may only view the edition manages pivots, spaces and partners on their own
    pages rather than through a form they could not save."""

    extra = 0
    show_change_link = True

    def may_change_edition(self, request) -> bool:
        return request.user.has_perm("editions.change_edition")

    def has_add_permission(self, request, obj=None):
        return self.may_change_edition(request) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.may_change_edition(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.may_change_edition(request) and super().has_delete_permission(request, obj)


class PivotInline(ChangedWithEditionInline):
    model = Pivot
    fields = ["position", "slug", "name_fr", "name_ar", "name_en", "colour"]


class SpaceInline(ChangedWithEditionInline):
    model = Space
    fields = ["position", "slug", "name_fr", "name_ar", "name_en", "kind", "capacity"]


class PartnerInline(ChangedWithEditionInline):
    model = Partner
    fields = ["position", "name", "role", "logo", "website"]
    pictures = {"logo": clean_logo}


@admin.register(Edition)
class EditionAdmin(StaffAdmin):
    list_display = [
        translated_column("name", _("name")),
        "starts_on",
        "ends_on",
        "city",
        "is_current",
        "is_published",
    ]
    list_filter = ["is_current", "is_published", "city"]
    search_fields = ["slug", "name_fr", "name_ar", "name_en", "city", "venue"]
    prepopulated_fields = {"slug": ["name_fr"]}
    inlines = [PivotInline, SpaceInline, PartnerInline]
    actions = ["make_current_action"]
    change_form_template = "admin/editions/edition/change_form.html"
    # Only "Make current" changes the current edition: it swaps in one step.
    readonly_fields = ["is_current", "made_current_at", "made_current_by"]
    fieldsets = [
        (None, {"fields": ["slug", "starts_on", "ends_on", "time_zone"]}),
        (
            _("Publication"),
            {"fields": ["is_current", "is_published", "made_current_at", "made_current_by"]},
        ),
        (
            _("Venue and organiser"),
            {"fields": ["venue", "city", "address", "organiser", "website"]},
        ),
        *language_fieldsets("name", "theme", "objective"),
    ]

    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.make_current_view))
        return [
            path("<int:pk>/make-current/", view, name="editions_edition_make_current"),
            *super().get_urls(),
        ]

    @admin.action(description=_("Make current"), permissions=["change"])
    def make_current_action(self, request, queryset):
        if queryset.count() != 1:
            message = gettext("Choose one edition to make current.")
            self.message_user(request, message, messages.ERROR)
            return
        self._make_current(request, queryset.get())

    def make_current_view(self, request, pk: int):
        edition = get_object_or_404(Edition, pk=pk)
        if not self.has_change_permission(request, edition):
            raise PermissionDenied
        self._make_current(request, edition)
        return redirect("admin:editions_edition_change", pk)

    def _make_current(self, request, edition: Edition) -> None:
        try:
            swap = make_current(edition, by=request.user)
        except EditionError as refused:
            self.message_user(request, refused.message, messages.ERROR)
            return
        if swap.changed:
            self.log_change(request, swap.edition, gettext("Made current."))
        self.message_user(request, made_current_message(swap), messages.SUCCESS)


def made_current_message(swap: CurrentSwap) -> str:
    names = {"edition": swap.edition, "previous": swap.previous}
    if not swap.changed:
        return gettext("“%(edition)s” was already the current edition.") % names
    if swap.published:
        said = gettext("“%(edition)s” is published and is now the current edition.") % names
    else:
        said = gettext("“%(edition)s” is now the current edition.") % names
    if swap.previous is not None:
        said += " " + gettext("“%(previous)s” is shown as an archive.") % names
    return said


class EditionPartAdmin(StaffAdmin):
    """Pivots, spaces and partners are looked at edition by edition."""

    list_filter = [("edition", RelationFilter)]
    list_select_related = ["edition"]


@admin.register(Pivot)
class PivotAdmin(TranslatedAdmin, EditionPartAdmin):
    list_display = [
        translated_column("name", _("name")),
        "edition",
        "position",
        "colour",
    ]
    search_fields = [
        "slug",
        "name_fr",
        "name_ar",
        "name_en",
        "keywords_fr",
        "keywords_ar",
        "keywords_en",
    ]
    fieldsets = [
        (None, {"fields": ["edition", "slug", "position", "colour"]}),
        *language_fieldsets("name", "description", "keywords"),
    ]


@admin.register(Space)
class SpaceAdmin(TranslatedAdmin, EditionPartAdmin):
    list_display = [
        translated_column("name", _("name")),
        "edition",
        "kind",
        "capacity",
        "position",
    ]
    list_filter = [("edition", RelationFilter), "kind"]
    search_fields = ["slug", "name_fr", "name_ar", "name_en"]
    fieldsets = [
        (None, {"fields": ["edition", "slug", "kind", "position", "capacity"]}),
        *language_fieldsets("name", "description"),
    ]


@admin.register(Partner)
class PartnerAdmin(EditionPartAdmin):
    list_display = ["name", "role", "edition", "website", "position"]
    list_filter = [("edition", RelationFilter), "role"]
    search_fields = ["name"]
    fields = ["edition", "name", "role", "logo", "website", "position"]
    pictures = {"logo": clean_logo}
