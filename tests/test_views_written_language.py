"""A team's own words in another language than the page's are marked with their `lang` (issue 18:
"a coach reading a Spanish team's work in English"), in one place (accounts.languages.lang_attribute,
the `written_in` filter), and never the page's own labels around them."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from accounts.languages import lang_attribute
from cms.demo import factories as f
from coaching.models import ActionItemComment
from cohorts.progress.models import EvidenceKind
from cohorts.progress.services import evidence_add
from sprints.models import AssignmentKind
from tests.coaching_helpers import make_coach

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def spanish_member(db):
    cohort = f.CohortFactory(language="es")
    return f.MembershipFactory(team__cohort=cohort, user__preferred_language="en")


def marked(page, text):
    """The `lang` of the nearest element holding `text` (None when none is marked)."""
    node = page.find(string=lambda s: s and text in s)
    assert node is not None, text
    return marked_node(node)


def marked_node(node):
    for parent in node.parents:
        if parent.has_attr("lang"):
            return parent["lang"]
    return None


def test_lang_attribute_marks_only_another_language(spanish_member):
    team = spanish_member.team
    with translation.override("en"):
        assert lang_attribute(team) == ' lang="es"'
        assert lang_attribute(team.cohort) == ' lang="es"'
        assert lang_attribute("en") == ""
    with translation.override("es"):
        assert lang_attribute(team) == ""


def test_a_spanish_teams_answers_are_marked_spanish_on_an_english_page(client, spanish_member):
    team = spanish_member.team
    template = f.AssignmentTemplateFactory(program=team.cohort.program, kind=AssignmentKind.PILOT_PLAN)
    content = {
        "problem": "Los proveedores no encuentran las licitaciones.",
        "solution": "Publicar un calendario.",
        "tasks": [{"description": "Redactar el calendario", "owner": "Compras", "due_date": ""}],
        "indicators": [],
    }
    submission = f.SubmissionFactory(team=team, template=template, content=content)
    f.SubmissionVersionFactory(submission=submission, number=1, content=content)
    client.force_login(spanish_member.user)
    page = soup(client.get(reverse("cohorts:assignment_history", args=[team.pk, template.pk])))
    assert marked(page, "Los proveedores no encuentran") == "es"
    assert marked(page, "Redactar el calendario") == "es"
    heading = page.find("h3", string="Problem")  # the page's own heading keeps the page's language
    assert not any(node.has_attr("lang") for node in [heading, *heading.parents] if node.name != "html")


def test_a_teams_answers_are_not_marked_in_their_own_language(client, spanish_member):
    team = spanish_member.team
    template = f.AssignmentTemplateFactory(program=team.cohort.program, kind=AssignmentKind.DOCUMENT)
    content = {"body": "Nuestro plan de datos abiertos.", "links": []}
    submission = f.SubmissionFactory(team=team, template=template, content=content)
    f.SubmissionVersionFactory(submission=submission, number=1, content=content)
    client.force_login(spanish_member.user)
    with translation.override("es"):
        url = reverse("cohorts:assignment_history", args=[team.pk, template.pk])
    page = soup(client.get(url))
    assert marked(page, "Nuestro plan de datos abiertos") == "es"  # the page's own lang only
    node = page.find(string=lambda s: s and "Nuestro plan" in s)
    assert not any(p.has_attr("lang") for p in node.parents if p.name != "html")


def test_evidence_notes_and_check_in_blockers_are_marked(client, spanish_member):
    team = spanish_member.team
    evidence_add(
        team=team,
        item=f.ChecklistItemFactory(),
        user=spanish_member.user,
        kind=EvidenceKind.LINK,
        url="https://datos.ciudad.example.gob/",
        note="Nuestro portal de contratos.",
    )
    f.CheckInFactory(team=team, week=1, blockers="Falta apoyo del alcalde.")
    client.force_login(spanish_member.user)
    with translation.override("en"):
        progress = soup(client.get(reverse("cohorts:team_progress", args=[team.pk])))
        checkin = soup(client.get(reverse("cohorts:team_checkin", args=[team.pk])))
    assert marked(progress, "Nuestro portal de contratos.") == "es"
    assert marked(checkin, "Falta apoyo del alcalde.") == "es"


def test_application_answers_are_marked_in_the_admin_review(staff_client):
    cohort = f.CohortFactory(language="es")
    registration = f.RegistrationFactory(cohort=cohort, status="submitted")
    question = f.ApplicationQuestionFactory(program=cohort.program)
    f.RegistrationAnswerFactory(registration=registration, question=question, answer="Queremos más ofertas.")
    with translation.override("en"):
        url = reverse("registration:decide", args=[registration.pk])
    page = soup(staff_client.get(url))
    assert marked(page, "Queremos más ofertas.") == "es"


def test_compared_versions_of_a_spanish_team_are_marked_spanish(client, spanish_member):
    team = spanish_member.team
    template = f.AssignmentTemplateFactory(program=team.cohort.program, kind=AssignmentKind.DOCUMENT)
    first = {"body": "Primer borrador.", "links": []}
    second = {"body": "Segundo borrador.", "links": []}
    submission = f.SubmissionFactory(team=team, template=template, content=second)
    f.SubmissionVersionFactory(submission=submission, number=1, content=first)
    f.SubmissionVersionFactory(submission=submission, number=2, content=second)
    client.force_login(spanish_member.user)
    url = reverse("cohorts:assignment_compare", args=[team.pk, template.pk])
    page = soup(client.get(url, {"a": "1", "b": "2"}))
    assert marked(page, "Primer borrador.") == "es"
    field = page.select_one("[data-diff] tbody th")
    assert not field.has_attr("lang")


def test_a_spanish_peers_message_is_marked_spanish_for_an_english_team(client, member):
    """An English team paired with an alumni team of the program's Spanish cohort."""
    pairing = f.PeerPairingFactory(team=member.team, peer__cohort__language="es")
    f.PeerMessageFactory(pairing=pairing, team=pairing.peer, body="¿Cómo publicaron sus contratos?")
    f.PeerMessageFactory(pairing=pairing, team=member.team, body="We publish them every month.")
    client.force_login(member.user)
    page = soup(client.get(reverse("cohorts:peer_pairing", args=[member.team.pk, pairing.pk])))
    assert marked(page, "¿Cómo publicaron sus contratos?") == "es"
    assert marked(page, "We publish them every month.") == "en"  # the page's own lang only


# Feedback threads and action items, on the team's pages and the coach's (issue #18)


@pytest.fixture
def spanish_thread(spanish_member):
    """A Spanish team's submitted plan with its coach's feedback, and a next step from a TA session
    with a member's comment on it."""
    team = spanish_member.team
    coach = make_coach(preferred_language="en")
    f.CoachAssignmentFactory(team=team, coach=coach)
    template = f.AssignmentTemplateFactory(program=team.cohort.program, kind=AssignmentKind.DOCUMENT)
    content = {"body": "Nuestro plan.", "links": []}
    submission = f.SubmissionFactory(team=team, template=template, content=content, status="submitted")
    version = f.SubmissionVersionFactory(submission=submission, number=1, content=content)
    f.FeedbackFactory(version=version, author=coach, body="Buen trabajo: añadan la etapa de adjudicación.")
    session = f.TASessionFactory(team=team, coach=coach)
    item = f.ActionItemFactory(team=team, ta_session=session, description="Publicar el calendario de compras")
    ActionItemComment.objects.create(item=item, author=spanish_member.user, body="Ya casi está listo.")
    return {"team": team, "coach": coach, "template": template, "submission": submission, "item": item}


FEEDBACK = "Buen trabajo: añadan la etapa"
NEXT_STEP = "Publicar el calendario de compras"
COMMENT = "Ya casi está listo."


def test_feedback_and_action_items_are_marked_spanish_on_the_teams_english_pages(
    client, spanish_member, spanish_thread
):
    team, template = spanish_thread["team"], spanish_thread["template"]
    client.force_login(spanish_member.user)
    with translation.override("en"):
        history = soup(client.get(reverse("cohorts:assignment_history", args=[team.pk, template.pk])))
        coaching = soup(client.get(reverse("coaching:team_coaching", args=[team.pk])))
        home = soup(client.get(reverse("cohorts:team_home", args=[team.pk])))
    assert marked(history, FEEDBACK) == "es"
    assert marked(coaching, NEXT_STEP) == "es"
    assert marked(coaching, COMMENT) == "es"
    assert all(
        marked_node(node) == "es" for node in coaching.find_all(string=lambda s: s and NEXT_STEP in s)
    )  # the list of action items and the TA session's next steps
    assert marked(home, NEXT_STEP) == "es"
    assert marked(coaching, "Action items") == "en"  # the page's own words: the page's lang only


def test_feedback_and_action_items_are_marked_spanish_on_the_coachs_english_pages(client, spanish_thread):
    team, coach, item = spanish_thread["team"], spanish_thread["coach"], spanish_thread["item"]
    client.force_login(coach)
    review = soup(client.get(reverse("cohorts_submission_review", args=[spanish_thread["submission"].pk])))
    assert marked(review, FEEDBACK) == "es"
    with translation.override("en"):
        coaching = soup(client.get(reverse("coaching:team_coaching", args=[team.pk])))
    assert marked(coaching, NEXT_STEP) == "es"
    assert marked(coaching, COMMENT) == "es"
    listing = soup(client.get(reverse("actionitem:index")))
    assert marked(listing, NEXT_STEP) == "es"
    drop = soup(client.get(reverse("actionitem:drop", args=[item.pk])))
    assert drop.find("strong", string=NEXT_STEP)["lang"] == "es"


def test_feedback_is_not_marked_on_a_page_in_the_teams_own_language(client, spanish_member, spanish_thread):
    team, template = spanish_thread["team"], spanish_thread["template"]
    client.force_login(spanish_member.user)
    with translation.override("es"):
        history = soup(client.get(reverse("cohorts:assignment_history", args=[team.pk, template.pk])))
    node = history.find(string=lambda s: s and FEEDBACK in s)
    assert not any(p.has_attr("lang") for p in node.parents if p.name != "html")
