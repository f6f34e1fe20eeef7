"""Peer support: staff pair a team with an alumni team or a peer city working on the same
challenge area; the two teams' members see each other's published results and write to each
other in one thread."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cohorts.models import Team

#: The longest message a team member may write.
MESSAGE_MAX_LENGTH = 5000


class PeerPairingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at=None)

    def of_team(self, team):
        """Pairings `team` is on, on either side."""
        return self.filter(Q(team=team) | Q(peer=team))


class PeerPairing(models.Model):
    """Two teams paired by staff for peer support. Never deleted: ending it keeps the thread."""

    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        related_name="peer_pairings",
        help_text=_("The team that gets a peer."),
    )
    peer = models.ForeignKey(
        Team,
        verbose_name=_("peer team"),
        on_delete=models.PROTECT,
        related_name="peer_pairings_as_peer",
        help_text=_("An alumni team, or a peer city working on the same challenge area."),
    )
    note = models.TextField(
        _("why these teams"),
        blank=True,
        help_text=_("For staff and coaches: what the teams can learn from each other."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("paired by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("paired at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ended by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = PeerPairingQuerySet.as_manager()

    class Meta:
        verbose_name = _("peer pairing")
        verbose_name_plural = _("peer pairings")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(team=F("peer")),
                name="peer_pairing_two_teams",
                violation_error_message=_("A team cannot be paired with itself."),
            ),
            models.UniqueConstraint(
                fields=["team", "peer"],
                condition=Q(ended_at=None),
                name="peer_pairing_active_once",
                violation_error_message=_("These teams are already paired."),
            ),
        ]

    def __str__(self):
        return _("%(team)s with %(peer)s") % {"team": self.team, "peer": self.peer}

    @property
    def is_active(self):
        return self.ended_at is None

    def other(self, team):
        """The team on the other side from `team`."""
        return self.peer if team.pk == self.team_id else self.team

    def includes(self, team):
        return team.pk in (self.team_id, self.peer_id)


class PeerMessage(models.Model):
    """A message from one paired team to the other. Edits are kept in its history; a deleted
    message stays stored (staff can read it) and shows as deleted to the teams."""

    pairing = models.ForeignKey(
        PeerPairing, verbose_name=_("pairing"), on_delete=models.PROTECT, related_name="messages"
    )
    team = models.ForeignKey(Team, verbose_name=_("from team"), on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("peer message")
        verbose_name_plural = _("peer messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return _("Message from %(team)s") % {"team": self.team.name}

    @property
    def is_deleted(self):
        return self.deleted_at is not None
