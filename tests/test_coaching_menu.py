"""Issue #18, the coach's menus: one "Coaching" group, one Reviews listing (filtered by team, the
submitted version's time), one way to count days."""

import datetime
import re

import pytest
import time_machine
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.admin.menu import admin_menu

from cms.demo import factories as f
from cohorts.assignments.models import Feedback, FeedbackDecision, SubmissionStatus
from cohorts.assignments.services import feedback_give, submission_for, submission_submit
from tests.coaching_helpers import coached_team, make_coach

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def menu_for(user):
    """The admin sidebar as `user` gets it: {top-level label: [submenu labels]}."""
    reverse("wagtailadmin_home")  # the admin's URLs load its viewsets, which register the menu
    request = RequestFactory().get("/admin/")
    request.user = type(user).objects.get(pk=user.pk)  # loaded anew, as for each request
    menu = {}
    for item in admin_menu.menu_items_for_request(request):
        submenu = getattr(item, "menu", None)
        labels = []
        if submenu is not None:
            labels = [
                (str(sub.label), sub.url)
                for sub in sorted(submenu.menu_items_for_request(request), key=lambda sub: sub.order)
            ]
        menu[str(item.label)] = labels
    return menu


COACHING_ITEMS = [
    "My teams",
    "Team momentum",
    "TA sessions",
    "Action items",
    "Reviews",
    "Take attendance",
    "Verify evidence",
    "RDC heatmap",
]


def test_a_coach_finds_every_coaching_page_in_one_coaching_menu(coach, team):
    menu = menu_for(coach)
    for label in ("Reviews", "Take attendance", "Verify evidence", "RDC heatmap"):
        assert label not in menu, f"{label} is a top-level item"
    labels = [label for label, _url in menu["Coaching"]]
    assert labels[: len(COACHING_ITEMS)] == COACHING_ITEMS
    assert not {"Coach load", "TA hours", "Teams overdue for TA"} & set(labels)  # staff's reports
    assert labels.count("Reviews") == 1
    urls = dict(menu["Coaching"])
    assert urls["Reviews"] == reverse("cohorts_review_queue")
    assert urls["Take attendance"] == reverse("cohorts_attendance_sessions")


def test_staff_find_the_coaching_pages_and_the_reports_in_the_coaching_menu(staff_user):
    menu = menu_for(staff_user)
    labels = [label for label, _url in menu["Coaching"]]
    assert labels[: len(COACHING_ITEMS)] == COACHING_ITEMS
    for label in ("Coach assignments", "Coach load", "TA hours", "Teams overdue for TA"):
        assert label in labels
    assert "Reviews" not in menu and "Take attendance" not in menu


def test_someone_who_neither_coaches_nor_runs_programs_has_no_coaching_menu(db):
    from django.contrib.auth.models import Permission

    user = f.UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert "Coaching" not in menu_for(user)


def test_there_is_one_reviews_listing():
    with pytest.raises(NoReverseMatch):
        reverse("coaching_reviews:index")


# One Reviews listing


def submitted_at(team, when, title="Journey map"):
    member = f.MembershipFactory(team=team)
    template = f.AssignmentTemplateFactory(program=team.cohort.program, title=title)
    submission = submission_for(team=team, template=template)
    with time_machine.travel(when, tick=False):
        submission_submit(submission=submission, user=member.user)
    submission.refresh_from_db()
    return submission


def test_reviews_show_the_submitted_versions_time_after_later_changes(client, coach, team):
    submission = submitted_at(team, datetime.datetime(2027, 2, 10, 15, 0, tzinfo=UTC))
    with time_machine.travel(datetime.datetime(2027, 2, 12, 9, 30, tzinfo=UTC), tick=False):
        feedback_give(
            version=submission.versions.get(),
            author=coach,
            decision=FeedbackDecision.CHANGES_REQUESTED,
            body="Add the award stage.",
        )
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.CHANGES_REQUESTED
    client.force_login(coach)
    response = client.get(reverse("cohorts_review_queue"))
    row = next(row for row in response.context["object_list"] if row.pk == submission.pk)
    assert row.version_submitted_at == submission.versions.get().submitted_at
    assert "Feb. 10, 2027" in response.text
    assert "Feb. 12, 2027" not in response.text
    assert Feedback.objects.exists()


def test_reviews_filter_by_team_and_keep_the_coach_to_their_teams(client, coach, team, team_b):
    other_mine = coached_team(coach, cohort=team.cohort, name="Other mine")
    when = datetime.datetime(2027, 2, 10, 15, 0, tzinfo=UTC)
    mine = submitted_at(team, when)
    mine_other = submitted_at(other_mine, when, title="Data map")
    theirs = submitted_at(team_b, when, title="Interviews")
    client.force_login(coach)
    everything = client.get(reverse("cohorts_review_queue"))
    assert {row.pk for row in everything.context["object_list"]} == {mine.pk, mine_other.pk}
    filtered = client.get(reverse("cohorts_review_queue"), {"team": team.pk})
    assert [row.pk for row in filtered.context["object_list"]] == [mine.pk]
    # Another coach's team is no choice: nothing of it shows.
    refused = client.get(reverse("cohorts_review_queue"), {"team": team_b.pk})
    assert theirs.pk not in {row.pk for row in refused.context["object_list"]}
    assert team_b.name not in refused.text


def test_reviews_list_waiting_work_first_then_the_rest(client, coach, team):
    done = submitted_at(team, datetime.datetime(2027, 2, 1, tzinfo=UTC), title="Accepted one")
    feedback_give(version=done.versions.get(), author=coach, decision=FeedbackDecision.ACCEPTED, body="Good.")
    waiting = submitted_at(team, datetime.datetime(2027, 2, 5, tzinfo=UTC), title="Waiting one")
    client.force_login(coach)
    rows = list(client.get(reverse("cohorts_review_queue")).context["object_list"])
    assert [row.pk for row in rows] == [waiting.pk, done.pk]
    only_waiting = client.get(reverse("cohorts_review_queue"), {"status": SubmissionStatus.SUBMITTED})
    assert [row.pk for row in only_waiting.context["object_list"]] == [waiting.pk]


def test_links_from_a_team_open_the_reviews_of_that_team(client, coach, team):
    submitted_at(team, datetime.datetime(2027, 2, 10, tzinfo=UTC))
    client.force_login(coach)
    team_reviews = f"{reverse('cohorts_review_queue')}?team={team.pk}"
    assert team_reviews in client.get(reverse("wagtailadmin_home")).text.replace("&amp;", "&")
    assert team_reviews in client.get(reverse("coaching_my_teams:index")).text.replace("&amp;", "&")


def test_a_coach_still_gets_404_for_another_teams_review_page(client, coach, team_b):
    theirs = submitted_at(team_b, datetime.datetime(2027, 2, 10, tzinfo=UTC))
    client.force_login(make_coach())
    assert client.get(reverse("cohorts_submission_review", args=[theirs.pk])).status_code == 404


# One way to count days


def test_days_read_today_yesterday_or_n_days_ago_in_english_and_spanish():
    from accounts.dates import days_ago_text

    assert [days_ago_text(days) for days in (0, 1, 3)] == ["today", "yesterday", "3 days ago"]
    with translation.override("es"):
        assert [days_ago_text(days) for days in (0, 1, 3)] == ["hoy", "ayer", "hace 3 días"]


NOW = datetime.datetime(2027, 2, 19, 12, 0, tzinfo=UTC)


@time_machine.travel(NOW, tick=False)
def test_a_session_this_morning_reads_today_on_the_dashboard(client, coach, cohort):
    team = coached_team(coach, cohort=cohort)
    f.TASessionFactory(team=team, coach=coach, starts_at=NOW - datetime.timedelta(hours=2))
    client.force_login(coach)
    page = client.get(reverse("wagtailadmin_home")).text
    assert "0 days ago" not in page
    assert "today" in page


@time_machine.travel(NOW, tick=False)
def test_my_teams_says_the_same_days_in_words_and_in_numbers(client, coach, cohort):
    """3 days and 12 hours after a late-evening session: 4 calendar days in the coach's zone, in
    both columns (Wagtail's "3 days ago" counted 24-hour periods)."""
    coach.time_zone = "America/New_York"
    coach.save()
    team = coached_team(coach, cohort=cohort)
    f.TASessionFactory(team=team, coach=coach, starts_at=datetime.datetime(2027, 2, 16, 0, 0, tzinfo=UTC))
    client.force_login(coach)
    response = client.get(reverse("coaching_my_teams:index"))
    [status] = response.context["object_list"]
    assert status.days_since == 4  # 15 February, 19:00 in New York
    assert "4 days ago" in response.text
    assert "3 days ago" not in response.text


def test_the_team_coaching_page_links_its_coaches_to_the_teams_reviews(client, coach, team):
    member = f.MembershipFactory(team=team)
    page = f"{reverse('cohorts_review_queue')}?team={team.pk}"
    client.force_login(coach)
    assert page in client.get(reverse("coaching:team_coaching", args=[team.pk])).text
    client.force_login(member.user)
    assert page not in client.get(reverse("coaching:team_coaching", args=[team.pk])).text


NEGATIVE = re.compile(r"(^|[\s>,])-\d")  # a negative number as a cell or a word shows it
BEFORE_START = datetime.datetime(2027, 1, 20, 15, 0, tzinfo=UTC)  # the cohort starts on 1 February


@time_machine.travel(BEFORE_START, tick=False)
def test_days_since_never_reads_negative_before_the_cohort_starts(client, coach, cohort):
    """A team with no TA session yet, in a cohort starting in 12 days: "Not started", not "-12",
    on My teams, in its export and on the dashboard, in English and Spanish."""
    coached_team(coach, cohort=cohort, name="Early birds")
    client.force_login(coach)
    response = client.get(reverse("coaching_my_teams:index"))
    [status] = response.context["object_list"]
    assert status.days_since_shown == "Not started"
    page = response.text
    assert not NEGATIVE.search(page) and "Not started" in page
    export = client.get(reverse("coaching_my_teams:index"), {"export": "csv"})
    text = b"".join(export.streaming_content).decode()
    assert not NEGATIVE.search(text) and "Not started" in text
    assert not NEGATIVE.search(client.get(reverse("wagtailadmin_home")).text)
    coach.preferred_language = "es"
    coach.save()
    assert "No ha comenzado" in client.get(reverse("coaching_my_teams:index")).text


@time_machine.travel(NOW, tick=False)
def test_days_since_a_ta_session_dated_ahead_is_not_negative(client, coach, cohort):
    """A TA session logged for a date still to come: its date and "in 3 days", never "-3"."""
    team = coached_team(coach, cohort=cohort)
    f.TASessionFactory(team=team, coach=coach, starts_at=NOW + datetime.timedelta(days=3))
    client.force_login(coach)
    response = client.get(reverse("coaching_my_teams:index"))
    [status] = response.context["object_list"]
    assert status.days_since_shown == "Not yet"
    assert not NEGATIVE.search(response.text) and "in 3 days" in response.text
