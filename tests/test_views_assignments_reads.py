"""Opening an assignment, its history, a comparison or an export writes nothing; the first save does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.demo import factories as f
from cohorts.assignments.models import Submission
from sprints.models import AssignmentKind

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


def url(name, member, template, *args):
    return reverse(f"cohorts:{name}", args=[member.team.pk, template.pk, *args])


def writes_in(queries):
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


@pytest.mark.parametrize(
    ("name", "args", "query"),
    [
        ("assignment", (), ""),
        ("assignment_history", (), ""),
        ("assignment_compare", (), ""),
        ("assignment_export", ("pdf",), ""),
        ("assignment_export", ("xlsx",), ""),
        ("assignment_export", ("csv",), "?version=draft"),
    ],
)
@pytest.mark.parametrize("who", ["member", "coach"])
def test_reading_an_assignment_never_started_writes_nothing(client, member, name, args, query, who):
    template = f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=AssignmentKind.VENDOR_JOURNEY_MAP
    )
    user = member.user
    if who == "coach":
        user = f.UserFactory()
        f.CoachAssignmentFactory(team=member.team, coach=user)
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(name, member, template, *args) + query)
    assert response.status_code == 200
    assert writes_in(queries) == []
    assert not Submission.objects.exists()


def test_a_version_that_does_not_exist_is_404_without_writing(client, member):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program)
    client.force_login(member.user)
    assert client.get(url("assignment_compare", member, template) + "?a=1&b=draft").status_code == 404
    assert client.get(url("assignment_history", member, template) + "?version=3").status_code == 200
    assert not Submission.objects.exists()


def test_the_first_save_creates_the_submission(client, member):
    template = f.AssignmentTemplateFactory(
        program=member.team.cohort.program, kind=AssignmentKind.VENDOR_JOURNEY_MAP
    )
    client.force_login(member.user)
    page = client.get(url("assignment", member, template)).text
    assert 'name="revision" value="0"' in page
    data = {
        "revision": "0",
        "stages-TOTAL_FORMS": "1",
        "stages-INITIAL_FORMS": "0",
        "stages-MIN_NUM_FORMS": "0",
        "stages-MAX_NUM_FORMS": "1000",
        "stages-0-name": "Find the notice",
    }
    response = client.post(url("assignment", member, template), data)
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert (submission.team, submission.template, submission.revision) == (member.team, template, 1)
    assert submission.content["stages"][0]["name"] == "Find the notice"


def test_a_coach_posting_to_an_unstarted_assignment_creates_nothing(client, member):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program)
    coach = f.UserFactory()
    f.CoachAssignmentFactory(team=member.team, coach=coach)
    client.force_login(coach)
    response = client.post(url("assignment", member, template), {"revision": "0"})
    assert response.status_code == 404
    assert not Submission.objects.exists()
