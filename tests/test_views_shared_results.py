"""A team's shared results in its workspace, and published results on the public site."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from cohorts.sharing import services
from cohorts.sharing.models import ResultStatus, SharedResult

pytestmark = pytest.mark.django_db


@pytest.fixture
def program_page(program_index, cohort):
    return f.ProgramPageFactory(
        parent=program_index, program=cohort.program, title="Open data", slug="open-data"
    )


def new_url(team, kind="case_story"):
    return reverse("cohorts:result_new", args=[team.pk, kind])


STORY = {
    "title_en": "Twice the bids",
    "problem_en": "Most solicitations got one bid.",
    "what_changed_en": "We publish open solicitations every week.",
}


def test_a_member_proposes_a_case_story_with_indicators(client, team_a, member_a):
    indicator = f.IndicatorFactory(team=team_a, name="Bids per solicitation", baseline_value=Decimal("1.4"))
    f.MeasurementFactory(indicator=indicator, value=Decimal("2.1"))
    client.force_login(member_a)
    response = client.post(new_url(team_a), {**STORY, "indicators": [indicator.pk]}, follow=True)
    result = SharedResult.objects.get()
    assert result.status == ResultStatus.PROPOSED and result.indicators[0]["after"] == "2.10"
    assert "Waiting for review" in response.text and "Bids per solicitation" in response.text


def test_bad_input_keeps_what_was_typed(client, team_a, member_a):
    client.force_login(member_a)
    response = client.post(new_url(team_a), {**STORY, "problem_en": "", "title_es": "Mitad traducido"})
    assert response.status_code == 200
    assert "Write this in the result&#x27;s language." in response.text
    assert "Complete the translation" in response.text
    assert "Twice the bids" in response.text and "Mitad traducido" in response.text
    assert not SharedResult.objects.exists()


def test_a_deliverable_public_version_starts_from_a_submitted_version(client, team_a, member_a, monkeypatch):
    from cohorts.assignments import kinds

    version = f.SubmissionVersionFactory(submission__team=team_a, submission__version_number=1, number=1)
    monkeypatch.setattr(kinds, "KINDS", {**kinds.KINDS})
    spec = kinds.KINDS[version.submission.template.kind]
    kinds.KINDS[spec.kind] = kinds.Kind(**{**spec.__dict__, "public": lambda content: "THE PUBLIC PART"})
    client.force_login(member_a)
    html = client.get(new_url(team_a, "deliverable") + f"?version={version.pk}").text
    assert "THE PUBLIC PART" in html
    client.post(
        new_url(team_a, "deliverable"),
        {"version": version.pk, "title_en": "Our plan", "public_text_en": "THE PUBLIC PART"},
    )
    assert SharedResult.objects.get().version == version


def test_a_stale_edit_is_refused_with_both_versions_shown(client, team_a, member_a):
    result = services.result_propose(
        result=SharedResult(team=team_a, kind="case_story", **STORY), by=member_a
    )
    result.title_en = "Changed by a teammate"
    services.result_propose(result=result, by=member_a, revision=1)
    client.force_login(member_a)
    url = reverse("cohorts:result_edit", args=[team_a.pk, result.pk])
    response = client.post(url, {**STORY, "title_en": "My own change", "revision": 1})
    assert "Someone on your team changed this result" in response.text
    assert "My own change" in response.text and "Changed by a teammate" in response.text
    # Having seen the current version, the member saves again: accepted.
    client.post(url, {**STORY, "title_en": "My own change", "revision": 2})
    assert SharedResult.objects.get().title_en == "My own change"


def test_coaches_read_and_others_get_a_404(client, team_a, coach, member_b):
    result = f.SharedResultFactory(team=team_a)
    detail = reverse("cohorts:result_detail", args=[team_a.pk, result.pk])
    client.force_login(coach)
    assert client.get(detail).status_code == 200
    assert client.get(new_url(team_a)).status_code == 404
    client.force_login(member_b)
    assert client.get(detail).status_code == 404


def test_withdrawing_asks_first_and_hides_the_published_page(client, program_page, team_a, member_a):
    result = f.SharedResultFactory(team=team_a, published=True, slug="twice-the-bids")
    public = "/en/programs/open-data/results/twice-the-bids/"
    assert client.get(public).status_code == 200
    client.force_login(member_a)
    url = reverse("cohorts:result_withdraw", args=[team_a.pk, result.pk])
    assert "Withdraw this result?" in client.get(url).text
    client.post(url)
    client.logout()
    assert client.get(public).status_code == 404


@pytest.mark.parametrize("status", [ResultStatus.PROPOSED, ResultStatus.SENT_BACK, ResultStatus.WITHDRAWN])
def test_visitors_never_see_an_unpublished_result(client, program_page, team_a, status):
    f.SharedResultFactory(team=team_a, status=status, slug="hidden", title_en="HIDDEN STORY")
    assert client.get("/en/programs/open-data/results/hidden/").status_code == 404
    assert "HIDDEN STORY" not in client.get("/en/programs/open-data/").text


def test_a_result_of_another_program_is_not_under_this_page(client, program_page):
    f.SharedResultFactory(published=True, slug="elsewhere")
    assert client.get("/en/programs/open-data/results/elsewhere/").status_code == 404


def test_the_public_page_in_both_languages_with_fallback_to_the_original(client, program_page, team_a):
    indicator_rows = [
        {
            "name": "Bids",
            "unit": "bids",
            "direction": "higher",
            "before": "1.40",
            "before_on": "2027-01-15",
            "after": "2.10",
            "after_on": "2027-05-01",
        }
    ]
    f.SharedResultFactory(
        team=team_a,
        published=True,
        slug="twice",
        indicators=indicator_rows,
        title_es="El doble de ofertas",
        problem_es="Una sola oferta.",
        what_changed_es="Publicamos cada semana.",
    )
    html = client.get("/en/programs/open-data/results/twice/").text
    assert "Result" in html and "Indicators before and after" in html and "1.4" in html and "2.1" in html
    with translation.override("es"):
        url = program_page.get_url() + "results/twice/"
    html = client.get(url).text
    assert "El doble de ofertas" in html and "Indicadores antes y después" in html and "1,4" in html
    # Untranslated: the Spanish site shows the English original, and says so.
    f.SharedResultFactory(team=team_a, published=True, slug="only-english", title_en="Only in English")
    response = client.get(url.replace("twice", "only-english"))
    assert response.status_code == 200, url
    html = response.text
    assert "Only in English" in html and 'lang="en"' in html and "solo está disponible en inglés" in html


def test_the_program_page_lists_published_results_in_the_visitors_language(client, program_page, team_a):
    f.SharedResultFactory(
        team=team_a,
        published=True,
        slug="a",
        title_en="English title",
        title_es="Título",
        problem_es="P",
        what_changed_es="W",
    )
    f.SharedResultFactory(team=team_a, slug="b", title_en="NOT YET")
    html = client.get("/en/programs/open-data/").text
    assert "English title" in html and "NOT YET" not in html
    with translation.override("es"):
        url = program_page.get_url()
    html = client.get(url).text
    assert "Título" in html and "Lo que lograron los equipos anteriores" in html


@pytest.mark.parametrize("count", [2, 12])
def test_the_program_page_query_count_does_not_grow_with_results(
    client, program_page, cohort, django_assert_num_queries, count
):
    earlier = f.CohortFactory(program=cohort.program, start_date=datetime.date(2026, 2, 2))
    for _number in range(count):
        f.SharedResultFactory(team=f.TeamFactory(cohort=earlier), published=True)
    client.get("/en/programs/open-data/")
    with django_assert_num_queries(PROGRAM_PAGE_QUERIES):
        response = client.get("/en/programs/open-data/")
    assert response.text.count("data-published-results") == 1
    assert response.text.count('<li class="card" lang=') == count


@pytest.mark.parametrize("count", [2, 12])
def test_the_results_list_query_count_does_not_grow(
    client, program_page, team_a, member_a, django_assert_num_queries, count
):
    for _number in range(count):
        f.SharedResultFactory(team=team_a, published=True)
        f.SharedResultFactory(team=team_a)
    client.force_login(member_a)
    url = reverse("cohorts:result_list", args=[team_a.pk])
    client.get(url)
    with django_assert_num_queries(RESULT_LIST_QUERIES):
        response = client.get(url)
    assert response.text.count("Read it on the site") == count


PROGRAM_PAGE_QUERIES = 14
RESULT_LIST_QUERIES = 11
