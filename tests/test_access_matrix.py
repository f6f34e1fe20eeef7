"""Every URL the site answers, front end and admin, for every kind of person.

The URLs come from the resolver, so a new URL that nobody classified fails
`test_every_url_is_classified`. Each URL is then requested as each role, with the objects of
team A and, where it takes an object, with team B's too:

- the status follows the URL's class: a team page opens for team A's members, its coach and
  staff, answers 404 to everyone else (never 403, so ids leak nothing) and sends visitors to
  sign in; the admin never opens for people without admin access;
- nothing a role may not see is in the response, whatever its status: each team's records carry
  a marker, looked for in HTML, text, CSV, spreadsheets and PDFs;
- nothing answers 500.
"""

import copy
import csv
import fnmatch
import io
import re
from functools import cache

import openpyxl
import pytest
import wagtail_factories
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from pypdf import PdfReader
from wagtail.documents import get_document_model

from cms.demo import factories as f
from cohorts.assignments.models import SubmissionAttachment
from cohorts.opendata import services as opendata
from cohorts.progress.models import EvidenceKind
from cohorts.schedule.models import SessionMaterial
from tests.coaching_helpers import coaches_group, make_coach
from tests.opendata_helpers import package
from tests.shared_data import built, make_home_page, module_transaction

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "unverified",
    "applicant",
    "member_a",
    "member_b",
    "withdrawn",
    "coach_a",
    "coach_none",
    "staff",
]
SIGNED_IN = set(ROLES) - {"anonymous"}
ADMIN_USERS = {"coach_a", "coach_none", "staff"}

# Who may read each team's records, on the front end and in the admin.
MARKERS = {"ALPHA-SECRET": {"member_a", "coach_a", "staff"}, "BRAVO-SECRET": {"member_b", "staff"}}
ADMIN_MARKERS = {"ALPHA-SECRET": {"coach_a", "staff"}, "BRAVO-SECRET": {"staff"}}


# -- The classes of URL, and what each role gets from a GET ------------------------------------------------

OK, LOGIN, NOT_FOUND, REFUSED, ANY, NOT_ALLOWED = "200", "login", "404", "refused", "any", "405"


READERS = {"a": {"member_a", "coach_a", "staff"}, "b": {"member_b", "staff"}}
MEMBERS = {"a": "member_a", "b": "member_b"}


def team_page(role, team):
    if role == "anonymous":
        return LOGIN
    return OK if role in READERS[team] else NOT_FOUND


def member_action(role, team):
    """POST-only changes to a team's work: only its members; others learn nothing (404)."""
    if role == "anonymous":
        return LOGIN
    return ANY if role == MEMBERS[team] else NOT_FOUND


def member_page(role, team):
    """A page only the team's members open (the weekly check-in, a peer page): everyone
    else, its coach and staff included, learns nothing (404)."""
    if role == "anonymous":
        return LOGIN
    return OK if role == MEMBERS[team] else NOT_FOUND


def team_action(role, team):
    """POST-only team actions that coaches and staff may also take."""
    if role == "anonymous":
        return LOGIN
    return ANY if role in READERS[team] else NOT_FOUND


def own_page(role, team):
    return LOGIN if role == "anonymous" else OK


def own_object(role, team):
    """Something one person owns (a notification): theirs alone."""
    if role == "anonymous":
        return LOGIN
    return ANY if role == MEMBERS[team] else NOT_FOUND


def own_action(role, team):
    return LOGIN if role == "anonymous" else ANY


def signed_in(role, team):
    return LOGIN if role == "anonymous" else ANY


def applicant_page(role, team):
    if role == "anonymous":
        return LOGIN
    return OK if role == "applicant" else NOT_FOUND


def public(role, team):
    return OK


def anyone(role, team):
    """Sign-in flows, tokens and language switches: each has its own tests; here, no 500 and no leak."""
    return ANY


def admin_page(role, team):
    """Admin pages: never for people without admin access; coaches and staff per their own tests."""
    if role == "anonymous":
        return LOGIN
    return ANY if role in ADMIN_USERS else REFUSED


def coaching_page(role, team):
    """The coaching area: staff, and coaches of a team (a coach of no team is turned away)."""
    if role in {"coach_a", "staff"}:
        return OK
    return REFUSED if role == "coach_none" else admin_page(role, team)


def staff_page(role, team):
    """Staff's part of the admin: coaches are turned away like everyone else without access."""
    if role == "staff":
        return ANY
    return LOGIN if role == "anonymous" else REFUSED


def post_only(role, team):
    """Wagtail's doors that take only a POST: to anyone with admin access a GET answers 405 and
    does nothing; everyone else is turned away before that."""
    if role == "anonymous":
        return LOGIN
    return NOT_ALLOWED if role in ADMIN_USERS else REFUSED


def deliberate_error(role, team):
    """Wagtail's /admin/failwhale/ raises on purpose, to test error reporting: never requested."""


POSTED = {member_action, team_action, own_action}


FRONT_END = {
    "home": public,
    "healthz": public,
    "wagtail_serve": anyone,
    # Wagtail's private-page and document doors: their own tests.
    "wagtailcore_login": anyone,
    "wagtailcore_authenticate_with_password": anyone,
    "wagtaildocs_authenticate_with_password": anyone,
    "wagtaildocs_serve": anyone,
    "set_language": anyone,
    "calendar_feed": anyone,
    "account_*": anyone,
    "notifications:list": own_page,
    "notifications:preferences": own_page,
    "profile:data": own_page,
    "profile:data_download": own_page,
    "profile:delete": own_page,
    "notifications:open": own_object,
    "notifications:mark_read": own_action,
    "notifications:unsubscribe": anyone,
    "cohorts:invitation_accept": anyone,
    "cohorts:member_welcome": anyone,
    "cohorts:registration_list": own_page,
    "cohorts:registration_start": signed_in,
    "cohorts:registration_detail": applicant_page,
    "cohorts:registration_edit": applicant_page,
    "cohorts:registration_withdraw": applicant_page,
    "cohorts:workspace": signed_in,
    "cohorts:calendar": own_page,
    "cohorts:calendar_reset": own_action,
    "cohorts:team_home": team_page,
    "cohorts:team_schedule": team_page,
    "cohorts:team_schedule_poll": team_page,
    "cohorts:team_session": team_page,
    "cohorts:team_session_ics": team_page,
    "cohorts:team_attendance": team_page,
    "cohorts:team_checkin": member_page,
    "cohorts:assignment_list": team_page,
    "cohorts:assignment": team_page,
    "cohorts:assignment_history": team_page,
    "cohorts:assignment_compare": team_page,
    "cohorts:assignment_export": team_page,
    "cohorts:assignment_compare_export": team_page,
    "cohorts:attachment_download": team_page,
    "cohorts:evidence_download": team_page,
    "cohorts:certification_download": team_page,
    "cohorts:team_mou_download": team_page,
    "cohorts:team_phases": team_page,
    "cohorts:team_progress": team_page,
    "cohorts:progress_report": team_page,
    "cohorts:team_indicators": team_page,
    "coaching:team_coaching": team_page,
    "cohorts:assignment_submit": member_action,
    "cohorts:refused_draft_dismiss": member_action,
    "cohorts:attachment_remove": member_action,
    "cohorts:progress_mark": member_action,
    "cohorts:evidence_add": member_action,
    "cohorts:evidence_remove": member_action,
    "cohorts:indicator_edit": member_action,
    "cohorts:measurement_add": member_action,
    "cohorts:certification_record": team_action,
    "coaching:action_item_done": member_action,
    "coaching:action_item_comment": team_action,
    # Peer support: only the paired teams' members (coaches and staff read pairings in the admin).
    "cohorts:peer_pairing": member_page,
    "cohorts:peer_message_edit": member_page,
    "cohorts:peer_message_delete": member_page,
    # Shared results: the team's work; visitors read published ones on the program page.
    "cohorts:result_list": team_page,
    "cohorts:result_detail": team_page,
    "cohorts:result_new": member_page,
    "cohorts:result_edit": member_page,
    "cohorts:result_withdraw": member_page,
    # The team's procurement data: members change it, its coach and staff read the reports and files.
    "cohorts:team_data": team_page,
    "cohorts:team_data_import": team_page,
    "cohorts:team_data_download": team_page,
    "cohorts:team_data_upload": member_action,
    "cohorts:team_data_source_add": member_action,
    "cohorts:team_data_source_fetch": member_action,
    "cohorts:team_data_mapping": member_action,
    "cohorts:team_data_import_delete": member_page,
    "cohorts:team_data_source_remove": member_page,
    "cohorts:team_data_erase": member_page,
}

# Admin URL names (or patterns of them), by who works there.
ADMIN = {
    # Open to anyone: the sign-in doors (sent to the one sign-in page), assets, the 404 catch-all.
    "wagtailadmin_login": anyone,
    "wagtailadmin_logout": anyone,
    "wagtailadmin_password_reset*": anyone,
    "wagtailadmin_javascript_catalog": anyone,
    "wagtailadmin_sprite": anyone,
    "None": anyone,
    # The coaching area.
    "wagtailadmin_home": admin_page,
    "coaching_my_teams*": coaching_page,
    "coaching_momentum:index": coaching_page,
    "coaching_momentum:note": admin_page,
    "tasession:*": admin_page,
    "actionitem:*": admin_page,
    "topic:*": admin_page,
    "coachassignment:*": admin_page,
    "cohorts_review_queue*": coaching_page,
    "cohorts_submission_review": admin_page,
    "cohorts_verify_queue": coaching_page,
    "cohorts_progress_verify": admin_page,
    "cohorts_progress_heatmap": coaching_page,
    "cohorts_phase_report*": coaching_page,
    "cohorts_data_report*": coaching_page,
    "milestone:*": admin_page,
    "cohorts_attendance_sessions": coaching_page,
    "cohorts_take_attendance": admin_page,
    # A cohort's schedule poll: staff, and read-only for coaches of its teams (404 to other coaches).
    "cohorts_schedule_poll": admin_page,
    "wagtailadmin_reports:site_history*": admin_page,
    "cms_site_history*": admin_page,
    "wagtailadmin_dismissibles": admin_page,
    "wagtailadmin_account*": admin_page,
    "wagtailadmin_editing_sessions:*": admin_page,
    "wagtailadmin_tag_*autocomplete": admin_page,
    "wagtailadmin_api:*": admin_page,
    "wagtailadmin_explore*": admin_page,
    "wagtailadmin_choose_page*": admin_page,
    "wagtailadmin_block_preview": admin_page,
    "wagtailadmin_error_test": deliberate_error,
    # Wagtail's choosers open to everyone with admin access and list only what the user may choose
    # (nothing, for a coach); tests/test_admin_coach_scope.py searches them for another team's data.
    "wagtaildocs_chooser:*": admin_page,
    "wagtailimages_chooser:*": admin_page,
    "wagtailembeds:chooser*": admin_page,
    "wagtailadmin_workflows:task_chooser*": admin_page,
    "wagtailadmin_workflows:task_chosen": admin_page,
    # Wagtail asks no page permission of these GETs (a confirmation, a "nothing to cancel" answer,
    # a redirect to the history, which does ask); here they are about the root page, no team's.
    "wagtailadmin_pages:move_confirm": admin_page,
    "wagtailadmin_pages:confirm_workflow_cancellation": admin_page,
    "wagtailadmin_pages:revisions_index": admin_page,
    # POST-only doors.
    "wagtailadmin_pages:lock": post_only,
    "wagtailadmin_pages:unlock": post_only,
    "wagtailadmin_pages:set_page_position": post_only,
    "wagtailadmin_workflows:enable": post_only,
    "wagtailadmin_workflows:enable_task": post_only,
    "wagtailadmin_workflows:remove": post_only,
    "wagtaildocs:create_multiple_from_uploaded_document": post_only,
    "wagtaildocs:edit_multiple": post_only,
    "wagtaildocs:delete_multiple": post_only,
    "wagtaildocs:delete_upload_multiple": post_only,
    "wagtailimages:create_multiple_from_uploaded_image": post_only,
    "wagtailimages:edit_multiple": post_only,
    "wagtailimages:delete_multiple": post_only,
    "wagtailimages:delete_upload_multiple": post_only,
    # Pairings, their messages and shared results: coaches read their teams' (pairing, ending a
    # pairing and reviewing a result are staff's, refused to coaches by their views).
    "peerpairing:*": admin_page,
    "peermessage:*": admin_page,
    "sharedresult:*": admin_page,
    # Everything else is staff's.
    "*": staff_page,
}


def classify(name):
    table = FRONT_END if not is_admin(name) else ADMIN
    for pattern, rule in table.items():
        if fnmatch.fnmatchcase(name, pattern):
            return rule
    return None


# -- Every URL the resolver knows ---------------------------------------------------------------------------


@cache
def all_urls():
    """(name, pattern, is_admin) for every URL pattern, namespaces included."""

    def walk(resolver, prefix="", namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = ":".join(filter(None, [namespace, pattern.name])) if pattern.name else "None"
                yield name, pattern, prefix + str(pattern.pattern)

    urls = {}
    for name, pattern, route in walk(get_resolver()):
        urls.setdefault(name, (pattern, route))
    return urls


@cache
def admin_names():
    return {name for name, (_pattern, route) in all_urls().items() if route.lstrip("^").startswith("admin/")}


def is_admin(name):
    return name in admin_names()


def test_every_url_is_classified():
    unclassified = sorted(name for name in all_urls() if classify(name) is None)
    assert not unclassified, f"Classify these URLs in tests/test_access_matrix.py: {unclassified}"


# -- The world: two teams of one cohort, a withdrawn team, and one person per role ---------------------------


def build_world():
    make_home_page()
    cohort = f.CohortFactory()
    teams = {
        "a": f.TeamFactory(cohort=cohort, name="ALPHA-SECRET team", city="Alphaville"),
        "b": f.TeamFactory(cohort=cohort, name="BRAVO-SECRET team", city="Bravopolis"),
    }
    withdrawn_team = f.TeamFactory(cohort=cohort, archived_at=timezone.now())
    registration = f.RegistrationFactory(cohort=cohort, challenge_statement="APPLICANT-SECRET")
    unverified = f.UserFactory(verified=False)
    unverified.save()  # the factory saves the password only with the verified address it skipped
    EmailAddress.objects.create(user=unverified, email=unverified.email, primary=True, verified=False)
    coach_a = make_coach()
    f.CoachAssignmentFactory(team=teams["a"], coach=coach_a)
    f.CoachAssignmentFactory(team=teams["b"], coach=make_coach())
    users = {
        "anonymous": None,
        "unverified": unverified,
        "applicant": registration.applicant,
        "member_a": f.MembershipFactory(team=teams["a"]).user,
        "member_b": f.MembershipFactory(team=teams["b"]).user,
        "withdrawn": f.MembershipFactory(team=withdrawn_team).user,
        "coach_a": coach_a,
        "coach_none": make_coach(),
        "staff": f.StaffUserFactory(),
    }
    coaches_group()
    session = f.SessionFactory(cohort=cohort)
    template = f.AssignmentTemplateFactory(program=cohort.program)
    item = f.ChecklistItemFactory()
    objects = {"session": session, "template": template, "cohort": cohort, "item": item}
    for key, team in teams.items():
        marker = team.name.split()[0]
        member = team.memberships.get().user
        submission = f.SubmissionFactory(team=team, template=template, status="submitted")
        version = f.SubmissionVersionFactory(submission=submission, submitted_by=member)
        progress = f.CriterionProgressFactory(team=team, item=item)
        ta_session = f.TASessionFactory(team=team, summary=marker, private_notes=f"{marker} private")
        indicator = f.IndicatorFactory(team=team, name=f"{marker} indicator")
        objects[key] = {
            "team": team,
            "membership": team.memberships.get(),
            "submission": submission,
            "submissionversion": version,
            "feedback": f.FeedbackFactory(version=version, body=f"{marker} feedback"),
            "attachment": SubmissionAttachment.objects.create(
                submission=submission,
                file=ContentFile(marker.encode(), name="minutes.txt"),
                original_name=f"{marker}.txt",
            ),
            "criterionprogress": progress,
            "evidence": f.EvidenceFactory(
                progress=progress,
                kind=EvidenceKind.FILE,
                url="",
                file=ContentFile(marker.encode(), name="awards.csv"),
                note=f"{marker} evidence",
            ),
            "indicator": indicator,
            "measurement": f.MeasurementFactory(indicator=indicator, note=f"{marker} measurement"),
            "tasession": ta_session,
            "actionitem": f.ActionItemFactory(
                team=team, description=f"{marker} action", ta_session=ta_session
            ),
            "attendance": f.AttendanceFactory(membership=team.memberships.get(), session=session),
            "registration": f.RegistrationFactory(cohort=cohort, challenge_statement=f"{marker} challenge"),
            "coachassignment": team.coach_assignments.first(),
            "notification": f.NotificationFactory(user=member, title_en=f"{marker} notice"),
            "signedmou": f.SignedMOUFactory(
                team=team,
                file=ContentFile(marker.encode(), name="mou.txt"),
                original_name=f"{marker} mou.txt",
                counterparty=f"{marker} counterparty",
            ),
            "milestone": f.SiteVisitFactory(
                team=team, title=f"{marker} visit", agenda=f"{marker} agenda", notes=f"{marker} notes"
            ),
            "certificationrecord": f.CertificationRecordFactory(
                team=team,
                evidence_file=ContentFile(marker.encode(), name="letter.txt"),
                original_name=f"{marker} letter.txt",
                note=f"{marker} certification",
            ),
        }
    # A schedule poll each team answered: its tally names each team's members (BRAVO-SECRET's only to staff).
    slot = f.ScheduleSlotFactory(poll=f.SchedulePollFactory(cohort=cohort))
    for key in teams:
        f.ScheduleVoteFactory(slot=slot, membership=objects[key]["membership"])
    # Each team paired with an alumni team of an earlier cohort, with a message each way, and a
    # result each team proposed.
    earlier = f.CohortFactory(program=cohort.program, start_date=cohort.start_date.replace(year=2026))
    for key, marker in (("a", "CHARLIE"), ("b", "DELTA")):
        team = teams[key]
        alumni = f.TeamFactory(cohort=earlier, name=f"{marker} alumni", city=f"{marker} city")
        alumni_member = f.MembershipFactory(team=alumni).user
        pairing = f.PeerPairingFactory(team=team, peer=alumni)
        member = objects[key]["membership"].user
        objects[key]["peerpairing"] = pairing
        objects[key]["peermessage"] = f.PeerMessageFactory(pairing=pairing, team=team, author=member)
        f.PeerMessageFactory(pairing=pairing, team=alumni, author=alumni_member)
        objects[key]["sharedresult"] = f.SharedResultFactory(
            team=team, title_en=f"{team.name.split()[0]} result"
        )
    # Each team's procurement data: a file with its report, its name and processes marked.
    for key, team in teams.items():
        marker = team.name.split()[0]
        data_import = opendata.data_upload(
            team=team,
            user=objects[key]["membership"].user,
            file=ContentFile(package(f"{marker}-ocid"), name=f"{marker}.json"),
            name=f"{marker} data",
        )
        objects[key]["dataimport"] = data_import
        objects[key]["datasource"] = data_import.source
    objects["applicant_registration"] = registration
    return {"users": users, "objects": objects}


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """The world, built once for the module (tests/shared_data.py)."""
    with module_transaction(django_db_blocker):
        yield built(django_db_blocker, build_world)


@pytest.fixture
def world(module_world, db):
    """This test's copy of the world's objects; what it writes is rolled back after it."""
    return copy.deepcopy(module_world)


URL_PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")

# -- Building each URL --------------------------------------------------------------------------------------


def front_end_kwargs(name, objects, key):
    """The kwargs of a front-end URL, with team `key`'s objects."""
    team_objects = objects[key]
    team = team_objects["team"].pk
    by_name = {
        "calendar_feed": {"token": "not-a-token"},
        "notifications:open": {"pk": team_objects["notification"].pk},
        "notifications:unsubscribe": {"token": "not-a-token"},
        "cohorts:invitation_accept": {"token": "not-a-token"},
        "cohorts:member_welcome": {"team_pk": team, "uidb36": "x", "key": "not-a-key"},
        "cohorts:registration_start": {"cohort_pk": objects["cohort"].pk},
        "cohorts:team_session": {"team_pk": team, "session_pk": objects["session"].pk},
        "cohorts:team_session_ics": {"team_pk": team, "session_pk": objects["session"].pk},
        "cohorts:attachment_download": {"team_pk": team, "pk": team_objects["attachment"].pk},
        "cohorts:attachment_remove": {"team_pk": team, "pk": team_objects["attachment"].pk},
        "cohorts:evidence_download": {"team_pk": team, "pk": team_objects["evidence"].pk},
        "cohorts:evidence_remove": {"team_pk": team, "pk": team_objects["evidence"].pk},
        "cohorts:certification_download": {"team_pk": team, "pk": team_objects["certificationrecord"].pk},
        "cohorts:refused_draft_dismiss": {"team_pk": team, "template_pk": objects["template"].pk, "pk": 0},
        "cohorts:assignment_export": {"team_pk": team, "template_pk": objects["template"].pk, "fmt": "pdf"},
        "cohorts:assignment_compare_export": {
            "team_pk": team,
            "template_pk": objects["template"].pk,
            "fmt": "csv",
        },
        "coaching:action_item_done": {"team_pk": team, "item_pk": team_objects["actionitem"].pk},
        "coaching:action_item_comment": {"team_pk": team, "item_pk": team_objects["actionitem"].pk},
        "cohorts:peer_pairing": {"team_pk": team, "pairing_pk": team_objects["peerpairing"].pk},
        "cohorts:peer_message_edit": {
            "team_pk": team,
            "pairing_pk": team_objects["peerpairing"].pk,
            "pk": team_objects["peermessage"].pk,
        },
        "cohorts:peer_message_delete": {
            "team_pk": team,
            "pairing_pk": team_objects["peerpairing"].pk,
            "pk": team_objects["peermessage"].pk,
        },
        "cohorts:result_new": {"team_pk": team, "kind": "case_story"},
        "cohorts:result_detail": {"team_pk": team, "pk": team_objects["sharedresult"].pk},
        "cohorts:result_edit": {"team_pk": team, "pk": team_objects["sharedresult"].pk},
        "cohorts:result_withdraw": {"team_pk": team, "pk": team_objects["sharedresult"].pk},
        "cohorts:team_data_source_fetch": {"team_pk": team, "pk": team_objects["datasource"].pk},
        "cohorts:team_data_source_remove": {"team_pk": team, "pk": team_objects["datasource"].pk},
        **{
            name: {"team_pk": team, "pk": team_objects["dataimport"].pk}
            for name in (
                "cohorts:team_data_import",
                "cohorts:team_data_mapping",
                "cohorts:team_data_download",
                "cohorts:team_data_import_delete",
            )
        },
    }
    if name in by_name:
        return by_name[name]
    kwargs = {}
    for param in url_params(name):
        kwargs[param] = {
            "team_pk": team,
            "template_pk": objects["template"].pk,
            "item_pk": objects["item"].pk,
            "indicator_pk": team_objects["indicator"].pk,
            "pk": objects["applicant_registration"].pk,
        }.get(param, 0)
    return kwargs


def url_params(name):
    """The names of a URL's arguments, from its route (`<int:pk>`) or regex (`(?P<pk>…)`)."""
    _pattern, route = all_urls()[name]
    return [route_name or regex_name for route_name, regex_name in URL_PARAM.findall(route)]


ADMIN_PARAM_VALUES = {
    "app_label": "cohorts",
    "model_name": "team",
    "content_type_app_name": "cohorts",
    "content_type_model_name": "team",
    "image_id": "1",
    "document_id": "1",
    "signature": "x",
    "filter_spec": "original",
    "filename": "x.txt",
    "path": "x",
    "uidb64": "x",
    "token": "x-x",
}


def admin_model_key(name):
    namespace = name.split(":")[0] if ":" in name else ""
    for model in apps.get_models():
        if model._meta.model_name == namespace and model._meta.app_label in {"cohorts", "coaching"}:
            return namespace
    return {
        "cohorts_submission_review": "submission",
        "cohorts_progress_verify": "criterionprogress",
    }.get(name)


def admin_kwargs(name, objects, key):
    model_key = admin_model_key(name)
    kwargs = {}
    for param in url_params(name):
        if param in {"pk", "object_id", "id"} and model_key and model_key in objects[key]:
            kwargs[param] = objects[key][model_key].pk
        elif param in {"pk", "cohort_pk"} and name in {
            "cohorts_generate_sessions",
            "cohorts_schedule_poll",
            "cohorts_progress_export",
        }:
            kwargs[param] = objects["cohort"].pk
        elif param == "pk" and name == "cohorts_take_attendance":
            kwargs[param] = objects["session"].pk
        else:
            kwargs[param] = ADMIN_PARAM_VALUES.get(param, "1")
    return kwargs


def url_for(name, kwargs):
    special = {
        "None": "/admin/no-such-page/",
        "wagtail_serve": "/en/no-such-page/",
        "wagtaildocs_serve": "/documents/999999/missing.pdf",
    }
    if name in special:
        return special[name]
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


# -- Reading a response -------------------------------------------------------------------------------------


def readable_text(response):
    """The text a person would read in a response, whatever its format."""
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if "spreadsheetml" in content_type:
        workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return " ".join(
            str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
        )
    if "pdf" in content_type:
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    if "csv" in content_type:
        return " ".join(" ".join(row) for row in csv.reader(io.StringIO(body.decode())))
    return body.decode(errors="replace")


def check(response, expected, role, url, markers):
    status = response.status_code
    url = f"{url} -> {response.get('Location')}" if response.get("Location") else url
    assert status < 500, (url, role, status)
    if expected == OK:
        assert status == 200, (url, role, status)
    elif expected == NOT_FOUND:
        assert status == 404, (url, role, status)
    elif expected == NOT_ALLOWED:
        assert status == 405, (url, role, status)
    elif expected == LOGIN:
        assert status == 302 and "/login/" in response.url, (url, role, status)
    elif expected == REFUSED:
        assert status in {302, 403, 404}, (url, role, status)
        if status == 302:
            assert "/login/" in response.url or response.url.rstrip("/").endswith("/admin"), (url, role)
    text = readable_text(response) if status == 200 else ""
    for marker, readers in markers.items():
        assert role in readers or marker not in text, (url, role, marker)


def client_for(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)


def changed_session(response):
    """Whether the response replaced or dropped the session (a sign-in or sign-out flow), which
    may have signed the role out."""
    return django_settings.SESSION_COOKIE_NAME in response.cookies


# -- The matrix ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_front_end_urls_by_role(client, world, role):
    client_for(client, world, role)
    for name in sorted(all_urls()):
        if is_admin(name):
            continue
        rule = classify(name)
        for team in ["a", "b"]:
            url = url_for(name, front_end_kwargs(name, world["objects"], team))
            assert url, f"Add kwargs for {name} to front_end_kwargs"
            response = client.post(url, {}) if rule in POSTED else client.get(url)
            check(response, rule(role, team), role, url, MARKERS)
            if changed_session(response):
                client_for(client, world, role)  # again: a sign-in flow may have signed the role out


@pytest.mark.parametrize("role", ROLES)
def test_admin_urls_by_role(client, world, role):
    client_for(client, world, role)
    checked = set()
    for name in sorted(admin_names()):
        rule = classify(name)
        if rule is deliberate_error:
            continue
        for team in ["a", "b"]:
            url = url_for(name, admin_kwargs(name, world["objects"], team))
            if url is None:
                continue  # a URL whose arguments are no object of ours (an image rendition, say)
            expected = rule(role, team)
            if (url, expected) in checked:
                continue  # a URL without team B's objects in it: asked once, as for team A
            checked.add((url, expected))
            response = client.get(url)
            check(response, expected, role, url, ADMIN_MARKERS)
            if changed_session(response):
                client_for(client, world, role)  # the sign-out door signed the role out


def test_every_admin_url_is_requested(world):
    """The matrix above skips a URL only when its arguments cannot be built; keep that list short."""
    unbuilt = sorted(
        name for name in admin_names() if url_for(name, admin_kwargs(name, world["objects"], "a")) is None
    )
    assert len(unbuilt) <= 5, unbuilt


@pytest.mark.parametrize("role", ROLES)
def test_session_materials_by_role(client, world, role, tmp_path, monkeypatch):
    """A session's documents are for its cohort's teams (both teams here), their coaches and staff."""
    # Wagtail sends documents from the disk. Only the documents' storage changes: changing the
    # STORAGES setting would start an empty in-memory storage, without the world's files.
    monkeypatch.setattr(get_document_model()._meta.get_field("file"), "storage", FileSystemStorage(tmp_path))
    document = wagtail_factories.DocumentFactory(file__data=b"slides")
    SessionMaterial.objects.create(session=world["objects"]["session"], document=document)
    client_for(client, world, role)
    response = client.get(document.url)
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    elif role in {"member_a", "member_b", "coach_a", "staff"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_an_archived_teams_work_is_read_only_for_its_former_members(client, world, role):
    """A withdrawn or declined team's assignments stay readable to its members only; the rest of
    its workspace closes, and nobody changes anything."""
    team = world["objects"]["a"]["team"]
    team.archived_at = timezone.now()
    team.save(update_fields=["archived_at"])
    readable = {
        "cohorts:assignment_list",
        "cohorts:assignment",
        "cohorts:assignment_history",
        "cohorts:assignment_compare",
        "cohorts:assignment_export",
        "cohorts:assignment_compare_export",
        "cohorts:attachment_download",
    }
    for name in sorted(all_urls()):
        rule = classify(name)
        if is_admin(name) or rule not in {team_page, member_action, team_action}:
            continue
        client_for(client, world, role)
        url = url_for(name, front_end_kwargs(name, world["objects"], "a"))
        response = client.post(url, {}) if rule in POSTED else client.get(url)
        if role == "anonymous":
            expected = LOGIN
        elif role == "member_a" and name in readable:
            expected = OK
        else:
            expected = NOT_FOUND
        check(response, expected, role, url, {})
