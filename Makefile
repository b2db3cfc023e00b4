# Two commands for a newcomer: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
# pytest-xdist workers: one per core (the suite is CPU-bound); TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test test-fast lint messages clean run

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found); set PYTHON=..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@ $(STAMP)

demo: $(STAMP)
	@mkdir -p var
	DEBUG=1 $(BIN)/mitmachkarte migrate --no-input
	DEBUG=1 $(BIN)/mitmachkarte load_demo
	DEBUG=1 $(BIN)/mitmachkarte load_demo_events
	DEBUG=1 $(BIN)/mitmachkarte load_demo_accounts
	DEBUG=1 $(BIN)/mitmachkarte load_demo_surveys
	DEBUG=1 $(BIN)/mitmachkarte load_demo_support
	DEBUG=1 $(BIN)/mitmachkarte load_demo_groups
	DEBUG=1 $(BIN)/mitmachkarte load_demo_stewardship
# Last, so the demo logins of every role are the last lines before the server starts.
	DEBUG=1 $(BIN)/mitmachkarte load_demo_moderation
	@echo "Mitmachkarte runs at http://127.0.0.1:$(PORT)/  (Ctrl+C stops it)"
	DEBUG=1 $(BIN)/mitmachkarte runserver 127.0.0.1:$(PORT)

test: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

test-fast: $(DEV_STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) -m "not browser"

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

PO := src/mitmachkarte/locale/de/LC_MESSAGES/django.po
messages: $(STAMP)
	cd src/mitmachkarte && ../../$(BIN)/mitmachkarte makemessages -l de --no-obsolete --no-wrap
	msgcat --no-wrap $(PO) -o $(PO)
	msgattrib --no-wrap --clear-fuzzy --empty $(PO) -o $(PO)  # msgmerge's guesses are mostly wrong
	$(BIN)/python scripts/fill_po.py $(PO)
	@msgattrib --untranslated --no-obsolete $(PO) | grep -c '^msgid' | xargs -I{} echo "untranslated (incl. header): {}"
	cd src/mitmachkarte && ../../$(BIN)/mitmachkarte compilemessages -l de

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
