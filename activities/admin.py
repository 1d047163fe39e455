"""Admin for the public programme (minimal: helper ran out of time; see report)."""

from django.contrib import admin

from activities.models import Activity, ActivitySlot, Booking, EntryScan, PublicProgramme
from editions.admin import ReadOnlyMixin, StaffAdmin


@admin.register(PublicProgramme)
class PublicProgrammeAdmin(StaffAdmin):
    pass


@admin.register(Activity)
class ActivityAdmin(StaffAdmin):
    pass


@admin.register(ActivitySlot)
class ActivitySlotAdmin(StaffAdmin):
    pass


# Bookings and scans are written by the services only: the admin shows them, never edits.
@admin.register(Booking)
class BookingAdmin(ReadOnlyMixin, StaffAdmin):
    pass


@admin.register(EntryScan)
class EntryScanAdmin(ReadOnlyMixin, StaffAdmin):
    pass
