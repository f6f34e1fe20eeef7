"""Staff announcements to a cohort: who receives one, and sending it once.

An announcement is written in every language of the site; ``notify`` renders each member's
email (and the in-app notification) in that member's preferred language, so the translated
title and body resolve to theirs. Once sent it is kept as it was: the admin no longer edits
or deletes it, and the team home pages show it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cohorts.announcements.models import Announcement
from cohorts.models import Membership
from notifications.models import NotificationKind
from notifications.services import notify

ANNOUNCEMENT_ALREADY_SENT = _("This announcement has already been sent; it cannot be sent again.")


def announcement_recipients(announcement: Announcement) -> list[Membership]:
    """One membership per person the announcement goes to, with its user and team loaded.

    Every active user on a team of the cohort that is not archived, narrowed to the
    announcement's role when it has one. Someone on two of the cohort's teams is told once,
    with a link to the first of them.
    """
    memberships = Membership.objects.filter(
        team__cohort_id=announcement.cohort_id, team__archived_at=None, user__is_active=True
    )
    if announcement.role_id is not None:
        memberships = memberships.filter(role_id=announcement.role_id)
    seen, recipients = set(), []
    for membership in memberships.select_related("user", "team").order_by("user_id", "team_id"):
        if membership.user_id not in seen:
            seen.add(membership.user_id)
            recipients.append(membership)
    return recipients


@transaction.atomic
def announcement_send(*, announcement: Announcement, sender) -> int:
    """Send the announcement to its recipients, each in their own language; return how many.

    The row is locked, so two staff members pressing "Send" at once send it only once; the
    second is refused with ANNOUNCEMENT_ALREADY_SENT.
    """
    announcement = (
        Announcement.objects.select_for_update(of=("self",))
        .select_related("cohort", "role")
        .get(pk=announcement.pk)
    )
    if announcement.sent_at is not None:
        raise ValidationError(ANNOUNCEMENT_ALREADY_SENT, code="already_sent")
    announcement.full_clean()
    announcement.sent_at = timezone.now()
    announcement.save(update_fields=["sent_at", "updated_at"])
    recipients = announcement_recipients(announcement)
    for membership in recipients:
        notify(
            user=membership.user,
            kind=NotificationKind.ANNOUNCEMENT,
            template="cohorts/emails/announcement",
            context={"announcement": announcement, "team": membership.team},
            link=("cohorts:team_home", [membership.team_id]),
        )
    log(announcement, "ruta.announcement.sent", user=sender, data={"recipients": len(recipients)})
    return len(recipients)
