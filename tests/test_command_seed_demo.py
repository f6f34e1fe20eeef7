"""`manage.py seed_demo` loads bilingual demo content, only with DEBUG on, and only once."""

import datetime
import io
import re
import zoneinfo
from collections import Counter

import icalendar
import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.models import Page, Site

from accounts.models import User
from cms.demo_content import DEMO_LOGINS, DEMO_PASSWORD, EXAMPLE_ITEM, EXAMPLE_SET
from cms.management.commands.seed_demo import DEBUG_REQUIRED, DemoSeeder
from cms.models import HomePage, ProgramIndexPage, ProgramPage, StandardPage
from coaching.models import CoachAssignment, TASession
from cohorts.assignments.kinds import public_text
from cohorts.assignments.models import Submission
from cohorts.models import Cohort, CohortStatus, Membership, Team
from cohorts.opendata import evidence as data_evidence
from cohorts.opendata.selectors import read_reports
from cohorts.peers.models import PeerPairing
from cohorts.progress.models import CertificationRecord
from cohorts.registration.models import SignedMOU
from cohorts.schedule.calendar import calendar_feed_url
from cohorts.schedule.models import ScheduleVote, Session
from cohorts.schedule.services import calendar_feed_reset, session_update
from cohorts.sharing.models import SharedResult
from sprints.models import (
    AssignmentKind,
    AssignmentTemplate,
    Criterion,
    CriterionSet,
    Program,
    ProgramKind,
    Weekday,
)

pytestmark = pytest.mark.django_db

DEMO_EMAILS = [email for email, _description in DEMO_LOGINS]


@pytest.fixture
def seed(settings):
    """Run the command as a developer would, with DEBUG on; return what it printed."""
    settings.DEBUG = True

    def run():
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
        return out.getvalue()

    return run


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """The demo seeded once for the module's reading tests; return what the command printed.

    The seed runs inside a transaction that is rolled back after the module's last test, so no
    row outlives the module; each test runs in its own nested transaction (a savepoint), so
    what a test writes (a sign-in's session, say) is rolled back before the next one. The demo
    stays until the module ends, so the tests that start from an empty database come first.
    """
    with django_db_blocker.unblock(), override_settings(DEBUG=True), transaction.atomic():
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_once, db):
    """The demo content, seeded once per module; tests that change demo data use `seed` instead."""
    return seeded_once


def row_counts():
    models = [
        model
        for label in ("accounts", "notifications", "cms", "sprints", "cohorts", "coaching")
        for model in apps.get_app_config(label).get_models()
    ]
    models += [Page, Site, Group, EmailAddress]
    return {model._meta.label: model._default_manager.count() for model in models}


def test_seed_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match=re.escape(DEBUG_REQUIRED)):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.exists()
    assert not Program.objects.exists()


def test_seed_demo_run_twice_changes_no_row_counts(seed):
    seed()
    first = row_counts()
    seed()
    assert row_counts() == first
    for label in [
        "sprints.SessionPlan",
        "cohorts.Session",
        "cohorts.Team",
        "coaching.TASession",
        "accounts.User",
    ]:
        assert first[label] > 0, label


# A Wednesday, then the Sunday of the same week: the demo's cohorts are in the same states all week.
FROZEN_DAYS = [datetime.date(2027, 3, 17), datetime.date(2027, 3, 21)]


@pytest.mark.parametrize("today", FROZEN_DAYS, ids=["wednesday", "sunday"])
def test_seed_demo_places_one_cohort_in_each_state_relative_to_today(seed, today):
    with time_machine.travel(
        datetime.datetime.combine(today, datetime.time(12), tzinfo=datetime.UTC), tick=False
    ):
        seed()
    cohorts = Cohort.objects.select_related("program").order_by("program__slug", "start_date", "language")
    assert [
        (cohort.program.slug.split("-")[0], cohort.language, cohort.start_date, cohort.compute_status(today))
        for cohort in cohorts
    ] == [
        # The English sprint: the run under way (week 5), then the next one taking applications.
        ("opening", "en", datetime.date(2027, 2, 15), CohortStatus.IN_PROGRESS),
        ("opening", "es", datetime.date(2027, 2, 15), CohortStatus.IN_PROGRESS),
        ("opening", "en", datetime.date(2027, 6, 28), CohortStatus.REGISTRATION_OPEN),
        ("opening", "es", datetime.date(2027, 6, 28), CohortStatus.REGISTRATION_OPEN),
        # The track: the previous run finished (its team walked the whole chain); the next takes applications.
        ("procurement", "en", datetime.date(2026, 6, 8), CohortStatus.FINISHED),
        ("procurement", "en", datetime.date(2027, 5, 10), CohortStatus.REGISTRATION_OPEN),
        # The Spanish sprint: the previous run finished; the next starts next Monday, registration closed.
        ("seizing", "es", datetime.date(2026, 8, 3), CohortStatus.FINISHED),
        ("seizing", "es", datetime.date(2027, 3, 22), CohortStatus.REGISTRATION_CLOSED),
    ]
    running = Cohort.objects.get(language="en", start_date=datetime.date(2027, 2, 15))
    assert running.week_number(today) == 5
    assert running.registration_deadline == datetime.date(2027, 2, 5)  # a Friday, ten days before
    closed = Cohort.objects.get(start_date=datetime.date(2027, 3, 22))
    assert closed.registration_deadline == datetime.date(2027, 3, 10)  # twelve days before, as the real run
    assert closed.teams.exists()  # accepted teams agree on the day and time


HOOKS = [
    "seed_team_size_recommendation",
    "seed_application_questions",
    "seed_application_answers",
    "seed_criterion_set",
    "seed_breaks",
    "seed_schedule_poll",
    "seed_mou",
    "seed_certification",
    "seed_phase_plan",
]


def test_seed_demo_hands_each_later_feature_its_data_through_a_named_hook(seed, monkeypatch):
    """The places where break weeks, the schedule poll, the team-size recommendation, application
    questions, criterion sets, the MOU and certification levels plug into the demo."""
    calls = {name: [] for name in HOOKS}
    for name in HOOKS:
        monkeypatch.setattr(DemoSeeder, name, lambda self, *args, _name=name: calls[_name].append(args))
    seed()

    breaks = {cohort.name: data["break_weeks"] for cohort, data in calls["seed_breaks"]}
    assert len(breaks) == Cohort.objects.count()
    running = Membership.objects.get(user__email="participant@example.com").team.cohort
    assert breaks[running.name] == [6, 9, 10, 13, 14]  # 12 program weeks over 17 calendar weeks

    polls = {cohort.pk: data["schedule_poll"] for cohort, data in calls["seed_schedule_poll"]}
    agreeing = Cohort.objects.get(pk__in=polls, sessions=None)
    assert polls[agreeing.pk]["confirmed"] is None
    voters = set(polls[agreeing.pk]["votes"])
    assert voters == set(
        Membership.objects.filter(team__cohort=agreeing).values_list("user__email", flat=True)
    )

    assert [(team.city, data["mou"]["signed"]) for team, data in calls["seed_mou"]] == [
        ("Harbor City", False),
        ("Bayview", True),
    ]
    assert [team.cohort.compute_status() for team, _data in calls["seed_certification"]] == [
        CohortStatus.FINISHED
    ]
    recommended = {
        program.kind: data.get("team_size_recommended")
        for program, data in calls["seed_team_size_recommendation"]
    }
    assert recommended == {ProgramKind.SPRINT: 3, ProgramKind.TRACK: None}
    questions = {
        program.kind: data["application_questions"] for program, data in calls["seed_application_questions"]
    }
    assert len(questions[ProgramKind.TRACK]) == 3
    answered = sorted(
        (registration.city, len(data["application_answers"]))
        for registration, data in calls["seed_application_answers"]
    )
    assert answered == [("Harbor City", 3), ("Port Alder", 3)]
    assert [[criterion.code for criterion in criteria] for (criteria,) in calls["seed_criterion_set"]] == [
        ["RDC7", "RDC8"]
    ]
    ((programs, teams),) = calls["seed_phase_plan"]
    assert [data["slug"] for data in programs if data.get("phases")] == ["procurement-excellence-track"]
    assert [data["city"] for data in teams if data.get("milestones")] == ["Harbor City"]


def test_seed_demo_prints_the_demo_logins_and_password(seeded):
    for email in DEMO_EMAILS:
        assert email in seeded
    assert DEMO_PASSWORD in seeded


@pytest.mark.parametrize("email", DEMO_EMAILS)
def test_seed_demo_account_signs_in_through_the_login_form(seeded, client, email):
    response = client.post("/en/accounts/login/", {"login": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert "confirm-email" not in response.url
    assert int(client.session["_auth_user_id"]) == User.objects.get(email=email).pk


def test_seed_demo_accounts_have_their_roles(seeded, client):
    staff, coach, participant, participant2, gpl_coach = (
        User.objects.get(email=email) for email in DEMO_EMAILS
    )
    for user in (staff, coach, participant, participant2, gpl_coach):
        assert client.login(email=user.email, password=DEMO_PASSWORD)
        assert EmailAddress.objects.filter(user=user, email=user.email, primary=True, verified=True).exists()
    assert staff.is_staff and staff.is_superuser
    for a_coach in (coach, gpl_coach):
        assert a_coach.is_staff and not a_coach.is_superuser
        assert a_coach.groups.filter(name="Coaches").exists()
        assert a_coach.has_perm("wagtailadmin.access_admin")
    assert not participant.is_staff and not participant2.is_staff

    first_team = Membership.objects.get(user=participant).team
    second_team = Membership.objects.get(user=participant2).team
    assert first_team.city != second_team.city
    assert participant2.preferred_language == "es"
    # The two language cohorts of the same sprint: English on Tuesdays, Spanish on Wednesdays.
    assert (first_team.cohort.language, first_team.cohort.weekday) == ("en", Weekday.TUESDAY)
    assert (second_team.cohort.language, second_team.cohort.weekday) == ("es", Weekday.WEDNESDAY)
    assert first_team.cohort.program == second_team.cohort.program
    assert first_team.cohort.start_date == second_team.cohort.start_date
    coached = set(CoachAssignment.objects.filter(coach=coach, ends_on=None).values_list("team", flat=True))
    assert coached == {first_team.pk, second_team.pk}
    gpl_teams = Team.objects.filter(coach_assignments__coach=gpl_coach, coach_assignments__ends_on=None)
    assert [team.cohort.program.kind for team in gpl_teams] == [ProgramKind.TRACK]
    assert TASession.objects.filter(coach=coach, team=first_team).exclude(private_notes="").exists()
    assert first_team.action_items.exists()
    assert Submission.objects.filter(team=first_team, version_number__gte=1).exists()
    assert Submission.objects.filter(team=first_team, status="draft").exists()
    assert first_team.criterion_progress.filter(verified_at__isnull=False).exists()


def program(slug_prefix):
    return Program.objects.get(slug__startswith=slug_prefix)


def test_seed_demo_programs_carry_their_own_titles_in_both_languages(seeded):
    english, spanish, track = program("opening-up"), program("seizing"), program("procurement-excellence")
    assert english.name_en == (
        "Opening Up Opportunity in City Contracting: Improving Your Vendor Participation Through Outreach "
        "and Data Sprint"
    )
    assert spanish.name_en == (
        "Seizing Opportunities in Public Procurement: Using Data to Improve Spending and Increase Supplier "
        "Engagement"
    )
    assert spanish.name_es.startswith("Aprovechar las oportunidades en las compras públicas")
    assert track.name_en == "Procurement Excellence Track"
    for item in (english, spanish, track):
        assert ProgramPage.objects.get(program=item).title == item.name_en


def test_seed_demo_writes_every_translated_field_in_spanish(seeded):
    for item in Program.objects.all():
        for field in ("name", "summary", "audience", "activities", "outcomes", "fit_criteria"):
            assert getattr(item, f"{field}_es"), (item.slug, field)
            assert getattr(item, f"{field}_es") != getattr(item, f"{field}_en"), (item.slug, field)
        assert all(plan.title_es and plan.description_es for plan in item.session_plans.all())
        assert all(role.name_es and role.description_es for role in item.roles.all())
        assert all(area.name_es and area.description_es for area in item.focus_areas.all())
    assert {t.kind for t in AssignmentTemplate.objects.all()} == set(AssignmentKind.values)
    assert all(t.title_es and t.instructions_es for t in AssignmentTemplate.objects.all())


def test_seed_demo_programs_state_their_audience_fit_and_outputs(seeded):
    english, spanish, track = program("opening-up"), program("seizing"), program("procurement-excellence")
    assert "Teams of ideally three people" in english.audience_en
    assert "idealmente tres personas" in english.audience_es
    assert "An electronic procurement system helps but is not required" in english.fit_criteria_en
    assert "A procurement data mapping exercise, if time and capacity allow" in english.outcomes_en
    assert "RDC7 (Open and Shared Procurement Data)" in english.outcomes_en
    assert "RDC8 (Supporting Vendor Participation and Competition)" in english.outcomes_en
    assert "RDC7 (Open and Shared Contracting Data)" in spanish.outcomes_en
    assert "RDC8 (Supporting Supplier Engagement and Competition)" in spanish.outcomes_en
    assert "raised their What Works Cities certification level" in spanish.outcomes_en
    assert "on a day and at a time the participants choose together" in spanish.activities_en
    assert "Harvard Kennedy School MOU before the engagement starts" in track.fit_criteria_en
    assert "City Data Alliance Accelerator" in track.summary_en
    assert "GPL coach" in track.activities_en


def test_seed_demo_english_sprint_runs_weekly_with_two_workshops_and_two_cohort_calls(seeded):
    english = program("opening-up")
    assert Counter(english.session_plans.values_list("kind", flat=True)) == {"workshop": 2, "cohort_call": 2}
    assert english.ta_cadence_days == 7
    # "Ideally 3": a recommendation, with no hard limit.
    assert (english.team_size_recommended, english.team_size_min, english.team_size_max) == (3, None, None)
    runs = {}
    for cohort in english.cohorts.all():
        runs.setdefault(cohort.start_date, set()).add((cohort.language, cohort.weekday))
    assert list(runs.values()) == [{("en", Weekday.TUESDAY), ("es", Weekday.WEDNESDAY)}] * 2
    assert [(t.key, t.kind, t.optional) for t in english.templates.order_by("due_week")] == [
        ("stakeholder-interviews", "stakeholder_interviews", False),
        ("vendor-journey-map", "vendor_journey_map", False),
        ("data-mapping", "data_systems_map", True),
        ("pilot-plan", "pilot_plan", False),
    ]
    mapping = english.templates.get(key="data-mapping")
    assert "if time and capacity allow" in mapping.title_en
    assert "si el tiempo y la capacidad lo permiten" in mapping.title_es


def test_seed_demo_spanish_sprint_has_four_masterclasses_a_showtime_and_ta_every_two_weeks(seeded):
    spanish = program("seizing")
    assert list(spanish.session_plans.values_list("kind", "minutes")) == [("masterclass", 60)] * 4 + [
        ("showtime", 90)
    ]
    assert spanish.ta_cadence_days == 14
    assert set(spanish.cohorts.values_list("language", flat=True)) == {"es"}
    assert [(t.kind, t.optional) for t in spanish.templates.order_by("due_week")] == [
        ("data_systems_map", True),
        ("vendor_journey_map", True),
        ("pilot_plan", False),
    ]


def test_seed_demo_track_has_its_roles_hours_challenge_areas_and_mou(seeded):
    track = program("procurement-excellence")
    assert (
        track.kind,
        track.duration_weeks,
        track.team_size_min,
        track.team_size_max,
        track.mou_required,
    ) == (
        ProgramKind.TRACK,
        26,
        4,
        5,
        True,
    )
    assert [(r.name, r.min_count, r.max_count, r.required, r.hours, r.period) for r in track.roles.all()] == [
        ("Head of purchasing / procurement", 1, 1, True, 3, "week"),
        ("Purchasing / procurement deputy or buyer", 1, 1, True, 3, "week"),
        ("Executive sponsor", 2, 3, True, 3, "month"),
    ]
    sponsor = track.roles.get(name_en="Executive sponsor")
    assert (
        "beacon project" in sponsor.description_en and "Chief Performance Officer" in sponsor.description_en
    )
    areas = list(track.focus_areas.all())
    assert [area.name for area in areas] == [
        "Efficiency and fairness",
        "Results-driven procurement",
        "Equity",
        "Procurement as a strategic function",
    ]
    assert "shorter cycle times" in areas[0].description and "vendor diversity" in areas[2].description
    due = dict(track.templates.values_list("key", "due_week"))
    assert due["baseline-summary"] < due["ocds-assessment"]  # the OCDS assessment is implementation work


def test_seed_demo_criteria_carry_the_program_names_and_say_their_items_are_an_example(seeded):
    rdc7, rdc8 = Criterion.objects.get(code="RDC7"), Criterion.objects.get(code="RDC8")
    assert (rdc7.title_en, rdc7.title_es) == (
        "Open and Shared Procurement Data",
        "Datos de contratación abiertos y compartidos",
    )
    assert rdc8.title_en == "Supporting Vendor Participation and Competition"
    for criterion in (rdc7, rdc8):
        assert EXAMPLE_SET[0] in criterion.description_en
        assert EXAMPLE_SET[1] in criterion.description_es
        items = list(criterion.items.all())
        assert 1 <= criterion.required_count < len(items)
        for item in items:
            assert item.text_es
            assert item.guidance_en.startswith(EXAMPLE_ITEM[0])
            assert item.guidance_es.startswith(EXAMPLE_ITEM[1])


def test_seed_demo_makes_its_home_page_the_default_site_root(seeded, client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists()
    about = StandardPage.objects.get(slug_en="about")
    assert (about.title_es, about.slug_es) == ("Acerca de Ruta", "acerca")
    assert client.get("/en/about/").status_code == 200
    assert "Acerca de Ruta" in client.get("/es/acerca/").text
    assert "Aprovechar las oportunidades en las compras públicas" in client.get("/es/").text


def test_seed_demo_puts_the_program_pages_under_the_program_index(seeded, client):
    home = Site.objects.get(is_default_site=True).root_page
    index = ProgramIndexPage.objects.get()
    assert index.get_parent().pk == home.pk
    assert (index.title, index.title_es, index.slug_en, index.slug_es) == (
        "Programs",
        "Programas",
        "programs",
        "programas",
    )
    assert ProgramPage.objects.child_of(index).count() == Program.objects.count() == 3
    assert not ProgramPage.objects.child_of(home).exists()
    english = client.get("/en/programs/")
    assert english.status_code == 200
    assert english.text.count('class="card program-card"') == 3
    spanish = client.get("/es/programas/?language=es")
    assert "Aprovechar las oportunidades en las compras públicas" in spanish.text
    assert spanish.text.count('class="card program-card"') == 2  # both sprints run in Spanish
    page = client.get("/es/programas/abrir-oportunidades-contratacion-municipal/")
    assert page.status_code == 200
    # Both language cohorts of each run side by side, each labelled in its own language.
    assert page.text.count('class="card-list cohort-run"') == 2
    assert page.text.count("Taught in English — Tuesdays 11:00 New York time") == 2
    assert page.text.count("En español — miércoles 11:00, hora de Nueva York") == 2
    assert client.get("/es/programas/aprovechar-oportunidades-compras-publicas/").status_code == 200


def test_seed_demo_moves_program_pages_of_an_earlier_seed_under_the_index(seed, client):
    """Seeds before the program index put the program pages directly under the home page."""
    seed()
    home = Site.objects.get(is_default_site=True).root_page
    for page in ProgramPage.objects.all():
        page.move(home, pos="last-child")
    ProgramIndexPage.objects.get().delete()
    before = row_counts()
    seed()
    index = ProgramIndexPage.objects.get()
    assert ProgramPage.objects.child_of(index).count() == 3
    assert not ProgramPage.objects.child_of(home).exists()
    after = row_counts()
    assert after["wagtailcore.Page"] == before["wagtailcore.Page"] + 1
    assert client.get("/en/programs/procurement-excellence-track/").status_code == 200
    assert client.get("/es/programas/aprovechar-oportunidades-compras-publicas/").status_code == 200
    seed()
    assert row_counts() == after


def test_seed_demo_schedules_every_curriculum_session_for_each_cohort_with_an_agreed_slot(seeded):
    cohorts = Cohort.objects.select_related("program")
    assert Program.objects.count() == 3
    assert cohorts.count() == 8
    for cohort in cohorts:
        plans = set(cohort.program.session_plans.values_list("pk", flat=True))
        assert plans
        if cohort.program.slug.startswith("seizing") and cohort.compute_status() != CohortStatus.FINISHED:
            # The day and time are still being agreed with the participants: no made-up session.
            assert not cohort.sessions.exists()
            continue
        assert set(cohort.sessions.values_list("plan", flat=True)) == plans
        assert all(
            session.starts_at.astimezone(cohort.zone).weekday() == cohort.weekday
            for session in cohort.sessions.all()
        )


def test_demo_moving_a_session_updates_the_feed_and_reminders_go_out_once_in_each_language(seed, client):
    """The issue's acceptance check, on the demo data itself (seeded for this test: it changes it)."""
    seed()
    participant = User.objects.get(email="participant@example.com")
    cohort = participant.memberships.get().team.cohort
    session = cohort.sessions.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
    feed_url = calendar_feed_url(calendar_feed_reset(user=participant))
    uid = f"session-{session.pk}@ruta"

    def event():
        calendar = icalendar.Calendar.from_ical(client.get(feed_url).content)
        return next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == uid)

    before = event()
    session.starts_at += datetime.timedelta(hours=1)
    session_update(session=session)
    after = event()
    assert after.decoded("DTSTART") == before.decoded("DTSTART") + datetime.timedelta(hours=1)
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1

    # The next session of each language's cohort: reminders go out once, in each member's language,
    # however often send_reminders runs (the Spanish cohort meets a day after the English one, so
    # its reminders may leave during the English session's runs).
    sent = []
    for language in ("en", "es"):
        next_session = (
            Session.objects.filter(cohort__language=language, starts_at__gt=timezone.now())
            .order_by("starts_at")
            .first()
        )
        for hours in (2, 1):
            mail.outbox.clear()
            with time_machine.travel(next_session.starts_at - datetime.timedelta(hours=hours), tick=False):
                call_command("send_reminders", stdout=io.StringIO())
            reminders = ("[Ruta] Reminder", "[Ruta] Recordatorio")
            sent += [m for m in mail.outbox if m.subject.startswith(reminders)]
        members = User.objects.filter(memberships__team__cohort=next_session.cohort_id).distinct()
        assert members.exists()
        for member in members:
            theirs = [m for m in sent if m.to == [member.email]]
            assert len(theirs) == 1, member.email
            expected = "[Ruta] Recordatorio" if member.preferred_language == "es" else "[Ruta] Reminder"
            assert theirs[0].subject.startswith(expected)
            assert getattr(next_session, f"title_{member.preferred_language}") in theirs[0].subject


def test_seed_demo_spreads_the_running_sprint_over_its_break_weeks(seeded):
    """The English sprint under way: 12 program weeks over 17 calendar weeks, a break ahead, and
    no session in a break week."""
    cohort = Membership.objects.get(user__email="participant@example.com").team.cohort
    breaks = list(cohort.breaks.order_by("starts_on"))
    assert [(row.weeks, row.reason, row.reason_es) for row in breaks] == [
        (1, "Holiday week", "Semana festiva"),
        (2, "Winter holidays", "Vacaciones de invierno"),
        (2, "Pause between phases", "Pausa entre fases"),
    ]
    assert (cohort.end_date - cohort.start_date).days + 1 == 17 * 7
    assert breaks[0].starts_on > timezone.localdate()
    break_days = {
        row.starts_on + datetime.timedelta(days=day) for row in breaks for day in range(7 * row.weeks)
    }
    starts = [timezone.localtime(session.starts_at, cohort.zone).date() for session in cohort.sessions.all()]
    assert starts and not break_days & set(starts)


def test_seed_demo_gives_the_track_its_questions_answered_and_an_mou_still_to_sign(seeded):
    track = program("procurement-excellence")
    questions = list(track.questions.order_by("sort_order"))
    assert [(q.kind, q.required, bool(q.text_es)) for q in questions] == [
        ("long_text", True, True),
        ("short_text", False, True),
        ("long_text", True, True),
    ]
    harbor = Team.objects.get(city="Harbor City")
    assert harbor.registration.answers.count() == len(questions)
    assert not SignedMOU.objects.filter(team=harbor).exists()  # the team's first open step


def test_seed_demo_criteria_are_a_labelled_example_set_every_program_uses(seeded):
    criterion_set = CriterionSet.objects.get()
    assert criterion_set.is_example
    assert "example" in criterion_set.label_en and "ejemplo" in criterion_set.label_es
    assert set(criterion_set.criteria.values_list("code", flat=True)) == {"RDC7", "RDC8"}
    assert not Program.objects.exclude(criterion_set=criterion_set).exists()


def test_seed_demo_records_a_city_raising_its_certification_level(seeded):
    records = CertificationRecord.objects.filter(team__city="Puerto Claro").order_by("certified_on")
    assert [record.level for record in records] == ["none", "silver"]


def test_seed_demo_spanish_sprint_agrees_its_schedule_with_the_participants(seeded, client):
    agreeing = Cohort.objects.get(schedule_to_be_agreed=True)
    assert (agreeing.weekday, agreeing.local_time, agreeing.sessions.count()) == (None, None, 0)
    poll = agreeing.schedule_poll
    assert poll.opened_at and not poll.closed_at
    members = Membership.objects.filter(team__cohort=agreeing).count()
    assert ScheduleVote.objects.filter(slot__poll=poll).values("membership").distinct().count() == members

    finished = Cohort.objects.exclude(pk=agreeing.pk).get(program=agreeing.program)
    assert finished.schedule_poll.confirmed_slot.weekday == finished.weekday == Weekday.THURSDAY
    assert finished.schedule_poll.closed_at

    html = client.get(agreeing.program.pages.get().url).content.decode()
    assert "the day and time are being agreed with the participants" in html


def test_seed_demo_gives_the_track_a_phase_plan_with_the_templates_in_process_order(seeded):
    """PROGRAMS.md §4: the baseline summary report in Diagnostic, the OCDS technical assessment in
    Implementation; the phases fill the track's 26 weeks, in English and Spanish."""
    track = program("procurement-excellence")
    plan = track.phase_plan()
    assert [(span.phase.name_en, span.phase.name_es, span.first_week, span.last_week) for span in plan] == [
        ("Diagnostic", "Diagnóstico", 1, 10),
        ("Design", "Diseño", 11, 18),
        ("Implementation", "Implementación", 19, 26),
    ]
    assert all(span.phase.description_en and span.phase.description_es for span in plan)
    phase_of = {template.key: template.phase_in(plan).phase.name_en for template in track.templates.all()}
    assert phase_of["environment-questionnaire"] == phase_of["baseline-summary"] == "Diagnostic"
    assert phase_of["opportunities-report"] == phase_of["action-plan"] == "Design"
    assert phase_of["ocds-assessment"] == "Implementation"
    templates = list(track.templates.order_by("due_week").values_list("key", flat=True))
    assert templates.index("baseline-summary") < templates.index("ocds-assessment")
    for other in (program("opening-up"), program("seizing")):
        assert [span.is_implicit for span in other.phase_plan()] == [True]  # sprints: one implicit phase


def test_seed_demo_track_team_has_milestones_with_a_site_visit(seeded):
    team = Team.objects.get(city="Harbor City")
    milestones = list(team.milestones.order_by("kind", "pk"))
    kinds = Counter(milestone.kind for milestone in milestones)
    assert kinds == {"site_visit": 2, "deliverable": 2, "review": 2}
    visit = team.milestones.filter(kind="site_visit").order_by("starts_at").first()
    assert visit.place and len(visit.agenda.splitlines()) == 5 and "GPL coach" in visit.other_participants
    assert {m.user.email for m in visit.participants.all()} == {
        "nadia.brooks@harborcity.example.gov",
        "eli.warren@harborcity.example.gov",
        "kevin.osei@harborcity.example.gov",
    }
    local = timezone.localtime(visit.starts_at, zoneinfo.ZoneInfo("America/New_York"))  # Harbor City's
    assert (local.date(), local.hour) == (team.cohort.week_start(3) + datetime.timedelta(days=1), 10)
    baseline = team.milestones.get(template__key="baseline-summary")
    assert baseline.due_on == team.cohort.due_date(10)


def test_seed_demo_track_has_the_design_and_implementation_templates_and_a_chain_team(seeded):
    track = program("procurement-excellence")
    order = [t.key for t in track.templates.order_by("due_week", "id")]
    design = ["data-user-guide", "design-research", "opportunities-report", "action-plan"]
    implementation = ["ocds-assessment", "ocds-work-plan"]
    positions = [order.index(key) for key in design + implementation]
    assert positions == sorted(positions)
    assert order.index("baseline-summary") < positions[0]
    team = Team.objects.get(name="Bayview Procurement Excellence")
    assert team.cohort.compute_status() == CohortStatus.FINISHED  # the previous run: all accepted
    assert set(
        Submission.objects.filter(team=team, template__key__in=design + implementation).values_list(
            "status", "version_number"
        )
    ) == {("accepted", 1)}
    contents = dict(
        Submission.objects.filter(team=team, template__key__in=design + implementation).values_list(
            "template__key", "content"
        )
    )
    assert set(contents) == set(design + implementation)
    opportunities = {o["id"] for o in contents["opportunities-report"]["opportunities"]}
    assert len(contents["opportunities-report"]["challenge_areas"]) >= 4
    assert {t["opportunity"] for t in contents["action-plan"]["tasks"]} <= opportunities
    assert any(t["depends_on"] for t in contents["action-plan"]["tasks"])
    assert public_text("action_plan", contents["action-plan"]).startswith("City purchases take")


def test_seed_demo_chain_team_fills_the_diagnostic_phase_in_order(seeded, client):
    """The previous track run's team walked the Diagnostic phase, each deliverable building on the one
    before, within the run's weeks."""
    track = program("procurement-excellence")
    keys = [key for key, _kind in track.templates.order_by("due_week").values_list("key", "kind")]
    assert keys.index("environment-questionnaire") < keys.index("key-informant-interviews")
    assert (
        keys.index("interview-notes") < keys.index("baseline-observations") < keys.index("baseline-summary")
    )
    assert keys.index("baseline-summary") < keys.index("ocds-assessment")
    kinds = dict(track.templates.values_list("key", "kind"))
    assert kinds["environment-questionnaire"] == "environment_questionnaire"
    assert kinds["key-informant-interviews"] == "key_informant_guide"
    assert kinds["baseline-summary"] == "baseline_summary"
    harbor = Team.objects.get(city="Bayview")
    work = {s.template.key: s for s in Submission.objects.filter(team=harbor).select_related("template")}
    assert all(
        harbor.cohort.start_date <= s.submitted_at.date() <= harbor.cohort.end_date
        for s in work.values()
        if s.submitted_at
    )
    observations, summary = work["baseline-observations"].content, work["baseline-summary"].content
    assert work["baseline-observations"].status == "accepted"
    area_ids = [area["id"] for area in observations["challenge_areas"]]
    assert area_ids == ["intake", "specs", "approvals", "visibility", "cycledata"]
    assert [area["id"] for area in summary["challenge_areas"]] == area_ids
    contacts = {c["id"] for c in work["outreach-tracker"].content["contacts"]}
    assert {o["contact"] for o in work["interview-notes"].content["observations"]} <= contacts
    lead = Membership.objects.filter(team=harbor).order_by("sort_order").first().user
    client.force_login(lead)
    page = client.get(f"/en/teams/{harbor.pk}/assignments/{work['baseline-summary'].template_id}/").text
    assert "Late and incomplete requests" in page and "Held but not published." in page


def test_seed_demo_pairs_a_current_team_with_an_alumni_team_and_publishes_its_case_story(seeded, client):
    pairing = PeerPairing.objects.select_related("team__focus_area", "peer__cohort", "peer__focus_area").get()
    assert (pairing.team.city, pairing.peer.city) == ("Villa Serena", "Puerto Claro")
    assert pairing.is_active and pairing.peer.cohort.status == "finished"
    assert pairing.team.focus_area.name_es == pairing.peer.focus_area.name_es  # the same challenge area
    assert {message.team_id for message in pairing.messages.all()} == {pairing.team_id, pairing.peer_id}
    story = SharedResult.objects.published().get(team=pairing.peer)
    assert story.team == pairing.peer and story.language == "es" and story.translations() == ["en"]
    assert story.indicators[0]["before"] == "1.40" and story.indicators[0]["after"] == "1.90"
    page = story.team.cohort.program.pages.get()
    for language, title in (("en", story.title_en), ("es", story.title_es)):
        with translation.override(language):
            url = page.get_url()
        html = client.get(url).text
        assert title in html
        result_url = html.split(f">{title}</a>")[0].rsplit('href="', 1)[1].split('"')[0]
        assert story.text("problem", language)[:40] in client.get(result_url).text


def test_seed_demo_publishes_the_chain_teams_action_plan_in_both_languages(seeded, client):
    """The chain's last link: observations → baseline report → opportunities → action plan → the
    plan's public version, a page of the track's program page in English and Spanish."""
    result = SharedResult.objects.published().get(slug="bayview-action-plan")
    assert result.version.submission.template.key == "action-plan"
    assert result.version.submission.status == "accepted"
    assert result.translations() == ["es"]
    page = result.team.cohort.program.pages.get()
    assert result.public_text_en.startswith("City purchases take")
    assert result.public_text_es and result.public_text_es != result.public_text_en
    for language, title in (("en", result.title_en), ("es", result.title_es)):
        with translation.override(language):
            url = page.get_url()
        html = client.get(url).text
        assert escape(title) in html
        result_url = html.split(f">{escape(title)}</a>")[0].rsplit('href="', 1)[1].split('"')[0]
        body = client.get(result_url).text
        assert result.text("public_text", language)[:40] in body


def test_seed_demo_gives_two_cities_procurement_data_read_into_reports(seeded, client):
    """Riverton's OCDS releases show its competition improving, and its linked indicators follow;
    Villa Serena's contracts spreadsheet is read through its confirmed columns."""
    riverton = Team.objects.get(name="Riverton Purchasing")
    report = read_reports(riverton).get()
    assert report.report["processes"] == 580
    assert report.format == "ocds_json"
    assert {"published", "up_to_date", "stages", "participation"} <= set(
        data_evidence.supported(report.report, as_of=report.finished_at.date())
    )
    bids = riverton.indicators.get(name="Average bids per solicitation")
    from_data = list(bids.measurements.exclude(data_import=None).order_by("measured_on"))
    assert len(from_data) >= 6
    assert from_data[-1].value > from_data[0].value
    single = riverton.indicators.get(name="Solicitations with a single bid")
    assert single.measurements.exclude(data_import=None).exists()

    villa = Team.objects.get(name="Compras Villa Serena")
    spreadsheet = read_reports(villa).get()
    assert (spreadsheet.format, spreadsheet.report["processes"]) == ("csv", 260)
    assert spreadsheet.source.column_mapping["ocid"] == "Número de proceso"
    assert spreadsheet.source.system == "Sistema financiero municipal"

    lead = riverton.memberships.order_by("sort_order").first().user
    client.force_login(lead)
    page = client.get(reverse("cohorts:team_progress", args=[riverton.pk])).content.decode()
    assert "data-data-suggestion" in page
