"""The announcement form of the admin: every language required."""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminModelForm

from cohorts.announcements.models import ANNOUNCEMENT_TRANSLATION_MISSING, Announcement
from cohorts.models import Cohort
from sprints.models import Role


class AnnouncementForm(WagtailAdminModelForm):
    """Every language's title and message are required; roles are labelled with their program."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in Announcement.TRANSLATED_FIELDS:
            for code, name in settings.LANGUAGES:
                if formfield := self.fields.get(build_localized_fieldname(field, code)):
                    formfield.required = True
                    formfield.error_messages["required"] = ANNOUNCEMENT_TRANSLATION_MISSING % {
                        "language": name
                    }
        if "cohort" in self.fields:
            self.fields["cohort"].queryset = Cohort.objects.select_related("program")
        if "role" in self.fields:
            self.fields["role"].queryset = Role.objects.select_related("program").order_by(
                "program__name", "sort_order"
            )
            self.fields["role"].label_from_instance = lambda role: f"{role.program} — {role}"
            self.fields["role"].empty_label = _("Every member")

    def add_error(self, field, error):
        # Announcement.clean() repeats "write this in Spanish too" for a field this form has
        # already found empty: one message per field is enough.
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            remaining = {
                name: errors
                for name, errors in error.error_dict.items()
                if name == NON_FIELD_ERRORS or name not in (self._errors or {})
            }
            if not remaining:
                return
            error = ValidationError(remaining)
        super().add_error(field, error)
