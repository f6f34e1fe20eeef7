"""What people read while a cohort's day and time are being agreed (issue #14), and the members'
schedule poll page: answering, changing answers, read-only once closed, and who may open it."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from cms.demo import factories as f
from cohorts.schedule.models import ScheduleAnswer, ScheduleVote
from cohorts.schedule.services import cohort_schedule_confirm, schedule_poll_open
from sprints.models import Weekday

pytestmark = pytest.mark.django_db

# Registration is open on 4 Jan 2027 (cohorts of the factories start on 1 Feb 2027).
DURING_REGISTRATION = datetime.datetime(2027, 1, 4, 12, 0, tzinfo=datetime.UTC)
YES, IF_NEEDED, NO = ScheduleAnswer.YES, ScheduleAnswer.IF_NEEDED, ScheduleAnswer.NO


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(DURING_REGISTRATION, tick=False):
        yield


@pytest.fixture
def cohort():
    """Madrid time; the program starts on Monday 1 Feb 2027."""
    return f.ToBeAgreedCohortFactory(name="Primavera", time_zone="Europe/Madrid")


@pytest.fixture
def team(cohort):
    return f.TeamFactory(cohort=cohort, name="Sevilla")


@pytest.fixture
def member(team):
    """A member in Bogotá, six hours behind Madrid in February."""
    return f.MembershipFactory(team=team, user__time_zone="America/Bogota", user__full_name="Ana Ruiz")


@pytest.fixture
def staff():
    return f.StaffUserFactory()


@pytest.fixture
def slots(cohort):
    poll = f.SchedulePollFactory(cohort=cohort)
    return [
        f.ScheduleSlotFactory(poll=poll, weekday=Weekday.WEDNESDAY, local_time=datetime.time(10, 0)),
        f.ScheduleSlotFactory(poll=poll, weekday=Weekday.MONDAY, local_time=datetime.time(1, 30)),
    ]


@pytest.fixture
def open_poll(slots, staff):
    schedule_poll_open(poll=slots[0].poll, by=staff)
    return slots[0].poll


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def poll_url(team, language="en"):
    with translation.override(language):
        return reverse("cohorts:team_schedule_poll", kwargs={"team_pk": team.pk})


def answers_of(membership):
    return dict(ScheduleVote.objects.filter(membership=membership).values_list("slot_id", "answer"))


# Until the day and time are agreed, every page says so and shows no time


def test_the_program_page_says_the_schedule_is_being_agreed_never_a_time(client, program_index, cohort):
    page = f.ProgramPageFactory(parent=program_index, program=cohort.program)
    html = client.get(page.get_url()).content.decode()
    card = re.search(rf'id="cohort-{cohort.pk}">(.*?)</li>', html, re.S).group(1)
    card_text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", card))
    assert "the day and time are being agreed with the participants (Europe/Madrid)" in card_text
    assert "In the week of Feb. 1, 2027" in card_text
    assert "Taught in English — day and time agreed with the participants" in card_text
    assert not re.search(r"\d{1,2}:\d{2}", card_text)


def test_the_program_page_says_it_in_spanish_too(client, program_index, cohort):
    page = f.ProgramPageFactory(parent=program_index, program=cohort.program)
    with translation.override("es"):
        url = page.get_url()
    assert "se están acordando con los participantes" in text(client.get(url))


def test_the_application_form_and_the_application_say_the_schedule_is_being_agreed(client, cohort, user):
    client.force_login(user)
    with translation.override("en"):
        url = reverse("cohorts:registration_start", args=[cohort.pk])
    assert "Live sessions: Day and time being agreed with the participants" in text(client.get(url))
    registration = f.RegistrationFactory(cohort=cohort, applicant=user)
    detail = text(client.get(reverse("cohorts:registration_detail", args=[registration.pk])))
    assert "Live sessions Day and time being agreed with the participants" in detail


def test_an_agreed_cohort_shows_its_day_and_time_on_the_application(client, user):
    cohort = f.CohortFactory(weekday=Weekday.TUESDAY, time_zone="America/New_York")
    client.force_login(user)
    page = text(client.get(reverse("cohorts:registration_start", args=[cohort.pk])))
    # The abbreviation is left out when the run crosses a change between EST and EDT.
    assert "Live sessions: Tuesdays at 11 a.m." in page
    assert "(America/New York)" in page


def test_the_team_home_says_the_schedule_is_being_agreed_and_asks_for_answers(
    client, team, member, open_poll
):
    client.force_login(member.user)
    page = text(client.get(reverse("cohorts:team_home", args=[team.pk])))
    assert "The day and time of the sessions are being agreed with the participants" in page
    assert "A schedule poll waits for your answers" in page
    assert "No sessions are coming up" not in page


def test_the_team_home_tells_a_member_who_answered_they_can_still_change(
    client, team, member, open_poll, slots
):
    f.ScheduleVoteFactory(slot=slots[0], membership=member)
    client.force_login(member.user)
    page = text(client.get(reverse("cohorts:team_home", args=[team.pk])))
    assert "You have answered the schedule poll" in page


def test_the_team_home_of_an_agreed_cohort_shows_no_poll_panel(client, member):
    agreed = f.MembershipFactory()
    client.force_login(agreed.user)
    assert "Day and time of the sessions" not in text(
        client.get(reverse("cohorts:team_home", args=[agreed.team.pk]))
    )


def test_the_team_schedule_says_the_schedule_is_being_agreed(client, team, member):
    client.force_login(member.user)
    page = text(client.get(reverse("cohorts:team_schedule", args=[team.pk])))
    assert "are being agreed with the participants: the sessions appear here once staff confirm them" in page
    assert "Week 1" in page and not re.search(r"\d{2}:\d{2}", page)


# The member's poll page


def test_a_member_sees_each_slot_in_their_own_time_zone_with_the_cohorts_alongside(
    client, team, member, open_poll
):
    client.force_login(member.user)
    page = text(client.get(poll_url(team)))
    assert "Times are in your time zone, America/Bogota" in page
    # Wednesday 10:00 in Madrid (CET) is 04:00 in Bogotá; Monday 01:30 in Madrid is Sunday 19:30 there.
    assert "Wednesday, 04:00 (Wednesday 10:00 in Europe/Madrid)" in page
    assert "Sunday, 19:30 (Monday 01:30 in Europe/Madrid)" in page


def test_a_member_answers_then_changes_the_answers(client, team, member, open_poll, slots):
    client.force_login(member.user)
    data = {f"slot-{slots[0].pk}": YES, f"slot-{slots[1].pk}": NO}
    response = client.post(poll_url(team), data, follow=True)
    assert "your answers are saved" in text(response)
    assert answers_of(member) == {slots[0].pk: YES, slots[1].pk: NO}

    page = client.get(poll_url(team)).content.decode()
    assert re.search(rf'name="slot-{slots[0].pk}" value="yes"[^>]*checked', page)
    client.post(poll_url(team), {f"slot-{slots[0].pk}": IF_NEEDED, f"slot-{slots[1].pk}": YES})
    assert answers_of(member) == {slots[0].pk: IF_NEEDED, slots[1].pk: YES}


def test_a_missing_answer_is_shown_beside_the_slot_and_keeps_the_other_answer(
    client, team, member, open_poll, slots
):
    client.force_login(member.user)
    response = client.post(poll_url(team), {f"slot-{slots[0].pk}": IF_NEEDED})
    assert response.status_code == 400
    assert "Choose an answer for this slot." in text(response)
    assert re.search(rf'name="slot-{slots[0].pk}" value="if_needed"[^>]*checked', response.content.decode())
    assert answers_of(member) == {}


def test_the_poll_page_answers_in_spanish(client, team, member, open_poll):
    member.user.preferred_language = "es"
    member.user.save()
    client.force_login(member.user)
    page = text(client.get(poll_url(team, "es")))
    assert "¿Cuándo deberían ser las sesiones?" in page and "Me viene bien" in page


def test_once_the_poll_closes_the_answers_are_read_only(client, team, member, open_poll, slots, staff):
    f.ScheduleVoteFactory(slot=slots[0], membership=member, answer=IF_NEEDED)
    cohort_schedule_confirm(cohort=team.cohort, slot=slots[0], by=staff)
    client.force_login(member.user)
    page = client.get(poll_url(team))
    assert "The poll is closed: the day and time are confirmed" in text(page)
    assert 'name="slot-' not in page.content.decode()
    assert "If needed" in text(page)

    response = client.post(
        poll_url(team), {f"slot-{slots[0].pk}": NO, f"slot-{slots[1].pk}": NO}, follow=True
    )
    assert "This poll is not open for answers." in text(response)
    assert answers_of(member) == {slots[0].pk: IF_NEEDED}


def test_members_do_not_see_a_poll_staff_have_not_opened(client, team, member, slots):
    client.force_login(member.user)
    page = text(client.get(poll_url(team)))
    assert "Program staff will soon propose slots here" in page
    assert "Wednesday" not in page


def test_a_member_of_another_cohort_gets_a_404(client, team, open_poll):
    stranger = f.MembershipFactory(team=f.TeamFactory(cohort=f.ToBeAgreedCohortFactory()))
    client.force_login(stranger.user)
    assert client.get(poll_url(team)).status_code == 404
    assert client.post(poll_url(team), {}).status_code == 404


def test_a_member_of_an_archived_team_gets_a_404(client, team, member, open_poll, slots):
    team.archived_at = timezone.now()
    team.save()
    client.force_login(member.user)
    assert client.get(poll_url(team)).status_code == 404
    data = {f"slot-{slots[0].pk}": YES, f"slot-{slots[1].pk}": YES}
    assert client.post(poll_url(team), data).status_code == 404
    assert answers_of(member) == {}


def test_a_coach_reads_the_poll_without_answering(client, team, open_poll, slots):
    from tests.coaching_helpers import make_coach

    coach = make_coach()
    f.CoachAssignmentFactory(team=team, coach=coach)
    client.force_login(coach)
    page = client.get(poll_url(team))
    assert page.status_code == 200 and "Wednesday" in text(page)
    assert 'name="slot-' not in page.content.decode()
    assert client.post(poll_url(team), {f"slot-{slots[0].pk}": YES}).status_code == 404


# Bounded queries


def build(cohort, team, member, size):
    poll = f.SchedulePollFactory(cohort=cohort)
    slots = [
        f.ScheduleSlotFactory(poll=poll, weekday=day % 7, local_time=datetime.time(8 + day % 10, 0))
        for day in range(size)
    ]
    others = [f.MembershipFactory(team=team) for _ in range(size)]
    for slot in slots:
        f.ScheduleVoteFactory(slot=slot, membership=member)
        for other in others:
            f.ScheduleVoteFactory(slot=slot, membership=other, answer=NO)
    return poll


@pytest.mark.parametrize("size", [2, 12])
def test_the_poll_page_runs_a_bounded_number_of_queries(client, staff, size, django_assert_max_num_queries):
    cohort = f.ToBeAgreedCohortFactory()
    team = f.TeamFactory(cohort=cohort)
    member = f.MembershipFactory(team=team)
    schedule_poll_open(poll=build(cohort, team, member, size), by=staff)
    client.force_login(member.user)
    client.get(poll_url(team))  # warm the per-process caches
    with django_assert_max_num_queries(12):
        assert client.get(poll_url(team)).status_code == 200


def test_the_poll_page_runs_the_same_queries_with_2_and_12_slots(client, staff, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (2, 12):
        cohort = f.ToBeAgreedCohortFactory()
        team = f.TeamFactory(cohort=cohort)
        member = f.MembershipFactory(team=team)
        schedule_poll_open(poll=build(cohort, team, member, size), by=staff)
        client.force_login(member.user)
        client.get(poll_url(team))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(poll_url(team)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
