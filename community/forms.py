"""What the audience types: questions, ideas, comments, ratings; and the moderator's polls.

Text goes through registration's CleanText (stripped, NFC, no control or bidi
characters); names refuse < and >. Everything is escaped on output anyway.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.casablanca import Arrondissement
from community.models import Idea, Poll
from community.models.feedback import COMMENT_LENGTH as FEEDBACK_LENGTH
from community.models.ideas import COMMENT_LENGTH, DESCRIPTION_LENGTH, TITLE_LENGTH
from community.models.polls import MOST_OPTIONS, OPTION_LENGTH
from community.models.questions import NAME_LENGTH, QUESTION_LENGTH
from core.images import PictureField
from core.photos import clean_photo
from editions.models import Pivot
from registration.forms import OPTIONAL, CleanText, Honeypot


def _name_field():
    return CleanText(
        label=_("Your name"),
        required=False,
        max_length=NAME_LENGTH,
        markup=False,
        help_text=_("Leave empty to stay anonymous."),
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "given-name"}),
    )


class QuestionForm(Honeypot):
    text = CleanText(
        label=_("Your question"),
        max_length=QUESTION_LENGTH,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto", "maxlength": QUESTION_LENGTH}),
    )
    author_name = _name_field()


class CommentForm(Honeypot):
    text = CleanText(
        label=_("Your comment"),
        max_length=COMMENT_LENGTH,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto", "maxlength": COMMENT_LENGTH}),
    )
    author_name = _name_field()


class IdeaForm(Honeypot):
    title = CleanText(
        label=_("Your idea in a few words"),
        max_length=TITLE_LENGTH,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    description = CleanText(
        label=_("Describe it: what, where, for whom"),
        max_length=DESCRIPTION_LENGTH,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto", "maxlength": DESCRIPTION_LENGTH}),
    )
    pivot = forms.ModelChoiceField(
        label=_("Pivot"), queryset=Pivot.objects.none(), empty_label=None
    )
    arrondissement = forms.ChoiceField(label=_("Arrondissement"), choices=Arrondissement.choices)
    photo = PictureField(
        clean_upload=clean_photo,
        label=_("Photo"),
        required=False,
        help_text=_("%(optional)s. PNG, JPEG or WebP, up to 8 MB.") % {"optional": OPTIONAL},
    )
    author_name = _name_field()

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pivot"].queryset = edition.pivots.order_by("position", "pk")


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Idea.Decision.choices)
    answer = CleanText(
        label=_("Public answer"),
        required=False,
        multiline=True,
        max_length=DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class FeedbackForm(Honeypot):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        coerce=int,
        widget=forms.RadioSelect,
        choices=[(n, str(n)) for n in range(1, 6)],
    )
    comment = CleanText(
        label=_("Comment"),
        required=False,
        max_length=FEEDBACK_LENGTH,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto", "maxlength": FEEDBACK_LENGTH}),
    )


class PollForm(forms.Form):
    question = CleanText(label=_("Question"), max_length=200)
    options = CleanText(
        label=_("Answers, one per line"),
        multiline=True,
        max_length=MOST_OPTIONS * (OPTION_LENGTH + 2),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Poll.Kind.choices)

    def clean_options(self):
        lines = [line.strip() for line in self.cleaned_data["options"].splitlines()]
        lines = [line for line in lines if line]
        if any(len(line) > OPTION_LENGTH for line in lines):
            raise forms.ValidationError(
                _("Each answer fits in %(most)s characters: shorten the longer ones.")
                % {"most": OPTION_LENGTH}
            )
        if len(set(lines)) < len(lines):
            raise forms.ValidationError(_("Two answers are the same: write each answer once."))
        return lines
