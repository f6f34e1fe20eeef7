from allauth.account.forms import UserTokenForm
from allauth.account.views import password_reset_from_key
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.downloads import private_file_response
from accounts.forms import AccountSetupForm
from accounts.models import User
from accounts.services import account_set_up
from cohorts.models import Cohort, RegistrationWindow
from cohorts.policies import member_teams, registrations_for, team_or_404
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
    page says to sign out; signed out, you are welcomed by name and choose the password of the
    address's account, your language and your time zone, in one form.
    """
    invitation = get_object_or_404(
        TeamInvitation.objects.select_related("team__cohort__program"),
        token=token,
        accepted_at=None,
        team__archived_at=None,
    )
    context = {"invitation": invitation, "team": invitation.team, "name": invitation.full_name}
    if request.user.is_authenticated:
        if not owns_address(request.user, invitation.email):
            context["wrong_account"] = INVITATION_WRONG_ACCOUNT % {"email": invitation.email}
            return render(request, "cohorts/invitation_accept.html", context)
        if request.method == "POST":
            membership = _accept_or_404(invitation=invitation, user=request.user)
            messages.success(request, _("Welcome to %(team)s.") % {"team": invitation.team.name})
            return redirect("cohorts:team_home", team_pk=membership.team_id)
        return render(request, "cohorts/invitation_accept.html", context)
    account = User.objects.filter(email__iexact=invitation.email).first() or User(
        email=invitation.email, preferred_language=invitation.team.cohort.language
    )
    form = AccountSetupForm(account, request.POST or None, time_zone=invitation.team.cohort.time_zone)
    if request.method == "POST" and form.is_valid():
        membership = _accept_or_404(
            invitation=invitation,
            password=form.cleaned_data["new_password1"],
            preferred_language=form.cleaned_data["preferred_language"],
            time_zone=form.cleaned_data["time_zone"],
        )
        login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        return _welcomed(request, membership.user, membership.team)
    context["form"] = form
    return render(request, "cohorts/invitation_accept.html", context)


def _welcomed(request, user, team):
    """To the team's home, in the language just chosen."""
    with translation.override(user.preferred_language):
        messages.success(request, _("Welcome to %(team)s.") % {"team": team.name})
        return redirect(reverse("cohorts:team_home", kwargs={"team_pk": team.pk}))


# An invited member's first visit (an account made for them when their team was accepted).

WELCOME_SESSION_KEY = "ruta_welcome_key"
WELCOME_URL_KEY = "set-password"


def _welcome_user(uidb36, key):
    """The account the link's token is for, if the token is good (allauth's own check)."""
    token = UserTokenForm(data={"uidb36": uidb36, "key": key})
    if not token.is_valid():
        return None
    user = token.reset_user
    return user if user.is_active and not user.is_deleted else None


def _bad_link(request, uidb36):
    """A used or expired link answers as allauth's password reset link does."""
    return password_reset_from_key(request, uidb36=uidb36, key="invalid")


@require_http_methods(["GET", "POST"])
def member_welcome(request, team_pk, uidb36, key):
    """Welcome an invited member by name to their team and program; they choose a password, a
    language and a time zone in one form, and land on the team's home.

    The token is checked as allauth checks its password reset links, and kept the same way: on
    the first visit it moves from the address into the session (so no Referer carries it), and a
    session signed in as someone else is signed out. Setting the password spends it.
    """
    if key != WELCOME_URL_KEY:
        user = _welcome_user(uidb36, key)
        if user is None:
            return _bad_link(request, uidb36)
        team_or_404(user, team_pk, queryset=member_teams(user))
        request.session[WELCOME_SESSION_KEY] = key
        return redirect(
            reverse(
                "cohorts:member_welcome",
                kwargs={"team_pk": team_pk, "uidb36": uidb36, "key": WELCOME_URL_KEY},
            )
        )
    key = request.session.get(WELCOME_SESSION_KEY, "")
    user = _welcome_user(uidb36, key)
    if user is None:
        return _bad_link(request, uidb36)
    team = team_or_404(
        user,
        team_pk,
        queryset=member_teams(user).select_related("cohort__program"),
    )
    if request.user.is_authenticated and request.user.pk != user.pk:
        logout(request)
        request.session[WELCOME_SESSION_KEY] = key
    form = AccountSetupForm(user, request.POST or None, time_zone=team.cohort.time_zone)
    if request.method == "POST" and form.is_valid():
        try:
            user = account_set_up(
                user=user,
                key=key,
                password=form.cleaned_data["new_password1"],
                preferred_language=form.cleaned_data["preferred_language"],
                time_zone=form.cleaned_data["time_zone"],
            )
        except ValidationError:  # set up a moment ago, in another tab
            return _bad_link(request, uidb36)
        request.session.pop(WELCOME_SESSION_KEY, None)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return _welcomed(request, user, team)
    context = {"form": form, "team": team, "name": user.full_name, "email": user.email}
    return render(request, "cohorts/member_welcome.html", context)


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
