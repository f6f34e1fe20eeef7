"""Two people saving one TA session at the same moment: one save wins, the other is refused; a
member completing an item while a coach saves the session keeps the completion.

Needs real row locks, so it runs on PostgreSQL only (SQLite serialises whole transactions).
"""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from cms.demo import factories as f
from coaching import services
from coaching.models import ActionItem, ActionItemStatus, TASession
from tests.coaching_helpers import coached_team, make_coach

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks (SELECT … FOR UPDATE) need PostgreSQL"
)


def _run_together(*calls):
    barrier = threading.Barrier(len(calls), timeout=10)
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
            outcomes[index] = "saved"
        except ValidationError as error:
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def _session():
    coach = make_coach()
    team = coached_team(coach)
    member = f.MembershipFactory(team=team)
    session = services.ta_session_log(
        team=team,
        coach=coach,
        starts_at=datetime.datetime(2027, 2, 10, 15, 0, tzinfo=datetime.UTC),
        minutes=60,
        mode="video",
        summary="First",
        action_items=[{"description": "Publish award notices", "owner": member}],
    )
    return session, coach, member


@pytest.mark.django_db(transaction=True)
def test_two_editors_saving_at_once_one_is_refused():
    session, coach, _member = _session()
    staff = f.StaffUserFactory()

    def save(summary, user):
        loaded = TASession.objects.get(pk=session.pk)
        loaded.summary = summary
        return lambda: services.ta_session_update(ta_session=loaded, revision=0, user=user)

    outcomes = _run_together(save("By the coach", coach), save("By staff", staff))

    assert sorted(o if o == "saved" else "refused" for o in outcomes) == ["refused", "saved"]
    [error] = [o for o in outcomes if o != "saved"]
    assert error.code == "stale_revision"
    session.refresh_from_db()
    assert session.revision == 1
    assert session.summary == ("By the coach" if outcomes[0] == "saved" else "By staff")


@pytest.mark.django_db(transaction=True)
def test_a_completion_at_the_same_moment_as_a_coach_save_is_kept():
    session, coach, member = _session()
    loaded = TASession.objects.get(pk=session.pk)
    items = list(loaded.action_items.all())  # the coach's form, loaded while the item was open
    items[0].description = "Publish award notices on the portal"
    loaded.action_items = items

    outcomes = _run_together(
        lambda: services.ta_session_update(ta_session=loaded, revision=0, user=coach),
        lambda: services.action_item_complete(item=ActionItem.objects.get(), user=member.user),
    )

    assert outcomes == ["saved", "saved"]
    item = ActionItem.objects.get()
    assert item.description == "Publish award notices on the portal"
    assert item.status == ActionItemStatus.DONE and item.completed_by == member.user
