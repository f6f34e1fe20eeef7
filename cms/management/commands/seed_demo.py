"""Load demo content in English and Spanish, built from the demo factories (cms/demo/factories.py).

The three programs of ../shared/PROGRAMS.md with their curricula, templates and cohorts (the
English sprint's English and Spanish cohorts, one run under way and one taking applications; the
Spanish sprint's run about to start, its day and time being agreed, and its finished previous run;
the track taking applications); the RDC7 and RDC8 criteria with an example checklist; the site's
pages; city teams with coaches, TA sessions, submissions and progress; and the demo accounts.
Every date is placed relative to today. Running it again adds only what is missing and leaves
existing rows alone.
"""

import datetime
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import formats, timezone, translation
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from cms import demo_content as demo
from cms.demo import factories as f
from cms.models import HomePage, ProgramIndexPage
from coaching.groups import coaches_group_ensure
from cohorts.announcements.services import announcement_recipients
from cohorts.assignments.kinds import public_text
from cohorts.assignments.models import (
    Feedback,
    FeedbackDecision,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
)
from cohorts.models import CohortStatus, Membership, Team
from cohorts.peers.models import PeerPairing
from cohorts.phases.models import Milestone, MilestoneKind
from cohorts.phases.services import milestone_create
from cohorts.progress.models import EvidenceKind
from cohorts.registration.models import RegistrationStatus, SignedMOU
from cohorts.schedule.models import AttendanceStatus, ScheduleAnswer, SchedulePoll
from cohorts.schedule.services import cohort_generate_sessions, schedule_poll_open, schedule_vote_record
from cohorts.sharing.models import ResultKind, ResultStatus
from cohorts.sharing.services import indicator_snapshot
from notifications.models import NotificationKind
from notifications.services import notification_create
from sprints.models import AssignmentKind, CriterionSet, Program
from sprints.schemas import validate_content
from sprints.schemas.design import BASELINE_OBSERVATIONS

DEBUG_REQUIRED = (
    "seed_demo creates accounts with a published password, so it runs only with DEBUG on "
    "(DEBUG=1 in the environment)."
)

PROGRAM_FIELDS = (
    "slug",
    "name",
    "kind",
    "summary",
    "audience",
    "activities",
    "outcomes",
    "best_results",
    "fit_criteria",
    "duration_weeks",
    "default_weekday",
    "ta_cadence_days",
    "team_size_min",
    "team_size_max",
    "mou_required",
)
MEMBER_FIELDS = ("full_name", "email", "title", "department")


class Command(BaseCommand):
    help = "Load demo programs, cohorts, pages, teams and accounts in English and Spanish (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(DEBUG_REQUIRED)
        with translation.override("en"), transaction.atomic():
            DemoSeeder(today=timezone.localdate()).run()
        self.stdout.write(
            self.style.SUCCESS("Demo content loaded. Sign in at /en/accounts/login/ or /admin/:")
        )
        for email, description in demo.DEMO_LOGINS:
            self.stdout.write(f"  {email:<28} {description}")
        self.stdout.write(f"Password for every demo account: {demo.DEMO_PASSWORD}")


def ensure(factory, keys, **fields):
    """The row whose `keys` fields match, else a new one built by the factory from `fields`.

    Existing rows are left exactly as they are, so a second run changes nothing.
    """
    lookup = {key: fields[key] for key in keys}
    return factory._meta.model.objects.filter(**lookup).first() or factory(**fields)


def localized(data, *fields):
    """Copy `fields` from content data: an (English, Spanish) pair fills `field` and `field_es`,
    and a list of pairs becomes one line per pair in each language."""
    values = {}
    for field in fields:
        value = data[field]
        if isinstance(value, list):
            value = tuple("\n".join(lines) for lines in zip(*value, strict=True))
        if isinstance(value, tuple):
            values[field], values[f"{field}_es"] = value
        else:
            values[field] = value
    return values


def _in_language(value, index):
    """`value` with each (English, Spanish) text pair replaced by the text at `index`."""
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return value[index]
    if isinstance(value, dict):
        return {key: _in_language(item, index) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_language(item, index) for item in value]
    return value


def design_deliverables(language, start_date, baseline_areas=None):
    """The chain team's Design and Implementation contents (demo.CHAIN_DESIGN), by template key,
    in `language`, with program weeks turned into dates from `start_date` (week 1's first day).

    The opportunities report's challenge areas are the baseline observations' when given (the
    demo's opportunities are matched to them by position), else the demo's own four.
    """
    index = 0 if language == "en" else 1

    def monday(week):
        return (start_date + datetime.timedelta(weeks=week - 1)).isoformat()

    def friday(week):
        return (start_date + datetime.timedelta(weeks=week - 1, days=4)).isoformat()

    data = _in_language(demo.CHAIN_DESIGN, index)
    areas = [
        {"id": area["id"], "title": area["title"], "description": area.get("description", "")}
        for area in (baseline_areas or _in_language(demo.CHAIN_CHALLENGE_AREAS, index))[:6]
    ]
    report = data["opportunities-report"]
    report["challenge_areas"] = areas
    for opportunity in report["opportunities"]:
        opportunity["challenge_area"] = areas[min(opportunity.pop("area"), len(areas) - 1)]["id"]
    for row in data["design-research"]["timeline"]:
        first, last = row.pop("weeks")
        row["start"], row["end"] = monday(first), friday(last)
    for task in data["action-plan"]["tasks"]:
        first, last = task.pop("weeks")
        task["start"], task["end"] = monday(first), friday(last)
    for finding in data["ocds-assessment"]["findings"]:
        week = finding.pop("weeks")
        finding["date"] = friday(week) if week else None
    for step in data["ocds-work-plan"]["steps"]:
        step["due_date"] = friday(step.pop("weeks"))
    return data


def stream(blocks):
    """The `body` and `body_es` StreamField values of (block type, (English, Spanish)) pairs."""

    def block(kind, text):
        return (kind, RichText(text) if kind == "paragraph" else text)

    return {
        "body": [block(kind, english) for kind, (english, _spanish) in blocks],
        "body_es": [block(kind, spanish) for kind, (_english, spanish) in blocks],
    }


def month(day, language):
    with translation.override(language):
        return formats.date_format(day, "YEAR_MONTH_FORMAT")


def day_of(cohort, week, weekday):
    """The date of `weekday` (0 = Monday) in program week `week` of the cohort."""
    return cohort.week_start(week) + datetime.timedelta(days=weekday)


DATE_KEYS = ("date", "as_of")


def in_language(value, language, today):
    """Demo content in one language: (English, Spanish) pairs become one text, and dates given as
    days before today (under "date" or "as_of") become ISO dates."""
    if isinstance(value, tuple):
        return value[0 if language == "en" else 1]
    if isinstance(value, list):
        return [in_language(item, language, today) for item in value]
    if isinstance(value, dict):
        return {
            key: (today - datetime.timedelta(days=item)).isoformat()
            if key in DATE_KEYS and isinstance(item, int)
            else in_language(item, language, today)
            for key, item in value.items()
        }
    return value


def local(cohort, day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=cohort.zone)


class DemoSeeder:
    """Builds the demo from cms/demo_content.py, with every date placed relative to `today`.

    Features that other parts of the platform add are seeded by one hook each, called where
    their data belongs; a hook that has nothing to build yet returns without doing anything:

    - `seed_team_size_recommendation(program, data)`: the sprints' "ideally 3" (data
      "team_size_recommended"), a recommendation rather than a limit.
    - `seed_application_questions(program, data)`: the questions a program asks applicants
      (data "application_questions", English and Spanish), and
      `seed_application_answers(registration, data)`: an application's answers
      (data "application_answers", in the questions' order).
    - `seed_criterion_set(criteria)`: RDC7 and RDC8 as the first version of a staff-edited,
      versioned criterion set (their items are an example set and say so).
    - `seed_breaks(cohort, data)`: a cohort's break weeks (data "break_weeks", calendar weeks
      counted from 1 at the start week), called before its sessions are generated.
    - `seed_schedule_poll(cohort, data)`: a day and time agreed with the participants (data
      "schedule_poll": candidate slots, the accepted members' votes, the confirmed slot or None),
      called once the cohort's teams exist. A cohort whose slot is not confirmed gets no sessions.
    - `seed_mou(team, data)`: the signed MOU recorded on a track team (data "mou").
    - `seed_published_action_plan(team, data)`: the public version of the chain team's action plan,
      published (data "published_action_plan").
    - `seed_design_deliverables(team, author)`: the chain team's Design and Implementation
      deliverables (data "design_deliverables"), after its other submissions (it starts from
      their baseline observations' challenge areas when those exist).
    - `seed_certification(team, data)`: a team's What Works Cities certification level, with
      date and evidence (data "certification").
    - `seed_phase_plan(program_data, team_data)`: the programs' phases (data "phases", English and
      Spanish) and the teams' milestones, site visits with their agenda and participants (data
      "milestones"), once the teams exist.
    - `seed_momentum()`: the weekly check-ins of the running sprint's coached teams, a coach's
      note, and a short TA call (demo.MOMENTUM): one team in a dip, the other steady.
    - `seed_peers_and_results(data)`: a current team paired with an alumni team on the same
      challenge area, messages both ways, and the alumni team's case story published in both
      languages (data demo.PEER_SUPPORT), once every team exists.
    """

    def __init__(self, *, today):
        self.today = today
        self.this_monday = today - datetime.timedelta(days=today.weekday())
        self.programs, self.cohorts, self.focus_areas, self.held_weeks = {}, {}, {}, {}

    def run(self):
        # Wagtail's root page predates the translation columns; fill them from the original ones.
        call_command("update_translation_fields", "wagtailcore", verbosity=0)
        self.staff = self.user(demo.STAFF, factory=f.StaffUserFactory)
        self.coaches = {
            "coach": self.user(demo.COACH, is_staff=True),
            "gpl_coach": self.user(demo.GPL_COACH, is_staff=True),
        }
        for coach in self.coaches.values():
            self.add_to_coaches(coach)
        self.items = self.criteria()
        cohort_data = {}
        for data in demo.PROGRAMS:
            program = self.programs[data["slug"]] = self.program(data)
            for cohort in data["cohorts"]:
                self.cohorts[cohort["key"]] = self.cohort(program, cohort)
                cohort_data[cohort["key"]] = cohort
        self.pages()
        self.topics = {
            slug: ensure(f.TopicFactory, ["slug"], slug=slug, name=name, name_es=name_es)
            for slug, (name, name_es) in demo.TOPICS
        }
        for data in demo.TEAMS:
            self.team(data)
        data = demo.PENDING_REGISTRATION
        self.registration(self.cohorts[data["cohort"]], data, RegistrationStatus.SUBMITTED)
        for key, data in cohort_data.items():
            if "schedule_poll" in data:
                self.seed_schedule_poll(self.cohorts[key], data)
        for key, title, body in demo.ANNOUNCEMENTS:
            self.announcement(self.cohorts[key], title, body)
        self.seed_phase_plan(demo.PROGRAMS, demo.TEAMS)
        self.seed_momentum()
        self.seed_peers_and_results(demo.PEER_SUPPORT)

    # Hooks for the features other parts of the platform add (see the class docstring).

    def seed_momentum(self):
        """Weekly check-ins (up to the current program week), the coach's notes on what they did
        and a last TA call, from demo.MOMENTUM: Compras Villa Serena is in a dip on the coach's
        dashboard this week, Riverton Purchasing is steady."""
        for name, data in demo.MOMENTUM.items():
            team = Team.objects.select_related("cohort__program").filter(name=name).first()
            if team is None:
                continue
            cohort = team.cohort
            position = cohort.calendar.locate(self.today)
            if position.phase != "week":
                continue
            lead = team.memberships.order_by("sort_order").select_related("user").first()
            for week, rating, support, blockers in data["checkins"]:
                if week <= position.week:
                    ensure(
                        f.CheckInFactory,
                        ["team", "week"],
                        team=team,
                        week=week,
                        rating=rating,
                        political_support=support,
                        blockers=blockers,
                        updated_by=lead.user if lead else None,
                    )
            assignment = team.coach_assignments.filter(ends_on=None).select_related("coach").first()
            if assignment is None:
                continue
            for week, body in data["notes"]:
                if week <= position.week:
                    ensure(
                        f.MomentumNoteFactory,
                        ["team", "week"],
                        team=team,
                        week=week,
                        body=body,
                        author=assignment.coach,
                    )
            if "ta_call" in data:
                # On the last working day before today, in the afternoon.
                day = self.today - datetime.timedelta(days=1)
                while day.weekday() >= 5:
                    day -= datetime.timedelta(days=1)
                call = data["ta_call"]
                ensure(
                    f.TASessionFactory,
                    ["team", "starts_at"],
                    team=team,
                    coach=assignment.coach,
                    starts_at=local(cohort, day, 14),
                    minutes=call["minutes"],
                    summary=call["summary"],
                    private_notes=call["private_notes"],
                    attendees=list(team.memberships.all()),
                )

    def seed_team_size_recommendation(self, program, data):
        """The sprints' "ideally 3" (data "team_size_recommended"): a recommendation, not a limit."""
        if data.get("team_size_recommended"):
            Program.objects.filter(pk=program.pk).update(team_size_recommended=data["team_size_recommended"])

    def seed_application_questions(self, program, data):
        """The program's own application questions, data["application_questions"] (EN, ES)."""
        for order, question in enumerate(data["application_questions"]):
            ensure(
                f.ApplicationQuestionFactory,
                ["program", "sort_order"],
                program=program,
                sort_order=order,
                kind=question["kind"],
                required=question["required"],
                **localized(question, "text", "help_text"),
            )

    def seed_application_answers(self, registration, data):
        """The registration's answers, data["application_answers"], in the questions' order."""
        questions = registration.cohort.program.questions.order_by("sort_order")
        for order, (question, answer) in enumerate(zip(questions, data["application_answers"], strict=True)):
            ensure(
                f.RegistrationAnswerFactory,
                ["registration", "question"],
                registration=registration,
                question=question,
                question_text=question.text,
                answer=answer,
                sort_order=order,
            )

    def seed_criterion_set(self, criteria):
        """RDC7 and RDC8 make the first version of the criterion set, labelled as an example."""
        label, label_es = demo.EXAMPLE_SET_LABEL
        CriterionSet.objects.filter(pk__in={criterion.criterion_set_id for criterion in criteria}).update(
            label=label, label_en=label, label_es=label_es, is_example=True
        )

    def seed_breaks(self, cohort, data):
        """The cohort's break weeks, data["break_weeks"] (calendar weeks counted from 1 at the start
        week), as one break per run of consecutive weeks, before its sessions are generated."""
        runs = []
        for week in data["break_weeks"]:
            if runs and week == runs[-1][0] + runs[-1][1]:
                runs[-1][1] += 1
            else:
                runs.append([week, 1])
        for (week, weeks), (reason, reason_es) in zip(runs, demo.BREAK_REASONS, strict=False):
            ensure(
                f.CohortBreakFactory,
                ["cohort", "starts_on"],
                cohort=cohort,
                starts_on=cohort.start_date + datetime.timedelta(weeks=week - 1),
                weeks=weeks,
                reason=reason,
                reason_es=reason_es,
            )
        if runs:
            cohort.refresh_from_db()  # saving a break moved the cohort's end date

    def seed_schedule_poll(self, cohort, data):
        """The candidate slots of data["schedule_poll"]; while it is being agreed the poll is open
        with the members' answers, and once agreed it is closed on the confirmed slot."""
        if SchedulePoll.objects.filter(cohort=cohort).exists():
            return
        found = data["schedule_poll"]
        poll = f.SchedulePollFactory(cohort=cohort)
        slots = {
            (weekday, local_time): f.ScheduleSlotFactory(
                poll=poll,
                weekday=weekday,
                local_time=datetime.time.fromisoformat(local_time),
                sort_order=order,
            )
            for order, (weekday, local_time) in enumerate(found["slots"])
        }
        if found["confirmed"] is None:
            schedule_poll_open(poll=poll, by=self.staff)
            for email, chosen in found["votes"].items():
                schedule_vote_record(
                    membership=Membership.objects.get(team__cohort=cohort, user__email=email),
                    answers={
                        slot.pk: ScheduleAnswer.YES if key in chosen else ScheduleAnswer.NO
                        for key, slot in slots.items()
                    },
                )
            return
        # Agreed before the run started: closed on the confirmed slot, with nobody told again.
        opened = timezone.make_aware(
            datetime.datetime.combine(cohort.registration_deadline, datetime.time(9)), cohort.zone
        )
        SchedulePoll.objects.filter(pk=poll.pk).update(
            opened_at=opened,
            closed_at=opened + datetime.timedelta(days=5),
            confirmed_slot=slots[tuple(found["confirmed"])],
            confirmed_by=self.staff,
        )

    def seed_design_deliverables(self, team, author):
        """The chain team's data-user guide, design research framework, opportunities report
        (from its baseline observations' challenge areas when it has them), action plan (tasks
        linked to the opportunities), OCDS assessment and OCDS work plan, as drafts in the team's
        language (data "design_deliverables"; content in demo.CHAIN_DESIGN)."""
        cohort = team.cohort
        baseline = (
            Submission.objects.filter(team=team, template__kind=BASELINE_OBSERVATIONS)
            .values_list("content", flat=True)
            .first()
        )
        areas = [
            area
            for area in (baseline or {}).get("challenge_areas", [])
            if area.get("id") and area.get("title")
        ]
        contents = design_deliverables(cohort.language, cohort.start_date, areas or None)
        finished = cohort.compute_status(self.today) == CohortStatus.FINISHED
        for key, content in contents.items():
            template = cohort.program.templates.get(key=key)
            content = validate_content(template.kind, content)
            # A finished run: each deliverable submitted at its due date and accepted by the coach.
            when = datetime.datetime.combine(
                cohort.due_date(template.due_week), datetime.time(16), tzinfo=cohort.zone
            )
            feedback = (
                FeedbackDecision.ACCEPTED,
                demo.CHAIN_ACCEPTED_FEEDBACK[0 if cohort.language == "en" else 1],
                self.coaches["gpl_coach"],
            )
            self.team_work(
                team,
                template,
                content=content,
                status=SubmissionStatus.ACCEPTED if finished else "draft",
                author=author,
                when=when,
                feedback=feedback,
            )

    def seed_published_action_plan(self, team, data):
        """The public version of the chain team's accepted action plan (data
        "published_action_plan"), in its language with the other language's translation, as staff
        published it: listed on the program page with the program's other results."""
        plan = data["published_action_plan"]
        version = SubmissionVersion.objects.get(
            submission__team=team, submission__template__key="action-plan", number=1
        )
        translations = {
            language: public_text(
                AssignmentKind.ACTION_PLAN,
                design_deliverables(language, team.cohort.start_date)["action-plan"],
            )
            for language in ("en", "es")
        }
        translations[team.cohort.language] = public_text(AssignmentKind.ACTION_PLAN, version.content)
        published_at = timezone.now() - datetime.timedelta(days=plan["published_days_ago"])
        ensure(
            f.SharedResultFactory,
            ["slug"],
            slug=plan["slug"],
            team=team,
            kind=ResultKind.DELIVERABLE,
            status=ResultStatus.PUBLISHED,
            language=team.cohort.language,
            version=version,
            title_en=plan["title"][0],
            title_es=plan["title"][1],
            public_text_en=translations["en"],
            public_text_es=translations["es"],
            proposed_by=version.submitted_by,
            proposed_at=published_at - datetime.timedelta(days=5),
            reviewed_by=self.staff,
            reviewed_at=published_at,
            published_at=published_at,
        )

    def seed_mou(self, team, data):
        """The team's signed MOU, data["mou"]; one not signed yet stays the team's first open step."""
        mou = data["mou"]
        if mou["signed"] and not SignedMOU.objects.filter(team=team).exists():
            f.SignedMOUFactory(team=team, counterparty=mou["counterparty"])

    def seed_certification(self, team, data):
        """The team's What Works Cities certification level, data["certification"]: "from" when the
        cohort started, "to" in program week "week"."""
        history = data["certification"]
        cohort = team.cohort
        for level, day in (
            (history["from"], cohort.start_date),
            (history["to"], cohort.week_start(history["week"])),
        ):
            ensure(
                f.CertificationRecordFactory,
                ["team", "level"],
                team=team,
                level=level,
                certified_on=day,
                evidence_url=demo.CERTIFICATION_EVIDENCE_URL,
            )

    def seed_phase_plan(self, program_data, team_data):
        """Each program's phases (data "phases") and each team's milestones (data "milestones"), with
        dates from the team's cohort calendar: a site visit on its week's `weekday` at `time` in the
        team's time zone, anything else due the last day of its `week` (a deliverable: its
        assignment's due week)."""
        for data in program_data:
            program = self.programs[data["slug"]]
            for order, phase in enumerate(data.get("phases", [])):
                ensure(
                    f.ProgramPhaseFactory,
                    ["program", "sort_order"],
                    program=program,
                    sort_order=order,
                    weeks=phase["weeks"],
                    **localized(phase, "name", "description"),
                )
        for data in team_data:
            if not data.get("milestones"):
                continue
            team = Team.objects.get(cohort=self.cohorts[data["cohort"]], name=data["name"])
            if Milestone.objects.filter(team=team).exists():
                continue  # seeded before: kept as it is
            cohort = team.cohort
            zone = zoneinfo.ZoneInfo(data["time_zone"])
            for item in data["milestones"]:
                fields = {"team": team, "kind": item["kind"], "by": self.coaches[data["coach"]]}
                if item["kind"] == MilestoneKind.DELIVERABLE:
                    fields["template"] = cohort.program.templates.get(key=item["template"])
                elif item["kind"] == MilestoneKind.SITE_VISIT:
                    day = day_of(cohort, item["week"], item["weekday"])
                    fields.update(
                        title=item["title"],
                        starts_at=datetime.datetime.combine(
                            day, datetime.time.fromisoformat(item["time"]), tzinfo=zone
                        ),
                        place=item["place"],
                        agenda="\n".join(item["agenda"]),
                        participants=list(
                            Membership.objects.filter(team=team, user__email__in=item["participants"])
                        ),
                        other_participants="\n".join(item["other_participants"]),
                    )
                else:
                    fields.update(title=item["title"], due_on=cohort.due_date(item["week"]))
                milestone_create(**fields)

    # People

    def seed_peers_and_results(self, data):
        """Villa Serena paired with the alumni team Puerto Claro, a few messages each way, and
        Puerto Claro's case story (Spanish, translated into English) published by staff."""
        team = Team.objects.get(name=data["team"])
        peer = Team.objects.get(name=data["peer"])
        now = timezone.now()
        first_message = datetime.timedelta(days=max(days for days, *_rest in data["messages"]) + 1)
        pairing = PeerPairing.objects.filter(team=team, peer=peer).first() or f.PeerPairingFactory(
            team=team, peer=peer, note=data["note"], created_by=self.staff
        )
        PeerPairing.objects.filter(pk=pairing.pk).update(created_at=now - first_message)
        sides = {"team": team, "peer": peer}
        for days, side, email, body in data["messages"]:
            message = ensure(
                f.PeerMessageFactory,
                ["pairing", "body"],
                pairing=pairing,
                team=sides[side],
                author=sides[side].memberships.get(user__email=email).user,
                body=body,
            )
            type(message).objects.filter(pk=message.pk).update(created_at=now - datetime.timedelta(days=days))
        story = data["result"]
        published_at = now - datetime.timedelta(days=story["published_days_ago"])
        lead = peer.memberships.order_by("sort_order").first().user
        ensure(
            f.SharedResultFactory,
            ["slug"],
            slug=story["slug"],
            team=peer,
            kind=ResultKind.CASE_STORY,
            status=ResultStatus.PUBLISHED,
            language=peer.cohort.language,
            **{
                f"{field}{suffix}": value
                for field in ("title", "problem", "what_changed")
                for suffix, value in zip(("_en", "_es"), story[field], strict=True)
            },
            indicators=indicator_snapshot(peer.indicators.order_by("name")),
            proposed_by=lead,
            proposed_at=published_at - datetime.timedelta(days=3),
            reviewed_by=self.staff,
            reviewed_at=published_at,
            published_at=published_at,
        )

    def user(self, data, factory=None, **extra):
        fields = {key: data[key] for key in ("email", "full_name")}
        return ensure(factory or f.UserFactory, ["email"], password=demo.DEMO_PASSWORD, **fields, **extra)

    def add_to_coaches(self, user):
        user.groups.add(coaches_group_ensure())

    # What the programs teach

    def criteria(self):
        items, criteria = {}, []
        for data in demo.CRITERIA:
            criterion = ensure(
                f.CriterionFactory,
                ["code"],
                **localized(data, "code", "title", "description", "required_count"),
            )
            criteria.append(criterion)
            for number, item in enumerate(data["items"], start=1):
                # Every item says it is an example for staff to replace (PROGRAMS.md gives no text).
                guidance = tuple(
                    note + text for note, text in zip(demo.EXAMPLE_ITEM, item["guidance"], strict=True)
                )
                key = f"{criterion.code}-{number}"
                items[key] = ensure(
                    f.ChecklistItemFactory,
                    ["criterion", "sort_order"],
                    criterion=criterion,
                    sort_order=number,
                    data_evidence=demo.DATA_EVIDENCE.get(key, ""),
                    **localized({**item, "guidance": guidance}, "text", "guidance"),
                )
        self.criterion_set = criteria[0].criterion_set
        self.seed_criterion_set(criteria)
        return items

    def program(self, data):
        program = ensure(f.ProgramFactory, ["slug"], **localized(data, *PROGRAM_FIELDS))
        for order, role in enumerate(data["roles"]):
            ensure(
                f.RoleFactory,
                ["program", "name"],
                program=program,
                sort_order=order,
                **localized(
                    role, "name", "description", "hours", "period", "min_count", "max_count", "required"
                ),
            )
        for order, area in enumerate(data["focus_areas"]):
            self.focus_areas[program.slug, area["key"]] = ensure(
                f.FocusAreaFactory,
                ["program", "name"],
                program=program,
                sort_order=order,
                **localized(area, "name", "description"),
            )
        for plan in data["sessions"]:
            ensure(
                f.SessionPlanFactory,
                ["program", "week", "title"],
                program=program,
                **localized(plan, "week", "kind", "minutes", "title", "description"),
            )
        for key, due_week, optional in data["templates"]:
            template = demo.TEMPLATES[key]
            ensure(
                f.AssignmentTemplateFactory,
                ["program", "key"],
                program=program,
                key=key,
                due_week=due_week,
                optional=optional,
                checklist_items=[self.items[item] for item in template["items"]],
                **localized(template, "kind", "title", "instructions"),
            )
        self.seed_team_size_recommendation(program, data)
        self.seed_application_questions(program, data)
        Program.objects.filter(pk=program.pk, criterion_set=None).update(criterion_set=self.criterion_set)
        return program

    def cohort(self, program, data):
        # Dates are computed from today only when the cohort is first made; after that it is kept.
        start = self.this_monday + datetime.timedelta(weeks=data["starts_in_weeks"])
        name, name_es = data["name"]
        poll = data.get("schedule_poll")
        to_be_agreed = bool(poll) and poll["confirmed"] is None
        cohort = ensure(
            f.CohortFactory,
            ["program", "meeting_url"],  # each demo cohort has its own room; its dates move with today
            program=program,
            language=data["language"],
            name=name.format(month=month(start, "en")),
            name_es=name_es.format(month=month(start, "es")),
            schedule_to_be_agreed=to_be_agreed,
            weekday=None if to_be_agreed else data["weekday"],
            time_zone=data["time_zone"],
            local_time=None if to_be_agreed else datetime.time.fromisoformat(data["local_time"]),
            start_date=start,
            registration_opens=start - datetime.timedelta(weeks=data["opens_weeks_before"]),
            registration_deadline=start - datetime.timedelta(days=data["deadline_days_before"]),
            capacity=data["capacity"],
            meeting_url=data["meeting_url"],
        )
        self.seed_breaks(cohort, data)
        # The program weeks already over (all of them once the cohort has finished).
        self.held_weeks[cohort.pk] = sum(
            cohort.week_start(week) < self.this_monday for week in range(1, program.duration_weeks + 1)
        )
        if to_be_agreed:
            return cohort  # no session before the participants' slot is confirmed
        for session in cohort_generate_sessions(cohort=cohort):
            if session.week <= self.held_weeks[cohort.pk]:
                session.recording_url = f"https://video.example.org/ruta/{program.slug}/week-{session.week}"
                session.save()
        return cohort

    # The site

    def pages(self):
        home = HomePage.objects.first()
        if home is None:
            # Wagtail's "Welcome to your new Wagtail site!" page (a plain Page) gives way to ours;
            # deleting it also deletes the site that pointed at it.
            Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
            home = f.HomePageFactory(
                parent=Page.get_first_root_node(),
                **localized(demo.HOME_PAGE, "title", "intro"),
                **stream(demo.HOME_PAGE["body"]),
            )
        site = Site.objects.filter(is_default_site=True).first() or Site(
            is_default_site=True, hostname="localhost", port=80
        )
        if site.root_page_id != home.pk:
            site.root_page, site.site_name = home, "Ruta"
            site.save()
        index = ProgramIndexPage.objects.child_of(home).first() or f.ProgramIndexPageFactory(
            parent=home, **localized(demo.PROGRAM_INDEX_PAGE, "title", "slug", "intro")
        )
        for data in demo.PROGRAMS:
            program = self.programs[data["slug"]]
            page = ensure(
                f.ProgramPageFactory,
                ["program"],
                parent=index,
                program=program,
                slug_es=data["page"]["slug_es"],
                **localized(data["page"], "intro"),
                **stream(data["page"]["body"]),
            )
            if page.get_parent().pk != index.pk:
                # An earlier seed put the program pages directly under the home page.
                page.move(index, pos="last-child")
        ensure(
            f.StandardPageFactory,
            ["slug"],
            parent=home,
            **localized(demo.ABOUT_PAGE, "title", "slug", "intro"),
            **stream(demo.ABOUT_PAGE["body"]),
        )

    # City teams and their work

    def registration(self, cohort, data, status):
        """An application with its members, who get accounts in the cohort's language."""
        program = cohort.program
        users = [
            self.user(member, preferred_language=cohort.language, time_zone=data["time_zone"])
            for member in data["members"]
        ]
        decided = status != RegistrationStatus.SUBMITTED
        # Decided three days after the deadline, or yesterday for a team accepted before it.
        decided_on = min(
            cohort.registration_deadline + datetime.timedelta(days=3), self.today - datetime.timedelta(days=1)
        )
        decided_at = local(cohort, decided_on, 9)
        registration = ensure(
            f.RegistrationFactory,
            ["cohort", "city"],
            cohort=cohort,
            applicant=users[0],
            city=data["city"],
            jurisdiction=data["jurisdiction"],
            team_name=data["name"],
            challenge_statement=data["challenge"],
            focus_area=self.focus_areas[program.slug, data["focus_area"]],
            accepts_time_commitment=True,
            accepts_mou=program.mou_required,
            status=status,
            submitted_at=local(cohort, cohort.registration_opens + datetime.timedelta(weeks=1), 10),
            reviewer=self.staff if decided else None,
            decided_at=decided_at if decided else None,
        )
        for order, member in enumerate(data["members"]):
            ensure(
                f.RegistrationMemberFactory,
                ["registration", "email"],
                registration=registration,
                sort_order=order,
                role=program.roles.get(name_en=member["role"]),
                **{key: member[key] for key in MEMBER_FIELDS},
            )
        if "application_answers" in data:
            self.seed_application_answers(registration, data)
        return registration, users

    def team(self, data):
        cohort = self.cohorts[data["cohort"]]
        registration, users = self.registration(cohort, data, RegistrationStatus.ACCEPTED)
        team = ensure(
            f.TeamFactory,
            ["cohort", "name"],
            cohort=cohort,
            registration=registration,
            name=data["name"],
            city=registration.city,
            jurisdiction=registration.jurisdiction,
            focus_area=registration.focus_area,
            challenge_statement=registration.challenge_statement,
        )
        memberships = {}
        for order, (member, user) in enumerate(zip(data["members"], users, strict=True)):
            memberships[user.email] = ensure(
                f.MembershipFactory,
                ["team", "user"],
                team=team,
                user=user,
                sort_order=order,
                role=cohort.program.roles.get(name_en=member["role"]),
                title=member["title"],
                department=member["department"],
            )
        coach = self.coach_assignment(team, data["coach"])
        if "mou" in data:
            self.seed_mou(team, data)
        self.attendance(team, list(memberships.values()))
        for session in data["ta_sessions"]:
            self.ta_session(team, coach, memberships, session)
        submissions = {
            item["template"]: self.submission(team, coach, memberships, item) for item in data["submissions"]
        }
        if data["name"] == demo.DIAGNOSTIC_CHAIN_TEAM:
            self.seed_diagnostic_deliverables(team, coach, memberships)
        lead = users[0]
        for item in data["progress"]:
            self.progress(team, coach, item, submissions, lead)
        for indicator in data["indicators"]:
            self.indicator(team, indicator, lead)
        if "certification" in data:
            self.seed_certification(team, data)
        if data.get("design_deliverables"):
            self.seed_design_deliverables(team, lead)
        if "published_action_plan" in data:
            self.seed_published_action_plan(team, data)
        self.notifications(team, memberships.values())

    def coach_assignment(self, team, how):
        """The team's coach: `coach` from the start, `coach_until_end` (a finished cohort: the
        assignment ended with it), `gpl_coach` (the track's, from yesterday's acceptance),
        `gpl_coach_until_end` (a finished track run's) or None."""
        cohort = team.cohort
        if how is None:
            return None
        coach = self.coaches["gpl_coach" if how.startswith("gpl_coach") else "coach"]
        ensure(
            f.CoachAssignmentFactory,
            ["team", "coach"],
            team=team,
            coach=coach,
            starts_on=min(cohort.start_date, self.today - datetime.timedelta(days=1)),
            ends_on=cohort.end_date if how.endswith("until_end") else None,
        )
        return coach

    def announcement(self, cohort, title, body):
        """Sent a few days ago; each member was told once, in the app."""
        if cohort.announcements.filter(title=title[0]).exists():
            return
        announcement = f.AnnouncementFactory(
            cohort=cohort,
            author=self.staff,
            sent_at=timezone.now() - datetime.timedelta(days=2),
            **localized({"title": title, "body": body}, "title", "body"),
        )
        for membership in announcement_recipients(announcement):
            notification = notification_create(
                user=membership.user,
                kind=NotificationKind.ANNOUNCEMENT,
                template="cohorts/emails/announcement",
                context={"announcement": announcement, "team": membership.team},
                link=("cohorts:team_home", [membership.team_id]),
            )
            notification.created_at = announcement.sent_at
            notification.save(update_fields=["created_at"])

    def notifications(self, team, memberships):
        """What each member would have been told so far: TA summaries and feedback, the older read."""
        events = [
            (
                ta_session.starts_at + datetime.timedelta(hours=2),
                NotificationKind.TA_SUMMARY,
                "coaching/emails/ta_session_summary",
                {"ta_session": ta_session, "team": team, "action_items": list(ta_session.action_items.all())},
                ("coaching:team_coaching", [team.pk]),
            )
            for ta_session in team.ta_sessions.exclude(summary="")
        ]
        events += [
            (
                feedback.created_at,
                NotificationKind.FEEDBACK,
                "cohorts/emails/submission_feedback",
                {"submission": feedback.version.submission, "feedback": feedback},
                ("cohorts:assignment_history", [team.pk, feedback.version.submission.template_id]),
            )
            for feedback in Feedback.objects.filter(version__submission__team=team).select_related(
                "version__submission__template", "author"
            )
        ]
        week_ago = timezone.now() - datetime.timedelta(days=7)
        for membership in memberships:
            if membership.user.notifications.exists():
                continue
            for when, kind, template, context, link in sorted(events, key=lambda event: event[0]):
                notification = notification_create(
                    user=membership.user, kind=kind, template=template, context=context, link=link
                )
                notification.created_at = when
                notification.read_at = when if when < week_ago else None
                notification.save(update_fields=["created_at", "read_at"])

    def attendance(self, team, memberships):
        """Everyone came to the sessions held so far, except the last member missed the second."""
        held = team.cohort.sessions.filter(week__lte=self.held_weeks[team.cohort.pk]).order_by("starts_at")
        for index, session in enumerate(held):
            for membership in memberships:
                missed = index == 1 and membership == memberships[-1]
                ensure(
                    f.AttendanceFactory,
                    ["session", "membership"],
                    session=session,
                    membership=membership,
                    status=AttendanceStatus.EXCUSED if missed else AttendanceStatus.PRESENT,
                    recorded_by=self.staff,
                )

    def ta_session(self, team, coach, memberships, data):
        cohort = team.cohort
        session = ensure(
            f.TASessionFactory,
            ["team", "starts_at"],
            team=team,
            coach=coach,
            # On the cohort's session weekday, in the afternoon.
            starts_at=local(cohort, day_of(cohort, data["week"], cohort.weekday), 14),
            minutes=60,
            pain_points=data["pain_points"],
            summary=data["summary"],
            private_notes=data["private_notes"],
            topics=[self.topics[slug] for slug in data["topics"]],
            attendees=list(memberships.values()),
        )
        for item in data["action_items"]:
            owner = memberships[item["owner"]]
            due_on = day_of(cohort, item["due_week"], 4)  # Friday
            done = item["status"] == "done"
            ensure(
                f.ActionItemFactory,
                ["team", "description"],
                team=team,
                ta_session=session,
                description=item["description"],
                owner=owner,
                due_on=due_on,
                status=item["status"],
                completed_by=owner.user if done else None,
                completed_at=local(cohort, due_on - datetime.timedelta(days=1), 16) if done else None,
            )

    def submission(self, team, coach, memberships, data):
        cohort = team.cohort
        template = cohort.program.templates.get(key=data["template"])
        author = memberships[data["author"]].user
        content = validate_content(template.kind, data["content"])
        submitted_at = local(cohort, day_of(cohort, data["week"], 4), 15)
        feedback = None
        if "feedback" in data:
            decision, body = data["feedback"]
            feedback = (decision, body, coach or self.staff)
        return self.team_work(
            team,
            template,
            content=content,
            status=data["status"],
            author=author,
            when=submitted_at,
            feedback=feedback,
        )

    def team_work(self, team, template, *, content, status, author, when, feedback=None):
        """The team's submission of `template`; unless a draft, its version 1 submitted `when`,
        with `feedback` (decision, body, reviewer) on it."""
        submitted = status != "draft"
        submission = ensure(
            f.SubmissionFactory,
            ["team", "template"],
            team=team,
            template=template,
            status=status,
            content=content,
            version_number=1 if submitted else 0,
            updated_by=author,
            submitted_at=when if submitted else None,
        )
        if submitted:
            version = ensure(
                f.SubmissionVersionFactory,
                ["submission", "number"],
                submission=submission,
                number=1,
                content=content,
                submitted_by=author,
                submitted_at=when,
            )
            if feedback is not None:
                decision, body, reviewer = feedback
                ensure(
                    f.FeedbackFactory,
                    ["version", "author"],
                    version=version,
                    author=reviewer,
                    decision=decision,
                    body=body,
                )
        return submission

    def seed_diagnostic_deliverables(self, team, coach, memberships):
        """The chain team's Diagnostic phase (demo.DIAGNOSTIC_DELIVERABLES), in its cohort's language.

        Each deliverable builds on the ones before it (people picked from the tracker, observations
        coded, challenge areas synthesised from the codes, the report drawing on them); dates are
        days before today, so the work reads as done in the weeks before the demo.
        """
        language = team.cohort.language
        now = timezone.now()
        for data in demo.DIAGNOSTIC_DELIVERABLES:
            template = team.cohort.program.templates.get(key=data["template"])
            content = validate_content(template.kind, in_language(data["content"], language, self.today))
            author = memberships[data["author"]].user
            due = datetime.datetime.combine(
                team.cohort.due_date(template.due_week), datetime.time(16), tzinfo=team.cohort.zone
            )
            when = min(now - datetime.timedelta(days=data["days_ago"]), due)
            feedback = None
            if "feedback" in data:
                decision, body = data["feedback"]
                feedback = (decision, body[0 if language == "en" else 1], coach or self.staff)
            self.team_work(
                team,
                template,
                content=content,
                status=data["status"],
                author=author,
                when=when,
                feedback=feedback,
            )

    def progress(self, team, coach, data, submissions, added_by):
        cohort = team.cohort
        verified_at = (
            local(cohort, day_of(cohort, data["verified_week"], 4), 17) if "verified_week" in data else None
        )
        progress = ensure(
            f.CriterionProgressFactory,
            ["team", "item"],
            team=team,
            item=self.items[data["item"]],
            status=data["status"],
            verified_by=(coach or self.staff) if verified_at else None,
            verified_at=verified_at,
            coach_comment=data.get("comment", ""),
        )
        evidence = data.get("evidence")
        if evidence:
            if "submission" in evidence:
                source = {
                    "kind": EvidenceKind.SUBMISSION,
                    "submission": submissions[evidence["submission"]],
                    "url": "",
                }
            else:
                source = {"kind": EvidenceKind.LINK, "url": evidence["url"]}
            ensure(
                f.EvidenceFactory,
                ["progress", "kind"],
                progress=progress,
                note=evidence["note"],
                added_by=added_by,
                **source,
            )

    def indicator(self, team, data, recorded_by):
        cohort = team.cohort
        indicator = ensure(
            f.IndicatorFactory,
            ["team", "name"],
            team=team,
            name=data["name"],
            unit=data["unit"],
            direction=data["direction"],
            data_source=data["data_source"],
            cadence="monthly",
            baseline_value=Decimal(data["baseline"]),
            baseline_date=cohort.start_date - datetime.timedelta(days=1),
        )
        for value, week, note in data["measurements"]:
            ensure(
                f.MeasurementFactory,
                ["indicator", "measured_on"],
                indicator=indicator,
                measured_on=day_of(cohort, week, 4),
                value=Decimal(value),
                note=note,
                recorded_by=recorded_by,
            )
