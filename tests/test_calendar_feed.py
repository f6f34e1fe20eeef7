import datetime
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from cms.demo.factories import (
    AssignmentTemplateFactory,
    CohortFactory,
    MembershipFactory,
    SessionFactory,
    TeamFactory,
    UserFactory,
)
from cohorts.schedule.calendar import calendar_feed_for, calendar_feed_url
from cohorts.schedule.models import CalendarFeed, SessionStatus
from cohorts.schedule.services import calendar_feed_reset

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return TeamFactory(cohort=CohortFactory())


@pytest.fixture
def member(team):
    return MembershipFactory(team=team).user


def _events(client, feed):
    response = client.get(reverse("calendar_feed", kwargs={"token": feed.token}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return {str(event["UID"]): event for event in Calendar.from_ical(response.content).walk("VEVENT")}


def test_feed_lists_sessions_and_assignment_due_dates(client, team, member):
    session = SessionFactory(cohort=team.cohort, week=1)
    template = AssignmentTemplateFactory(program=team.cohort.program, due_week=4)
    events = _events(client, calendar_feed_reset(user=member))
    event = events[f"session-{session.pk}@ruta"]
    assert event.decoded("DTSTART") == session.starts_at
    assert event.decoded("DTEND") == session.ends_at
    assert str(event["STATUS"]) == "CONFIRMED"
    due = events[f"assignment-{team.pk}-{template.pk}@ruta"]
    assert due.decoded("DTSTART") == team.cohort.week_start(4) + datetime.timedelta(days=6)


def test_moved_session_keeps_uid_and_raises_sequence(client, team, member):
    session = SessionFactory(cohort=team.cohort)
    feed = calendar_feed_reset(user=member)
    before = _events(client, feed)[f"session-{session.pk}@ruta"]
    session.starts_at += datetime.timedelta(hours=2)
    session.sequence += 1
    session.save()
    after = _events(client, feed)[f"session-{session.pk}@ruta"]
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("DTSTART") == session.starts_at
    assert after.decoded("DTSTART") != before.decoded("DTSTART")


def test_cancelled_session_is_marked_cancelled(client, team, member):
    session = SessionFactory(cohort=team.cohort, status=SessionStatus.CANCELLED)
    event = _events(client, calendar_feed_reset(user=member))[f"session-{session.pk}@ruta"]
    assert str(event["STATUS"]) == "CANCELLED"


def test_feed_leaves_out_other_cohorts_sessions(client, team, member):
    other = SessionFactory(cohort=CohortFactory())
    events = _events(client, calendar_feed_reset(user=member))
    assert f"session-{other.pk}@ruta" not in events


def test_revoked_and_unknown_tokens_answer_404(client, member):
    old = calendar_feed_reset(user=member)
    new = calendar_feed_reset(user=member)
    assert calendar_feed_for(member) == new
    old.refresh_from_db()
    assert old.revoked_at is not None
    assert client.get(reverse("calendar_feed", kwargs={"token": old.token})).status_code == 404
    assert client.get(reverse("calendar_feed", kwargs={"token": "nope"})).status_code == 404
    assert client.get(reverse("calendar_feed", kwargs={"token": new.token})).status_code == 200


def test_feed_url_is_absolute_and_not_language_prefixed(member):
    url = calendar_feed_url(calendar_feed_reset(user=member))
    assert url.startswith("http") and "/calendar/" in url and "/en/" not in url


def test_calendar_page_creates_and_resets_the_address(client, member):
    client.force_login(member)
    assert client.get(reverse("cohorts:calendar")).status_code == 200
    client.post(reverse("cohorts:calendar_reset"))
    feed = calendar_feed_for(member)
    assert feed is not None
    assert calendar_feed_url(feed) in client.get(reverse("cohorts:calendar")).content.decode()


def test_session_ics_download(client, team, member):
    session = SessionFactory(cohort=team.cohort)
    client.force_login(member)
    response = client.get(reverse("cohorts:team_session_ics", args=[team.pk, session.pk]))
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"session-{session.pk}@ruta"]
    page = client.get(reverse("cohorts:team_session", args=[team.pk, session.pk]))
    assert reverse("cohorts:team_session_ics", args=[team.pk, session.pk]) in page.content.decode()


def test_session_ics_of_another_cohort_answers_404(client, team, member):
    other = SessionFactory(cohort=CohortFactory())
    client.force_login(member)
    assert client.get(reverse("cohorts:team_session_ics", args=[team.pk, other.pk])).status_code == 404


@pytest.mark.parametrize("size", [2, 10])
def test_feed_query_count_does_not_grow(client, team, member, size):
    for week in range(1, size + 1):
        SessionFactory(cohort=team.cohort, week=week)
        AssignmentTemplateFactory(program=team.cohort.program, due_week=week)
    feed = calendar_feed_reset(user=member)
    url = reverse("calendar_feed", kwargs={"token": feed.token})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 5


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers need a server database (SQLite's test database locks whole tables)",
)
@pytest.mark.django_db(transaction=True)
def test_four_resets_at_once_each_answer_and_leave_one_active_address():
    user = UserFactory()
    barrier = threading.Barrier(4, timeout=10)
    statuses = []

    def reset():
        client = Client()
        client.force_login(user)
        try:
            barrier.wait()
            statuses.append(client.post(reverse("cohorts:calendar_reset")).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reset) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert statuses == [302, 302, 302, 302]
    assert CalendarFeed.objects.filter(user=user, revoked_at=None).count() == 1
    assert CalendarFeed.objects.filter(user=user).count() == 4
