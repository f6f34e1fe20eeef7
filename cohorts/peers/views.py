"""A team's peer page: the paired team's city, challenge area and published results, and the
thread between the two teams. Only the members of the two teams open it (cohorts.policies);
the peer team's workspace stays closed to them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.admin_views import add_service_errors
from cohorts.models import Membership
from cohorts.peers import services
from cohorts.peers.forms import MessageForm
from cohorts.peers.models import PeerMessage, PeerPairing
from cohorts.policies import can_change_message, can_message, pairing_or_404
from cohorts.sharing import selectors as sharing_selectors
from cohorts.workspace.panels import TeamHomePanel


def _page_url(team, pairing):
    return reverse("cohorts:peer_pairing", args=[team.pk, pairing.pk])


@login_required
def peer_pairing(request, team_pk, pairing_pk):
    team, pairing = pairing_or_404(request.user, team_pk, pairing_pk)
    peer = pairing.other(team)
    writable = can_message(request.user, team, pairing)
    form = MessageForm() if writable else None
    if request.method == "POST":
        if not writable:
            messages.error(request, str(services.PAIRING_ENDED))
            return redirect(_page_url(team, pairing))
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                services.peer_message_send(
                    pairing=pairing, team=team, author=request.user, body=form.cleaned_data["body"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Message sent to %(team)s.") % {"team": peer.name})
                return redirect(f"{_page_url(team, pairing)}#thread")
    thread = list(pairing.messages.select_related("author", "team__cohort"))
    results = list(sharing_selectors.published_results().filter(team=peer).order_by("-published_at"))
    return render(
        request,
        "cohorts/peers/pairing.html",
        {
            "team": team,
            "pairing": pairing,
            "peer": peer,
            "thread": thread,
            "results": results,
            "public_urls": sharing_selectors.public_urls(results),
            "form": form,
            "writable": writable,
        },
    )


def _own_message(request, team_pk, pairing_pk, pk):
    team, pairing = pairing_or_404(request.user, team_pk, pairing_pk)
    message = get_object_or_404(PeerMessage.objects.select_related("author"), pk=pk, pairing=pairing)
    if not can_change_message(request.user, team, pairing, message):
        raise Http404
    return team, pairing, message


@login_required
def peer_message_edit(request, team_pk, pairing_pk, pk):
    team, pairing, message = _own_message(request, team_pk, pairing_pk, pk)
    current = None
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                services.peer_message_edit(
                    message=message,
                    by=request.user,
                    body=form.cleaned_data["body"],
                    revision=form.cleaned_data["revision"]
                    if form.cleaned_data["revision"] is not None
                    else -1,
                )
            except ValidationError as error:
                add_service_errors(form, error)
                message.refresh_from_db()
                current = message
                # Saving again is against the current message, now that it is shown.
                form.data = form.data.copy()
                form.data["revision"] = message.revision
            else:
                messages.success(request, _("Message changed."))
                return redirect(f"{_page_url(team, pairing)}#message-{message.pk}")
    else:
        form = MessageForm(initial={"body": message.body, "revision": message.revision})
    return render(
        request,
        "cohorts/peers/message_edit.html",
        {"team": team, "pairing": pairing, "message": message, "form": form, "current": current},
    )


@login_required
def peer_message_delete(request, team_pk, pairing_pk, pk):
    team, pairing, message = _own_message(request, team_pk, pairing_pk, pk)
    if request.method == "POST":
        try:
            services.peer_message_delete(message=message, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Message deleted."))
        return redirect(f"{_page_url(team, pairing)}#thread")
    return render(
        request, "cohorts/peers/message_delete.html", {"team": team, "pairing": pairing, "message": message}
    )


def peers_home_panel(*, team, user):
    """The team's peer teams on its home page, for its members (coaches and staff read pairings
    in the admin): one query, which finds nothing for anyone else."""
    if not user.is_authenticated or team.archived_at is not None:
        return None
    pairings = list(
        PeerPairing.objects.of_team(team)
        .active()
        .filter(Exists(Membership.objects.filter(team=team, user=user)))
        .select_related("team__focus_area", "peer__focus_area")
    )
    if not pairings:
        return None
    peers = [(pairing, pairing.other(team)) for pairing in pairings]
    return TeamHomePanel(template_name="cohorts/peers/_home_panel.html", context={"peers": peers})
