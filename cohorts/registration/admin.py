"""Staff review of applications in the Wagtail admin: the queue, the review page, decisions;
and the listings of the teams accepted and of the places kept for invited addresses.

Every decision goes through the services in ``cohorts.registration.services`` (accept, waitlist,
decline); these views only collect the reviewer's note, report what the service said and
send the reviewer back to the queue.
"""

import datetime
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_list_or_404, get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.permissions import policy_registry

from accounts.admin_scope import admin_objects_for
from accounts.admin_views import (
    FilterSet,
    IndexView,
    InspectView,
    ModelViewSet,
    ObjectActionMixin,
    ReadOnlyModelViewSet,
    ServiceCreateView,
    ServiceEditView,
)
from cohorts.models import Cohort, Team
from cohorts.registration.forms import BulkDecisionForm
from cohorts.registration.models import (
    Registration,
    RegistrationAnswer,
    RegistrationMember,
    RegistrationStatus,
    SignedMOU,
    TeamInvitation,
)
from cohorts.registration.rules import team_size_warning
from cohorts.registration.services import (
    ACCEPT_FROM,
    DECLINE_FROM,
    WAITLIST_FROM,
    registration_accept,
    registration_decline,
    registration_waitlist,
    team_mou_record,
)

#: The listing's search (database ``icontains``), shared with "select all" in bulk actions.
REGISTRATION_SEARCH_FIELDS = ["team_name", "city", "jurisdiction", "applicant__email", "applicant__full_name"]


# Decisions


@dataclass(frozen=True)
class Decision:
    """One way to decide an application: the service that does it and how the admin words it."""

    key: str
    label: str
    service: object
    #: The statuses it applies to, to offer it only where the service will take it.
    from_statuses: frozenset
    success_message: str
    #: count -> "N applications accepted: %(teams)s." in the active language
    bulk_success_message: Callable[[int], str]
    #: count -> "N applications could not be accepted:"
    bulk_refused_message: Callable[[int], str]

    def is_available_for(self, registration):
        return registration.status in self.from_statuses

    def apply(self, *, registration, reviewer, note):
        return self.service(registration=registration, reviewer=reviewer, note=note)


DECISIONS = OrderedDict(
    (decision.key, decision)
    for decision in [
        Decision(
            key="accept",
            label=_("Accept"),
            service=registration_accept,
            from_statuses=ACCEPT_FROM,
            success_message=_("“%(team)s” accepted: the team has been created and its members invited."),
            bulk_success_message=lambda count: ngettext(
                "%(count)d application accepted: %(teams)s.",
                "%(count)d applications accepted: %(teams)s.",
                count,
            ),
            bulk_refused_message=lambda count: ngettext(
                "%(count)d application could not be accepted:",
                "%(count)d applications could not be accepted:",
                count,
            ),
        ),
        Decision(
            key="waitlist",
            label=_("Waitlist"),
            service=registration_waitlist,
            from_statuses=WAITLIST_FROM,
            success_message=_("“%(team)s” waitlisted."),
            bulk_success_message=lambda count: ngettext(
                "%(count)d application waitlisted: %(teams)s.",
                "%(count)d applications waitlisted: %(teams)s.",
                count,
            ),
            bulk_refused_message=lambda count: ngettext(
                "%(count)d application could not be waitlisted:",
                "%(count)d applications could not be waitlisted:",
                count,
            ),
        ),
        Decision(
            key="decline",
            label=_("Decline"),
            service=registration_decline,
            from_statuses=DECLINE_FROM,
            success_message=_("“%(team)s” declined."),
            bulk_success_message=lambda count: ngettext(
                "%(count)d application declined: %(teams)s.",
                "%(count)d applications declined: %(teams)s.",
                count,
            ),
            bulk_refused_message=lambda count: ngettext(
                "%(count)d application could not be declined:",
                "%(count)d applications could not be declined:",
                count,
            ),
        ),
    ]
)


def available_decisions(registration):
    """The decisions the services would take for this application's status (for the UI only)."""
    return [decision for decision in DECISIONS.values() if decision.is_available_for(registration)]


def team_label(registration):
    return registration.team_name or registration.city or str(_("Untitled application"))


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(key, decision.label) for key, decision in DECISIONS.items()],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the applicant with the decision and kept in the application's history."),
    )

    def __init__(self, *args, decisions=None, free_places=0, **kwargs):
        """`decisions` narrows the choices offered to those the application's status allows.

        With `free_places` (the cohort has room), waitlisting asks for an explicit confirmation:
        a waitlisted team waits although a place is free for it."""
        super().__init__(*args, **kwargs)
        if decisions is not None:
            self.fields["decision"].choices = [(decision.key, decision.label) for decision in decisions]
        self.free_places = free_places
        offers_waitlist = any(key == "waitlist" for key, _label in self.fields["decision"].choices)
        if free_places > 0 and offers_waitlist:
            self.fields["confirm_waitlist"] = forms.BooleanField(
                label=_("Waitlist it anyway"),
                required=False,
                help_text=free_places_text(free_places)
                + " "
                + str(_("Tick this only to waitlist the application although a place is free for it.")),
            )

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("decision") == "waitlist"
            and "confirm_waitlist" in self.fields
            and not cleaned_data.get("confirm_waitlist")
        ):
            self.add_error(
                "confirm_waitlist",
                forms.ValidationError(
                    waitlist_needs_confirmation(self.free_places), code="waitlist_needs_confirmation"
                ),
            )
        return cleaned_data


def places_free(cohort, taken):
    return max(cohort.capacity - taken, 0)


def free_places_text(count):
    return ngettext(
        "The cohort has %(count)d free place.", "The cohort has %(count)d free places.", count
    ) % {"count": count}


def waitlist_needs_confirmation(count):
    """The error when waitlisting with places free and the box not ticked."""
    return ngettext(
        "The cohort has %(count)d free place: accept the application, or tick “Waitlist it anyway” "
        "to waitlist it.",
        "The cohort has %(count)d free places: accept the application, or tick “Waitlist it anyway” "
        "to waitlist it.",
        count,
    ) % {"count": count}


def user_can_decide(user):
    return policy_registry.get_by_type(Registration).user_has_permission(user, "change")


# The review queue


class RegistrationFilterSet(FilterSet):
    """The review queue's filters. Without a status chosen, drafts stay out of the queue."""

    ALL = "all"

    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[*RegistrationStatus.choices, (ALL, _("All, including drafts"))],
        method="filter_status",
        empty_label=_("Submitted work (all but drafts)"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Registration
        fields = ["cohort", "focus_area", "cohort__language", "cohort__program"]

    def filter_status(self, queryset, name, value):
        if value == self.ALL:
            return queryset
        return queryset.filter(status=value)

    def filter_queryset(self, queryset):
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.exclude(status=RegistrationStatus.DRAFT)
        return super().filter_queryset(queryset)


def registration_listing_queryset():
    """The rows of the queue with everything its columns and exports show (two queries).

    The member count is a subquery per row shown, not a GROUP BY over every application before
    the page's LIMIT."""
    members = (
        RegistrationMember.objects.filter(registration=OuterRef("pk"))
        .order_by()
        .values("registration")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Registration.objects.select_related("cohort__program", "focus_area", "applicant", "reviewer")
        .annotate(member_count=Coalesce(Subquery(members), 0))
        .prefetch_related(
            Prefetch("answers", queryset=RegistrationAnswer.objects.order_by("sort_order", "pk"))
        )
    )


def members_cell(registration):
    """The queue's member count, with a warning when it differs from the program's recommendation."""
    count = getattr(registration, "member_count", None)
    if count is None:
        count = registration.members.count()
    warning = team_size_warning(registration.cohort.program, count)
    if warning is None:
        return count
    return format_html(
        '{} <span class="w-status w-status--label" title="{}">⚠ {}</span>', count, warning, warning
    )


def answers_text(answers):
    return "\n".join(f"{answer.question_text}: {answer.answer}" for answer in answers)


ANSWER_COLUMN_PREFIX = "answer:"


class RegistrationIndexView(IndexView):
    """The review queue: oldest submitted first, drafts hidden, bulk decisions, exports."""

    decide_url_name = None
    # Local times in both exports, rather than UTC.
    custom_value_preprocess = {
        **generic.IndexView.custom_value_preprocess,
        datetime.datetime: {
            generic.IndexView.FORMAT_CSV: lambda value: timezone.localtime(value).strftime("%Y-%m-%d %H:%M"),
            generic.IndexView.FORMAT_XLSX: lambda value: timezone.make_naive(value),
        },
    }

    def get_base_queryset(self):
        return registration_listing_queryset()

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        ordering = []
        for term in queryset.query.order_by:
            # Drafts have no submission date: keep them after the submitted ones either way.
            if term == "submitted_at":
                term = F("submitted_at").asc(nulls_last=True)
            elif term == "-submitted_at":
                term = F("submitted_at").desc(nulls_last=True)
            ordering.append(term)
        return queryset.order_by(*ordering, "pk")

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # The team name opens the review page, not the edit form.
        return self._get_custom_column(
            field_name,
            self._get_title_column_class(column_class),
            get_url=self.get_inspect_url,
            get_title_id=lambda registration: f"registration_{quote(registration.pk)}_title",
            **kwargs,
        )

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="registration"), *super().columns]

    def get_decide_url(self, instance, decision=None):
        if self.decide_url_name and user_can_decide(self.request.user):
            url = reverse(self.decide_url_name, args=(quote(instance.pk),))
            return f"{url}?{urlencode({'decision': decision})}" if decision else url

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for priority, decision in enumerate(available_decisions(instance), start=1):
            if url := self.get_decide_url(instance, decision.key):
                buttons.append(MenuItem(decision.label, url=url, icon_name="check", priority=priority))
        return buttons

    @cached_property
    def selected_cohort(self):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("cohort")
        return None

    def get_cohort_summary(self):
        cohort = self.selected_cohort
        if cohort is None:
            return None
        counts = Registration.objects.filter(cohort=cohort).aggregate(
            **{status: Count("pk", filter=Q(status=status)) for status in RegistrationStatus.values}
        )
        return {
            "cohort": cohort,
            "places_taken": counts[RegistrationStatus.ACCEPTED],
            "places_left": max(cohort.capacity - counts[RegistrationStatus.ACCEPTED], 0),
            "counts": [
                (label, counts[value]) for value, label in RegistrationStatus.choices if counts[value]
            ],
        }

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["cohort_summary"] = self.get_cohort_summary()
        return context

    def get_filename(self):
        if self.selected_cohort:
            return f"{self.export_filename}-{slugify(self.selected_cohort.name)}"
        return self.export_filename

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """The export, with one column per question of the cohort's program when a cohort is chosen."""
        self.list_export = list(self.list_export)
        self.export_headings = dict(self.export_headings)
        cohort = self.selected_cohort
        if cohort is not None:
            self.export_questions = list(cohort.program.questions.all())
            for question in self.export_questions:
                key = f"{ANSWER_COLUMN_PREFIX}{question.pk}"
                self.list_export.append(key)
                self.export_headings[key] = question.text
            self.list_export.append("other_answers")
        else:
            self.export_questions = []
            self.list_export.append("answers")
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def to_row_dict(self, item):
        answers = list(item.answers.all())
        by_question = {answer.question_id: answer for answer in answers}
        asked = {question.pk for question in getattr(self, "export_questions", [])}
        values = {
            "answers": answers_text(answers),
            "other_answers": answers_text(answer for answer in answers if answer.question_id not in asked),
            **{
                f"{ANSWER_COLUMN_PREFIX}{pk}": by_question[pk].answer if pk in by_question else ""
                for pk in asked
            },
            "cohort": str(item.cohort),
            "focus_area": str(item.focus_area) if item.focus_area else "",
            "status": item.get_status_display(),
            "applicant_email": item.applicant.email,
            "member_count": item.member_count,
            "reviewer": item.reviewer.get_full_name() if item.reviewer else "",
        }
        return OrderedDict(
            (field, values[field] if field in values else getattr(item, field)) for field in self.list_export
        )


# The review page


class RegistrationInspectView(InspectView):
    """The whole application, its members, and the decision form for staff who may decide."""

    decide_url_name = None
    history_url_name = None

    def get_object(self, queryset=None):
        queryset = Registration.objects.select_related(
            "cohort__program", "applicant", "reviewer", "focus_area", "team"
        ).prefetch_related(
            Prefetch(
                "members", queryset=RegistrationMember.objects.select_related("role").order_by("sort_order")
            ),
            Prefetch("answers", queryset=RegistrationAnswer.objects.order_by("sort_order", "pk")),
        )
        return get_object_or_404(queryset, pk=self.pk)

    def get_field_display_value(self, field_name, field):
        if field_name == "challenge_statement":
            return linebreaksbr(self.object.challenge_statement) or "—"
        if field_name == "decision_note":
            return linebreaksbr(self.object.decision_note) or "—"
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        return "—" if value is None or value == "" else value

    def get_decide_url(self):
        if self.decide_url_name and user_can_decide(self.request.user):
            return reverse(self.decide_url_name, args=(quote(self.object.pk),))

    @cached_property
    def decisions(self):
        return available_decisions(self.object) if self.get_decide_url() else []

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.decisions:
            buttons.append(HeaderButton(_("Decide"), url="#decision", icon_name="check"))
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.object
        decide_url = self.get_decide_url()
        decisions = self.decisions
        places_taken = registration.cohort.places_taken
        context.update(
            {
                "members": registration.members.all(),
                "answers": registration.answers.all(),
                "team_size_warning": team_size_warning(
                    registration.cohort.program, len(registration.members.all())
                ),
                "applicant_is_member": registration.applicant_is_member,
                "team": getattr(registration, "team", None),
                "decisions": decisions,
                "decide_url": decide_url,
                "decision_form": DecisionForm(
                    decisions=decisions,
                    free_places=places_free(registration.cohort, places_taken),
                    initial={"decision": decisions[0].key if len(decisions) == 1 else None},
                )
                if decisions
                else None,
                "places_taken": places_taken,
                "next_url": queue_url(registration.cohort_id),
            }
        )
        if team := context["team"]:
            context["team_url"] = reverse("team:edit", args=(quote(team.pk),))
        return context


def queue_url(cohort_id):
    return f"{reverse('registration:index')}?{urlencode({'cohort': cohort_id})}"


class RegistrationDecisionView(
    ObjectActionMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView
):
    """Accept, waitlist or decline one application with a note, through the services."""

    model = Registration
    permission_required = "change"
    form_class = DecisionForm
    template_name = "cohorts/admin/registration_decide.html"
    page_title = _("Decide on the application")
    header_icon = "draft"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Registration.objects.select_related("cohort__program", "applicant", "focus_area"), pk=kwargs["pk"]
        )

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or queue_url(self.object.cohort_id)

    @cached_property
    def places_taken(self):
        return self.object.cohort.places_taken

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["free_places"] = places_free(self.object.cohort, self.places_taken)
        if self.request.method == "GET":
            # Offer what the status allows; a stale page may still post any decision, and
            # then the service says why it cannot be taken.
            kwargs["decisions"] = available_decisions(self.object)
        return kwargs

    def get_initial(self):
        initial = super().get_initial()
        if self.request.GET.get("decision") in DECISIONS:
            initial["decision"] = self.request.GET["decision"]
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.object,
                "decisions": available_decisions(self.object),
                "places_taken": self.places_taken,
                "inspect_url": self.get_inspect_url(),
                "team_size_warning": team_size_warning(
                    self.object.cohort.program, self.object.members.count()
                ),
                "answers": self.object.answers.order_by("sort_order", "pk"),
                "action_url": self.request.get_full_path(),
                "next_url": get_valid_next_url_from_request(self.request),
            }
        )
        return context

    def form_valid(self, form):
        decision = DECISIONS[form.cleaned_data["decision"]]
        try:
            decision.apply(
                registration=self.object, reviewer=self.request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            # Nothing changed (the service rolled back); show why and keep what was typed.
            messages.error(self.request, error_text(error))
            self.object.refresh_from_db()
            return self.form_invalid(form)
        messages.success(
            self.request,
            decision.success_message % {"team": team_label(self.object)},
            buttons=[messages.button(self.get_inspect_url(), _("View application"))],
        )
        return redirect(self.get_success_url())


# The cohorts listing links to each cohort's queue


class CohortIndexView(IndexView):
    """Cohorts, each with how many places are taken and a link to its applications."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .with_places_taken()
            .annotate(
                to_decide_count=Count("registrations", filter=Q(registrations__status="submitted")),
                applications_count=Count("registrations", filter=~Q(registrations__status="draft")),
            )
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(_("Review applications"), url=queue_url(instance.pk), icon_name="list-ul", priority=5)
        )
        return buttons


def review_applications_link(cohort):
    """The cohorts listing's cell: a link to the cohort's queue with how many await a decision."""
    text = _("Review applications")
    to_decide = getattr(cohort, "to_decide_count", None)
    total = getattr(cohort, "applications_count", None)
    if to_decide is None or total is None:
        return format_html('<a href="{}">{}</a>', queue_url(cohort.pk), text)
    counts = _("%(to_decide)d of %(count)d to decide") % {"to_decide": to_decide, "count": total}
    return format_html('<a href="{}">{}</a> ({})', queue_url(cohort.pk), text, counts)


REVIEW_APPLICATIONS_COLUMN = Column(
    "applications", label=_("Applications"), accessor=review_applications_link
)
PLACES_COLUMN = Column(
    "places",
    label=_("Places taken"),
    accessor=lambda cohort: (
        _("%(taken)d of %(capacity)d") % {"taken": cohort.places_taken, "capacity": cohort.capacity}
    ),
)


# Bulk decisions


class RegistrationBulkAction(PermissionCheckedMixin, BulkAction):
    """Apply one decision, with one note, to the selected applications: each through its service.

    Applications are decided oldest submitted first, so when the cohort fills up midway the
    earliest applicants get the places. Each one succeeds or is refused on its own; the
    message lists which were refused and why.
    """

    models = [Registration]
    permission_required = "change"
    template_name = "cohorts/admin/registration_bulk_decide.html"
    decision_key = None
    header_title = ""
    classes = set()

    form_class = BulkDecisionForm

    @cached_property
    def decision(self):
        return DECISIONS[self.decision_key]

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Registration)

    @classmethod
    def get_queryset(cls, model, object_ids):
        queryset = (
            model.objects.filter(pk__in=object_ids)
            .select_related("cohort__program", "applicant")
            .order_by(F("submitted_at").asc(nulls_last=True), "pk")
        )
        return get_list_or_404(queryset)

    def get_all_objects_in_listing_query(self, parent_id):
        """The listing's "select all": the queue as filtered and searched, nothing beyond it."""
        filters = RegistrationFilterSet(
            data=self.request.GET,
            request=self.request,
            queryset=admin_objects_for(self.request.user, Registration),
        )
        queryset = filters.qs if filters.is_valid() else Registration.objects.none()
        if query := self.request.GET.get("q"):
            condition = Q()
            for field in REGISTRATION_SEARCH_FIELDS:
                condition |= Q(**{f"{field}__icontains": query})
            queryset = queryset.filter(condition)
        return queryset.values_list("pk", flat=True)

    def get_actionable_objects(self):
        """The selected applications; one the user may not see in the admin answers 404."""
        ids = {pk for pk in self.request.GET.getlist("id") if pk != "all"}
        try:
            visible = admin_objects_for(self.request.user, Registration).filter(pk__in=ids).count()
        except (TypeError, ValueError):
            visible = -1
        if visible != len(ids):
            raise Http404
        return super().get_actionable_objects()

    def check_perm(self, obj):
        return self.user_has_permission("change")

    def object_context(self, obj):
        return {
            "item": obj,
            "inspect_url": reverse("registration:inspect", args=(quote(obj.pk),)),
            "can_decide": self.decision.is_available_for(obj),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["decision"] = self.decision
        if self.decision.key == "waitlist":
            context["cohorts_with_free_places"] = self.cohorts_with_free_places(context.get("items", []))
        return context

    @staticmethod
    def cohorts_with_free_places(items):
        """[(cohort, the sentence saying how many places are free)] among the selected applications'
        cohorts: waitlisting there keeps a team waiting although a place is free (one query)."""
        cohort_ids = {entry["item"].cohort_id for entry in items}
        cohorts = Cohort.objects.filter(pk__in=cohort_ids).with_places_taken().select_related("program")
        return [
            (cohort, free_places_text(free))
            for cohort in cohorts.order_by("start_date", "pk")
            if (free := places_free(cohort, cohort.places_taken))
        ]

    def get_execution_context(self):
        self.results = []
        return {
            "decision": self.decision,
            "reviewer": self.request.user,
            "note": self.cleaned_form.cleaned_data["note"],
            "results": self.results,
        }

    @classmethod
    def execute_action(cls, objects, decision=None, reviewer=None, note="", results=None, **kwargs):
        """Decide each application in turn; record (registration, error or None) in `results`."""
        results = results if results is not None else []
        for registration in objects:
            try:
                decision.apply(registration=registration, reviewer=reviewer, note=note)
            except ValidationError as error:
                results.append((registration, error))
            else:
                results.append((registration, None))
        succeeded = sum(1 for _registration, error in results if error is None)
        return succeeded, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        refused = [(registration, error) for registration, error in self.results if error is not None]
        if refused:
            heading = self.decision.bulk_refused_message(len(refused)) % {"count": len(refused)}
            details = format_html_join(
                "",
                "<li>{}: {}</li>",
                ((team_label(registration), error_text(error)) for registration, error in refused),
            )
            messages.error(self.request, format_html("{}<ul>{}</ul>", heading, details))
        if not num_parent_objects:
            return None
        teams = ", ".join(team_label(registration) for registration, error in self.results if error is None)
        return self.decision.bulk_success_message(num_parent_objects) % {
            "count": num_parent_objects,
            "teams": teams,
        }


class AcceptBulkAction(RegistrationBulkAction):
    display_name = _("Accept")
    action_type = "accept"
    aria_label = _("Accept the selected applications")
    action_priority = 10
    decision_key = "accept"
    header_title = _("Accept applications")


class WaitlistBulkAction(RegistrationBulkAction):
    display_name = _("Waitlist")
    action_type = "waitlist"
    aria_label = _("Waitlist the selected applications")
    action_priority = 20
    decision_key = "waitlist"
    header_title = _("Waitlist applications")


class DeclineBulkAction(RegistrationBulkAction):
    display_name = _("Decline")
    action_type = "decline"
    aria_label = _("Decline the selected applications")
    action_priority = 30
    decision_key = "decline"
    header_title = _("Decline applications")
    classes = {"serious"}


class RegistrationViewSet(ReadOnlyModelViewSet):
    """The review queue for staff: filter, open, decide (one by one or in bulk), export.

    Applications are written by their teams; staff only decide, through the services (the
    decide view and the bulk actions), so there is no generic add, edit or delete.
    """

    model = Registration
    icon = "draft"
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    index_template_name = "cohorts/admin/registration_index.html"
    index_results_template_name = "cohorts/admin/registration_index_results.html"
    inspect_template_name = "cohorts/admin/registration_inspect.html"
    list_display = [
        "team_name",
        "city",
        "jurisdiction",
        "cohort",
        "focus_area",
        Column("member_count", label=_("Members"), sort_key="member_count", accessor=members_cell),
        "status",
        "submitted_at",
    ]
    filterset_class = RegistrationFilterSet
    search_fields = REGISTRATION_SEARCH_FIELDS
    ordering = "submitted_at"  # oldest first: first come, first reviewed
    list_export = [
        "cohort",
        "team_name",
        "city",
        "jurisdiction",
        "focus_area",
        "status",
        "applicant_email",
        "member_count",
        "submitted_at",
        "decided_at",
        "reviewer",
        "decision_note",
    ]
    export_headings = {
        "applicant_email": _("Applicant email"),
        "member_count": _("Members"),
        "answers": _("Application answers"),
        "other_answers": _("Other answers"),
    }
    export_filename = "registrations"
    inspect_view_fields = [
        "cohort",
        "applicant",
        "city",
        "jurisdiction",
        "team_name",
        "challenge_statement",
        "focus_area",
        "accepts_time_commitment",
        "accepts_mou",
        "status",
        "decision_note",
        "reviewer",
        "submitted_at",
        "decided_at",
        "created_at",
        "updated_at",
    ]
    # Deciding needs "change" (cohorts.policies.can_review_registrations), through the decide view.
    registered_permissions = ("view", "change")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(decide_url_name=self.get_url_name("decide"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            decide_url_name=self.get_url_name("decide"),
            history_url_name=self.get_url_name("history"),
            **kwargs,
        )

    @property
    def decide_view(self):
        return self.construct_view(
            RegistrationDecisionView,
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
            header_icon=self.icon,
        )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("decide/<int:pk>/", self.decide_view, name="decide")]


# Teams, and the signed MOU staff record for a program that requires one


class MOUState:
    MISSING_STARTED = "missing_started"
    MISSING = "missing"
    RECORDED = "recorded"


class TeamFilterSet(FilterSet):
    """The teams listing's filters, with the state of the signed MOU programs that require one."""

    mou = django_filters.ChoiceFilter(
        label=_("Signed MOU"),
        choices=[
            (MOUState.MISSING_STARTED, _("Started without a signed MOU")),
            (MOUState.MISSING, _("Signed MOU not recorded yet")),
            (MOUState.RECORDED, _("Signed MOU recorded")),
        ],
        method="filter_mou",
        empty_label=_("Any"),
    )

    class Meta:
        model = Team
        fields = ["cohort", "cohort__program"]

    def filter_mou(self, queryset, name, value):
        return teams_by_mou_state(queryset, value)


def teams_by_mou_state(queryset, state, today=None):
    """Teams of programs requiring an MOU by its state; "started without" counts from the cohort's start."""
    required = queryset.filter(cohort__program__mou_required=True, archived_at=None)
    if state == MOUState.RECORDED:
        return required.filter(signed_mou__isnull=False)
    missing = required.filter(signed_mou__isnull=True)
    if state == MOUState.MISSING_STARTED:
        return missing.filter(cohort__start_date__lte=today or timezone.localdate())
    return missing


def mou_cell(team):
    """The teams listing's MOU cell: the date signed, a warning when it is missing, or nothing."""
    if not team.cohort.program.mou_required:
        return "—"
    mou = getattr(team, "signed_mou", None)
    if mou is not None:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("signedmou:edit", args=(quote(mou.pk),)),
            _("Signed on %(date)s") % {"date": date_format(mou.signed_on)},
        )
    label = (
        _("Missing: the cohort has started")
        if team.cohort.start_date <= timezone.localdate()
        else _("Not recorded yet")
    )
    return format_html(
        '<span class="w-status w-status--label">⚠ {}</span> <a href="{}?{}">{}</a>',
        label,
        reverse("signedmou:add"),
        urlencode({"team": team.pk}),
        _("Record"),
    )


class TeamViewSet(ModelViewSet):
    model = Team
    icon = "group"
    list_display = [
        "name",
        "city",
        "jurisdiction",
        "cohort",
        "focus_area",
        Column("signed_mou", label=_("Signed MOU"), accessor=mou_cell),
    ]
    filterset_class = TeamFilterSet
    search_fields = ["name", "city", "jurisdiction"]
    ordering = ["cohort__start_date", "name"]
    list_select_related = ["cohort__program", "focus_area", "signed_mou"]


class SignedMOUForm(WagtailAdminModelForm):
    class Meta:
        model = SignedMOU
        fields = ["team", "file", "signed_on", "counterparty"]
        # No link to the stored file's storage URL: it is downloaded through the access-checked view.
        widgets = {"file": forms.FileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(
            cohort__program__mou_required=True, archived_at=None
        ).select_related("cohort")
        if self.instance.pk:
            self.fields["team"].disabled = True
            self.fields["file"].required = False
            self.fields["file"].help_text = _("Leave empty to keep the file recorded.")


class SignedMOUServiceMixin:
    """Save through team_mou_record: its upload checks, its history entry."""

    def save_instance(self):
        data = self.form.cleaned_data
        return team_mou_record(
            team=data["team"] if not self.form.instance.pk else self.form.instance.team,
            user=self.request.user,
            file=self.request.FILES.get("file"),
            signed_on=data["signed_on"],
            counterparty=data["counterparty"],
        )


class SignedMOUCreateView(SignedMOUServiceMixin, ServiceCreateView):
    def get_initial(self):
        initial = super().get_initial()
        if team := self.request.GET.get("team"):
            initial["team"] = team
        return initial


class SignedMOUEditView(SignedMOUServiceMixin, ServiceEditView):
    pass


def mou_download_link(mou):
    return format_html(
        '<a href="{}">{}</a>', reverse("cohorts:team_mou_download", args=[mou.team_id]), mou.original_name
    )


class SignedMOUViewSet(ModelViewSet):
    """Signed MOUs, recorded by staff through team_mou_record; the file is served after an access check."""

    model = SignedMOU
    icon = "doc-full"
    menu_label = _("Signed MOUs")
    form_fields = ["team", "file", "signed_on", "counterparty"]
    add_view_class = SignedMOUCreateView
    edit_view_class = SignedMOUEditView
    list_display = [
        "team",
        Column("file", label=_("File"), accessor=mou_download_link),
        "signed_on",
        "counterparty",
        "recorded_by",
    ]
    list_filter = ["team__cohort"]
    search_fields = ["team__name", "team__city", "counterparty"]
    ordering = ["team__name"]
    list_select_related = ["team", "recorded_by"]
    inspect_view_fields = ["team", "signed_on", "counterparty", "recorded_by", "recorded_at"]

    def get_form_class(self, for_update=False):
        return SignedMOUForm


class TeamInvitationViewSet(ReadOnlyModelViewSet):
    """Places kept for addresses whose accounts never confirmed them, until the invitee joins."""

    model = TeamInvitation
    icon = "mail"
    menu_label = _("Team invitations")
    list_display = ["email", "full_name", "team", "role", "invited_at", "accepted_at", "accepted_by"]
    list_filter = ["team__cohort", "team"]
    search_fields = ["email", "full_name", "team__name", "team__city"]
    ordering = ["-invited_at"]
    list_select_related = ["team", "role", "accepted_by"]
    inspect_view_fields = [
        "team",
        "email",
        "full_name",
        "role",
        "title",
        "department",
        "invited_at",
        "accepted_at",
        "accepted_by",
    ]


class RegistrationLogFormatter(LogFormatter):
    """A registration's history line, with the reviewer's note when there is one."""

    message_with_note = ""

    def format_message(self, log_entry):
        note = (log_entry.data or {}).get("note")
        if note and self.message_with_note:
            return self.message_with_note % {"note": note}
        return self.message


def registration_log_formatter(label, message_with_note=""):
    return type(
        "RegistrationLogFormatter",
        (RegistrationLogFormatter,),
        {"label": label, "message": label, "message_with_note": message_with_note},
    )


def register_registration_log_actions(actions):
    for action, formatter in [
        ("ruta.registration.submitted", registration_log_formatter(_("Application submitted"))),
        (
            "ruta.registration.accepted",
            registration_log_formatter(_("Application accepted"), _("Application accepted. Note: %(note)s")),
        ),
        (
            "ruta.registration.waitlisted",
            registration_log_formatter(
                _("Application waitlisted"), _("Application waitlisted. Note: %(note)s")
            ),
        ),
        (
            "ruta.registration.declined",
            registration_log_formatter(_("Application declined"), _("Application declined. Note: %(note)s")),
        ),
        ("ruta.registration.withdrawn", registration_log_formatter(_("Application withdrawn"))),
    ]:
        actions.register_action(action)(formatter)
    actions.register_action(
        "ruta.team.invitation_accepted", _("Invitation accepted"), _("Invitation accepted")
    )
    actions.register_action("ruta.team.mou_recorded", _("Signed MOU recorded"), _("Signed MOU recorded"))
