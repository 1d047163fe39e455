"""Forms of the staff pages: finding registrations, adding one, deciding on one."""

from datetime import datetime

from django import forms
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from editions.models import Edition
from registration.forms import CleanText, RegistrationForm
from registration.models import PassType, Registration

YES_NO = [("yes", _("yes")), ("no", _("no"))]
# A search is a few words, each found in a name, the e-mail or the organisation.
SEARCH_FIELDS = ("first_name", "last_name", "email", "organisation")
MAX_SEARCH_WORDS = 5


def pass_choices(edition: Edition, *, everything: str) -> list[tuple[str, str]]:
    return [("", everything)] + [(p.slug, p.name) for p in edition.pass_types.all()]


class FilterForm(forms.Form):
    """Filters read from the query string. A value that makes no sense (a pass of
    another edition, a made-up status) is ignored rather than refused: the list
    still shows, unfiltered by it."""

    def __init__(self, data, *, edition: Edition):
        super().__init__(data)
        self.edition = edition
        self.fields["pass"] = forms.ChoiceField(
            label=_("Pass"),
            required=False,
            choices=pass_choices(edition, everything=_("All passes")),
        )
        self.order_fields(self.field_order or [])
        self.is_valid()

    def value(self, name: str):
        return self.cleaned_data.get(name) or ""

    def filter_by_pass(self, registrations: QuerySet) -> QuerySet:
        if self.value("pass"):
            registrations = registrations.filter(pass_type__slug=self.value("pass"))
        return registrations

    def as_query(self) -> QueryDict:
        """The filters in use, for links that keep them (pages, export, badges)."""
        query = QueryDict(mutable=True)
        for name in self.fields:
            value = self.value(name)
            if value:
                query[name] = "1" if value is True else value
        return query


class RegistrationFilters(FilterForm):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Name, e-mail or organisation."),
        widget=forms.TextInput(attrs={"type": "search", "dir": "auto"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Registration.Status.choices],
    )
    checked_in = forms.ChoiceField(
        label=_("Admitted at the door"),
        required=False,
        choices=[("", pgettext_lazy("admitted or not", "Either")), *YES_NO],
    )

    field_order = ["q", "pass", "status", "checked_in"]

    def apply(self, registrations: QuerySet, *, with_status: bool = True) -> QuerySet:
        """The registrations matching every filter (all but the status when asked,
        for the counts per status)."""
        for word in self.value("q").split()[:MAX_SEARCH_WORDS]:
            matches = Q()
            for name in SEARCH_FIELDS:
                matches |= Q(**{f"{name}__icontains": word})
            registrations = registrations.filter(matches)
        registrations = self.filter_by_pass(registrations)
        if self.value("checked_in"):
            registrations = registrations.filter(check_in__isnull=self.value("checked_in") == "no")
        if with_status and self.value("status"):
            registrations = registrations.filter(status=self.value("status"))
        return registrations


class BadgeFilters(FilterForm):
    """Badges are printed for confirmed registrations only."""

    checked_in_today = forms.BooleanField(label=_("Only people admitted today"), required=False)

    field_order = ["pass", "checked_in_today"]

    def apply(self, registrations: QuerySet, *, now: datetime | None = None) -> QuerySet:
        registrations = self.filter_by_pass(
            registrations.filter(status=Registration.Status.CONFIRMED)
        )
        if self.value("checked_in_today"):
            # "Today" is the edition's day, wherever the server runs.
            today = timezone.localdate(now, timezone=self.edition.tz)
            start, end = self.edition.day_bounds(today)
            registrations = registrations.filter(check_in__at__gte=start, check_in__at__lt=end)
        return registrations


class ConsentChannel:
    PAPER = "paper"
    PHONE = "phone"
    CHOICES = [
        (PAPER, _("on a signed paper form")),
        (PHONE, _("by phone, the notice read out")),
    ]


class StaffRegistrationForm(RegistrationForm):
    """The public form for one pass, filled in by staff for someone else: no
    consent box to tick, but staff say how the person gave their consent, and
    that goes into the registration's history."""

    consent_channel = forms.ChoiceField(
        label=_("The person agreed to the data-protection notice"),
        choices=ConsentChannel.CHOICES,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, pass_type: PassType, **kwargs):
        super().__init__(*args, pass_type=pass_type, **kwargs)
        del self.fields["consent"]
        del self.fields["news"]  # only the person can ask for news, not staff for them
        del self.fields["leave_empty"]
        self.fields["language"].label = _("Language of their e-mails and ticket")
        for name in ("first_name", "last_name"):
            self.fields[name].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def consent_note(self) -> str:
        return str(dict(ConsentChannel.CHOICES)[self.cleaned_data["consent_channel"]])


class RejectForm(forms.Form):
    reason = CleanText(
        label=_("Reason (kept in the history; not sent to the person)"),
        required=False,
        max_length=300,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
    )
