"""Shared results in the Wagtail admin: staff read what a team proposes, in each language it is
written in, and approve it for publication or send it back with a note (``result_approve``,
``result_send_back``); coaches read their teams' results. Every step is in the result's history.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from accounts.admin_views import FilterSet, InspectView, ObjectActionMixin, ReadOnlyModelViewSet
from cohorts.policies import can_review_results
from cohorts.sharing import selectors
from cohorts.sharing.models import ResultStatus, SharedResult
from cohorts.sharing.services import result_approve, result_send_back


class ReviewForm(forms.Form):
    APPROVE, SEND_BACK = "approve", "send_back"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve and publish")), (SEND_BACK, _("Send back to the team"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the team"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when sending back: what to change before it can be published."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput)


class ResultReviewView(ObjectActionMixin, WagtailAdminTemplateMixin, FormView):
    """The result as visitors would read it, in each of its languages, and the decision."""

    template_name = "cohorts/admin/result_review.html"
    form_class = ReviewForm
    page_title = _("Review the result")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not can_review_results(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(
            SharedResult.objects.select_related("team__cohort__program", "version__submission__template"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"revision": self.object.revision}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        result = self.object
        context.update(
            {
                "result": result,
                "waiting": result.status == ResultStatus.PROPOSED,
                "versions": [
                    (code, result.texts(code)) for code in [result.language, *result.translations()]
                ],
                "public_url": selectors.public_urls([result]).get(result.pk),
                "action_url": self.request.get_full_path(),
            }
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if data["decision"] == ReviewForm.APPROVE:
                result_approve(result=self.object, by=self.request.user, revision=data["revision"])
                message = _("“%(result)s” is published; the team has been told.")
            else:
                result_send_back(
                    result=self.object, by=self.request.user, note=data["note"], revision=data["revision"]
                )
                message = _("“%(result)s” was sent back to the team with your note.")
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            self.object.refresh_from_db()
            form.data = form.data.copy()
            form.data["revision"] = self.object.revision  # the page now shows the current version
            return self.form_invalid(form)
        messages.success(self.request, message % {"result": self.object})
        return redirect(self.get_inspect_url())


def review_url(result, user):
    if result.status == ResultStatus.PROPOSED and can_review_results(user):
        return reverse("sharedresult:review", args=(result.pk,))
    return None


class ResultInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        if field_name == "indicators":
            rows = getattr(self.object, field_name) or []
            return ", ".join(row.get("name", "") for row in rows) or "—"
        return super().get_field_display_value(field_name, field)


class ResultFilterSet(FilterSet):
    class Meta:
        model = SharedResult
        fields = ["status", "kind", "team__cohort"]


class SharedResultViewSet(ReadOnlyModelViewSet):
    """Teams propose and withdraw in their workspace; staff decide on the review page."""

    model = SharedResult
    icon = "doc-full"
    menu_label = _("Shared results")
    inspect_view_class = ResultInspectView
    list_display = ["__str__", "team", "kind", "status", "language", "proposed_at", "published_at"]
    filterset_class = ResultFilterSet
    search_fields = ["title_en", "title_es", "team__name", "team__city"]
    ordering = "-proposed_at"
    list_select_related = ["team"]
    inspect_view_fields = [
        "team",
        "kind",
        "status",
        "language",
        "slug",
        "title_en",
        "title_es",
        "problem_en",
        "problem_es",
        "what_changed_en",
        "what_changed_es",
        "public_text_en",
        "public_text_es",
        "indicators",
        "version",
        "review_note",
        "proposed_by",
        "proposed_at",
        "reviewed_by",
        "reviewed_at",
        "published_at",
        "withdrawn_at",
    ]
    inspect_flow_links = [(_("Review"), review_url, "doc-full")]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(history_url_name=self.get_url_name("history"), **kwargs)

    @property
    def review_view(self):
        return self.construct_view(
            ResultReviewView,
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("review/<int:pk>/", self.review_view, name="review")]


def result_log_actions():
    return [
        ("ruta.result.proposed", _("Result proposed for publication")),
        ("ruta.result.approved", _("Result approved and published")),
        ("ruta.result.sent_back", _("Result sent back to the team")),
        ("ruta.result.withdrawn", _("Result withdrawn by the team")),
    ]


class ResultLogFormatter(LogFormatter):
    def format_message(self, log_entry):
        note = (log_entry.data or {}).get("note")
        return f"{self.label}: {note}" if note else self.label


def register_result_log_actions(actions):
    for action, label in result_log_actions():
        formatter = type("ResultLogFormatter", (ResultLogFormatter,), {"label": label, "message": label})
        actions.register_action(action)(formatter)
