"""Coach verification in the admin: the queue, verify/return, the cohort heatmap and the Excel export."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from cms.demo import factories as f
from cohorts.progress.models import CriterionProgress, EvidenceKind, ProgressStatus
from cohorts.progress.services import evidence_add, progress_mark, progress_verify
from tests.coaching_helpers import coached_team, make_coach

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    return f.ChecklistItemFactory(criterion=f.CriterionFactory(code="RDC7", required_count=1))


def _met(team, item):
    member = f.MembershipFactory(team=team).user
    evidence_add(team=team, item=item, user=member, kind=EvidenceKind.LINK, url="https://data.example.gov")
    return progress_mark(team=team, item=item, user=member, status=ProgressStatus.MET)


def test_queue_lists_only_the_coachs_teams(client, item):
    coach = make_coach()
    mine = coached_team(coach, name="Springfield team")
    other = f.TeamFactory(name="Shelbyville team")
    _met(mine, item)
    _met(other, item)
    client.force_login(coach)
    response = client.get(reverse("cohorts_verify_queue"))
    assert response.status_code == 200
    assert b"Springfield team" in response.content
    assert b"Shelbyville team" not in response.content


def test_staff_queue_lists_all_teams(client, item, staff_user):
    _met(f.TeamFactory(name="Springfield team"), item)
    _met(f.TeamFactory(name="Shelbyville team"), item)
    client.force_login(staff_user)
    response = client.get(reverse("cohorts_verify_queue"))
    assert b"Springfield team" in response.content and b"Shelbyville team" in response.content


def test_queue_query_count_is_the_same_for_2_and_8_teams_in_different_cohorts(client, item, staff_user):
    """Each row names its cohort (and the cohort its program): loaded with the rows, not per row."""
    client.force_login(staff_user)

    def queries_with(count):
        for _ in range(count):
            _met(f.TeamFactory(), item)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("cohorts_verify_queue")).status_code == 200
        return len(captured)

    assert queries_with(2) == queries_with(6)


def test_coach_verifies_from_the_admin(client, item):
    coach = make_coach()
    team = coached_team(coach)
    progress = _met(team, item)
    client.force_login(coach)
    url = reverse("cohorts_progress_verify", args=[progress.pk])
    assert b"https://data.example.gov" in client.get(url).content
    response = client.post(url, {"decision": "verify", "comment": "Looks good"})
    assert response.status_code == 302
    progress.refresh_from_db()
    assert progress.verified_by == coach and progress.coach_comment == "Looks good"


def test_coach_returns_with_a_comment(client, item):
    coach = make_coach()
    team = coached_team(coach)
    progress = _met(team, item)
    client.force_login(coach)
    url = reverse("cohorts_progress_verify", args=[progress.pk])
    response = client.post(url, {"decision": "return", "comment": ""})
    assert response.status_code == 200  # the comment is required
    client.post(url, {"decision": "return", "comment": "Link is private"})
    progress.refresh_from_db()
    assert progress.status == ProgressStatus.IN_PROGRESS and progress.coach_comment == "Link is private"


def test_coach_of_another_team_gets_404(client, item):
    coach = make_coach()
    coached_team(coach)
    progress = _met(f.TeamFactory(), item)
    client.force_login(coach)
    url = reverse("cohorts_progress_verify", args=[progress.pk])
    assert client.get(url, follow=True).status_code == 404
    assert client.post(url, {"decision": "verify"}).status_code in (302, 404)
    progress.refresh_from_db()
    assert progress.verified_at is None


def test_participant_cannot_open_the_queue(client, item):
    member = f.MembershipFactory().user
    client.force_login(member)
    response = client.get(reverse("cohorts_verify_queue"))
    assert response.status_code in (302, 403)


def _cohort_with_teams(count, items, coach):
    cohort = f.CohortFactory()
    for index in range(count):
        team = f.TeamFactory(cohort=cohort, name=f"Heat team {index:02d}")
        for position, item in enumerate(items):
            if (index + position) % 3 == 0:
                f.CriterionProgressFactory(team=team, item=item, status=ProgressStatus.IN_PROGRESS)
            elif (index + position) % 3 == 1:
                progress = f.CriterionProgressFactory(team=team, item=item, status=ProgressStatus.MET)
                progress_verify(progress=progress, coach=coach)
    return cohort


def test_heatmap_query_count_is_the_same_for_5_and_50_teams(client, staff_user):
    criterion = f.CriterionFactory(code="RDC8", required_count=2)
    items = [f.ChecklistItemFactory(criterion=criterion) for _ in range(4)]
    small = _cohort_with_teams(5, items, staff_user)
    large = _cohort_with_teams(50, items, staff_user)
    client.force_login(staff_user)
    url = reverse("cohorts_progress_heatmap")
    client.get(url, {"cohort": small.pk})
    with CaptureQueriesContext(connection) as five:
        response = client.get(url, {"cohort": small.pk})
    assert response.content.decode().count('class="cell verified"') == sum(
        1 for i in range(5) for p in range(4) if (i + p) % 3 == 1
    )
    with CaptureQueriesContext(connection) as fifty:
        response = client.get(url, {"cohort": large.pk})
    assert "Heat team 49" in response.content.decode()
    assert len(five) == len(fifty)


def test_coach_heatmap_shows_only_their_teams(client):
    coach = make_coach()
    cohort = f.CohortFactory()
    coached_team(coach, cohort=cohort, name="Mine team")
    f.TeamFactory(cohort=cohort, name="Not mine team")
    f.ChecklistItemFactory()
    client.force_login(coach)
    response = client.get(reverse("cohorts_progress_heatmap"), {"cohort": cohort.pk})
    assert b"Mine team" in response.content and b"Not mine team" not in response.content


def test_staff_exports_cohort_progress_to_excel(client, staff_user, item):
    cohort = f.CohortFactory()
    team = f.TeamFactory(cohort=cohort, name="Export team")
    progress = _met(team, item)
    progress_verify(progress=progress, coach=staff_user, comment="Verified on call")
    client.force_login(staff_user)
    response = client.get(reverse("cohorts_progress_export", args=[cohort.pk]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    summary, detail = workbook.worksheets
    assert [cell.value for cell in summary[2]][:3] == ["Export team", team.city, "1/1"]
    row = [cell.value for cell in detail[2]]
    assert row[0] == "Export team" and row[1] == "RDC7" and row[4] == "yes" and row[7] == "Verified on call"
    assert CriterionProgress.objects.get(pk=progress.pk).verified_by == staff_user


def test_coach_cannot_export(client):
    coach = make_coach()
    team = coached_team(coach)
    client.force_login(coach)
    response = client.get(reverse("cohorts_progress_export", args=[team.cohort_id]))
    assert response.status_code in (302, 403)


def test_heatmap_numbers_each_criterions_items_as_participants_see_them(client, staff_user):
    """RDC8's six items are RDC8.1–RDC8.6 in the heatmap, as on the team's progress page (1–6 within
    RDC8), not RDC8.6–RDC8.11 counted on from RDC7's five."""
    rdc7 = f.CriterionFactory(code="RDC7")
    rdc8 = f.CriterionFactory(code="RDC8")
    for _ in range(5):
        f.ChecklistItemFactory(criterion=rdc7)
    rdc8_items = [f.ChecklistItemFactory(criterion=rdc8) for _ in range(6)]
    member = f.MembershipFactory(team=f.TeamFactory(name="Heat team"))
    team = member.team
    client.force_login(staff_user)
    page = client.get(reverse("cohorts_progress_heatmap"), {"cohort": team.cohort_id}).content.decode()
    labels = re.findall(r"<th [^>]*data-item-label>([^<]+)</th>", page)
    assert labels == [f"RDC7.{n}" for n in range(1, 6)] + [f"RDC8.{n}" for n in range(1, 7)]
    client.force_login(member.user)
    progress = client.get(reverse("cohorts:team_progress", args=[team.pk])).content.decode()
    for number, item in enumerate(rdc8_items, start=1):
        assert f'data-item="{item.pk}" value="{number}"' in progress
