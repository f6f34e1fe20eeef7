"""A person's action items and coaching in their data export; deleting an account ends its coaching."""

from django.utils import timezone

from coaching.models import ActionItem, ActionItemComment, CoachAssignment, MomentumNote, TASession


def user_data(user) -> dict:
    return {
        "action_items": [
            {
                "team": item.team.name,
                "description": item.description,
                "due_on": item.due_on,
                "status": item.status,
                "completed_at": item.completed_at,
                "created_at": item.created_at,
            }
            for item in ActionItem.objects.filter(owner__user=user)
            .select_related("team")
            .order_by("created_at", "pk")
        ],
        "action_item_comments": [
            {"action_item": comment.item.description, "body": comment.body, "created_at": comment.created_at}
            for comment in ActionItemComment.objects.filter(author=user).select_related("item")
        ],
        "ta_sessions_attended": [
            {
                "team": session.team.name,
                "starts_at": session.starts_at,
                "minutes": session.minutes,
                "summary": session.summary,
            }
            for session in TASession.objects.filter(attendees__user=user).select_related("team").distinct()
        ],
        "coaching": {
            "assignments": [
                {
                    "team": assignment.team.name,
                    "role": assignment.role,
                    "starts_on": assignment.starts_on,
                    "ends_on": assignment.ends_on,
                }
                for assignment in CoachAssignment.objects.filter(coach=user).select_related("team")
            ],
            "ta_sessions": [
                {
                    "team": session.team.name,
                    "starts_at": session.starts_at,
                    "minutes": session.minutes,
                    "summary": session.summary,
                }
                for session in TASession.objects.filter(coach=user).select_related("team")
            ],
            "momentum_notes": [
                {"team": note.team.name, "week": note.week, "body": note.body, "updated_at": note.updated_at}
                for note in MomentumNote.objects.filter(author=user)
                .select_related("team")
                .order_by("team", "week")
            ],
        },
    }


def user_data_erase(user, *, old_email, now) -> None:
    today = timezone.localdate(now)
    for assignment in CoachAssignment.objects.filter(coach=user, ends_on=None):
        assignment.ends_on = max(today, assignment.starts_on)
        assignment.save(update_fields=["ends_on"])
