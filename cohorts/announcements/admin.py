"""Staff announcements in the Wagtail admin: write in every language, check, send once.

An unsent announcement is added, edited and deleted like any record. Sending goes through a
confirmation page that shows how many people it will reach and every language version, and
then through ``cohorts.announcements.announcement_send``. A sent announcement is kept as it
went out: it can be inspected and its history read, but no longer edited or deleted.
"""

import django_filters
from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import LogFormatter

from accounts.admin_views import (
    CreateView,
    FilterSet,
    IndexView,
    InspectView,
    ModelViewSet,
    ObjectActionMixin,
)
from cohorts.announcements.forms import AnnouncementForm
from cohorts.announcements.models import Announcement
from cohorts.announcements.services import announcement_recipients, announcement_send

ALREADY_SENT_NOT_EDITABLE = _("This announcement has already been sent, so it can no longer be changed.")
ALREADY_SENT_NOT_DELETABLE = _("This announcement has already been sent, so it can no longer be deleted.")


def translated_field_names():
    """title_en, title_es, body_en, body_es… for every language of the site."""
    return [
        build_localized_fieldname(field, code)
        for field in Announcement.TRANSLATED_FIELDS
        for code, _name in settings.LANGUAGES
    ]


def language_versions(announcement):
    """[(language code, name, title, body)…]: the announcement as each language's members read it."""
    return [
        (
            code,
            name,
            getattr(announcement, build_localized_fieldname("title", code)),
            getattr(announcement, build_localized_fieldname("body", code)),
        )
        for code, name in settings.LANGUAGES
    ]


def sent_at_display(announcement):
    if announcement.sent_at is None:
        return _("Not sent yet")
    return date_format(timezone.localtime(announcement.sent_at), "DATETIME_FORMAT")


def announcement_panels():
    """Audience, then each text in every language (title_en, title_es, body_en, body_es), as
    wagtail-modeltranslation lays out translated fields, so its language picker applies."""
    return ObjectList(
        [
            FieldRowPanel([FieldPanel("cohort"), FieldPanel("role")]),
            *[
                FieldPanel(build_localized_fieldname(field, code))
                for field in Announcement.TRANSLATED_FIELDS
                for code, _name in settings.LANGUAGES
            ],
        ],
        base_form_class=AnnouncementForm,
    )


class SendURLMixin:
    """Where the "Send" action of an announcement is, for staff who may send it."""

    send_url_name = None

    def get_send_url(self, instance):
        if (
            self.send_url_name
            and not instance.is_sent
            and self.permission_policy.user_has_permission(self.request.user, "change")
        ):
            return reverse(self.send_url_name, args=(quote(instance.pk),))


class AnnouncementFilterSet(FilterSet):
    SENT, UNSENT = "sent", "unsent"

    sent = django_filters.ChoiceFilter(
        label=_("Sent"),
        choices=[(SENT, _("Sent")), (UNSENT, _("Not sent yet"))],
        method="filter_sent",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Announcement
        fields = ["cohort"]

    def filter_sent(self, queryset, name, value):
        return queryset.filter(sent_at__isnull=value == self.UNSENT)


class AnnouncementIndexView(SendURLMixin, IndexView):
    """Sent announcements open on their inspect page and offer neither edit nor delete."""

    def get_edit_url(self, instance):
        return None if instance.is_sent else super().get_edit_url(instance)

    def get_delete_url(self, instance):
        return None if instance.is_sent else super().get_delete_url(instance)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if send_url := self.get_send_url(instance):
            buttons.append(MenuItem(_("Send"), url=send_url, icon_name="mail", priority=5))
        return buttons


class AnnouncementCreateView(SendURLMixin, CreateView):
    def get_initial(self):
        # Started from a cohort (its opening checklist): that cohort.
        initial = super().get_initial()
        if cohort := self.request.GET.get("cohort", "").strip():
            initial["cohort"] = cohort
        return initial

    def get_success_buttons(self):
        buttons = super().get_success_buttons()
        if send_url := self.get_send_url(self.object):
            buttons.append(messages.button(send_url, _("Send")))
        return buttons


class RefuseWhenSentMixin:
    """Answers a sent announcement with an error message and its inspect page."""

    refused_message = ""
    inspect_url_name = None

    def refuse(self):
        messages.error(self.request, self.refused_message)
        if self.inspect_url_name:
            return redirect(self.inspect_url_name, quote(self.object.pk))
        return redirect(self.index_url_name)

    def get(self, request, *args, **kwargs):
        if self.get_object().is_sent:
            return self.refuse()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.get_object().is_sent:
            return self.refuse()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # Sent while this page was open: the row lock makes the check and the change one step.
        with transaction.atomic():
            locked = Announcement.objects.select_for_update().only("sent_at").get(pk=self.object.pk)
            if locked.is_sent:
                return self.refuse()
            return super().form_valid(form)


class AnnouncementEditView(SendURLMixin, RefuseWhenSentMixin, generic.EditView):
    refused_message = ALREADY_SENT_NOT_EDITABLE

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is None:
            self.object = super().get_object(queryset)
        return self.object

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if send_url := self.get_send_url(self.object):
            buttons.append(Button(_("Send"), url=send_url, icon_name="mail", priority=5))
        return buttons


class AnnouncementDeleteView(RefuseWhenSentMixin, generic.DeleteView):
    refused_message = ALREADY_SENT_NOT_DELETABLE


class AnnouncementInspectView(SendURLMixin, InspectView):
    history_url_name = None

    def get_object(self, queryset=None):
        queryset = Announcement.objects.select_related("cohort__program", "role", "author")
        return get_object_or_404(queryset, pk=self.pk)

    def get_edit_url(self):
        return None if self.object.is_sent else super().get_edit_url()

    def get_delete_url(self):
        return None if self.object.is_sent else super().get_delete_url()

    def get_field_label(self, field_name, field):
        if field_name == "role":
            return _("Audience")
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        if field_name == "role":
            return self.object.audience_label
        if field_name == "sent_at":
            return sent_at_display(self.object)
        if field_name.startswith("body"):
            return linebreaksbr(getattr(self.object, field_name)) or "—"
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if send_url := self.get_send_url(self.object):
            buttons.append(HeaderButton(_("Send"), url=send_url, icon_name="mail"))
        return buttons


class AnnouncementSendView(
    ObjectActionMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Confirm, then send: how many people it reaches and what each language's members read."""

    model = Announcement
    permission_required = "change"
    template_name = "cohorts/admin/announcement_send.html"
    page_title = _("Send the announcement")
    header_icon = "mail"
    edit_url_name = None
    http_method_names = ["get", "post", "head", "options"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Announcement.objects.select_related("cohort__program", "role"), pk=kwargs["pk"]
        )

    def get(self, request, *args, **kwargs):
        if self.object.is_sent:
            messages.error(request, _("This announcement has already been sent."))
            return redirect(self.get_inspect_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.object,
                "recipient_count": len(announcement_recipients(self.object)),
                "versions": language_versions(self.object),
                "edit_url": reverse(self.edit_url_name, args=(quote(self.object.pk),)),
                "action_url": self.request.get_full_path(),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            count = announcement_send(announcement=self.object, sender=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.get_inspect_url())
        messages.success(
            request,
            ngettext(
                "“%(title)s” sent to %(count)d person.",
                "“%(title)s” sent to %(count)d people.",
                count,
            )
            % {"title": self.object.title, "count": count},
            buttons=[messages.button(self.get_inspect_url(), _("View"))],
        )
        return redirect(self.index_url_name)


AUDIENCE_COLUMN = Column("audience", label=_("Audience"), accessor="audience_label")
SENT_AT_COLUMN = Column("sent_at", label=_("Sent at"), accessor=sent_at_display, sort_key="sent_at")


class AnnouncementViewSet(ModelViewSet):
    model = Announcement
    icon = "mail"
    index_view_class = AnnouncementIndexView
    add_view_class = AnnouncementCreateView
    edit_view_class = AnnouncementEditView
    delete_view_class = AnnouncementDeleteView
    inspect_view_class = AnnouncementInspectView
    list_display = ["title", "cohort", AUDIENCE_COLUMN, SENT_AT_COLUMN]
    filterset_class = AnnouncementFilterSet
    search_fields = ["title_en", "title_es", "body_en", "body_es"]
    ordering = "-created_at"
    list_select_related = ["cohort__program", "role"]
    user_field = "author"
    edit_handler = announcement_panels()
    inspect_view_fields = [
        "cohort",
        "role",
        *translated_field_names(),
        "author",
        "created_at",
        "sent_at",
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(send_url_name=self.get_url_name("send"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(history_url_name=self.get_url_name("history"), **kwargs)

    @property
    def send_view(self):
        return self.construct_view(AnnouncementSendView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("send/<int:pk>/", self.send_view, name="send")]


class AnnouncementSentFormatter(LogFormatter):
    label = _("Announcement sent")

    def format_message(self, log_entry):
        count = (log_entry.data or {}).get("recipients", 0)
        return ngettext(
            "Announcement sent to %(count)d person",
            "Announcement sent to %(count)d people",
            count,
        ) % {"count": count}


def register_announcement_log_actions(actions):
    actions.register_action("ruta.announcement.sent")(AnnouncementSentFormatter)
