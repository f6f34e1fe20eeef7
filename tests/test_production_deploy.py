"""The production start as shipped: gunicorn.conf.py, the Procfile, the Dockerfile and compose.yaml.

Docker is not on the test machines, so compose.yaml is checked as data: every service it needs is
there, the addresses and credentials the app is given are those of the services beside it, every
variable it sets is one the settings (or gunicorn.conf.py) read, and the settings load from it."""

import re
import runpy
import secrets
from pathlib import Path

import pytest
import yaml

from tests.test_production_settings import settings_with

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
SERVICES = COMPOSE["services"]
APP_SERVICES = ("migrate", "web1", "web2", "worker", "reminders")
WEASYPRINT_LIBS = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-dejavu-core")


def variables_read_by_the_code():
    """Every environment variable name the settings and gunicorn.conf.py read."""
    sources = [*(ROOT / "cms" / "settings").glob("*.py"), ROOT / "gunicorn.conf.py"]
    text = "\n".join(path.read_text() for path in sources)
    names = set(re.findall(r"""(?:environ(?:\.get)?|env_\w+)\(\s*["']([A-Z0-9_]+)["']""", text))
    names |= set(re.findall(r"""environ\[["']([A-Z0-9_]+)["']\]""", text))
    # Read by the libraries themselves, not by our code.
    return names | {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}


def app_environment(service="web1"):
    environment = dict(SERVICES[service]["environment"])
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?"), "the key is never written in the file"
    environment["SECRET_KEY"] = secrets.token_urlsafe(50)
    return {name: str(value) for name, value in environment.items()}


def command(service):
    value = SERVICES[service].get("command")
    return " ".join(value) if isinstance(value, list) else value


# compose.yaml


def test_compose_has_the_whole_deployment():
    expected = {"db", "redis", "minio", "bucket", "migrate", "web1", "web2", "worker", "reminders"}
    assert set(SERVICES) >= expected
    assert SERVICES["db"]["image"].startswith("postgres:")
    assert SERVICES["redis"]["image"].startswith("redis:")
    assert SERVICES["minio"]["image"].startswith("minio/")


def test_every_app_service_runs_production_settings_with_one_environment():
    first = SERVICES["web1"]["environment"]
    for service in APP_SERVICES:
        assert SERVICES[service]["build"] == "."
        assert SERVICES[service]["environment"] == first
    assert first["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"


def test_every_variable_compose_sets_is_one_the_code_reads():
    unknown = set(SERVICES["web1"]["environment"]) - variables_read_by_the_code()
    assert unknown == set()


def test_the_apps_addresses_and_credentials_are_the_services_beside_it():
    environment = app_environment()
    db = SERVICES["db"]["environment"]
    assert environment["DATABASE_URL"] == (
        f"postgres://{db['POSTGRES_USER']}:{db['POSTGRES_PASSWORD']}@db:5432/{db['POSTGRES_DB']}"
    )
    assert environment["REDIS_URL"].startswith("redis://redis:6379/")
    minio = SERVICES["minio"]["environment"]
    assert environment["AWS_S3_ENDPOINT_URL"] == "http://minio:9000"
    assert environment["AWS_ACCESS_KEY_ID"] == minio["MINIO_ROOT_USER"]
    assert environment["AWS_SECRET_ACCESS_KEY"] == minio["MINIO_ROOT_PASSWORD"]
    bucket_setup = " ".join(SERVICES["bucket"]["command"])
    assert f"mc mb --ignore-existing local/{environment['AWS_STORAGE_BUCKET_NAME']}" in bucket_setup
    assert f"mc anonymous set none local/{environment['AWS_STORAGE_BUCKET_NAME']}" in bucket_setup  # private
    hosts = environment["ALLOWED_HOSTS"].split(",")
    for service in ("web1", "web2"):
        published = SERVICES[service]["ports"][0].split(":")[0]
        assert f"http://localhost:{published}" in environment["CSRF_TRUSTED_ORIGINS"].split(",")
        assert service in hosts
    assert "localhost" in hosts and "127.0.0.1" in hosts  # the health check asks 127.0.0.1


def test_the_settings_load_from_composes_environment():
    values = settings_with(
        app_environment(), "DATABASES", "CACHES", "SESSION_ENGINE", "STORAGES", "STATIC_ROOT", "EMAIL_BACKEND"
    )
    assert values["DATABASES"]["default"]["HOST"] == "db"
    assert values["DATABASES"]["default"]["CONN_MAX_AGE"] == 60
    assert values["CACHES"]["default"]["LOCATION"] == "redis://redis:6379/0"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert values["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert values["STORAGES"]["default"]["OPTIONS"]["addressing_style"] == "path"  # as MinIO wants
    assert values["STATIC_ROOT"] == "/app/static"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_the_one_shot_service_migrates_and_collects_static_files_before_anything_serves():
    assert "manage.py migrate --noinput" in command("migrate")
    assert "manage.py collectstatic --noinput" in command("migrate")
    assert SERVICES["migrate"]["restart"] == "no"
    for service in ("web1", "web2", "worker", "reminders"):
        depends = SERVICES[service]["depends_on"]
        assert depends["migrate"] == {"condition": "service_completed_successfully"}
        assert depends["db"] == {"condition": "service_healthy"}
        assert depends["redis"] == {"condition": "service_healthy"}
        assert depends["bucket"] == {"condition": "service_completed_successfully"}


def test_every_dependency_and_volume_is_declared():
    for name, service in SERVICES.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in SERVICES, f"{name} depends on {dependency}"
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            assert source in COMPOSE["volumes"], f"{name} mounts {source}"
    static = "static:" + app_environment()["STATIC_ROOT"]
    assert static in SERVICES["migrate"]["volumes"] and static in SERVICES["web1"]["volumes"]


def test_the_processes_are_two_sites_a_worker_and_the_reminder_loop():
    assert command("web1") == command("web2") == "gunicorn"
    assert SERVICES["web1"]["ports"] != SERVICES["web2"]["ports"]
    assert "/healthz" in " ".join(SERVICES["web1"]["healthcheck"]["test"])
    assert command("worker") == "python manage.py db_worker"
    assert "manage.py send_reminders" in command("reminders") and "while true" in command("reminders")


# Dockerfile


def test_the_image_is_python_311_slim_with_weasyprints_libraries_and_s3():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.M)
    for library in WEASYPRINT_LIBS:
        assert library in dockerfile
    ci = (ROOT / ".ci" / "run").read_text()
    assert all(library in ci for library in WEASYPRINT_LIBS), "CI installs what the image does"
    assert "pip install -e '.[s3]'" in dockerfile
    assert "pybabel compile" in dockerfile  # the Spanish catalog
    assert re.search(r"^USER ruta$", dockerfile, re.M)  # not root


# Procfile and gunicorn.conf.py


def test_the_procfile_names_each_process():
    processes = dict(
        line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line.strip()
    )
    assert set(processes) == {"release", "web", "worker", "reminders"}
    assert "migrate --noinput" in processes["release"] and "collectstatic --noinput" in processes["release"]
    assert processes["web"] == "gunicorn"
    assert processes["worker"] == "python manage.py db_worker"
    assert "send_reminders" in processes["reminders"]


def load_gunicorn_config(monkeypatch, **environment):
    for name in ("WEB_CONCURRENCY", "PORT", "BIND", "GUNICORN_THREADS", "GUNICORN_MAX_REQUESTS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_config_reads_the_environment(monkeypatch):
    config = load_gunicorn_config(monkeypatch, WEB_CONCURRENCY="3", PORT="9000", GUNICORN_THREADS="2")
    assert config["wsgi_app"] == "cms.wsgi:application"
    assert (config["workers"], config["threads"], config["bind"]) == (3, 2, "0.0.0.0:9000")
    assert config["max_requests"] == 1000 and config["max_requests_jitter"] == 100
    assert load_gunicorn_config(monkeypatch, BIND="127.0.0.1:8123")["bind"] == "127.0.0.1:8123"


def test_gunicorn_access_log_can_be_turned_off(monkeypatch):
    assert load_gunicorn_config(monkeypatch, GUNICORN_ACCESS_LOG="")["accesslog"] is None


@pytest.mark.parametrize("setting", ["bind", "workers", "timeout", "accesslog", "forwarded_allow_ips"])
def test_gunicorn_config_has_a_default_for_everything(monkeypatch, setting):
    assert load_gunicorn_config(monkeypatch)[setting] not in (None, 0)
