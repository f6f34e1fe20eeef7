"""The track's signed MOU (issue #14): staff record it through team_mou_record; until then it is the
team's first open step and staff see teams that started without one; only the team downloads it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cms.demo import factories as f
from cohorts.models import Team
from cohorts.registration.admin import MOUState, teams_by_mou_state
from cohorts.registration.models import SignedMOU
from cohorts.registration.services import (
    MOU_NOT_REQUIRED,
    MOU_NOT_STAFF,
    team_mou_record,
)
from sprints.models import ProgramKind

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def signed_pdf(name="mou.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def track_cohort():
    program = f.ProgramFactory(kind=ProgramKind.TRACK, mou_required=True, team_size_min=4, team_size_max=5)
    return f.CohortFactory(program=program)


@pytest.fixture
def track_team(track_cohort):
    return f.TeamFactory(cohort=track_cohort, name="Tulsa track team")


def test_staff_record_the_signed_mou(track_team, staff_user):
    mou = team_mou_record(
        team=track_team,
        user=staff_user,
        file=signed_pdf(),
        signed_on=datetime.date(2027, 1, 20),
        counterparty="Harvard Kennedy School Government Performance Lab",
    )
    assert mou.team == track_team
    assert mou.original_name == "mou.pdf"
    assert mou.recorded_by == staff_user
    assert mou.file.read() == PDF


def test_recording_again_corrects_the_date_and_keeps_the_file(track_team, staff_user):
    team_mou_record(
        team=track_team,
        user=staff_user,
        file=signed_pdf(),
        signed_on=datetime.date(2027, 1, 20),
        counterparty="GPL",
    )
    team_mou_record(
        team=track_team, user=staff_user, signed_on=datetime.date(2027, 1, 21), counterparty="GPL"
    )
    mou = SignedMOU.objects.get()
    assert mou.signed_on == datetime.date(2027, 1, 21)
    assert mou.file.read() == PDF


def test_the_file_goes_through_the_upload_checks(track_team, staff_user):
    with pytest.raises(ValidationError) as refused:
        team_mou_record(
            team=track_team,
            user=staff_user,
            file=signed_pdf(content=b"MZ not a pdf"),
            signed_on=datetime.date(2027, 1, 20),
            counterparty="GPL",
        )
    assert refused.value.code == "file_content"
    assert not SignedMOU.objects.exists()


def test_only_staff_record_an_mou_and_only_for_programs_that_ask_for_one(track_team, staff_user):
    member = f.MembershipFactory(team=track_team).user
    with pytest.raises(ValidationError, match=str(MOU_NOT_STAFF)):
        team_mou_record(
            team=track_team,
            user=member,
            file=signed_pdf(),
            signed_on=datetime.date(2027, 1, 20),
            counterparty="x",
        )
    sprint_team = f.TeamFactory()
    with pytest.raises(ValidationError, match=str(MOU_NOT_REQUIRED)):
        team_mou_record(
            team=sprint_team,
            user=staff_user,
            file=signed_pdf(),
            signed_on=datetime.date(2027, 1, 20),
            counterparty="x",
        )


def test_the_team_home_shows_the_signed_mou_as_the_first_open_step(client, track_team, staff_user):
    member = f.MembershipFactory(team=track_team).user
    client.force_login(member)
    page = client.get(reverse("cohorts:team_home", args=[track_team.pk])).text
    assert 'data-open-step="mou"' in page
    assert page.index("data-open-steps") < page.index('id="week-heading"')

    team_mou_record(
        team=track_team,
        user=staff_user,
        file=signed_pdf(),
        signed_on=datetime.date(2027, 1, 20),
        counterparty="GPL",
    )
    page = client.get(reverse("cohorts:team_home", args=[track_team.pk])).text
    assert "data-open-steps" not in page
    assert reverse("cohorts:team_mou_download", args=[track_team.pk]) in page


def test_a_sprint_team_has_no_mou_step(client):
    membership = f.MembershipFactory()
    client.force_login(membership.user)
    page = client.get(reverse("cohorts:team_home", args=[membership.team_id])).text
    assert "data-open-steps" not in page
    assert "Signed MOU" not in page


def test_members_coaches_and_staff_download_the_mou_and_other_teams_get_a_404(client, track_team, staff_user):
    f.SignedMOUFactory(team=track_team)
    url = reverse("cohorts:team_mou_download", args=[track_team.pk])
    member = f.MembershipFactory(team=track_team).user
    coach = f.CoachAssignmentFactory(team=track_team).coach
    for reader in (member, coach, staff_user):
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200, reader
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    other = f.MembershipFactory(team=f.TeamFactory(cohort=track_team.cohort)).user
    client.force_login(other)
    assert client.get(url).status_code == 404


def test_staff_see_teams_that_started_without_an_mou(track_cohort, staff_client):
    missing = f.TeamFactory(cohort=track_cohort, name="Unsigned")
    signed = f.TeamFactory(cohort=track_cohort, name="Signed")
    f.SignedMOUFactory(team=signed)
    f.TeamFactory(name="Sprint team")  # its program asks for no MOU
    after_start = track_cohort.start_date + datetime.timedelta(days=3)
    before_start = track_cohort.start_date - datetime.timedelta(days=3)
    started = teams_by_mou_state(Team.objects.all(), MOUState.MISSING_STARTED, today=after_start)
    assert list(started) == [missing]
    assert not teams_by_mou_state(Team.objects.all(), MOUState.MISSING_STARTED, today=before_start).exists()
    assert list(teams_by_mou_state(Team.objects.all(), MOUState.RECORDED)) == [signed]

    # In the listing, today: a cohort of the track that began two weeks ago.
    begun = f.CohortFactory(
        program=track_cohort.program, start_date=timezone.localdate() - datetime.timedelta(days=14)
    )
    f.TeamFactory(cohort=begun, name="No MOU team")
    f.SignedMOUFactory(team=f.TeamFactory(cohort=begun, name="Signed team"))
    listing = staff_client.get(reverse("team:index"), {"mou": MOUState.MISSING_STARTED}).content.decode()
    assert "No MOU team" in listing
    assert "Signed team" not in listing
    assert "Sprint team" not in listing
    assert "Missing: the cohort has started" in listing


def test_staff_record_the_mou_in_the_admin(staff_client, track_team):
    response = staff_client.post(
        reverse("signedmou:add"),
        {
            "team": track_team.pk,
            "file": signed_pdf(),
            "signed_on": "2027-01-20",
            "counterparty": "Harvard Kennedy School Government Performance Lab",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    mou = SignedMOU.objects.get()
    assert mou.team == track_team
    assert mou.recorded_by.email == "staff@example.com"


def test_the_admin_shows_the_upload_checks_message(staff_client, track_team):
    response = staff_client.post(
        reverse("signedmou:add"),
        {
            "team": track_team.pk,
            "file": signed_pdf(name="mou.exe"),
            "signed_on": "2027-01-20",
            "counterparty": "x",
        },
    )
    assert response.status_code == 200
    assert "This type of file is not accepted" in response.content.decode() or response.context["form"].errors
    assert not SignedMOU.objects.exists()


@pytest.mark.parametrize("size", [2, 12])
def test_the_teams_listing_runs_a_bounded_number_of_queries(
    staff_client, track_cohort, size, django_assert_max_num_queries
):
    for index in range(size):
        team = f.TeamFactory(cohort=track_cohort)
        if index % 2:
            f.SignedMOUFactory(team=team)
    staff_client.get(reverse("team:index"))
    with django_assert_max_num_queries(25):
        assert staff_client.get(reverse("team:index")).status_code == 200
