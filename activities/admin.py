"""The public programme in the administration: its rules, activities (with slots from
opening hours, debates given their session's slot, and new places or walk-in share
applied to upcoming slots), slots whose capacity cannot fall below what is taken,
and read-only bookings and entrance scans.

Counters (booked, waiting, walk-ins, admitted) are never written from here: a
slot's save writes only the fields staff edit, so a booking made while the form
was open is not lost. Bookings change through the services (staff may cancel).
"""

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, F
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities import services
from activities.admin_forms import ActivityForm, SlotForm
from activities.models import Activity, ActivitySlot, Booking, EntryScan, PublicProgramme
from activities.slots import Applied, apply_capacity, generate_slots, slot_of_session
from core.photos import clean_photo
from editions.admin import (
    ReadOnlyMixin,
    StaffAdmin,
    TranslatedAdmin,
    language_fieldsets,
    translated_column,
)
from editions.opening_hours import SlotError, SlotGenerationMixin, slots_added_message


@admin.register(PublicProgramme)
class PublicProgrammeAdmin(StaffAdmin):
    list_display = ["__str__", "edition", "bookings_open_at", "bookings_per_day"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "edition",
                    "bookings_open_at",
                    "bookings_per_day",
                    "closes_minutes_before",
                ]
            },
        ),
        *language_fieldsets("name", "description"),
    ]


@admin.register(Activity)
class ActivityAdmin(SlotGenerationMixin, TranslatedAdmin):
    form = ActivityForm
    pictures = {"photo": clean_photo}
    slot_model = "activityslot"
    slot_owner = "activity"
    slot_service = staticmethod(generate_slots)
    save_first = _("Save the activity first, then generate its slots.")
    generation_template = "admin/activities/generate_slots.html"
    list_display = [
        translated_column("title", _("title")),
        "kind",
        "space",
        "slot_count",
        "is_published",
        "edition",
    ]
    list_filter = ["edition", "kind", "is_published"]
    list_select_related = ["space", "edition"]
    search_fields = ["title_fr", "title_ar", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_fr"]}
    readonly_fields = ["slots_summary"]
    actions = ["give_session_slot", "apply_capacity_to_upcoming_slots"]
    fieldsets = [
        (
            None,
            {"fields": ["edition", "slug", "kind", "position", "space", "session", "is_published"]},
        ),
        (
            _("Slots"),
            {
                "fields": [
                    "duration_minutes",
                    "slot_minutes",
                    "slot_capacity",
                    "walk_in_percent",
                    "max_group_size",
                    "waiting_list_places",
                    "slots_summary",
                ]
            },
        ),
        (
            _("Audience"),
            {"fields": ["minimum_age", "maximum_age", "wheelchair_accessible", "photo"]},
        ),
        *language_fieldsets("title", "description", "accessibility", "photo_alt"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(slots_made=Count("slots"))

    @admin.display(description=_("slots"), ordering="slots_made")
    def slot_count(self, activity):
        return activity.slots_made

    @admin.action(
        description=_("Give debates the slot of their programme session"), permissions=["change"]
    )
    def give_session_slot(self, request, queryset):
        for activity in queryset.select_related("session", "edition"):
            try:
                done = slot_of_session(activity)
            except SlotError as refused:
                self.message_user(request, f"{activity}: {refused.message}", messages.WARNING)
            else:
                added = slots_added_message(len(done.created), done.skipped)
                self.message_user(request, f"{activity}: {added}")

    @admin.action(
        description=_("Apply places and walk-in share to upcoming slots"), permissions=["change"]
    )
    def apply_capacity_to_upcoming_slots(self, request, queryset):
        for activity in queryset:
            done = apply_capacity(activity)
            self.message_user(request, f"{activity}: {applied_message(done)}")
            if done.kept:
                self.message_user(request, f"{activity}: {kept_message(done)}", messages.WARNING)


def applied_message(done: Applied) -> str:
    changed = ngettext(
        "%(count)s upcoming slot changed.", "%(count)s upcoming slots changed.", len(done.changed)
    ) % {"count": len(done.changed)}
    if not done.promoted:
        return changed
    return " ".join(
        (
            changed,
            ngettext(
                "%(count)s waiting booking now has a place.",
                "%(count)s waiting bookings now have a place.",
                done.promoted,
            )
            % {"count": done.promoted},
        )
    )


def kept_message(done: Applied) -> str:
    times = ", ".join(
        formats.date_format(timezone.localtime(slot.starts_at), "SHORT_DATETIME_FORMAT")
        for slot in done.kept
    )
    return ngettext(
        "%(count)s slot keeps its places: more are already taken there than the new numbers "
        "allow: %(times)s.",
        "%(count)s slots keep their places: more are already taken there than the new numbers "
        "allow: %(times)s.",
        len(done.kept),
    ) % {"count": len(done.kept), "times": times}


@admin.register(ActivitySlot)
class ActivitySlotAdmin(StaffAdmin):
    form = SlotForm
    edition_path = "activity__edition"
    list_display = [
        "__str__",
        "capacity",
        "walk_in_places",
        "booked",
        "waiting",
        "walk_ins",
        "admitted",
    ]
    list_filter = ["activity__edition", "activity"]
    list_select_related = ["activity"]
    date_hierarchy = "starts_at"
    readonly_fields = ["booked", "waiting", "walk_ins", "admitted"]

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        with transaction.atomic():
            obj.version = F("version") + 1
            obj.save(
                update_fields=["starts_at", "ends_at", "capacity", "walk_in_places", "version"]
            )
            obj.refresh_from_db()
            promoted = services.promote_waiting(obj)
        if promoted:
            self.message_user(
                request,
                ngettext(
                    "%(count)s waiting booking now has a place; "
                    "they are told by e-mail when they gave one.",
                    "%(count)s waiting bookings now have a place; "
                    "they are told by e-mail when they gave one.",
                    len(promoted),
                )
                % {"count": len(promoted)},
            )


@admin.register(Booking)
class BookingAdmin(ReadOnlyMixin, StaffAdmin):
    list_display = [
        "display_code",
        "first_name",
        "slot",
        "group_size",
        "status",
        "created_at",
        "admitted_at",
    ]
    list_filter = ["status", "slot__activity__edition", "slot__activity"]
    list_select_related = ["slot__activity"]
    search_fields = ["code", "first_name", "phone", "email"]
    date_hierarchy = "created_at"
    actions = ["cancel_bookings"]

    def has_cancel_permission(self, request):
        return request.user.has_perm("activities.change_booking")

    @admin.action(
        description=_("Cancel the selected bookings (their places go to the waiting list)"),
        permissions=["cancel"],
    )
    def cancel_bookings(self, request, queryset):
        cancelled = 0
        for booking in queryset.filter(
            status__in=[Booking.Status.CONFIRMED, Booking.Status.WAITLISTED]
        ):
            try:
                with transaction.atomic():
                    services.cancel(booking, by=request.user)
            except services.BookingError as refused:
                self.message_user(
                    request, f"{booking.display_code}: {refused.message}", messages.WARNING
                )
            else:
                cancelled += 1
        self.message_user(
            request,
            ngettext("%(count)s booking cancelled.", "%(count)s bookings cancelled.", cancelled)
            % {"count": cancelled},
        )


@admin.register(EntryScan)
class EntryScanAdmin(ReadOnlyMixin, StaffAdmin):
    list_display = ["at", "activity", "result", "people", "booking", "by"]
    list_filter = ["result", "activity__edition", "activity"]
    list_select_related = ["activity", "booking", "by"]
    date_hierarchy = "at"
