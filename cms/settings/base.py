"""Settings shared by every environment: safe by default, configured from the environment."""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


EMAIL_URL_SCHEMES = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def email_settings_from_url(url):
    """The EMAIL_* settings of an address such as `smtp://user:password@host:587?tls=1`.

    `smtp://` is plain SMTP (STARTTLS with `?tls=1`), `smtps://` SMTP over TLS (port 465 by
    default); `console://`, `locmem://` and `dummy://` name Django's other backends. The user and
    password are URL-encoded (`%40` for an @ in a user name).
    """
    parts = urlsplit(url)
    if parts.scheme not in EMAIL_URL_SCHEMES:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with one of {', '.join(s + '://' for s in EMAIL_URL_SCHEMES)}."
        )
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    ssl = parts.scheme == "smtps" or query.get("ssl", "").lower() in {"1", "true", "yes", "on"}
    tls = query.get("tls", "").lower() in {"1", "true", "yes", "on"}
    if ssl and tls:
        raise ImproperlyConfigured("EMAIL_URL asks for both TLS (STARTTLS) and SSL: choose one.")
    values = {
        "EMAIL_BACKEND": EMAIL_URL_SCHEMES[parts.scheme],
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if ssl else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": tls,
        "EMAIL_USE_SSL": ssl,
    }
    if "timeout" in query:
        values["EMAIL_TIMEOUT"] = int(query["timeout"])
    return values


#: Values that appear in examples and templates: never a real SECRET_KEY.
PLACEHOLDER_SECRET_KEY_PARTS = (
    "changeme",
    "change-me",
    "change_me",
    "insecure",
    "example",
    "secret-key",
    "replace-with",
)


def require_strong_secret_key(key):
    """`key` if it is fit to sign sessions and links in production, else ImproperlyConfigured."""
    if not key:
        raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
    lowered = key.lower()
    if len(key) < 50 or len(set(key)) < 5 or any(part in lowered for part in PLACEHOLDER_SECRET_KEY_PARTS):
        raise ImproperlyConfigured(
            "SECRET_KEY is too weak: use at least 50 random characters that are not a placeholder, "
            'e.g. python -c "import secrets; print(secrets.token_urlsafe(50))".'
        )
    return key


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # wagtail-modeltranslation must come before Wagtail and modeltranslation.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "accounts",
    "notifications",
    "sprints",
    "cohorts",
    "coaching",
    "cms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.admin_apps.UsersAppConfig",  # wagtail.users, with the users admin for accounts.User
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "csp",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
]
FORM_RENDERER = "cms.forms.FormRenderer"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accounts.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "accounts.middleware.UserTimezoneMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# The benchmark (bench/run) counts each request's SQL queries into response headers.
if env_bool("BENCH_QUERY_LOG"):
    MIDDLEWARE.insert(0, "cms.middleware.QueryCountMiddleware")

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "notifications.context_processors.notifications",
            ],
        },
    },
    {
        # Plain-text emails: the same templates, rendered without HTML escaping.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# DATABASE_CONN_MAX_AGE: seconds a connection is kept for the next request (0 here, a new one each
# request; production keeps them 60 s). With persistent connections, each is checked before reuse
# (DATABASE_CONN_HEALTH_CHECKS, on by default) so a restarted database costs no failed request.
DATABASE_CONN_MAX_AGE_DEFAULT = 0
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", DATABASE_CONN_MAX_AGE_DEFAULT),
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "cohorts:workspace"

# django-allauth: email is the login; nobody has a username.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupProfileForm"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
# allauth's emails (accounts/templates/account/email/) name the site in their own words, with
# WAGTAIL_SITE_NAME: no “[host:port] ” prefix before the subject.
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = os.environ.get("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "https")

# Content-Security-Policy for the site (django-csp): scripts and styles from the app's own static
# files only; an inline <style> needs the request's nonce (`nonce="{{ request.csp_nonce }}"`).
# The Wagtail admin runs its own inline scripts and sets its own headers, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", *env_list("CSP_IMG_SRC")],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

# Internationalisation: every page exists in each of LANGUAGES, English is the fallback.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_USER_TIME_ZONE = os.environ.get("DEFAULT_USER_TIME_ZONE", "America/New_York")

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Largest file a team may attach to an assignment or give as RDC evidence; a larger one is cut
# off while it is received (cohorts.assignments.uploads), never stored.
SUBMISSION_UPLOAD_MAX_BYTES = int(os.environ.get("SUBMISSION_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
# Largest procurement data file a team may give Ruta (an OCDS package or a contracts spreadsheet);
# a larger one is cut off while it is received. Its spreadsheet may unpack to at most ten times that.
OPEN_DATA_MAX_BYTES = int(os.environ.get("OPEN_DATA_MAX_BYTES", 200 * 1024 * 1024))
# The worker fetches a team's open data address with this timeout (seconds, per network step), and
# only from public internet addresses unless OPEN_DATA_FETCH_PRIVATE_ADDRESSES is set (an intranet).
OPEN_DATA_FETCH_TIMEOUT = env_int("OPEN_DATA_FETCH_TIMEOUT", 60)
OPEN_DATA_FETCH_PRIVATE_ADDRESSES = env_bool("OPEN_DATA_FETCH_PRIVATE_ADDRESSES")
# Most bytes of files one assignment (its draft and versions) or one checklist item's evidence holds.
SUBMISSION_UPLOAD_QUOTA_BYTES = int(os.environ.get("SUBMISSION_UPLOAD_QUOTA_BYTES", 50 * 1024 * 1024))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible storage (django-storages, the "s3" extra), e.g. AWS S3 or MinIO. The bucket is
    # private: the app reads files after its access checks, and any URL it hands out is signed
    # and expires (AWS_QUERYSTRING_EXPIRE seconds). Credentials come from AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY (or the machine's role), which boto3 reads itself.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # MinIO and most S3-compatible stores want path-style addresses (host/bucket/key).
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "signature_version": "s3v4",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 300),
            "file_overwrite": False,
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Email: SMTP, from EMAIL_URL (smtp://user:password@host:587?tls=1) or the separate variables.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
if os.environ.get("EMAIL_URL"):
    globals().update(email_settings_from_url(os.environ["EMAIL_URL"]))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Ruta <no-reply@ruta.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work goes through django-tasks; a worker (`manage.py db_worker`) runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The cache (and with it sign-in rate limits and sessions) lives in Redis when REDIS_URL is set, so
# every process of every instance shares it; otherwise each process keeps its own in memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
if REDIS_URL:
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ruta"),
    }
    # Sessions read from Redis and written through to the database: fast, and a Redis restart
    # signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_ENGINE = os.environ.get("SESSION_ENGINE", SESSION_ENGINE)

# How long a public page rendered for a visitor without cookies is served from the cache (0: never).
# Any change a public page can show ends it sooner (cms/page_cache.py).
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 300)
# How long the coaching panels on the admin home are kept at most (0: never); any change to what
# they show ends them sooner (coaching/dashboard_cache.py).
COACHING_DASHBOARD_CACHE_SECONDS = env_int("COACHING_DASHBOARD_CACHE_SECONDS", 3600)
# How long a PDF is kept under the digest of its HTML (0: never); see cohorts.exports.render_pdf.
PDF_CACHE_SECONDS = env_int("PDF_CACHE_SECONDS", 86400)

# Wagtail
WAGTAIL_SITE_NAME = "Ruta"
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")  # for links in emails
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth handles password resets for everyone
WAGTAILADMIN_LOGIN_URL = "account_login"  # one sign-in page for everyone, staff included
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"  # and for private pages
WAGTAILUSERS_PASSWORD_ENABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
