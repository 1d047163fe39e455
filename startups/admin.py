"""The Startup Village in the admin: calls and their criteria are set up here;
applications, their history, reviews and conflicts are only looked at.

An application's status changes only through `startups.decisions` (from the
staff pages), which checks the status, records who decided and e-mails the
applicant; a raw admin edit would skip all three. Reviews belong to their
jurors and conflicts to whoever declared them.
"""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES
from core.logos import clean_logo
from editions.admin import (
    ReadOnlyInline,
    ReadOnlyMixin,
    RelationFilter,
    StaffAdmin,
    StaffFormMixin,
    language_fieldsets,
    translated_column,
)
from startups.models import Application, ApplicationEvent, Call, Conflict, Criterion, Review, Score


class CriterionInline(StaffFormMixin, admin.StackedInline):
    model = Criterion
    extra = 0
    fieldsets = [
        (None, {"fields": ["position", "weight"]}),
        *language_fieldsets("name", "description"),
    ]


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = [
            "edition",
            "opens_at",
            "closes_at",
            "reviews_wanted",
            "village",
            *[f"{base}_{code}" for base in ("title", "introduction") for code in LANGUAGE_CODES],
        ]

    def clean(self):
        cleaned = super().clean()
        village, edition = cleaned.get("village"), cleaned.get("edition")
        if village and edition and village.edition_id != edition.pk:
            self.add_error("village", _("Choose a space of this call's edition."))
        return cleaned


@admin.register(Call)
class CallAdmin(StaffAdmin):
    form = CallForm
    list_display = [
        translated_column("title", _("title")),
        "edition",
        "opens_at",
        "closes_at",
        "reviews_wanted",
    ]
    list_select_related = ["edition"]
    search_fields = ["title_fr", "title_ar", "title_en"]
    inlines = [CriterionInline]
    fieldsets = [
        (None, {"fields": ["edition", "opens_at", "closes_at"]}),
        (_("Jury and village"), {"fields": ["reviews_wanted", "village"]}),
        *language_fieldsets("title", "introduction"),
    ]


class ReadOnlyAdmin(ReadOnlyMixin, StaffAdmin):
    """Looked at, never changed here."""


class EventInline(ReadOnlyInline):
    model = ApplicationEvent
    fields = ["at", "action", "actor", "note"]
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["name", "call", "status", "structure", "pivot", "booth", "submitted_at"]
    list_filter = [
        ("call", RelationFilter),
        "status",
        "structure",
        ("pivot", RelationFilter),
        "is_open_source",
        "is_low_tech",
    ]
    list_select_related = ["call__edition", "pivot"]
    search_fields = ["name", "slug", "city", "contact_name", "applicant__email"]
    readonly_fields = ["decision_page"]
    inlines = [EventInline]
    pictures = {"logo": clean_logo}
    fieldsets = [
        (None, {"fields": ["decision_page", "call", "applicant", "status", "booth", "slug"]}),
        (
            _("The startup"),
            {
                "fields": [
                    "name",
                    "logo",
                    "structure",
                    "pitch",
                    "pivot",
                    "sector",
                    "stage",
                    "team_size",
                    "city",
                    "website",
                    "is_open_source",
                    "is_low_tech",
                    "seeking",
                    "contact_name",
                    "language",
                ]
            },
        ),
        (
            _("Dates and decision"),
            {"fields": ["created_at", "submitted_at", "decided_at", "decision_message"]},
        ),
    ]

    @admin.display(description=_("decision"))
    def decision_page(self, application):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("startups:decide", args=[application.pk]),
            _("Reviews, decision and booth (staff page)"),
        )


class ScoreInline(ReadOnlyInline):
    model = Score
    fields = ["criterion", "value"]
    readonly_fields = fields


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ["application", "juror", "updated_at"]
    list_filter = [("application__call", RelationFilter)]
    list_select_related = ["application", "juror"]
    search_fields = ["application__name", "juror__email", "juror__last_name"]
    fields = ["application", "juror", "comment", "created_at", "updated_at"]
    inlines = [ScoreInline]


@admin.register(Conflict)
class ConflictAdmin(ReadOnlyAdmin):
    list_display = ["application", "juror", "declared_at", "reason"]
    list_filter = [("application__call", RelationFilter)]
    list_select_related = ["application", "juror"]
    search_fields = ["application__name", "juror__email", "juror__last_name"]
    fields = ["application", "juror", "reason", "declared_at"]
