"""Files are served only after an access check: team files through the team's views, session
materials to the cohort's people, and /media/ never in any mode."""

import importlib
from urllib.parse import quote

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.urls import URLResolver, reverse
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RegexPattern
from django.utils import timezone
from wagtail.models import Collection

import cms.urls
from accounts.downloads import SIGNED_URL_SECONDS
from cms.demo import factories as f
from cohorts.assignments.models import SubmissionAttachment
from cohorts.policies import PUBLIC_DOCUMENTS_COLLECTION, can_view_document
from cohorts.schedule.models import SessionMaterial

pytestmark = pytest.mark.django_db


def test_media_is_not_served_even_with_debug_on(settings):
    settings.DEBUG = True
    try:
        urls = importlib.reload(cms.urls)
        resolver = URLResolver(RegexPattern(r"^/"), urls)
        for path in (
            "/media/submissions/1/2/budget.xlsx",
            "/media/evidence/1/vendor-list.csv",
            "/media/documents/slides.pdf",
        ):
            with pytest.raises(Resolver404):
                resolver.resolve(path)
    finally:
        settings.DEBUG = False
        importlib.reload(cms.urls)


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    """Wagtail sends documents from the disk: keep them in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture
def material():
    """A session material of a cohort with one accepted team."""
    team = f.TeamFactory()
    session = f.SessionFactory(cohort=team.cohort)
    document = wagtail_factories.DocumentFactory(title="Journey map slides", file__data=b"slides")
    SessionMaterial.objects.create(session=session, document=document)
    return document, team


def test_the_cohorts_members_coaches_and_staff_open_session_materials(client, material):
    document, team = material
    member = f.MembershipFactory(team=team).user
    coach = f.UserFactory()
    f.CoachAssignmentFactory(team=team, coach=coach)
    for user in (member, coach, f.StaffUserFactory()):
        client.force_login(user)
        response = client.get(document.url)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == b"slides"


def test_a_visitor_is_sent_to_sign_in(client, material):
    document, _team = material
    response = client.get(document.url)
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/?next=")


def test_people_outside_the_cohort_get_404(client, material):
    document, team = material
    other_cohort_member = f.MembershipFactory().user
    archived_team = f.TeamFactory(cohort=team.cohort, archived_at=timezone.now())
    archived_member = f.MembershipFactory(team=archived_team).user
    for user in (other_cohort_member, archived_member, f.UserFactory()):
        client.force_login(user)
        assert client.get(document.url).status_code == 404, user


def test_documents_in_no_session_are_for_staff_and_editors_only(client, material):
    _document, team = material
    loose = wagtail_factories.DocumentFactory(title="Draft notes")
    member = f.MembershipFactory(team=team).user
    client.force_login(member)
    assert client.get(loose.url).status_code == 404
    editor = f.UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    assert can_view_document(editor, loose)
    client.force_login(f.StaffUserFactory())
    assert client.get(loose.url).status_code == 200


def test_staff_make_a_material_public_by_filing_it_in_public_materials(client, material):
    document, _team = material
    public = Collection.objects.get(name=PUBLIC_DOCUMENTS_COLLECTION)
    document.collection = public
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    nested = public.add_child(name="Brochures")
    brochure = wagtail_factories.DocumentFactory(title="Program brochure", collection=nested)
    assert client.get(brochure.url).status_code == 200


class SigningStorage(FileSystemStorage):
    """Stands in for private S3: addresses it hands out are signed and carry the download name."""

    querystring_auth = True

    def url(self, name, parameters=None, expire=None):
        disposition = quote((parameters or {}).get("ResponseContentDisposition", ""))
        return f"https://files.example.test/{name}?expires={expire}&disposition={disposition}&signature=abc"


def test_where_storage_signs_addresses_a_checked_download_redirects_to_a_short_lived_one(client, settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "tests.test_views_files.SigningStorage"}}
    member = f.MembershipFactory()
    submission = f.SubmissionFactory(team=member.team)
    attachment = SubmissionAttachment.objects.create(
        submission=submission,
        file=ContentFile(b"data", name="budget.xlsx"),
        original_name="Presupuesto 2027.xlsx",
    )
    url = reverse("cohorts:attachment_download", args=[member.team.pk, attachment.pk])
    client.force_login(member.user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("https://files.example.test/submissions/")
    assert f"expires={SIGNED_URL_SECONDS}" in response["Location"]
    assert quote('attachment; filename="Presupuesto 2027.xlsx"') in response["Location"]
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(f.UserFactory())
    assert client.get(url).status_code == 404  # the check comes first, as for a streamed file
