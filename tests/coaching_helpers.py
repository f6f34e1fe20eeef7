"""Shared set-up for the coaching tests: a coach in the "Coaches" group with assigned teams."""

import datetime

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.demo import factories as f
from coaching.groups import coaches_group_ensure


def coaches_group():
    """The group the coaching data migration makes (made again when a transactional test flushed it)."""
    return coaches_group_ensure()


def make_coach(**kwargs):
    """A coach as seeded: admin access through the "Coaches" group, no superuser."""
    coach = f.UserFactory(is_staff=True, **kwargs)
    coach.groups.add(coaches_group())
    return coach


def coached_team(coach, **kwargs):
    team = f.TeamFactory(**kwargs)
    f.CoachAssignmentFactory(team=team, coach=coach)
    return team


def ta_session_form_data(team, coach, *, attendees=(), topics=(), items=(), revision=0, **overrides):
    """What the "Log a TA session" form posts (the edit form too: `revision` is the one it was
    opened at; items with an `id` are the session's existing items and come first)."""
    data = {
        "revision": revision,
        "team": team.pk,
        "coach": coach.pk,
        "starts_at": "2027-02-10 15:00",
        "minutes": 45,
        "mode": "video",
        "pain_points": "Vendors cannot find the tender notices.",
        "summary": "We mapped where award data lives and agreed to publish it.",
        "private_notes": "SECRET-NOTE the deputy is overloaded.",
        "action_items": inline_formset(
            [
                {
                    **({"id": item["id"]} if item.get("id") else {}),
                    "description": item["description"],
                    "owner": item["owner"].pk if item.get("owner") else "",
                    "due_on": item.get("due_on", datetime.date(2027, 2, 17)).isoformat(),
                    "status": "open",
                }
                for item in items
            ],
            initial=sum(1 for item in items if item.get("id")),
        ),
    }
    data.update(overrides)
    # Multiple choices post as repeated keys, which nested_form_data would number instead.
    return {
        **nested_form_data(data),
        "attendees": [m.pk for m in attendees],
        "topics": [t.pk for t in topics],
    }
