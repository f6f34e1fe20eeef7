"""Running in production: error pages in the reader's language, the Content-Security-Policy,
HTTPS settings, a strong SECRET_KEY, and a clean `check --deploy` with the README's environment."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from cms.settings.base import require_strong_secret_key

BASE_DIR = Path(settings.BASE_DIR)
README = (BASE_DIR / "README.md").read_text()


# Error pages


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "language", "text"),
    [("en", "en", "We could not find this page"), ("es", "es", "No encontramos esta página")],
)
def test_404_is_the_sites_page_in_the_readers_language(client, home_page, prefix, language, text):
    response = client.get(f"/{prefix}/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert text in page
    assert 'class="site-header"' in page  # the site's layout: header, language switcher, footer
    assert f'href="/{prefix}/"' in page


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Something went wrong on our side"), ("es", "Algo salió mal de nuestro lado")],
)
def test_500_renders_without_request_context_or_database_in_the_urls_language(language, text):
    """No django_db mark: a query while rendering would fail the test."""
    request = RequestFactory().get(f"/{language}/workspace/")
    with translation.override(language):  # what LocaleMiddleware does for the URL's prefix
        response = server_error(request)  # renders 500.html with no context processors
    assert response.status_code == 500
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert text in page
    assert "Server Error (500)" not in page
    assert f'href="/{language}/"' in page


# Content-Security-Policy


@pytest.mark.django_db
def test_front_end_pages_carry_a_csp_without_inline_script(client, home_page):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    directives = {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


@pytest.mark.django_db
def test_the_wagtail_admin_is_left_out_of_the_front_end_csp(staff_client):
    response = staff_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_inline_styles_on_front_end_pages_carry_the_policys_nonce(client):
    from cms.demo import factories as f

    member = f.MembershipFactory()
    template = f.AssignmentTemplateFactory(program=member.team.cohort.program)
    client.force_login(member.user)
    from django.urls import reverse

    response = client.get(reverse("cohorts:assignment", args=[member.team.pk, template.pk]))
    assert response.status_code == 200
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    styles = re.findall(r"<style([^>]*)>", response.content.decode())
    assert styles and all(f'nonce="{nonce}"' in attributes for attributes in styles)
    assert ' style="' not in response.content.decode()


FRONT_END_TEMPLATES = [
    path
    for app in ("accounts", "notifications", "cms", "cohorts", "coaching", "sprints")
    for path in (BASE_DIR / app / "templates").rglob("*.html")
    if "/admin/" not in str(path) and "/emails/" not in str(path) and not path.name.endswith("_pdf.html")
]


def test_front_end_templates_have_no_inline_script_or_event_handlers():
    assert len(FRONT_END_TEMPLATES) > 20
    offenders = []
    for path in FRONT_END_TEMPLATES:
        text = path.read_text()
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag:
                offenders.append(f"{path}: {tag}")
        offenders += [f"{path}: {m}" for m in re.findall(r"\son[a-z]+\s*=", text)]
        offenders += [f"{path}: javascript:" for _ in re.findall(r"javascript:", text)]
    assert offenders == []


# Production settings


@pytest.mark.parametrize(
    "key",
    [
        "",
        "changeme",
        "short-but-random-Zx81",
        "changeme" * 10,
        "django-insecure-jggbzv7XkLsq2XIkWxVeZ6pVdqcu6iBhRyy9Buyc9gPlTay1gaTCfP_uIc3GYheXjD0",
        "dev-only-insecure-key-change-me" * 3,
        "a" * 60,
        "replace-with-the-output-of-python-c-import-secrets-print-secrets-token-urlsafe-50",
    ],
)
def test_a_missing_short_or_placeholder_secret_key_is_refused(key):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        require_strong_secret_key(key)


def test_a_long_random_secret_key_is_accepted():
    key = secrets.token_urlsafe(50)
    assert require_strong_secret_key(key) == key


def _readme_production_environment():
    """The KEY=value lines of the README's production environment block, a real SECRET_KEY in."""
    block = re.search(r"```sh\n# ruta\.env\n(.*?)```", README, re.S)
    assert block, "README documents the production environment in a ```sh block starting '# ruta.env'"
    environment = {
        name: value.strip('"')
        for name, value in (
            line.split("=", 1) for line in block.group(1).splitlines() if line and not line.startswith("#")
        )
    }
    assert environment["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
    environment["SECRET_KEY"] = secrets.token_urlsafe(50)
    return environment


def _run_with(environment, *args):
    keep = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    return subprocess.run(  # noqa: S603 — our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**keep, **environment},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def test_check_deploy_reports_nothing_with_the_readmes_production_environment():
    result = _run_with(_readme_production_environment(), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_with_a_weak_secret_key():
    environment = {**_readme_production_environment(), "SECRET_KEY": "changeme"}
    result = _run_with(environment, "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY" in result.stderr


def test_production_turns_on_https_protections_by_default():
    environment = _readme_production_environment()
    result = _run_with(
        environment,
        "shell",
        "--verbosity",
        "0",
        "-c",
        "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER, s.DEBUG)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "31536000",
        "True",
        "True",
        "True",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "False",
    ]


def test_readme_documents_every_production_step():
    production = README.split("## Production", 1)[1].split("\n## ", 1)[0]
    for step in (
        "migrate --noinput",
        "make collectstatic",
        "make messages",
        "gunicorn",
        "db_worker",
        "send_reminders",
    ):
        assert step in production
