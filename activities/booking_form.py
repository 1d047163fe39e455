"""The public booking form: a first name, a phone or an e-mail, a group size, consent."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from activities.phones import normalised_phone
from activities.services import Visitor
from core.i18n import active_language
from registration.forms import (
    OPTIONAL,
    SUBMISSION_KEY,
    CleanText,
    Honeypot,
    email_field,
    name_field,
    new_submission_key,
)

CONSENT_TEXT = _(
    "I agree that the organiser keeps my first name and contact to manage this booking and "
    "my entry, under Moroccan law 09-08 on personal data. They are deleted after the event "
    "and never shared."
)


class BookingForm(Honeypot):
    first_name = name_field(_("First name"))
    phone = CleanText(
        label=_("Phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}),
    )
    email = email_field(_("E-mail"))
    group_size = forms.TypedChoiceField(label=_("Number of people"), coerce=int)
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please accept the data-protection notice to book.")},
    )
    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, max_group: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False
        self.fields["email"].help_text = _(
            "Optional if you give a phone number: we e-mail you your QR code."
        )
        self.fields["phone"].help_text = _("Such as 06 12 34 56 78 or +33 6 12 34 56 78.")
        self.fields["group_size"].choices = [(n, str(n)) for n in range(1, max_group + 1)]
        self.fields["group_size"].error_messages["invalid_choice"] = _(
            "Choose a number of people between 1 and %(most)s."
        ) % {"most": max_group}
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["email"].label = format_optional(self.fields["email"].label)
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())

    def clean_phone(self) -> str:
        typed = self.cleaned_data.get("phone", "")
        if not typed:
            return ""
        phone = normalised_phone(typed)
        if phone is None:
            raise ValidationError(
                _("Enter a phone number such as 06 12 34 56 78 or +33 6 12 34 56 78."), code="phone"
            )
        return phone

    def clean_submission_key(self) -> str | None:
        key = self.cleaned_data.get("submission_key") or ""
        return key if SUBMISSION_KEY.match(key) else None

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("phone") and not data.get("email"):
            raise ValidationError(
                _("Give a phone number or an e-mail address, so your booking can be found."),
                code="no_contact",
            )
        return data

    def visitor(self) -> Visitor:
        data = self.cleaned_data
        return Visitor(
            first_name=data["first_name"],
            language=active_language(),
            phone=data["phone"],
            email=(data.get("email") or "").lower(),
            group_size=data["group_size"],
        )


def format_optional(label) -> str:
    return f"{label} ({OPTIONAL})"
