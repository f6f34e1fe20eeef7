import datetime
import json
from unittest import mock

import pytest
import time_machine
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult

from cms.demo.factories import (
    ActionItemFactory,
    MembershipFactory,
    NotificationFactory,
    RegistrationFactory,
    UserFactory,
)
from cohorts.registration.services import registration_waitlist
from notifications import emails
from notifications.models import (
    EmailFrequency,
    Notification,
    NotificationEmail,
    NotificationKind,
    NotificationPreference,
)
from notifications.reminders import reminders_send
from notifications.services import (
    email_frequencies,
    notification_preferences_save,
    notifications_mark_read,
    notify,
    unsubscribe_token_read,
    unsubscribe_url,
)

pytestmark = pytest.mark.django_db

# Monday 1 February 2027; 08:00 in New York is 13:00 UTC.
MONDAY_MORNING_NEW_YORK = datetime.datetime(2027, 2, 1, 13, 30, tzinfo=datetime.UTC)


def _tell(user, kind=NotificationKind.ACTION_ITEM):
    item = ActionItemFactory(owner=MembershipFactory(user=user), description="Publish the award notices")
    return notify(
        user=user,
        kind=kind,
        template="coaching/emails/action_item_assigned",
        context={"item": item, "team": item.team},
        link=("coaching:team_coaching", [item.team_id]),
    )


def test_notify_records_the_title_and_link_in_every_language():
    notification = _tell(UserFactory())
    assert notification.title_en.startswith("A new action item for you")
    assert notification.title_es.startswith("Una nueva acción acordada")
    assert notification.link_en.startswith("/en/teams/")
    assert notification.link_es.startswith("/es/equipos/")
    assert notification.email == NotificationEmail.SENT


@pytest.mark.parametrize(
    ("language", "subject", "link"),
    [("en", "A new action item for you", "/en/teams/"), ("es", "Una nueva acción acordada", "/es/equipos/")],
)
def test_each_email_is_in_the_recipients_language(language, subject, link):
    user = UserFactory(preferred_language=language)
    _tell(user)
    (message,) = mail.outbox
    assert message.subject.startswith(f"[Ruta] {subject}")
    assert link in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Publish the award notices" in html


def test_optional_emails_carry_a_one_click_unsubscribe():
    user = UserFactory(preferred_language="es")
    _tell(user)
    (message,) = mail.outbox
    # Read back, not compared with a second link: the token's timestamp may have moved on a second.
    url = message.extra_headers["List-Unsubscribe"].removeprefix("<").removesuffix(">")
    assert "/es/avisos/baja/" in url
    assert url in message.body
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert unsubscribe_token_read(token) == (user, NotificationKind.ACTION_ITEM)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_required_emails_have_no_unsubscribe_and_ignore_a_stored_opt_out():
    registration = RegistrationFactory()
    NotificationPreference.objects.create(
        user=registration.applicant, kind=NotificationKind.APPLICATION, email=EmailFrequency.OFF
    )
    registration_waitlist(registration=registration, reviewer=None)
    (message,) = mail.outbox
    assert "waitlist" in message.subject
    assert "List-Unsubscribe" not in message.extra_headers
    assert "unsubscribe" not in message.body.lower()


def test_opt_out_is_respected_and_the_notification_still_shows_in_the_app():
    user = UserFactory()
    notification_preferences_save(user=user, frequencies={NotificationKind.ACTION_ITEM: EmailFrequency.OFF})
    notification = _tell(user)
    assert mail.outbox == []
    assert notification.email == NotificationEmail.NOT_SENT
    assert user.notifications.unread().count() == 1


def test_preferences_cannot_switch_off_required_kinds_nor_take_unknown_values():
    user = UserFactory()
    notification_preferences_save(user=user, frequencies={NotificationKind.ACCOUNT: EmailFrequency.OFF})
    assert email_frequencies(user)[NotificationKind.ACCOUNT] == EmailFrequency.IMMEDIATELY
    with pytest.raises(ValidationError):
        notification_preferences_save(user=user, frequencies={NotificationKind.FEEDBACK: "hourly"})


def test_unsubscribe_tokens_are_signed_opaque_and_only_for_optional_kinds():
    user = UserFactory()
    url = unsubscribe_url(user=user, kind=NotificationKind.FEEDBACK)
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert unsubscribe_token_read(token) == (user, NotificationKind.FEEDBACK)
    assert unsubscribe_token_read(token[:-2] + "xx") is None
    payload = json.loads(signing.b64_decode(token.split(":")[0].encode()))
    assert user.pk not in payload and str(user.pk) not in payload  # no user id in clear
    other = UserFactory()
    assert unsubscribe_url(user=other, kind=NotificationKind.FEEDBACK) != url
    required = unsubscribe_url(user=user, kind=NotificationKind.ACCOUNT).rstrip("/").rsplit("/", 1)[1]
    assert unsubscribe_token_read(required) is None


def test_one_click_post_from_a_mail_client_unsubscribes_without_a_session():
    user = UserFactory()
    url = unsubscribe_url(user=user, kind=NotificationKind.FEEDBACK)
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert email_frequencies(user)[NotificationKind.FEEDBACK] == EmailFrequency.OFF


def test_digest_collects_the_week_and_goes_out_once_on_monday_morning_in_the_users_language():
    user = UserFactory(preferred_language="es")
    digest = {NotificationKind.ACTION_ITEM: EmailFrequency.DIGEST}
    notification_preferences_save(user=user, frequencies=digest)
    with time_machine.travel(datetime.datetime(2027, 1, 28, 15, tzinfo=datetime.UTC), tick=False):
        first = _tell(user)
        _tell(user)
    assert mail.outbox == []
    assert first.email == NotificationEmail.IN_DIGEST
    assert reminders_send(now=MONDAY_MORNING_NEW_YORK - datetime.timedelta(hours=1)) == 0  # 07:30 there
    assert reminders_send(now=MONDAY_MORNING_NEW_YORK) == 1
    assert reminders_send(now=MONDAY_MORNING_NEW_YORK + datetime.timedelta(hours=2)) == 0
    (message,) = mail.outbox
    assert "2 novedades" in message.subject
    assert first.title_es in message.body and first.link_es in message.body
    assert set(Notification.objects.values_list("email", flat=True)) == {NotificationEmail.DIGESTED}


def test_action_item_overdue_reminder_goes_to_the_owner_once_per_due_date():
    owner = MembershipFactory(user=UserFactory(preferred_language="es"))
    item = ActionItemFactory(team=owner.team, owner=owner, due_on=datetime.date(2027, 2, 10))
    mail.outbox.clear()
    assert reminders_send(now=datetime.datetime(2027, 2, 10, 20, tzinfo=datetime.UTC)) == 0
    assert reminders_send(now=datetime.datetime(2027, 2, 11, 20, tzinfo=datetime.UTC)) == 1
    assert reminders_send(now=datetime.datetime(2027, 2, 12, 20, tzinfo=datetime.UTC)) == 0
    assert "vencida" in mail.outbox[0].subject
    item.due_on = datetime.date(2027, 2, 15)
    item.save()
    assert reminders_send(now=datetime.datetime(2027, 2, 16, 20, tzinfo=datetime.UTC)) == 1


def test_mark_read_touches_only_the_users_own_notifications():
    mine, theirs = NotificationFactory(), NotificationFactory()
    assert notifications_mark_read(user=mine.user, notifications=Notification.objects.all()) == 1
    theirs.refresh_from_db()
    assert theirs.read_at is None


class FlakyConnection:
    """Fails the first `failures` sends, then delivers to the locmem outbox."""

    def __init__(self, failures):
        self.failures = failures
        self.attempts = 0

    def send(self, message, *args, **kwargs):
        self.attempts += 1
        if self.attempts <= self.failures:
            raise ConnectionRefusedError("mail server down")
        return original_send(message, *args, **kwargs)


original_send = emails.EmailMultiAlternatives.send


def test_a_failed_send_is_retried_and_the_caller_never_sees_the_error():
    flaky = FlakyConnection(failures=2)
    with mock.patch.object(emails.EmailMultiAlternatives, "send", lambda message: flaky.send(message)):
        _tell(UserFactory())
    assert flaky.attempts == 3
    assert len(mail.outbox) == 1


def test_sending_gives_up_after_the_last_retry():
    flaky = FlakyConnection(failures=100)
    with mock.patch.object(emails.EmailMultiAlternatives, "send", lambda message: flaky.send(message)):
        _tell(UserFactory())
    assert flaky.attempts == len(emails.RETRY_DELAYS) + 1
    assert mail.outbox == []


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_with_the_database_backend_a_retry_waits_before_running_again():
    kwargs = {"to": ["someone@example.com"], "subject": "Hi", "text": "Hi", "html": "<p>Hi</p>"}
    with (
        mock.patch.object(emails.EmailMultiAlternatives, "send", side_effect=ConnectionRefusedError),
        pytest.raises(ConnectionRefusedError),
    ):
        emails.deliver_email.call(**kwargs)
    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=50)
