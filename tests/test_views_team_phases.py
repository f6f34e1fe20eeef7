"""The team's phase plan: its home shows the current phase, what is due in it, what is late and the
next site visit (in the reader's time zone and language); the plan page shows every phase."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from cohorts.assignments.models import SubmissionStatus

pytestmark = pytest.mark.django_db

# Wednesday of week 3 of a cohort starting Monday 1 February 2027 (New York time).
WEEK_3 = datetime.datetime(2027, 2, 17, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(WEEK_3, tick=False):
        yield


@pytest.fixture
def program():
    program = f.ProgramFactory(kind="track")
    for name, name_es, weeks in (
        ("Diagnostic", "Diagnóstico", 4),
        ("Design", "Diseño", 4),
        ("Implementation", "Implementación", 4),
    ):
        f.ProgramPhaseFactory(program=program, name=name, name_es=name_es, weeks=weeks)
    return program


@pytest.fixture
def team(program):
    return f.TeamFactory(cohort=f.CohortFactory(program=program), name="Harbor City")


@pytest.fixture
def member(team):
    return f.MembershipFactory(
        team=team, user=f.UserFactory(full_name="Nadia Brooks", time_zone="Europe/Madrid")
    )


def plan(team, *, templates=1, milestones=1):
    """Work in each phase: required assignments (the first one late), reviews, one site visit."""
    program = team.cohort.program
    late = f.AssignmentTemplateFactory(program=program, title="Environment questionnaire", due_week=2)
    f.AssignmentTemplateFactory(program=program, title="Baseline summary report", due_week=4)
    f.AssignmentTemplateFactory(program=program, title="OCDS technical assessment", due_week=11)
    for number in range(templates):
        template = f.AssignmentTemplateFactory(
            program=program, title=f"Extra {number}", due_week=3 + number % 9
        )
        f.SubmissionFactory(team=team, template=template, status=SubmissionStatus.SUBMITTED)
    f.MilestoneFactory(team=team, title="Kick-off review", due_on=team.cohort.due_date(1))
    for number in range(milestones):
        f.MilestoneFactory(team=team, title=f"Check-in {number}", due_on=team.cohort.due_date(5 + number % 6))
    visit = f.SiteVisitFactory(team=team, title="First site visit", participants=list(team.memberships.all()))
    return late, visit


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def home(client, team, language="en"):
    with translation.override(language):
        return client.get(reverse("cohorts:team_home", kwargs={"team_pk": team.pk}))


def test_the_home_shows_the_current_phase_what_is_due_what_is_late_and_the_next_site_visit(
    client, frozen, team, member
):
    plan(team)
    client.force_login(member.user)
    page = text(home(client, team))
    assert "Diagnostic — week 3 of 4" in page
    late = page.split("data-late")[1].split("</ul>")[0]
    assert "Environment questionnaire" in late and "Kick-off review" in late
    due = page.split("data-due")[1].split("</ul>")[0]
    assert "Baseline summary report" in due and "OCDS technical assessment" not in due
    visit = page.split('data-site-visit="')[1]
    assert "City Hall, room 301" in visit
    assert "Walk through a solicitation" in visit and "Nadia Brooks" in visit and "IT lead" in visit
    # 10:00 in New York is 16:00 in Madrid, the reader's time zone.
    assert "March 9, 2027, 4:00 PM" in visit and "Europe/Madrid" in visit


def test_the_home_speaks_spanish_to_a_spanish_reader(client, frozen, team, member):
    plan(team)
    client.force_login(member.user)
    page = text(home(client, team, "es"))
    assert "Diagnóstico — semana 3 de 4" in page
    assert "Próxima visita de campo" in page
    assert "9 de marzo de 2027, 16:00" in page


def test_a_program_without_phases_and_a_team_without_milestones_show_no_phase_panel(client, frozen, member):
    sprint_team = f.TeamFactory()
    sprint_member = f.MembershipFactory(team=sprint_team)
    f.AssignmentTemplateFactory(program=sprint_team.cohort.program, due_week=2)
    client.force_login(sprint_member.user)
    assert "data-phase-panel" not in text(home(client, sprint_team))


def test_a_sprint_team_with_a_milestone_sees_its_plan_as_one_phase(client, frozen):
    sprint_team = f.TeamFactory()
    sprint_member = f.MembershipFactory(team=sprint_team)
    f.MilestoneFactory(team=sprint_team, title="Mid-sprint review", due_on=sprint_team.cohort.due_date(4))
    client.force_login(sprint_member.user)
    page = text(home(client, sprint_team))
    assert "The whole program — week 3 of 12" in page and "Mid-sprint review" in page


def test_the_plan_page_lists_every_phase_with_its_dates_and_work(client, frozen, team, member):
    plan(team)
    client.force_login(member.user)
    response = client.get(reverse("cohorts:team_phases", kwargs={"team_pk": team.pk}))
    page = text(response)
    assert response.status_code == 200
    phases = re.findall(r'data-phase="(\d)"', page)
    assert phases == ["1", "2", "3"]
    design = page.split('data-phase="2"')[1].split('data-phase="3"')[0]
    assert "Weeks 5–8: March 1, 2027 to March 28, 2027" in design
    assert "First site visit" in design and "Agree the interview list" in design
    implementation = page.split('data-phase="3"')[1]
    assert "OCDS technical assessment" in implementation


def count(client, url):
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["cohorts:team_home", "cohorts:team_phases"])
def test_the_home_and_the_plan_page_run_the_same_queries_with_more_work(client, frozen, program, name):
    small, large = (f.TeamFactory(cohort=f.CohortFactory(program=program)) for _ in range(2))
    counts = []
    for team, size in ((small, 2), (large, 25)):
        reader = f.MembershipFactory(team=team)
        for _ in range(size // 5):
            f.MembershipFactory(team=team)
        plan(team, templates=size, milestones=size)
        for number in range(size // 5):
            f.SiteVisitFactory(team=team, title=f"Visit {number}", participants=list(team.memberships.all()))
        client.force_login(reader.user)
        counts.append(count(client, reverse(name, kwargs={"team_pk": team.pk})))
    assert counts[0] == counts[1]
