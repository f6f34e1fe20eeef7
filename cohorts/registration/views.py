from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.downloads import private_file_response
from accounts.models import User
from cohorts.models import Cohort, RegistrationWindow
from cohorts.policies import registrations_for, team_or_404
from cohorts.registration.forms import MemberFormSet, RegistrationForm, WithdrawForm
from cohorts.registration.models import Registration, RegistrationStatus, SignedMOU, TeamInvitation
from cohorts.registration.rules import team_size_guidance
from cohorts.registration.selectors import owns_address
from cohorts.registration.services import (
    APPLICANT_NOT_A_MEMBER,
    INVITATION_WRONG_ACCOUNT,
    registration_check_editable,
    registration_submit,
    registration_withdraw,
    team_invitation_accept,
)


def _own_registration(request, pk):
    return get_object_or_404(registrations_for(request.user).select_related("cohort__program"), pk=pk)


@login_required
def registration_list(request):
    registrations = (
        registrations_for(request.user)
        .select_related("cohort__program", "focus_area")
        .order_by("-created_at")
    )
    return render(request, "cohorts/registration_list.html", {"registrations": registrations})


@login_required
@require_http_methods(["GET", "POST"])
def registration_start(request, cohort_pk):
    cohort = get_object_or_404(Cohort.objects.select_related("program"), pk=cohort_pk)
    existing = (
        registrations_for(request.user)
        .filter(cohort=cohort)
        .exclude(status=RegistrationStatus.WITHDRAWN)
        .first()
    )
    if existing is not None:
        return redirect("cohorts:registration_edit", pk=existing.pk)
    window = cohort.registration_window()
    if window in (RegistrationWindow.NOT_YET_OPEN, RegistrationWindow.CLOSED):
        return render(request, "cohorts/registration_unavailable.html", {"cohort": cohort, "window": window})
    return _registration_form(request, Registration(cohort=cohort, applicant=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def registration_edit(request, pk):
    registration = _own_registration(request, pk)
    try:
        registration_check_editable(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("cohorts:registration_detail", pk=registration.pk)
    return _registration_form(request, registration)


def _registration_form(request, registration):
    cohort = registration.cohort
    is_draft = registration.status == RegistrationStatus.DRAFT
    submitting = "submit" in request.POST or not is_draft
    data = request.POST if request.method == "POST" else None
    form = RegistrationForm(data, instance=registration, cohort=cohort, submitting=submitting)
    members = MemberFormSet(
        data,
        instance=registration,
        cohort=cohort,
        submitting=submitting,
        applicant=request.user,
        prefix="members",
    )
    if data is not None and form.is_valid() and members.is_valid():
        with transaction.atomic():
            registration = form.save()
            form.save_answers(registration)
            members.instance = registration
            members.save()
        if not is_draft:
            messages.success(request, _("Your changes are saved."))
            return redirect("cohorts:registration_detail", pk=registration.pk)
        if not submitting:
            messages.success(request, _("Draft saved. You can finish it later from “My applications”."))
            return redirect("cohorts:registration_edit", pk=registration.pk)
        try:
            registration = registration_submit(registration=registration)
        except ValidationError as error:
            # The draft is saved; show what still keeps it from being submitted.
            form = RegistrationForm(instance=registration, cohort=cohort, submitting=True)
            members = MemberFormSet(instance=registration, cohort=cohort, submitting=True, prefix="members")
            form.show_service_errors(error)
            messages.warning(request, _("Your draft is saved, but it cannot be submitted yet."))
        else:
            if registration.status == RegistrationStatus.WAITLISTED:
                messages.success(
                    request, _("Application submitted. The cohort is full, so it is on the waitlist.")
                )
            else:
                messages.success(request, _("Application submitted. We sent you a confirmation email."))
            if not registration.applicant_is_member:
                messages.warning(request, str(APPLICANT_NOT_A_MEMBER))
            return redirect("cohorts:registration_detail", pk=registration.pk)
    context = {
        "cohort": cohort,
        "program": cohort.program,
        "registration": registration,
        "form": form,
        "members": members,
        "roles": cohort.program.roles.all(),
        "team_size_guidance": team_size_guidance(cohort.program),
        "is_draft": is_draft,
        "waitlist_only": cohort.registration_window() == RegistrationWindow.WAITLIST,
    }
    return render(request, "cohorts/registration_form.html", context)


@login_required
def registration_detail(request, pk):
    registration = _own_registration(request, pk)
    members = list(registration.members.select_related("role"))
    email = registration.applicant.email.lower()
    context = {
        "registration": registration,
        "cohort": registration.cohort,
        "members": members,
        "applicant_is_member": any(member.email.lower() == email for member in members),
        "can_edit": _editable(registration),
        "can_withdraw": registration.status
        not in {RegistrationStatus.DECLINED, RegistrationStatus.WITHDRAWN},
    }
    return render(request, "cohorts/registration_detail.html", context)


def _editable(registration):
    try:
        registration_check_editable(registration=registration)
    except ValidationError:
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def registration_withdraw_view(request, pk):
    registration = _own_registration(request, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration_withdraw(registration=registration, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your application is withdrawn."))
        return redirect("cohorts:registration_detail", pk=registration.pk)
    return render(request, "cohorts/registration_withdraw.html", {"registration": registration, "form": form})


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    """Join a team from the emailed invitation link: following it proves the address is yours.

    Signed in as the account for the address, one click joins; signed in as anyone else, the
    page says to sign out; signed out, you choose the password of the address's account.
    """
    invitation = get_object_or_404(
        TeamInvitation.objects.select_related("team__cohort"),
        token=token,
        accepted_at=None,
        team__archived_at=None,
    )
    context = {"invitation": invitation, "team": invitation.team}
    if request.user.is_authenticated:
        if not owns_address(request.user, invitation.email):
            context["wrong_account"] = INVITATION_WRONG_ACCOUNT % {"email": invitation.email}
            return render(request, "cohorts/invitation_accept.html", context)
        if request.method == "POST":
            membership = _accept_or_404(invitation=invitation, user=request.user)
            messages.success(request, _("Welcome to %(team)s.") % {"team": invitation.team.name})
            return redirect("cohorts:team_home", team_pk=membership.team_id)
        return render(request, "cohorts/invitation_accept.html", context)
    account = User.objects.filter(email__iexact=invitation.email).first() or User(email=invitation.email)
    form = SetPasswordForm(account, request.POST or None)
    if request.method == "POST" and form.is_valid():
        membership = _accept_or_404(invitation=invitation, password=form.cleaned_data["new_password1"])
        login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to %(team)s.") % {"team": invitation.team.name})
        return redirect("cohorts:team_home", team_pk=membership.team_id)
    context["form"] = form
    return render(request, "cohorts/invitation_accept.html", context)


def _accept_or_404(**kwargs):
    try:
        return team_invitation_accept(**kwargs)
    except ValidationError as error:  # taken a moment ago, in another tab
        raise Http404 from error


@login_required
def team_mou_download(request, team_pk):
    """The team's signed MOU, for its members, its coaches and staff; anyone else gets a 404."""
    team = team_or_404(request.user, team_pk)
    mou = get_object_or_404(SignedMOU, team=team)
    return private_file_response(mou.file, filename=mou.original_name or "mou")
