import datetime
import threading

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections

from cms.demo.factories import (
    AssignmentTemplateFactory,
    CohortFactory,
    MembershipFactory,
    SessionFactory,
    SubmissionFactory,
    TeamFactory,
    UserFactory,
)
from cohorts.assignments.models import SubmissionStatus
from cohorts.schedule.models import SessionStatus
from notifications.models import ReminderSent
from notifications.reminders import reminders_send

UTC = datetime.UTC


@pytest.fixture
def team(db):
    return TeamFactory(cohort=CohortFactory())


def _before(session, hours):
    return session.starts_at - datetime.timedelta(hours=hours)


def test_session_reminder_goes_to_each_member_once(team):
    english = MembershipFactory(team=team).user
    spanish = MembershipFactory(
        team=team, user=UserFactory(preferred_language="es", time_zone="Europe/Madrid")
    ).user
    session = SessionFactory(cohort=team.cohort, week=1)
    assert reminders_send(now=_before(session, 30)) == 0
    assert reminders_send(now=_before(session, 10)) == 2
    assert reminders_send(now=_before(session, 5)) == 0
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {english.email, spanish.email}
    assert session.effective_meeting_url in by_address[spanish.email].body
    # February 2027 in Spanish ("febrero") and in the member's own time zone.
    assert "febrero" in by_address[spanish.email].body
    assert "Europe/Madrid" in by_address[spanish.email].body
    assert "Feb" in by_address[english.email].body
    assert "11 a.m." in by_address[english.email].body


def test_cancelled_session_sends_no_reminder(team):
    MembershipFactory(team=team)
    session = SessionFactory(cohort=team.cohort, status=SessionStatus.CANCELLED)
    assert reminders_send(now=_before(session, 10)) == 0
    assert mail.outbox == []


def test_archived_team_members_get_no_reminder(team):
    MembershipFactory(team=team)
    team.archived_at = datetime.datetime(2027, 1, 1, tzinfo=UTC)
    team.save()
    session = SessionFactory(cohort=team.cohort)
    assert reminders_send(now=_before(session, 10)) == 0


def test_assignment_due_soon_then_overdue(team):
    member = MembershipFactory(team=team).user
    template = AssignmentTemplateFactory(program=team.cohort.program, due_week=2)
    due = team.cohort.week_start(2) + datetime.timedelta(days=6)
    noon = datetime.time(17, 0, tzinfo=UTC)
    with time_machine.travel(datetime.datetime.combine(due - datetime.timedelta(days=5), noon), tick=False):
        assert reminders_send() == 0
    with time_machine.travel(datetime.datetime.combine(due - datetime.timedelta(days=2), noon), tick=False):
        assert reminders_send() == 1
        assert reminders_send() == 0
    with time_machine.travel(datetime.datetime.combine(due + datetime.timedelta(days=1), noon), tick=False):
        assert reminders_send() == 1
        assert reminders_send() == 0
    kinds = sorted(ReminderSent.objects.filter(user=member).values_list("kind", flat=True))
    assert kinds == ["due_soon", "overdue"]
    assert template.title in mail.outbox[-1].subject


def test_submitted_assignment_gets_no_reminder(team):
    MembershipFactory(team=team)
    template = AssignmentTemplateFactory(program=team.cohort.program, due_week=2)
    SubmissionFactory(team=team, template=template, status=SubmissionStatus.SUBMITTED)
    due = team.cohort.week_start(2) + datetime.timedelta(days=6)
    with time_machine.travel(
        datetime.datetime.combine(due + datetime.timedelta(days=1), datetime.time(17, tzinfo=UTC))
    ):
        assert reminders_send() == 0


def test_command_runs(team, capsys):
    call_command("send_reminders")
    assert "reminder" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_send_each_reminder_once():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is checked on PostgreSQL")
    team = TeamFactory(cohort=CohortFactory())
    for _ in range(3):
        MembershipFactory(team=team)
    session = SessionFactory(cohort=team.cohort)
    now = _before(session, 10)
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(reminders_send(now=now))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(results) == 3
    assert ReminderSent.objects.count() == 3
    assert len(mail.outbox) == 3
