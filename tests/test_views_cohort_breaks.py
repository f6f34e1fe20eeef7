"""Break weeks in the admin (the cohort form's inline) and in the team workspace (the week strip,
"Break — back in week N", the schedule), with query counts that do not grow with breaks."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.demo import factories as f
from cohorts.models import Cohort
from cohorts.schedule.models import CohortBreak, Session
from cohorts.schedule.services import cohort_generate_sessions
from sprints.models import SessionKind, Weekday

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
D = datetime.date
START = D(2027, 2, 1)


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def cohort():
    program = f.ProgramFactory(duration_weeks=12)
    for week in (1, 5, 12):
        f.SessionPlanFactory(program=program, week=week, kind=SessionKind.WORKSHOP, title=f"Week {week} call")
    cohort = f.CohortFactory(
        program=program,
        name="Spring 2027",
        name_es="Primavera 2027",
        weekday=Weekday.TUESDAY,
        time_zone="America/New_York",
        start_date=START,
    )
    cohort_generate_sessions(cohort=cohort)
    return cohort


@pytest.fixture
def member(cohort):
    return f.MembershipFactory(team=f.TeamFactory(cohort=cohort))


# The admin: breaks as an inline of the cohort's form


def cohort_form_data(cohort, breaks, saved_breaks=0):
    return nested_form_data(
        {
            "program": cohort.program_id,
            "name_en": cohort.name_en,
            "name_es": cohort.name_es or "",
            "language": cohort.language,
            "time_zone": cohort.time_zone,
            "weekday": cohort.weekday,
            "local_time": "11:00",
            "start_date": cohort.start_date.isoformat(),
            "registration_opens": cohort.registration_opens.isoformat(),
            "registration_deadline": cohort.registration_deadline.isoformat(),
            "capacity": cohort.capacity,
            "meeting_url": cohort.meeting_url,
            "breaks": inline_formset(breaks, initial=saved_breaks),
        }
    )


def test_the_cohort_form_shows_the_break_inline(staff_client, cohort):
    page = staff_client.get(reverse("cohort:edit", args=[cohort.pk])).text
    assert "Break weeks" in page
    assert 'name="breaks-TOTAL_FORMS"' in page
    assert 'name="breaks-__prefix__-reason_es"' in page


def test_staff_add_a_break_and_later_sessions_move_and_members_are_told(staff_client, cohort, member):
    data = cohort_form_data(
        cohort,
        [{"starts_on": "2027-03-03", "weeks": 2, "reason_en": "Spring holidays", "reason_es": "Vacaciones"}],
    )
    response = staff_client.post(reverse("cohort:edit", args=[cohort.pk]), data, follow=True)

    assert response.status_code == 200
    brk = CohortBreak.objects.get(cohort=cohort)
    assert (brk.starts_on, brk.weeks, brk.reason_en, brk.reason_es) == (
        D(2027, 3, 1),  # normalised to the first day of the cohort's week
        2,
        "Spring holidays",
        "Vacaciones",
    )
    cohort.refresh_from_db()
    assert cohort.end_date == D(2027, 5, 9)
    week_5 = Session.objects.get(cohort=cohort, week=5)
    assert (week_5.starts_at.astimezone(cohort.zone).date(), week_5.sequence) == (D(2027, 3, 16), 1)
    assert "2 sessions moved to their new dates; 1 members told." in text(response)
    assert len(mail.outbox) == 1


def test_the_admin_message_names_the_sessions_left_alone(staff_client, cohort, member):
    by_hand = Session.objects.get(cohort=cohort, week=12)
    by_hand.starts_at = datetime.datetime(2027, 5, 6, 15, 0, tzinfo=UTC)  # a week later than planned
    by_hand.save()
    data = cohort_form_data(
        cohort, [{"starts_on": "2027-03-01", "weeks": 1, "reason_en": "", "reason_es": ""}]
    )
    response = staff_client.post(reverse("cohort:edit", args=[cohort.pk]), data, follow=True)
    page = text(response)
    assert "1 session moved to its new date" in page
    assert "Left on the date staff gave it (moved by hand, cancelled or added by hand): Week 12 call" in page


def test_overlapping_breaks_are_refused_beside_the_field_and_nothing_is_lost(staff_client, cohort):
    data = cohort_form_data(
        cohort,
        [
            {"starts_on": "2027-03-01", "weeks": 3, "reason_en": "Long break", "reason_es": ""},
            {"starts_on": "2027-03-08", "weeks": 1, "reason_en": "Overlapping break", "reason_es": ""},
        ],
    )
    response = staff_client.post(reverse("cohort:edit", args=[cohort.pk]), data)

    assert response.status_code == 200
    formset = response.context["form"].formsets["breaks"]
    assert formset.forms[0].errors == {}
    assert formset.forms[1].errors["starts_on"] == [
        "This break overlaps the break that starts the week of March 1, 2027."
    ]
    page = response.text
    assert "Overlapping break" in page and "Long break" in page  # nothing typed is lost
    assert not CohortBreak.objects.exists()


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ({"starts_on": "2027-02-03", "weeks": 1}, "starts_on", "A break can start in the second week"),
        ({"starts_on": "2027-03-01", "weeks": 9}, "weeks", "Ensure this value is less than or equal to 8."),
        (
            {"starts_on": "2027-06-07", "weeks": 1},
            "starts_on",
            "This break starts after the last program week",
        ),
    ],
)
def test_each_break_rule_has_its_message_beside_the_field(staff_client, cohort, row, field, message):
    data = cohort_form_data(cohort, [{**row, "reason_en": "", "reason_es": ""}])
    response = staff_client.post(reverse("cohort:edit", args=[cohort.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].formsets["breaks"].forms[0].errors[field]
    assert errors[0].startswith(message)


def test_the_break_messages_are_in_spanish_for_a_spanish_admin(client, cohort):
    staff = f.StaffUserFactory(email="personal@example.com", preferred_language="es")
    client.force_login(staff)
    data = cohort_form_data(
        cohort, [{"starts_on": "2027-02-02", "weeks": 1, "reason_en": "", "reason_es": ""}]
    )
    response = client.post(reverse("cohort:edit", args=[cohort.pk]), data)
    assert "Una pausa puede empezar, como muy pronto, en la segunda semana de la cohorte" in text(response)
    assert "8 de febrero de 2027" in text(response)


def test_a_new_cohort_can_be_added_with_its_breaks(staff_client):
    program = f.ProgramFactory(duration_weeks=12)
    cohort = Cohort(
        program=program,
        name_en="English sprint",
        name_es="Sprint en inglés",
        language="en",
        time_zone="America/New_York",
        weekday=Weekday.TUESDAY,
        start_date=D(2024, 10, 28),
        registration_opens=D(2024, 9, 1),
        registration_deadline=D(2024, 10, 18),
        capacity=10,
        meeting_url="",
    )
    breaks = [
        {
            "starts_on": "2024-11-25",
            "weeks": 1,
            "reason_en": "Thanksgiving",
            "reason_es": "Acción de Gracias",
        },
        {"starts_on": "2024-12-16", "weeks": 3, "reason_en": "Winter holidays", "reason_es": "Vacaciones"},
        {"starts_on": "2025-02-03", "weeks": 2, "reason_en": "Pause", "reason_es": "Pausa"},
    ]
    response = staff_client.post(reverse("cohort:add"), cohort_form_data(cohort, breaks))
    assert response.status_code == 302, response.context["form"].errors
    created = Cohort.objects.get(name_en="English sprint")
    assert created.end_date == D(2025, 3, 2)
    assert created.week_start(12) == D(2025, 2, 24)


# The team workspace


def home(client, team):
    return client.get(reverse("cohorts:team_home", kwargs={"team_pk": team.pk}))


def schedule(client, team):
    return client.get(reverse("cohorts:team_schedule", kwargs={"team_pk": team.pk}))


@pytest.fixture
def with_break(cohort):
    return f.CohortBreakFactory(
        cohort=cohort, starts_on=D(2027, 3, 1), weeks=2, reason="Spring holidays", reason_es="Vacaciones"
    )


def test_during_a_break_the_home_says_when_the_program_comes_back(client, cohort, member, with_break):
    with time_machine.travel(datetime.datetime(2027, 3, 9, 15, tzinfo=UTC), tick=False):
        client.force_login(member.user)
        response = home(client, member.team)
    page = text(response)
    assert "Break — back in week 5 on March 15, 2027" in page
    assert "Spring holidays" in page
    strip = response.context["timeline"]
    assert [item.number or "break" for item in strip][:6] == [1, 2, 3, 4, "break", 5]
    assert [item.is_break for item in strip if item.is_current] == [True]
    assert "timeline__week--break" in page


def test_the_break_in_spanish(client, cohort, with_break):
    member = f.MembershipFactory(
        team=f.TeamFactory(cohort=cohort), user=f.UserFactory(preferred_language="es")
    )
    with time_machine.travel(datetime.datetime(2027, 3, 9, 15, tzinfo=UTC), tick=False):
        client.force_login(member.user)
        with translation.override("es"):
            url = reverse("cohorts:team_home", kwargs={"team_pk": member.team.pk})
        page = text(client.get(url))
    assert "Pausa — se retoma en la semana 5 el 15 de marzo de 2027" in page
    assert "Vacaciones" in page


def test_the_week_after_a_break_is_week_5_of_12(client, cohort, member, with_break):
    with time_machine.travel(datetime.datetime(2027, 3, 15, 15, tzinfo=UTC), tick=False):
        client.force_login(member.user)
        assert "Week 5 of 12" in text(home(client, member.team))


def test_the_schedule_shows_the_break_weeks_between_program_weeks(client, cohort, member, with_break):
    with time_machine.travel(datetime.datetime(2027, 2, 10, 15, tzinfo=UTC), tick=False):
        client.force_login(member.user)
        page = text(schedule(client, member.team))
    assert "Break: Spring holidays" in page
    assert "No program for 2 weeks." in page
    assert page.index("Week 4") < page.index("Break: Spring holidays") < page.index("Week 5")


def test_the_assignments_show_their_due_date_after_the_break(client, cohort, member, with_break):
    f.AssignmentTemplateFactory(program=cohort.program, due_week=5, title="Journey map")
    with time_machine.travel(datetime.datetime(2027, 3, 9, 15, tzinfo=UTC), tick=False):
        client.force_login(member.user)
        response = home(client, member.team)
    (row,) = response.context["assignments"]
    assert (row.due_on, row.is_overdue) == (D(2027, 3, 21), False)


def count_queries(client, url):
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("view", ["team_home", "team_schedule"])
def test_workspace_queries_do_not_grow_with_breaks(client, cohort, member, view):
    url = reverse(f"cohorts:{view}", kwargs={"team_pk": member.team.pk})
    with time_machine.travel(datetime.datetime(2027, 3, 9, 15, tzinfo=UTC), tick=False):
        client.force_login(member.user)
        f.CohortBreakFactory(cohort=cohort, starts_on=D(2027, 3, 1), weeks=1)
        one = count_queries(client, url)
        f.CohortBreakFactory(cohort=cohort, starts_on=D(2027, 3, 22), weeks=2)
        f.CohortBreakFactory(cohort=cohort, starts_on=D(2027, 4, 19), weeks=3)
        three = count_queries(client, url)
    assert one == three


def test_copying_a_cohort_copies_its_breaks_as_new_ones(staff_client, cohort):
    original = f.CohortBreakFactory(cohort=cohort, starts_on=D(2027, 3, 1), weeks=2, reason="Spring holidays")
    copy_page = staff_client.get(reverse("cohort:copy", args=[cohort.pk]))
    formset = copy_page.context["form"].formsets["breaks"]
    assert [form.initial["starts_on"] for form in formset.forms] == [D(2027, 3, 1)]
    assert 'name="breaks-0-id" id="id_breaks-0-id"' in copy_page.text  # no id: a new row

    data = cohort_form_data(
        cohort,
        [{"id": "", "starts_on": "2027-03-01", "weeks": 2, "reason_en": "Spring holidays", "reason_es": ""}],
        saved_breaks=1,  # as the copy page posts it
    )
    data["name_en"] = "Spring 2027 (copy)"
    response = staff_client.post(reverse("cohort:add"), data)

    assert response.status_code == 302, response.context["form"].errors
    copied = Cohort.objects.get(name_en="Spring 2027 (copy)")
    assert [(b.starts_on, b.weeks) for b in copied.breaks.all()] == [(D(2027, 3, 1), 2)]
    original.refresh_from_db()
    assert original.cohort_id == cohort.pk
    assert copied.end_date == cohort.end_date == D(2027, 5, 9)
