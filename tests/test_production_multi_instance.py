"""Several instances of the site, as production runs them (README "Production"): two gunicorn
processes on different ports with the production settings, sharing one PostgreSQL database, Redis
and the uploaded-files storage (a MEDIA_ROOT both see, as a bucket would be), and two task workers.

Over HTTP: a sign-in on one instance is valid on the other (sessions), a file uploaded through one
downloads through the other (storage), a sign-in rate limit counted on one applies on the other (the
cache), a public page unpublished through one is no longer served from the other's cache (cache
invalidation), and two `db_worker` processes never run the same task twice.

The instances get a database of their own, created and migrated for this module and dropped after
it, not the test database. Runs on PostgreSQL with Redis reachable (CI has both, `.ci/run`)."""

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
import requests
from django.db import connection

# One worker starts the servers for every test here (bin/test runs the suite under pytest-xdist).
pytestmark = [pytest.mark.multi_instance, pytest.mark.xdist_group("multi_instance")]

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "multi-instance-password-2027"
TASKS = 24
HOST = "ruta.test"  # the one address both instances serve, as behind a load balancer
FILE_CONTENT = b"%PDF-1.4\n% a baseline report uploaded through instance A\n%%EOF\n"


def redis_url():
    return os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


def skip_unless_postgresql_and_redis():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Several instances share a PostgreSQL database: set DATABASE_URL=postgres://… to run this."
        )
    import redis

    try:
        redis.Redis.from_url(redis_url(), socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.skip(
            f"Redis is not reachable at {redis_url()} ({error}): start redis-server or set REDIS_URL."
        )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_url(database):
    settings = connection.settings_dict
    credentials = quote(settings["USER"] or "postgres", safe="")
    if settings["PASSWORD"]:
        credentials += ":" + quote(settings["PASSWORD"], safe="")
    return f"postgres://{credentials}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{database}"


def admin_connection():
    return psycopg.connect(server_url("postgres"), autocommit=True)


SEED = """
import json, os
from cms.demo import factories as f
from sprints.models import AssignmentKind
from tests.multi_instance_tasks import record_run

password, runs, tasks = os.environ["SEED_PASSWORD"], os.environ["SEED_RUNS"], int(os.environ["SEED_TASKS"])
member = f.MembershipFactory(user=f.UserFactory(email="member@multi.example.org", password=password))
f.UserFactory(email="target@multi.example.org", password=password)
f.StaffUserFactory(email="staff@multi.example.org", password=password)
template = f.AssignmentTemplateFactory(program=member.team.cohort.program, kind=AssignmentKind.DOCUMENT)
for number in range(tasks):
    record_run.enqueue(runs, number)
# A page saved, revised and published twice: Wagtail queues an update of its reference index for each
# save, which the two workers run side by side (cms/reference_index.py keeps them from deadlocking).
from tests.shared_data import make_home_page
home = make_home_page()
index = f.ProgramIndexPageFactory(parent=home)
links = "".join(f'<a linktype="page" id="{page.pk}">{page.title}</a>' for page in (home, index))
program_page = f.ProgramPageFactory(parent=index, intro=f"<p>{links}</p>")
for title in ("Open Data Sprint", "Open Data Sprint 2027"):
    program_page.title = title
    program_page.save_revision().publish()
print(json.dumps({
    "team": member.team.pk,
    "template": template.pk,
    "program_page": program_page.pk,
    "program_page_url": program_page.get_url(),
}))
"""


class Cluster:
    """Two gunicorn instances (A and B) of one deployment, and what they share."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.database = f"ruta_multi_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.runs = workdir / "task-runs.txt"
        self.processes = []
        self.environment = {
            **{name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ},
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"127.0.0.1,{HOST}",
            "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback, no TLS proxy in front
            "TRUSTED_PROXY_COUNT": "0",
            "DATABASE_URL": server_url(self.database),
            "REDIS_URL": redis_url(),
            "CACHE_KEY_PREFIX": f"ruta-multi-{uuid.uuid4().hex}",  # this run's keys only
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "EMAIL_URL": "dummy://",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args, **environment):
        return subprocess.Popen(  # noqa: S603 -- our own interpreter and manage.py
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.environment, **environment},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def run_all(self, *commands, timeout=600, **environment):  # migrate takes minutes on a busy machine
        started = [self.manage(*command, **environment) for command in commands]
        outputs = []
        for process, command in zip(started, commands, strict=True):
            output, _ = process.communicate(timeout=timeout)
            assert process.returncode == 0, f"manage.py {' '.join(command)} failed:\n{output[-4000:]}"
            outputs.append(output)
        return outputs

    def start(self):
        with admin_connection() as admin:
            admin.execute(f'CREATE DATABASE "{self.database}"')
        # Migrating and collecting the static files (production serves hashed names) take the longest:
        # side by side.
        self.run_all(["migrate", "--noinput"], ["collectstatic", "--noinput"])
        (seeded,) = self.run_all(
            ["shell", "-c", SEED], SEED_PASSWORD=PASSWORD, SEED_RUNS=str(self.runs), SEED_TASKS=str(TASKS)
        )
        self.ids = json.loads(seeded.strip().splitlines()[-1])
        self.a = self.serve()
        self.b = self.serve()
        for url in (self.a, self.b):
            self.wait_until_up(url)

    def serve(self):
        port = free_port()
        environment = {
            **self.environment,
            "BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_ACCESS_LOG": "",
        }
        log = open(self.workdir / f"gunicorn-{port}.log", "w")  # noqa: SIM115 -- closed with the process
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append((process, log))
        return f"http://127.0.0.1:{port}"

    def wait_until_up(self, url):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and all(p.poll() is None for p, _log in self.processes):
            try:
                if requests.get(f"{url}/healthz", timeout=5).text == "ok":
                    return
            except requests.RequestException:  # not listening yet, or still loading the app
                time.sleep(0.2)
        logs = "\n".join(path.read_text()[-2000:] for path in self.workdir.glob("gunicorn-*.log"))
        raise AssertionError(f"{url} did not come up:\n{logs}")

    def stop(self):
        for process, _log in self.processes:
            process.terminate()
        for process, log in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()
        with admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    skip_unless_postgresql_and_redis()
    instances = Cluster(tmp_path_factory.mktemp("multi-instance"))
    try:
        instances.start()
        yield instances
    finally:
        instances.stop()


class Browser(requests.Session):
    """A browser behind the load balancer: every request names the site's one host (allauth keys its
    sign-in rate limit on it), and the Secure session and CSRF cookies go over loopback HTTP too."""

    def __init__(self):
        super().__init__()
        self.headers["Host"] = HOST

    def request(self, *args, **kwargs):
        response = super().request(*args, **kwargs)
        for cookie in self.cookies:
            cookie.secure = False
        return response


def browser():
    return Browser()


def csrf_token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def sign_in(session, base, email, password):
    form = session.get(f"{base}/en/accounts/login/", timeout=30)
    assert form.status_code == 200, form.text[:2000]
    return session.post(
        f"{base}/en/accounts/login/",
        data={"login": email, "password": password, "csrfmiddlewaretoken": csrf_token(form.text)},
        allow_redirects=False,
        timeout=30,
    )


def test_a_sign_in_on_one_instance_is_valid_on_the_other(cluster):
    session = browser()
    assert session.get(f"{cluster.b}/en/workspace/", allow_redirects=False, timeout=30).status_code == 302
    response = sign_in(session, cluster.a, "member@multi.example.org", PASSWORD)
    assert response.status_code == 302, response.text[:2000]
    workspace = session.get(f"{cluster.b}/en/workspace/", allow_redirects=False, timeout=30)
    assert workspace.status_code in (200, 302)
    if workspace.status_code == 302:  # a member of one team goes straight to it
        assert "/accounts/login/" not in workspace.headers["Location"]
    team_home = session.get(f"{cluster.b}/en/teams/{cluster.ids['team']}/", timeout=30)
    assert team_home.status_code == 200
    assert "member@multi.example.org" not in team_home.url


def test_a_file_uploaded_through_one_instance_downloads_through_the_other(cluster):
    session = browser()
    assert sign_in(session, cluster.a, "member@multi.example.org", PASSWORD).status_code == 302
    editor = f"/en/teams/{cluster.ids['team']}/assignments/{cluster.ids['template']}/"
    page = session.get(cluster.a + editor, timeout=30)
    assert page.status_code == 200
    saved = session.post(
        cluster.a + editor,
        data={
            "revision": "0",
            "main-body": "Our baseline, attached.",
            "main-links": "",
            "csrfmiddlewaretoken": csrf_token(page.text),
        },
        files={"files": ("baseline.pdf", FILE_CONTENT, "application/pdf")},
        allow_redirects=False,
        timeout=30,
    )
    assert saved.status_code == 302, saved.text[:2000]
    on_b = session.get(cluster.b + editor, timeout=30)
    links = re.findall(rf"/en/teams/{cluster.ids['team']}/files/(\d+)/", on_b.text)
    assert links, "instance B lists the file instance A stored"
    download = session.get(f"{cluster.b}/en/teams/{cluster.ids['team']}/files/{links[0]}/", timeout=30)
    assert download.status_code == 200
    assert download.content == FILE_CONTENT
    assert "baseline.pdf" in download.headers["Content-Disposition"]
    stranger = browser().get(download.url, allow_redirects=False, timeout=30)
    assert stranger.status_code == 302 and "/accounts/login/" in stranger.headers["Location"]


def test_a_sign_in_rate_limit_counted_on_one_instance_applies_on_the_other(cluster):
    refusal = "Too many failed login attempts"
    for _attempt in range(5):  # ACCOUNT_RATE_LIMITS: login_failed 5 per 5 minutes per account
        response = sign_in(browser(), cluster.a, "target@multi.example.org", "not-the-password")
        assert response.status_code == 200 and refusal not in response.text
    response = sign_in(browser(), cluster.b, "target@multi.example.org", PASSWORD)
    assert response.status_code == 200, "even the right password waits out the limit"
    assert refusal in response.text


def test_two_task_workers_never_run_the_same_task_twice(cluster):
    # Build the search index first, as a deployment does (README): modelsearch's PostgreSQL backend
    # can store a NULL title norm when two workers index the first entries of an empty index.
    cluster.run_all(["update_index"])
    workers = [
        cluster.manage("db_worker", "--batch", "--no-startup-delay", "--interval", "0.1")
        for _worker in range(2)
    ]
    for worker in workers:
        output, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0, output[-3000:]
    runs = [line.split() for line in cluster.runs.read_text().splitlines()]
    numbers = sorted(int(number) for number, _pid in runs)
    assert numbers == list(range(TASKS)), "each task ran exactly once"
    with psycopg.connect(server_url(cluster.database)) as db:
        results = db.execute(
            "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult WHERE task_path = %s",
            ["tests.multi_instance_tasks.record_run"],
        ).fetchall()
        claims = db.execute(
            "SELECT task_path, status, worker_ids FROM django_tasks_database_dbtaskresult"
            " WHERE status <> 'READY'"
        ).fetchall()
    assert len(results) == TASKS
    assert all(status == "SUCCESSFUL" and len(worker_ids) == 1 for status, worker_ids in results)
    # Wagtail's own queued work (search and reference index updates) is claimed by one worker too,
    # and succeeds: two workers updating one page's reference index take turns instead of
    # deadlocking in PostgreSQL (cms/reference_index.py).
    assert all(len(worker_ids) == 1 for _path, _status, worker_ids in claims)
    failed = [(path, status) for path, status, _worker_ids in claims if status != "SUCCESSFUL"]
    assert not failed
    assert any(path == "wagtail.tasks.update_reference_index_task" for path, _status, _ids in claims)
    workers_used = {worker_ids[0] for _status, worker_ids in results}
    pids = {pid for _number, pid in runs}
    assert len(workers_used) == len(pids) <= 2


def test_a_public_page_unpublished_through_one_instance_leaves_the_others_cache(cluster):
    """Visitors' pages are kept in the shared cache; a change made through one instance ends the copy
    every instance serves, at once (cms/page_cache.py)."""
    page = cluster.ids["program_page_url"]
    assert browser().get(cluster.a + page, timeout=30).status_code == 200
    kept = browser().get(cluster.b + page, timeout=30)
    assert kept.status_code == 200 and kept.headers["X-Page-Cache"] == "hit", "B serves the copy A made"
    staff = browser()
    assert sign_in(staff, cluster.b, "staff@multi.example.org", PASSWORD).status_code == 302
    unpublish = f"{cluster.b}/admin/pages/{cluster.ids['program_page']}/unpublish/"
    confirm = staff.get(unpublish, timeout=30)
    assert confirm.status_code == 200, confirm.text[:2000]
    done = staff.post(
        unpublish, data={"csrfmiddlewaretoken": csrf_token(confirm.text)}, allow_redirects=False, timeout=30
    )
    assert done.status_code == 302, done.text[:2000]
    assert browser().get(cluster.a + page, allow_redirects=False, timeout=30).status_code == 404
