import json

from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.languages import language_choices, time_zone_names
from accounts.models import User
from accounts.time_zones import offered_time_zones, time_zone_aliases, time_zone_groups

TIME_ZONE_NOT_OFFERED = _("Choose a time zone from the list.")


class TimeZoneSelect(forms.Select):
    """The offered time zones grouped by region, each with its offset today (“(UTC−05:00) New
    York”), and the value shown even if it is a saved zone no longer offered.

    It draws its own options, whatever the field validates against, so it also serves a model
    field's default form field (the cohort's zone in the admin). With `browser_default`, a small
    script selects the zone the browser reports (accounts/js/time_zone.js).
    """

    def __init__(self, attrs=None, *, browser_default=False):
        super().__init__(attrs)
        self.browser_default = browser_default

    def get_context(self, name, value, attrs):
        self.choices = time_zone_groups(keep=value if isinstance(value, str) else None)
        attrs = dict(attrs or {})
        if self.browser_default:
            attrs["data-browser-time-zone"] = ""
            attrs["data-time-zone-aliases"] = json.dumps(time_zone_aliases(), sort_keys=True)
        return super().get_context(name, value, attrs)

    @property
    def media(self):
        if not self.browser_default:
            return forms.Media()
        return forms.Media(js=[forms.Script("accounts/js/time_zone.js", defer=True)])


class TimeZoneField(forms.ChoiceField):
    """A time zone among those offered, or `saved`: the one already stored, which stays valid
    (and selected) even when it is a legacy name no longer offered."""

    widget = TimeZoneSelect

    def __init__(self, *, saved=None, browser_default=False, **kwargs):
        kwargs.setdefault("label", _("Time zone"))
        super().__init__(choices=(), **kwargs)
        self.saved = saved
        self.widget.browser_default = browser_default

    def valid_value(self, value):
        return value in offered_time_zones() or (value == self.saved and value in time_zone_names())

    def validate(self, value):
        if value and not self.valid_value(value):
            raise forms.ValidationError(TIME_ZONE_NOT_OFFERED, code="invalid_choice")
        super(forms.ChoiceField, self).validate(value)


class OfferedTimeZoneMixin:
    """A model form whose `time_zone` offers the zones people use (TimeZoneField), keeping the
    instance's saved one. With `time_zone_from_browser`, a form not yet submitted preselects the
    browser's zone: for people who have not chosen one yet."""

    time_zone_from_browser = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        generated = self.fields["time_zone"]
        instance = getattr(self, "instance", None)
        self.fields["time_zone"] = TimeZoneField(
            saved=instance.time_zone if instance is not None and instance.pk else None,
            browser_default=self.time_zone_from_browser and not self.is_bound,
            label=capfirst(generated.label),
            help_text=generated.help_text,
            initial=generated.initial,
            required=generated.required,
        )


class SignupProfileForm(OfferedTimeZoneMixin, forms.ModelForm):
    """The extra fields allauth's sign-up asks for: who you are and how you read (the time zone
    preselected from the browser's)."""

    time_zone_from_browser = True

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


class ProfileForm(OfferedTimeZoneMixin, forms.ModelForm):
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


class AccountSetupForm(SetPasswordForm):
    """An invited person's first visit, in one form: the password they will sign in with, and the
    language and time zone everything is written in for them (the browser's zone preselected)."""

    preferred_language = forms.ChoiceField(
        label=_("Language"), help_text=_("Pages open and emails arrive in this language.")
    )

    def __init__(self, user, *args, time_zone=None, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["preferred_language"].choices = language_choices()
        self.fields["preferred_language"].initial = user.preferred_language or get_language()
        self.fields["time_zone"] = TimeZoneField(
            help_text=_("Session times are shown in this time zone."),
            initial=time_zone or user.time_zone,
            browser_default=not self.is_bound,
        )
