"""The opening checklist (#18, cohorts.opening): what is missing to open a cohort, on its edit page
and, for the cohorts starting within six weeks, on the admin home."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.demo import factories as f
from cohorts.models import Cohort
from cohorts.opening import FACTS, opening_checklist, opening_soon, with_opening_facts
from cohorts.opening_panels import CohortsOpeningSoonPanel
from cohorts.schedule.services import cohort_generate_sessions
from tests.coaching_helpers import coached_team, make_coach

D = datetime.date
TODAY = D(2027, 1, 11)  # registration (from 2026-12-21 to 2027-01-25) is open; week 1 starts 2027-02-01


# -- The checklist from the facts, without a database ---------------------------------------------------


def annotated(**facts):
    """A cohort as with_opening_facts() returns it, every item done unless `facts` says otherwise."""
    cohort = Cohort(
        pk=7,
        program_id=3,
        name="Spring 2027",
        time_zone="America/Bogota",
        weekday=0,
        local_time=datetime.time(11, 0),
        start_date=D(2027, 2, 1),
        end_date=D(2027, 4, 25),
        registration_opens=D(2026, 12, 21),
        registration_deadline=D(2027, 1, 25),
    )
    values = {
        "plan_count": 12,
        "generated_count": 12,
        "team_count": 4,
        "teams_without_coach": 0,
        "announcements_sent": 1,
        "announcements_drafted": 0,
        "break_weeks": 0,
        **facts,
    }
    for name, value in values.items():
        setattr(cohort, name, value)
    return cohort


def items(checklist):
    return {item.key: item for item in checklist.items}


def test_a_cohort_with_everything_in_place_is_ready():
    checklist = opening_checklist(annotated(), today=TODAY)
    assert [item.key for item in checklist.items] == [
        "dates",
        "schedule",
        "sessions",
        "coaches",
        "announcement",
        "registration",
    ]
    assert checklist.is_ready
    assert checklist.done_count == 6
    assert all(item.url and item.detail and item.action for item in checklist.items)


def test_each_missing_item_says_what_is_missing_and_links_to_where_it_is_fixed():
    cohort = annotated(
        generated_count=5, teams_without_coach=2, announcements_sent=0, announcements_drafted=1
    )
    checklist = opening_checklist(cohort, today=D(2026, 12, 1))
    found = items(checklist)

    assert [item.key for item in checklist.missing] == ["sessions", "coaches", "announcement", "registration"]
    assert found["sessions"].detail == "5 of 12 curriculum sessions are scheduled."
    assert found["sessions"].url == reverse("cohorts_generate_sessions", args=[7])
    assert found["coaches"].detail == "2 of 4 teams have no coach."
    assert found["coaches"].url == reverse("coachassignment:add")
    assert found["announcement"].detail == "1 announcement is written but not sent."
    assert found["announcement"].url == f"{reverse('announcement:index')}?cohort=7&sent=unsent"
    assert found["registration"].detail == "Registration opens on Dec. 21, 2026."
    assert found["registration"].url == reverse("cohort:edit", args=[7])


def test_schedule_to_be_agreed_links_to_the_poll():
    cohort = annotated()
    cohort.schedule_to_be_agreed, cohort.weekday, cohort.local_time = True, None, None
    item = items(opening_checklist(cohort, today=TODAY))["schedule"]
    assert not item.done
    assert item.url == reverse("cohorts_schedule_poll", args=[7])


def test_schedule_done_names_the_day_time_zone_and_breaks():
    item = items(opening_checklist(annotated(break_weeks=2), today=TODAY))["schedule"]
    assert item.done
    assert item.detail == "Monday at 11:00 (America/Bogota). 2 break weeks."


@pytest.mark.parametrize(
    "facts, detail",
    [
        ({"team_count": 0, "teams_without_coach": 0}, "No team has been accepted yet."),
        ({"plan_count": 0, "generated_count": 0}, "The program's curriculum has no sessions yet."),
        ({"announcements_sent": 0}, "No announcement has been sent to the cohort yet."),
    ],
)
def test_nothing_there_yet_is_missing(facts, detail):
    checklist = opening_checklist(annotated(**facts), today=TODAY)
    assert [item.detail for item in checklist.missing] == [detail]


def test_registration_closed_counts_as_done():
    item = items(opening_checklist(annotated(), today=D(2027, 1, 28)))["registration"]
    assert item.done
    assert item.detail == "Registration closed on Jan. 25, 2027."


def test_the_checklist_needs_the_annotated_facts():
    with pytest.raises(ValueError, match="with_opening_facts"):
        opening_checklist(Cohort(pk=1, program_id=1), today=TODAY)


# -- The facts from the database ------------------------------------------------------------------------


@pytest.mark.django_db
def test_teams_without_a_coach_are_counted_once_each_whatever_else_the_cohort_has():
    cohort = f.CohortFactory()
    for _ in range(3):
        f.SessionPlanFactory(program=cohort.program)
    cohort_generate_sessions(cohort=cohort)
    f.AnnouncementFactory(cohort=cohort, sent=True)
    f.AnnouncementFactory(cohort=cohort, sent=True)
    f.AnnouncementFactory(cohort=cohort)
    f.CohortBreakFactory(cohort=cohort, weeks=2)
    two_coaches = coached_team(make_coach(), cohort=cohort)
    f.CoachAssignmentFactory(team=two_coaches, role="supporting")
    coached_team(make_coach(), cohort=cohort)
    coach_left = f.TeamFactory(cohort=cohort)
    f.CoachAssignmentFactory(team=coach_left, starts_on=D(2026, 12, 1), ends_on=D(2027, 1, 5))
    f.TeamFactory(cohort=cohort)  # never had a coach
    f.TeamFactory(cohort=cohort, archived_at=timezone.now())  # withdrawn: not counted
    other = f.TeamFactory()  # another cohort's team without a coach
    assert other.cohort_id != cohort.pk

    facts = with_opening_facts(Cohort.objects.filter(pk=cohort.pk)).get()

    assert {name: getattr(facts, name) for name in FACTS} == {
        "plan_count": 3,
        "generated_count": 3,
        "team_count": 4,
        "teams_without_coach": 2,
        "announcements_sent": 2,
        "announcements_drafted": 1,
        "break_weeks": 2,
    }
    coaches = items(opening_checklist(facts, today=TODAY))["coaches"]
    assert (coaches.done, coaches.detail) == (False, "2 of 4 teams have no coach.")


@pytest.mark.django_db
def test_a_cohort_with_nothing_has_zero_facts():
    facts = with_opening_facts(Cohort.objects.filter(pk=f.CohortFactory().pk)).get()
    assert {name: getattr(facts, name) for name in FACTS} == dict.fromkeys(FACTS, 0)


@pytest.mark.django_db
def test_opening_soon_lists_the_cohorts_starting_within_six_weeks_soonest_first():
    later = f.CohortFactory(start_date=D(2027, 2, 15))
    sooner = f.CohortFactory(start_date=D(2027, 2, 1))
    f.CohortFactory(start_date=D(2027, 3, 1))  # in seven weeks
    f.CohortFactory(start_date=D(2027, 1, 4))  # started
    assert list(opening_soon(TODAY)) == [sooner, later]


# -- In the admin ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_cohort_edit_page_shows_the_checklist_and_the_add_page_does_not(staff_client):
    cohort = f.CohortFactory()
    f.SessionPlanFactory(program=cohort.program)
    f.TeamFactory(cohort=cohort)

    page = staff_client.get(reverse("cohort:edit", args=[cohort.pk])).text

    assert "Opening checklist" in page
    assert 'data-opening-item="sessions" data-missing' in page
    assert reverse("cohorts_generate_sessions", args=[cohort.pk]) in page
    assert "1 of 1 team has no coach." in page
    assert "Opening checklist" not in staff_client.get(reverse("cohort:add")).text
    assert "Opening checklist" not in staff_client.get(reverse("cohort:copy", args=[cohort.pk])).text


def edit_page_queries(client, cohort):
    url = reverse("cohort:edit", args=[cohort.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_checklist_queries_do_not_grow_with_the_cohort(staff_client):
    cohort = f.CohortFactory()
    f.SessionPlanFactory(program=cohort.program)
    coached_team(make_coach(), cohort=cohort)
    f.AnnouncementFactory(cohort=cohort)
    small = edit_page_queries(staff_client, cohort)
    for _ in range(5):
        f.SessionPlanFactory(program=cohort.program)
        coached_team(make_coach(), cohort=cohort)
        f.TeamFactory(cohort=cohort)
        f.AnnouncementFactory(cohort=cohort, sent=True)
    cohort_generate_sessions(cohort=cohort)
    assert edit_page_queries(staff_client, cohort) <= small


@pytest.mark.django_db
def test_the_admin_home_lists_the_cohorts_opening_soon_with_what_is_missing(staff_client):
    soon = f.CohortFactory(start_date=timezone.localdate() + datetime.timedelta(weeks=3))
    f.SessionPlanFactory(program=soon.program)
    far = f.CohortFactory(start_date=timezone.localdate() + datetime.timedelta(weeks=10))

    html = staff_client.get(reverse("wagtailadmin_home")).text

    assert "Cohorts opening soon" in html
    assert f'data-opening-cohort="{soon.pk}"' in html
    assert f'data-opening-cohort="{far.pk}"' not in html
    assert "in 21 days" in html
    assert reverse("cohort:edit", args=[soon.pk]) in html
    assert reverse("cohorts_generate_sessions", args=[soon.pk]) in html
    assert "No team has been accepted yet." in html


@pytest.mark.django_db
def test_coaches_who_are_not_staff_never_see_the_cohorts_opening_soon(client):
    coach = make_coach()
    coached_team(coach, cohort=f.CohortFactory(start_date=timezone.localdate() + datetime.timedelta(weeks=2)))
    client.force_login(coach)
    page = client.get(reverse("wagtailadmin_home"))
    assert page.status_code == 200
    assert "Cohorts opening soon" not in page.text


def render_opening_soon(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return CohortsOpeningSoonPanel(request).render_html({})


def opening_soon_queries(user):
    render_opening_soon(user)
    with CaptureQueriesContext(connection) as queries:
        render_opening_soon(user)
    return len(queries)


@pytest.mark.django_db
def test_the_opening_soon_panel_queries_do_not_grow_with_cohorts(staff_user):
    start = timezone.localdate() + datetime.timedelta(weeks=3)
    f.CohortFactory(start_date=start)
    small = opening_soon_queries(staff_user)
    for _ in range(6):
        cohort = f.CohortFactory(start_date=start)
        f.SessionPlanFactory(program=cohort.program)
        coached_team(make_coach(), cohort=cohort)
        f.TeamFactory(cohort=cohort)
        f.AnnouncementFactory(cohort=cohort)
    assert render_opening_soon(staff_user).count("data-opening-cohort=") == 7
    assert opening_soon_queries(staff_user) <= small
