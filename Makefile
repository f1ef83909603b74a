# Nelinvoimaa. `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the tests.

# The first Python that is 3.12 or newer (a pyenv shim that cannot run counts as missing).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.14 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
LOCALE_DIRS := $(wildcard */locale)
PORT ?= 8000

.PHONY: run test install messages migrate seed lint format check bench load clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed; none was found." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstalls only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

# Babel compiles the .po files, so GNU gettext is not needed to run the site.
messages: install
	@for dir in $(LOCALE_DIRS); do $(BIN)/pybabel compile --domain django --directory $$dir --statistics || exit 1; done

migrate: install
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo

# Links in pages and e-mails (SITE_URL) point at the port served, unless SITE_URL is set.
run: messages seed
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} $(MANAGE) runserver 127.0.0.1:$(PORT)

test: messages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: messages
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .

bench: messages
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# 100 signed-in people browsing and 10 applying for a minute (bench/load.py); LOAD_ARGS=--help
load: messages
	$(BIN)/python bench/load.py $(LOAD_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
