"""Coaches' private notes (and the pain points they heard) never reach the team: not its pages,
not its emails, not the exports."""

import datetime
import io
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from cms.demo import factories as f
from coaching import selectors, services

pytestmark = pytest.mark.django_db

SECRET = "SECRET-NOTE the deputy seems overloaded"
PAIN = "PAIN-POINT the sponsor blocks publication"


@pytest.fixture
def logged(coach, team):
    members = [f.MembershipFactory(team=team) for _ in range(2)]
    session = services.ta_session_log(
        team=team,
        coach=coach,
        starts_at=datetime.datetime(2027, 2, 10, 15, 0, tzinfo=datetime.UTC),
        minutes=60,
        mode="video",
        attendees=members,
        summary="SHARED-SUMMARY publish award notices",
        pain_points=PAIN,
        private_notes=SECRET,
        action_items=[{"description": "Publish award notices", "owner": members[0], "due_on": None}],
    )
    return session, members


def test_participant_page_shows_the_summary_but_never_private_notes(client, logged):
    session, members = logged
    client.force_login(members[1].user)
    page = client.get(reverse("coaching:team_coaching", args=[session.team_id])).text
    assert "SHARED-SUMMARY" in page
    assert "Publish award notices" in page
    assert "SECRET-NOTE" not in page
    assert "PAIN-POINT" not in page


def test_team_home_never_shows_private_notes(client, logged):
    session, members = logged
    client.force_login(members[0].user)
    page = client.get(reverse("cohorts:team_home", args=[session.team_id])).text
    assert "SECRET-NOTE" not in page


def test_the_team_selector_does_not_even_load_private_notes(logged):
    session, _members = logged
    loaded = selectors.team_ta_sessions(session.team).get()
    assert {"private_notes", "pain_points"} <= loaded.get_deferred_fields()


def test_emails_never_carry_private_notes(logged):
    assert len(mail.outbox) == 3  # the summary to two members, the item to its owner
    for message in mail.outbox:
        bodies = [message.body, *(content for content, _type in message.alternatives)]
        assert all("SECRET-NOTE" not in body and "PAIN-POINT" not in body for body in bodies)
    assert any("SHARED-SUMMARY" in message.body for message in mail.outbox)


@pytest.mark.parametrize(
    "url_name",
    [
        "coaching_ta_hours:index",
        "coaching_overdue_teams:index",
        "coaching_action_items:index",
        "coaching_coach_load:index",
    ],
)
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_exports_never_carry_private_notes(staff_client, logged, url_name, export):
    response = staff_client.get(reverse(url_name), {"export": export})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "xlsx":  # a zip: read every part
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b"".join(archive.read(name) for name in archive.namelist())
    assert b"SECRET-NOTE" not in content
    assert b"PAIN-POINT" not in content
