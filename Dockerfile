# Ruta's image: the app with gunicorn, the task worker and the reminder loop (compose.yaml runs them).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    STATIC_ROOT=/app/static \
    MEDIA_ROOT=/app/media

# WeasyPrint (the PDF progress report) needs Pango, HarfBuzz's subsetter and a font.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
RUN pip install -e '.[s3]' 'babel>=2.16,<3' \
    && pybabel compile -D django -d locale \
    && useradd --system --home-dir /app ruta \
    && mkdir -p /app/static /app/media \
    && chown ruta /app/static /app/media

USER ruta
EXPOSE 8000
# gunicorn reads gunicorn.conf.py (PORT, WEB_CONCURRENCY, ...); compose.yaml names each service's command.
CMD ["gunicorn"]
