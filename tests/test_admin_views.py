"""The Wagtail admin for staff: every domain viewset lists, searches, filters, adds, edits and inspects."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.demo import factories
from cohorts.models import Cohort
from sprints.models import Program

ADMIN_LOGIN_URL = getattr(settings, "WAGTAILADMIN_LOGIN_URL", "wagtailadmin_login")


@dataclass(frozen=True)
class Admin:
    """One registered viewset: how to make an object, find it by search and by a filter."""

    name: str
    factory: Callable
    search: Callable  # object -> a search query that finds it
    filters: Callable | None = None  # object -> query parameters of a filter that keeps it
    editable: bool = True  # a generic add and edit view (False: read-only, or service-owned)
    parent: str = ""  # the factory makes an inline child (so the inline has a row); list its parent

    def make(self):
        obj = self.factory()
        return getattr(obj, self.parent) if self.parent else obj

    def __str__(self):
        return self.name

    def url(self, view, obj=None):
        return reverse(f"{self.name}:{view}", args=[obj.pk] if obj else [])


ADMINS = [
    Admin("program", factories.ProgramFactory, lambda o: o.name_es, lambda o: {"kind": o.kind}),
    Admin(
        "sessionplan", factories.SessionPlanFactory, lambda o: o.title, lambda o: {"program": o.program_id}
    ),
    Admin(
        "assignmenttemplate",
        factories.AssignmentTemplateFactory,
        lambda o: o.key,
        lambda o: {"kind": o.kind, "program": o.program_id},
    ),
    Admin("criterion", factories.ChecklistItemFactory, lambda o: o.code, parent="criterion"),
    Admin(
        "cohort",
        factories.CohortFactory,
        lambda o: o.program.name,
        lambda o: {"language": o.language, "status": o.status},
    ),
    Admin("session", factories.SessionFactory, lambda o: o.title, lambda o: {"cohort": o.cohort_id}),
    Admin(
        "registration",
        factories.RegistrationMemberFactory,
        lambda o: o.applicant.email,
        lambda o: {"status": o.status, "cohort__program": o.cohort.program_id},
        editable=False,
        parent="registration",
    ),
    Admin(
        "team",
        factories.MembershipFactory,
        lambda o: o.city,
        lambda o: {"cohort": o.cohort_id},
        parent="team",
    ),
    Admin(
        "attendance",
        factories.AttendanceFactory,
        lambda o: o.membership.user.full_name,
        lambda o: {"status": o.status, "session__cohort": o.session.cohort_id},
        editable=False,
    ),
    Admin(
        "submission",
        factories.SubmissionFactory,
        lambda o: o.team.name,
        lambda o: {"status": o.status, "template__kind": o.template.kind},
        editable=False,
    ),
    Admin(
        "submissionversion",
        factories.SubmissionVersionFactory,
        lambda o: o.submission.team.name,
        lambda o: {"submission__team__cohort": o.submission.team.cohort_id},
        editable=False,
    ),
    Admin(
        "feedback",
        factories.FeedbackFactory,
        lambda o: "award stage",
        lambda o: {"decision": o.decision},
        editable=False,
    ),
    Admin(
        "criterionprogress",
        factories.CriterionProgressFactory,
        lambda o: o.team.name,
        lambda o: {"status": o.status, "item__criterion": o.item.criterion_id},
        editable=False,
    ),
    Admin(
        "evidence",
        factories.EvidenceFactory,
        lambda o: "contracts portal",
        lambda o: {"kind": o.kind},
        editable=False,
    ),
    Admin("indicator", factories.IndicatorFactory, lambda o: o.name, lambda o: {"direction": o.direction}),
    Admin(
        "measurement",
        factories.MeasurementFactory,
        lambda o: o.indicator.name,
        lambda o: {"indicator__team__cohort": o.indicator.team.cohort_id},
        editable=False,
    ),
    Admin(
        "announcement",
        factories.AnnouncementFactory,
        lambda o: o.title_es,
        lambda o: {"cohort": o.cohort_id, "sent": "unsent"},
    ),
    Admin(
        "coachassignment",
        factories.CoachAssignmentFactory,
        lambda o: o.coach.full_name,
        lambda o: {"role": o.role, "coach": o.coach_id},
    ),
    Admin("topic", factories.TopicFactory, lambda o: o.slug),
    Admin(
        "tasession",
        factories.TASessionFactory,
        lambda o: "award notices",
        lambda o: {"mode": o.mode, "coach": o.coach_id},
    ),
    Admin("actionitem", factories.ActionItemFactory, lambda o: o.description, lambda o: {"status": o.status}),
]


@pytest.fixture(params=ADMINS, ids=str)
def admin(request):
    return request.param


@pytest.mark.django_db
class TestEveryViewset:
    def test_listing_add_edit_inspect_and_history_load(self, staff_client, admin):
        obj = admin.make()
        assert staff_client.get(admin.url("index")).status_code == 200
        assert staff_client.get(admin.url("inspect", obj)).status_code == 200
        assert staff_client.get(admin.url("history", obj)).status_code == 200
        if admin.editable:
            assert staff_client.get(admin.url("add")).status_code == 200
            assert staff_client.get(admin.url("edit", obj)).status_code == 200
        else:
            with pytest.raises(NoReverseMatch):
                admin.url("edit", obj)

    def test_search_finds_the_object(self, staff_client, admin):
        obj = admin.make()
        response = staff_client.get(admin.url("index"), {"q": admin.search(obj)})
        assert response.status_code == 200
        assert obj in response.context["object_list"]

    @pytest.mark.parametrize("admin", [admin for admin in ADMINS if admin.filters], ids=str)
    def test_filter_keeps_the_object(self, staff_client, admin):
        obj = admin.make()
        response = staff_client.get(admin.url("index"), admin.filters(obj))
        assert response.status_code == 200
        assert response.context["is_filtering"]
        assert obj in response.context["object_list"]

    def test_listing_queries_do_not_grow_with_rows(self, staff_client, admin, django_assert_max_num_queries):
        admin.make()
        url = admin.url("index")
        staff_client.get(url)  # warm caches (content types, site)
        with CaptureQueriesContext(connection) as one_row:
            assert staff_client.get(url).status_code == 200
        for _ in range(9):
            admin.make()
        with django_assert_max_num_queries(len(one_row)):
            response = staff_client.get(url)
        assert len(response.context["object_list"]) == 10

    def test_signed_in_non_staff_is_kept_out(self, client, user, admin):
        client.force_login(user)
        response = client.get(admin.url("index"))
        assert response.status_code == 302
        assert response["Location"].startswith(resolve_url(ADMIN_LOGIN_URL))


@pytest.mark.django_db
def test_submission_version_is_read_only(staff_client):
    version = factories.SubmissionVersionFactory()
    for view, args in [("add", []), ("edit", [version.pk]), ("delete", [version.pk]), ("copy", [version.pk])]:
        with pytest.raises(NoReverseMatch):
            reverse(f"submissionversion:{view}", args=args)
    response = staff_client.get(reverse("submissionversion:inspect", args=[version.pk]))
    assert response.status_code == 200
    assert "<pre" in response.content.decode()


@pytest.mark.django_db
def test_submission_content_is_not_editable_but_inspectable(staff_client):
    submission = factories.SubmissionFactory()
    with pytest.raises(NoReverseMatch):
        reverse("submission:edit", args=[submission.pk])
    response = staff_client.get(reverse("submission:inspect", args=[submission.pk]))
    assert "stages" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, factory", [("cohort", factories.CohortFactory), ("sessionplan", factories.SessionPlanFactory)]
)
def test_copy_prefills_the_add_form_and_never_saves_over_the_original(staff_client, name, factory):
    original = factory()
    url = reverse(f"{name}:copy", args=[original.pk])

    response = staff_client.get(url)
    assert response.status_code == 200
    assert response.context["action_url"] == reverse(f"{name}:add")
    assert response.context["form"].initial["program"] == original.program_id
    assert staff_client.post(url, {}).status_code == 405


@pytest.mark.django_db
def test_program_add_form_saves_english_and_spanish_names(staff_client):
    data = nested_form_data(
        {
            "name_en": "Open data sprint",
            "name_es": "Sprint de datos abiertos",
            "slug": "open-data-sprint",
            "kind": "sprint",
            "duration_weeks": 12,
            "default_weekday": 1,
            "ta_cadence_days": 7,
            "team_size_min": 3,
            "team_size_max": 5,
            "phases": inline_formset([]),
            "roles": inline_formset(
                [
                    {
                        "name_en": "Buyer",
                        "name_es": "Comprador",
                        "hours": 2,
                        "period": "week",
                        "min_count": 1,
                        "max_count": 1,
                        "required": "on",
                    }
                ]
            ),
            "focus_areas": inline_formset([{"name_en": "Open data", "name_es": "Datos abiertos"}]),
            "questions": inline_formset(
                [
                    {
                        "text_en": "How mature is your procurement?",
                        "text_es": "¿Qué tan madura es su función de compras?",
                        "help_text_en": "Pick the closest.",
                        "help_text_es": "Elija la más cercana.",
                        "kind": "choice",
                        "required": "on",
                        "options_en": "Starting out\nAdvanced",
                        "options_es": "Comenzando\nAvanzada",
                    }
                ]
            ),
        }
    )
    response = staff_client.post(reverse("program:add"), data)

    assert response.status_code == 302, response.context["form"].errors
    program = Program.objects.get(slug="open-data-sprint")
    assert (program.name_en, program.name_es) == ("Open data sprint", "Sprint de datos abiertos")
    role = program.roles.get()
    assert (role.name_en, role.name_es) == ("Buyer", "Comprador")
    assert program.focus_areas.get().name_es == "Datos abiertos"
    question = program.questions.get()
    assert (question.text_en, question.text_es) == (
        "How mature is your procurement?",
        "¿Qué tan madura es su función de compras?",
    )
    assert question.options_es == "Comenzando\nAvanzada"


@pytest.mark.django_db
def test_cohort_add_form_derives_end_date(staff_client):
    program = factories.ProgramFactory(duration_weeks=12)
    data = {
        "program": program.pk,
        "name_en": "Spring 2027 — Spanish",
        "name_es": "Primavera 2027 — español",
        "language": "es",
        "time_zone": "America/Bogota",
        "weekday": 1,
        "local_time": "11:00",
        "start_date": "2027-02-01",
        "registration_opens": "2026-12-01",
        "registration_deadline": "2027-01-20",
        "capacity": 8,
        "meeting_url": "",
        "breaks": inline_formset([]),
    }
    response = staff_client.post(reverse("cohort:add"), nested_form_data(data))

    assert response.status_code == 302, response.context["form"].errors
    cohort = Cohort.objects.get(name_en="Spring 2027 — Spanish")
    assert cohort.name_es == "Primavera 2027 — español"
    assert cohort.end_date == datetime.date(2027, 4, 25)


@pytest.mark.django_db
def test_cohort_add_form_refuses_deadline_after_start(staff_client):
    program = factories.ProgramFactory()
    data = {
        "program": program.pk,
        "name_en": "Late cohort",
        "language": "en",
        "time_zone": "America/New_York",
        "weekday": 1,
        "local_time": "11:00",
        "start_date": "2027-02-01",
        "registration_opens": "2026-12-01",
        "registration_deadline": "2027-02-10",
        "capacity": 8,
        "breaks": inline_formset([]),
    }
    response = staff_client.post(reverse("cohort:add"), nested_form_data(data))

    assert response.status_code == 200
    assert not Cohort.objects.exists()
    assert "The registration deadline must be before the start date." in str(response.context["form"].errors)


@pytest.mark.django_db
def test_feedback_given_in_the_admin_is_signed_by_the_staff_member(staff_client, staff_user):
    version = factories.SubmissionVersionFactory(
        submission__status="submitted", submission__version_number=1, number=1
    )
    response = staff_client.post(
        reverse("cohorts_submission_review", args=[version.submission_id]),
        {"decision": "accepted", "body": "Well done."},
    )

    assert response.status_code == 302, response.context["form"].errors
    assert version.feedback.get().author == staff_user
