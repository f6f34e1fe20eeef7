"""The workspace home: week N, the timeline, next sessions in the user's zone, work to do, roster."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from cms.demo import factories as f
from coaching.models import ActionItemStatus
from cohorts.assignments.models import SubmissionStatus
from cohorts.progress.models import ProgressStatus
from cohorts.schedule.models import SessionStatus
from sprints.models import SessionKind

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# Wednesday of week 6 of a cohort starting Monday 1 February 2027 (sessions on Tuesdays, 11:00
# New York). The United States move to summer time on Sunday 14 March 2027.
WEEK_6 = datetime.datetime(2027, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(WEEK_6, tick=False):
        yield


@pytest.fixture
def team():
    return f.TeamFactory(name="Springfield")


@pytest.fixture
def member(team):
    return f.MembershipFactory(
        team=team, user=f.UserFactory(full_name="Ana Ruiz", time_zone="America/Bogota")
    )


def home(client, team):
    return client.get(reverse("cohorts:team_home", kwargs={"team_pk": team.pk}))


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def sessions_for(cohort, weeks):
    return {week: f.SessionFactory(cohort=cohort, week=week, title=f"Week {week} call") for week in weeks}


def test_home_shows_week_n_of_the_program_and_marks_it_on_the_timeline(client, frozen, team, member):
    sessions_for(team.cohort, [5, 6, 7])
    client.force_login(member.user)
    response = home(client, team)
    page = text(response)
    assert "Week 6 of 12" in page
    weeks = response.context["timeline"]
    assert [w.number for w in weeks] == list(range(1, 13))
    assert [w.number for w in weeks if w.is_current] == [6]
    assert [s.title for s in weeks[6].sessions] == ["Week 7 call"]
    assert 'aria-current="step"' in page


def test_before_the_start_the_home_says_when_it_starts(client, team, member):
    with time_machine.travel(datetime.datetime(2027, 1, 20, 12, tzinfo=UTC), tick=False):
        client.force_login(member.user)
        response = home(client, team)
    assert response.context["week"] is None
    assert "The program starts on" in text(response)


def test_next_session_is_shown_in_the_users_time_zone_across_daylight_saving(client, frozen, team, member):
    sessions_for(team.cohort, [6, 7, 8])
    client.force_login(member.user)
    response = home(client, team)
    upcoming = response.context["upcoming_sessions"]
    # Week 6's session (9 March) is over; week 7's is on 16 March at 11:00 EDT = 15:00 UTC,
    # which is 10:00 in Bogota (UTC-5 all year), not 11:00 as it was in winter.
    assert [s.title for s in upcoming] == ["Week 7 call", "Week 8 call"]
    assert upcoming[0].starts_at == datetime.datetime(2027, 3, 16, 15, 0, tzinfo=UTC)
    page = text(response)
    assert "Tue, Mar 16, 2027, 10:00" in page
    assert "America/Bogota" in page


def test_in_winter_eleven_in_new_york_is_eleven_in_bogota(client, team, member):
    sessions_for(team.cohort, [3])
    with time_machine.travel(datetime.datetime(2027, 2, 10, 12, tzinfo=UTC), tick=False):
        client.force_login(member.user)
        page = text(home(client, team))
    assert "Tue, Feb 16, 2027, 11:00" in page


def test_next_sessions_skip_cancelled_ones_and_carry_the_meeting_link(client, frozen, team, member):
    sessions = sessions_for(team.cohort, [7, 8])
    sessions[7].status = SessionStatus.CANCELLED
    sessions[7].save()
    sessions[8].meeting_url = "https://meet.example.org/week-8"
    sessions[8].save()
    client.force_login(member.user)
    response = home(client, team)
    assert [s.title for s in response.context["upcoming_sessions"]] == ["Week 8 call"]
    assert "https://meet.example.org/week-8" in text(response)


def test_assignments_show_due_week_and_the_teams_status(client, frozen, team, member):
    program = team.cohort.program
    journey = f.AssignmentTemplateFactory(program=program, title="Vendor journey map", due_week=4)
    systems = f.AssignmentTemplateFactory(program=program, title="Data systems map", due_week=8)
    f.AssignmentTemplateFactory(program=program, title="Pilot plan", due_week=10)
    f.SubmissionFactory(team=team, template=journey, status=SubmissionStatus.ACCEPTED)
    f.SubmissionFactory(team=team, template=systems, status=SubmissionStatus.DRAFT)
    other_team = f.TeamFactory(cohort=team.cohort)
    f.SubmissionFactory(
        team=other_team,
        template=f.AssignmentTemplateFactory(program=program, title="Overdue one", due_week=2),
        status=SubmissionStatus.SUBMITTED,
    )
    client.force_login(member.user)
    response = home(client, team)
    rows = {row.template.title: row for row in response.context["assignments"]}
    assert rows["Vendor journey map"].status == SubmissionStatus.ACCEPTED
    assert rows["Data systems map"].status == SubmissionStatus.DRAFT
    assert rows["Pilot plan"].status == "not_started"
    # The other team's submission does not count for this team: due in week 2, so overdue.
    assert rows["Overdue one"].status == "not_started"
    assert rows["Overdue one"].is_overdue
    assert not rows["Vendor journey map"].is_overdue
    page = text(response)
    assert "Week 8" in page
    assert "Accepted" in page
    assert "Not started" in page


def test_only_open_action_items_are_shown_with_owner_due_date_and_overdue_flag(client, frozen, team, member):
    f.ActionItemFactory(
        team=team, description="Publish award notices", owner=member, due_on=datetime.date(2027, 3, 1)
    )
    f.ActionItemFactory(team=team, description="Call the vendors", due_on=datetime.date(2027, 3, 20))
    f.ActionItemFactory(team=team, description="Already done", status=ActionItemStatus.DONE)
    f.ActionItemFactory(description="Another team's step")
    client.force_login(member.user)
    response = home(client, team)
    items = list(response.context["action_items"])
    assert [item.description for item in items] == ["Publish award notices", "Call the vendors"]
    page = text(response)
    assert "Already done" not in page
    assert "Another team's step" not in page
    overdue = re.search(r'class="action-item action-item--overdue">(.*?)</li>', page).group(1)
    assert "Publish award notices" in overdue
    assert "Ana Ruiz" in overdue
    assert "Overdue" in overdue
    assert page.count("action-item--overdue") == 1


def test_rdc_summary_counts_only_the_teams_verified_items(client, frozen, team, member):
    criterion = f.CriterionFactory(code="RDC99", title="Open data", required_count=2)
    items = [f.ChecklistItemFactory(criterion=criterion) for _ in range(3)]
    verified_at = timezone.now()
    f.CriterionProgressFactory(team=team, item=items[0], status=ProgressStatus.MET, verified_at=verified_at)
    f.CriterionProgressFactory(team=team, item=items[1], status=ProgressStatus.MET)
    other = f.TeamFactory(cohort=team.cohort)
    f.CriterionProgressFactory(team=other, item=items[2], status=ProgressStatus.MET, verified_at=verified_at)
    client.force_login(member.user)
    response = home(client, team)
    summary = next(s for s in response.context["criteria"] if s.criterion.code == "RDC99")
    assert (summary.verified_count, summary.item_count, summary.still_needed) == (1, 3, 1)
    assert not summary.is_met
    assert "1 of 3 items verified, 2 needed" in text(response)


def test_roster_lists_members_with_roles(client, frozen, team, member):
    role = f.RoleFactory(program=team.cohort.program, name="Head of purchasing")
    f.MembershipFactory(team=team, user=f.UserFactory(full_name="Bo Chen"), role=role)
    client.force_login(member.user)
    page = text(home(client, team))
    assert "Ana Ruiz" in page
    assert "Bo Chen — Head of purchasing" in page


def test_each_assignment_links_to_its_page(client, frozen, team, member):
    template = f.AssignmentTemplateFactory(program=team.cohort.program, title="Vendor journey map")
    client.force_login(member.user)
    page = text(home(client, team))
    try:
        url = reverse("cohorts:assignment", kwargs={"team_pk": team.pk, "template_pk": template.pk})
    except NoReverseMatch:  # the assignment pages are not installed: the title alone
        assert "Vendor journey map" in page
    else:
        assert f'<a href="{url}">Vendor journey map</a>' in page


def build_workload(team, member, size):
    program = team.cohort.program
    for number in range(size):
        template = f.AssignmentTemplateFactory(program=program, due_week=number % 12 + 1)
        if number % 2:
            f.SubmissionFactory(team=team, template=template, status=SubmissionStatus.SUBMITTED)
    for week in range(1, min(size, 12) + 1):
        f.SessionFactory(cohort=team.cohort, week=week, kind=SessionKind.WORKSHOP)
    for number in range(size):
        f.ActionItemFactory(team=team, owner=member, description=f"Step {number}")
    criterion = f.CriterionFactory(code=f"RDC{size}")
    for _number in range(size):
        item = f.ChecklistItemFactory(criterion=criterion)
        f.CriterionProgressFactory(
            team=team, item=item, status=ProgressStatus.MET, verified_at=timezone.now()
        )
    for _number in range(size // 3):
        f.MembershipFactory(team=team)
    role = f.RoleFactory(program=program)
    for number in range(size):
        f.AnnouncementFactory(cohort=team.cohort, role=role if number % 2 else None, sent=True)


def count_queries(client, team):
    with CaptureQueriesContext(connection) as queries:
        assert home(client, team).status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", [3, 30])
def test_home_runs_a_bounded_number_of_queries(
    client, frozen, team, member, size, django_assert_max_num_queries
):
    build_workload(team, member, size)
    client.force_login(member.user)
    home(client, team)  # warm the per-process caches (site, content types)
    # 15: the phase panel asks once whether the team has a phase plan (a sprint team has none);
    # one for the weekly check-in panel (cohorts.checkins.panels), the viewer's membership
    # with this week's answers; one for the peer teams panel; one for the procurement data panel's
    # latest file.
    with django_assert_max_num_queries(16):
        assert home(client, team).status_code == 200


def test_home_runs_the_same_queries_with_3_and_30_assignments(
    client, frozen, member, django_assert_num_queries
):
    small, large = member.team, f.TeamFactory()
    large_member = f.MembershipFactory(team=large)
    build_workload(small, member, 3)
    build_workload(large, large_member, 30)
    client.force_login(member.user)
    home(client, small)
    small_count = count_queries(client, small)
    client.force_login(large_member.user)
    home(client, large)
    with django_assert_num_queries(small_count):
        assert home(client, large).status_code == 200
