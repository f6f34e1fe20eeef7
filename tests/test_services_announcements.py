"""Sending a staff announcement: who gets it, in which language, and only once."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from cms.demo import factories as f
from cohorts.announcements.models import ANNOUNCEMENT_ROLE_OF_ANOTHER_PROGRAM
from cohorts.announcements.services import (
    ANNOUNCEMENT_ALREADY_SENT,
    announcement_recipients,
    announcement_send,
)
from notifications.models import Notification, NotificationKind
from notifications.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(cohort):
    return f.TeamFactory(cohort=cohort, name="Springfield")


@pytest.fixture
def staff():
    return f.StaffUserFactory()


def announcement_for(cohort, **kwargs):
    return f.AnnouncementFactory(
        cohort=cohort,
        title="Week 3 moves to Thursday",
        title_es="La semana 3 pasa al jueves",
        body="Bring your data systems map.",
        body_es="Traigan su mapa de sistemas de datos.",
        **kwargs,
    )


def member(team, *, language="en", role=None, **user):
    return f.MembershipFactory(team=team, role=role, user=f.UserFactory(preferred_language=language, **user))


def mail_to(mailoutbox, user):
    (message,) = [message for message in mailoutbox if message.to == [user.email]]
    return message


def test_each_member_gets_the_announcement_in_their_own_language(mailoutbox, cohort, team, staff):
    english = member(team, language="en", full_name="Ann Lee")
    spanish = member(team, language="es", full_name="Beatriz Gómez")
    announcement = announcement_for(cohort)

    assert announcement_send(announcement=announcement, sender=staff) == 2

    to_english = mail_to(mailoutbox, english.user)
    assert "Week 3 moves to Thursday" in to_english.subject
    assert "Bring your data systems map." in to_english.body
    assert "Traigan" not in to_english.body
    assert "Hello Ann" in to_english.body
    to_spanish = mail_to(mailoutbox, spanish.user)
    assert "La semana 3 pasa al jueves" in to_spanish.subject
    assert "Traigan su mapa de sistemas de datos." in to_spanish.body
    assert "Bring your" not in to_spanish.body
    with translation.override("es"):
        home_es = reverse("cohorts:team_home", args=[team.pk])
    assert home_es in to_spanish.body


def test_the_email_links_to_the_team_home_in_the_recipients_language(mailoutbox, cohort, team, staff):
    english = member(team, language="en")
    announcement_send(announcement=announcement_for(cohort), sender=staff)
    assert reverse("cohorts:team_home", args=[team.pk]) in mail_to(mailoutbox, english.user).body


def test_every_recipient_gets_an_in_app_notification_in_every_language(mailoutbox, cohort, team, staff):
    people = [member(team), member(team, language="es")]
    announcement_send(announcement=announcement_for(cohort), sender=staff)

    notifications = Notification.objects.filter(kind=NotificationKind.ANNOUNCEMENT)
    assert {n.user for n in notifications} == {m.user for m in people}
    for notification in notifications:
        assert "Week 3 moves to Thursday" in notification.title_en
        assert "La semana 3 pasa al jueves" in notification.title_es
        assert notification.link_en == reverse("cohorts:team_home", args=[team.pk])


def test_a_role_announcement_reaches_only_members_with_that_role(mailoutbox, cohort, team, staff):
    buyer = f.RoleFactory(program=cohort.program, name="Buyer")
    sponsor = f.RoleFactory(program=cohort.program, name="Executive sponsor")
    buyers = [member(team, role=buyer), member(f.TeamFactory(cohort=cohort), role=buyer)]
    member(team, role=sponsor)
    member(team)

    count = announcement_send(announcement=announcement_for(cohort, role=buyer), sender=staff)

    assert count == 2
    assert sorted(message.to[0] for message in mailoutbox) == sorted(m.user.email for m in buyers)


def test_archived_teams_inactive_users_and_other_cohorts_are_left_out(mailoutbox, cohort, team, staff):
    active = member(team)
    member(team, is_active=False)
    archived_team = f.TeamFactory(cohort=cohort, archived_at="2027-01-15T00:00:00Z")
    member(archived_team)
    member(f.TeamFactory())  # another cohort

    assert announcement_send(announcement=announcement_for(cohort), sender=staff) == 1
    assert [message.to for message in mailoutbox] == [[active.user.email]]
    assert Notification.objects.filter(kind=NotificationKind.ANNOUNCEMENT).count() == 1


def test_someone_on_two_teams_of_the_cohort_is_told_once(mailoutbox, cohort, team, staff):
    person = member(team)
    f.MembershipFactory(team=f.TeamFactory(cohort=cohort), user=person.user)

    assert announcement_send(announcement=announcement_for(cohort), sender=staff) == 1
    assert len(mailoutbox) == 1


def test_sending_records_the_time_and_the_history(mailoutbox, cohort, team, staff):
    member(team)
    announcement = announcement_for(cohort)

    announcement_send(announcement=announcement, sender=staff)

    announcement.refresh_from_db()
    assert announcement.sent_at is not None
    entry = ModelLogEntry.objects.get(action="ruta.announcement.sent")
    assert (entry.object_id, entry.user, entry.data) == (str(announcement.pk), staff, {"recipients": 1})


def test_a_second_send_is_refused_and_sends_nothing(mailoutbox, cohort, team, staff):
    member(team)
    announcement = announcement_for(cohort)
    announcement_send(announcement=announcement, sender=staff)
    sent_at = type(announcement).objects.get().sent_at
    mailoutbox.clear()

    with pytest.raises(ValidationError) as refused:
        announcement_send(announcement=announcement, sender=staff)

    assert refused.value.messages == [str(ANNOUNCEMENT_ALREADY_SENT)]
    assert mailoutbox == []
    assert type(announcement).objects.get().sent_at == sent_at
    assert Notification.objects.count() == 1


def test_an_announcement_missing_a_language_is_not_sent(mailoutbox, cohort, team, staff):
    member(team)
    announcement = announcement_for(cohort)
    type(announcement).objects.filter(pk=announcement.pk).update(body_es="")

    with pytest.raises(ValidationError) as refused:
        announcement_send(announcement=announcement, sender=staff)

    assert "body_es" in refused.value.message_dict
    assert "Spanish" in refused.value.message_dict["body_es"][0]
    announcement.refresh_from_db()
    assert announcement.sent_at is None
    assert mailoutbox == []


def test_a_role_of_another_program_is_refused(cohort):
    announcement = f.AnnouncementFactory.build(cohort=cohort, role=f.RoleFactory())
    with pytest.raises(ValidationError) as refused:
        announcement.full_clean()
    assert refused.value.message_dict["role"] == [str(ANNOUNCEMENT_ROLE_OF_ANOTHER_PROGRAM)]


def test_recipients_are_found_in_one_query(cohort):
    for _number in range(2):
        team = f.TeamFactory(cohort=cohort)
        for _member in range(3):
            member(team)
    announcement = announcement_for(cohort)
    with CaptureQueriesContext(connection) as queries:
        recipients = announcement_recipients(announcement)
        names = [(m.user.get_short_name(), m.team.name) for m in recipients]
    assert len(names) == 6
    assert len(queries) == 1


def test_sending_adds_no_query_per_recipient_beyond_what_notify_does(mailoutbox, cohort, staff):
    probe_team = f.TeamFactory(cohort=cohort)
    probe = member(probe_team)
    probe_announcement = announcement_for(cohort)

    def notify_probe():
        notify(
            user=probe.user,
            kind=NotificationKind.ANNOUNCEMENT,
            template="cohorts/emails/announcement",
            context={"announcement": probe_announcement, "team": probe_team},
            link=("cohorts:team_home", [probe_team.pk]),
        )

    notify_probe()  # warm the per-process caches
    with CaptureQueriesContext(connection) as one_notification:
        notify_probe()

    def queries_for(size):
        team = f.TeamFactory(cohort=f.CohortFactory(program=cohort.program))
        for _number in range(size):
            member(team)
        announcement = announcement_for(team.cohort)
        with CaptureQueriesContext(connection) as queries:
            assert announcement_send(announcement=announcement, sender=staff) == size
        return len(queries)

    small, large = queries_for(2), queries_for(5)
    assert large - small == 3 * len(one_notification)
