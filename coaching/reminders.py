"""Coaching's reminders: action items past their due date (collected by notifications.reminders)."""

import datetime
from functools import partial

from django.utils import timezone

from coaching.models import ActionItem, ActionItemStatus
from notifications.models import NotificationKind, ReminderKind
from notifications.reminders import send_once
from notifications.services import notify


def action_item_reminders(now) -> int:
    """Tell each owner of an open action item once that it is past due (again if the date moves)."""
    sent = 0
    items = ActionItem.objects.filter(
        status=ActionItemStatus.OPEN,
        due_on__lt=now.date() + datetime.timedelta(days=1),  # narrowed per cohort time zone below
        owner__isnull=False,
        owner__user__is_active=True,
        team__archived_at=None,
    ).select_related("owner__user", "team__cohort")
    for item in items:
        if item.due_on >= timezone.localtime(now, item.team.cohort.zone).date():
            continue
        sent += send_once(
            kind=ReminderKind.ACTION_ITEM_OVERDUE,
            key=f"{item.pk}:{item.due_on.isoformat()}",
            user=item.owner.user,
            send=partial(
                notify,
                user=item.owner.user,
                kind=NotificationKind.ACTION_ITEM,
                template="coaching/emails/action_item_overdue",
                context={"item": item, "team": item.team},
                link=("coaching:team_coaching", [item.team_id]),
            ),
        )
    return sent
