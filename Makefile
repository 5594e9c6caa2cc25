# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# The site's public address (SITE_URL, settings.PORTAL_BASE_URL) for the demo and the
# development server: the address `make run` serves, unless SITE_URL is set.
SITE_ENV = SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}"

.PHONY: run test test-browser install migrate demo serve lint format messages check-migrations clean-db bench backup restore

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: run make with PYTHON=python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(SITE_ENV) $(PY) manage.py seed_demo

# The development server and, beside it, the scheduler (scheduled publishing and expiry, the
# link check: PORTAL_SCHEDULE). They start together; when the server stops (Ctrl-C) the
# scheduler is stopped too (SIGTERM: it lets a running job finish).
serve: install
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@export $(SITE_ENV); \
	$(PY) manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null; wait $$scheduler' EXIT; \
	trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

run: demo serve

test: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest -m "not browser" -n auto $(PYTEST_ARGS)
	$(VENV)/bin/pytest -m browser $(PYTEST_ARGS)

# The real-browser suite (Playwright + Debian's chromium) alone. `make test` runs it in a pytest
# session of its own too, so that it starts from a freshly migrated database.
test-browser: install
	$(VENV)/bin/pytest -m browser $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Needs GNU gettext (xgettext, msgmerge) to extract strings; the compiled .mo files are
# written in Python so they can be rebuilt on any machine.
messages: install
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=static --ignore="*/tests/*" --ignore=test-artifacts --ignore=media --ignore=backups --no-obsolete
	$(PY) manage.py compile_catalogues

clean-db:
	rm -f db.sqlite3

# Load benchmark, bench/run.py (docs/benchmarks.md); its options go in BENCH_ARGS="--help".
bench: install
	$(PY) bench/run.py $(BENCH_ARGS)

# Backup and restore of the database and media together (docs/deployment.md):
#   make backup [BACKUP=backups/]   make restore ARCHIVE=backups/portal-backup-....tar.gz [FORCE=1]
BACKUP ?= backups
backup: install
	$(PY) manage.py backup_site $(BACKUP)

restore: install
	@test -n "$(ARCHIVE)" || (echo "Usage: make restore ARCHIVE=path/to/backup.tar.gz [FORCE=1]"; exit 2)
	$(PY) manage.py restore_site $(ARCHIVE) $(if $(FORCE),--force,)
