"""Program rules as the programs state them (issue #14): a recommended team size is shown and warned
about, never refused; the track's sizes and roles stay hard rules; each program asks its own questions."""

import csv
import datetime
import io

import openpyxl
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from cohorts.registration.models import Registration, RegistrationStatus
from cohorts.registration.rules import team_composition_errors, team_size_warning
from cohorts.registration.services import registration_submit
from sprints.models import ProgramKind, QuestionKind
from tests.test_views_registration import apply_url

pytestmark = pytest.mark.django_db

QUEUE_URL = "registration:index"


@pytest.fixture(autouse=True)
def registration_is_open():
    with time_machine.travel(datetime.datetime(2027, 1, 4, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def sprint():
    """A sprint as announced: "teams of ideally 3", no hard limits."""
    program = f.ProgramFactory(team_size_recommended=3, team_size_min=None, team_size_max=None)
    f.RoleFactory(program=program, name="Team member", min_count=1, max_count=10)
    f.FocusAreaFactory(program=program, name="Vendor participation")
    return program


@pytest.fixture
def track():
    """The procurement excellence track: 4–5 people, in fixed roles, and its own questions."""
    program = f.ProgramFactory(
        kind=ProgramKind.TRACK,
        team_size_min=4,
        team_size_max=5,
        team_size_recommended=None,
        mou_required=True,
    )
    head = f.RoleFactory(program=program, name="Head of purchasing", min_count=1, max_count=1)
    deputy = f.RoleFactory(program=program, name="Deputy or buyer", min_count=1, max_count=1)
    sponsor = f.RoleFactory(program=program, name="Executive sponsor", min_count=2, max_count=3)
    f.FocusAreaFactory(program=program, name="Equity")
    f.add_track_questions(program)
    program.test_roles = {"head": head, "deputy": deputy, "sponsor": sponsor}
    return program


@pytest.fixture
def applicant(client):
    user = f.UserFactory(email="ana@tulsa.gov", full_name="Ana Applicant")
    client.force_login(user)
    return user


def form_data(cohort, roles, *, action="submit", **overrides):
    data = {
        "city": "Tulsa",
        "jurisdiction": "Oklahoma",
        "team_name": "Open Tulsa",
        "challenge_statement": "Few bids per solicitation.",
        "focus_area": cohort.program.focus_areas.get().pk,
        "accepts_time_commitment": "on",
        "accepts_mou": "on",
        "members-TOTAL_FORMS": str(len(roles)),
        "members-INITIAL_FORMS": "0",
        action: "1",
    }
    for index, role in enumerate(roles):
        data |= {
            f"members-{index}-full_name": f"Member {index}",
            f"members-{index}-email": "ana@tulsa.gov" if index == 0 else f"member{index}@tulsa.gov",
            f"members-{index}-role": role.pk,
        }
    return data | overrides


def track_answers(program, language="en"):
    questions = list(program.questions.order_by("sort_order"))
    with translation.override(language):
        return {
            f"question_{questions[0].pk}": "Faster payments for small vendors mean better services.",
            f"question_{questions[1].pk}": "Bonfire and Tyler Munis",
            f"question_{questions[2].pk}": questions[2].option_list[1],
        }


# Team size: a recommendation for sprints, hard limits for the track


def test_a_recommended_size_is_never_a_refusal(sprint):
    role = sprint.roles.get()
    members = [f.RegistrationMemberFactory.build(role=role, email=f"m{i}@x.gov") for i in range(5)]
    assert team_composition_errors(sprint, members) == []
    assert team_composition_errors(sprint, members[:1]) == []


def test_staff_are_warned_when_a_team_differs_from_the_recommendation(sprint):
    assert team_size_warning(sprint, 3) is None
    assert str(team_size_warning(sprint, 5)) == "This team has 5 members; the program recommends 3."


def test_the_form_shows_the_recommendation_to_applicants(client, applicant, sprint):
    cohort = f.CohortFactory(program=sprint)
    page = client.get(apply_url(cohort)).text
    assert "Teams of ideally 3 people." in page
    assert 'name="members-TOTAL_FORMS" value="3"' in page
    assert "Equipos de idealmente 3 personas." in client.get(apply_url(cohort, "es")).text


def test_a_sprint_team_of_five_can_submit(client, applicant, sprint):
    cohort = f.CohortFactory(program=sprint)
    role = sprint.roles.get()
    response = client.post(apply_url(cohort), form_data(cohort, [role] * 5))
    assert response.status_code == 302
    assert Registration.objects.get().status == RegistrationStatus.SUBMITTED


def test_the_track_refuses_a_team_of_three(client, applicant, track):
    cohort = f.CohortFactory(program=track)
    roles = track.test_roles
    data = form_data(cohort, [roles["head"], roles["deputy"], roles["sponsor"]]) | track_answers(track)
    response = client.post(apply_url(cohort), data)
    assert response.status_code == 200
    assert "This program needs a team of at least 4 people." in response.text
    assert "The team needs at least 2 people in the role “Executive sponsor” (it has 1)." in response.text
    assert not Registration.objects.exists()


def test_the_track_refuses_four_executive_sponsors(track):
    roles = track.test_roles
    members = [
        f.RegistrationMemberFactory.build(role=role, email=f"m{i}@x.gov")
        for i, role in enumerate(
            [roles["head"], roles["sponsor"], roles["sponsor"], roles["sponsor"], roles["sponsor"]]
        )
    ]
    codes = {error.code for error in team_composition_errors(track, members)}
    assert codes == {"role_too_few", "role_too_many"}


def test_the_review_queue_and_decision_warn_staff_about_the_size(staff_client, sprint):
    registration = f.RegistrationFactory(cohort=f.CohortFactory(program=sprint), team_name="Fivefold")
    f.RegistrationMemberFactory.create_batch(5, registration=registration)
    queue = staff_client.get(reverse(QUEUE_URL)).content.decode()
    assert "This team has 5 members; the program recommends 3." in queue
    inspect = staff_client.get(reverse("registration:inspect", args=[registration.pk])).content.decode()
    assert "This team has 5 members; the program recommends 3." in inspect
    decide = staff_client.get(reverse("registration:decide", args=[registration.pk])).content.decode()
    assert "This team has 5 members; the program recommends 3." in decide


def test_no_warning_for_a_team_of_the_recommended_size(staff_client, sprint):
    registration = f.RegistrationFactory(cohort=f.CohortFactory(program=sprint))
    f.RegistrationMemberFactory.create_batch(3, registration=registration)
    inspect = staff_client.get(reverse("registration:inspect", args=[registration.pk])).content.decode()
    assert "the program recommends" not in inspect


def test_a_recommendation_outside_the_hard_limits_is_refused():
    program = f.ProgramFactory.build(slug="x", team_size_min=4, team_size_max=5, team_size_recommended=3)
    with pytest.raises(ValidationError, match="recommended team size"):
        program.full_clean()


# Application questions


def test_the_questions_show_in_the_applicants_language(client, applicant, track):
    cohort = f.CohortFactory(program=track)
    english = client.get(apply_url(cohort)).text
    assert "How will the change you want to make improve residents&#x27; outcomes?" in english
    assert "Which electronic procurement systems does your city use?" in english
    assert "Established" in english
    spanish = client.get(apply_url(cohort, "es")).text
    assert "¿Cómo mejorará el cambio que quieren hacer los resultados para los residentes?" in spanish
    assert "¿Qué sistemas de compras electrónicas usa su ciudad?" in spanish
    assert "Consolidada" in spanish


def test_a_required_question_left_empty_is_refused_with_its_message_and_nothing_lost(
    client, applicant, track
):
    cohort = f.CohortFactory(program=track)
    roles = track.test_roles
    members = [roles["head"], roles["deputy"], roles["sponsor"], roles["sponsor"]]
    answers = track_answers(track)
    first = next(iter(answers))
    data = form_data(cohort, members) | answers | {first: ""}
    response = client.post(apply_url(cohort, "es"), data)
    assert response.status_code == 200
    assert "Responda esta pregunta." in response.text
    assert "Bonfire and Tyler Munis" in response.text
    assert 'value="member3@tulsa.gov"' in response.text
    assert not Registration.objects.exists()


def test_answers_are_stored_with_the_question_as_asked(client, applicant, track):
    cohort = f.CohortFactory(program=track)
    roles = track.test_roles
    members = [roles["head"], roles["deputy"], roles["sponsor"], roles["sponsor"]]
    response = client.post(apply_url(cohort, "es"), form_data(cohort, members) | track_answers(track, "es"))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.SUBMITTED
    answers = {answer.question_text: answer.answer for answer in registration.answers.all()}
    assert answers["¿Qué sistemas de compras electrónicas usa su ciudad?"] == "Bonfire and Tyler Munis"
    assert answers["¿Qué tan madura es la función de compras de su ciudad?"] == "En desarrollo"

    # Editing the question later keeps what the applicant answered to.
    question = track.questions.get(kind=QuestionKind.SHORT_TEXT)
    question.text_es = "¿Qué sistemas usan?"
    question.save()
    answer = registration.answers.get(question=question)
    assert answer.question_text == "¿Qué sistemas de compras electrónicas usa su ciudad?"


def test_a_choice_answered_in_spanish_reads_back_in_english(client, applicant, track):
    cohort = f.CohortFactory(program=track)
    roles = track.test_roles
    members = [roles["head"], roles["deputy"], roles["sponsor"], roles["sponsor"]]
    client.post(
        apply_url(cohort, "es"), form_data(cohort, members, action="save") | track_answers(track, "es")
    )
    registration = Registration.objects.get()
    with translation.override("en"):
        page = client.get(reverse("cohorts:registration_edit", args=[registration.pk])).text
    assert '<option value="Developing" selected>' in page


def test_the_submit_service_refuses_a_missing_required_answer(track):
    cohort = f.CohortFactory(program=track)
    registration = f.RegistrationFactory(cohort=cohort, status=RegistrationStatus.DRAFT, submitted_at=None)
    roles = track.test_roles
    for role in [roles["head"], roles["deputy"], roles["sponsor"], roles["sponsor"]]:
        f.RegistrationMemberFactory(registration=registration, role=role)
    with pytest.raises(ValidationError) as refused:
        registration_submit(registration=registration)
    assert "answer_required" in {error.code for error in refused.value.error_list}


@pytest.fixture
def answered(track):
    cohort = f.CohortFactory(program=track, name="Track 2027")
    registration = f.RegistrationFactory(cohort=cohort, team_name="Answered team")
    questions = list(track.questions.order_by("sort_order"))
    f.RegistrationAnswerFactory(
        registration=registration, question=questions[0], answer="Shorter cycle times."
    )
    f.RegistrationAnswerFactory(registration=registration, question=questions[2], answer="Developing")
    return registration


def test_answers_show_to_staff_on_the_inspect_and_decision_pages(staff_client, answered):
    inspect = staff_client.get(reverse("registration:inspect", args=[answered.pk])).content.decode()
    assert "How will the change you want to make improve residents&#x27; outcomes?" in inspect
    assert "Shorter cycle times." in inspect
    decide = staff_client.get(reverse("registration:decide", args=[answered.pk])).content.decode()
    assert "Shorter cycle times." in decide


def test_the_export_has_a_column_per_question_of_the_cohorts_program(staff_client, answered, track):
    response = staff_client.get(reverse(QUEUE_URL), {"cohort": answered.cohort_id, "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, row = rows
    column = header.index("How will the change you want to make improve residents' outcomes?")
    assert row[column] == "Shorter cycle times."
    assert row[header.index("How mature is your city's procurement?")] == "Developing"

    response = staff_client.get(reverse(QUEUE_URL), {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    answers = rows[0].index("Application answers")
    assert "Shorter cycle times." in rows[1][answers]


def _queue_queries(staff_client, django_assert_max_num_queries, cohort, limit):
    staff_client.get(reverse(QUEUE_URL), {"cohort": cohort.pk})  # warm the per-process caches
    with django_assert_max_num_queries(limit):
        assert staff_client.get(reverse(QUEUE_URL), {"cohort": cohort.pk}).status_code == 200
        staff_client.get(reverse(QUEUE_URL), {"cohort": cohort.pk, "export": "xlsx"})


@pytest.mark.parametrize("size", [2, 12])
def test_the_queue_and_its_export_run_a_bounded_number_of_queries(
    staff_client, track, size, django_assert_max_num_queries
):
    cohort = f.CohortFactory(program=track)
    questions = list(track.questions.all())
    for _ in range(size):
        registration = f.RegistrationFactory(cohort=cohort)
        f.RegistrationMemberFactory.create_batch(3, registration=registration)
        for question in questions:
            f.RegistrationAnswerFactory(registration=registration, question=question)
    _queue_queries(staff_client, django_assert_max_num_queries, cohort, 40)


def test_the_program_page_states_the_recommendation_not_made_up_limits(client, program_index, sprint):
    page = f.ProgramPageFactory(parent=program_index, program=sprint)
    text = client.get(page.url).content.decode()
    assert "Ideally 3 people" in " ".join(text.split())
    assert "None" not in text
