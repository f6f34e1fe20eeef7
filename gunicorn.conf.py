"""gunicorn's settings for Ruta, from the environment (gunicorn reads ./gunicorn.conf.py by itself).

    gunicorn                  # serves cms.wsgi on 0.0.0.0:$PORT (8000) with $WEB_CONCURRENCY workers

WEB_CONCURRENCY   worker processes (default: 2 per core, plus one)
GUNICORN_THREADS  threads per worker (default 1: plain sync workers, one request at a time each)
PORT / BIND       where to listen (BIND wins, e.g. 127.0.0.1:8000 or unix:/run/ruta.sock)
GUNICORN_TIMEOUT  seconds before a stuck worker is restarted (default 60: the PDF report is slow)
GUNICORN_MAX_REQUESTS  requests after which a worker is replaced (default 1000, 0 never), which
                  caps the memory a long-lived worker accumulates (WeasyPrint's fonts)
FORWARDED_ALLOW_IPS    proxies whose X-Forwarded-* headers gunicorn trusts (default 127.0.0.1)
"""

import multiprocessing
import os

wsgi_app = "cms.wsgi:application"
bind = os.environ.get("BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # "-": standard output; "" for none
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Heartbeat files in memory, not on a container's overlay disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 -- gunicorn's own files
