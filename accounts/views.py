import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from accounts import services as accounts
from accounts.forms import AccountDeleteForm


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
    return render(request, "accounts/profile/data.html")


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
    return render(request, "accounts/profile/delete.html", {"form": form})
