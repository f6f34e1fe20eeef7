from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class SignupProfileForm(forms.ModelForm):
    """The extra fields allauth's sign-up asks for: who you are and how you read."""

    class Meta:
        model = User
        fields = ["full_name", "preferred_language", "time_zone"]
        labels = {"full_name": _("Full name")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["preferred_language"].initial = (get_language() or "en")[:2]

    def signup(self, request, user):
        for field in self.Meta.fields:
            setattr(user, field, self.cleaned_data[field])
        user.save(update_fields=self.Meta.fields)


class ProfileForm(forms.ModelForm):
    """The language and time zone everything, emails included, is written in."""

    class Meta:
        model = User
        fields = ["preferred_language", "time_zone"]


WRONG_PASSWORD = _("The password is not correct.")
WRONG_CONFIRMATION = _("Type your email address exactly as it is shown.")


class AccountDeleteForm(forms.Form):
    """Deleting one's account asks for the password again, or, for an account without one, for the
    email address typed out."""

    password = forms.CharField(label=_("Your password"), strip=False, widget=forms.PasswordInput)
    confirmation = forms.CharField(label=_("Type your email address to confirm"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        del self.fields["confirmation" if user.has_usable_password() else "password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(WRONG_PASSWORD, code="wrong_password")
        return password

    def clean_confirmation(self):
        confirmation = self.cleaned_data["confirmation"].strip()
        if confirmation.lower() != self.user.email.lower():
            raise forms.ValidationError(WRONG_CONFIRMATION, code="wrong_confirmation")
        return confirmation
