"""Criterion sets are versioned (issue #14): a cohort keeps the version its teams began with, a new
version leaves existing progress where it is, and the example set says it is one. A team records its
city's What Works Cities certification level, with its history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.demo import factories as f
from cohorts.progress import selectors, services
from cohorts.progress.models import CertificationLevel, CertificationRecord, CohortCriterionSet
from cohorts.registration.services import registration_accept
from sprints.models import ChecklistItem, Criterion
from sprints.services import criterion_set_copy

pytestmark = pytest.mark.django_db


@pytest.fixture
def version_1():
    criterion_set = f.CriterionSetFactory(version=1, label="RDC example", is_example=True)
    rdc7 = f.CriterionFactory(criterion_set=criterion_set, code="RDC7", title="Open procurement data")
    f.ChecklistItemFactory(
        criterion=rdc7,
        text="Publish contract awards",
        text_es="Publicar adjudicaciones",
        data_evidence="published",
    )
    f.ChecklistItemFactory(criterion=rdc7, text="Publish solicitations")
    return criterion_set


@pytest.fixture
def team(version_1):
    program = f.ProgramFactory(criterion_set=version_1)
    return f.MembershipFactory(team=f.TeamFactory(cohort=f.CohortFactory(program=program))).team


def test_a_new_version_copies_criteria_and_items_in_every_language(version_1):
    version_2 = criterion_set_copy(source=version_1, effective_on=datetime.date(2028, 1, 1))
    assert version_2.version == 2
    assert version_2.label == "RDC example"
    assert [c.code for c in version_2.criteria.all()] == ["RDC7"]
    items = ChecklistItem.objects.filter(criterion__criterion_set=version_2).order_by("sort_order")
    assert [item.text for item in items] == ["Publish contract awards", "Publish solicitations"]
    assert items[0].text_es == "Publicar adjudicaciones"
    assert [item.data_evidence for item in items] == ["published", ""]
    assert Criterion.objects.filter(criterion_set=version_1).count() == 1


def test_a_taken_version_number_is_refused(version_1):
    with pytest.raises(ValidationError):
        criterion_set_copy(source=version_1, version=1)


def test_a_new_version_does_not_change_the_items_of_a_cohort_that_began(team, version_1):
    member = team.memberships.get().user
    item = ChecklistItem.objects.get(text="Publish contract awards")
    services.progress_mark(team=team, item=item, user=member, status="in_progress")
    version_2 = criterion_set_copy(source=version_1)
    new_criterion = version_2.criteria.get()
    new_criterion.title = "Open and shared procurement data"
    new_criterion.save()
    program = team.cohort.program
    program.criterion_set = version_2
    program.save()

    assert selectors.cohort_criterion_set(team.cohort) == version_1
    boards = selectors.team_progress_board(team)
    assert [board.criterion.title for board in boards] == ["Open procurement data"]
    assert boards[0].rows[0].progress.status == "in_progress"
    # A new cohort of the program tracks the new version.
    assert selectors.cohort_criterion_set(f.CohortFactory(program=program)) == version_2


def test_accepting_the_first_team_fixes_the_cohorts_version(version_1, staff_user):
    program = f.ProgramFactory(criterion_set=version_1)
    registration = f.RegistrationFactory(cohort=f.CohortFactory(program=program))
    registration_accept(registration=registration, reviewer=staff_user)
    assert CohortCriterionSet.objects.get(cohort=registration.cohort).criterion_set == version_1


def test_an_item_of_another_version_is_a_404_on_the_teams_pages(client, team, version_1):
    other = criterion_set_copy(source=version_1)
    foreign = ChecklistItem.objects.filter(criterion__criterion_set=other).first()
    client.force_login(team.memberships.get().user)
    url = reverse("cohorts:progress_mark", args=[team.pk, foreign.pk])
    assert client.post(url, {"status": "in_progress"}).status_code == 404


def test_the_progress_page_labels_the_example_set(client, team):
    client.force_login(team.memberships.get().user)
    page = client.get(reverse("cohorts:team_progress", args=[team.pk])).text
    assert "data-example-set" in page
    assert "not the official What Works Cities text" in page


def test_staff_see_the_example_flag_in_the_admin(staff_client, version_1):
    listing = staff_client.get(reverse("criterionset:index")).content.decode()
    assert "Example: replace with the official text" in listing


def test_staff_make_a_new_version_in_the_admin(staff_client, version_1):
    url = reverse("criterionset:new_version", args=[version_1.pk])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, {"version": 2, "effective_on": "2028-01-01"})
    assert response.status_code == 302
    assert Criterion.objects.filter(criterion_set__version=2, code="RDC7").exists()


# What Works Cities certification


def test_certification_levels_keep_their_history_and_the_latest_is_current(team):
    member = team.memberships.get().user
    services.certification_record(
        team=team,
        user=member,
        level=CertificationLevel.NONE,
        certified_on=datetime.date(2026, 1, 10),
    )
    services.certification_record(
        team=team,
        user=member,
        level=CertificationLevel.SILVER,
        certified_on=datetime.date(2027, 6, 1),
        evidence_url="https://whatworkscities.example.org/tulsa",
    )
    assert CertificationRecord.objects.filter(team=team).count() == 2
    assert selectors.current_certification(team).level == CertificationLevel.SILVER
    assert [r.level for r in selectors.certification_history(team)] == ["silver", "none"]


def test_a_level_needs_evidence(team):
    with pytest.raises(ValidationError) as refused:
        services.certification_record(
            team=team,
            user=team.memberships.get().user,
            level=CertificationLevel.GOLD,
            certified_on=datetime.date(2027, 6, 1),
        )
    assert refused.value.code == "evidence_required"


def test_a_coach_cannot_record_a_level(team):
    coach = f.CoachAssignmentFactory(team=team).coach
    with pytest.raises(ValidationError):
        services.certification_record(
            team=team,
            user=coach,
            level=CertificationLevel.NONE,
            certified_on=datetime.date(2027, 6, 1),
        )


def test_the_team_records_its_level_on_the_progress_page(client, team):
    client.force_login(team.memberships.get().user)
    url = reverse("cohorts:certification_record", args=[team.pk])
    evidence = SimpleUploadedFile("letter.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = client.post(url, {"level": "gold", "certified_on": "2027-06-01", "evidence_file": evidence})
    assert response.status_code == 302
    page = client.get(reverse("cohorts:team_progress", args=[team.pk])).text
    assert "data-current-certification" in page
    assert "Gold" in page
    record = CertificationRecord.objects.get()
    download = client.get(reverse("cohorts:certification_download", args=[team.pk, record.pk]))
    assert download.status_code == 200


def test_a_level_without_evidence_keeps_what_was_typed(client, team):
    client.force_login(team.memberships.get().user)
    url = reverse("cohorts:certification_record", args=[team.pk])
    response = client.post(url, {"level": "gold", "certified_on": "2027-06-01", "note": "Letter is coming"})
    assert response.status_code == 400
    assert "Give a link or a file that shows the certification level." in response.text
    assert "Letter is coming" in response.text
    assert not CertificationRecord.objects.exists()


def test_staff_see_each_teams_level_in_the_cohort_progress_view(staff_client, team):
    f.CertificationRecordFactory(
        team=team, level=CertificationLevel.PLATINUM, certified_on=datetime.date(2027, 5, 1)
    )
    page = staff_client.get(reverse("cohorts_progress_heatmap"), {"cohort": team.cohort_id}).content.decode()
    assert "Platinum" in page
    assert "Example set" in page
