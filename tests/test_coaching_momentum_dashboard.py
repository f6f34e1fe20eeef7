"""Team momentum in the admin: the coach's panel (their teams), staff's panel and report (dips
first), and the coach's note on what they did about a dip."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.demo import factories as f
from coaching import selectors
from coaching.models import MomentumNote
from coaching.services import STALE_MOMENTUM_NOTE
from cohorts.models import Team
from tests.coaching_helpers import coached_team, make_coach

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 2, 24, 15, 0, tzinfo=datetime.UTC)  # Wednesday of week 4


def steady_team(coach, cohort, name):
    team = coached_team(coach, cohort=cohort, name=name)
    f.TASessionFactory(team=team, coach=coach, starts_at=NOW - datetime.timedelta(days=1))
    for week in range(1, 5):
        f.CheckInFactory(team=team, week=week, rating=4, political_support="strong")
    return team


def dipping_team(coach, cohort, name):
    team = coached_team(coach, cohort=cohort, name=name)
    f.TASessionFactory(
        team=team, coach=coach, starts_at=datetime.datetime(2027, 2, 2, 15, tzinfo=datetime.UTC)
    )
    f.ActionItemFactory(team=team, due_on=datetime.date(2027, 2, 12))
    for week in range(1, 3):
        f.CheckInFactory(team=team, week=week, rating=4, political_support="strong")
    f.CheckInFactory(team=team, week=3, rating=2, political_support="steady")
    f.CheckInFactory(
        team=team, week=4, rating=1, political_support="weakening", blockers="The council froze the budget."
    )
    return team


@pytest.fixture
def teams(cohort, coach):
    other_coach = make_coach()
    return {
        "steady": steady_team(coach, cohort, "Steady Springs"),
        "dip": dipping_team(coach, cohort, "Dipping Dale"),
        "others_dip": dipping_team(other_coach, cohort, "Elsewhere Falls"),
        "others_steady": steady_team(other_coach, cohort, "Calm Bay"),
    }


def panel_html(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = next(p for p in response.context["panels"] if p.name == "coaching_momentum")
    return panel.get_context_data(response.context), response.text


@time_machine.travel(NOW, tick=False)
def test_the_coach_sees_their_teams_dips_first_with_reasons_and_trend(client, coach, teams):
    context, page = panel_html(client, coach)

    assert [row.team for row in context["rows"]] == [teams["dip"], teams["steady"]]
    dip, steady = context["rows"]
    assert (dip.level, steady.level) == ("dip", "steady")
    assert [reason.text for reason in dip.current.reasons] == [
        "No TA session for 22 days (cadence 7)",
        "Check-in: “Stuck”",
        "Political support: weakening",
        "1 action item overdue",
        "Blockers: The council froze the budget.",
    ]
    assert [week.level for week in dip.momentum.trend] == ["steady", "watch", "dip", "dip"]
    assert "Elsewhere Falls" not in page and "Calm Bay" not in page
    assert "No TA session for 22 days (cadence 7)" in page
    assert page.count("data-trend") == 2
    assert 'data-level="dip"' in page
    assert reverse("coaching_momentum:note", args=[teams["dip"].pk, 4]) in page


@time_machine.travel(NOW, tick=False)
def test_staff_see_every_team_in_a_dip_on_their_panel_and_every_team_in_the_report(client, staff_user, teams):
    context, page = panel_html(client, staff_user)
    assert [row.team for row in context["rows"]] == [teams["dip"], teams["others_dip"]]
    assert page.count("data-level=") == 2  # the steady teams are in the report only

    report = client.get(reverse("coaching_momentum:index"))

    assert report.status_code == 200
    names = [row.team.name for row in report.context["rows"]]
    assert names[:2] == ["Dipping Dale", "Elsewhere Falls"]
    assert set(names[2:]) == {"Calm Bay", "Steady Springs"}


@time_machine.travel(NOW, tick=False)
def test_the_report_shows_a_coach_only_their_teams_and_turns_others_away(
    client, coach, coach_none, member_b, teams
):
    client.force_login(coach)
    rows = client.get(reverse("coaching_momentum:index")).context["rows"]
    assert {row.team for row in rows} == {teams["dip"], teams["steady"]}
    for outsider in (coach_none, member_b):
        client.force_login(outsider)
        assert client.get(reverse("coaching_momentum:index")).status_code in (302, 403)


@time_machine.travel(NOW, tick=False)
def test_the_coach_notes_what_they_did_and_it_shows_beside_the_signal(client, coach, teams):
    team = teams["dip"]
    note_url = reverse("coaching_momentum:note", args=[team.pk, 4])
    client.force_login(coach)
    assert client.get(note_url).status_code == 200

    response = client.post(note_url, {"body": "Called the sponsor about the budget freeze.", "revision": 0})

    assert response.status_code == 302
    note = MomentumNote.objects.get(team=team, week=4)
    assert (note.author, note.revision) == (coach, 1)
    context, page = panel_html(client, coach)
    assert context["rows"][0].current_note == note
    assert "Called the sponsor about the budget freeze." in page
    # The team never sees it.
    member = f.MembershipFactory(team=team).user
    client.force_login(member)
    for path in (
        reverse("cohorts:team_home", args=[team.pk]),
        reverse("coaching:team_coaching", args=[team.pk]),
    ):
        assert "Called the sponsor" not in client.get(path).text


@time_machine.travel(NOW, tick=False)
def test_a_stale_note_is_refused_and_keeps_what_was_typed(client, coach, staff_user, teams):
    team = teams["dip"]
    note_url = reverse("coaching_momentum:note", args=[team.pk, 4])
    f.MomentumNoteFactory(team=team, week=4, author=staff_user, body="Staff called first.")
    client.force_login(coach)

    response = client.post(note_url, {"body": "My own note", "revision": 0})

    assert response.status_code == 409
    assert str(STALE_MOMENTUM_NOTE).replace("'", "&#x27;") in response.text
    assert "My own note" in response.text and "Staff called first." in response.text
    assert MomentumNote.objects.get().body == "Staff called first."


@time_machine.travel(NOW, tick=False)
def test_a_note_on_another_coachs_team_or_outside_the_program_is_404(client, coach, teams):
    client.force_login(coach)
    assert client.get(reverse("coaching_momentum:note", args=[teams["others_dip"].pk, 4])).status_code == 404
    assert (
        client.post(
            reverse("coaching_momentum:note", args=[teams["others_dip"].pk, 4]), {"body": "x", "revision": 0}
        ).status_code
        == 404
    )
    assert client.get(reverse("coaching_momentum:note", args=[teams["dip"].pk, 13])).status_code == 404
    assert not MomentumNote.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_panel_reads_in_spanish(client, cohort, teams):
    coach = make_coach(preferred_language="es")
    team = dipping_team(coach, cohort, "Compras Bajada")
    context, page = panel_html(client, coach)
    assert [row.team for row in context["rows"]] == [team]
    for text in ("Impulso de los equipos", "Bache", "Apoyo político: debilitándose", "Anotar lo que hizo"):
        assert text in page


def grow(coach, cohort, count, prefix):
    for n in range(count):
        team = dipping_team(coach, cohort, f"{prefix} {n}")
        f.MomentumNoteFactory(team=team, week=4, author=coach)
        member = f.MembershipFactory(team=team)
        f.AttendanceFactory(
            membership=member, session=f.SessionFactory(cohort=cohort, week=4), status="absent"
        )
        f.SubmissionFactory(team=team, status="changes_requested")
        f.CriterionProgressFactory(team=team, status="in_progress")


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("who", ["coach", "staff_user"])
def test_panel_and_report_queries_do_not_grow_with_teams(client, request, cohort, coach, teams, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    pages = [reverse("wagtailadmin_home"), reverse("coaching_momentum:index")]
    grow(coach, cohort, 1, "Small")
    for path in pages:  # Wagtail caches the sites' root paths on a first request: not what is counted here
        client.get(path)
    counts_small = []
    for path in pages:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts_small.append(len(queries))
    grow(coach, cohort, 12, "Large")
    counts_large = []
    for path in pages:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts_large.append(len(queries))
    assert counts_large == counts_small


def grow_programs(coach, count, prefix):
    """`count` more programs, each with a running cohort (with a break), two teams with a second
    coach each, assignments, attendance, notes by several authors, RDC items and check-ins."""
    for n in range(count):
        program = f.ProgramFactory(name=f"{prefix} program {n}", slug=f"{prefix.lower()}-program-{n}")
        f.AssignmentTemplateFactory(program=program, due_week=1)
        f.AssignmentTemplateFactory(program=program, due_week=2)
        cohort = f.CohortFactory(program=program, name=f"{prefix} cohort {n}")
        f.CohortBreakFactory(cohort=cohort, starts_on=cohort.start_date + datetime.timedelta(weeks=6))
        for m in range(2):
            team = dipping_team(coach, cohort, f"{prefix} {n}.{m}")
            second_coach = make_coach()
            f.CoachAssignmentFactory(team=team, coach=second_coach, role="supporting")
            for week in (3, 4):
                f.MomentumNoteFactory(team=team, week=week, author=second_coach if week == 3 else coach)
            member = f.MembershipFactory(team=team)
            f.AttendanceFactory(
                membership=member, session=f.SessionFactory(cohort=cohort, week=3), status="absent"
            )
            f.SubmissionFactory(team=team, status="changes_requested")
            f.CriterionProgressFactory(team=team, status="in_progress")
            f.TASessionFactory(team=team, coach=second_coach, starts_at=NOW - datetime.timedelta(days=3))


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("who", ["coach", "staff_user"])
def test_the_report_queries_do_not_grow_with_programs_cohorts_and_coaches(
    client, request, cohort, coach, teams, who, django_assert_max_num_queries
):
    """At ten times the data (more programs, cohorts, coaches, notes and their authors), the panel and
    the report run the same queries, each once: no query per program, cohort, team or note."""
    user = request.getfixturevalue(who)
    client.force_login(user)
    pages = [reverse("wagtailadmin_home"), reverse("coaching_momentum:index")]
    grow_programs(coach, 1, "Small")
    counts = {}
    for path in pages:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts[path] = len(queries)
    grow_programs(coach, 10, "Large")
    for path in pages:
        with django_assert_max_num_queries(counts[path]):
            response = client.get(path)
        assert response.status_code == 200
    assert response.text.count("data-team=") >= 22


@time_machine.travel(NOW, tick=False)
def test_the_momentum_queries_do_no_work_per_row(cohort, coach, teams):
    """Each of its queries reads its rows once: no subquery run again for every team, submission or
    note (at ten times the data those were the report's slowest part)."""
    grow_programs(coach, 2, "Some")
    with CaptureQueriesContext(connection) as queries:
        rows = selectors.team_momentum(Team.objects.all())
    assert len(rows) == Team.objects.count()
    nested = [q["sql"] for q in queries if "SELECT" in q["sql"][len("SELECT") :]]
    assert nested == []
