"""Logging a TA session with next steps; owners and attendees come from the team; members complete items."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from coaching import services
from coaching.models import OWNER_NOT_ON_TEAM, ActionItem, ActionItemStatus, TASession
from tests.coaching_helpers import make_coach, ta_session_form_data

pytestmark = pytest.mark.django_db

STARTS_AT = datetime.datetime(2027, 2, 10, 15, 0, tzinfo=datetime.UTC)


def log_session(team, coach, **kwargs):
    return services.ta_session_log(
        team=team, coach=coach, starts_at=STARTS_AT, minutes=60, mode="video", **kwargs
    )


def test_log_a_session_with_two_action_items_in_the_admin(client, coach, team, members):
    topic = f.TopicFactory(name="Data mapping", name_es="Mapeo de datos")
    client.force_login(coach)
    data = ta_session_form_data(
        team,
        coach,
        attendees=members,
        topics=[topic],
        items=[
            {"description": "Publish award notices", "owner": members[0]},
            {"description": "Call three new vendors", "owner": members[1]},
        ],
    )
    response = client.post(reverse("tasession:add") + f"?team={team.pk}", data)

    assert response.status_code == 302, response.context["form"].errors
    session = TASession.objects.get()
    assert (session.team, session.coach, session.minutes) == (team, coach, 45)
    assert set(session.attendees.all()) == set(members)
    assert list(session.topics.all()) == [topic]
    items = list(session.action_items.order_by("description"))
    assert [(i.description, i.owner, i.team) for i in items] == [
        ("Call three new vendors", members[1], team),
        ("Publish award notices", members[0], team),
    ]
    assert ModelLogEntry.objects.filter(object_id=str(session.pk), action="wagtail.create").exists()
    # The shared summary to each member, and each owner hears of their item.
    subjects = sorted(message.subject for message in mail.outbox)
    assert len(subjects) == 4
    assert sorted(m.to[0] for m in mail.outbox) == sorted(2 * [m.user.email for m in members])


def test_attendees_and_owners_are_limited_to_the_team_roster(client, coach, team, members):
    outsider = f.MembershipFactory()
    client.force_login(coach)
    form = client.get(reverse("tasession:add"), {"team": team.pk}).context["form"]
    assert set(form.fields["attendees"].queryset) == set(members)
    assert set(form.formsets["action_items"].empty_form.fields["owner"].queryset) == set(members)

    data = ta_session_form_data(
        team, coach, attendees=[outsider], items=[{"description": "Publish", "owner": outsider}]
    )
    response = client.post(reverse("tasession:add"), data)

    assert response.status_code == 200
    assert not TASession.objects.exists()
    page = response.text
    assert "Attendees must be members of the team." in page
    assert str(OWNER_NOT_ON_TEAM) in page


def test_service_refuses_owners_from_another_team(coach, team, members):
    outsider = f.MembershipFactory()
    with pytest.raises(ValidationError) as error:
        log_session(team, coach, action_items=[{"description": "Publish", "owner": outsider}])
    assert error.value.error_dict["action_items"][0].code == "owner_not_on_team"
    with pytest.raises(ValidationError) as error:
        log_session(team, coach, attendees=[outsider])
    assert error.value.error_dict["attendees"][0].code == "attendee_not_on_team"
    assert not TASession.objects.exists()


def test_model_clean_refuses_an_owner_from_another_team(team):
    item = ActionItem(team=team, description="Publish", owner=f.MembershipFactory())
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "owner" in error.value.error_dict


def test_editing_a_session_keeps_its_history_and_notifies_new_owners(client, coach, team, members):
    session = log_session(team, coach, summary="First summary")
    mail.outbox.clear()
    client.force_login(coach)
    data = ta_session_form_data(
        team,
        coach,
        items=[{"description": "Draft the vendor survey", "owner": members[1]}],
        summary="First summary",
    )
    response = client.post(reverse("tasession:edit", args=[session.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    assert ModelLogEntry.objects.filter(object_id=str(session.pk), action="wagtail.edit").exists()
    assert [m.to for m in mail.outbox] == [[members[1].user.email]]


def test_member_marks_their_item_done_with_who_and_when(client, team, members):
    item = f.ActionItemFactory(team=team, owner=members[0])
    with time_machine.travel(datetime.datetime(2027, 2, 15, 12, 0, tzinfo=datetime.UTC), tick=False):
        client.force_login(members[1].user)  # inside the travel, so the session has not expired
        response = client.post(reverse("coaching:action_item_done", args=[team.pk, item.pk]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ActionItemStatus.DONE
    assert item.completed_by == members[1].user
    assert item.completed_at == datetime.datetime(2027, 2, 15, 12, 0, tzinfo=datetime.UTC)
    client.force_login(members[1].user)
    page = client.get(reverse("coaching:team_coaching", args=[team.pk])).text
    assert "Done by" in page


def test_service_refuses_non_members(team, coach):
    item = f.ActionItemFactory(team=team)
    with pytest.raises(ValidationError) as error:
        services.action_item_complete(item=item, user=coach)
    assert error.value.code == "not_a_member"


@pytest.mark.parametrize("who", ["other_member", "coach", "nobody"])
def test_non_members_cannot_mark_done(client, team, coach, who):
    item = f.ActionItemFactory(team=team)
    users = {
        "other_member": f.MembershipFactory().user,
        "coach": coach,
        "nobody": f.UserFactory(),
    }
    client.force_login(users[who])
    response = client.post(reverse("coaching:action_item_done", args=[team.pk, item.pk]))
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == ActionItemStatus.OPEN


def test_item_of_another_team_is_404_even_for_a_member(client, team, members):
    item = f.ActionItemFactory()
    client.force_login(members[0].user)
    response = client.post(reverse("coaching:action_item_done", args=[team.pk, item.pk]))
    assert response.status_code == 404


def test_member_comments_on_an_item(client, team, members):
    item = f.ActionItemFactory(team=team)
    client.force_login(members[0].user)
    url = reverse("coaching:action_item_comment", args=[team.pk, item.pk])
    assert client.post(url, {"body": "Waiting on IT for the export."}).status_code == 302
    assert item.comments.get().author == members[0].user
    response = client.post(url, {"body": "   "})
    assert response.status_code == 400
    assert item.comments.count() == 1


def test_reassign_ends_the_old_assignment_and_starts_a_new_one(staff_user, team, coach):
    assignment = team.coach_assignments.get()
    new_coach = make_coach()
    new = services.coach_reassign(
        assignment=assignment, coach=new_coach, user=staff_user, on=datetime.date(2027, 3, 1)
    )
    assignment.refresh_from_db()
    assert assignment.ends_on == datetime.date(2027, 2, 28)
    assert (new.coach, new.role, new.starts_on, new.ends_on) == (
        new_coach,
        assignment.role,
        datetime.date(2027, 3, 1),
        None,
    )


def test_team_coaching_page_queries_do_not_grow_with_sessions(client, coach, team, members):
    def add_session():
        session = f.TASessionFactory(team=team, coach=coach, attendees=members, topics=[f.TopicFactory()])
        item = f.ActionItemFactory(team=team, ta_session=session, owner=members[0])
        services.action_item_comment_add(item=item, author=members[1].user, body="On it.")

    add_session()
    client.force_login(members[0].user)
    url = reverse("coaching:team_coaching", args=[team.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for _ in range(5):
        add_session()
    with CaptureQueriesContext(connection) as six:
        page = client.get(url).text
    assert page.count('class="ta-session"') == 6
    assert len(six) == len(one)


def test_team_coaching_page_shows_sessions_and_items_a_page_at_a_time(client, coach, team, members):
    from coaching.views import ACTION_ITEMS_PER_PAGE, TA_SESSIONS_PER_PAGE

    f.TASessionFactory.create_batch(TA_SESSIONS_PER_PAGE + 2, team=team, coach=coach)
    f.ActionItemFactory.create_batch(ACTION_ITEMS_PER_PAGE + 1, team=team)
    client.force_login(members[0].user)
    url = reverse("coaching:team_coaching", args=[team.pk])
    first = client.get(url).text
    assert first.count('class="ta-session"') == TA_SESSIONS_PER_PAGE
    assert first.count('id="action-item-') == ACTION_ITEMS_PER_PAGE
    assert "?sessions=2&amp;items=1" in first and "?items=2&amp;sessions=1" in first
    older = client.get(url, {"sessions": 2, "items": 2}).text
    assert older.count('class="ta-session"') == 2
    assert older.count('id="action-item-') == 1
    assert client.get(url, {"sessions": "abc", "items": "999"}).status_code == 200


def test_an_item_added_in_the_admin_goes_through_the_service_and_tells_its_owner(
    client, mailoutbox, coach, team
):
    """Adding an action item in the admin checks the coach, logs it and emails its owner."""
    owner = f.MembershipFactory(team=team)
    client.force_login(coach)
    response = client.post(
        reverse("actionitem:add"),
        {
            "team": team.pk,
            "description": "Publish the award notices",
            "owner": owner.pk,
            "due_on": "2027-03-01",
        },
    )
    assert response.status_code == 302, response.content
    item = ActionItem.objects.get(description="Publish the award notices")
    assert ModelLogEntry.objects.filter(object_id=str(item.pk), action="wagtail.create").exists()
    assert [message.to for message in mailoutbox] == [[owner.user.email]]


def test_the_service_refuses_an_item_from_someone_who_does_not_coach_the_team():
    team = f.TeamFactory()
    with pytest.raises(ValidationError) as error:
        services.action_item_create(team=team, description="x", user=make_coach())
    assert error.value.messages == [str(services.NOT_A_COACH)]
