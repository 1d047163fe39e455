"""The schedule editor's form: where and when to place one session."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from programme.schedule import Placement

LONGEST_SESSION_MINUTES = 12 * 60


class MoveForm(forms.Form):
    space = forms.ModelChoiceField(
        queryset=None,
        label=_("Space"),
        error_messages={"invalid_choice": _("Choose one of this edition's spaces.")},
    )
    day = forms.TypedChoiceField(
        label=_("Day"),
        coerce=date.fromisoformat,
        error_messages={
            "invalid_choice": _("Choose one of the edition's days: this one is outside the grid.")
        },
    )
    start = forms.TimeField(label=_("Start"))
    duration = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=5, max_value=LONGEST_SESSION_MINUTES
    )
    seen = forms.CharField(widget=forms.HiddenInput, max_length=120)
    keep = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, edition: Edition, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["space"].queryset = edition.spaces.all()
        self.fields["day"].choices = [(day.isoformat(), day) for day in edition.days]

    def placement(self) -> Placement:
        data = self.cleaned_data
        return Placement.local(
            self.edition,
            space=data["space"],
            day=data["day"],
            start=data["start"],
            minutes=data["duration"],
        )
