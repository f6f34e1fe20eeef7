"""Wagtail's user forms for accounts.User, which signs in with an email and has no first or last name."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_forms

from accounts.forms import OfferedTimeZoneMixin

User = get_user_model()

PROFILE_FIELDS = ("email", "full_name", "preferred_language", "time_zone")


class UserFormMixin:
    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A user with this email address already exists."), code="duplicate")
        return email


class UserCreationForm(OfferedTimeZoneMixin, UserFormMixin, wagtail_forms.UserCreationForm):
    first_name = None
    last_name = None

    class Meta(wagtail_forms.UserCreationForm.Meta):
        fields = (*PROFILE_FIELDS, "is_superuser", "groups")


class UserEditForm(OfferedTimeZoneMixin, UserFormMixin, wagtail_forms.UserEditForm):
    first_name = None
    last_name = None

    class Meta(wagtail_forms.UserEditForm.Meta):
        fields = (*PROFILE_FIELDS, "is_active", "is_superuser", "groups")
