from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class SignInForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class LanguageForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["language"]
        labels = {"language": _("Language of my e-mails and pages")}
        # Django's message repeats the value sent, which can be anything.
        error_messages = {"language": {"invalid_choice": _("Choose one of the languages offered.")}}


class DeleteMyDataForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand: my registrations for events to come are cancelled, my "
            "bookings freed, and my name, e-mail and phone removed for good."
        ),
        error_messages={"required": _("Tick the box to confirm the deletion.")},
    )
