"""A participant's answer after a meeting."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchmaking.models import MeetingSide
from registration.forms import CleanText

YES_NO = [("yes", _("Yes, it took place")), ("no", _("No, it did not take place"))]


class FeedbackForm(forms.Form):
    took_place = forms.ChoiceField(
        label=_("Did the meeting take place?"), choices=YES_NO, widget=forms.RadioSelect
    )
    follow_up = forms.ChoiceField(
        label=_("What does it lead to?"),
        choices=MeetingSide.FollowUp.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Only if it took place."),
    )
    note = CleanText(
        label=_("Note (optional)"),
        required=False,
        multiline=True,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the organiser reads it."),
    )

    @classmethod
    def for_side(cls, side: MeetingSide, data=None):
        initial = {"follow_up": side.follow_up, "note": side.note}
        if side.took_place is not None:
            initial["took_place"] = "yes" if side.took_place else "no"
        return cls(data, initial=initial)

    def answer(self) -> dict:
        data = self.cleaned_data
        return {
            "took_place": data["took_place"] == "yes",
            "follow_up": data["follow_up"],
            "note": data["note"],
        }
