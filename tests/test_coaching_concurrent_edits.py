"""No edit is lost in coaching: a stale TA session form is refused with both versions shown, the team
hears of a summary only when it changed, and a member's completion of an action item is never
undone by someone else's form."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from coaching import services
from coaching.models import ActionItem, ActionItemStatus, TASession
from notifications.models import Notification, NotificationKind
from tests.coaching_helpers import ta_session_form_data

pytestmark = pytest.mark.django_db

STARTS_AT = datetime.datetime(2027, 2, 10, 15, 0, tzinfo=datetime.UTC)
LATER = datetime.date(2030, 1, 1)


@pytest.fixture
def session(team, coach, members):
    session = services.ta_session_log(
        team=team,
        coach=coach,
        starts_at=STARTS_AT,
        minutes=60,
        mode="video",
        summary="We agreed to publish award notices.",
        action_items=[
            {
                "description": "Publish award notices",
                "owner": members[0],
                "due_on": datetime.date(2027, 2, 17),
            }
        ],
    )
    mail.outbox.clear()
    Notification.objects.all().delete()
    return session


def edit_url(session):
    return reverse("tasession:edit", args=[session.pk])


def item_row(item):
    return {"id": item.pk, "description": item.description, "owner": item.owner, "due_on": item.due_on}


def summary_emails():
    return Notification.objects.filter(kind=NotificationKind.TA_SUMMARY).count()


def test_the_edit_form_carries_the_revision_it_was_opened_at(client, coach, session):
    client.force_login(coach)
    page = client.get(edit_url(session)).text
    assert 'name="revision"' in page and 'value="0"' in page


def test_a_stale_edit_is_refused_keeping_what_was_typed_beside_the_current_version(
    client, coach, team, session, members, staff_user
):
    item = session.action_items.get()
    # Both open the form at revision 0; staff saves first.
    client.force_login(staff_user)
    data = ta_session_form_data(
        team, coach, items=[item_row(item)], revision=0, summary="Staff summary: publish by March."
    )
    assert client.post(edit_url(session), data).status_code == 302
    session.refresh_from_db()
    assert session.revision == 1
    assert summary_emails() == len(members)
    mail.outbox.clear()

    client.force_login(coach)
    data = ta_session_form_data(
        team, coach, items=[item_row(item)], revision=0, summary="Coach summary: call the vendors."
    )
    response = client.post(edit_url(session), data)

    assert response.status_code == 409
    page = response.text
    assert str(services.STALE_TA_SESSION) in page
    assert "Coach summary: call the vendors." in page  # what the coach typed is still in the form
    assert "data-current-version" in page
    assert "Staff summary: publish by March." in page  # the stored version beside it
    session.refresh_from_db()
    assert session.summary == "Staff summary: publish by March."
    assert session.revision == 1
    assert mail.outbox == []
    assert summary_emails() == len(members)
    # The form now carries the current revision: saving again after merging is deliberate and works.
    form = response.context["form"]
    assert str(form["revision"].value()) == "1"
    data["revision"] = 1
    assert client.post(edit_url(session), data).status_code == 302
    session.refresh_from_db()
    assert session.summary == "Coach summary: call the vendors."


def test_the_refusal_is_in_the_editors_language(client, coach, team, session):
    services.ta_session_update(ta_session=_loaded(session, summary="Someone else"), revision=0, user=coach)
    coach.preferred_language = "es"  # the admin follows it
    coach.save()
    with translation.override("es"):
        message = str(services.STALE_TA_SESSION)
    assert message != str(services.STALE_TA_SESSION)
    client.force_login(coach)
    response = client.post(edit_url(session), ta_session_form_data(team, coach, revision=0, summary="Mine"))
    assert response.status_code == 409
    assert message in response.text


def _loaded(session, **changes):
    loaded = TASession.objects.get(pk=session.pk)
    for name, value in changes.items():
        setattr(loaded, name, value)
    return loaded


def test_the_service_refuses_a_stale_revision(coach, session):
    services.ta_session_update(ta_session=_loaded(session, summary="First"), revision=0, user=coach)
    with pytest.raises(ValidationError) as error:
        services.ta_session_update(ta_session=_loaded(session, summary="Second"), revision=0, user=coach)
    assert error.value.code == "stale_revision"
    session.refresh_from_db()
    assert (session.summary, session.revision) == ("First", 1)
    assert (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(TASession),
            object_id=str(session.pk),
            action="wagtail.edit",
        ).count()
        == 1
    )


def test_the_team_hears_of_the_summary_only_when_it_changed(client, coach, team, session, members):
    item = session.action_items.get()
    client.force_login(coach)
    data = ta_session_form_data(
        team, coach, items=[item_row(item)], revision=0, summary=session.summary, minutes=50
    )
    assert client.post(edit_url(session), data).status_code == 302
    session.refresh_from_db()
    assert session.minutes == 50
    assert mail.outbox == [] and summary_emails() == 0


def test_the_inline_action_items_have_no_status_or_completion_fields(client, coach, session):
    client.force_login(coach)
    form = client.get(edit_url(session)).context["form"]
    fields = form.formsets["action_items"].forms[0].fields
    assert "description" in fields and "owner" in fields
    assert not {"status", "completed_at", "completed_by"} & set(fields)


def test_a_stale_coach_form_never_reopens_an_item_a_member_completed(client, coach, team, session, members):
    item = session.action_items.get()
    # The coach opened the form (revision 0, item open); meanwhile the owner marks it done.
    services.action_item_complete(item=item, user=members[0].user)
    item.refresh_from_db()
    completed_at = item.completed_at

    client.force_login(coach)
    data = ta_session_form_data(team, coach, items=[item_row(item)], revision=0, summary=session.summary)
    response = client.post(edit_url(session), data)
    assert response.status_code == 302, response.context["form"].errors

    item.refresh_from_db()
    assert item.status == ActionItemStatus.DONE
    assert (item.completed_by, item.completed_at) == (members[0].user, completed_at)
    assert not item.is_overdue(today=LATER)


def test_a_stale_coach_form_cannot_remove_an_item_a_member_completed(client, coach, team, session, members):
    item = session.action_items.get()
    services.action_item_complete(item=item, user=members[0].user)
    client.force_login(coach)
    data = ta_session_form_data(team, coach, items=[item_row(item)], revision=0, summary="New summary")
    data["action_items-0-DELETE"] = "on"
    response = client.post(edit_url(session), data)
    assert response.status_code == 400
    assert str(services.DONE_ITEM_KEPT) in response.text
    assert "New summary" in response.text
    item.refresh_from_db()
    assert item.status == ActionItemStatus.DONE and item.ta_session == session
    session.refresh_from_db()
    assert session.summary == "We agreed to publish award notices."


def test_an_open_item_can_still_be_removed(client, coach, team, session):
    item = session.action_items.get()
    client.force_login(coach)
    data = ta_session_form_data(team, coach, items=[item_row(item)], revision=0, summary=session.summary)
    data["action_items-0-DELETE"] = "on"
    assert client.post(edit_url(session), data).status_code == 302
    assert not ActionItem.objects.exists()


def test_the_service_keeps_a_completion_made_while_the_form_was_open(coach, session, members):
    loaded = _loaded(session)
    stale_items = list(loaded.action_items.all())  # loaded while the item was still open
    services.action_item_complete(item=stale_items[0], user=members[0].user)
    stale_items[0].description = "Publish award notices on the portal"
    loaded.action_items = stale_items
    services.ta_session_update(ta_session=loaded, revision=0, user=coach)
    item = ActionItem.objects.get()
    assert item.description == "Publish award notices on the portal"
    assert item.status == ActionItemStatus.DONE and item.completed_by == members[0].user


def test_the_action_item_admin_form_has_no_state_fields(client, coach, session, members):
    item = session.action_items.get()
    services.action_item_complete(item=item, user=members[0].user)
    client.force_login(coach)
    url = reverse("actionitem:edit", args=[item.pk])
    form = client.get(url).context["form"]
    assert not {"status", "completed_at", "completed_by"} & set(form.fields)
    response = client.post(
        url,
        {
            "revision": 0,
            "description": "Publish award notices by Friday",
            "owner": members[0].pk,
            "due_on": "2027-02-20",
            "status": "open",
            "completed_at": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    item.refresh_from_db()
    assert item.description == "Publish award notices by Friday"
    assert item.status == ActionItemStatus.DONE and item.completed_at is not None


def test_a_stale_action_item_form_is_refused(client, coach, session, members):
    item = session.action_items.get()
    services.action_item_update(item=_item(item, description="Changed by staff"), revision=0, user=coach)
    client.force_login(coach)
    response = client.post(
        reverse("actionitem:edit", args=[item.pk]),
        {
            "revision": 0,
            "description": "Changed by the coach",
            "owner": members[0].pk,
            "due_on": "2027-02-20",
        },
    )
    assert response.status_code == 409
    assert str(services.STALE_ACTION_ITEM) in response.text
    assert "Changed by the coach" in response.text and "Changed by staff" in response.text
    item.refresh_from_db()
    assert item.description == "Changed by staff"


def _item(item, **changes):
    loaded = ActionItem.objects.get(pk=item.pk)
    for name, value in changes.items():
        setattr(loaded, name, value)
    return loaded


def test_the_coach_reopens_a_done_item_explicitly(client, coach, session, members):
    item = session.action_items.get()
    services.action_item_complete(item=item, user=members[0].user)
    mail.outbox.clear()
    client.force_login(coach)
    url = reverse("actionitem:reopen", args=[item.pk])
    page = client.get(url).text
    assert item.description in page
    item.refresh_from_db()
    assert item.status == ActionItemStatus.DONE  # opening the confirmation changes nothing

    response = client.post(url)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ActionItemStatus.OPEN
    assert (item.completed_by, item.completed_at) == (None, None)
    assert ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ActionItem),
        object_id=str(item.pk),
        action="ruta.action_item.reopened",
        user=coach,
    ).exists()
    assert [m.to for m in mail.outbox] == [[members[0].user.email]]
    assert Notification.objects.get(kind=NotificationKind.ACTION_ITEM).user == members[0].user


def test_reopen_and_drop_are_validated(coach, session, members):
    item = session.action_items.get()
    with pytest.raises(ValidationError) as error:
        services.action_item_reopen(item=item, user=coach)
    assert error.value.code == "not_closed"
    with pytest.raises(ValidationError) as error:
        services.action_item_drop(item=item, user=members[0].user)
    assert error.value.code == "not_a_coach"
    services.action_item_drop(item=item, user=coach)
    item.refresh_from_db()
    assert item.status == ActionItemStatus.DROPPED
    with pytest.raises(ValidationError) as error:
        services.action_item_drop(item=item, user=coach)
    assert error.value.code == "already_closed"
    with pytest.raises(ValidationError) as error:
        services.action_item_reopen(item=item, user=f.UserFactory())
    assert error.value.code == "not_a_coach"


def test_the_coach_drops_an_item_from_the_admin(client, coach, session, members):
    item = session.action_items.get()
    client.force_login(coach)
    response = client.post(reverse("actionitem:drop", args=[item.pk]))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ActionItemStatus.DROPPED
    assert not item.is_overdue(today=LATER)


def test_another_teams_item_cannot_be_reopened(client, coach, members):
    other = f.ActionItemFactory(status=ActionItemStatus.DROPPED)
    client.force_login(coach)
    # The admin is outside the language prefixes: its 404 is answered after a redirect.
    assert client.post(reverse("actionitem:reopen", args=[other.pk]), follow=True).status_code == 404
    assert client.get(reverse("actionitem:drop", args=[other.pk]), follow=True).status_code == 404
    other.refresh_from_db()
    assert other.status == ActionItemStatus.DROPPED
