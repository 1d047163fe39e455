"""Staff forms of the lounge: a scheduler run, and slots from opening hours."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from matchmaking.planning import MAX_TIME_LIMIT


class RunForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"),
        initial=20,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TIME_LIMIT)],
        help_text=_("At most 25 seconds: the scheduler runs while the page waits."),
    )
    keep_published = forms.BooleanField(
        label=_("Keep the meetings already published"),
        required=False,
        initial=True,
        help_text=_(
            "Untick to start afresh: published meetings may move or be cancelled "
            "(their participants are told by e-mail when you publish)."
        ),
    )
    include_unanswered = forms.BooleanField(
        label=_("Include requests still awaiting an answer"),
        required=False,
        initial=False,
    )


class SlotGenerationForm(forms.Form):
    day = forms.TypedChoiceField(label=_("Day"), coerce=str)
    opens = forms.TimeField(label=_("Opens at"), widget=forms.TimeInput(attrs={"type": "time"}))
    closes = forms.TimeField(label=_("Closes at"), widget=forms.TimeInput(attrs={"type": "time"}))
    minutes = forms.IntegerField(
        label=_("Meeting length (minutes)"),
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )

    def __init__(self, *args, lounge, **kwargs):
        super().__init__(*args, **kwargs)
        self.days = {day.isoformat(): day for day in lounge.edition.days}
        self.fields["day"].choices = [
            (key, formats.date_format(day, "DATE_FORMAT")) for key, day in self.days.items()
        ]
        self.fields["minutes"].initial = lounge.meeting_minutes

    def clean_day(self):
        return self.days[self.cleaned_data["day"]]
