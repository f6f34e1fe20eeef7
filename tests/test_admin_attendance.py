"""The schedule in the admin: generating sessions, moving and cancelling them, taking attendance."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.demo import factories as f
from cohorts.schedule.models import Attendance, AttendanceStatus, Session, SessionStatus
from cohorts.schedule.services import (
    CANCELLED_SESSION,
    NOT_IN_COHORT,
    NOT_STARTED,
    attendance_record,
    session_update,
)
from sprints.models import SessionKind

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


ADMIN_LOGIN_URL = getattr(settings, "WAGTAILADMIN_LOGIN_URL", "wagtailadmin_login")


def refused(response):
    """The Wagtail admin answers a permission refusal by sending the user to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def take_url(session):
    return reverse("cohorts_take_attendance", args=[session.pk])


def generate_url(cohort):
    return reverse("cohorts_generate_sessions", args=[cohort.pk])


def field(membership):
    return f"member-{membership.pk}"


@pytest.fixture(autouse=True)
def during_the_first_week():
    """Noon in New York on the day of the cohort's first session (11:00): it has started, so its
    attendance can be taken. Tests about sessions still to come travel back from here."""
    with time_machine.travel(datetime.datetime(2027, 2, 2, 17, 0, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def session():
    return f.SessionFactory(week=1, title="Kick-off")


@pytest.fixture
def teams(session):
    """Two teams of the session's cohort, two members each."""
    result = []
    for name in ("North", "South"):
        team = f.TeamFactory(cohort=session.cohort, name=name)
        f.MembershipFactory(team=team, user=f.UserFactory(full_name=f"{name} One"))
        f.MembershipFactory(team=team, user=f.UserFactory(full_name=f"{name} Two"))
        result.append(team)
    return result


def admin_user(user):
    """Let a coach into the Wagtail admin, as the Coaches group does."""
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def coach(teams):
    return admin_user(f.CoachAssignmentFactory(team=teams[0]).coach)


def members(team):
    return list(team.memberships.order_by("pk"))


# The service


def test_attendance_record_creates_and_updates_records(session, teams, staff_user):
    one, two = members(teams[0])
    attendance_record(
        session=session,
        marks={one.pk: AttendanceStatus.PRESENT, two.pk: AttendanceStatus.ABSENT},
        recorded_by=staff_user,
    )
    coach = f.UserFactory()
    attendance_record(session=session, marks={two.pk: AttendanceStatus.EXCUSED}, recorded_by=coach)
    records = {a.membership_id: a for a in Attendance.objects.filter(session=session)}
    assert records[one.pk].status == AttendanceStatus.PRESENT
    assert records[one.pk].recorded_by == staff_user
    assert records[two.pk].status == AttendanceStatus.EXCUSED
    assert records[two.pk].recorded_by == coach
    assert len(records) == 2
    # Each new or changed mark is in the record's history, with who made it.
    attendance_record(session=session, marks={one.pk: AttendanceStatus.PRESENT}, recorded_by=coach)
    entries = ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Attendance))
    history = entries.filter(object_id=str(records[two.pk].pk)).order_by("timestamp", "pk")
    assert [(e.action, e.user_id) for e in history] == [
        ("wagtail.create", staff_user.pk),
        ("wagtail.edit", coach.pk),
    ]
    assert entries.filter(object_id=str(records[one.pk].pk)).count() == 1  # unchanged: not logged again


def test_attendance_record_refuses_members_of_another_cohort(session, teams, staff_user):
    outsider = f.MembershipFactory()
    with pytest.raises(ValidationError) as error:
        attendance_record(session=session, marks={outsider.pk: "present"}, recorded_by=staff_user)
    assert error.value.messages == [str(NOT_IN_COHORT)]
    assert not Attendance.objects.exists()


def test_attendance_record_refuses_a_cancelled_session(session, teams, staff_user):
    session.status = SessionStatus.CANCELLED
    session.save()
    with pytest.raises(ValidationError) as error:
        attendance_record(session=session, marks={members(teams[0])[0].pk: "present"}, recorded_by=staff_user)
    assert error.value.messages == [str(CANCELLED_SESSION)]


# Taking attendance in the admin


def test_staff_take_attendance_for_every_team_of_the_cohort(staff_client, staff_user, session, teams):
    response = staff_client.get(take_url(session))
    assert response.status_code == 200
    page = response.content.decode()
    assert all(name in page for name in ("North One", "North Two", "South One", "South Two"))
    north_one, north_two = members(teams[0])
    south_one, _south_two = members(teams[1])
    data = {
        field(north_one): "present",
        field(north_two): "absent",
        field(south_one): "excused",
    }
    response = staff_client.post(take_url(session), data)
    assert response.status_code == 302
    records = {a.membership_id: a for a in Attendance.objects.filter(session=session)}
    assert {pk: a.status for pk, a in records.items()} == {
        north_one.pk: "present",
        north_two.pk: "absent",
        south_one.pk: "excused",
    }
    assert {a.recorded_by for a in records.values()} == {staff_user}
    # The form shows what was recorded when opened again.
    form = staff_client.get(take_url(session)).context["form"]
    assert form[field(north_two)].initial == "absent"


def test_an_assigned_coach_marks_only_the_teams_they_coach(client, coach, session, teams):
    client.force_login(coach)
    response = client.get(take_url(session))
    assert response.status_code == 200
    page = response.content.decode()
    assert "North One" in page
    assert "South One" not in page
    north_one = members(teams[0])[0]
    south_one = members(teams[1])[0]
    response = client.post(take_url(session), {field(north_one): "present", field(south_one): "absent"})
    assert response.status_code == 302
    assert list(Attendance.objects.values_list("membership", "status", "recorded_by")) == [
        (north_one.pk, "present", coach.pk)
    ]


def test_a_coach_of_another_cohorts_team_cannot_take_attendance(client, session, teams):
    other_coach = admin_user(f.CoachAssignmentFactory().coach)
    client.force_login(other_coach)
    assert refused(client.get(take_url(session)))
    assert refused(client.post(take_url(session), {field(members(teams[0])[0]): "present"}))
    assert not Attendance.objects.exists()


def test_a_former_coach_cannot_take_attendance(client, session, teams):
    former = admin_user(
        f.CoachAssignmentFactory(team=teams[0], role="supporting", ends_on=session.cohort.start_date).coach
    )
    client.force_login(former)
    assert refused(client.get(take_url(session)))


def test_participants_cannot_reach_the_admin(client, session, teams):
    participant = members(teams[0])[0].user
    client.force_login(participant)
    for url in (take_url(session), generate_url(session.cohort), reverse("cohorts_attendance_sessions")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(resolve_url(ADMIN_LOGIN_URL))
    assert client.post(take_url(session), {field(members(teams[0])[0]): "present"}).status_code == 302
    assert not Attendance.objects.exists()


def test_a_cancelled_session_takes_no_attendance(staff_client, session, teams):
    session.status = SessionStatus.CANCELLED
    session.save()
    response = staff_client.post(take_url(session), {field(members(teams[0])[0]): "present"})
    assert response.status_code == 302
    assert not Attendance.objects.exists()


def test_the_session_inspect_and_listing_offer_take_attendance(staff_client, session):
    inspect = staff_client.get(reverse("session:inspect", args=[session.pk])).content.decode()
    assert take_url(session) in inspect
    listing = staff_client.get(reverse("session:index")).content.decode()
    assert take_url(session) in listing


def test_coaches_find_their_sessions_from_the_admin_menu(client, coach, session, teams):
    with time_machine.travel(session.starts_at, tick=False):
        client.force_login(coach)
        assert_coach_finds(client, session)


def assert_coach_finds(client, session):
    elsewhere = f.SessionFactory(title="Elsewhere")
    response = client.get(reverse("cohorts_attendance_sessions"))
    assert response.status_code == 200
    page = response.content.decode()
    assert take_url(session) in page
    assert take_url(elsewhere) not in page
    assert reverse("cohorts_attendance_sessions") in client.get(reverse("wagtailadmin_home")).content.decode()


# The session listing reads like a calendar


def test_session_listing_shows_local_time_in_the_cohorts_zone_in_time_order(staff_client):
    cohort = f.CohortFactory(time_zone="America/Bogota")
    later = f.SessionFactory(cohort=cohort, week=3, title="Later", kind=SessionKind.WORKSHOP)
    earlier = f.SessionFactory(cohort=cohort, week=1, title="Earlier", sequence=2)
    response = staff_client.get(reverse("session:index"), {"cohort": cohort.pk})
    assert list(response.context["object_list"]) == [earlier, later]
    page = response.content.decode()
    assert "Tue, Feb 2, 2027, 11:00" in page
    assert "-05" in page  # Bogota's zone abbreviation
    assert "Scheduled (moved)" in page
    assert "Workshop" in page


# Generating sessions


@pytest.fixture
def cohort():
    program = f.ProgramFactory(duration_weeks=12)
    for week, kind in [(1, SessionKind.MASTERCLASS), (2, SessionKind.WORKSHOP), (12, SessionKind.SHOWTIME)]:
        f.SessionPlanFactory(program=program, week=week, kind=kind)
    return f.CohortFactory(program=program)


def test_staff_generate_a_cohorts_sessions_once(staff_client, cohort):
    page = staff_client.get(generate_url(cohort))
    assert page.status_code == 200
    assert "Create 3 sessions" in page.content.decode()
    response = staff_client.post(generate_url(cohort), follow=True)
    assert cohort.sessions.count() == 3
    assert "3 sessions created" in response.content.decode()
    response = staff_client.post(generate_url(cohort), follow=True)
    assert cohort.sessions.count() == 3
    assert "already scheduled" in response.content.decode()


def test_the_cohort_inspect_view_and_listing_offer_to_generate_sessions(staff_client, cohort):
    assert (
        generate_url(cohort) in staff_client.get(reverse("cohort:inspect", args=[cohort.pk])).content.decode()
    )
    assert generate_url(cohort) in staff_client.get(reverse("cohort:index")).content.decode()


def test_a_coach_cannot_generate_sessions(client, coach, cohort):
    client.force_login(coach)
    assert refused(client.post(generate_url(cohort)))
    assert not cohort.sessions.exists()


# Moving and cancelling


def edit_data(session, **changes):
    values = {
        "cohort": session.cohort_id,
        "week": session.week,
        "kind": session.kind,
        "status": session.status,
        "title_en": session.title,
        "title_es": "",
        "description_en": session.description,
        "description_es": "",
        "starts_at": "2027-02-02 11:00",
        "minutes": session.minutes,
        "meeting_url": session.meeting_url,
        "recording_url": session.recording_url,
        "materials": inline_formset([]),
    }
    values.update(changes)
    return nested_form_data(values)


def test_editing_the_time_in_the_admin_raises_the_revision(staff_client, session):
    url = AdminURLFinder().get_edit_url(session)
    response = staff_client.post(url, edit_data(session, title_en="Kick-off!"))
    assert response.status_code == 302, response.context["form"].errors
    session.refresh_from_db()
    assert (session.title, session.sequence) == ("Kick-off!", 0)

    response = staff_client.post(url, edit_data(session, starts_at="2027-02-03 11:00"))
    assert response.status_code == 302, response.context["form"].errors
    session.refresh_from_db()
    assert session.starts_at == datetime.datetime(2027, 2, 3, 16, 0, tzinfo=UTC)  # 11:00 New York
    assert session.sequence == 1

    response = staff_client.post(
        url, edit_data(session, starts_at="2027-02-03 11:00", status=SessionStatus.CANCELLED)
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.status, session.sequence) == (SessionStatus.CANCELLED, 2)


def test_session_update_raises_the_revision_only_when_rescheduled(session):
    session.title = "Renamed"
    session_update(session=session)
    assert Session.objects.get(pk=session.pk).sequence == 0
    session.starts_at += datetime.timedelta(days=1)
    session_update(session=session)
    assert Session.objects.get(pk=session.pk).sequence == 1


# Only sessions that have started take attendance (issue #18)


def test_take_attendance_offers_the_sessions_that_have_started_never_tomorrows(client, coach, session, teams):
    """At 10:00 in Bogota: yesterday's session and this morning's (begun at 9:00) are offered; this
    afternoon's and tomorrow's are not."""
    cohort = session.cohort
    cohort.time_zone = "America/Bogota"
    cohort.save()
    bogota = cohort.zone
    day = datetime.date(2027, 3, 10)

    def at(days, hour, title):
        starts = datetime.datetime.combine(day + datetime.timedelta(days=days), datetime.time(hour), bogota)
        return f.SessionFactory(cohort=cohort, week=2, title=title, starts_at=starts)

    yesterday, this_morning = at(-1, 9, "Yesterday"), at(0, 9, "This morning")
    this_afternoon, tomorrow = at(0, 15, "This afternoon"), at(1, 9, "Tomorrow")
    now = datetime.datetime.combine(day, datetime.time(10), bogota)
    with time_machine.travel(now, tick=False):
        client.force_login(coach)
        page = client.get(reverse("cohorts_attendance_sessions")).content.decode()
        assert take_url(yesterday) in page and take_url(this_morning) in page
        assert take_url(this_afternoon) not in page and take_url(tomorrow) not in page
        assert client.get(take_url(this_morning)).status_code == 200


def test_attendance_record_refuses_a_session_that_has_not_started(session, teams, staff_user):
    member = members(teams[0])[0]
    just_before = session.starts_at - datetime.timedelta(minutes=1)
    with time_machine.travel(just_before, tick=False), pytest.raises(ValidationError) as error:
        attendance_record(session=session, marks={member.pk: "present"}, recorded_by=staff_user)
    assert error.value.messages == [str(NOT_STARTED)]
    assert not Attendance.objects.exists()


def test_the_attendance_page_refuses_a_session_still_to_come(client, coach, session, teams):
    """Typing the address of tomorrow's session, or posting to it, records nothing and says why."""
    member = members(teams[0])[0]
    with time_machine.travel(session.starts_at - datetime.timedelta(days=1), tick=False):
        client.force_login(coach)
        response = client.get(take_url(session), follow=True)
        assert response.redirect_chain[-1][0] == reverse("cohorts_attendance_sessions")
        assert "North One" not in response.content.decode()
        assert str(NOT_STARTED) in [str(m).strip() for m in response.context["messages"]]
        response = client.post(take_url(session), {field(member): "present"})
        assert response.status_code == 302
        assert not Attendance.objects.exists()
    coach.preferred_language = "es"  # the admin speaks the user's language
    coach.save()
    with time_machine.travel(session.starts_at - datetime.timedelta(days=1), tick=False):
        response = client.get(take_url(session), follow=True)
        assert "Esta sesión aún no ha comenzado" in response.content.decode()


def test_a_session_still_to_come_offers_no_take_attendance_button(staff_client, session):
    with time_machine.travel(session.starts_at - datetime.timedelta(hours=1), tick=False):
        inspect = staff_client.get(reverse("session:inspect", args=[session.pk])).content.decode()
        listing = staff_client.get(reverse("session:index")).content.decode()
    assert take_url(session) not in inspect
    assert take_url(session) not in listing
