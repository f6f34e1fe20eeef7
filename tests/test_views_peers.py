"""The peer page: a paired team's members see the pairing and the thread, nothing else of the
other team's; everyone else gets a 404."""

import pytest
from django.urls import reverse
from django.utils import translation

from cms.demo import factories as f
from cohorts.peers import services
from cohorts.peers.models import PeerMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pairing(team_a, staff_user):
    alumni = f.TeamFactory(name="Puerto Claro team", city="Puerto Claro")
    f.MembershipFactory(team=alumni)
    return services.pairing_create(team=team_a, peer=alumni, by=staff_user)


def page_url(team, pairing):
    return reverse("cohorts:peer_pairing", args=[team.pk, pairing.pk])


def test_both_teams_members_see_the_pairing_the_peer_and_its_published_results(client, pairing, member_a):
    peer = pairing.peer
    f.SharedResultFactory(team=peer, published=True, title_en="PUBLISHED STORY")
    f.SharedResultFactory(team=peer, title_en="PROPOSED STORY")
    client.force_login(member_a)
    html = client.get(page_url(pairing.team, pairing)).text
    assert "Puerto Claro team" in html and "PUBLISHED STORY" in html and "PROPOSED STORY" not in html
    client.force_login(peer.memberships.get().user)
    assert pairing.team.name in client.get(page_url(peer, pairing)).text


def test_a_peer_reaches_nothing_else_of_the_other_team(client, pairing, member_a):
    client.force_login(pairing.peer.memberships.get().user)
    team = pairing.team
    for name in (
        "cohorts:team_home",
        "cohorts:assignment_list",
        "cohorts:result_list",
        "cohorts:team_progress",
    ):
        assert client.get(reverse(name, args=[team.pk])).status_code == 404, name
    # Nor the pairing page as if it were team A's.
    assert client.get(page_url(team, pairing)).status_code == 404


@pytest.mark.parametrize("who", ["member_b", "coach", "staff_user"])
def test_others_get_a_404(client, pairing, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(page_url(pairing.team, pairing)).status_code == 404


def test_a_member_writes_edits_and_deletes_a_message(client, pairing, member_a):
    client.force_login(member_a)
    url = page_url(pairing.team, pairing)
    response = client.post(url, {"body": ""})
    assert "Write a message first." in response.text or "This field is required." in response.text
    response = client.post(url, {"body": "Hello from Alphaville"}, follow=True)
    assert "Hello from Alphaville" in response.text
    message = PeerMessage.objects.get()
    edit = reverse("cohorts:peer_message_edit", args=[pairing.team.pk, pairing.pk, message.pk])
    client.post(edit, {"body": "Hello again", "revision": 0})
    stale = client.post(edit, {"body": "My stale text", "revision": 0})
    assert str(services.MESSAGE_CHANGED) in stale.text and "My stale text" in stale.text  # nothing lost
    delete = reverse("cohorts:peer_message_delete", args=[pairing.team.pk, pairing.pk, message.pk])
    assert "Delete this message?" in client.get(delete).text
    client.post(delete)
    html = client.get(url).text
    assert "This message was deleted." in html and "Hello again" not in html


def test_another_member_cannot_change_a_message(client, pairing, member_a):
    message = services.peer_message_send(pairing=pairing, team=pairing.team, author=member_a, body="Mine")
    other = f.MembershipFactory(team=pairing.team).user
    client.force_login(other)
    edit = reverse("cohorts:peer_message_edit", args=[pairing.team.pk, pairing.pk, message.pk])
    assert client.get(edit).status_code == 404


def test_an_ended_pairing_stays_readable_and_closed_to_writing(client, pairing, member_a, staff_user):
    services.peer_message_send(pairing=pairing, team=pairing.team, author=member_a, body="Before the end")
    services.pairing_end(pairing=pairing, by=staff_user)
    client.force_login(member_a)
    html = client.get(page_url(pairing.team, pairing)).text
    assert "Before the end" in html and "This pairing has ended" in html and "data-message-form" not in html
    client.post(page_url(pairing.team, pairing), {"body": "After"})
    assert PeerMessage.objects.count() == 1


def test_the_team_home_lists_active_peers_to_members(client, pairing, member_a, coach):
    client.force_login(member_a)
    html = client.get(reverse("cohorts:team_home", args=[pairing.team.pk])).text
    assert "data-peers-panel" in html and page_url(pairing.team, pairing) in html
    client.force_login(coach)
    assert "data-peers-panel" not in client.get(reverse("cohorts:team_home", args=[pairing.team.pk])).text


def test_the_peer_page_in_spanish(client, pairing, member_a):
    client.force_login(member_a)
    with translation.override("es"):
        url = page_url(pairing.team, pairing)
    html = client.get(url).text
    assert "Equipo par" in html and "Mensajes entre los dos equipos" in html


@pytest.mark.parametrize("count", [2, 12])
def test_the_peer_page_query_count_does_not_grow(client, pairing, member_a, django_assert_num_queries, count):
    peer_member = pairing.peer.memberships.get().user
    for number in range(count):
        services.peer_message_send(pairing=pairing, team=pairing.team, author=member_a, body=f"Ours {number}")
        services.peer_message_send(
            pairing=pairing, team=pairing.peer, author=peer_member, body=f"Theirs {number}"
        )
        f.SharedResultFactory(team=pairing.peer, published=True)
    client.force_login(member_a)
    url = page_url(pairing.team, pairing)
    client.get(url)
    with django_assert_num_queries(PEER_PAGE_QUERIES):
        response = client.get(url)
    assert response.text.count("data-message>") == 2 * count


PEER_PAGE_QUERIES = 13
