"""Public forms of the Startup Village: the e-mail that starts an application, the
application itself, and the directory's filters.

Text goes through registration's CleanText (stripped, NFC, no hidden characters;
no `<` or `>` in names), logos through core.logos. "Save as draft" needs only
the name; "Send" needs everything the jury reads (services.REQUIRED_TO_SUBMIT).
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from core.i18n import active_language
from core.images import PictureField
from core.logos import clean_logo
from registration.forms import (
    OPTIONAL,
    CleanText,
    Honeypot,
    PivotsField,
    PublicForm,
    email_field,
    refuse_hidden_characters,
)
from startups.models import Application, Call, Sector
from startups.services import REQUIRED_TO_SUBMIT

CONSENT_TEXT = _(
    "I agree that the organiser processes this application (including the contact "
    "details in it) to review it with the jury, to tell me the decision and, if it is "
    "selected, to present the startup in the public directory, in accordance with "
    "Moroccan law 09-08 on the protection of personal data. I can access, correct or "
    "delete this data at any time."
)
DRAFT, SUBMIT = "draft", "submit"


class ApplyEmailForm(Honeypot):
    email = email_field(_("Your e-mail address"))

    field_order = ["email"]


class PivotField(forms.ModelChoiceField):
    """One of the edition's pivots; a value that is not a plausible id is refused
    before any query (2**63 overflows the database's integer)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str) or not PivotsField.PLAUSIBLE_ID.match(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


def _text(label, max_length, *, multiline=False, markup=True, rows=4, **attrs):
    widget = (
        forms.Textarea(attrs={"rows": rows, "dir": "auto", **attrs})
        if multiline
        else forms.TextInput(attrs={"dir": "auto", **attrs})
    )
    return CleanText(
        label=label,
        max_length=max_length,
        required=False,
        multiline=multiline,
        markup=markup,
        widget=widget,
    )


def _choices(choices, *, blank=True):
    labelled = [(value, capfirst(label)) for value, label in choices]
    return [("", "—"), *labelled] if blank else labelled


class ApplicationForm(PublicForm):
    name = _text(_("Name of the startup"), 120, markup=False, autocomplete="organization")
    logo = PictureField(
        clean_upload=clean_logo,
        label=_("Logo"),
        required=False,
        help_text=_(
            "PNG, JPEG or WebP, at most 2 MB and 8 million pixels. We show it "
            "at most 400 pixels wide."
        ),
    )
    structure = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=_choices(Application.Structure.choices, blank=False),
        required=False,
        widget=forms.RadioSelect,
    )
    pitch = _text(_("Pitch"), 1500, multiline=True, rows=6)
    pivot = PivotField(
        label=_("Pivot"),
        queryset=None,
        required=False,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the pivots listed.")},
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=_choices(Sector.choices), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"), choices=_choices(Application.Stage.choices), required=False
    )
    team_size = forms.IntegerField(
        label=_("Team size"),
        min_value=1,
        max_value=10000,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    city = _text(_("City"), 100, markup=False, autocomplete="address-level2")
    website = forms.URLField(
        label=_("Website"),
        max_length=200,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"dir": "ltr", "placeholder": "https://"}),
    )
    is_open_source = forms.BooleanField(label=_("Our solution is open source"), required=False)
    is_low_tech = forms.BooleanField(label=_("Our solution is low-tech"), required=False)
    seeking = _text(
        _("What you seek from corporates and institutions"), 1000, multiline=True, rows=4
    )
    contact_name = _text(_("Contact person"), 200, markup=False, autocomplete="name")
    language = forms.ChoiceField(
        label=_("Language of our e-mails"), choices=settings.LANGUAGES, required=False
    )
    consent = forms.BooleanField(label=CONSENT_TEXT, required=False)

    def __init__(self, *args, call: Call, submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.submitting = submitting
        self.fields["pivot"].queryset = call.edition.pivots.all()
        self.fields["language"].initial = active_language()
        self.fields["name"].required = True
        self.fields["pitch"].help_text = _(
            "What you do, for whom, and what changes for the city: up to 1,500 characters."
        )
        self.fields["seeking"].help_text = _(
            "A pilot, a first customer, data, premises, funding… Corporates read this in "
            "the Open Innovation Lounge."
        )
        self.fields["website"].help_text = _("An address starting with http:// or https://.")
        for name, field in self.fields.items():
            if name not in (*REQUIRED_TO_SUBMIT, "consent", "language"):
                field.label = format_lazy("{} ({})", field.label, OPTIONAL)

    @classmethod
    def initial_for(cls, application: Application) -> dict:
        names = [name for name in cls.base_fields if name not in ("logo", "consent")]
        return {
            **{name: getattr(application, name) for name in names},
            "pivot": application.pivot_id,
        }

    def clean_language(self):
        return self.cleaned_data.get("language") or active_language()

    def clean_website(self):
        website = self.cleaned_data.get("website", "")
        if not website:
            return website
        refuse_hidden_characters(website)
        if urlsplit(website).scheme not in ("http", "https"):
            raise ValidationError(
                _("Enter an address starting with http:// or https://."), code="scheme"
            )
        return website

    def clean(self):
        cleaned_data = super().clean()
        if self.submitting:
            for name in (*REQUIRED_TO_SUBMIT, "consent"):
                if name not in self.errors and cleaned_data.get(name) in (None, "", False):
                    self.add_error(name, self.missing_message(name))
        return cleaned_data

    @staticmethod
    def missing_message(name: str) -> str:
        if name == "consent":
            return _("Please agree to the processing of your application to send it.")
        return _("The jury needs this: fill it in to send your application.")

    def application_data(self) -> dict:
        """What services.save_draft stores."""
        return {k: v for k, v in self.cleaned_data.items() if k != "consent"}

    def fields_to_fill(self) -> list:
        return [self[name] for name in self.fields if name != "consent"]


class DirectoryFilters(forms.Form):
    """The directory's filters: a GET form whose choices stay in the address.
    A value that is not one of the choices is ignored, never an error page."""

    pivot = forms.ChoiceField(label=_("Pivot"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=_choices(Sector.choices), required=False)
    stage = forms.ChoiceField(
        label=_("Stage"), choices=_choices(Application.Stage.choices), required=False
    )
    structure = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=_choices(Application.Structure.choices),
        required=False,
    )
    open_source = forms.BooleanField(label=_("Open source"), required=False)
    low_tech = forms.BooleanField(label=_("Low-tech"), required=False)

    def __init__(self, *args, pivots: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pivot"].choices = _choices([(p.slug, p.name) for p in pivots])

    def filter(self, applications: QuerySet[Application]) -> QuerySet[Application]:
        if self.is_bound:
            self.is_valid()  # fills cleaned_data with the valid values only
        chosen = getattr(self, "cleaned_data", {})
        lookups = {
            "pivot__slug": chosen.get("pivot"),
            "sector": chosen.get("sector"),
            "stage": chosen.get("stage"),
            "structure": chosen.get("structure"),
            "is_open_source": True if chosen.get("open_source") else None,
            "is_low_tech": True if chosen.get("low_tech") else None,
        }
        return applications.filter(**{k: v for k, v in lookups.items() if v})

    @property
    def is_filtering(self) -> bool:
        return any(getattr(self, "cleaned_data", {}).values())
