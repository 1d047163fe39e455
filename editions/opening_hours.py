"""Opening hours on one day of an edition, as staff give them to generate slots
(lounge meetings, public activities): the times they make, the admin page that
does it, and what to tell staff afterwards."""

from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.errors import RuleError
from editions.models import Edition


class SlotError(RuleError):
    """A rule refused the slots; `message` is translated, `code` is for machines."""


class Refusals(NamedTuple):
    """What staff read when opening hours are refused, in the words of what opens
    (translated when raised): `outside_edition` names %(first)s and %(last)s days,
    `too_short` the %(minutes)s of one slot."""

    outside_edition: str
    too_short: str


def slot_times(
    edition: Edition,
    *,
    day: date,
    opens: time,
    closes: time,
    minutes: int,
    every: int | None = None,
    refusals: Refusals,
) -> list[tuple[datetime, datetime]]:
    """The (start, end) of each whole slot of `minutes` between opening and closing,
    one starting every `every` minutes (back to back by default), checked."""
    if day not in edition.days:
        first, last = (
            formats.date_format(d, "DATE_FORMAT") for d in (edition.starts_on, edition.ends_on)
        )
        raise SlotError(
            refusals.outside_edition % {"first": first, "last": last}, "outside_edition"
        )
    if closes <= opens:
        message = gettext("The closing time must come after the opening time.")
        raise SlotError(message, "closes_first")
    start = datetime.combine(day, opens, tzinfo=edition.tz).astimezone(UTC)
    end = datetime.combine(day, closes, tzinfo=edition.tz).astimezone(UTC)
    length, step = timedelta(minutes=minutes), timedelta(minutes=every or minutes)
    times = []
    while start + length <= end:
        times.append((start, start + length))
        start += step
    if not times:
        raise SlotError(refusals.too_short % {"minutes": minutes}, "too_short")
    return times


class OpeningHoursForm(forms.Form):
    day = forms.ChoiceField(label=_("Day"))
    opens = forms.TimeField(label=_("Opens at"), widget=forms.TimeInput(attrs={"type": "time"}))
    closes = forms.TimeField(label=_("Closes at"), widget=forms.TimeInput(attrs={"type": "time"}))

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.days = {day.isoformat(): day for day in edition.days}
        self.fields["day"].choices = [
            (key, formats.date_format(day, "DATE_FORMAT")) for key, day in self.days.items()
        ]

    def clean_day(self):
        return self.days[self.cleaned_data["day"]]


def slots_added_message(created: int, skipped: int) -> str:
    text = ngettext("%(count)s slot added.", "%(count)s slots added.", created) % {"count": created}
    if skipped:
        text += " " + ngettext(
            "%(count)s was there already and is left as it was.",
            "%(count)s were there already and are left as they were.",
            skipped,
        ) % {"count": skipped}
    return text


class SlotGenerationMixin:
    """For a ModelAdmin whose objects get `slots` from opening hours (a lounge, an
    activity): a "slots" summary with its links, and the page that generates them.

    The admin names `slot_model` (the slots' model name), `slot_owner` (their
    foreign key to the object) and `slot_service`, the app's
    `generate_slots(obj, **hours)` as a staticmethod, which raises a RuleError with
    a message when it refuses."""

    slot_model = ""
    slot_owner = ""
    slot_service = None
    save_first = ""
    generation_template = ""

    def slot_form(self, request, obj):
        return OpeningHoursForm(request.POST or None, edition=obj.edition)

    def _admin_name(self, what: str) -> str:
        return f"{self.model._meta.app_label}_{what}"

    @admin.display(description=_("slots"))
    def slots_summary(self, obj):
        if obj.pk is None:
            return self.save_first
        count = obj.slots.count()
        slots = reverse(f"admin:{self._admin_name(self.slot_model)}_changelist")
        return format_html(
            '{} · <a href="{}">{}</a> · <a href="{}">{}</a>',
            ngettext("%(count)s slot", "%(count)s slots", count) % {"count": count},
            reverse(
                f"admin:{self._admin_name(self.model._meta.model_name)}_generate_slots",
                args=[obj.pk],
            ),
            _("Generate slots from opening hours"),
            f"{slots}?{self.slot_owner}__id__exact={obj.pk}",
            _("See the slots"),
        )

    def get_urls(self):
        view = self.admin_site.admin_view(self.generate_slots_view)
        name = f"{self._admin_name(self.model._meta.model_name)}_generate_slots"
        return [path("<int:pk>/generate-slots/", view, name=name), *super().get_urls()]

    def generate_slots_view(self, request, pk: int):
        obj = get_object_or_404(self.model.objects.select_related("edition"), pk=pk)
        may_add = request.user.has_perm(f"{self.model._meta.app_label}.add_{self.slot_model}")
        if not (self.has_change_permission(request, obj) and may_add):
            raise PermissionDenied
        form = self.slot_form(request, obj)
        if request.method == "POST" and form.is_valid():
            try:
                done = self.slot_service(obj, **form.cleaned_data)
            except RuleError as refused:
                form.add_error(None, refused.message)
            else:
                message = slots_added_message(len(done.created), done.skipped)
                self.message_user(request, message, messages.SUCCESS)
                return redirect(f"admin:{self._admin_name(self.model._meta.model_name)}_change", pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Generate slots for %(name)s") % {"name": obj},
            "owner": obj,
            "form": form,
            "opts": self.model._meta,
            "slots": obj.slots.all(),
        }
        return TemplateResponse(request, self.generation_template, context)
