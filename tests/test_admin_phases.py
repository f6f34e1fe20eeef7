"""Phases and milestones in the Wagtail admin: staff set a program's phases; coaches and staff record
a team's milestones and site visits; the phase report shows each team's current phase and what is
missing or late, to staff for every team and to a coach for their own."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.demo import factories as f
from cohorts.phases import services
from cohorts.phases.models import Milestone, MilestoneKind
from sprints.models import PHASES_TOO_LONG, Program

pytestmark = pytest.mark.django_db

# Wednesday of week 3 of the teams' cohort (which starts Monday 1 February 2027).
WEEK_3 = datetime.datetime(2027, 2, 17, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(WEEK_3, tick=False):
        yield


@pytest.fixture
def cohort():
    program = f.ProgramFactory(kind="track", duration_weeks=12)
    for name, weeks in (("Diagnostic", 4), ("Design", 4), ("Implementation", 4)):
        f.ProgramPhaseFactory(program=program, name=name, weeks=weeks)
    return f.CohortFactory(program=program, name="Track — spring")


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def program_data(**overrides):
    data = {
        "name_en": "Excellence track",
        "name_es": "Programa de excelencia",
        "slug": "excellence-track",
        "kind": "track",
        "duration_weeks": 26,
        "default_weekday": 3,
        "ta_cadence_days": 14,
        "phases": inline_formset(
            [
                {"name_en": "Diagnostic", "name_es": "Diagnóstico", "weeks": 10},
                {"name_en": "Design", "name_es": "Diseño", "weeks": 8},
                {"name_en": "Implementation", "name_es": "Implementación", "weeks": 8},
            ]
        ),
        "roles": inline_formset([]),
        "focus_areas": inline_formset([]),
        "questions": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_staff_set_a_programs_phases_in_both_languages_on_the_program(staff_client):
    response = staff_client.post(reverse("program:add"), program_data())
    assert response.status_code == 302, response.context["form"].errors
    program = Program.objects.get(slug="excellence-track")
    assert [(p.name_en, p.name_es, p.weeks) for p in program.phases.all()] == [
        ("Diagnostic", "Diagnóstico", 10),
        ("Design", "Diseño", 8),
        ("Implementation", "Implementación", 8),
    ]
    assert [(s.first_week, s.last_week) for s in program.phase_plan()] == [(1, 10), (11, 18), (19, 26)]


def test_phases_longer_than_the_program_are_refused_with_what_was_typed(staff_client):
    response = staff_client.post(reverse("program:add"), program_data(duration_weeks=20))
    assert response.status_code == 200
    message = str(PHASES_TOO_LONG % {"total": 26, "weeks": 20})
    assert message in response.context["form"].errors["duration_weeks"]
    assert "Implementación" in response.content.decode()
    assert not Program.objects.filter(slug="excellence-track").exists()


def visit_data(team, members=(), **overrides):
    data = {
        "team": team.pk,
        "kind": MilestoneKind.SITE_VISIT,
        "title": "First site visit",
        "template": "",
        "due_on": "",
        "starts_at": "2027-03-09 10:00",
        "place": "City Hall, room 301",
        "agenda": "Meet the procurement team\nWalk through a solicitation",
        "other_participants": "GPL coach",
        "notes": "",
        "done_on": "",
    }
    data.update(overrides)
    return {**data, "participants": [m.pk for m in members]}


def test_a_coach_records_a_site_visit_for_their_team(client, cohort, coach):
    team = f.TeamFactory(cohort=cohort)
    f.CoachAssignmentFactory(team=team, coach=coach)
    member = f.MembershipFactory(team=team)
    client.force_login(coach)
    form = client.get(reverse("milestone:add") + f"?team={team.pk}")
    assert form.status_code == 200 and member.user.get_full_name() in form.content.decode()
    response = client.post(reverse("milestone:add"), visit_data(team, [member]))
    assert response.status_code == 302, response.context["form"].errors
    visit = Milestone.objects.get()
    assert (visit.team, visit.created_by, visit.place) == (team, coach, "City Hall, room 301")
    assert list(visit.participants.all()) == [member]


def test_a_coach_cannot_record_a_milestone_for_another_team(client, cohort, coach):
    mine, theirs = f.TeamFactory(cohort=cohort), f.TeamFactory(cohort=cohort)
    f.CoachAssignmentFactory(team=mine, coach=coach)
    client.force_login(coach)
    response = client.post(reverse("milestone:add"), visit_data(theirs))
    assert response.status_code == 200 and "team" in response.context["form"].errors
    assert not Milestone.objects.exists()


def test_a_stale_edit_is_refused_and_keeps_what_was_typed(client, cohort, coach):
    team = f.TeamFactory(cohort=cohort)
    f.CoachAssignmentFactory(team=team, coach=coach)
    visit = f.SiteVisitFactory(team=team)
    services.milestone_update(
        milestone=Milestone.objects.get(pk=visit.pk), revision=0, by=coach
    )  # someone else
    client.force_login(coach)
    response = client.post(
        reverse("milestone:edit", args=(visit.pk,)), visit_data(team, place="The stadium", revision=0)
    )
    assert response.status_code == 200
    assert str(services.STALE_MILESTONE) in text(response).replace("&#x27;", "'")
    assert "The stadium" in response.content.decode()
    visit.refresh_from_db()
    assert visit.place == "City Hall, room 301"
    saved = client.post(
        reverse("milestone:edit", args=(visit.pk,)), visit_data(team, place="The stadium", revision=1)
    )
    assert saved.status_code == 302
    visit.refresh_from_db()
    assert (visit.place, visit.revision) == ("The stadium", 2)


def report_world(cohort, coach):
    mine = f.TeamFactory(cohort=cohort, name="Harbor City")
    theirs = f.TeamFactory(cohort=cohort, name="Bay Town")
    f.CoachAssignmentFactory(team=mine, coach=coach)
    f.AssignmentTemplateFactory(program=cohort.program, title="Environment questionnaire", due_week=2)
    for team in (mine, theirs):
        f.MilestoneFactory(team=team, title=f"{team.name} kick-off review", due_on=cohort.due_date(1))
        f.SiteVisitFactory(team=team, title=f"{team.name} visit")
    return mine, theirs


def test_the_phase_report_shows_staff_every_teams_phase_and_what_is_missing_or_late(
    frozen, staff_client, cohort, coach
):
    report_world(cohort, coach)
    page = text(staff_client.get(reverse("cohorts_phase_report")))
    assert "Diagnostic — week 3 of 4" in page
    assert "Harbor City kick-off review" in page and "Bay Town kick-off review" in page
    assert "Environment questionnaire" in page  # missing in this phase, and late
    export = staff_client.get(reverse("cohorts_phase_report") + "?export=csv")
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Bay Town" in body and "Current phase" in body


def test_the_phase_report_shows_a_coach_their_teams_only(client, frozen, cohort, coach, coach_none):
    report_world(cohort, coach)
    client.force_login(coach)
    page = text(client.get(reverse("cohorts_phase_report")))
    assert "Harbor City kick-off review" in page and "Bay Town" not in page
    client.force_login(coach_none)
    refused = client.get(reverse("cohorts_phase_report"))  # Wagtail's "no permission": to the dashboard
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")


def test_the_phase_report_runs_the_same_queries_with_more_teams_and_milestones(
    frozen, staff_client, cohort, coach
):
    report_world(cohort, coach)
    url = reverse("cohorts_phase_report")
    staff_client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert staff_client.get(url).status_code == 200
    other = f.CohortFactory(program=cohort.program, name="Track — autumn")
    f.CohortBreakFactory(cohort=other, starts_on=other.start_date + datetime.timedelta(weeks=2), weeks=1)
    for number in range(8):
        team = f.TeamFactory(cohort=other if number % 2 else cohort)
        for week in range(1, 6):
            f.MilestoneFactory(team=team, due_on=team.cohort.due_date(week))
        f.SiteVisitFactory(team=team)
        f.AssignmentTemplateFactory(program=cohort.program, due_week=1 + number)
    with CaptureQueriesContext(connection) as large:
        assert staff_client.get(url).status_code == 200
    assert len(large) == len(small)
