"""A coach reads in the Wagtail admin only what belongs to the teams they coach (issue #11 §2).

The world has team A (coached by coach_a) and team B (coached by coach_b), each in its own cohort
and with one record of every kind the admin shows, and every record with a line in the site
history. Everything of team B carries the marker "TEAM-B-SECRET". The tests walk every admin URL
the resolver knows for the project's viewsets (listing, search, exports, and each object's edit,
inspect, history, usage, delete and the viewsets' own actions), the custom coaching and cohort
admin pages, the site history with its exports, the global search and the choosers, as a coach
of team A and as a coach of no team — with the Coaches group's permissions alone, and with every
view and change permission staff could grant them — and assert the marker never appears and every
team B record answers 404.

The world is built once for the module and rolled back when it ends; each test gets its own copy
of its objects and rolls back what it writes (tests/shared_data.py).
"""

import copy
import io
import re
from urllib.parse import urlsplit

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse
from wagtail.admin.viewsets import viewsets as viewset_registry
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, ReferenceIndex

from accounts.admin_scope import admin_log_entries, admin_objects_for
from cms.demo import factories as f
from coaching.models import ActionItem, CoachAssignment, TASession
from cohorts import policies
from cohorts.announcements.models import Announcement
from cohorts.assignments.models import Feedback, Submission, SubmissionStatus, SubmissionVersion
from cohorts.models import Cohort, Team
from cohorts.peers.models import PeerMessage, PeerPairing
from cohorts.phases.models import Milestone
from cohorts.progress.models import (
    CertificationRecord,
    CohortCriterionSet,
    CriterionProgress,
    Evidence,
    Indicator,
    Measurement,
    ProgressStatus,
)
from cohorts.registration.models import Registration, RegistrationStatus, SignedMOU, TeamInvitation
from cohorts.schedule.models import Attendance, SchedulePoll, Session
from cohorts.sharing.models import SharedResult
from tests.coaching_helpers import coaches_group, make_coach
from tests.shared_data import built, module_transaction

pytestmark = pytest.mark.django_db

SECRET = "TEAM-B-SECRET"
#: What the searches look for: part of every team B name, yet not the marker a page would echo.
SEARCH = "B-SECRET"
MINE = "TEAM-A-MINE"
PROJECT_APPS = {"accounts", "notifications", "cms", "sprints", "cohorts", "coaching"}


def build_team(marker, program, template, item):
    """One team in its own cohort with a record of every kind, each logged in the site history."""
    cohort = f.CohortFactory(program=program, name=f"{marker} cohort")
    registration = f.RegistrationFactory(
        cohort=cohort,
        team_name=f"{marker} team",
        city=f"{marker} city",
        status=RegistrationStatus.ACCEPTED,
        applicant=f.UserFactory(full_name=f"{marker} applicant"),
    )
    team = f.TeamFactory(
        cohort=cohort, name=f"{marker} team", city=f"{marker} city", registration=registration
    )
    member = f.MembershipFactory(team=team, user=f.UserFactory(full_name=f"{marker} member"))
    coach = f.UserFactory(is_staff=True, full_name=f"{marker} coach")
    coach.groups.add(coaches_group())
    session = f.SessionFactory(cohort=cohort, title=f"{marker} session")
    submission = f.SubmissionFactory(
        team=team, template=template, status=SubmissionStatus.SUBMITTED, version_number=1
    )
    version = f.SubmissionVersionFactory(submission=submission, number=1, submitted_by=member.user)
    progress = f.CriterionProgressFactory(
        team=team, item=item, status=ProgressStatus.MET, coach_comment=f"{marker} comment"
    )
    indicator = f.IndicatorFactory(team=team, name=f"{marker} indicator")
    ta_session = f.TASessionFactory(team=team, coach=coach, summary=f"{marker} summary", attendees=[member])
    alumni = f.TeamFactory(
        cohort=f.CohortFactory(program=program), name=f"{marker} alumni", city=f"{marker} port"
    )
    pairing = f.PeerPairingFactory(team=team, peer=alumni, note=f"{marker} pairing")
    records = {
        Cohort: cohort,
        Registration: registration,
        Team: team,
        TeamInvitation: TeamInvitation.objects.create(
            team=team, email=f"{marker.lower()}-invitee@example.com", full_name=f"{marker} invitee"
        ),
        Session: session,
        Attendance: f.AttendanceFactory(membership=member, session=session),
        Submission: submission,
        SubmissionVersion: version,
        Feedback: f.FeedbackFactory(version=version, author=coach, body=f"{marker} feedback"),
        CriterionProgress: progress,
        Evidence: f.EvidenceFactory(progress=progress, note=f"{marker} evidence"),
        Indicator: indicator,
        Measurement: f.MeasurementFactory(indicator=indicator, note=f"{marker} measurement"),
        Announcement: f.AnnouncementFactory(cohort=cohort, title=f"{marker} announcement"),
        SchedulePoll: f.SchedulePollFactory(cohort=cohort),
        CoachAssignment: f.CoachAssignmentFactory(team=team, coach=coach),
        TASession: ta_session,
        ActionItem: f.ActionItemFactory(
            team=team, ta_session=ta_session, owner=member, description=f"{marker} action"
        ),
        SignedMOU: f.SignedMOUFactory(team=team, counterparty=f"{marker} counterparty"),
        CertificationRecord: f.CertificationRecordFactory(team=team, note=f"{marker} certification"),
        Milestone: f.SiteVisitFactory(team=team, title=f"{marker} visit", participants=[member]),
        CohortCriterionSet: CohortCriterionSet.objects.create(
            cohort=cohort, criterion_set=item.criterion.criterion_set
        ),
        PeerPairing: pairing,
        PeerMessage: f.PeerMessageFactory(
            pairing=pairing, team=team, author=member.user, body=f"{marker} hello"
        ),
        SharedResult: f.SharedResultFactory(team=team, title_en=f"{marker} result"),
    }
    f.ScheduleVoteFactory(slot=f.ScheduleSlotFactory(poll=records[SchedulePoll]), membership=member)
    for record in records.values():
        log(record, "wagtail.edit", user=member.user)
    return {"team": team, "coach": coach, "member": member, "records": records}


def build_world():
    program = f.ProgramFactory()
    template = f.AssignmentTemplateFactory(program=program)
    item = f.ChecklistItemFactory()
    f.TopicFactory(slug="open-data", name="Open data")
    team_a = build_team(MINE, program, template, item)
    team_b = build_team(SECRET, program, template, item)
    coach_none = make_coach(full_name="Coach of no team")
    return {"a": team_a, "b": team_b, "coach_a": team_a["coach"], "coach_none": coach_none}


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """The world, built once for the module (tests/shared_data.py)."""
    with module_transaction(django_db_blocker):
        yield built(django_db_blocker, build_world)


@pytest.fixture
def world(module_world, db):
    """This test's copy of the world's objects (a test may delete or change one in memory); the
    rows it changes are rolled back with the test's savepoint."""
    return copy.deepcopy(module_world)


def grant_everything_but_staff(user):
    """Every view and change permission on the project's models staff could grant a coach
    (not change_team, which makes a user staff)."""
    group, _created = Group.objects.get_or_create(name="Coach extras")
    group.permissions.set(
        Permission.objects.filter(content_type__app_label__in=PROJECT_APPS)
        .filter(codename__regex=r"^(view|change)_")
        .exclude(codename="change_team")
    )
    user.groups.add(group)


VIEWERS = ["coach_a", "coach_none", "coach_a_granted"]


@pytest.fixture(params=VIEWERS)
def viewer(request, world, client):
    name = request.param
    user = world[name.removesuffix("_granted")]
    if name.endswith("_granted"):
        grant_everything_but_staff(user)
    client.force_login(user)
    return name


def body_of(response):
    """The response as text (an Excel export as the text of its cells), read once."""
    if hasattr(response, "text_for_test"):
        return response.text_for_test
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        text = "\n".join(
            str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
        )
    else:
        text = content.decode("utf-8", errors="replace")
    response.text_for_test = text
    return text


def is_wagtail_refusal(response):
    """Wagtail's "no permission": a redirect to the dashboard with an error message."""
    dashboard = urlsplit(reverse("wagtailadmin_home"))
    return response.status_code == 302 and urlsplit(response["Location"]) == dashboard


def get_following(client, url):
    """GET `url` and follow its redirects as `follow=True` does (a 404 under /admin/ goes to the
    language-prefixed 404 page), except Wagtail's refusal: it stops at the redirect to the
    dashboard. What the dashboard would show is the same for every refused URL — the dashboard,
    which custom_urls() walks for every viewer, and the message queued for it, which is checked
    here (and then dropped, as showing the dashboard would). `redirect_chain` as Django's."""
    response = client.get(url)
    chain = []
    while response.status_code in (301, 302, 303, 307, 308):
        location = response["Location"]
        chain.append((location, response.status_code))
        assert SECRET not in location, url
        if is_wagtail_refusal(response):
            queued = " ".join(str(message) for message in get_messages(response.wsgi_request))
            assert queued and SECRET not in queued, (url, queued)
            client.cookies.pop("messages", None)
            break
        assert len(chain) < 10, (url, chain)
        split = urlsplit(location)
        response = client.get(f"{split.path}?{split.query}" if split.query else split.path)
    response.redirect_chain = chain
    return response


def assert_no_secret(client, url):
    """GET `url`, following redirects (see get_following), and check no page on the way shows team
    B."""
    response = get_following(client, url)
    if not is_wagtail_refusal(response):
        assert response.status_code in (200, 403, 404), (url, response.status_code)
        assert SECRET not in body_of(response), url
    return response


# The site history report


SITE_HISTORY_URLS = [
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/site-history/?export=csv",
    "/admin/reports/site-history/?export=xlsx",
]


@pytest.mark.parametrize("url", SITE_HISTORY_URLS)
def test_site_history_shows_a_coach_no_entry_of_another_team(client, world, viewer, url):
    response = assert_no_secret(client, url)
    assert response.status_code == 200
    if viewer.startswith("coach_a") and "results" not in url:
        # Not vacuous: the coach reads their own team's history.
        assert f"TA session with {MINE} team" in body_of(response)


def test_site_history_filters_offer_a_coach_no_other_teams_people(client, world):
    client.force_login(world["coach_a"])
    response = client.get("/admin/reports/site-history/", {"label": SEARCH})
    assert SECRET not in body_of(response)
    # Team A's member acted on team A's records, so she is among the users to filter by.
    assert f"{MINE} member" in body_of(response)


def test_site_history_shows_staff_every_team(client, world, staff_user):
    client.force_login(staff_user)
    for url in SITE_HISTORY_URLS[:1] + SITE_HISTORY_URLS[2:]:
        text = body_of(client.get(url))
        assert SECRET in text and MINE in text, url


def test_site_history_hides_deleted_records_of_a_coachs_scope_from_the_coach_only(client, world, staff_user):
    """An entry about a record that no longer exists cannot be placed in a team: staff only."""
    item = world["b"]["records"][ActionItem]
    log(item, "wagtail.delete", user=staff_user)
    item.delete()
    client.force_login(world["coach_none"])
    assert SECRET not in body_of(client.get("/admin/reports/site-history/?export=csv"))


def test_admin_log_entries_keep_a_coach_to_their_teams(world):
    entries = admin_log_entries(world["coach_a"], ModelLogEntry.objects.all())
    labels = " ".join(entries.values_list("label", flat=True))
    assert MINE in labels and SECRET not in labels
    assert not admin_log_entries(world["coach_none"], ModelLogEntry.objects.all()).filter(
        label__contains=MINE
    )


# The policy: one answer per model


def project_model_viewsets():
    assert get_resolver().namespace_dict  # loads the admin's URLs, and so registers its viewsets
    return [
        viewset
        for viewset in viewset_registry.viewsets
        if isinstance(viewset, ModelViewSet) and viewset.model._meta.app_label in PROJECT_APPS
    ]


def test_every_admin_model_is_either_scoped_or_holds_no_teams_data(world):
    """A new viewset on a team's records must be added to the policy's tables (and to the world
    above, so the URL walk below covers it)."""
    shared = {
        "sprints.program",
        "sprints.sessionplan",
        "sprints.assignmenttemplate",
        "sprints.criterion",
        "sprints.criterionset",
        "coaching.topic",
    }
    scoped = {*policies.TEAM_OWNED, *policies.COHORT_OWNED, *policies.PERSON_OWNED}
    for viewset in project_model_viewsets():
        label = viewset.model._meta.label_lower
        assert label in scoped or label in shared, label
        if label in scoped and label != "accounts.user":
            assert viewset.model in world["b"]["records"], label


def test_admin_objects_for_a_coach_is_their_teams_records(world, staff_user):
    for model, record in world["b"]["records"].items():
        assert not admin_objects_for(world["coach_a"], model).filter(pk=record.pk).exists(), model
        assert not admin_objects_for(world["coach_none"], model).exists(), model
        assert admin_objects_for(world["b"]["coach"], model).filter(pk=record.pk).exists(), model
        assert admin_objects_for(staff_user, model).filter(pk=record.pk).exists(), model
        mine = world["a"]["records"][model]
        assert list(admin_objects_for(world["coach_a"], model)) == [mine], model


# Every URL of every project viewset

#: What each page without arguments is asked: itself, a search for team B, and its exports.
QUERIES = ("", f"?q={SEARCH}", "?export=csv", "?export=xlsx")


def viewset_urls(world, side="b"):
    """(url, is an object URL) for every URL pattern the resolver has for the project's viewsets,
    the object URLs for `side`'s record of the viewset's model."""
    resolver = get_resolver()
    urls = []
    for viewset in project_model_viewsets():
        namespace = viewset.url_namespace
        _prefix, sub_resolver = resolver.namespace_dict[namespace]
        record = world[side]["records"].get(viewset.model)
        for pattern in sub_resolver.url_patterns:
            params = set(pattern.pattern.converters)
            name = f"{namespace}:{pattern.name}"
            if not params:
                urls += [(reverse(name) + query, False) for query in QUERIES]
            elif record is not None:
                assert params == {"pk"}, name
                urls.append((reverse(name, kwargs={"pk": record.pk}), True))
    return urls


def test_every_viewset_url_keeps_a_coach_from_another_teams_records(client, world, viewer):
    urls = viewset_urls(world)
    assert len(urls) > 150
    for url, is_team_b_object in urls:
        response = assert_no_secret(client, url)
        if is_team_b_object:
            assert response.status_code == 404, (url, response.status_code)


def test_a_coachs_own_records_show_nothing_of_another_team(client, world):
    """Team A's edit forms, inspect, history and usage pages offer no choice of team B's records
    (versions, progress, indicators, sessions, people…)."""
    grant_everything_but_staff(world["coach_a"])
    client.force_login(world["coach_a"])
    for url, is_object in viewset_urls(world, side="a"):
        if is_object:
            assert_no_secret(client, url)


def test_a_granted_coach_still_reaches_their_own_teams_records(client, world):
    """The walk above is not vacuous: the same pages show team A's records to its coach."""
    grant_everything_but_staff(world["coach_a"])
    client.force_login(world["coach_a"])
    for model, record in world["a"]["records"].items():
        namespace = model._meta.model_name
        views = ("inspect",) if model is Team else ("inspect", "history")  # no change_team
        for view in views:
            response = client.get(reverse(f"{namespace}:{view}", args=(record.pk,)))
            assert response.status_code == 200, (model, view)
        listing = body_of(client.get(reverse(f"{namespace}:index")))
        assert MINE in listing or str(record) in listing, model
        assert SECRET not in listing, model


def test_listing_filters_offer_a_coach_only_their_teams_and_cohorts(client, world):
    grant_everything_but_staff(world["coach_a"])
    client.force_login(world["coach_a"])
    for name in ("team:index", "submission:index", "tasession:index", "registration:index"):
        text = body_of(client.get(reverse(name)))
        assert f"{MINE} cohort" in text, name
        assert SECRET not in text, name


def test_usage_of_a_shared_record_hides_other_teams_records(client, world):
    """A program is shared; the cohorts that run it are not (another cohort is "private")."""
    for side in ("a", "b"):
        ReferenceIndex.create_or_update_for_object(world[side]["records"][Cohort])  # the worker's job
    program = world["a"]["records"][Cohort].program
    grant_everything_but_staff(world["coach_a"])
    client.force_login(world["coach_a"])
    text = body_of(client.get(reverse("program:usage", args=(program.pk,))))
    assert f"{MINE} cohort" in text
    assert "(Private cohort)" in text
    assert SECRET not in text


# The custom admin pages, reports, dashboard, search and choosers


def custom_urls(world):
    b = world["b"]["records"]
    return [
        reverse("wagtailadmin_home"),
        f"{reverse('wagtailadmin_pages:search')}?q={SEARCH}",
        reverse("cohorts_review_queue"),
        reverse("cohorts_submission_review", args=(b[Submission].pk,)),
        reverse("cohorts_verify_queue"),
        reverse("cohorts_progress_verify", args=(b[CriterionProgress].pk,)),
        reverse("cohorts_progress_heatmap"),
        f"{reverse('cohorts_progress_heatmap')}?cohort={b[Cohort].pk}",
        reverse("cohorts_progress_export", args=(b[Cohort].pk,)),
        reverse("cohorts_take_attendance", args=(b[Session].pk,)),
        reverse("cohorts_attendance_sessions"),
        reverse("cohorts_generate_sessions", args=(b[Cohort].pk,)),
        reverse("cohorts_schedule_poll", args=(b[Cohort].pk,)),
        f"{reverse('tasession:add')}?team={world['b']['team'].pk}",
        reverse("wagtail_bulk_action", args=("cohorts", "registration", "accept"))
        + f"?id={b[Registration].pk}",
        reverse("wagtaildocs_chooser:choose"),
        f"{reverse('wagtaildocs_chooser:choose_results')}?q={SEARCH}",
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtailadmin_choose_page"),
        f"{reverse('wagtailusers_users:index')}?q={SEARCH}",
    ]


def parameterless_admin_urls():
    """Every admin page the resolver has that needs no argument: reports, listings, dashboards."""
    skip = re.compile(r"logout|failwhale|test404|login|password_reset|jsi18n|sprite|^admin/$|api/")
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                walk(pattern.url_patterns, route, inner)
            elif pattern.name and not pattern.pattern.converters and not re.search(r"[<(^$\\]", route[1:]):
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                if route.startswith("admin/") and not skip.search(route):
                    found.append(name)

    walk(get_resolver().url_patterns, "", "")
    return sorted(set(found))


def refused(response):
    """404, or Wagtail's refusal: a 403, or back to the dashboard with "no permission"."""
    chain = getattr(response, "redirect_chain", [])
    return response.status_code in (403, 404) or bool(chain and chain[-1][0] == reverse("wagtailadmin_home"))


def test_custom_admin_pages_keep_a_coach_from_another_team(client, world, viewer):
    for url in custom_urls(world):
        response = assert_no_secret(client, url)
        if re.search(r"/\d+/|\.xlsx$|[?&]id=", url):
            assert refused(response), (url, response.status_code)


def test_every_admin_page_without_arguments_keeps_a_coach_from_another_team(client, world, viewer):
    """The viewsets' own pages and the site history are walked, for the same viewers and with the
    same checks, by the tests above; here, everything else."""
    names = parameterless_admin_urls()
    assert "wagtailadmin_reports:site_history" in names and "cohorts_review_queue" in names
    walked_above = {url for url, _is_object in viewset_urls(world)} | set(SITE_HISTORY_URLS)
    urls = sorted({reverse(name) + query for name in names for query in QUERIES} - walked_above)
    assert "/admin/reviews/?export=xlsx" in urls
    assert "/admin/reports/site-history/?q=B-SECRET" in urls
    for url in urls:
        assert_no_secret(client, url)


@pytest.mark.parametrize(
    "url", ["/admin/reports/site-history/", "/admin/actionitem/", "/admin/tasession/", "/admin/reviews/"]
)
def test_a_coachs_admin_pages_run_the_same_queries_with_more_records(client, world, url):
    """The scope is part of each page's queries, however many records and entries there are."""
    client.force_login(world["coach_a"])
    client.get(url)  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    for side in ("a", "b"):
        team = world[side]["team"]
        for _ in range(5):
            item = f.ActionItemFactory(team=team, description=f"{side} extra")
            log(item, "wagtail.edit", user=world[side]["member"].user)
            log(f.TASessionFactory(team=team), "wagtail.create", user=world[side]["coach"])
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) == len(before)


def test_other_admin_users_reach_the_models_their_permissions_cover(client, world):
    """Not a coach, not staff: a reader of applications reads every application (and its history),
    and no team's work, which no permission of theirs covers."""
    reader = f.UserFactory(full_name="Application reader")
    group = Group.objects.create(name="Application readers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="cohorts", codename="view_registration"),
    )
    reader.groups.add(group)
    client.force_login(reader)
    text = body_of(client.get(reverse("registration:index")))
    assert f"{MINE} team" in text and f"{SECRET} team" in text
    history = body_of(client.get("/admin/reports/site-history/?export=csv"))
    assert f"{SECRET} team" in history and "TA session" not in history
    b = world["b"]["records"]
    for url in (
        reverse("cohorts_submission_review", args=(b[Submission].pk,)),
        reverse("cohorts_progress_verify", args=(b[CriterionProgress].pk,)),
        reverse("cohorts_take_attendance", args=(b[Session].pk,)),
    ):
        assert refused(client.get(url, follow=True)), url
    assert admin_objects_for(reader, Registration).count() == 2
    assert not admin_objects_for(reader, Submission).exists()


def test_a_reader_of_team_work_still_cannot_review_verify_or_take_attendance(client, world):
    """Reviewing, verifying and taking attendance are for staff and the team's coaches, whatever
    model permissions another admin user holds."""
    reader = f.UserFactory(full_name="Work reader")
    group = Group.objects.create(name="Work readers")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="cohorts",
            codename__in=["view_submission", "view_criterionprogress", "view_session", "view_attendance"],
        ),
    )
    reader.groups.add(group)
    client.force_login(reader)
    b = world["b"]["records"]
    for url in (
        reverse("cohorts_submission_review", args=(b[Submission].pk,)),
        reverse("cohorts_progress_verify", args=(b[CriterionProgress].pk,)),
        reverse("cohorts_take_attendance", args=(b[Session].pk,)),
    ):
        assert refused(client.get(url, follow=True)), url
