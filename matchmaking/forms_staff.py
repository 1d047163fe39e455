"""Staff forms of the lounge: a scheduler run, and slots from opening hours."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from editions.opening_hours import OpeningHoursForm
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


class SlotGenerationForm(OpeningHoursForm):
    minutes = forms.IntegerField(
        label=_("Meeting length (minutes)"),
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )

    def __init__(self, *args, lounge, **kwargs):
        super().__init__(*args, edition=lounge.edition, **kwargs)
        self.fields["minutes"].initial = lounge.meeting_minutes
