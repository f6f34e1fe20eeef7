"""Production settings read everything from the environment (README "Production"): the database with
persistent connections, Redis for the cache, sessions and rate limits, S3-compatible storage only
when a bucket is named, email from one URL or separate variables, hosts and proxy headers.

Each case loads the settings module in a fresh interpreter with exactly the environment given, as
gunicorn, the worker and cron do."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.base import email_settings_from_url

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "ruta.example.org",
    "DATABASE_URL": "postgres://ruta@db.example.org/ruta",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}

READ = """
import json, os, sys
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
default_storage = storages['default']
names = json.loads(sys.argv[1])
values = {}
for name in names:
    if name == "storage_class":
        values[name] = type(default_storage).__module__ + "." + type(default_storage).__name__
    elif name == "storage_url":
        values[name] = default_storage.url("teams/1/report.pdf")
    else:
        values[name] = getattr(settings, name)
print(json.dumps(values, default=str))
"""


def settings_with(environment, *names):
    """The named settings (and `storage_class`/`storage_url`) as loaded with `environment` alone."""
    keep = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    result = subprocess.run(  # noqa: S603 -- our own interpreter and script
        [sys.executable, "-c", READ, json.dumps(names)],
        cwd=ROOT,
        env={**keep, **environment},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode:
        raise AssertionError(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def failure_with(environment):
    keep = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    result = subprocess.run(  # noqa: S603 -- our own interpreter and script
        [sys.executable, "-c", READ, json.dumps(["DEBUG"])],
        cwd=ROOT,
        env={**keep, **environment},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    return result.stderr


# The database


def test_production_keeps_database_connections_for_60_seconds_with_health_checks():
    values = settings_with(PRODUCTION, "DATABASES")
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["HOST"], database["USER"]) == ("ruta", "db.example.org", "ruta")
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True


def test_database_connection_reuse_and_health_checks_come_from_the_environment():
    environment = {**PRODUCTION, "DATABASE_CONN_MAX_AGE": "0", "DATABASE_CONN_HEALTH_CHECKS": "0"}
    database = settings_with(environment, "DATABASES")["DATABASES"]["default"]
    assert (database["CONN_MAX_AGE"], database["CONN_HEALTH_CHECKS"]) == (0, False)


def test_outside_production_each_request_opens_its_own_connection_on_sqlite_by_default():
    database = settings_with({"DJANGO_SETTINGS_MODULE": "cms.settings.dev"}, "DATABASES")["DATABASES"]
    assert database["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert database["default"]["CONN_MAX_AGE"] == 0


def test_a_number_that_is_not_a_number_is_refused_by_name():
    stderr = failure_with({**PRODUCTION, "DATABASE_CONN_MAX_AGE": "a minute"})
    assert "ImproperlyConfigured" in stderr and "DATABASE_CONN_MAX_AGE" in stderr


# Redis: cache, sessions, rate limits


def test_production_keeps_cache_sessions_and_rate_limits_in_redis():
    values = settings_with(PRODUCTION, "CACHES", "SESSION_ENGINE", "ACCOUNT_RATE_LIMITS")
    cache = values["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/0"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert values["ACCOUNT_RATE_LIMITS"]["login_failed"]  # counted in that cache


def test_production_refuses_to_start_without_redis():
    environment = {name: value for name, value in PRODUCTION.items() if name != "REDIS_URL"}
    stderr = failure_with(environment)
    assert "ImproperlyConfigured" in stderr and "REDIS_URL" in stderr


def test_without_redis_development_keeps_sessions_in_the_database_and_the_cache_in_memory():
    values = settings_with({"DJANGO_SETTINGS_MODULE": "cms.settings.dev"}, "CACHES", "SESSION_ENGINE")
    assert values["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


# Uploaded files


def test_without_a_bucket_uploads_go_to_media_root():
    values = settings_with({**PRODUCTION, "MEDIA_ROOT": "/srv/ruta/media"}, "storage_class", "MEDIA_ROOT")
    assert values["storage_class"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert values["MEDIA_ROOT"] == "/srv/ruta/media"


S3 = {
    "AWS_STORAGE_BUCKET_NAME": "ruta-files",
    "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    "AWS_S3_REGION_NAME": "us-east-1",
    "AWS_S3_ADDRESSING_STYLE": "path",
    "AWS_ACCESS_KEY_ID": "ruta",
    "AWS_SECRET_ACCESS_KEY": "ruta-minio-secret",
}


def test_with_a_bucket_uploads_go_to_a_private_s3_bucket_behind_signed_expiring_urls():
    values = settings_with({**PRODUCTION, **S3}, "STORAGES", "storage_class", "storage_url")
    options = values["STORAGES"]["default"]["OPTIONS"]
    assert values["storage_class"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "ruta-files"
    assert options["default_acl"] == "private"
    assert options["file_overwrite"] is False
    url = values["storage_url"]  # signed offline, nothing is sent
    assert url.startswith("http://127.0.0.1:9000/ruta-files/teams/1/report.pdf?")
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=300" in url


def test_signed_urls_expire_when_the_environment_says():
    values = settings_with({**PRODUCTION, **S3, "AWS_QUERYSTRING_EXPIRE": "60"}, "storage_url")
    assert "X-Amz-Expires=60" in values["storage_url"]


# Email


def test_email_comes_from_one_url():
    values = settings_with(
        {**PRODUCTION, "EMAIL_URL": "smtp://ruta%40example.org:p%40ss@smtp.example.org:587?tls=1"},
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_HOST_USER",
        "EMAIL_HOST_PASSWORD",
        "EMAIL_USE_TLS",
        "EMAIL_USE_SSL",
    )
    assert values == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "ruta@example.org",
        "EMAIL_HOST_PASSWORD": "p@ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


def test_email_comes_from_separate_variables_without_a_url():
    environment = {
        **PRODUCTION,
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": "2525",
        "EMAIL_HOST_USER": "ruta",
        "EMAIL_USE_TLS": "1",
    }
    values = settings_with(environment, "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_USE_TLS")
    assert values == {
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "ruta",
        "EMAIL_USE_TLS": True,
    }


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtps://mail.example.org", {"EMAIL_PORT": 465, "EMAIL_USE_SSL": True, "EMAIL_USE_TLS": False}),
        ("smtp://mail.example.org", {"EMAIL_PORT": 25, "EMAIL_USE_SSL": False, "EMAIL_USE_TLS": False}),
        ("smtp://mail.example.org:587?tls=true&timeout=10", {"EMAIL_USE_TLS": True, "EMAIL_TIMEOUT": 10}),
        ("console://", {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
    ],
)
def test_email_url_schemes(url, expected):
    values = email_settings_from_url(url)
    assert {name: values[name] for name in expected} == expected


@pytest.mark.parametrize("url", ["imap://mail.example.org", "smtps://mail.example.org?tls=1"])
def test_an_email_url_that_cannot_work_is_refused(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email_settings_from_url(url)


# Hosts and proxies


def test_hosts_and_proxy_headers_come_from_the_environment():
    environment = {
        **PRODUCTION,
        "ALLOWED_HOSTS": "ruta.example.org, www.ruta.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://ruta.example.org",
        "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
        "USE_X_FORWARDED_HOST": "1",
        "TRUSTED_PROXY_COUNT": "2",
    }
    values = settings_with(
        environment,
        "ALLOWED_HOSTS",
        "CSRF_TRUSTED_ORIGINS",
        "SECURE_PROXY_SSL_HEADER",
        "USE_X_FORWARDED_HOST",
        "ALLAUTH_TRUSTED_PROXY_COUNT",
        "SECURE_REDIRECT_EXEMPT",
    )
    assert values == {
        "ALLOWED_HOSTS": ["ruta.example.org", "www.ruta.example.org"],
        "CSRF_TRUSTED_ORIGINS": ["https://ruta.example.org"],
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "USE_X_FORWARDED_HOST": True,
        "ALLAUTH_TRUSTED_PROXY_COUNT": 2,
        "SECURE_REDIRECT_EXEMPT": ["^healthz$"],
    }


def test_the_query_counter_is_on_only_when_the_benchmark_asks():
    plain = settings_with(PRODUCTION, "MIDDLEWARE")["MIDDLEWARE"]
    bench = settings_with({**PRODUCTION, "BENCH_QUERY_LOG": "1"}, "MIDDLEWARE")["MIDDLEWARE"]
    assert "cms.middleware.QueryCountMiddleware" not in plain
    assert bench[0] == "cms.middleware.QueryCountMiddleware"
