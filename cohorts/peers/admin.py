"""Peer pairings in the Wagtail admin: staff pair a team with a suggested peer and end pairings;
staff and the coaches of either team read the pairings and their threads.

Pairings are never deleted (ending one keeps its thread); messages are the teams' own and only
read here, with every edit and deletion in their history.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from accounts.admin_scope import admin_scope
from accounts.admin_views import (
    FilterSet,
    InspectView,
    ObjectActionMixin,
    ReadOnlyModelViewSet,
    ServiceCreateView,
)
from cohorts.models import Team
from cohorts.peers.models import PeerMessage, PeerPairing
from cohorts.peers.services import pairing_create, pairing_end, peer_candidates
from cohorts.policies import can_pair_teams


class PeerPairingForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("team", "peer"):
            self.fields[name].queryset = (
                self.fields[name].queryset.filter(archived_at=None).select_related("cohort")
            )
            self.fields[name].label_from_instance = lambda team: f"{team} — {team.cohort.name}"


def _int(value):
    return int(value) if str(value or "").isdigit() else None


class PairingCreateView(ServiceCreateView):
    """Pair two teams through ``pairing_create``, with the peers suggested for the chosen team:
    those on the same challenge area, alumni teams first."""

    template_name = "cohorts/admin/peer_pairing_create.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_pair_teams(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial = super().get_initial()
        for key in ("team", "peer"):
            if (value := _int(self.request.GET.get(key))) is not None:
                initial[key] = value
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        team_pk = _int(self.request.POST.get("team") or self.request.GET.get("team"))
        team = (
            admin_scope(self.request.user, Team.objects.filter(pk=team_pk))
            .select_related("focus_area", "cohort")
            .first()
        )
        context["suggest_for"] = team
        context["teams"] = admin_scope(
            self.request.user, Team.objects.filter(archived_at=None)
        ).select_related("cohort")
        context["candidates"] = list(peer_candidates(team)[:20]) if team else []
        context["add_url"] = reverse(self.add_url_name)
        return context

    def save_instance(self):
        data = self.form.cleaned_data
        return pairing_create(
            team=data["team"], peer=data["peer"], note=data.get("note", ""), by=self.request.user
        )


class PairingEndView(ObjectActionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then end the pairing through ``pairing_end``: the thread stays readable."""

    template_name = "cohorts/admin/peer_pairing_end.html"
    page_title = _("End the pairing")
    header_icon = "group"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(PeerPairing.objects.select_related("team", "peer"), pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not can_pair_teams(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "object": self.object, "action_url": self.request.path}

    def post(self, request, *args, **kwargs):
        try:
            pairing_end(pairing=self.object, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The pairing “%(pairing)s” has ended.") % {"pairing": self.object})
        return redirect(self.get_inspect_url())


def end_url(pairing, user):
    if pairing.ended_at is None and can_pair_teams(user):
        return reverse("peerpairing:end", args=(pairing.pk,))
    return None


class PairingInspectView(InspectView):
    """The pairing, and its thread as the teams wrote it (deleted messages marked, still readable)."""

    template_name = "cohorts/admin/peer_pairing_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["thread"] = list(self.object.messages.select_related("team__cohort", "author"))
        return context


class PairingFilterSet(FilterSet):
    ACTIVE, ENDED = "active", "ended"
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[(ACTIVE, _("Active")), (ENDED, _("Ended"))],
        method="filter_state",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = PeerPairing
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.filter(ended_at__isnull=value == self.ACTIVE)


def state_label(pairing):
    return _("Active") if pairing.ended_at is None else _("Ended")


class PeerPairingViewSet(ReadOnlyModelViewSet):
    model = PeerPairing
    icon = "group"
    menu_label = _("Peer pairings")
    disabled_views = {"edit", "delete", "copy"}
    registered_permissions = ("view", "add")
    add_view_class = PairingCreateView
    inspect_view_class = PairingInspectView
    edit_handler = ObjectList(
        [FieldRowPanel([FieldPanel("team"), FieldPanel("peer")]), FieldPanel("note")],
        base_form_class=PeerPairingForm,
    )
    list_display = [
        "__str__",
        "team",
        "peer",
        "created_at",
        Column("state", label=_("State"), accessor=state_label),
    ]
    filterset_class = PairingFilterSet
    search_fields = ["team__name", "team__city", "peer__name", "peer__city"]
    ordering = "-created_at"
    list_select_related = ["team", "peer"]
    inspect_view_fields = ["team", "peer", "note", "created_by", "created_at", "ended_at", "ended_by"]
    inspect_flow_links = [(_("End the pairing"), end_url, "cross")]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(inspect_url_name=self.get_url_name("inspect"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(history_url_name=self.get_url_name("history"), **kwargs)

    @property
    def end_view(self):
        return self.construct_view(
            PairingEndView,
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("end/<int:pk>/", self.end_view, name="end")]


def message_text(message):
    return linebreaksbr(message.body)


class PeerMessageViewSet(ReadOnlyModelViewSet):
    """Read the teams' messages; each one's history keeps the text it had before every edit."""

    model = PeerMessage
    icon = "comment"
    list_display = ["__str__", "pairing", "author", "created_at", "edited_at", "deleted_at"]
    list_filter = ["team__cohort"]
    search_fields = ["body", "team__name", "author__full_name"]
    ordering = "-created_at"
    list_select_related = ["team", "author", "pairing__team", "pairing__peer"]
    inspect_view_fields = ["pairing", "team", "author", "body", "created_at", "edited_at", "deleted_at"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(history_url_name=self.get_url_name("history"), **kwargs)


class PairingEndedFormatter(LogFormatter):
    label = _("Pairing ended")


class MessageEditedFormatter(LogFormatter):
    label = _("Message edited")

    def format_message(self, log_entry):
        previous = (log_entry.data or {}).get("previous", "")
        return _("Message edited; before: “%(text)s”") % {"text": previous}


class MessageDeletedFormatter(LogFormatter):
    label = _("Message deleted")


def register_peer_log_actions(actions):
    actions.register_action("ruta.pairing.ended")(PairingEndedFormatter)
    actions.register_action("ruta.peer_message.edited")(MessageEditedFormatter)
    actions.register_action("ruta.peer_message.deleted")(MessageDeletedFormatter)
