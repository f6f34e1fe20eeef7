"""Seed a large dataset for the benchmark (bench/run): the demo, then `--teams N` more city teams.

At the default 400 teams: 20 cohorts, 400 teams with 2,000 participants and their coaches, 8,000
TA sessions, 12,000 submission versions, 50,000 notifications, plus applications, action items,
RDC progress and indicators in proportion. Built from the demo factories (cms/demo/factories.py),
unsaved (`.build()`) and written with `bulk_create`, so 400 teams take about a minute.

Every account it makes signs in with the demo password, so like seed_demo it runs only with
DEBUG on, unless `--force` says this database is a throwaway one (the benchmark's).
"""

import datetime
import itertools
import math

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from cms import demo_content as demo
from cms.demo import factories as f
from coaching.groups import coaches_group_ensure
from coaching.models import ActionItem, ActionItemStatus, CoachAssignment, TASession
from cohorts.assignments.models import (
    Feedback,
    FeedbackDecision,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
)
from cohorts.models import Cohort, Membership, Team
from cohorts.progress.models import CriterionProgress, Indicator, Measurement, ProgressStatus
from cohorts.registration.models import Registration, RegistrationStatus
from cohorts.schedule.services import cohort_generate_sessions
from notifications.models import Notification, NotificationKind
from sprints.models import ChecklistItem, Program
from sprints.schemas import empty_content

DEBUG_REQUIRED = (
    "seed_bench creates accounts with the demo's published password, so it runs only with DEBUG on "
    "(DEBUG=1), or with --force on a throwaway database."
)

#: Per team, the proportions the issue asks for at 400 teams.
TEAMS_PER_COHORT = 20
MEMBERS_PER_TEAM = 5  # 2,000 participants
TEAMS_PER_COACH = 10
TA_SESSIONS_PER_TEAM = 20  # 8,000
VERSIONS_PER_TEAM = 30  # 12,000
NOTIFICATIONS_PER_MEMBER = 25  # 50,000
DEMO_COACH_EXTRA_TEAMS = 8  # the demo coach's own two teams, and these
PENDING_APPLICATIONS_PER_COHORT = 3
BATCH = 2000


class Command(BaseCommand):
    help = "Seed the demo plus --teams N large-scale teams for the benchmark (DEBUG only, or --force)."

    def add_arguments(self, parser):
        parser.add_argument("--teams", type=int, default=400, help="How many teams to add (default 400).")
        parser.add_argument(
            "--force", action="store_true", help="Run with DEBUG off (a throwaway benchmark database)."
        )

    def handle(self, *args, teams, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(DEBUG_REQUIRED)
        if teams < 1:
            raise CommandError("--teams must be at least 1.")
        with override_settings(DEBUG=True):  # the demo underneath has the same rule
            call_command("seed_demo", verbosity=0)
        started = timezone.now()
        with translation.override("en"), transaction.atomic():
            counts = BenchSeeder(teams=teams, today=timezone.localdate()).run()
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(self.style.SUCCESS(f"Benchmark data added in {seconds:.0f} s:"))
        for name, count in counts.items():
            self.stdout.write(f"  {name:<22} {count:>7,}")


def batched(objects, size=BATCH):
    iterator = iter(objects)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def bulk(model, objects):
    created = []
    for chunk in batched(objects):
        created += model.objects.bulk_create(chunk)
    return created


class BenchSeeder:
    def __init__(self, *, teams, today):
        self.team_count = teams
        self.today = today
        self.this_monday = today - datetime.timedelta(days=today.weekday())
        self.password = make_password(demo.DEMO_PASSWORD)  # hashed once, shared by every account
        self.run_id = Team.objects.filter(name__startswith="Bench ").count()  # a second run adds more
        self.now = timezone.now()

    def run(self):
        self.staff = User.objects.get(email=demo.STAFF["email"])
        self.demo_coach = User.objects.get(email=demo.COACH["email"])
        self.programs = list(Program.objects.prefetch_related("roles", "focus_areas", "templates"))
        self.items = list(ChecklistItem.objects.all())
        cohorts = self.cohorts()
        coaches = self.coaches()
        teams = self.teams(cohorts)
        members = self.members(teams)
        self.registrations(teams, members, cohorts)
        self.coach_assignments(teams, coaches)
        sessions = self.ta_sessions(teams, members)
        self.action_items(sessions, members)
        versions = self.submissions(teams, members)
        self.progress(teams)
        self.indicators(teams, members)
        notifications = self.notifications(teams, members)
        return {
            "cohorts": len(cohorts),
            "teams": len(teams),
            "participants": sum(len(team_members) for team_members in members.values()),
            "coaches": len(coaches),
            "TA sessions": len(sessions),
            "submission versions": versions,
            "notifications": notifications,
            "cohorts in the database": Cohort.objects.count(),
            "teams in the database": Team.objects.count(),
        }

    # People

    def users(self, prefix, count, **fields):
        users = bulk(
            User,
            [
                f.UserFactory.build(
                    email=f"bench-{prefix}-{self.run_id}-{number}@example.org",
                    full_name=f"Bench {prefix.title()} {self.run_id}-{number}",
                    password=None,  # no hashing per account: the shared hash is set below
                    **fields,
                )
                for number in range(count)
            ],
        )
        User.objects.filter(pk__in=[user.pk for user in users]).update(password=self.password)
        bulk(EmailAddress, [EmailAddress(user=u, email=u.email, primary=True, verified=True) for u in users])
        return users

    def coaches(self):
        coaches = self.users("coach", max(1, math.ceil(self.team_count / TEAMS_PER_COACH)), is_staff=True)
        group = coaches_group_ensure()
        group.user_set.add(*coaches)
        return coaches

    # Cohorts and teams

    def cohorts(self):
        cohorts = []
        for number in range(max(2, math.ceil(self.team_count / TEAMS_PER_COHORT))):
            program = self.programs[number % len(self.programs)]
            # Spread over the last year and the next quarter: most running or past, some open.
            start = self.this_monday - datetime.timedelta(weeks=(number * 3) % 52 - 8)
            language = "es" if number % 2 else "en"
            cohort = f.CohortFactory(
                program=program,
                name=f"Bench cohort {self.run_id}-{number}",
                name_es=f"Cohorte de prueba {self.run_id}-{number}",
                language=language,
                time_zone="America/Bogota" if language == "es" else "America/New_York",
                start_date=start,
                registration_opens=start - datetime.timedelta(weeks=10),
                registration_deadline=start - datetime.timedelta(weeks=2),
                capacity=TEAMS_PER_COHORT + PENDING_APPLICATIONS_PER_COHORT,
                meeting_url=f"https://meet.example.org/bench-{self.run_id}-{number}",
            )
            cohort_generate_sessions(cohort=cohort)
            cohorts.append(cohort)
        return cohorts

    def teams(self, cohorts):
        teams = []
        for number in range(self.team_count):
            cohort = cohorts[number % len(cohorts)]
            focus_areas = list(cohort.program.focus_areas.all())
            teams.append(
                f.TeamFactory.build(
                    cohort=cohort,
                    name=f"Bench {self.run_id}-{number} procurement",
                    city=f"Bench City {self.run_id}-{number}",
                    jurisdiction="Ohio",
                    focus_area=focus_areas[number % len(focus_areas)] if focus_areas else None,
                    challenge_statement="Few vendors bid and our contract data is hard to find.",
                )
            )
        return bulk(Team, teams)

    def members(self, teams):
        users = self.users("participant", len(teams) * MEMBERS_PER_TEAM)
        memberships = []
        for index, team in enumerate(teams):
            roles = list(team.cohort.program.roles.all())
            for seat in range(MEMBERS_PER_TEAM):
                memberships.append(
                    f.MembershipFactory.build(
                        team=team,
                        user=users[index * MEMBERS_PER_TEAM + seat],
                        role=roles[seat % len(roles)] if roles else None,
                        sort_order=seat,
                    )
                )
        bulk(Membership, memberships)
        by_team = {}
        for membership in memberships:
            by_team.setdefault(membership.team_id, []).append(membership)
        return by_team

    def registrations(self, teams, members, cohorts):
        registrations = [
            f.RegistrationFactory.build(
                cohort=team.cohort,
                applicant=members[team.pk][0].user,
                city=team.city,
                team_name=team.name,
                focus_area=team.focus_area,
                status=RegistrationStatus.ACCEPTED,
                reviewer=self.staff,
                submitted_at=self.now - datetime.timedelta(days=60),
                decided_at=self.now - datetime.timedelta(days=50),
            )
            for team in teams
        ]
        bulk(Registration, registrations)
        for registration, team in zip(registrations, teams, strict=True):
            team.registration = registration
        Team.objects.bulk_update(teams, ["registration"], batch_size=BATCH)
        applicants = self.users("applicant", len(cohorts) * PENDING_APPLICATIONS_PER_COHORT)
        bulk(
            Registration,
            [
                f.RegistrationFactory.build(
                    cohort=cohort,
                    applicant=applicants[index * PENDING_APPLICATIONS_PER_COHORT + number],
                    city=f"Applicant City {cohort.pk}-{number}",
                    status=RegistrationStatus.SUBMITTED,
                    submitted_at=self.now - datetime.timedelta(days=number + 1),
                )
                for index, cohort in enumerate(cohorts)
                for number in range(PENDING_APPLICATIONS_PER_COHORT)
            ],
        )

    def coach_assignments(self, teams, coaches):
        assignments = []
        for index, team in enumerate(teams):
            coach = self.demo_coach if index < DEMO_COACH_EXTRA_TEAMS else coaches[index % len(coaches)]
            team.coach = coach
            assignments.append(
                f.CoachAssignmentFactory.build(team=team, coach=coach, starts_on=team.cohort.start_date)
            )
        bulk(CoachAssignment, assignments)

    # Coaching

    def ta_sessions(self, teams, members):
        sessions = []
        for team in teams:
            start = datetime.datetime.combine(team.cohort.start_date, datetime.time(15), tzinfo=datetime.UTC)
            for number in range(TA_SESSIONS_PER_TEAM):
                sessions.append(
                    f.TASessionFactory.build(
                        team=team,
                        coach=team.coach,
                        starts_at=start + datetime.timedelta(days=4 * number),
                        minutes=45 + 15 * (number % 2),
                        summary=f"Session {number + 1}: reviewed the data systems map and vendor outreach.",
                        private_notes="Sponsor engaged; deputy needs support on publication.",
                    )
                )
        sessions = bulk(TASession, sessions)
        attendees = TASession.attendees.through
        bulk(
            attendees,
            [
                attendees(tasession_id=session.pk, membership_id=member.pk)
                for session in sessions
                for member in members[session.team_id][:2]
            ],
        )
        return sessions

    def action_items(self, sessions, members):
        items = []
        for number, session in enumerate(sessions[::4]):
            owner = members[session.team_id][number % MEMBERS_PER_TEAM]
            done = number % 3 == 0
            items.append(
                f.ActionItemFactory.build(
                    team=session.team,
                    ta_session=session,
                    description=f"Publish award notices batch {number}",
                    owner=owner,
                    due_on=session.starts_at.date() + datetime.timedelta(days=14),
                    status=ActionItemStatus.DONE if done else ActionItemStatus.OPEN,
                    completed_by=owner.user if done else None,
                    completed_at=session.starts_at + datetime.timedelta(days=7) if done else None,
                )
            )
        bulk(ActionItem, items)

    # Work and progress

    def submissions(self, teams, members):
        submissions, versions, plans = [], [], []
        for team in teams:
            templates = sorted(team.cohort.program.templates.all(), key=lambda t: (t.due_week, t.pk))
            if not templates:
                continue
            per_template = math.ceil(VERSIONS_PER_TEAM / len(templates))
            remaining = VERSIONS_PER_TEAM
            for template in templates:
                count = min(per_template, remaining)
                remaining -= count
                author = members[team.pk][0].user
                submission = f.SubmissionFactory.build(
                    team=team,
                    template=template,
                    content=empty_content(template.kind),
                    status=SubmissionStatus.SUBMITTED if count else SubmissionStatus.DRAFT,
                    version_number=count,
                    updated_by=author,
                    submitted_at=self.now - datetime.timedelta(days=2) if count else None,
                )
                submissions.append(submission)
                plans.append((submission, count, author))
        bulk(Submission, submissions)
        for submission, count, author in plans:
            for number in range(1, count + 1):
                versions.append(
                    f.SubmissionVersionFactory.build(
                        submission=submission,
                        number=number,
                        content=submission.content,
                        submitted_by=author,
                        submitted_at=self.now - datetime.timedelta(days=2 + 7 * (count - number)),
                    )
                )
        versions = bulk(SubmissionVersion, versions)
        latest = {}
        for version in versions:
            latest[version.submission_id] = version
        bulk(
            Feedback,
            [
                f.FeedbackFactory.build(
                    version=version,
                    author=version.submission.team.coach,
                    decision=FeedbackDecision.CHANGES_REQUESTED,
                    body="Add the award stage and who publishes it.",
                )
                for version in versions
                if version.number < version.submission.version_number  # the newest awaits review
            ],
        )
        return len(versions)

    def progress(self, teams):
        rows = []
        for index, team in enumerate(teams):
            for number, item in enumerate(self.items):
                status = [ProgressStatus.MET, ProgressStatus.IN_PROGRESS, ProgressStatus.NOT_STARTED][
                    (index + number) % 3
                ]
                verified = status == ProgressStatus.MET and number % 2 == 0
                rows.append(
                    f.CriterionProgressFactory.build(
                        team=team,
                        item=item,
                        status=status,
                        verified_by=team.coach if verified else None,
                        verified_at=self.now - datetime.timedelta(days=3) if verified else None,
                    )
                )
        bulk(CriterionProgress, rows)

    def indicators(self, teams, members):
        indicators = [
            f.IndicatorFactory.build(
                team=team,
                name=name,
                unit=unit,
                baseline_value=2,
                baseline_date=team.cohort.start_date - datetime.timedelta(days=1),
            )
            for team in teams
            for name, unit in (("Bids per solicitation", "bids"), ("Share of new vendors", "%"))
        ]
        bulk(Indicator, indicators)
        bulk(
            Measurement,
            [
                f.MeasurementFactory.build(
                    indicator=indicator,
                    measured_on=indicator.baseline_date + datetime.timedelta(days=30 * (number + 1)),
                    value=3 + number,
                    recorded_by=members[indicator.team_id][0].user,
                )
                for indicator in indicators
                for number in range(3)
            ],
        )

    def notifications(self, teams, members):
        kinds = [NotificationKind.FEEDBACK, NotificationKind.TA_SUMMARY, NotificationKind.ANNOUNCEMENT]
        week_ago = self.now - datetime.timedelta(days=7)

        def link(team, language):
            with translation.override(language):
                return reverse("cohorts:team_home", args=[team.pk])

        def rows():
            for team in teams:
                links = {language: link(team, language) for language in ("en", "es")}
                for membership in members[team.pk]:
                    for number in range(NOTIFICATIONS_PER_MEMBER):
                        created = self.now - datetime.timedelta(hours=12 * number)
                        yield f.NotificationFactory.build(
                            user=membership.user,
                            kind=kinds[number % len(kinds)],
                            title_en=f"Update {number} for {team.name}",
                            title_es=f"Novedad {number} de {team.name}",
                            link_en=links["en"],
                            link_es=links["es"],
                            created_at=created,
                            read_at=created if created < week_ago else None,
                        )

        return len(bulk(Notification, rows()))
