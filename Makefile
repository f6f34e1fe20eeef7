# Ruta: `make run` to try it, `make test` to test it. Nothing else to install first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
REMINDER_INTERVAL ?= 300

.PHONY: install messages makemessages migrate collectstatic seed run worker reminders test check lint format clean backup restore bench

$(VENV)/installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/installed tests/e2e/node_modules/.package-lock.json

# axe-core, which the browser tests inject into each page they check (tests/e2e/package.json).
tests/e2e/node_modules/.package-lock.json: tests/e2e/package.json tests/e2e/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/e2e --no-audit --no-fund; \
	else echo "npm is not installed: the browser tests' accessibility checks (axe-core) will be skipped here; CI installs it."; fi

messages: install  ## compile the translation catalogs (pure Python, no gettext needed)
	$(VENV)/bin/pybabel compile --statistics -D django -d locale

makemessages: install  ## collect new interface strings into locale/*/django.po (needs gettext)
	$(MANAGE) makemessages --all --no-location --no-obsolete --ignore='.venv/*' --ignore='static/*' --ignore='bench/results/*'

migrate: install
	$(MANAGE) migrate --noinput

collectstatic: install  ## gather static files (hashed and compressed) into STATIC_ROOT for production
	$(MANAGE) collectstatic --noinput

seed: migrate
	DEBUG=1 $(MANAGE) seed_demo

run: messages seed  ## serve the demo on http://$(HOST):$(PORT) with the worker and the reminder schedule
	@echo "Serving on http://$(HOST):$(PORT)/ — stop with Ctrl-C."
	@trap 'kill 0' EXIT INT TERM; \
	$(MANAGE) db_worker & \
	$(MAKE) --no-print-directory reminders & \
	$(MANAGE) runserver $(HOST):$(PORT)

reminders: install  ## run send_reminders and fetch_open_data every REMINDER_INTERVAL seconds (what cron does in production)
	while true; do $(MANAGE) send_reminders; $(MANAGE) fetch_open_data; sleep $(REMINDER_INTERVAL); done

worker: install
	$(MANAGE) db_worker

check: install  ## the gates CI runs before the tests
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: messages  ## the whole suite; DATABASE_URL=postgres://… runs it on PostgreSQL
	bin/test $(PYTEST_ARGS)

bench: install  ## load benchmark on PostgreSQL at 40 and 400 teams (gunicorn + locust): writes bench/RESULTS.md
	bash bench/run

backup:  ## dump the PostgreSQL database (DATABASE_URL) and the uploaded files into BACKUP_DIR (./backups)
	bin/backup $(BACKUP_DIR)

restore:  ## restore BACKUP=backups/ruta-… into the empty database at DATABASE_URL and MEDIA_ROOT
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/ruta-…"; exit 2; }
	bin/restore $(BACKUP)

lint: check

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 static .pytest_cache
	find . -name '*.mo' -delete
