"""Staff pair teams and review shared results in the Wagtail admin; coaches read their teams'."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.peers.models import PeerPairing
from cohorts.sharing import services as sharing
from cohorts.sharing.models import ResultStatus, SharedResult
from sprints.models import FocusArea
from tests.test_admin_services import assert_generic_writes_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(cohort):
    return FocusArea.objects.create(program=cohort.program, name="Open data")


@pytest.fixture
def alumni(cohort, area, team_a):
    team_a.focus_area = area
    team_a.save()
    earlier = f.CohortFactory(program=cohort.program, start_date=cohort.start_date.replace(year=2026))
    return f.TeamFactory(cohort=earlier, name="Puerto Claro team", focus_area=area)


def test_staff_pair_a_team_with_a_suggested_alumni_team(staff_client, team_a, alumni, staff_user):
    add = reverse("peerpairing:add")
    html = staff_client.get(f"{add}?team={team_a.pk}").text
    assert "Puerto Claro team" in html and f"?team={team_a.pk}&amp;peer={alumni.pk}" in html
    response = staff_client.post(add, {"team": team_a.pk, "peer": alumni.pk, "note": "Both open their data"})
    assert response.status_code == 302
    pairing = PeerPairing.objects.get()
    assert (pairing.team, pairing.peer, pairing.created_by) == (team_a, alumni, staff_user)
    again = staff_client.post(add, {"team": alumni.pk, "peer": team_a.pk})
    assert "These teams are already paired." in again.text


def test_staff_end_a_pairing_and_it_is_kept(staff_client, team_a, alumni, staff_user):
    pairing = f.PeerPairingFactory(team=team_a, peer=alumni)
    inspect = staff_client.get(reverse("peerpairing:inspect", args=[pairing.pk])).text
    end = reverse("peerpairing:end", args=[pairing.pk])
    assert end in inspect
    assert "End the pairing" in staff_client.get(end).text
    staff_client.post(end)
    pairing.refresh_from_db()
    assert pairing.ended_at is not None
    assert ModelLogEntry.objects.filter(action="ruta.pairing.ended", object_id=str(pairing.pk)).exists()
    assert staff_client.get(reverse("peerpairing:history", args=[pairing.pk])).status_code == 200
    assert "delete" not in {
        pattern for pattern in ("peerpairing:delete",) if _reversible(pattern, pairing.pk)
    }


def _reversible(name, pk):
    try:
        reverse(name, args=[pk])
    except Exception:
        return False
    return True


def refused(response):
    """Wagtail's refusal: a 403, or back to the dashboard ("no permission")."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


def test_a_coach_reads_the_pairing_and_thread_but_neither_pairs_nor_ends(client, coach, team_a, alumni):
    pairing = f.PeerPairingFactory(team=team_a, peer=alumni)
    f.PeerMessageFactory(pairing=pairing, team=alumni, body="Hello from the alumni")
    client.force_login(coach)
    html = client.get(reverse("peerpairing:inspect", args=[pairing.pk])).text
    assert "Hello from the alumni" in html and reverse("peerpairing:end", args=[pairing.pk]) not in html
    assert refused(client.get(reverse("peerpairing:end", args=[pairing.pk])))
    assert refused(client.get(reverse("peerpairing:add")))


def test_staff_approve_a_result_from_its_review_page(staff_client, team_a, staff_user):
    result = f.SharedResultFactory(
        team=team_a, title_en="Twice the bids", title_es="El doble", problem_es="P", what_changed_es="W"
    )
    url = reverse("sharedresult:review", args=[result.pk])
    html = staff_client.get(url).text
    assert "Twice the bids" in html and "El doble" in html
    staff_client.post(url, {"decision": "approve", "revision": result.revision})
    result.refresh_from_db()
    assert result.status == ResultStatus.PUBLISHED and result.reviewed_by == staff_user
    history = staff_client.get(reverse("sharedresult:history", args=[result.pk])).text
    assert "Result approved and published" in history


def test_staff_send_back_needs_a_note_and_a_stale_review_is_refused(staff_client, team_a):
    result = f.SharedResultFactory(team=team_a)
    url = reverse("sharedresult:review", args=[result.pk])
    response = staff_client.post(url, {"decision": "send_back", "note": "", "revision": result.revision})
    assert "Tell the team what to change." in response.text
    stale = staff_client.post(url, {"decision": "approve", "revision": result.revision - 1})
    assert "The team changed this result since you opened it" in stale.text
    staff_client.post(url, {"decision": "send_back", "note": "No vendor names", "revision": result.revision})
    result.refresh_from_db()
    assert (result.status, result.review_note) == (ResultStatus.SENT_BACK, "No vendor names")


def test_a_coach_reads_a_result_and_cannot_review_it(client, coach, team_a):
    result = f.SharedResultFactory(team=team_a)
    client.force_login(coach)
    assert client.get(reverse("sharedresult:inspect", args=[result.pk])).status_code == 200
    assert refused(client.get(reverse("sharedresult:review", args=[result.pk])))
    assert refused(
        client.post(reverse("sharedresult:review", args=[result.pk]), {"decision": "approve", "revision": 1})
    )
    assert SharedResult.objects.get().status == ResultStatus.PROPOSED


def test_the_review_listing_query_count_does_not_grow(staff_client, cohort):
    def add(count):
        for _number in range(count):
            sharing.result_propose(
                result=SharedResult(
                    team=f.TeamFactory(cohort=cohort),
                    kind="case_story",
                    title_en="T",
                    problem_en="P",
                    what_changed_en="W",
                ),
                by=None,
            )

    url = reverse("sharedresult:index")
    add(2)
    staff_client.get(url)
    with CaptureQueriesContext(connection) as before:
        staff_client.get(url)
    add(10)
    with CaptureQueriesContext(connection) as after:
        assert staff_client.get(url).status_code == 200
    assert len(after) == len(before)


def test_results_and_messages_are_never_written_in_the_generic_admin(staff_client, team_a):
    result = f.SharedResultFactory(team=team_a)
    assert_generic_writes_refused(
        staff_client, "sharedresult", result, {"team": team_a.pk, "status": ResultStatus.PUBLISHED}
    )
    assert SharedResult.objects.get().status == ResultStatus.PROPOSED
    message = f.PeerMessageFactory(body="Original")
    assert_generic_writes_refused(staff_client, "peermessage", message, {"body": "Rewritten"})
    message.refresh_from_db()
    assert message.body == "Original"


def test_a_pairing_is_neither_edited_nor_deleted_in_the_generic_admin(staff_client, team_a, alumni):
    pairing = f.PeerPairingFactory(team=team_a, peer=alumni)
    for view in ("edit", "delete"):
        url = f"{reverse('peerpairing:index')}{view}/{pairing.pk}/"
        assert staff_client.post(url, {"peer": team_a.pk}, follow=True).status_code == 404
    assert PeerPairing.objects.get().peer == alumni
