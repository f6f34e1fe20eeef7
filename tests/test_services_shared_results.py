"""Shared results: a team proposes, staff approve or send back, the team withdraws."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.assignments import kinds
from cohorts.sharing import services
from cohorts.sharing.models import (
    RESULT_TEXT_REQUIRED,
    RESULT_TRANSLATION_INCOMPLETE,
    RESULT_VERSION_OF_ANOTHER_TEAM,
    ResultKind,
    ResultStatus,
    SharedResult,
)
from sprints.models import AssignmentKind

pytestmark = pytest.mark.django_db


def errors_of(excinfo):
    error = excinfo.value
    if hasattr(error, "error_dict"):
        return [message for errors in error.message_dict.values() for message in errors]
    return error.messages


@pytest.fixture
def team(cohort):
    team = f.TeamFactory(cohort=cohort, city="Riverton")
    f.MembershipFactory(team=team, user__preferred_language="es")
    return team


@pytest.fixture
def author(team):
    return team.memberships.get().user


@pytest.fixture
def indicator(team):
    indicator = f.IndicatorFactory(
        team=team,
        name="Bids per solicitation",
        unit="bids",
        baseline_value=Decimal("1.40"),
        baseline_date=datetime.date(2027, 1, 15),
    )
    f.MeasurementFactory(indicator=indicator, measured_on=datetime.date(2027, 3, 1), value=Decimal("1.70"))
    f.MeasurementFactory(indicator=indicator, measured_on=datetime.date(2027, 5, 1), value=Decimal("2.10"))
    return indicator


def story(team, **fields):
    values = {
        "title_en": "Twice the bids",
        "problem_en": "Most solicitations got one bid.",
        "what_changed_en": "We publish open solicitations weekly.",
        **fields,
    }
    return SharedResult(team=team, kind=ResultKind.CASE_STORY, **values)


def test_result_propose_stores_the_indicators_before_and_after_and_a_slug(team, author, indicator):
    result = services.result_propose(result=story(team), by=author, indicators=[indicator])
    assert (result.status, result.language, result.slug, result.revision) == (
        ResultStatus.PROPOSED,
        "en",
        "twice-the-bids",
        1,
    )
    assert result.indicators == [
        {
            "id": indicator.pk,
            "name": "Bids per solicitation",
            "unit": "bids",
            "direction": "higher",
            "before": "1.40",
            "before_on": "2027-01-15",
            "after": "2.10",
            "after_on": "2027-05-01",
        }
    ]
    [row] = result.indicator_rows()
    assert row["change"] == Decimal("0.70") and row["better"] is True
    assert services.result_propose(result=story(team), by=author).slug == "twice-the-bids-2"
    assert ModelLogEntry.objects.filter(action="ruta.result.proposed", object_id=str(result.pk)).exists()


def test_result_propose_needs_the_original_text_and_a_complete_translation_if_any(team, author):
    with pytest.raises(ValidationError) as excinfo:
        services.result_propose(result=story(team, problem_en=""), by=author)
    assert errors_of(excinfo) == [RESULT_TEXT_REQUIRED]
    with pytest.raises(ValidationError) as excinfo:
        services.result_propose(result=story(team, title_es="El doble de ofertas"), by=author)
    assert errors_of(excinfo) == [RESULT_TRANSLATION_INCOMPLETE, RESULT_TRANSLATION_INCOMPLETE]
    result = services.result_propose(
        result=story(team, title_es="El doble", problem_es="Una oferta.", what_changed_es="Publicamos."),
        by=author,
    )
    assert result.translations() == ["es"] and result.display_language("es") == "es"
    assert services.result_propose(result=story(team), by=author).display_language("es") == "en"


def test_result_propose_refuses_another_teams_indicator_or_deliverable(team, author):
    with pytest.raises(ValidationError) as excinfo:
        services.result_propose(result=story(team), by=author, indicators=[f.IndicatorFactory()])
    assert errors_of(excinfo) == [services.RESULT_INDICATOR_OF_ANOTHER_TEAM]
    other_version = f.SubmissionVersionFactory()
    deliverable = SharedResult(
        team=team,
        kind=ResultKind.DELIVERABLE,
        title_en="Plan",
        public_text_en="Public",
        version=other_version,
    )
    with pytest.raises(ValidationError) as excinfo:
        services.result_propose(result=deliverable, by=author)
    assert errors_of(excinfo) == [RESULT_VERSION_OF_ANOTHER_TEAM]


def test_result_propose_again_refuses_a_stale_form_and_a_published_result(team, author, staff_user):
    result = services.result_propose(result=story(team), by=author)
    result.title_en = "Changed"
    services.result_propose(result=result, by=author, revision=1)
    stale = SharedResult.objects.get(pk=result.pk)
    stale.title_en = "Someone else's change"
    with pytest.raises(ValidationError) as excinfo:
        services.result_propose(result=stale, by=author, revision=1)
    assert errors_of(excinfo) == [services.RESULT_CHANGED]
    services.result_approve(result=result, by=staff_user, revision=2)
    with pytest.raises(ValidationError) as excinfo:
        services.result_propose(result=SharedResult.objects.get(pk=result.pk), by=author, revision=2)
    assert errors_of(excinfo) == [services.RESULT_PUBLISHED_NOT_EDITABLE]


def test_result_approve_publishes_what_staff_reviewed_and_tells_the_team(team, author, staff_user):
    result = services.result_propose(result=story(team), by=author)
    mail.outbox.clear()
    with pytest.raises(ValidationError) as excinfo:
        services.result_approve(result=result, by=staff_user, revision=0)
    assert errors_of(excinfo) == [services.RESULT_CHANGED_SINCE_REVIEW]
    services.result_approve(result=result, by=staff_user, revision=1)
    result.refresh_from_db()
    assert (
        result.status == ResultStatus.PUBLISHED and result.published_at and result.reviewed_by == staff_user
    )
    assert [message.subject for message in mail.outbox] == ["[Ruta] Publicado: Twice the bids"]
    with pytest.raises(ValidationError) as excinfo:
        services.result_approve(result=result, by=staff_user, revision=1)
    assert errors_of(excinfo) == [services.RESULT_NOT_WAITING]


def test_result_send_back_needs_a_note_and_tells_the_team(team, author, staff_user):
    result = services.result_propose(result=story(team), by=author)
    mail.outbox.clear()
    with pytest.raises(ValidationError) as excinfo:
        services.result_send_back(result=result, by=staff_user, note=" ", revision=1)
    assert errors_of(excinfo) == [services.RESULT_NOTE_REQUIRED]
    services.result_send_back(result=result, by=staff_user, note="Name no vendor, please.", revision=1)
    result.refresh_from_db()
    assert (result.status, result.review_note) == (ResultStatus.SENT_BACK, "Name no vendor, please.")
    assert "Name no vendor, please." in mail.outbox[0].body
    entry = ModelLogEntry.objects.get(action="ruta.result.sent_back", object_id=str(result.pk))
    assert entry.data["note"] == "Name no vendor, please."
    result.title_en = "Twice the bids, again"
    services.result_propose(result=result, by=author, revision=1)
    assert SharedResult.objects.get(pk=result.pk).status == ResultStatus.PROPOSED


def test_result_withdraw_is_soft_and_hides_a_published_result(team, author, staff_user):
    result = services.result_propose(result=story(team), by=author)
    services.result_approve(result=result, by=staff_user, revision=1)
    services.result_withdraw(result=result, by=author)
    result.refresh_from_db()
    assert result.status == ResultStatus.WITHDRAWN and result.withdrawn_at
    assert not SharedResult.objects.published().exists()
    with pytest.raises(ValidationError) as excinfo:
        services.result_withdraw(result=result, by=author)
    assert errors_of(excinfo) == [services.RESULT_ALREADY_WITHDRAWN]


def test_public_text_hook_is_none_unless_a_kind_offers_one(monkeypatch):
    assert kinds.public_text(AssignmentKind.DOCUMENT, {"body": "Internal"}) is None
    spec = kinds.KINDS[AssignmentKind.DOCUMENT]
    monkeypatch.setitem(
        kinds.KINDS,
        AssignmentKind.DOCUMENT,
        kinds.Kind(**{**spec.__dict__, "public": lambda content: content["body"].upper()}),
    )
    assert kinds.public_text(AssignmentKind.DOCUMENT, {"body": "Public"}) == "PUBLIC"
