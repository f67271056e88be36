# Fagrom: `make run` installs everything and serves the demo; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1:8000

.PHONY: run install migrate demo serve test test-fast test-postgres lint format check bench clean

run: install migrate demo serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	npm ci --no-audit --no-fund --silent

migrate:
	$(PY) manage.py migrate --noinput

demo:
	$(PY) manage.py seed_demo

serve:
	@echo "Fagrom: http://$(HOST)/  (log in as kari / demo)"
	$(PY) manage.py runserver $(HOST)

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

lock:
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf var staticfiles .pytest_cache
