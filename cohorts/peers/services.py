"""Pairing teams for peer support, ending a pairing, and the messages between paired teams.

Each paired team's members are told of a new pairing and of each message from the other team,
each in their own language (``notify``). Nothing here deletes: a pairing ends, a message is
marked deleted, and every edit keeps the previous text in the message's history.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cohorts.models import Team
from cohorts.peers.models import MESSAGE_MAX_LENGTH, PeerMessage, PeerPairing
from notifications.models import NotificationKind
from notifications.services import notify_team

PAIRING_SAME_TEAM = _("A team cannot be paired with itself.")
PAIRING_TEAM_ARCHIVED = _("This team gave up its place and cannot be paired.")
PAIRING_EXISTS = _("These teams are already paired.")
PAIRING_ALREADY_ENDED = _("This pairing has already ended.")
PAIRING_ENDED = _("This pairing has ended: the thread can be read, and no longer written in.")
PAIRING_NOT_YOURS = _("Your team is not in this pairing.")
MESSAGE_EMPTY = _("Write a message first.")
MESSAGE_TOO_LONG = _("A message can be at most %(limit)d characters long.")
MESSAGE_NOT_YOURS = _("Only its author can change or delete a message.")
MESSAGE_DELETED = _("This message has been deleted.")
MESSAGE_CHANGED = _(
    "This message was changed since you opened it. Your text is below: compare it with the "
    "current message and save again."
)


def peer_candidates(team):
    """Teams to suggest as `team`'s peers, best first: those working on the same challenge area
    (its focus area, or one of another program with the same name in any language), alumni teams
    of cohorts that have finished before peer cities of running ones; never the team itself, an
    archived team or one it is already paired with."""
    if team.focus_area_id is None:
        return Team.objects.none()
    area = team.focus_area
    same_area = Q(focus_area=area)
    for name in {value for value in (area.name_en, area.name_es) if value}:
        same_area |= Q(focus_area__name_en__iexact=name) | Q(focus_area__name_es__iexact=name)
    paired = PeerPairing.objects.active().of_team(team)
    return (
        Team.objects.filter(same_area, archived_at=None)
        .exclude(pk=team.pk)
        .exclude(pk__in=paired.values("team"))
        .exclude(pk__in=paired.values("peer"))
        .select_related("cohort__program", "focus_area")
        .order_by("cohort__end_date", "name")
    )


def _active_between(team, peer):
    return PeerPairing.objects.active().filter(Q(team=team, peer=peer) | Q(team=peer, peer=team))


@transaction.atomic
def pairing_create(*, team: Team, peer: Team, by, note: str = "") -> PeerPairing:
    """Pair `team` with `peer`; both teams' members are told, each in their language."""
    if team.pk == peer.pk:
        raise ValidationError({"peer": ValidationError(PAIRING_SAME_TEAM, code="same_team")})
    for field, side in (("team", team), ("peer", peer)):
        if side.archived_at is not None:
            raise ValidationError({field: ValidationError(PAIRING_TEAM_ARCHIVED, code="archived")})
    # Lock both teams (in a fixed order) so two staff members cannot pair them twice at once.
    list(Team.objects.select_for_update().filter(pk__in=[team.pk, peer.pk]).order_by("pk"))
    if _active_between(team, peer).exists():
        raise ValidationError({"peer": ValidationError(PAIRING_EXISTS, code="exists")})
    pairing = PeerPairing(team=team, peer=peer, note=note.strip(), created_by=by)
    pairing.full_clean()
    pairing.save()
    log(pairing, "wagtail.create", user=by)
    for side in (team, peer):
        notify_team(
            side,
            kind=NotificationKind.PEER_SUPPORT,
            template="cohorts/emails/peer_paired",
            context={"team": side, "peer": pairing.other(side)},
            link=("cohorts:peer_pairing", [side.pk, pairing.pk]),
        )
    return pairing


@transaction.atomic
def pairing_end(*, pairing: PeerPairing, by) -> PeerPairing:
    """End the pairing: its thread stays, read-only, for both teams and in the admin."""
    pairing = PeerPairing.objects.select_for_update().get(pk=pairing.pk)
    if pairing.ended_at is not None:
        raise ValidationError(PAIRING_ALREADY_ENDED, code="already_ended")
    pairing.ended_at = timezone.now()
    pairing.ended_by = by
    pairing.save(update_fields=["ended_at", "ended_by"])
    log(pairing, "ruta.pairing.ended", user=by)
    return pairing


def _clean_body(body):
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": ValidationError(MESSAGE_EMPTY, code="empty")})
    if len(body) > MESSAGE_MAX_LENGTH:
        raise ValidationError(
            {"body": ValidationError(MESSAGE_TOO_LONG, code="too_long", params={"limit": MESSAGE_MAX_LENGTH})}
        )
    return body


@transaction.atomic
def peer_message_send(*, pairing: PeerPairing, team: Team, author, body: str) -> PeerMessage:
    """`author`, of `team`, writes to the other team of the pairing; its members are told."""
    pairing = PeerPairing.objects.select_for_update().select_related("team", "peer").get(pk=pairing.pk)
    if not pairing.includes(team):
        raise ValidationError(PAIRING_NOT_YOURS, code="not_yours")
    if not pairing.is_active:
        raise ValidationError(PAIRING_ENDED, code="ended")
    message = PeerMessage(pairing=pairing, team=team, author=author, body=_clean_body(body))
    message.full_clean()
    message.save()
    other = pairing.other(team)
    notify_team(
        other,
        kind=NotificationKind.PEER_SUPPORT,
        template="cohorts/emails/peer_message",
        context={"message": message, "team": other, "peer": team},
        link=("cohorts:peer_pairing", [other.pk, pairing.pk]),
    )
    return message


def _locked_own_message(message, by):
    message = PeerMessage.objects.select_for_update().select_related("pairing").get(pk=message.pk)
    if message.author_id != by.pk:
        raise ValidationError(MESSAGE_NOT_YOURS, code="not_yours")
    if message.is_deleted:
        raise ValidationError(MESSAGE_DELETED, code="deleted")
    if not message.pairing.is_active:
        raise ValidationError(PAIRING_ENDED, code="ended")
    return message


@transaction.atomic
def peer_message_edit(*, message: PeerMessage, by, body: str, revision: int) -> PeerMessage:
    """Its author changes a message; a stale edit (the message changed since `revision`) is refused,
    and the previous text is kept in the message's history."""
    message = _locked_own_message(message, by)
    if message.revision != revision:
        raise ValidationError(MESSAGE_CHANGED, code="stale")
    previous = message.body
    message.body = _clean_body(body)
    message.edited_at = timezone.now()
    message.revision += 1
    message.full_clean()
    message.save(update_fields=["body", "edited_at", "revision"])
    log(message, "ruta.peer_message.edited", user=by, data={"previous": previous})
    return message


@transaction.atomic
def peer_message_delete(*, message: PeerMessage, by) -> PeerMessage:
    """Its author deletes a message: the teams see that it was deleted; staff can still read it."""
    message = _locked_own_message(message, by)
    message.deleted_at = timezone.now()
    message.revision += 1
    message.save(update_fields=["deleted_at", "revision"])
    log(message, "ruta.peer_message.deleted", user=by)
    return message
