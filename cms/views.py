import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from cms import accounts, notifications
from cms.forms import AccountDeleteForm, NotificationPreferencesForm, ProfileForm
from cms.models import EmailFrequency, NotificationKind
from cms.parsing import ascii_number

NOTIFICATIONS_PER_PAGE = 25


@login_required
def notification_list(request):
    page = Paginator(request.user.notifications.all(), NOTIFICATIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request, "cms/notifications/list.html", {"page_obj": page, "notifications": page.object_list}
    )


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
    return render(request, "cms/notifications/preferences.html", context)


@csrf_exempt  # the signed token is the credential; mail clients POST here without a session (RFC 8058)
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """Stop one kind of email without signing in. Opening the link only asks (mail scanners follow
    links); the page's button, or a mail client's one-click POST, unsubscribes; the page then offers
    to undo it."""
    try:
        found = notifications.unsubscribe_token_read(token)
    except notifications.UnsubscribeLinkExpired:
        return render(request, "cms/notifications/unsubscribe_expired.html", status=410)
    if found is None:
        raise Http404
    user, kind = found[0], NotificationKind(found[1])
    if request.method != "POST":
        return render(request, "cms/notifications/unsubscribe_confirm.html", {"kind": kind})
    resubscribe = "resubscribe" in request.POST
    frequency = EmailFrequency.IMMEDIATELY if resubscribe else EmailFrequency.OFF
    notifications.notification_preferences_save(user=user, frequencies={kind.value: frequency})
    return render(
        request,
        "cms/notifications/unsubscribe.html",
        {"kind": kind, "resubscribed": resubscribe},
    )


@csrf_exempt
def login_elsewhere(request):
    """Wagtail's own sign-in pages (the admin's, private pages'): off to the one sign-in.

    Everyone signs in through allauth, so that its rate limits and its check that the email
    is verified apply to staff and private-page visitors too. Whatever was posted is dropped.
    """
    url = reverse("account_login")
    if next_url := request.GET.get("next"):
        url = f"{url}?{urlencode({'next': next_url})}"
    return redirect(url)


@login_required
def my_data(request):
    """Your data: download a copy of it, or delete your account."""
    return render(request, "cms/profile/data.html")


@login_required
def my_data_download(request):
    """Everything Ruta holds about the signed-in person, as a dated JSON file."""
    data = accounts.user_data_export(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"ruta-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def account_delete(request):
    """Confirm with the password (or the email address typed out), then delete and sign out."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, user=request.user)
    if form.is_bound and form.is_valid():
        accounts.user_delete(user=request.user, by=request.user)
        logout(request)
        messages.success(request, _("Your account is deleted. The work you did with your team stays."))
        return redirect("home")
    return render(request, "cms/profile/delete.html", {"form": form})
