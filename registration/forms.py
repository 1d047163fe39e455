"""Public registration forms: what a visitor types, checked before any service sees it.

Text is stripped, NFC-normalised, and refused (with a message saying why) when it
holds control characters, NUL, Unicode bidi overrides or isolates (which can
make a name display as something else on a badge or in a list), or, in names,
the `<` and `>` of HTML tags. Everything else is escaped on output.
"""

import re
import secrets
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.mail.message import sanitize_address
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import active_language
from registration.consent import CONSENT_TEXT, NEWS_TEXT
from registration.models import PassType, Question
from registration.services import Attendee

# U+202A–U+202E (embeddings and overrides), U+2066–U+2069 (isolates).
BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# Control characters, and the Unicode line and paragraph separators.
LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})
MULTILINE_ALLOWED = frozenset("\n\r\t")
# Controls, format characters (zero-width, bidi marks), separators and spaces.
INVISIBLE_IN_EMAIL = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs"})
OPTIONAL = pgettext_lazy("form field", "optional")
SUBMISSION_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
PHONE = re.compile(r"^\+?[\d\s().\-/]{6,30}$")


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


def refuse_hidden_characters(value: str, *, multiline: bool = False) -> None:
    for character in value:
        if character in BIDI_CONTROLS:
            raise ValidationError(
                _("Remove the invisible text-direction characters (Unicode bidi controls)."),
                code="bidi",
            )
        if multiline and character in MULTILINE_ALLOWED:
            continue
        if unicodedata.category(character) in LINE_BREAKING:
            raise ValidationError(
                _("Remove the control characters (such as line breaks or NUL) from this field."),
                code="control",
            )


def refuse_markup(value: str) -> None:
    if "<" in value or ">" in value:
        raise ValidationError(_("Please do not use the characters < and > here."), code="markup")


class CleanText(forms.CharField):
    """A CharField that strips, NFC-normalises and refuses hidden characters."""

    def __init__(self, *, multiline: bool = False, markup: bool = True, **kwargs):
        self.multiline = multiline
        self.allows_markup = markup
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return unicodedata.normalize("NFC", value) if value else value

    def validate(self, value):
        super().validate(value)
        if value:
            refuse_hidden_characters(value, multiline=self.multiline)
            if not self.allows_markup:
                refuse_markup(value)


def name_field(label) -> CleanText:
    return CleanText(
        label=label,
        max_length=100,
        markup=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )


class CleanEmail(forms.EmailField):
    """An e-mail address we can really write to: without the invisible characters
    the standard validator lets through in domain names, and with a domain that
    encodes (IDNA) for sending."""

    default_error_messages = {
        "invalid": _("Enter a valid e-mail address, such as name@example.ma."),
    }

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        if any(unicodedata.category(c) in INVISIBLE_IN_EMAIL for c in value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            sanitize_address(value, "utf-8")
        except (ValueError, UnicodeError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


def email_field(label) -> CleanEmail:
    return CleanEmail(
        label=label,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )


def language_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Language of my e-mails and ticket"), choices=settings.LANGUAGES
    )


class PublicForm(forms.Form):
    @property
    def has_field_errors(self) -> bool:
        """Whether a field is marked: the top of the page says so, for long forms on phones."""
        return any(name != NON_FIELD_ERRORS for name in self.errors)


class Honeypot(PublicForm):
    """A field people never see (hidden by CSS and from screen readers); bots fill it."""

    leave_empty = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("leave_empty"):
            # Said at the top of the form: the field itself is not shown.
            raise ValidationError(
                _("This form looks automatically filled in. Please try again."), code="bot"
            )
        return cleaned_data


class PivotsField(forms.ModelMultipleChoiceField):
    """Checkboxes of the edition's pivots. A value that is not a plausible id (a
    2**63 overflows the database's integer) is refused before any query."""

    PLAUSIBLE_ID = re.compile(r"^[0-9]{1,18}$")

    def _check_values(self, value):
        for pk in value:
            if not isinstance(pk, str) or not self.PLAUSIBLE_ID.match(pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


# The optional questions, in the order the form asks them.
def _question_fields(pass_type: PassType) -> dict:
    return {
        Question.ORGANISATION: lambda: CleanText(
            label=_("Organisation"),
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "organization", "dir": "auto"}),
        ),
        Question.ROLE: lambda: CleanText(
            label=_("Role or job title"),
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "organization-title", "dir": "auto"}),
        ),
        Question.SECTOR: lambda: CleanText(
            label=_("Sector"), max_length=100, widget=forms.TextInput(attrs={"dir": "auto"})
        ),
        Question.CITY: lambda: CleanText(
            label=_("City"),
            max_length=100,
            widget=forms.TextInput(attrs={"autocomplete": "address-level2", "dir": "auto"}),
        ),
        Question.PIVOTS: lambda: PivotsField(
            label=_("Pivots that interest you"),
            queryset=pass_type.edition.pivots.all(),
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "invalid_choice": _("Choose among the pivots listed."),
                "invalid_pk_value": _("Choose among the pivots listed."),
            },
        ),
        Question.ACCESSIBILITY: lambda: CleanText(
            label=_("Accessibility needs"),
            help_text=_("Wheelchair access, sign language, a quiet place… so we can prepare."),
            max_length=1000,
            multiline=True,
            widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        ),
        Question.PHONE: lambda: CleanText(
            label=_("Phone number"),
            max_length=30,
            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}),
        ),
    }


NOT_TYPED = ("consent", "news", "leave_empty", "submission_key")
# Form field name → Registration/Attendee attribute, where they differ.
ATTRIBUTE = {Question.ACCESSIBILITY: "accessibility_needs"}


class RegistrationForm(Honeypot):
    first_name = name_field(_("First name"))
    last_name = name_field(_("Last name"))
    email = email_field(_("E-mail"))
    language = language_field()
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please accept the data-protection notice to register.")},
    )
    news = forms.BooleanField(label=NEWS_TEXT, required=False)
    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = ["first_name", "last_name", "email"]

    def __init__(self, *args, pass_type: PassType, **kwargs):
        super().__init__(*args, **kwargs)
        self.pass_type = pass_type
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["language"].initial = active_language()
        questions = _question_fields(pass_type)
        asked = [q for q in Question.values if pass_type.asks(q)]
        for question in asked:
            field = questions[question]()
            field.required = question in pass_type.required_questions
            if not field.required:
                field.label = format_lazy("{} ({})", field.label, OPTIONAL)
            self.fields[question] = field
        # Name, e-mail, then the pass's questions, then language and consent.
        order = ["first_name", "last_name", "email", *asked, "language", "consent", "news"]
        self.order_fields(order)
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_submission_key())

    def clean_submission_key(self) -> str | None:
        # A malformed key (tampered with) just loses double-submit protection.
        key = self.cleaned_data.get("submission_key") or ""
        return key if SUBMISSION_KEY.match(key) else None

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if phone and not PHONE.match(phone):
            raise ValidationError(
                _("Enter a phone number with digits only, such as +212 6 12 34 56 78."),
                code="phone",
            )
        return phone

    def attendee(self) -> Attendee:
        data = self.cleaned_data
        answers = {
            ATTRIBUTE.get(q, q): data[q]
            for q in Question.values
            if q in data and q != Question.PIVOTS
        }
        return Attendee(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            language=data["language"],
            pivots=list(data.get(Question.PIVOTS) or []),
            **answers,
        )

    def fields_to_fill(self) -> list:
        """The visible fields but the consent, which the page shows apart."""
        return [self[name] for name in self.fields if name not in NOT_TYPED]


class TransferForm(PublicForm):
    first_name = name_field(_("New holder's first name"))
    last_name = name_field(_("New holder's last name"))
    email = email_field(_("New holder's e-mail"))
    language = language_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = active_language()
        self.fields["language"].label = _("Language of the new holder's e-mails")
        for name in ("first_name", "last_name"):
            self.fields[name].widget.attrs["autocomplete"] = "off"


class ResendForm(Honeypot):
    email = email_field(_("E-mail you registered with"))

    field_order = ["email"]
