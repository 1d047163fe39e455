"""Staff forms of the public programme: an activity (its space and session from its
own edition, its photo, re-encoded by the admin's picture field, given a thumbnail),
and a slot whose capacity may not fall below what is already taken and whose time
stays put once booked.

Short names that would hide an address of the public programme are refused by the
model (`validate_not_reserved`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivitySlot
from activities.photos import record_photo


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = "__all__"  # noqa: DJ007 — ActivityAdmin's fieldsets choose; this form validates

    def clean(self):
        cleaned = super().clean()
        youngest, oldest = cleaned.get("minimum_age"), cleaned.get("maximum_age")
        if youngest is not None and oldest is not None and oldest < youngest:
            self.add_error("maximum_age", _("The maximum age cannot be below the minimum age."))
        edition = cleaned.get("edition")
        for name in ("space", "session"):
            chosen = cleaned.get(name)
            if edition and chosen and chosen.edition_id != edition.pk:
                self.add_error(name, _("Choose one from the activity's own edition."))
        return cleaned

    def save(self, commit=True):
        if "photo" in self.changed_data:
            record_photo(self.instance)
        return super().save(commit)


class SlotForm(forms.ModelForm):
    """Capacity and walk-in share, checked against the slot's counters as they are now.

    The admin's change view runs the form and the save in one transaction: the slot
    is locked while it is checked, so a booking cannot slip in between (it waits).
    A slot keeps its activity (its bookings were made for that one), and its time
    once people hold or wait for a place (they were told that time)."""

    class Meta:
        model = ActivitySlot
        fields = ["activity", "starts_at", "ends_at", "capacity", "walk_in_places"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Disabled, not read-only: the field stays in the form, so the check of
            # one slot per activity and start still runs (no IntegrityError).
            self.fields["activity"].disabled = True

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        now = ActivitySlot.objects.select_for_update().get(pk=self.instance.pk)
        self._check_time(cleaned, now)
        self._check_capacity(cleaned, now)
        return cleaned

    def _check_time(self, cleaned, now: ActivitySlot) -> None:
        moved = any(
            cleaned.get(name, getattr(now, name)) != getattr(now, name)
            for name in ("starts_at", "ends_at")
        )
        if moved and (now.booked or now.waiting):
            self.add_error(
                "starts_at",
                _(
                    "People have booked this slot or wait for a place in it: its time cannot "
                    "change. Add a new slot, or cancel its bookings first."
                ),
            )

    def _check_capacity(self, cleaned, now: ActivitySlot) -> None:
        capacity, held = cleaned.get("capacity"), cleaned.get("walk_in_places")
        if capacity is None or held is None:
            return
        if capacity - held < now.booked:
            lowered = "capacity" if capacity != now.capacity else "walk_in_places"
            self.add_error(
                lowered,
                _(
                    "%(booked)s places are booked online: capacity minus the walk-in share must "
                    "stay at least that (cancel bookings first to go lower)."
                )
                % {"booked": now.booked},
            )
        elif capacity - now.booked < now.walk_ins:
            self.add_error(
                "capacity",
                _(
                    "%(people)s people are already in with a booking or as walk-ins: the capacity "
                    "cannot go below that."
                )
                % {"people": now.booked + now.walk_ins},
            )
