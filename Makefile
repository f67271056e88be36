# Fagrom: `make run` installs everything and serves the demo; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1:8000

.PHONY: run install migrate demo serve test test-fast test-postgres lint format check bench clean messages

run: install migrate demo serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Each step prints one line; pip, npm and migrate speak only on errors.
PIP := $(PY) -m pip --quiet --quiet --disable-pip-version-check --no-input

install: $(BIN)/python
	@echo "Fagrom 1/4: installerer Python- og npm-pakker …"
	@$(PIP) install --upgrade pip
	@$(PIP) install -c requirements.lock -e '.[dev]'
	@npm ci --no-audit --no-fund --silent --loglevel=error

migrate:
	@echo "Fagrom 2/4: oppdaterer databasen …"
	@$(PY) manage.py migrate --noinput -v 0

demo:
	@echo "Fagrom 3/4: laster demodata …"
	@LOG_LEVEL=WARNING $(PY) manage.py seed_demo -v 0

serve:
	@echo "Fagrom 4/4: klar på http://$(HOST)/"
	@echo "  Logg inn med passordet demo som kari (saksbehandler), ola (moderator), ingrid (redaktør),"
	@echo "  arne (arkivar), per (Skatteetaten) eller admin. E-post havner i var/mail/. Stopp med Ctrl+C."
	@$(PY) manage.py runserver $(HOST)

# The whole suite: lint, Django checks, unit/functional tests, browser tests.
test: install
	$(BIN)/ruff check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n 2 -q

test-fast:
	$(BIN)/pytest -q -x -m "not e2e"

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the English catalogue from the Norwegian msgids, then compile it (needs GNU gettext).
# Translate the new entries in locale/en/LC_MESSAGES/django.po (no fuzzy ones left) and run it
# again; commit both the .po and the .mo (tests/site/test_english.py checks they match).
# References name files without line numbers, so unrelated edits do not churn the .po.
# locale/nb holds only Wagtail admin strings Wagtail's own Norwegian lacks (edited by hand).
I18N_IGNORE := --ignore=.venv --ignore=node_modules --ignore=var --ignore=staticfiles
messages:
	$(PY) manage.py makemessages -l en --add-location=file $(I18N_IGNORE)
	$(PY) manage.py compilemessages -l en -l nb $(I18N_IGNORE)

lock:
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf var staticfiles .pytest_cache
