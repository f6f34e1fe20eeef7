"""`manage.py seed_demo` loads bilingual demo content, only with DEBUG on, and only once."""

import datetime
import io
import re

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
from django.utils import timezone
from wagtail.models import Page, Site

from accounts.models import User
from cms.demo_content import DEMO_LOGINS, DEMO_PASSWORD
from cms.management.commands.seed_demo import DEBUG_REQUIRED
from cms.models import HomePage, ProgramIndexPage, ProgramPage, StandardPage
from coaching.models import CoachAssignment, TASession
from cohorts.assignments.models import Submission
from cohorts.models import Cohort, CohortStatus, Membership
from cohorts.schedule.calendar import calendar_feed_url
from cohorts.schedule.models import Session
from cohorts.schedule.services import calendar_feed_reset, session_update
from sprints.models import AssignmentKind, AssignmentTemplate, Criterion, Program, ProgramKind

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
    staff, coach, participant, participant2 = (User.objects.get(email=email) for email in DEMO_EMAILS)
    for user in (staff, coach, participant, participant2):
        assert client.login(email=user.email, password=DEMO_PASSWORD)
        assert EmailAddress.objects.filter(user=user, email=user.email, primary=True, verified=True).exists()
    assert staff.is_staff and staff.is_superuser
    assert coach.is_staff and not coach.is_superuser
    assert coach.groups.filter(name="Coaches").exists()
    assert coach.has_perm("wagtailadmin.access_admin")
    assert not participant.is_staff and not participant2.is_staff

    first_team = Membership.objects.get(user=participant).team
    second_team = Membership.objects.get(user=participant2).team
    assert first_team.city != second_team.city
    assert participant2.preferred_language == "es"
    assert second_team.cohort.language == "es"
    coached = set(CoachAssignment.objects.filter(coach=coach).values_list("team", flat=True))
    assert coached == {first_team.pk, second_team.pk}
    assert TASession.objects.filter(coach=coach, team=first_team).exclude(private_notes="").exists()
    assert first_team.action_items.exists()
    assert Submission.objects.filter(team=first_team, version_number__gte=1).exists()
    assert Submission.objects.filter(team=first_team, status="draft").exists()
    assert first_team.criterion_progress.filter(verified_at__isnull=False).exists()


def test_seed_demo_writes_the_criteria_and_programs_in_both_languages(seeded):
    rdc7 = Criterion.objects.get(code="RDC7")
    assert rdc7.title_es == "Datos de contratación abiertos y compartidos"
    for code in ["RDC7", "RDC8"]:
        criterion = Criterion.objects.get(code=code)
        items = list(criterion.items.all())
        assert 1 <= criterion.required_count < len(items)
        assert all(item.text_es and item.guidance_es for item in items)

    for program in Program.objects.all():
        assert program.name_es and program.summary_es and program.outcomes_es and program.fit_criteria_es
        assert all(plan.title_es for plan in program.session_plans.all())
        assert all(role.name_es and role.description_es for role in program.roles.all())
        assert all(area.name_es and area.description_es for area in program.focus_areas.all())
    assert {t.kind for t in AssignmentTemplate.objects.all()} == set(AssignmentKind.values)
    assert all(t.title_es and t.instructions_es for t in AssignmentTemplate.objects.all())

    track = Program.objects.get(kind=ProgramKind.TRACK)
    assert (track.duration_weeks, track.team_size_min, track.team_size_max, track.mou_required) == (
        26,
        4,
        5,
        True,
    )
    assert [(r.name, r.min_count, r.max_count, r.required) for r in track.roles.all()] == [
        ("Head of purchasing", 1, 1, True),
        ("Deputy or buyer", 1, 1, True),
        ("Executive sponsor", 2, 3, True),
    ]
    assert track.focus_areas.count() == 4
    spanish = Program.objects.filter(cohorts__language="es").distinct().get()
    assert spanish.ta_cadence_days == 14
    assert list(spanish.session_plans.values_list("kind", "minutes")) == [("masterclass", 60)] * 4 + [
        ("showtime", 90)
    ]


def test_seed_demo_makes_its_home_page_the_default_site_root(seeded, client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists()
    about = StandardPage.objects.get(slug_en="about")
    assert (about.title_es, about.slug_es) == ("Acerca de Ruta", "acerca")
    assert client.get("/en/about/").status_code == 200
    assert "Acerca de Ruta" in client.get("/es/acerca/").text
    assert "Sprint de contratación abierta" in client.get("/es/").text


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
    assert "Sprint de contratación abierta" in spanish.text
    assert spanish.text.count('class="card program-card"') == 1
    page = client.get("/es/programas/sprint-contratacion-abierta/")
    assert page.status_code == 200
    assert "10:00 AST (America/Puerto Rico)" in page.text  # the Spanish cohort's Wednesday session time


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
    assert client.get("/es/programas/sprint-contratacion-abierta/").status_code == 200
    seed()
    assert row_counts() == after


def test_seed_demo_schedules_every_curriculum_session_for_each_cohort(seeded):
    today = timezone.localdate()
    cohorts = Cohort.objects.select_related("program")
    assert Program.objects.count() == 3
    assert cohorts.count() == 4
    for cohort in cohorts:
        plans = set(cohort.program.session_plans.values_list("pk", flat=True))
        assert plans
        assert set(cohort.sessions.values_list("plan", flat=True)) == plans
        assert all(
            session.starts_at.astimezone(cohort.zone).weekday() == cohort.weekday
            for session in cohort.sessions.all()
        )
    statuses = sorted(
        (cohort.program.kind + cohort.language, cohort.compute_status(today)) for cohort in cohorts
    )
    assert statuses == [
        ("sprinten", CohortStatus.IN_PROGRESS),
        ("sprintes", CohortStatus.IN_PROGRESS),
        ("sprintes", CohortStatus.REGISTRATION_OPEN),  # the next Spanish run takes applications now
        ("tracken", CohortStatus.REGISTRATION_OPEN),
    ]


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

    for language in ("en", "es"):
        mail.outbox.clear()
        next_session = (
            Session.objects.filter(cohort__language=language, starts_at__gt=timezone.now())
            .order_by("starts_at")
            .first()
        )
        members = User.objects.filter(memberships__team__cohort=next_session.cohort_id).distinct()
        with time_machine.travel(next_session.starts_at - datetime.timedelta(hours=2), tick=False):
            call_command("send_reminders", stdout=io.StringIO())
        reminders = [m for m in mail.outbox if m.subject.startswith(("Reminder", "Recordatorio"))]
        assert sorted(m.to[0] for m in reminders) == sorted(member.email for member in members)
        for message in reminders:
            member = members.get(email=message.to[0])
            expected = "Recordatorio" if member.preferred_language == "es" else "Reminder"
            assert message.subject.startswith(expected)
        mail.outbox.clear()
        with time_machine.travel(next_session.starts_at - datetime.timedelta(hours=1), tick=False):
            call_command("send_reminders", stdout=io.StringIO())
        assert mail.outbox == []
