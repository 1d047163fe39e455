"""Staff pages for the programme: sessions with their conflict checks, speakers."""

from datetime import date

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.db.models import Count, Q
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import query
from core.photos import clean_photo
from editions.admin import (
    EDITION_PARAMETER,
    RelationFilter,
    StaffFormMixin,
    TranslatedAdmin,
    language_fieldsets,
    translated_column,
)
from editions.models import Edition
from programme.checks import find_problems, problems_by_session
from programme.models import Agenda, Session, SessionSpeaker, Speaker


@admin.register(Speaker)
class SpeakerAdmin(TranslatedAdmin):
    list_display = ["name", "organisation", "city", "country", "session_count"]
    search_fields = ["name", "organisation"]
    ordering = ["name"]  # counting appearances drops the model's own ordering
    pictures = {"photo": clean_photo}
    fieldsets = [
        (None, {"fields": ["name", "organisation", "city", "country", "photo", "website"]}),
        *language_fieldsets("position", "biography"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(session_count=Count("appearances"))

    @admin.display(description=_("sessions"), ordering="session_count")
    def session_count(self, speaker):
        return speaker.session_count


class SessionSpeakerInline(StaffFormMixin, admin.TabularInline):
    model = SessionSpeaker
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "role", "position"]
    extra = 1


class DayFilter(admin.SimpleListFilter):
    """A day of the symposium, in the time zone of each session's edition."""

    title = pgettext_lazy("filter", "day")
    parameter_name = "day"

    def lookups(self, request, model_admin):
        editions = Edition.objects.all()
        edition_id = query.number(request.GET, EDITION_PARAMETER)
        if edition_id is not None:
            editions = editions.filter(pk=edition_id)
        days = sorted({day for edition in editions for day in edition.days}, reverse=True)
        return [(day.isoformat(), date_format(day, "l j F Y")) for day in days]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            day = date.fromisoformat(self.value())
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error
        within_day = Q(pk__in=[])
        for edition in Edition.objects.filter(starts_on__lte=day, ends_on__gte=day):
            start, end = edition.day_bounds(day)
            within_day |= Q(edition=edition, starts_at__gte=start, starts_at__lt=end)
        return queryset.filter(within_day)


class HasProblemsFilter(admin.SimpleListFilter):
    title = _("problems")
    parameter_name = "has_problems"

    def lookups(self, request, model_admin):
        return [("yes", _("with problems")), ("no", _("without problems"))]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        editions = Edition.objects.filter(pk__in=queryset.values("edition_id"))
        with_problems = problems_by_session(editions).keys()
        if self.value() == "yes":
            return queryset.filter(pk__in=with_problems)
        return queryset.exclude(pk__in=with_problems)


class SessionChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        attach_problems(self.result_list)


def attach_problems(sessions) -> None:
    """Check the editions of the listed sessions once (two queries each, whatever
    the number of sessions) and hang each session's problems on it."""
    editions = {session.edition_id: session.edition for session in sessions}
    found = problems_by_session(editions.values())
    for session in sessions:
        session.programme_problems = found.get(session.pk, [])


@admin.register(Session)
class SessionAdmin(TranslatedAdmin):
    list_display = [
        translated_column("title", _("title")),
        "kind",
        "pivot",
        "space",
        "starts_at",
        "ends_at",
        "is_published",
        "problems",
    ]
    list_filter = [
        ("edition", RelationFilter),
        DayFilter,
        ("pivot", RelationFilter),
        ("space", RelationFilter),
        "kind",
        "is_published",
        HasProblemsFilter,
    ]
    list_select_related = ["edition", "pivot", "space"]
    search_fields = ["title_fr", "title_ar", "title_en", "speakers__name"]
    date_hierarchy = "starts_at"
    inlines = [SessionSpeakerInline]
    fieldsets = [
        (None, {"fields": ["edition", "kind", "pivot", "space"]}),
        (_("When"), {"fields": ["starts_at", "ends_at"]}),
        (
            _("Languages and links"),
            {"fields": ["languages", "livestream_url", "replay_url", "is_published"]},
        ),
        *language_fieldsets("title", "abstract"),
    ]

    def get_changelist(self, request, **kwargs):
        return SessionChangeList

    @admin.display(description=_("problems"))
    def problems(self, session):
        found = getattr(session, "programme_problems", [])
        if not found:
            return None
        # The short label in the column, the full sentence on hover.
        return format_html_join(
            mark_safe("<br>"),  # noqa: S308 - a constant
            '<span class="programme-problem" title="{}">⚠ {}</span>',
            ((problem.message, problem.label) for problem in found),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            self.warn_about_problems(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def warn_about_problems(self, request, object_id) -> None:
        session = self.get_object(request, unquote(object_id))
        if session is None or not self.has_view_or_change_permission(request, session):
            return  # the admin answers with its own "not found" or "forbidden"
        for problem in find_problems(session.edition):
            if session.pk in problem.session_ids:
                messages.warning(request, problem.message)


@admin.register(Agenda)
class AgendaAdmin(admin.ModelAdmin):
    """Visitors' personal agendas, for counting only: the secret link stays hidden
    and nobody edits someone else's agenda."""

    list_display = ["pk", "starred", "created_at", "updated_at"]
    fields = ["starred", "created_at", "updated_at"]
    readonly_fields = fields
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(starred_count=Count("sessions"))

    @admin.display(description=_("starred sessions"), ordering="starred_count")
    def starred(self, agenda):
        return agenda.starred_count

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
