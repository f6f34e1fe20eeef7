"""Uploads are checked by what they contain, cut off past the size limit while they arrive, and kept
within a quota per assignment and per checklist item — for assignment files and RDC evidence alike."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from cms.demo import factories as f
from cohorts.assignments import uploads
from cohorts.assignments.models import SubmissionAttachment
from cohorts.assignments.services import attachment_add, submission_for
from cohorts.progress.models import Evidence, EvidenceKind
from cohorts.progress.services import evidence_add
from sprints.models import AssignmentKind

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17


def office(part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{part}/document.xml", "<document/>")
    return buffer.getvalue()


def xlsx():
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


@pytest.fixture
def submission(member):
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=AssignmentKind.DOCUMENT)
    return submission_for(team=member.team, template=template)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", PDF),
        ("chart.png", PNG),
        ("photo.JPG", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20),
        ("plan.docx", office("word")),
        ("deck.pptx", office("ppt")),
        ("sheet.xlsx", xlsx()),
        ("vendors.csv", "name;city\nAcmé;Léon\n".encode("cp1252")),
        ("notes.txt", "Notas de la reunión\n".encode()),
    ],
)
def test_files_whose_content_matches_their_extension_are_accepted(member, submission, name, content):
    attachment = attachment_add(
        submission=submission, file=SimpleUploadedFile(name, content), user=member.user
    )
    assert attachment.original_name == name
    assert attachment.size == len(content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"MZ\x90\x00 a program"),  # an executable renamed
        ("chart.png", PDF),
        ("plan.docx", b"PK\x03\x04 not really a zip"),
        ("plan.docx", office("xl")),  # a spreadsheet named as a document
        ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("vendors.csv", PNG),
        ("photo.jpg", b"plain text"),
    ],
)
def test_files_whose_content_is_not_their_extension_are_refused(member, submission, name, content):
    with pytest.raises(ValidationError) as raised:
        attachment_add(submission=submission, file=SimpleUploadedFile(name, content), user=member.user)
    assert raised.value.code == "file_content"
    assert "content is not what its name says" in raised.value.messages[0]
    assert not SubmissionAttachment.objects.exists()


def test_a_mismatched_file_gets_a_translated_message(client, member, submission):
    client.force_login(member.user)
    with translation.override("es"):
        url = reverse("cohorts:assignment", args=[member.team.pk, submission.template_id])
    upload = SimpleUploadedFile("informe.pdf", b"MZ\x90\x00", content_type="application/pdf")
    response = client.post(url, {"revision": "0", "main-body": "x", "main-links": "", "files": upload})
    assert response.status_code == 400
    assert "Se guardó su borrador" in response.text
    assert "El contenido del archivo no corresponde" in response.text


def test_the_size_limit_cuts_an_upload_off_while_it_arrives(client, member, submission, settings):
    settings.SUBMISSION_UPLOAD_MAX_BYTES = 1000
    stored = []
    original = uploads.SizeLimitUploadHandler.receive_data_chunk

    def spy(self, raw_data, start):
        kept = original(self, raw_data, start)
        stored.append(len(kept) if kept else 0)
        return kept

    client.force_login(member.user)
    url = reverse("cohorts:assignment", args=[member.team.pk, submission.template_id])
    big = SimpleUploadedFile("big.pdf", PDF + b"x" * 400_000, content_type="application/pdf")
    uploads.SizeLimitUploadHandler.receive_data_chunk = spy
    try:
        response = client.post(url, {"revision": "0", "main-body": "Kept", "main-links": "", "files": big})
    finally:
        uploads.SizeLimitUploadHandler.receive_data_chunk = original
    assert response.status_code == 400
    assert "The file is too large" in response.text
    assert "Your draft was saved" in response.text
    assert sum(stored) <= 1000 + 64 * 1024  # at most one chunk past the limit went on to be kept
    assert not SubmissionAttachment.objects.exists()


def test_uploads_keep_within_the_quota_of_an_assignment(member, submission, settings):
    settings.SUBMISSION_UPLOAD_QUOTA_BYTES = 2 * len(PDF) + 10
    for number in range(2):
        attachment_add(submission=submission, file=SimpleUploadedFile(f"{number}.pdf", PDF), user=member.user)
    with pytest.raises(ValidationError) as raised:
        attachment_add(submission=submission, file=SimpleUploadedFile("3.pdf", PDF), user=member.user)
    assert raised.value.code == "quota_exceeded"
    assert submission.attachments.count() == 2


@pytest.fixture
def item():
    return f.ChecklistItemFactory()


def test_evidence_files_are_checked_like_assignment_files(member, item, settings):
    with pytest.raises(ValidationError) as raised:
        evidence_add(
            team=member.team,
            item=item,
            user=member.user,
            kind=EvidenceKind.FILE,
            file=SimpleUploadedFile("policy.pdf", b"MZ\x90\x00"),
        )
    assert raised.value.code == "file_content"
    settings.SUBMISSION_UPLOAD_QUOTA_BYTES = len(PDF) + 10
    evidence_add(
        team=member.team,
        item=item,
        user=member.user,
        kind=EvidenceKind.FILE,
        file=SimpleUploadedFile("é" * 200 + ".pdf", PDF),
    )
    stored = Evidence.objects.get()
    assert stored.file.name.endswith(".pdf") and len(stored.file.name.rsplit("/", 1)[-1].encode()) <= 255
    with pytest.raises(ValidationError) as raised:
        evidence_add(
            team=member.team,
            item=item,
            user=member.user,
            kind=EvidenceKind.FILE,
            file=SimpleUploadedFile("second.pdf", PDF),
        )
    assert raised.value.code == "quota_exceeded"


@override_settings(SUBMISSION_UPLOAD_MAX_BYTES=1000)
def test_an_evidence_file_over_the_limit_is_refused_with_a_message(client, member, item):
    client.force_login(member.user)
    url = reverse("cohorts:evidence_add", args=[member.team.pk, item.pk])
    big = SimpleUploadedFile("policy.pdf", PDF + b"x" * 200_000, content_type="application/pdf")
    response = client.post(url, {"kind": "file", "file": big, "note": "Our policy"})
    assert response.status_code == 400  # the page again, the message beside the file field
    assert "The file is too large" in response.text
    assert "Our policy</textarea>" in response.text
    assert not Evidence.objects.exists()


def test_names_are_shortened_keeping_the_extension():
    name = "é" * 200 + ".pdf"
    assert uploads.stored_name(name).endswith(".pdf")
    assert len(uploads.stored_name(name).encode()) <= uploads.STORED_NAME_MAX_BYTES
    assert uploads.display_name("x" * 400 + ".docx") == "x" * 250 + ".docx"
    assert uploads.display_name("../../etc/passwd\x00.txt") == "passwd.txt"
    assert uploads.stored_name("") == "file"


def test_views_that_take_files_still_check_the_csrf_token(member, submission, item):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member.user)
    urls = [
        reverse("cohorts:assignment", args=[member.team.pk, submission.template_id]),
        reverse("cohorts:assignment_submit", args=[member.team.pk, submission.template_id]),
        reverse("cohorts:evidence_add", args=[member.team.pk, item.pk]),
    ]
    for url in urls:
        assert (
            client.post(url, {"revision": "0", "kind": "link", "url": "https://x.example"}).status_code == 403
        )
    assert submission_for(team=member.team, template=submission.template).revision == 0
    assert not Evidence.objects.exists()
