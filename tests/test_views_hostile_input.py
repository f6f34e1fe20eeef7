"""Every form and JSON-answering view of the team-facing site, driven with hostile values, never answers
a server error (issue #12 §1): text, unicode, huge and negative numbers, nulls, nested JSON, very long
strings, dates far in the future and the past, odd file names. The examples the issue lists come first.

The test client raises any exception a view lets through, so a 500 fails the example that caused it.
"""

import datetime
import json

import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from accounts.forms import ProfileForm
from cms.demo import factories as f
from cohorts.assignments.kinds import Editor
from cohorts.assignments.services import submission_for
from cohorts.progress.forms import EvidenceForm, IndicatorForm, MeasurementForm
from cohorts.registration.forms import MemberForm, RegistrationForm
from notifications.forms import NotificationPreferencesForm
from notifications.models import EmailFrequency, NotificationKind
from sprints.models import AssignmentKind

pytestmark = pytest.mark.django_db

HOSTILE = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure in CI reproduces locally
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SPECIAL = [
    "",
    " ",
    "-1",
    "-5",
    "0",
    "²",
    "١٢",
    "abc",
    "1e3",
    "1e400",
    "NaN",
    "Infinity",
    "-Infinity",
    "9" * 30,
    str(2**31),
    str(2**63),
    str(-(2**63) - 1),
    "0.0000000000000000000001",
    "99999999999999.99",
    "null",
    "None",
    "true",
    "[]",
    "{}",
    json.dumps({"a": [{"b": [{"c": [None, 1.5, "x"]}]}]}),
    "[" * 200 + "]" * 200,
    "\x00",
    "a\x00b",
    "\u202e\u200b\ufeff",
    "💥" * 50,
    "é" * 200,
    "x" * 5000,
    "9999-12-31",
    "9999-12-20",
    "9999-12-31 23:30",
    "0001-01-01",
    "1899-12-31",
    "10000-01-01",
    "2027-02-30",
    "-0001-01-01",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "javascript:alert(1)",
    "http://evil.example.com/",
    "//evil.example.com",
    "%s%n%x",
]

text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=20,
)
dates = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(str)
hostile = st.one_of(
    st.sampled_from(SPECIAL),
    text,
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    dates,
    json_values.map(json.dumps),
    st.lists(st.sampled_from(SPECIAL), min_size=2, max_size=4),  # a field sent several times
)
file_names = st.one_of(
    st.sampled_from(
        [
            "é" * 200 + ".pdf",
            "x" * 1000 + ".pdf",
            ".pdf",
            "report",
            "report.PDF",
            "../../etc/passwd.txt",
            "C:\\Users\\ana\\report.pdf",
            "a\x00b.pdf",
            "💥.png",
            "report.pdf.exe",
            "report." + "x" * 300,
        ]
    ),
    st.tuples(text, st.sampled_from(["pdf", "docx", "png", "txt", "csv", "exe", ""])).map(
        lambda pair: f"{pair[0]}.{pair[1]}"
    ),
)
file_contents = st.one_of(
    st.sampled_from(
        [b"", b"%PDF-1.4 report", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, b"MZ\x90\x00", b"PK\x03\x04"]
    ),
    st.binary(max_size=300),
)
uploads = st.lists(st.tuples(file_names, file_contents), max_size=2)


def as_files(pairs):
    """The (name, content) pairs as uploads; a name no client could send (say ".") is left out."""
    files = []
    for name, content in pairs:
        try:
            files.append(SimpleUploadedFile(name, content))
        except SuspiciousFileOperation:
            continue
    return files


def field_names(form):
    return [form.add_prefix(name) for name in form.fields]


def formset_names(formset):
    names = [formset.management_form.add_prefix(name) for name in formset.management_form.fields]
    return names + [name.replace("__prefix__", "0") for name in field_names(formset.empty_form)]


def post(client, url, data, files=()):
    payload = dict(data)
    if files := as_files(files):
        payload["files"] = files
    response = client.post(url, payload)
    assert response.status_code < 500
    return response


def hostile_fields(names):
    """Some of `names`, each with a hostile value."""
    return st.dictionaries(st.sampled_from(sorted(set(names))), hostile, max_size=8)


# --- The world the examples run in --------------------------------------------------------------


@pytest.fixture
def member_client(client, member):
    client.force_login(member.user)
    return client


def _editor_baseline(kind):
    """A post the editor of `kind` accepts: empty main fields, one empty row per list."""
    editor = Editor(kind)
    data = {}
    if editor.form:
        data.update(dict.fromkeys(field_names(editor.form), ""))
    for formset in editor.formsets:
        prefix = formset.prefix
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "1",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def _editor_names(kind):
    editor = Editor(kind)
    names = field_names(editor.form) if editor.form else []
    for formset in editor.formsets:
        names += formset_names(formset)
    return names


EDITOR_NAMES = sorted(
    {"revision", "autosave", "submit", *(name for kind in AssignmentKind for name in _editor_names(kind))}
)


# --- The views ----------------------------------------------------------------------------------


@HOSTILE
@given(kind=st.sampled_from(list(AssignmentKind)), values=hostile_fields(EDITOR_NAMES), files=uploads)
@example(kind=AssignmentKind.DOCUMENT, values={"revision": None}, files=[])
@example(kind=AssignmentKind.DOCUMENT, values={"revision": "abc"}, files=[])
@example(kind=AssignmentKind.DOCUMENT, values={"revision": "-1"}, files=[])
@example(kind=AssignmentKind.DOCUMENT, values={"revision": "-1", "autosave": "1"}, files=[])
@example(kind=AssignmentKind.DOCUMENT, values={"revision": "9" * 30, "autosave": "1"}, files=[])
@example(
    kind=AssignmentKind.DOCUMENT,
    values={},
    files=[("é" * 200 + ".pdf", b"%PDF-1.4 report")],
)
@example(kind=AssignmentKind.DOCUMENT, values={}, files=[("tool.exe", b"MZ\x90\x00")])
def test_assignment_save_and_autosave(member_client, member, kind, values, files):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=kind)
    submission = submission_for(team=member.team, template=template)
    data = {**_editor_baseline(kind), "revision": str(submission.revision), **values}
    data = {key: value for key, value in data.items() if value is not None}
    post(member_client, reverse("cohorts:assignment", args=[member.team.pk, template.pk]), data, files)


@HOSTILE
@given(kind=st.sampled_from(list(AssignmentKind)), values=hostile_fields(EDITOR_NAMES))
@example(kind=AssignmentKind.PILOT_PLAN, values={"revision": "-3"})
def test_assignment_submit(member_client, member, kind, values):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=kind)
    submission = submission_for(team=member.team, template=template)
    data = {**_editor_baseline(kind), "revision": str(submission.revision), **values}
    post(member_client, reverse("cohorts:assignment_submit", args=[member.team.pk, template.pk]), data)


@HOSTILE
@given(
    query=st.dictionaries(
        st.sampled_from(["from_refused", "version", "a", "b", "page"]), hostile, min_size=1, max_size=3
    )
)
@example(query={"from_refused": "abc"})
@example(query={"from_refused": "9" * 30})
def test_assignment_pages_with_hostile_query_strings(member_client, member, query):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=AssignmentKind.DOCUMENT)
    for name in ("assignment", "assignment_history", "assignment_compare"):
        response = member_client.get(reverse(f"cohorts:{name}", args=[member.team.pk, template.pk]), query)
        assert response.status_code < 500


@HOSTILE
@given(values=hostile_fields(["notification", "next"]))
@example(values={"notification": "²"})
@example(values={"next": "Infinity"})
def test_notification_read(member_client, values):
    post(member_client, reverse("notifications:mark_read"), values)


def _preference_names():
    frequencies = {kind.value: EmailFrequency.IMMEDIATELY for kind in NotificationKind}
    form = NotificationPreferencesForm(frequencies=frequencies, prefix="email")
    return field_names(ProfileForm(prefix="profile")) + field_names(form)


@HOSTILE
@given(values=hostile_fields(_preference_names()))
def test_preferences(member_client, values):
    post(member_client, reverse("notifications:preferences"), values)


@HOSTILE
@given(values=st.dictionaries(text, hostile, max_size=3))
def test_calendar_reset(member_client, values):
    post(member_client, reverse("cohorts:calendar_reset"), values)


@HOSTILE
@given(values=hostile_fields(["status"]))
def test_progress_mark(member_client, member, values):
    item = f.ChecklistItemFactory()
    post(member_client, reverse("cohorts:progress_mark", args=[member.team.pk, item.pk]), values)


@HOSTILE
@given(values=hostile_fields(field_names(EvidenceForm(team=None))), files=uploads)
@example(values={"kind": "file"}, files=[("é" * 200 + ".pdf", b"%PDF-1.4 policy")])
@example(values={"kind": "file"}, files=[("policy.pdf", b"MZ\x90\x00")])
def test_evidence_add(member_client, member, values, files):
    item = f.ChecklistItemFactory()
    data = dict(values)
    if files := as_files(files):
        data["file"] = files[0]
    response = member_client.post(reverse("cohorts:evidence_add", args=[member.team.pk, item.pk]), data)
    assert response.status_code < 500


@HOSTILE
@given(values=hostile_fields(field_names(IndicatorForm())), suggest=hostile)
@example(values={"baseline_value": "1e400", "baseline_date": "9999-12-31"}, suggest="-1")
def test_indicator_forms(member_client, member, values, suggest):
    url = reverse("cohorts:team_indicators", args=[member.team.pk])
    assert member_client.get(url, {"suggest": suggest}).status_code < 500
    post(member_client, url, values)
    indicator = f.IndicatorFactory(team=member.team)
    post(member_client, reverse("cohorts:indicator_edit", args=[member.team.pk, indicator.pk]), values)


@HOSTILE
@given(values=hostile_fields(field_names(MeasurementForm())))
@example(values={"measured_on": "0001-01-01", "value": "-99999999999999.99"})
@example(values={"measured_on": "9999-12-31", "value": "99999999999999.99"})
def test_measurement_add(member_client, member, values):
    indicator = f.IndicatorFactory(team=member.team)
    post(member_client, reverse("cohorts:measurement_add", args=[member.team.pk, indicator.pk]), values)
    assert member_client.get(reverse("cohorts:team_indicators", args=[member.team.pk])).status_code == 200
    assert member_client.get(reverse("cohorts:team_progress", args=[member.team.pk])).status_code == 200


REGISTRATION_NAMES = [
    *RegistrationForm._meta.fields,
    "loaded_at",
    "submit",
    *(f"members-{name}" for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")),
    *(f"members-0-{name}" for name in (*MemberForm._meta.fields, "id", "DELETE")),
]


@pytest.fixture
def open_cohort():
    cohort = f.CohortFactory(start_date=timezone.localdate() + datetime.timedelta(weeks=4))
    f.FocusAreaFactory(program=cohort.program)
    f.RoleFactory(program=cohort.program)
    return cohort


@HOSTILE
@given(values=hostile_fields(REGISTRATION_NAMES))
@example(values={"submit": "1", "members-TOTAL_FORMS": "9" * 30})
@example(values={"members-TOTAL_FORMS": "-1", "members-0-email": "x" * 5000})
def test_registration_form(client, open_cohort, values):
    client.force_login(f.UserFactory())  # a new applicant each time: one application per cohort each
    baseline = {"members-TOTAL_FORMS": "1", "members-INITIAL_FORMS": "0"}
    post(client, reverse("cohorts:registration_start", args=[open_cohort.pk]), {**baseline, **values})
