"""Opening hours on one day of an edition, as staff give them to generate slots
(lounge meetings, public activities), and what to tell them afterwards."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


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
