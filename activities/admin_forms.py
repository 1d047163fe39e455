"""Staff forms of the public programme: an activity (reserved short names, the photo
re-encoded), and a slot whose capacity may not fall below what is already taken."""

from django import forms
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivitySlot
from core.photos import clean_photo

# Addresses of the public programme that an activity's short name would hide (urls.py).
RESERVED_SLUGS = frozenset({"availability", "booking", "entrance", "occupancy"})


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = "__all__"

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _("“%(slug)s” is an address of the public programme: choose another short name."),
                code="reserved",
                params={"slug": slug},
            )
        return slug

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload or isinstance(upload, FieldFile):
            return upload  # cleared, or the photo already stored
        return clean_photo(upload)

    def clean(self):
        cleaned = super().clean()
        youngest, oldest = cleaned.get("minimum_age"), cleaned.get("maximum_age")
        if youngest is not None and oldest is not None and oldest < youngest:
            self.add_error("maximum_age", _("The maximum age cannot be below the minimum age."))
        return cleaned


class SlotForm(forms.ModelForm):
    """Capacity and walk-in share, checked against the slot's counters as they are now."""

    class Meta:
        model = ActivitySlot
        fields = ["activity", "starts_at", "ends_at", "capacity", "walk_in_places"]

    def clean(self):
        cleaned = super().clean()
        capacity, held = cleaned.get("capacity"), cleaned.get("walk_in_places")
        if capacity is None or held is None or self.instance.pk is None:
            return cleaned
        now = ActivitySlot.objects.get(pk=self.instance.pk)  # not the counters the form read
        if capacity - held < now.booked:
            self.add_error("capacity", _(
                "%(booked)s places are booked online: capacity minus the walk-in share must "
                "stay at least that (cancel bookings first to go lower)."
            ) % {"booked": now.booked})
        elif capacity - now.booked < now.walk_ins:
            self.add_error("capacity", _(
                "%(people)s people are already in with a booking or as walk-ins: the capacity "
                "cannot go below that."
            ) % {"people": now.booked + now.walk_ins})
        return cleaned
