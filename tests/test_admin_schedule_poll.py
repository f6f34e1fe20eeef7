"""The schedule poll in the Wagtail admin (issue #14): a cohort "to be agreed", proposing slots,
opening the poll, the tally (staff all, coaches their teams), confirming one slot, and generating
sessions refused until then."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.demo import factories as f
from cohorts.models import SCHEDULE_SET_WHILE_TO_BE_AGREED, Cohort
from cohorts.schedule.forms import POLL_CLOSED_NO_CHANGES
from cohorts.schedule.models import PollState, ScheduleAnswer, SchedulePoll, Session
from cohorts.schedule.services import (
    SCHEDULE_ALREADY_CONFIRMED,
    SCHEDULE_NOT_CONFIRMED,
    cohort_schedule_confirm,
    schedule_poll_open,
)
from notifications.models import Notification
from sprints.models import SessionKind, Weekday
from tests.coaching_helpers import make_coach

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort():
    program = f.ProgramFactory(duration_weeks=12)
    f.SessionPlanFactory(program=program, week=1, kind=SessionKind.MASTERCLASS, title="Kick-off")
    f.SessionPlanFactory(program=program, week=12, kind=SessionKind.SHOWTIME, title="Showtime")
    return f.ToBeAgreedCohortFactory(program=program, name="Primavera", time_zone="Europe/Madrid")


@pytest.fixture
def slots(cohort):
    poll = f.SchedulePollFactory(cohort=cohort)
    return [
        f.ScheduleSlotFactory(poll=poll, weekday=Weekday.WEDNESDAY, local_time=datetime.time(10, 0)),
        f.ScheduleSlotFactory(poll=poll, weekday=Weekday.THURSDAY, local_time=datetime.time(16, 0)),
    ]


@pytest.fixture
def teams(cohort):
    return {
        "a": f.TeamFactory(cohort=cohort, name="Alpha team"),
        "b": f.TeamFactory(cohort=cohort, name="Bravo team"),
    }


@pytest.fixture
def members(teams):
    return {
        "a": f.MembershipFactory(team=teams["a"], user__full_name="Ana Alpha"),
        "b": f.MembershipFactory(team=teams["b"], user__full_name="Bruno Bravo"),
    }


def text(response):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def tally_url(cohort):
    return reverse("cohorts_schedule_poll", args=[cohort.pk])


def cohort_data(**changes):
    data = {
        "program": f.ProgramFactory().pk,
        "name_en": "Primavera 2027 — español",
        "language": "es",
        "time_zone": "Europe/Madrid",
        "schedule_to_be_agreed": "on",
        "weekday": "",
        "local_time": "",
        "start_date": "2027-04-19",
        "registration_opens": "2027-02-01",
        "registration_deadline": "2027-04-09",
        "capacity": 8,
        "meeting_url": "",
        "breaks": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data({key: value for key, value in data.items() if value is not None})


# The cohort: "to be agreed" with the weekday and time left empty


def test_staff_create_a_cohort_whose_day_and_time_are_to_be_agreed(staff_client):
    response = staff_client.post(reverse("cohort:add"), cohort_data())
    assert response.status_code == 302, response.context["form"].errors
    cohort = Cohort.objects.get()
    assert cohort.schedule_to_be_agreed and cohort.weekday is None and cohort.local_time is None


def test_a_weekday_given_for_a_cohort_to_be_agreed_is_refused_beside_the_field(staff_client):
    response = staff_client.post(reverse("cohort:add"), cohort_data(weekday="2", local_time="10:00"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["weekday"] == [str(SCHEDULE_SET_WHILE_TO_BE_AGREED)]
    assert 'value="10:00"' in response.content.decode()  # what was typed stays
    assert not Cohort.objects.exists()


def test_a_cohort_without_weekday_must_be_ticked_to_be_agreed(staff_client):
    response = staff_client.post(reverse("cohort:add"), cohort_data(schedule_to_be_agreed=None))
    assert response.status_code == 200
    assert "Choose the session weekday" in str(response.context["form"].errors["weekday"])


def test_the_cohort_listing_links_a_cohort_to_be_agreed_to_its_poll(staff_client, cohort):
    listing = staff_client.get(reverse("cohort:index")).content.decode()
    assert tally_url(cohort) in listing
    inspect = staff_client.get(reverse("cohort:inspect", args=[cohort.pk])).content.decode()
    assert tally_url(cohort) in inspect


# Generating sessions waits for the confirmed schedule


def test_generating_sessions_in_the_admin_says_confirm_the_schedule_first(staff_client, cohort):
    url = reverse("cohorts_generate_sessions", args=[cohort.pk])
    page = staff_client.get(url)
    assert str(SCHEDULE_NOT_CONFIRMED) in text(page)
    assert re.search(r'<button type="submit" class="button" disabled', page.content.decode())
    response = staff_client.post(url, follow=True)
    assert str(SCHEDULE_NOT_CONFIRMED) in text(response)
    assert not Session.objects.exists()


# Proposing slots


def test_staff_propose_slots_for_the_cohort_they_came_from(staff_client, cohort):
    add_url = reverse("schedulepoll:add")
    page = staff_client.get(f"{add_url}?cohort={cohort.pk}").content.decode()
    assert re.search(rf'<option value="{cohort.pk}" selected>', page)
    data = {
        "cohort": cohort.pk,
        "slots-TOTAL_FORMS": "2",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "1",
        "slots-MAX_NUM_FORMS": "1000",
        "slots-0-weekday": "2",
        "slots-0-local_time": "10:00",
        "slots-0-ORDER": "1",
        "slots-1-weekday": "3",
        "slots-1-local_time": "16:00",
        "slots-1-ORDER": "2",
    }
    response = staff_client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == tally_url(cohort)
    poll = SchedulePoll.objects.get(cohort=cohort)
    assert [(s.weekday, s.local_time) for s in poll.slots.order_by("sort_order")] == [
        (Weekday.WEDNESDAY, datetime.time(10, 0)),
        (Weekday.THURSDAY, datetime.time(16, 0)),
    ]
    assert poll.state == PollState.DRAFT
    assert not Notification.objects.exists()  # members are told when staff open the poll


def edit_data(poll, **slot_changes):
    slots = list(poll.slots.order_by("sort_order", "pk"))
    data = {
        "slots-TOTAL_FORMS": str(len(slots)),
        "slots-INITIAL_FORMS": str(len(slots)),
        "slots-MIN_NUM_FORMS": "1",
        "slots-MAX_NUM_FORMS": "1000",
    }
    for index, slot in enumerate(slots):
        data.update(
            {
                f"slots-{index}-id": str(slot.pk),
                f"slots-{index}-weekday": str(slot.weekday),
                f"slots-{index}-local_time": slot.local_time.strftime("%H:%M"),
                f"slots-{index}-ORDER": str(index + 1),
            }
        )
    data.update(slot_changes)
    return data


def test_a_slot_members_answered_cannot_be_changed_or_removed(staff_client, slots, members):
    f.ScheduleVoteFactory(slot=slots[0], membership=members["a"])
    url = reverse("schedulepoll:edit", args=[slots[0].poll_id])
    for change in ({"slots-0-local_time": "11:00"}, {"slots-0-DELETE": "1"}):
        response = staff_client.post(url, edit_data(slots[0].poll, **change))
        assert response.status_code == 200
        assert "Members have answered for the slot “Wednesday 10:00”" in text(response)
    slots[0].refresh_from_db()
    assert slots[0].local_time == datetime.time(10, 0)
    # A slot nobody answered can change.
    response = staff_client.post(url, edit_data(slots[0].poll, **{"slots-1-local_time": "17:00"}))
    assert response.status_code == 302


def test_a_closed_poll_can_no_longer_change(staff_client, staff_user, slots):
    cohort_schedule_confirm(cohort=slots[0].poll.cohort, slot=slots[0], by=staff_user)
    url = reverse("schedulepoll:edit", args=[slots[0].poll_id])
    response = staff_client.post(url, edit_data(slots[0].poll, **{"slots-1-local_time": "17:00"}))
    assert response.status_code == 200
    assert str(POLL_CLOSED_NO_CHANGES) in text(response)


# Opening, the tally, confirming


def test_staff_open_the_poll_and_the_members_are_told(staff_client, cohort, slots, members):
    page = text(staff_client.get(tally_url(cohort)))
    assert "Open the poll and tell the members" in page
    response = staff_client.post(reverse("cohorts_schedule_poll_open", args=[slots[0].poll_id]), follow=True)
    assert "The poll is open: the members of" in text(response)
    assert Notification.objects.count() == 2
    assert "Open the poll and tell the members" not in text(staff_client.get(tally_url(cohort)))


def test_staff_see_the_tally_per_slot_and_who_has_not_answered(
    staff_client, staff_user, cohort, slots, members
):
    schedule_poll_open(poll=slots[0].poll, by=staff_user)
    f.ScheduleVoteFactory(slot=slots[0], membership=members["a"], answer=ScheduleAnswer.YES)
    f.ScheduleVoteFactory(slot=slots[1], membership=members["a"], answer=ScheduleAnswer.IF_NEEDED)
    html = staff_client.get(tally_url(cohort)).content.decode()
    page = text(staff_client.get(tally_url(cohort)))
    assert "1 of 2 members, from 1 of 2 teams, have answered." in page
    row = re.search(rf'<tr id="slot-{slots[0].pk}">(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r'class="tally-[a-z-]+">(\d+)<', row) == ["1", "0", "0", "1"]
    assert "Most suitable so far" in row
    assert "Bruno Bravo Not answered yet" in page
    assert reverse("cohorts_schedule_slot_confirm", args=[slots[0].pk]) in html


def test_a_coach_reads_the_tally_of_their_teams_cohort_without_other_teams_names(
    client, staff_user, cohort, slots, members, teams
):
    coach = make_coach()
    f.CoachAssignmentFactory(team=teams["a"], coach=coach)
    f.ScheduleVoteFactory(slot=slots[0], membership=members["b"], answer=ScheduleAnswer.YES)
    client.force_login(coach)
    response = client.get(tally_url(cohort))
    assert response.status_code == 200
    page = text(response)
    assert "Ana Alpha" in page and "Bruno Bravo" not in page and "Bravo team" not in page
    assert "1 of 2 members" in page  # the counts cover the cohort
    assert "Confirm this slot" not in page and "Edit the slots" not in page
    for url in (
        reverse("cohorts_schedule_slot_confirm", args=[slots[0].pk]),
        reverse("cohorts_schedule_poll_open", args=[slots[0].poll_id]),
    ):
        refused = client.post(url)
        assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home"), url
    assert Cohort.objects.get(pk=cohort.pk).schedule_to_be_agreed


def test_a_coach_of_another_cohort_gets_a_404(client, cohort, slots):
    coach = make_coach()
    f.CoachAssignmentFactory(team=f.TeamFactory(), coach=coach)
    client.force_login(coach)
    assert client.get(tally_url(cohort)).status_code == 404


def test_staff_confirm_a_slot_and_the_sessions_are_generated(
    staff_client, staff_user, cohort, slots, members
):
    schedule_poll_open(poll=slots[0].poll, by=staff_user)
    url = reverse("cohorts_schedule_slot_confirm", args=[slots[0].pk])
    page = text(staff_client.get(url))
    assert "every week on Wednesday at 10:00 (Europe/Madrid)" in page
    assert "2 members of the cohort's teams are told" in page

    response = staff_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('session:index')}?cohort={cohort.pk}"
    cohort.refresh_from_db()
    assert (cohort.weekday, cohort.schedule_to_be_agreed) == (Weekday.WEDNESDAY, False)
    assert cohort.sessions.count() == 2

    again = staff_client.post(reverse("cohorts_schedule_slot_confirm", args=[slots[1].pk]), follow=True)
    assert str(SCHEDULE_ALREADY_CONFIRMED) in text(again)
    cohort.refresh_from_db()
    assert cohort.weekday == Weekday.WEDNESDAY


def test_the_poll_viewset_inspect_links_to_the_tally(staff_client, cohort, slots):
    page = staff_client.get(reverse("schedulepoll:inspect", args=[slots[0].poll_id])).content.decode()
    assert tally_url(cohort) in page


# Bounded queries


def tally_queries(client, cohort):
    client.get(tally_url(cohort))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(tally_url(cohort)).status_code == 200
    return len(queries)


def build(size):
    cohort = f.ToBeAgreedCohortFactory()
    poll = f.SchedulePollFactory(cohort=cohort)
    slots = [
        f.ScheduleSlotFactory(poll=poll, weekday=i % 7, local_time=datetime.time(8 + i % 10))
        for i in range(size)
    ]
    for _ in range(size):
        membership = f.MembershipFactory(team=f.TeamFactory(cohort=cohort))
        for slot in slots:
            f.ScheduleVoteFactory(slot=slot, membership=membership)
    return cohort


def test_the_tally_runs_the_same_queries_with_2_and_10_teams_and_slots(staff_client):
    small, large = build(2), build(10)
    assert tally_queries(staff_client, small) == tally_queries(staff_client, large)


def test_the_tally_runs_the_same_queries_for_a_coach_at_two_sizes(client):
    counts = []
    for size in (2, 10):
        cohort = build(size)
        coach = make_coach()
        f.CoachAssignmentFactory(team=cohort.teams.first(), coach=coach)
        client.force_login(coach)
        counts.append(tally_queries(client, cohort))
    assert counts[0] == counts[1]
