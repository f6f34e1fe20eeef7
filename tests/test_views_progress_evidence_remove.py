"""Removing the last evidence of a verified item: confirmation first, then back to the coach to verify."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.progress.models import CriterionProgress, EvidenceKind, ProgressStatus
from cohorts.progress.services import (
    CONFIRM_UNVERIFY,
    evidence_add,
    evidence_remove,
    progress_mark,
    progress_verify,
)
from notifications.models import Notification, NotificationKind
from tests.coaching_helpers import make_coach

pytestmark = pytest.mark.django_db


@pytest.fixture
def verified():
    """A member's item marked met with one link, verified by the team's coach."""
    member = f.MembershipFactory(user__preferred_language="en")
    team = member.team
    coach = make_coach(email="coach@example.com", full_name="Carla Coach", preferred_language="es")
    f.CoachAssignmentFactory(team=team, coach=coach)
    item = f.ChecklistItemFactory(
        criterion=f.CriterionFactory(code="RDC7", required_count=1),
        text_en="Publish contracts",
        text_es="Publicar contratos",
    )
    evidence = evidence_add(
        team=team, item=item, user=member.user, kind=EvidenceKind.LINK, url="https://data.example.gov"
    )
    progress = progress_mark(team=team, item=item, user=member.user, status=ProgressStatus.MET)
    progress_verify(progress=progress, coach=coach)
    mail.outbox.clear()
    Notification.objects.all().delete()
    return member.user, team, coach, item, evidence


def _remove_url(team, evidence):
    return reverse("cohorts:evidence_remove", args=[team.pk, evidence.pk])


def _progress(team, item):
    return CriterionProgress.objects.get(team=team, item=item)


def test_removing_the_last_evidence_of_a_verified_item_asks_first(client, verified):
    user, team, _coach, item, evidence = verified
    client.force_login(user)
    response = client.post(_remove_url(team, evidence))
    assert response.status_code == 200
    page = response.text
    assert "data-confirm-evidence-remove" in page
    assert str(CONFIRM_UNVERIFY) in page
    assert 'name="confirm"' in page
    evidence.refresh_from_db()
    assert evidence.removed_at is None
    progress = _progress(team, item)
    assert progress.is_verified and progress.status == ProgressStatus.MET
    assert mail.outbox == []


def test_the_confirmation_page_is_translated(client, verified):
    user, team, _coach, _item, evidence = verified
    client.force_login(user)
    with translation.override("es"):
        url = _remove_url(team, evidence)
    page = client.post(url).text
    assert url.startswith("/es/")
    assert "Publicar contratos" in page
    assert "Quitar la evidencia" in page


def test_confirmed_removal_sends_the_item_back_for_verification_and_tells_the_coach(client, verified):
    user, team, coach, item, evidence = verified
    client.force_login(user)
    response = client.post(_remove_url(team, evidence), {"confirm": "1"})
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.removed_at is not None
    progress = _progress(team, item)
    assert progress.status == ProgressStatus.MET
    assert not progress.is_verified and progress.verified_by is None
    actions = list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(CriterionProgress), object_id=str(progress.pk)
        ).values_list("action", flat=True)
    )
    assert "ruta.progress.evidence_removed" in actions and "ruta.progress.unverified" in actions
    notification = Notification.objects.get()
    assert (notification.user, notification.kind) == (coach, NotificationKind.RDC_TO_VERIFY)
    assert notification.link_en == reverse("cohorts_progress_verify", args=[progress.pk])
    assert [m.to for m in mail.outbox] == [[coach.email]]
    # The coach reads Spanish.
    assert "Publicar contratos" in mail.outbox[0].body
    assert "verificar" in mail.outbox[0].subject.lower()
    page = client.get(reverse("cohorts:team_progress", args=[team.pk])).text
    assert "Waiting for the coach to verify" in page


def test_removing_one_of_several_pieces_keeps_the_verification_without_asking(client, verified):
    user, team, _coach, item, evidence = verified
    evidence_add(team=team, item=item, user=user, kind=EvidenceKind.LINK, url="https://other.example.gov")
    mail.outbox.clear()
    client.force_login(user)
    response = client.post(_remove_url(team, evidence))
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.removed_at is not None
    assert _progress(team, item).is_verified
    assert mail.outbox == [] and not Notification.objects.exists()


def test_removing_evidence_of_an_unverified_item_does_not_ask(client, verified):
    user, team, _coach, _item, _evidence = verified
    other_item = f.ChecklistItemFactory()
    evidence = evidence_add(
        team=team, item=other_item, user=user, kind=EvidenceKind.LINK, url="https://x.gov"
    )
    client.force_login(user)
    assert client.post(_remove_url(team, evidence)).status_code == 302
    evidence.refresh_from_db()
    assert evidence.removed_at is not None
    assert not Notification.objects.exists()


def test_the_service_refuses_without_confirmation(verified):
    user, team, _coach, item, evidence = verified
    with pytest.raises(ValidationError) as error:
        evidence_remove(evidence=evidence, user=user)
    assert error.value.code == "confirm_unverify"
    evidence.refresh_from_db()
    assert evidence.removed_at is None
    evidence_remove(evidence=evidence, user=user, confirmed=True)
    assert not _progress(team, item).is_verified


def test_the_confirmation_page_is_for_members_only(client, verified):
    _user, team, coach, _item, evidence = verified
    client.force_login(coach)
    assert client.post(_remove_url(team, evidence), {"confirm": "1"}).status_code == 404
    client.force_login(f.MembershipFactory().user)
    assert client.get(_remove_url(team, evidence)).status_code == 404
    evidence.refresh_from_db()
    assert evidence.removed_at is None
