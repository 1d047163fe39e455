"""The lounge in the administration: its set-up (settings, tables, slots), and read-only
views of what participants and the scheduler made.

Slots come from opening hours ("Generate slots" on a lounge's page, see
matchmaking/slots.py). Profiles, challenges, requests, meetings and runs are
shown but not edited here: they change through the participant pages and the
scheduler's services, which keep caps, e-mails and the history right.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editions.admin import (
    ReadOnlyMixin,
    RelationFilter,
    StaffAdmin,
    StaffFormMixin,
    language_fieldsets,
)
from editions.opening_hours import SlotGenerationMixin
from matchmaking import reasons
from matchmaking.forms_staff import SlotGenerationForm
from matchmaking.models import (
    Challenge,
    Lounge,
    LoungeSlot,
    LoungeTable,
    Meeting,
    MeetingRequest,
    Profile,
    SchedulerRun,
)
from matchmaking.slots import generate_slots


class LoungeTableInline(StaffFormMixin, admin.TabularInline):
    model = LoungeTable
    fields = ["number", "label"]
    extra = 0
    show_change_link = True  # closed slots are set on the table's own page


@admin.register(Lounge)
class LoungeAdmin(SlotGenerationMixin, StaffAdmin):
    slot_model = "loungeslot"
    slot_owner = "lounge"
    slot_service = staticmethod(generate_slots)
    save_first = _("Save the lounge first, then generate its slots.")
    generation_template = "admin/matchmaking/generate_slots.html"
    list_display = ["__str__", "edition", "meeting_minutes", "max_meetings", "slot_count"]
    list_select_related = ["edition"]
    search_fields = ["name_fr", "name_ar", "name_en"]
    inlines = [LoungeTableInline]
    readonly_fields = ["slots_summary"]
    fieldsets = [
        (None, {"fields": ["edition", "space"]}),
        (
            _("Meetings"),
            {
                "fields": [
                    "meeting_minutes",
                    "slots_summary",
                    "max_requests",
                    "max_meetings",
                    "request_days",
                    "requests_open_until",
                ]
            },
        ),
        *language_fieldsets("name", "description"),
    ]

    @admin.display(description=_("slots"))
    def slot_count(self, lounge):
        return lounge.slots.count()

    def slot_form(self, request, lounge):
        return SlotGenerationForm(request.POST or None, lounge=lounge)


@admin.register(LoungeSlot)
class LoungeSlotAdmin(StaffAdmin):
    edition_path = "lounge__edition"
    list_display = ["__str__", "lounge", "meeting_count"]
    list_filter = [("lounge", RelationFilter)]
    list_select_related = ["lounge"]
    fields = ["lounge", "starts_at", "ends_at"]

    @admin.display(description=_("published meetings"))
    def meeting_count(self, slot):
        return slot.meetings.published().count()


@admin.register(LoungeTable)
class LoungeTableAdmin(StaffAdmin):
    edition_path = "lounge__edition"
    list_display = ["__str__", "label", "lounge"]
    list_filter = [("lounge", RelationFilter)]
    list_select_related = ["lounge"]
    fields = ["lounge", "number", "label", "closed_slots"]
    filter_horizontal = ["closed_slots"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "closed_slots":
            table_id = request.resolver_match.kwargs.get("object_id")
            table = LoungeTable.objects.filter(pk=table_id).first() if table_id else None
            slots = LoungeSlot.objects.select_related("lounge")
            kwargs["queryset"] = slots.filter(lounge=table.lounge_id) if table else slots
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ReadOnlyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Shown to staff; changed only through the lounge's services."""


@admin.register(Profile)
class ProfileAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "display_name", "kind", "lounge", "max_meetings", "is_active"]
    list_filter = [("lounge", RelationFilter), "kind", "is_active"]
    list_select_related = ["lounge"]
    search_fields = ["organisation", "display_name", "user__email"]
    exclude = ["calendar_secret"]


@admin.register(Challenge)
class ChallengeAdmin(ReadOnlyAdmin):
    list_display = ["title", "profile", "is_published", "created_at"]
    list_filter = ["is_published"]
    list_select_related = ["profile"]
    search_fields = ["title", "description", "keywords"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "status", "requester_priority", "target_priority", "is_mutual"]
    list_filter = [("lounge", RelationFilter), "status", "is_mutual"]
    list_select_related = ["requester", "target"]
    search_fields = ["requester__organisation", "target__organisation"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "status", "published_at", "reason"]
    list_filter = [("lounge", RelationFilter), "status"]
    list_select_related = ["request__requester", "request__target", "slot", "table"]
    search_fields = ["request__requester__organisation", "request__target__organisation"]

    @admin.display(description=_("reason"))
    def reason(self, meeting):
        return reasons.explain(meeting.cancel_reason) if meeting.cancel_reason else ""


@admin.register(SchedulerRun)
class SchedulerRunAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "status", "value", "bound", "seconds", "published_at"]
    list_filter = [("lounge", RelationFilter), "status"]
    list_select_related = ["lounge"]
