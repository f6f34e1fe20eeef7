from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.forms import ProfileForm
from accounts.parsing import ascii_number
from notifications import services as notifications
from notifications.forms import NotificationPreferencesForm
from notifications.models import EmailFrequency, NotificationKind

NOTIFICATIONS_PER_PAGE = 25


@login_required
def notification_list(request):
    page = Paginator(request.user.notifications.all(), NOTIFICATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/list.html", {"page_obj": page, "notifications": page.object_list})


@login_required
def notification_open(request, pk):
    """Follow a notification to what it is about, marking it read on the way."""
    notification = get_object_or_404(request.user.notifications, pk=pk)
    notifications.notifications_mark_read(
        user=request.user, notifications=request.user.notifications.filter(pk=pk)
    )
    return redirect(notification.link or "notifications:list")


@login_required
@require_POST
def notifications_mark_read(request):
    """Mark one notification read (`notification` in the form) or, without it, all of them."""
    one = request.POST.get("notification", "")
    selected = request.user.notifications.all()
    if one:
        if (pk := ascii_number(one)) is None:
            raise Http404
        selected = selected.filter(pk=pk)
    count = notifications.notifications_mark_read(user=request.user, notifications=selected)
    if not one:
        messages.success(
            request, _("All notifications are marked as read.") if count else _("Nothing was unread.")
        )
    next_url = request.POST.get("next", "")
    # Only a path on this site: redirect() would take anything else for a URL name to look up.
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, request.is_secure()
    ):
        next_url = reverse("notifications:list")
    return HttpResponseRedirect(next_url)


@login_required
def notification_preferences(request):
    frequencies = notifications.email_frequencies(request.user)
    data = request.POST if request.method == "POST" else None
    profile_form = ProfileForm(data, instance=request.user, prefix="profile")
    preferences_form = NotificationPreferencesForm(data, frequencies=frequencies, prefix="email")
    if data is not None and profile_form.is_valid() and preferences_form.is_valid():
        with transaction.atomic():
            profile_form.save()
            notifications.notification_preferences_save(
                user=request.user, frequencies=preferences_form.cleaned_data
            )
        messages.success(request, _("Your settings are saved."))
        return redirect("notifications:preferences")
    required = [kind for kind in NotificationKind if kind in NotificationKind.required()]
    context = {
        "profile_form": profile_form,
        "preferences_form": preferences_form,
        "required_kinds": required,
        "frequencies": EmailFrequency.choices,
    }
    return render(request, "notifications/preferences.html", context)


@csrf_exempt  # the signed token is the credential; mail clients POST here without a session (RFC 8058)
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """Stop one kind of email without signing in. Opening the link only asks (mail scanners follow
    links); the page's button, or a mail client's one-click POST, unsubscribes; the page then offers
    to undo it."""
    try:
        found = notifications.unsubscribe_token_read(token)
    except notifications.UnsubscribeLinkExpired:
        return render(request, "notifications/unsubscribe_expired.html", status=410)
    if found is None:
        raise Http404
    user, kind = found[0], NotificationKind(found[1])
    if request.method != "POST":
        return render(request, "notifications/unsubscribe_confirm.html", {"kind": kind})
    resubscribe = "resubscribe" in request.POST
    frequency = EmailFrequency.IMMEDIATELY if resubscribe else EmailFrequency.OFF
    notifications.notification_preferences_save(user=user, frequencies={kind.value: frequency})
    return render(
        request,
        "notifications/unsubscribe.html",
        {"kind": kind, "resubscribed": resubscribe},
    )
