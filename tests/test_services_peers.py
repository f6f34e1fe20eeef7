"""Peer support: pairing teams, ending a pairing, and the messages between paired teams."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.peers import services
from cohorts.peers.models import PeerMessage, PeerPairing
from cohorts.personal_data import user_data
from notifications.models import Notification, NotificationKind
from sprints.models import FocusArea

pytestmark = pytest.mark.django_db


def errors_of(excinfo):
    error = excinfo.value
    if hasattr(error, "error_dict"):
        return [message for errors in error.message_dict.values() for message in errors]
    return error.messages


@pytest.fixture
def area(cohort):
    return FocusArea.objects.create(program=cohort.program, name="Open data", name_es="Datos abiertos")


@pytest.fixture
def team(cohort, area):
    team = f.TeamFactory(cohort=cohort, city="Riverton", focus_area=area)
    f.MembershipFactory(team=team, user__preferred_language="en", user__full_name="Dana Reed")
    return team


@pytest.fixture
def alumni(cohort, area):
    """A team of an earlier cohort of the same program, on the same focus area; reads Spanish."""
    earlier = f.CohortFactory(program=cohort.program, start_date=cohort.start_date.replace(year=2026))
    alumni = f.TeamFactory(cohort=earlier, city="Puerto Claro", focus_area=area)
    f.MembershipFactory(team=alumni, user__preferred_language="es", user__full_name="Elena Vázquez")
    return alumni


def test_pairing_create_pairs_and_tells_both_teams_each_in_their_language(team, alumni, staff_user):
    pairing = services.pairing_create(team=team, peer=alumni, by=staff_user, note="Both publish bids")
    assert pairing.is_active and pairing.created_by == staff_user
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "[Ruta] Su equipo tiene un equipo par: Riverton",
        "[Ruta] Your team has a peer team: Puerto Claro",
    ]
    assert Notification.objects.filter(kind=NotificationKind.PEER_SUPPORT).count() == 2
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(pairing.pk)).exists()


def test_pairing_create_refuses_the_same_team_an_archived_team_and_a_second_active_pairing(
    team, alumni, staff_user
):
    with pytest.raises(ValidationError) as excinfo:
        services.pairing_create(team=team, peer=team, by=staff_user)
    assert errors_of(excinfo) == [services.PAIRING_SAME_TEAM]
    services.pairing_create(team=team, peer=alumni, by=staff_user)
    for first, second in ((team, alumni), (alumni, team)):  # either way round
        with pytest.raises(ValidationError) as excinfo:
            services.pairing_create(team=first, peer=second, by=staff_user)
        assert errors_of(excinfo) == [services.PAIRING_EXISTS]
    archived = f.TeamFactory(cohort=team.cohort, archived_at="2027-01-01T00:00Z")
    with pytest.raises(ValidationError) as excinfo:
        services.pairing_create(team=team, peer=archived, by=staff_user)
    assert errors_of(excinfo) == [services.PAIRING_TEAM_ARCHIVED]


def test_pairing_end_is_soft_once_and_allows_pairing_again(team, alumni, staff_user):
    pairing = services.pairing_create(team=team, peer=alumni, by=staff_user)
    services.pairing_end(pairing=pairing, by=staff_user)
    pairing.refresh_from_db()
    assert pairing.ended_at is not None and pairing.ended_by == staff_user
    with pytest.raises(ValidationError) as excinfo:
        services.pairing_end(pairing=pairing, by=staff_user)
    assert errors_of(excinfo) == [services.PAIRING_ALREADY_ENDED]
    assert PeerPairing.objects.count() == 1  # kept
    again = services.pairing_create(team=team, peer=alumni, by=staff_user)
    assert again.pk != pairing.pk


def test_peer_candidates_share_the_challenge_area_alumni_first(team, alumni, cohort, area, staff_user):
    peer_city = f.TeamFactory(cohort=cohort, city="Lakeview", focus_area=area)
    f.TeamFactory(cohort=cohort, city="Elsewhere")  # no focus area: not suggested
    other_program_area = FocusArea.objects.create(
        program=f.ProgramFactory(), name="Open contracting data", name_es="Datos abiertos"
    )
    across = f.TeamFactory(
        cohort=f.CohortFactory(program=other_program_area.program), focus_area=other_program_area
    )
    candidates = list(services.peer_candidates(team))
    assert candidates[0] == alumni  # its cohort finished first
    assert set(candidates) == {alumni, peer_city, across}
    services.pairing_create(team=team, peer=alumni, by=staff_user)
    assert alumni not in services.peer_candidates(team)


def test_peer_message_send_notifies_the_other_team_in_its_language(team, alumni, staff_user):
    pairing = services.pairing_create(team=team, peer=alumni, by=staff_user)
    mail.outbox.clear()
    author = team.memberships.get().user
    message = services.peer_message_send(
        pairing=pairing, team=team, author=author, body="  How did you start?  "
    )
    assert message.body == "How did you start?"
    assert [m.subject for m in mail.outbox] == [f"[Ruta] Un mensaje de {team.name}"]
    assert mail.outbox[0].to == [alumni.memberships.get().user.email]
    assert "How did you start?" in mail.outbox[0].body


def test_peer_message_send_refuses_empty_outsiders_and_ended_pairings(team, alumni, staff_user):
    pairing = services.pairing_create(team=team, peer=alumni, by=staff_user)
    author = team.memberships.get().user
    with pytest.raises(ValidationError) as excinfo:
        services.peer_message_send(pairing=pairing, team=team, author=author, body="   ")
    assert errors_of(excinfo) == [services.MESSAGE_EMPTY]
    with pytest.raises(ValidationError) as excinfo:
        services.peer_message_send(pairing=pairing, team=f.TeamFactory(), author=author, body="Hi")
    assert errors_of(excinfo) == [services.PAIRING_NOT_YOURS]
    services.pairing_end(pairing=pairing, by=staff_user)
    with pytest.raises(ValidationError) as excinfo:
        services.peer_message_send(pairing=pairing, team=team, author=author, body="Hi")
    assert errors_of(excinfo) == [services.PAIRING_ENDED]


def test_peer_message_edit_keeps_the_previous_text_and_refuses_stale_or_others(team, alumni, staff_user):
    pairing = services.pairing_create(team=team, peer=alumni, by=staff_user)
    author = team.memberships.get().user
    message = services.peer_message_send(pairing=pairing, team=team, author=author, body="First")
    services.peer_message_edit(message=message, by=author, body="Second", revision=0)
    message.refresh_from_db()
    assert (message.body, message.revision) == ("Second", 1) and message.edited_at
    entry = ModelLogEntry.objects.get(action="ruta.peer_message.edited", object_id=str(message.pk))
    assert entry.data == {"previous": "First"}
    with pytest.raises(ValidationError) as excinfo:
        services.peer_message_edit(message=message, by=author, body="Third", revision=0)
    assert errors_of(excinfo) == [services.MESSAGE_CHANGED]
    with pytest.raises(ValidationError) as excinfo:
        services.peer_message_edit(message=message, by=alumni.memberships.get().user, body="Mine", revision=1)
    assert errors_of(excinfo) == [services.MESSAGE_NOT_YOURS]


def test_peer_message_delete_is_soft_and_only_by_its_author(team, alumni, staff_user):
    pairing = services.pairing_create(team=team, peer=alumni, by=staff_user)
    author = team.memberships.get().user
    message = services.peer_message_send(pairing=pairing, team=team, author=author, body="Oops")
    with pytest.raises(ValidationError):
        services.peer_message_delete(message=message, by=staff_user)
    services.peer_message_delete(message=message, by=author)
    message = PeerMessage.objects.get(pk=message.pk)
    assert message.is_deleted and message.body == "Oops"  # stored; staff can still read it
    with pytest.raises(ValidationError) as excinfo:
        services.peer_message_delete(message=message, by=author)
    assert errors_of(excinfo) == [services.MESSAGE_DELETED]


def test_a_members_data_export_holds_the_messages_they_wrote(team, alumni, staff_user):
    pairing = services.pairing_create(team=team, peer=alumni, by=staff_user)
    author = team.memberships.get().user
    services.peer_message_send(pairing=pairing, team=team, author=author, body="Our question")
    [exported] = user_data(author)["peer_messages"]
    assert (exported["to_team"], exported["message"]) == (alumni.name, "Our question")
    assert user_data(alumni.memberships.get().user)["peer_messages"] == []
