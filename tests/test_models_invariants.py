"""Every constraint rejects inconsistent data with a clear, named message."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cms.demo import factories as f
from coaching.models import ActionItem, ActionItemStatus, CoachRole
from cohorts.assignments.models import SubmissionVersion
from cohorts.progress.models import EvidenceKind
from cohorts.registration.models import Registration, RegistrationStatus
from sprints.models import AssignmentKind

pytestmark = pytest.mark.django_db


def assert_rejected(instance, message):
    """full_clean() names the problem, and the database refuses it even without cleaning."""
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    assert message in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        instance.save()


def test_program_team_size_range():
    program = f.ProgramFactory.build(team_size_min=6, team_size_max=4)
    assert_rejected(program, "no larger than the largest team")


def test_role_min_count_above_max_is_rejected():
    role = f.RoleFactory.build(program=f.ProgramFactory(), min_count=3, max_count=2)
    assert_rejected(role, "“At least” must not be more than “at most”")


def test_required_role_needs_a_person():
    role = f.RoleFactory.build(program=f.ProgramFactory(), min_count=0, max_count=2, required=True)
    assert_rejected(role, "A required role needs at least one person.")


def test_session_plan_week_beyond_program_is_rejected_by_clean():
    plan = f.SessionPlanFactory.build(program=f.ProgramFactory(duration_weeks=12), week=13)
    with pytest.raises(ValidationError, match="This program lasts 12 weeks"):
        plan.full_clean()


def test_assignment_template_key_unique_per_program():
    template = f.AssignmentTemplateFactory(key="journey")
    duplicate = f.AssignmentTemplateFactory.build(program=template.program, key="journey")
    assert_rejected(duplicate, "already has a template with this key")


def test_cohort_end_date_is_derived_from_program_duration():
    cohort = f.CohortFactory(
        program=f.ProgramFactory(duration_weeks=12), start_date=datetime.date(2027, 2, 1)
    )
    assert cohort.end_date == datetime.date(2027, 4, 25)


def test_cohort_registration_must_close_before_start():
    cohort = f.CohortFactory.build(
        program=f.ProgramFactory(),
        start_date=datetime.date(2027, 2, 1),
        registration_deadline=datetime.date(2027, 2, 10),
    )
    cohort.end_date = cohort.compute_end_date()
    assert_rejected(cohort, "The registration deadline must be before the start date.")


def test_cohort_registration_must_open_before_deadline():
    cohort = f.CohortFactory.build(
        program=f.ProgramFactory(),
        registration_opens=datetime.date(2027, 1, 20),
        registration_deadline=datetime.date(2027, 1, 10),
    )
    cohort.end_date = cohort.compute_end_date()
    assert_rejected(cohort, "Registration must open before its deadline.")


def test_cohort_capacity_must_be_positive():
    cohort = f.CohortFactory.build(program=f.ProgramFactory(), capacity=0)
    cohort.end_date = cohort.compute_end_date()
    with pytest.raises(ValidationError, match="capacity"):
        cohort.full_clean()


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (datetime.date(2026, 12, 20), "planned"),
        (datetime.date(2026, 12, 21), "registration_open"),
        (datetime.date(2027, 1, 25), "registration_open"),
        (datetime.date(2027, 1, 26), "registration_closed"),
        (datetime.date(2027, 2, 1), "in_progress"),
        (datetime.date(2027, 4, 25), "in_progress"),
        (datetime.date(2027, 4, 26), "finished"),
    ],
)
def test_cohort_status_is_derived_from_dates(today, status):
    cohort = f.CohortFactory(start_date=datetime.date(2027, 2, 1))
    assert cohort.compute_status(today) == status


def test_cohort_week_number_is_clamped_to_program():
    cohort = f.CohortFactory(start_date=datetime.date(2027, 2, 1))
    assert cohort.week_number(datetime.date(2027, 1, 1)) == 1
    assert cohort.week_number(datetime.date(2027, 2, 8)) == 2
    assert cohort.week_number(datetime.date(2028, 1, 1)) == 12


def test_one_registration_per_city_per_cohort_ignoring_case():
    registration = f.RegistrationFactory(city="Tulsa", jurisdiction="Oklahoma")
    duplicate = f.RegistrationFactory.build(
        cohort=registration.cohort, applicant=f.UserFactory(), city="TULSA", jurisdiction="oklahoma"
    )
    assert_rejected(duplicate, "This city has already applied to this cohort.")


def test_withdrawn_registration_frees_the_city():
    f.RegistrationFactory(city="Tulsa", jurisdiction="Oklahoma", status=RegistrationStatus.WITHDRAWN)
    withdrawn = Registration.objects.get()
    again = f.RegistrationFactory.build(
        cohort=withdrawn.cohort,
        applicant=f.UserFactory(),
        city="Tulsa",
        jurisdiction="Oklahoma",
    )
    again.full_clean()


def test_registration_member_emails_unique_per_registration():
    member = f.RegistrationMemberFactory(email="ana@city.gov")
    duplicate = f.RegistrationMemberFactory.build(registration=member.registration, email="Ana@City.gov")
    assert_rejected(duplicate, "Each member needs a different email address.")


def test_one_team_per_registration():
    registration = f.RegistrationFactory()
    f.TeamFactory(cohort=registration.cohort, registration=registration)
    with pytest.raises(ValidationError, match="already exists"):
        f.TeamFactory.build(cohort=registration.cohort, registration=registration, name="Other").full_clean()


def test_team_names_unique_per_cohort():
    team = f.TeamFactory(name="Open Tulsa")
    assert_rejected(
        f.TeamFactory.build(cohort=team.cohort, name="Open Tulsa"), "already has a team with this name"
    )


def test_membership_once_per_team_and_role_from_program():
    membership = f.MembershipFactory()
    assert_rejected(
        f.MembershipFactory.build(team=membership.team, user=membership.user), "already on the team"
    )
    foreign_role = f.RoleFactory()
    with pytest.raises(ValidationError, match="Pick one of this program's roles"):
        f.MembershipFactory.build(team=membership.team, user=f.UserFactory(), role=foreign_role).full_clean()


def test_one_submission_per_team_and_template():
    submission = f.SubmissionFactory()
    duplicate = f.SubmissionFactory.build(team=submission.team, template=submission.template)
    assert_rejected(duplicate, "already has a submission for this assignment")


def test_submission_content_is_validated_by_its_kind():
    submission = f.SubmissionFactory.build(
        team=f.TeamFactory(),
        template=f.AssignmentTemplateFactory(kind=AssignmentKind.DATA_SYSTEMS_MAP),
        content={"systems": [{"name": "ERP", "stages": ["bidding"]}]},
    )
    submission.template.program = submission.team.cohort.program
    with pytest.raises(ValidationError, match="Procurement data systems map content is not valid"):
        submission.full_clean()


def test_submission_template_must_belong_to_team_program():
    submission = f.SubmissionFactory.build(team=f.TeamFactory(), template=f.AssignmentTemplateFactory())
    with pytest.raises(ValidationError, match="belongs to another program"):
        submission.full_clean()


def test_submission_versions_are_immutable():
    version = f.SubmissionVersionFactory(number=1)
    version.content = {"stages": []}
    with pytest.raises(ValidationError, match="cannot be changed"):
        version.save()
    with pytest.raises(ValidationError, match="cannot be deleted"):
        version.delete()
    assert SubmissionVersion.objects.filter(pk=version.pk).exists()


def test_submission_version_numbers_unique():
    version = f.SubmissionVersionFactory(number=1)
    duplicate = f.SubmissionVersionFactory.build(submission=version.submission, number=1, submitted_by=None)
    assert_rejected(duplicate, "This version number is already taken.")


def test_criterion_progress_verified_only_when_met():
    progress = f.CriterionProgressFactory.build(
        team=f.TeamFactory(),
        item=f.ChecklistItemFactory(),
        status="in_progress",
        verified_at=datetime.datetime.now(datetime.UTC),
    )
    assert_rejected(progress, "Only an item marked as met can be verified.")


def test_evidence_must_match_its_kind():
    progress = f.CriterionProgressFactory()
    evidence = f.EvidenceFactory.build(progress=progress, kind=EvidenceKind.LINK, url="")
    assert_rejected(evidence, "Give exactly one of a submission, a link, a file or a data report")


def test_indicator_baseline_needs_value_and_date():
    indicator = f.IndicatorFactory.build(team=f.TeamFactory(), baseline_value=3, baseline_date=None)
    assert_rejected(indicator, "A baseline needs both a value and a date.")


def test_one_measurement_per_indicator_and_date():
    measurement = f.MeasurementFactory()
    duplicate = f.MeasurementFactory.build(
        indicator=measurement.indicator, measured_on=measurement.measured_on
    )
    assert_rejected(duplicate, "already has a measurement on this date")


def test_one_active_lead_coach_per_team():
    assignment = f.CoachAssignmentFactory(role=CoachRole.LEAD)
    second_lead = f.CoachAssignmentFactory.build(
        team=assignment.team, coach=f.UserFactory(), role=CoachRole.LEAD
    )
    assert_rejected(second_lead, "The team already has a lead coach.")
    f.CoachAssignmentFactory(team=assignment.team, role=CoachRole.SUPPORTING)


def test_coach_assignment_cannot_end_before_it_starts():
    assignment = f.CoachAssignmentFactory.build(
        team=f.TeamFactory(),
        coach=f.UserFactory(),
        starts_on=datetime.date(2027, 2, 1),
        ends_on=datetime.date(2027, 1, 1),
    )
    assert_rejected(assignment, "An assignment cannot end before it starts.")


def test_action_item_owner_must_be_team_member():
    item = f.ActionItemFactory.build(team=f.TeamFactory(), owner=f.MembershipFactory())
    with pytest.raises(ValidationError, match="The owner must be a member of the team"):
        item.full_clean()


def test_done_action_item_always_has_a_completion_time():
    item = f.ActionItemFactory(status=ActionItemStatus.DONE)
    assert item.completed_at is not None
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionItem.objects.filter(pk=item.pk).update(completed_at=None)


def test_action_item_added_to_a_ta_session_belongs_to_its_team():
    session = f.TASessionFactory()
    session.action_items.add(ActionItem(description="Publish award notices"))
    session.save()  # as the admin's inline form saves the session with its items
    assert ActionItem.objects.get(description="Publish award notices").team == session.team


def test_str_reads_well():
    membership = f.MembershipFactory(
        user=f.UserFactory(full_name="Ana Ruiz"),
        role=None,
        team=f.TeamFactory(name="Open Tulsa", city="Tulsa"),
    )
    assert str(membership) == "Ana Ruiz"
    assert str(membership.team) == "Open Tulsa (Tulsa)"
    assert str(f.CriterionFactory(code="RDC7", title="Open data")) == "RDC7: Open data"
