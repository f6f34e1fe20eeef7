import os

from .base import *

SECRET_KEY = require_strong_secret_key(SECRET_KEY)

DEBUG = False
# HTTPS only, with HSTS for a year unless told otherwise.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Load balancers and container health checks ask over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Behind a proxy that terminates TLS, name the header it sets, e.g. HTTP_X_FORWARDED_PROTO
# (the value defaults to "https"). Only set it when the proxy always sets or strips that header.
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    _header, _sep, _value = os.environ["SECURE_PROXY_SSL_HEADER"].partition(",")
    SECURE_PROXY_SSL_HEADER = (_header.strip(), _value.strip() or "https")
# Only when the proxy sets X-Forwarded-Host itself (and strips the client's).
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST")

# Persistent database connections: each worker thread keeps its connection for 60 s unless
# DATABASE_CONN_MAX_AGE says otherwise (0 closes it after each request), checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)

# Behind the proxy this deployment assumes (it sets X-Forwarded-For and X-Forwarded-Proto),
# rate limits key on the real client address: the n-th address from the right of
# X-Forwarded-For, n being the number of proxies you run. With a proxy that puts the client
# address in a header of its own, name that header instead.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None

# Rate limits (sign-in failures, password resets) are counted in the cache, which every
# worker must share: otherwise each process keeps its own count. Sessions are kept there too
# (read from Redis, written through to the database), so any instance serves any signed-in person.
REDIS_URL = os.environ.get("REDIS_URL", "")
if not REDIS_URL:
    raise ImproperlyConfigured(
        "Set REDIS_URL: the cache that counts sign-in failures must be shared by every worker process."
    )
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ruta"),
    }
}
SESSION_ENGINE = os.environ.get("SESSION_ENGINE", "django.contrib.sessions.backends.cached_db")
