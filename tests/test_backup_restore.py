"""The documented backup and restore (bin/backup, bin/restore; README "Backups") bring back every
row and every uploaded file, on PostgreSQL: the test dumps its own test database, restores it
into a fresh database and compares row counts per table and file checksums."""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.db import connection

from cms.demo import factories as f
from cohorts.assignments.models import SubmissionAttachment
from cohorts.progress.models import Evidence, EvidenceKind
from cohorts.schedule.services import calendar_feed_reset
from notifications.models import NotificationKind

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("pg_dump", "pg_restore", "createdb", "dropdb")

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump must see the rows: commit them


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql" and not os.environ.get("CI"):
        pytest.skip("Backups are of the PostgreSQL database: set DATABASE_URL to run this test.")
    assert connection.vendor == "postgresql", "CI runs the suite on PostgreSQL"
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing and not os.environ.get("CI"):
        pytest.skip(f"PostgreSQL client tools missing: {', '.join(missing)}")
    assert not missing, f"PostgreSQL client tools missing: {missing}"


@pytest.fixture
def media_root(tmp_path, settings):
    """Uploaded files go to a real folder for this test, as in production without S3."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = str(root)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root)},
        },
    }
    return root


def database_url(name):
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "127.0.0.1"
    port = db["PORT"] or "5432"
    return f"postgres://{credentials}@{host}:{port}/{name}"


def server_args():
    db = connection.settings_dict
    return [
        f"--host={db['HOST'] or '127.0.0.1'}",
        f"--port={db['PORT'] or '5432'}",
        *([f"--username={db['USER']}"] if db["USER"] else []),
    ]


def run(command, **env):
    environment = {**os.environ, **env}
    if connection.settings_dict["PASSWORD"]:
        environment["PGPASSWORD"] = connection.settings_dict["PASSWORD"]
    # The commands are this test's own fixed argument lists; no shell is involved.
    result = subprocess.run(  # noqa: S603
        command, env=environment, cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def make_world():
    """A bit of everything: people, an application, a team's work with files, coaching."""
    membership = f.MembershipFactory()
    team = membership.team
    f.RegistrationMemberFactory(registration=f.RegistrationFactory(cohort=team.cohort))
    f.AttendanceFactory(membership=membership)
    version = f.SubmissionVersionFactory(
        submission=f.SubmissionFactory(team=team), submitted_by=membership.user
    )
    f.FeedbackFactory(version=version)
    for name, content in [
        ("journey map.pdf", b"%PDF-1.4 vendor journey"),
        ("data systems.xlsx", bytes(range(256)) * 64),
    ]:
        attachment = SubmissionAttachment(
            submission=version.submission, original_name=name, size=len(content), uploaded_by=membership.user
        )
        attachment.file.save(name, ContentFile(content), save=True)
        version.attachments.add(attachment)
    evidence = Evidence(
        progress=f.CriterionProgressFactory(team=team), kind=EvidenceKind.FILE, added_by=membership.user
    )
    evidence.file.save("award notices.csv", ContentFile("notice,date\nA-1,2027-02-03\n"), save=True)
    f.EvidenceFactory(progress=evidence.progress)
    f.MeasurementFactory(indicator=f.IndicatorFactory(team=team))
    session = f.TASessionFactory(team=team, attendees=[membership])
    f.ActionItemFactory(team=team, ta_session=session, owner=membership)
    f.AnnouncementFactory(cohort=team.cohort, sent=True)
    f.NotificationFactory(user=membership.user, kind=NotificationKind.FEEDBACK)
    calendar_feed_reset(user=membership.user)


def row_counts(cursor, tables):
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 (names from the schema itself)
        counts[table] = cursor.fetchone()[0]
    return counts


def checksums(root: Path):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_backup_then_restore_into_a_fresh_database_brings_back_every_row_and_file(media_root, tmp_path):
    make_world()
    tables = sorted(connection.introspection.table_names())
    with connection.cursor() as cursor:
        before = row_counts(cursor, tables)
    files_before = checksums(media_root)
    assert before["cohorts_submissionattachment"] == 2 and len(files_before) == 3

    source = connection.settings_dict["NAME"]
    backup = (
        run(
            ["bin/backup", str(tmp_path / "backups")],
            DATABASE_URL=database_url(source),
            MEDIA_ROOT=str(media_root),
        )
        .strip()
        .splitlines()[-1]
    )
    assert {"database.dump", "media.tar.gz", "SHA256SUMS"} <= set(os.listdir(backup))

    restored = f"{source}_restored"
    restored_media = tmp_path / "restored-media"
    run(["dropdb", "--if-exists", *server_args(), restored])
    run(["createdb", *server_args(), restored])
    try:
        run(["bin/restore", backup], DATABASE_URL=database_url(restored), MEDIA_ROOT=str(restored_media))
        with (
            psycopg.connect(database_url(restored)) as restored_connection,
            restored_connection.cursor() as cursor,
        ):
            after = row_counts(cursor, tables)
            cursor.execute(
                "SELECT file FROM cohorts_submissionattachment UNION SELECT file FROM cohorts_evidence"
            )
            stored_names = {name for (name,) in cursor.fetchall() if name}
    finally:
        run(["dropdb", "--if-exists", *server_args(), restored])

    assert after == before
    assert checksums(restored_media) == files_before
    assert stored_names == set(files_before)
