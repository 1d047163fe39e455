"""Forms of the jury and staff pages: scores, conflicts, decisions, booths, the
ranking's filters. Typed text goes through registration's CleanText (stripped,
NFC, no control characters or bidi overrides); everything is escaped on output."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from editions.models import Edition
from registration.forms import CleanText
from startups.decisions import BOOTH_MAX_LENGTH
from startups.models import SCORE_MAX, Application, Criterion, Review

Status = Application.Status
capfirst_lazy = lazy(capfirst, str)
SCORE_CHOICES = [(str(value), str(value)) for value in range(SCORE_MAX + 1)]
RANKED_STATUSES = [
    (status, capfirst_lazy(status.label))
    for status in (Status.SUBMITTED, Status.SELECTED, Status.REJECTED)
]


def score_field_name(criterion: Criterion) -> str:
    return f"score-{criterion.pk}"


class ReviewForm(forms.Form):
    """One score per criterion (radio buttons 0–SCORE_MAX) and a comment."""

    score_max = SCORE_MAX

    comment = CleanText(
        label=_("Comment"),
        help_text=_("What convinced you, what worries you. Staff read it; the applicant does not."),
        max_length=Review._meta.get_field("comment").max_length,
        required=False,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )

    def __init__(self, *args, criteria: list[Criterion], review: Review | None = None, **kwargs):
        if review is not None and "initial" not in kwargs:
            initial = {f"score-{s.criterion_id}": str(s.value) for s in review.scores.all()}
            kwargs["initial"] = {**initial, "comment": review.comment}
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[score_field_name(criterion)] = forms.ChoiceField(
                label=criterion.name,
                choices=SCORE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Give this criterion a score."),
                    "invalid_choice": _("Choose a score from 0 to %(max)d.") % {"max": SCORE_MAX},
                },
            )
        self.order_fields([score_field_name(c) for c in criteria] + ["comment"])

    def scored(self) -> list[tuple[Criterion, forms.BoundField]]:
        """Each criterion with its radio buttons, for the template."""
        return [(c, self[score_field_name(c)]) for c in self.criteria]

    def scores(self) -> dict[int, int]:
        return {c.pk: int(self.cleaned_data[score_field_name(c)]) for c in self.criteria}


class ConflictForm(forms.Form):
    reason = CleanText(
        label=_("Reason"),
        help_text=_("Optional, for staff: e.g. I advise this startup, a relative works there."),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )


class DecisionForm(forms.Form):
    message = CleanText(
        label=_("Message to the applicant"),
        help_text=_("Optional. Sent in the e-mail with the decision, as you type it."),
        max_length=Application._meta.get_field("decision_message").max_length,
        required=False,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
    )


def booth_field() -> CleanText:
    return CleanText(
        label=_("Booth"),
        max_length=BOOTH_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto", "size": 8}),
    )


class BoothForm(forms.Form):
    booth = booth_field()


class BoothsForm(forms.Form):
    """A booth field per selected startup; two startups never share one."""

    def __init__(self, *args, applications: list[Application], **kwargs):
        initial = {f"booth-{a.pk}": a.booth for a in applications}
        super().__init__(*args, initial=initial, **kwargs)
        self.applications = applications
        for application in applications:
            field = booth_field()
            field.label = application.name
            self.fields[f"booth-{application.pk}"] = field

    def rows(self) -> list[tuple[Application, forms.BoundField]]:
        return [(a, self[f"booth-{a.pk}"]) for a in self.applications]

    def clean(self):
        cleaned = super().clean()
        holders: dict[str, str] = {}
        for application in self.applications:
            name = f"booth-{application.pk}"
            label = " ".join((cleaned.get(name) or "").split())
            if not label:
                continue
            if label.casefold() in holders:
                self.add_error(
                    name,
                    ValidationError(
                        _("Booth %(booth)s is also given to %(name)s above."),
                        code="duplicate",
                        params={"booth": label, "name": holders[label.casefold()]},
                    ),
                )
            holders.setdefault(label.casefold(), application.name)
        return cleaned

    def booths(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data.get(f"booth-{a.pk}") or "" for a in self.applications}


class RankingFilters(forms.Form):
    """The ranking's filters, read from the query string; a value that makes no sense
    is ignored rather than refused."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *RANKED_STATUSES]
    )
    pivot = forms.ChoiceField(label=_("Pivot"), required=False)
    sort = forms.ChoiceField(
        label=pgettext_lazy("order of a list", "Sort by"),
        required=False,
        choices=[("", _("score")), ("spread", _("spread of the scores"))],
    )

    def __init__(self, data, *, edition: Edition):
        super().__init__(data)
        pivots = [(p.slug, p.name) for p in edition.pivots.all()]
        self.fields["pivot"].choices = [("", _("All pivots")), *pivots]
        self.is_valid()

    def value(self, name: str) -> str:
        return self.cleaned_data.get(name) or ""
