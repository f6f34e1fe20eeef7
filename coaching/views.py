"""The team's side of coaching: its TA session history and its action items."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from coaching import selectors, services
from coaching.models import ActionItem
from cohorts.assignments.admin import reviews_url
from cohorts.policies import (
    can_edit_team_work,
    can_review_team_work,
    workspace_team_or_404,
)


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


ACTION_ITEMS_PER_PAGE = 20
TA_SESSIONS_PER_PAGE = 10


def _render(request, team, comment_forms=None, status=200):
    items_page = Paginator(selectors.team_action_items(team), ACTION_ITEMS_PER_PAGE).get_page(
        request.GET.get("items")
    )
    sessions_page = Paginator(selectors.team_ta_sessions(team), TA_SESSIONS_PER_PAGE).get_page(
        request.GET.get("sessions")
    )
    items = list(items_page.object_list)
    comment_forms = comment_forms or {}
    for item in items:
        item.comment_form = comment_forms.get(item.pk) or CommentForm(auto_id=f"id_comment_{item.pk}_%s")
    context = {
        "team": team,
        "today": timezone.localdate(),
        "ta_sessions": sessions_page.object_list,
        "sessions_page": sessions_page,
        "action_items": items,
        "items_page": items_page,
        "can_complete": can_edit_team_work(request.user, team),
        "can_comment": can_edit_team_work(request.user, team) or can_review_team_work(request.user, team),
        "posted_forms": list(comment_forms.values()),  # a refused comment: the page's error summary
        # The team's coaches and staff review its work in the admin, filtered to this team.
        "reviews_url": reviews_url(team) if can_review_team_work(request.user, team) else None,
    }
    return render(request, "coaching/workspace/coaching.html", context, status=status)


@login_required
def team_coaching(request, team_pk):
    """TA sessions (summary, attendees, topics, next steps) and the team's action items."""
    return _render(request, workspace_team_or_404(request.user, team_pk))


@login_required
@require_POST
def action_item_done(request, team_pk, item_pk):
    team = workspace_team_or_404(request.user, team_pk)
    item = get_object_or_404(ActionItem, pk=item_pk, team=team)
    if not can_edit_team_work(request.user, team):
        raise Http404
    try:
        services.action_item_complete(item=item, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("Marked as done."))
    return redirect("coaching:team_coaching", team_pk=team.pk)


@login_required
@require_POST
def action_item_comment(request, team_pk, item_pk):
    team = workspace_team_or_404(request.user, team_pk)
    item = get_object_or_404(ActionItem, pk=item_pk, team=team)
    if not (can_edit_team_work(request.user, team) or can_review_team_work(request.user, team)):
        raise Http404
    form = CommentForm(request.POST, auto_id=f"id_comment_{item.pk}_%s")
    if form.is_valid():
        try:
            services.action_item_comment_add(item=item, author=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("Comment added."))
            return redirect("coaching:team_coaching", team_pk=team.pk)
    # Keep what was typed, with the error next to it.
    return _render(request, team, comment_forms={item.pk: form}, status=400)
