"""The team's schedule, a session's page and the attendance record, and who may open them."""

import datetime
import re

import pytest
import time_machine
import wagtail_factories
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from cohorts.schedule.models import AttendanceStatus, SessionMaterial, SessionStatus
from sprints.models import SessionKind

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
WEEK_6 = datetime.datetime(2027, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(WEEK_6, tick=False):
        yield


@pytest.fixture
def team():
    return f.TeamFactory()


@pytest.fixture
def member(team):
    return f.MembershipFactory(
        team=team, user=f.UserFactory(full_name="Ana Ruiz", time_zone="America/Bogota")
    )


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def schedule_url(team):
    return reverse("cohorts:team_schedule", kwargs={"team_pk": team.pk})


def session_url(team, session):
    return reverse("cohorts:team_session", kwargs={"team_pk": team.pk, "session_pk": session.pk})


def attendance_url(team):
    return reverse("cohorts:team_attendance", kwargs={"team_pk": team.pk})


def test_schedule_lists_every_session_by_week_in_local_time(client, team, member):
    f.SessionFactory(cohort=team.cohort, week=1, kind=SessionKind.MASTERCLASS, title="Kick-off")
    f.SessionFactory(cohort=team.cohort, week=7, kind=SessionKind.WORKSHOP, title="Vendor journeys")
    client.force_login(member.user)
    response = client.get(schedule_url(team))
    page = text(response)
    assert "Kick-off" in page
    assert "Masterclass" in page
    assert "Workshop" in page
    assert "Tue, Feb 2, 2027, 11:00" in page  # 11:00 EST = 11:00 in Bogota
    assert "Tue, Mar 16, 2027, 10:00" in page  # 11:00 EDT = 10:00 in Bogota
    assert "America/Bogota" in page
    weeks = response.context["timeline"]
    assert [s.title for s in weeks[6].sessions] == ["Vendor journeys"]
    assert [w.number for w in weeks if w.is_current] == [6]


def test_schedule_marks_cancelled_and_moved_sessions(client, team, member):
    f.SessionFactory(cohort=team.cohort, week=2, title="Cancelled call", status=SessionStatus.CANCELLED)
    f.SessionFactory(cohort=team.cohort, week=3, title="Moved call", sequence=1)
    f.SessionFactory(cohort=team.cohort, week=4, title="Plain call")
    client.force_login(member.user)
    page = text(client.get(schedule_url(team)))
    cancelled = re.search(r"Cancelled call.*?</li>", page).group(0)
    moved = re.search(r"Moved call.*?</li>", page).group(0)
    plain = re.search(r"Plain call.*?</li>", page).group(0)
    assert "Cancelled" in cancelled.replace("Cancelled call", "")
    assert "Moved" in moved.replace("Moved call", "")
    assert "Moved" not in plain and "Cancelled" not in plain


def test_session_page_shows_kind_description_materials_and_meeting_link(client, team, member):
    session = f.SessionFactory(
        cohort=team.cohort,
        week=7,
        kind=SessionKind.WORKSHOP,
        title="Vendor journeys",
        description="Map how a vendor finds and bids on a tender.",
        meeting_url="https://meet.example.org/week-7",
        recording_url="https://video.example.org/week-7",
    )
    document = wagtail_factories.DocumentFactory(title="Journey map slides")
    SessionMaterial.objects.create(session=session, document=document)
    client.force_login(member.user)
    page = text(client.get(session_url(team, session)))
    assert "Workshop" in page
    assert "Map how a vendor finds and bids on a tender." in page
    assert "Journey map slides" in page
    assert document.url in page
    assert "https://meet.example.org/week-7" in page
    # It has not happened yet: no recording.
    assert "https://video.example.org/week-7" not in page


def test_session_page_uses_the_cohort_meeting_link_by_default(client, team, member):
    session = f.SessionFactory(cohort=team.cohort, week=7)
    client.force_login(member.user)
    assert team.cohort.meeting_url in text(client.get(session_url(team, session)))


def test_session_page_shows_the_recording_and_attendance_after_it_happened(client, team, member):
    session = f.SessionFactory(cohort=team.cohort, week=5, recording_url="https://video.example.org/week-5")
    absent = f.MembershipFactory(team=team, user=f.UserFactory(full_name="Bo Chen"))
    f.AttendanceFactory(session=session, membership=member, status=AttendanceStatus.PRESENT)
    f.AttendanceFactory(session=session, membership=absent, status=AttendanceStatus.EXCUSED)
    other_team = f.TeamFactory(cohort=team.cohort)
    f.AttendanceFactory(
        session=session, membership=f.MembershipFactory(team=other_team, user=f.UserFactory(full_name="Zed"))
    )
    client.force_login(member.user)
    page = text(client.get(session_url(team, session)))
    assert "https://video.example.org/week-5" in page
    assert "Ana Ruiz: " in page and "Present" in page
    assert "Bo Chen: " in page and "Excused" in page
    assert "Zed" not in page


def test_a_session_of_another_cohort_is_a_404(client, team, member):
    elsewhere = f.SessionFactory()
    client.force_login(member.user)
    assert client.get(session_url(team, elsewhere)).status_code == 404


@pytest.mark.parametrize("page", ["schedule", "session", "attendance"])
def test_another_teams_pages_are_a_404(client, team, page):
    session = f.SessionFactory(cohort=team.cohort)
    outsider = f.MembershipFactory(team=f.TeamFactory(cohort=team.cohort)).user
    urls = {
        "schedule": schedule_url(team),
        "session": session_url(team, session),
        "attendance": attendance_url(team),
    }
    client.force_login(outsider)
    assert client.get(urls[page]).status_code == 404


def test_attendance_record_is_a_members_by_sessions_grid(client, team, member):
    held = [f.SessionFactory(cohort=team.cohort, week=week, title=f"Call {week}") for week in (1, 2)]
    f.SessionFactory(cohort=team.cohort, week=3, status=SessionStatus.CANCELLED, title="Cancelled")
    f.SessionFactory(cohort=team.cohort, week=9, title="Future")
    other = f.MembershipFactory(team=team, user=f.UserFactory(full_name="Bo Chen"))
    f.AttendanceFactory(session=held[0], membership=member, status=AttendanceStatus.PRESENT)
    f.AttendanceFactory(session=held[1], membership=member, status=AttendanceStatus.ABSENT)
    f.AttendanceFactory(session=held[0], membership=other, status=AttendanceStatus.EXCUSED)
    client.force_login(member.user)
    response = client.get(attendance_url(team))
    assert [s.title for s in response.context["sessions"]] == ["Call 1", "Call 2"]
    grid = {
        row.membership.user.full_name: [cell.status if cell else None for cell in row.cells]
        for row in response.context["rows"]
    }
    assert grid == {"Ana Ruiz": ["present", "absent"], "Bo Chen": ["excused", None]}
    page = text(response)
    assert "Absent" in page and "Excused" in page


@pytest.mark.parametrize("size", [2, 10])
def test_attendance_and_schedule_pages_run_a_bounded_number_of_queries(
    client, team, member, size, django_assert_max_num_queries
):
    for week in range(1, size + 1):
        session = f.SessionFactory(cohort=team.cohort, week=min(week, 6))
        for _number in range(size // 2):
            f.AttendanceFactory(session=session, membership=f.MembershipFactory(team=team))
    client.force_login(member.user)
    client.get(attendance_url(team))
    with django_assert_max_num_queries(10):
        client.get(attendance_url(team))
    with django_assert_max_num_queries(8):
        client.get(schedule_url(team))


def test_the_workspace_nav_links_schedule_and_attendance(client, team, member):
    client.force_login(member.user)
    page = text(client.get(reverse("cohorts:team_home", kwargs={"team_pk": team.pk})))
    assert schedule_url(team) in page
    assert attendance_url(team) in page


@pytest.mark.parametrize("size", [1, 8])
def test_session_page_runs_a_bounded_number_of_queries(
    client, team, member, size, django_assert_max_num_queries
):
    session = f.SessionFactory(cohort=team.cohort, week=5)
    for number in range(size):
        document = wagtail_factories.DocumentFactory(title=f"Material {number}")
        SessionMaterial.objects.create(session=session, document=document)
        f.AttendanceFactory(session=session, membership=f.MembershipFactory(team=team))
    client.force_login(member.user)
    client.get(session_url(team, session))
    with django_assert_max_num_queries(11):
        assert client.get(session_url(team, session)).status_code == 200


def test_schedule_follows_the_language_of_the_url(client, team, member):
    f.SessionFactory(cohort=team.cohort, week=7, kind=SessionKind.WORKSHOP)
    client.force_login(member.user)
    with translation.override("es"):
        url = schedule_url(team)
    response = client.get(url)
    assert url.startswith("/es/")
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()


def test_the_schedule_marks_the_current_week_for_the_page_to_open_at(client, team, member):
    """Only this week's section carries the anchor (#this-week) the site's script scrolls to."""
    client.force_login(member.user)
    page = client.get(schedule_url(team)).content.decode()
    marked = re.findall(r'<section [^>]*id="this-week" data-current-week[^>]*>', page)
    assert len(marked) == 1
    assert 'aria-labelledby="week-6"' in marked[0]
