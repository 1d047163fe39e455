"""Lounge participants' forms: joining, profile, availability, challenges, requests, answers.

Text goes through registration's `CleanText` (stripped, NFC, no control or
bidi-override characters); names and titles also refuse < and >, longer texts
keep them and are escaped on output.
"""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from matchmaking.models import MeetingRequest, Profile
from matchmaking.participation import ChallengeDetails, ProfileDetails
from registration.forms import OPTIONAL, CleanText, PivotsField, PublicForm
from startups.models import Sector

PLAUSIBLE_ID = re.compile(r"^[0-9]{1,18}$")
PIVOT_ERRORS = {
    "invalid_choice": _("Choose among the pivots listed."),
    "invalid_pk_value": _("Choose among the pivots listed."),
}


def _optional(label):
    return format_lazy("{} ({})", label, OPTIONAL)


def line(label, max_length: int, *, required: bool = True) -> CleanText:
    return CleanText(
        label=label if required else _optional(label),
        max_length=max_length,
        markup=False,
        required=required,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )


def paragraph(label, max_length: int, *, rows: int = 4, required: bool = False, **kwargs):
    return CleanText(
        label=label if required else _optional(label),
        max_length=max_length,
        multiline=True,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows, "dir": "auto", "maxlength": max_length}),
        **kwargs,
    )


class SafeModelChoiceField(forms.ModelChoiceField):
    """A choice by id; a value that is not a plausible id is refused before any query."""

    def to_python(self, value):
        if value not in self.empty_values and not PLAUSIBLE_ID.match(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class JoinForm(PublicForm):
    kind = forms.ChoiceField(label=_("I take part as"), widget=forms.RadioSelect)
    organisation = line(_("Organisation"), 200)
    display_name = line(_("Name shown to other participants"), 200)

    def __init__(self, *args, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Profile.Kind.choices)
        self.fields["kind"].choices = [(kind, labels[kind]) for kind in kinds]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]


class ProfileForm(PublicForm):
    organisation = line(_("Organisation"), 200)
    display_name = line(_("Name shown to other participants"), 200)
    summary = paragraph(_("Who we are"), 1500, rows=5)
    offers = paragraph(_("What we offer"), 1000)
    seeking = paragraph(_("What we are looking for"), 1000)
    sectors = forms.MultipleChoiceField(
        label=_optional(_("Sectors")),
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose among the sectors listed.")},
    )
    pivots = PivotsField(
        label=_optional(_("Pivots")),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=PIVOT_ERRORS,
    )
    max_meetings = forms.IntegerField(label=_("Meetings I can hold at most"), min_value=0)
    is_active = forms.BooleanField(
        label=_("I take part in the lounge"),
        required=False,
        help_text=_("Off: other participants no longer see you, and nobody can ask you."),
    )
    language = forms.ChoiceField(
        label=_("Language of my lounge e-mails"), choices=settings.LANGUAGES
    )

    def __init__(self, data=None, *, profile: Profile, **kwargs):
        if data is None and "initial" not in kwargs:
            kwargs["initial"] = {
                **{name: getattr(profile, name) for name in ProfileDetails.__dataclass_fields__},
                "pivots": list(profile.pivots.all()),
            }
        super().__init__(data, **kwargs)
        lounge = profile.lounge
        self.fields["pivots"].queryset = lounge.edition.pivots.all()
        most = self.fields["max_meetings"]
        most.max_value = lounge.max_meetings
        most.widget.attrs["max"] = lounge.max_meetings
        most.validators.append(MaxValueValidator(lounge.max_meetings))
        most.help_text = _("Between 0 and %(most)s, the lounge's limit.") % {
            "most": lounge.max_meetings
        }

    def details(self) -> ProfileDetails:
        data = self.cleaned_data
        return ProfileDetails(
            **{
                name: data[name] for name in ProfileDetails.__dataclass_fields__ if name != "pivots"
            },
            pivots=list(data["pivots"]),
        )


class AvailabilityForm(forms.Form):
    blocked = forms.TypedMultipleChoiceField(
        label=_("I cannot meet at"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose among the lounge's meeting slots.")},
    )

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {slot.pk: slot for slot in slots}
        self.fields["blocked"].choices = [(pk, str(slot)) for pk, slot in self.slots.items()]

    def blocked_slots(self) -> list:
        return [self.slots[pk] for pk in self.cleaned_data["blocked"]]


class ChallengeForm(PublicForm):
    title = line(_("Title"), 200)
    description = paragraph(_("What we are looking for"), 3000, rows=8, required=True)
    keywords = line(_("Keywords"), 300, required=False)
    pivot = SafeModelChoiceField(
        label=_optional(_("Pivot")),
        queryset=None,
        required=False,
        empty_label=pgettext_lazy("pivot", "none"),
        error_messages={"invalid_choice": _("Choose among the pivots listed.")},
    )
    is_published = forms.BooleanField(
        label=_("Published: other participants and visitors see it"), required=False, initial=True
    )

    def __init__(self, data=None, *, lounge, challenge=None, **kwargs):
        if challenge is not None and data is None and "initial" not in kwargs:
            kwargs["initial"] = {
                name: getattr(challenge, name) for name in ChallengeDetails.__dataclass_fields__
            }
        super().__init__(data, **kwargs)
        self.fields["pivot"].queryset = lounge.edition.pivots.all()
        self.fields["keywords"].help_text = _(
            "Separated by commas, e.g. water, leaks, sensors. In any language."
        )

    def details(self) -> ChallengeDetails:
        return ChallengeDetails(**self.cleaned_data)


class RequestForm(PublicForm):
    message = paragraph(
        _("Your message"),
        600,
        help_text=_("Why you would like to meet, in a few lines (600 characters at most)."),
    )
    priority = forms.TypedChoiceField(
        label=_("How much do you want this meeting?"),
        coerce=int,
        choices=MeetingRequest.Priority.choices,
        initial=MeetingRequest.Priority.WANT,
        widget=forms.RadioSelect,
    )
    challenge = SafeModelChoiceField(
        label=_optional(_("It answers their challenge")),
        queryset=None,
        required=False,
        empty_label=pgettext_lazy("challenge", "none"),
        error_messages={"invalid_choice": _("Choose one of their published challenges.")},
    )

    def __init__(self, *args, target: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        challenges = target.challenges.filter(is_published=True)
        if challenges:
            self.fields["challenge"].queryset = challenges
        else:
            del self.fields["challenge"]


class AnswerForm(PublicForm):
    ACTIONS = (
        ("accept", _("Accept")),
        ("decline", _("Decline")),
        ("withdraw", pgettext_lazy("meeting request", "Withdraw")),
    )
    action = forms.ChoiceField(choices=ACTIONS)
    priority = forms.TypedChoiceField(
        label=_("How much do you want this meeting?"),
        coerce=int,
        choices=MeetingRequest.Priority.choices,
        initial=MeetingRequest.Priority.WANT,
        required=False,
    )
    message = paragraph(_("Message to them"), 600, rows=2)

    def clean_priority(self):
        return self.cleaned_data.get("priority") or MeetingRequest.Priority.WANT
