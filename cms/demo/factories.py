"""Factories for every model, deterministic by default and true to the domain's invariants.

Dates derive from each other (a cohort's registration window from its start date) and
related objects come from the parent (a membership's role from its team's program), so a
factory call with no arguments always yields valid, consistent data. The demo command
(seed_demo) builds from these factories and the tests use them for their data.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.models import User
from cms.models import HomePage, ProgramIndexPage, ProgramPage, StandardPage
from coaching.models import ActionItem, CoachAssignment, MomentumNote, TASession, Topic
from cohorts.announcements.models import Announcement
from cohorts.assignments.models import Feedback, Submission, SubmissionVersion
from cohorts.checkins.models import CheckIn, CheckInRating, PoliticalSupport
from cohorts.models import Cohort, Membership, Team
from cohorts.peers.models import PeerMessage, PeerPairing
from cohorts.phases.models import Milestone, MilestoneKind
from cohorts.progress.models import (
    CertificationLevel,
    CertificationRecord,
    CriterionProgress,
    Evidence,
    EvidenceKind,
    Indicator,
    Measurement,
)
from cohorts.registration.models import (
    Registration,
    RegistrationAnswer,
    RegistrationMember,
    RegistrationStatus,
    SignedMOU,
)
from cohorts.schedule.models import Attendance, AttendanceStatus, CohortBreak, Session
from cohorts.sharing.models import ResultKind, ResultStatus, SharedResult
from notifications.models import Notification, NotificationKind
from sprints.models import (
    ApplicationQuestion,
    AssignmentKind,
    AssignmentTemplate,
    ChecklistItem,
    Criterion,
    CriterionSet,
    FocusArea,
    Program,
    ProgramKind,
    ProgramPhase,
    QuestionKind,
    Role,
    SessionKind,
    SessionPlan,
    Weekday,
)
from sprints.schemas import empty_content

DEFAULT_PASSWORD = "correct-horse-battery-staple"  # noqa: S105 -- the demo and test accounts' password
COHORT_START = datetime.date(2027, 2, 1)  # a Monday


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    preferred_language = "en"
    time_zone = "America/New_York"
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Give the account a verified primary email, as allauth requires to sign in."""
        if create and extracted is not False:
            obj.save()
            obj.emailaddress_set.get_or_create(email=obj.email, defaults={"primary": True, "verified": True})


class StaffUserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class NotificationFactory(DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(UserFactory)
    kind = NotificationKind.FEEDBACK
    title_en = factory.Sequence(lambda n: f"Update {n}")
    title_es = factory.Sequence(lambda n: f"Novedad {n}")
    link_en = "/en/workspace/"
    link_es = "/es/espacio-de-trabajo/"


class ProgramFactory(DjangoModelFactory):
    class Meta:
        model = Program
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Procurement sprint {n}")
    name_es = factory.Sequence(lambda n: f"Sprint de compras {n}")
    slug = factory.Sequence(lambda n: f"sprint-{n}")
    kind = ProgramKind.SPRINT
    summary = "Twelve weeks to open procurement data and bring in more vendors."
    duration_weeks = 12
    default_weekday = Weekday.TUESDAY
    ta_cadence_days = 7
    team_size_min = 3
    team_size_max = 5


class RoleFactory(DjangoModelFactory):
    class Meta:
        model = Role

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Role {n}")
    hours = 2
    min_count = 1
    max_count = 1
    required = True
    sort_order = factory.Sequence(int)


class FocusAreaFactory(DjangoModelFactory):
    class Meta:
        model = FocusArea

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Focus area {n}")
    sort_order = factory.Sequence(int)


class SessionPlanFactory(DjangoModelFactory):
    class Meta:
        model = SessionPlan

    program = factory.SubFactory(ProgramFactory)
    week = factory.Sequence(lambda n: n % 12 + 1)
    kind = SessionKind.MASTERCLASS
    title = factory.Sequence(lambda n: f"Session {n}")
    minutes = 60


class CriterionFactory(DjangoModelFactory):
    class Meta:
        model = Criterion
        django_get_or_create = ("criterion_set", "code")

    criterion_set = factory.SubFactory("cms.demo.factories.CriterionSetFactory")
    code = factory.Sequence(lambda n: f"RDC{n + 100}")
    title = factory.Sequence(lambda n: f"Criterion {n}")
    required_count = 1


class ChecklistItemFactory(DjangoModelFactory):
    class Meta:
        model = ChecklistItem

    criterion = factory.SubFactory(CriterionFactory)
    text = factory.Sequence(lambda n: f"Checklist item {n}")
    sort_order = factory.Sequence(int)


class AssignmentTemplateFactory(DjangoModelFactory):
    class Meta:
        model = AssignmentTemplate
        skip_postgeneration_save = True

    program = factory.SubFactory(ProgramFactory)
    key = factory.Sequence(lambda n: f"assignment-{n}")
    title = factory.Sequence(lambda n: f"Assignment {n}")
    kind = AssignmentKind.VENDOR_JOURNEY_MAP
    due_week = 4

    @factory.post_generation
    def checklist_items(obj, create, extracted, **kwargs):
        """`checklist_items=[…]` links the checklist items the template can evidence."""
        if create and extracted:
            obj.checklist_items.set(extracted)
            obj.save()


class CohortFactory(DjangoModelFactory):
    class Meta:
        model = Cohort

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    language = "en"
    time_zone = "America/New_York"
    weekday = factory.SelfAttribute("program.default_weekday")
    local_time = datetime.time(11, 0)
    start_date = COHORT_START
    registration_opens = factory.LazyAttribute(lambda o: o.start_date - datetime.timedelta(weeks=6))
    registration_deadline = factory.LazyAttribute(lambda o: o.start_date - datetime.timedelta(weeks=1))
    capacity = 10
    meeting_url = "https://meet.example.org/ruta-cohort"


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    cohort = factory.SubFactory(CohortFactory)
    week = 1
    kind = SessionKind.MASTERCLASS
    title = factory.Sequence(lambda n: f"Session {n}")
    starts_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(
            o.cohort.session_date(o.week), o.cohort.local_time, tzinfo=o.cohort.zone
        )
    )
    minutes = 60


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    cohort = factory.SubFactory(CohortFactory)
    applicant = factory.SubFactory(UserFactory)
    city = factory.Sequence(lambda n: f"City {n}")
    jurisdiction = "Ohio"
    team_name = factory.LazyAttribute(lambda o: f"{o.city} procurement team")
    challenge_statement = "Few vendors bid on our solicitations and our data is hard to find."
    accepts_time_commitment = True
    accepts_mou = True
    status = RegistrationStatus.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)


class RegistrationMemberFactory(DjangoModelFactory):
    class Meta:
        model = RegistrationMember

    registration = factory.SubFactory(RegistrationFactory)
    full_name = factory.Sequence(lambda n: f"Member {n}")
    email = factory.Sequence(lambda n: f"member{n}@city.example.gov")
    title = "Buyer"
    department = "Purchasing"


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    cohort = factory.SubFactory(CohortFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    city = factory.Sequence(lambda n: f"City {n}")
    jurisdiction = "Ohio"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    team = factory.SubFactory(TeamFactory)
    user = factory.SubFactory(UserFactory)
    role = None
    title = "Procurement officer"
    department = "Purchasing"


class AttendanceFactory(DjangoModelFactory):
    class Meta:
        model = Attendance

    membership = factory.SubFactory(MembershipFactory)
    session = factory.SubFactory(SessionFactory, cohort=factory.SelfAttribute("..membership.team.cohort"))
    status = AttendanceStatus.PRESENT


class SubmissionFactory(DjangoModelFactory):
    class Meta:
        model = Submission

    team = factory.SubFactory(TeamFactory)
    template = factory.SubFactory(
        AssignmentTemplateFactory, program=factory.SelfAttribute("..team.cohort.program")
    )
    content = factory.LazyAttribute(lambda o: empty_content(o.template.kind))


class SubmissionVersionFactory(DjangoModelFactory):
    class Meta:
        model = SubmissionVersion

    submission = factory.SubFactory(SubmissionFactory)
    number = factory.Sequence(lambda n: n + 1)
    content = factory.LazyAttribute(lambda o: o.submission.content)
    submitted_by = factory.SubFactory(UserFactory)


class FeedbackFactory(DjangoModelFactory):
    class Meta:
        model = Feedback

    version = factory.SubFactory(SubmissionVersionFactory)
    author = factory.SubFactory(UserFactory)
    body = "Clear map. Add the award stage."


class CriterionProgressFactory(DjangoModelFactory):
    class Meta:
        model = CriterionProgress

    team = factory.SubFactory(TeamFactory)
    item = factory.SubFactory(ChecklistItemFactory)


class EvidenceFactory(DjangoModelFactory):
    class Meta:
        model = Evidence

    progress = factory.SubFactory(CriterionProgressFactory)
    kind = EvidenceKind.LINK
    url = "https://data.city.example.gov/procurement"
    note = "Our open contracts portal."


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Average bids per solicitation {n}")
    unit = "bids"
    baseline_value = 2
    baseline_date = datetime.date(2027, 1, 15)


class MeasurementFactory(DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = factory.Sequence(lambda n: datetime.date(2027, 3, 1) + datetime.timedelta(days=30 * n))
    value = 3


class AnnouncementFactory(DjangoModelFactory):
    """An unsent announcement to every member of a cohort, written in English and Spanish.

    `sent=True` marks it sent without sending anything (announcement_send does the sending);
    `role=` one of the cohort's program's roles narrows it to the members with that role.
    """

    class Meta:
        model = Announcement

    cohort = factory.SubFactory(CohortFactory)
    role = None
    title = factory.Sequence(lambda n: f"Announcement {n}")
    title_es = factory.Sequence(lambda n: f"Anuncio {n}")
    body = "The week 3 session moves to Thursday.\nBring your data systems map."
    body_es = "La sesión de la semana 3 pasa al jueves.\nTraigan su mapa de sistemas de datos."
    author = factory.SubFactory(UserFactory, is_staff=True)
    sent_at = None

    class Params:
        sent = factory.Trait(sent_at=factory.LazyFunction(timezone.now))


class CoachAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = CoachAssignment

    team = factory.SubFactory(TeamFactory)
    coach = factory.SubFactory(UserFactory, is_staff=True)
    starts_on = COHORT_START


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Topic {n}")


class TASessionFactory(DjangoModelFactory):
    class Meta:
        model = TASession
        skip_postgeneration_save = True

    team = factory.SubFactory(TeamFactory)
    coach = factory.SubFactory(UserFactory, is_staff=True)
    starts_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(
            o.team.cohort.start_date + datetime.timedelta(days=2), datetime.time(15, 0), tzinfo=datetime.UTC
        )
    )
    minutes = 45
    summary = "Walked through the data systems map; agreed to publish award notices."
    private_notes = "Deputy seems overloaded; check in with the sponsor."

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        """`topics=[…]` sets the topics the session covered."""
        if create and extracted:
            obj.topics.set(extracted)
            obj.save()

    @factory.post_generation
    def attendees(obj, create, extracted, **kwargs):
        """`attendees=[…]` sets the team memberships that took part."""
        if create and extracted:
            obj.attendees.set(extracted)
            obj.save()


class ActionItemFactory(DjangoModelFactory):
    class Meta:
        model = ActionItem

    team = factory.SubFactory(TeamFactory)
    description = factory.Sequence(lambda n: f"Next step {n}")
    due_on = factory.LazyAttribute(lambda o: o.team.cohort.start_date + datetime.timedelta(weeks=2))


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Ruta"
    title_es = "Ruta"
    slug = "home"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")


class ProgramIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProgramIndexPage

    title = "Programs"
    title_es = "Programas"
    slug = "programs"
    slug_es = "programas"


class ProgramPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProgramPage

    program = factory.SubFactory(ProgramFactory)
    title = factory.SelfAttribute("program.name")
    title_es = factory.SelfAttribute("program.name_es")
    slug = factory.SelfAttribute("program.slug")
    slug_es = factory.SelfAttribute("program.slug")


class CohortBreakFactory(DjangoModelFactory):
    """Break weeks of a cohort (after its week 4 by default); saving one keeps the cohort's
    end date in sync, on the row and on the `cohort` object passed in."""

    class Meta:
        model = CohortBreak

    cohort = factory.SubFactory(CohortFactory)
    starts_on = factory.LazyAttribute(lambda o: o.cohort.start_date + datetime.timedelta(weeks=4))
    weeks = 1
    reason = "Winter holidays"
    reason_es = "Vacaciones de invierno"


# -- Program rules (issue #14): criterion set versions, application questions, MOU, certification ----------


class CriterionSetFactory(DjangoModelFactory):
    """A version of the criteria; version 1 by default, shared by every criterion made without a set."""

    class Meta:
        model = CriterionSet
        django_get_or_create = ("version",)

    version = 1
    label = "Results-Driven Contracting"
    label_es = "Contratación orientada a resultados"
    effective_on = datetime.date(2027, 1, 1)
    is_example = True


class ApplicationQuestionFactory(DjangoModelFactory):
    class Meta:
        model = ApplicationQuestion

    program = factory.SubFactory(ProgramFactory)
    text = factory.Sequence(lambda n: f"Question {n}?")
    text_es = factory.Sequence(lambda n: f"¿Pregunta {n}?")
    kind = QuestionKind.LONG_TEXT
    required = True
    sort_order = factory.Sequence(int)


def add_track_questions(program):
    """The procurement excellence track's own application questions (../shared/PROGRAMS.md §3)."""
    return [
        ApplicationQuestionFactory(
            program=program,
            text="How will the change you want to make improve residents' outcomes?",
            text_es="¿Cómo mejorará el cambio que quieren hacer los resultados para los residentes?",
            help_text="The vision of what must change, and for whom.",
            help_text_es="La visión de lo que debe cambiar, y para quién.",
            kind=QuestionKind.LONG_TEXT,
            required=True,
        ),
        ApplicationQuestionFactory(
            program=program,
            text="Which electronic procurement systems does your city use?",
            text_es="¿Qué sistemas de compras electrónicas usa su ciudad?",
            help_text="For example an e-procurement portal, an ERP, a contract management system.",
            help_text_es=(
                "Por ejemplo, un portal de compras electrónicas, un ERP o un sistema de gestión de contratos."
            ),
            kind=QuestionKind.SHORT_TEXT,
            required=False,
        ),
        ApplicationQuestionFactory(
            program=program,
            text="How mature is your city's procurement?",
            text_es="¿Qué tan madura es la función de compras de su ciudad?",
            kind=QuestionKind.CHOICE,
            required=True,
            options="Starting out\nDeveloping\nEstablished\nAdvanced",
            options_es="Comenzando\nEn desarrollo\nConsolidada\nAvanzada",
        ),
    ]


class RegistrationAnswerFactory(DjangoModelFactory):
    class Meta:
        model = RegistrationAnswer

    registration = factory.SubFactory(RegistrationFactory)
    question = factory.SubFactory(
        ApplicationQuestionFactory, program=factory.SelfAttribute("..registration.cohort.program")
    )
    question_text = factory.LazyAttribute(lambda o: o.question.text)
    answer = "We publish award notices as open data."


class SignedMOUFactory(DjangoModelFactory):
    """A recorded MOU (the service team_mou_record is how staff record one)."""

    class Meta:
        model = SignedMOU

    team = factory.SubFactory(TeamFactory)
    file = factory.django.FileField(filename="mou.pdf", data=b"%PDF-1.4 signed")
    original_name = "mou.pdf"
    signed_on = factory.LazyAttribute(lambda o: o.team.cohort.start_date - datetime.timedelta(days=10))
    counterparty = "Harvard Kennedy School Government Performance Lab"


class CertificationRecordFactory(DjangoModelFactory):
    class Meta:
        model = CertificationRecord

    team = factory.SubFactory(TeamFactory)
    level = CertificationLevel.SILVER
    certified_on = datetime.date(2026, 10, 1)
    evidence_url = "https://whatworkscities.bloomberg.org/certification/"


# A cohort whose day and time are agreed with the participants (issue #14): its poll, slots, answers.

from cohorts.schedule.models import ScheduleAnswer, SchedulePoll, ScheduleSlot, ScheduleVote  # noqa: E402


class ToBeAgreedCohortFactory(CohortFactory):
    """A cohort whose session weekday and time are to be agreed with the participants (left empty)."""

    schedule_to_be_agreed = True
    weekday = None
    local_time = None


class SchedulePollFactory(DjangoModelFactory):
    """A poll being prepared (not opened: open it with schedule_poll_open, which tells the members)."""

    class Meta:
        model = SchedulePoll

    cohort = factory.SubFactory(ToBeAgreedCohortFactory)


class ScheduleSlotFactory(DjangoModelFactory):
    class Meta:
        model = ScheduleSlot

    poll = factory.SubFactory(SchedulePollFactory)
    weekday = Weekday.WEDNESDAY
    local_time = datetime.time(10, 0)
    sort_order = factory.Sequence(int)


class ScheduleVoteFactory(DjangoModelFactory):
    """An answer of a member of a team of the slot's cohort."""

    class Meta:
        model = ScheduleVote

    slot = factory.SubFactory(ScheduleSlotFactory)
    membership = factory.SubFactory(
        MembershipFactory, team__cohort=factory.SelfAttribute("...slot.poll.cohort")
    )
    answer = ScheduleAnswer.YES


class ProgramPhaseFactory(DjangoModelFactory):
    """A phase of a program, after the ones it already has."""

    class Meta:
        model = ProgramPhase

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Phase {n}")
    weeks = 4
    sort_order = factory.LazyAttribute(lambda o: o.program.phases.count())


class MilestoneFactory(DjangoModelFactory):
    """A review of the team, due the last day of its cohort's week 4 (see the kind-specific ones)."""

    class Meta:
        model = Milestone
        skip_postgeneration_save = True

    team = factory.SubFactory(TeamFactory)
    kind = MilestoneKind.REVIEW
    title = factory.Sequence(lambda n: f"Review {n}")
    due_on = factory.LazyAttribute(lambda o: o.team.cohort.due_date(4))

    @factory.post_generation
    def participants(obj, create, extracted, **kwargs):
        """`participants=[…]` sets the team memberships taking part (site visits)."""
        if create and extracted:
            obj.participants.set(extracted)


class SiteVisitFactory(MilestoneFactory):
    """A site visit on the Tuesday of its cohort's week 6, 10:00 in the cohort's time zone."""

    kind = MilestoneKind.SITE_VISIT
    title = "First site visit"
    due_on = None
    starts_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(
            o.team.cohort.week_start(6) + datetime.timedelta(days=1),
            datetime.time(10),
            tzinfo=o.team.cohort.zone,
        )
    )
    place = "City Hall, room 301"
    agenda = "Meet the procurement team\nWalk through a solicitation\nAgree the interview list"
    other_participants = "Coach\nIT lead"


class DeliverableMilestoneFactory(MilestoneFactory):
    """A deliverable due: the template's due date unless given."""

    kind = MilestoneKind.DELIVERABLE
    title = ""
    template = factory.SubFactory(
        AssignmentTemplateFactory, program=factory.SelfAttribute("..team.cohort.program")
    )
    due_on = factory.LazyAttribute(lambda o: o.team.cohort.due_date(o.template.due_week))


class CheckInFactory(DjangoModelFactory):
    class Meta:
        model = CheckIn

    team = factory.SubFactory(TeamFactory)
    week = 1
    rating = CheckInRating.GOOD
    political_support = PoliticalSupport.STEADY
    blockers = ""
    updated_by = factory.SubFactory(UserFactory)


class MomentumNoteFactory(DjangoModelFactory):
    class Meta:
        model = MomentumNote

    team = factory.SubFactory(TeamFactory)
    week = 1
    body = "Called the sponsor; agreed a date for the data decision."
    author = factory.SubFactory(UserFactory, is_staff=True)


class PeerPairingFactory(DjangoModelFactory):
    """Two teams paired for peer support; the peer is an alumni team of an earlier cohort of the
    same program, on the same focus area, unless given."""

    class Meta:
        model = PeerPairing

    team = factory.SubFactory(TeamFactory)
    peer = factory.SubFactory(
        TeamFactory,
        cohort=factory.SubFactory(
            CohortFactory,
            program=factory.SelfAttribute("...team.cohort.program"),
            start_date=factory.LazyAttribute(
                lambda o: (
                    o.factory_parent.factory_parent.team.cohort.start_date - datetime.timedelta(weeks=52)
                )
            ),
        ),
        focus_area=factory.SelfAttribute("..team.focus_area"),
    )
    note = "Both teams are opening up their bid data."


class PeerMessageFactory(DjangoModelFactory):
    class Meta:
        model = PeerMessage

    pairing = factory.SubFactory(PeerPairingFactory)
    team = factory.SelfAttribute("pairing.team")
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Message {n}: how did you publish your awards?")


class SharedResultFactory(DjangoModelFactory):
    """A case story the team proposed (status `proposed`), written in its cohort's language."""

    class Meta:
        model = SharedResult

    team = factory.SubFactory(TeamFactory)
    kind = ResultKind.CASE_STORY
    status = ResultStatus.PROPOSED
    language = factory.SelfAttribute("team.cohort.language")
    slug = factory.Sequence(lambda n: f"result-{n}")
    title_en = factory.Sequence(lambda n: f"Result {n}: more bids per solicitation")
    problem_en = "Most solicitations received a single bid."
    what_changed_en = "We publish every open solicitation weekly, as open data."
    revision = 1
    proposed_at = factory.LazyFunction(timezone.now)

    class Params:
        published = factory.Trait(
            status=ResultStatus.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
            reviewed_at=factory.LazyFunction(timezone.now),
        )
