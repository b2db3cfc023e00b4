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

# Links in mails name the host and port the demo serves on (production sets SITE_URL itself).
demo: export SITE_URL ?= http://127.0.0.1:$(PORT)
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
	DEBUG=1 $(BIN)/mitmachkarte load_demo_strategy
# Last, so the demo logins of every role are the last lines before the server starts.
	DEBUG=1 $(BIN)/mitmachkarte load_demo_moderation
	@echo "Mitmachkarte runs at http://127.0.0.1:$(PORT)/  (Ctrl+C stops it)"
	DEBUG=1 $(BIN)/mitmachkarte runserver 127.0.0.1:$(PORT)

test: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(MAKE) --no-print-directory messages
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

test-fast: $(DEV_STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) -m "not browser"

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

# The .po file is the one source of German texts: edit msgstr there. `make messages` adds new
# msgids (file references only, no line numbers, no creation date: fewer merge conflicts) and
# compiles; it fails while a German translation is missing or fuzzy. `make test` runs it.
PO := src/mitmachkarte/locale/de/LC_MESSAGES/django.po
messages: $(STAMP)
	cd src/mitmachkarte && ../../$(BIN)/mitmachkarte makemessages -l de --no-obsolete --no-wrap --add-location=file >/dev/null
	sed -i '/^"POT-Creation-Date: /d' $(PO)
	cd src/mitmachkarte && ../../$(BIN)/mitmachkarte compilemessages -l de >/dev/null
	@missing=$$(msgattrib --untranslated --no-obsolete $(PO) | grep -c '^msgid' || true); \
	fuzzy=$$(msgattrib --only-fuzzy --no-obsolete $(PO) | grep -c '^msgid' || true); \
	if [ "$$missing$$fuzzy" != "00" ]; then \
	  echo "German translations missing: $$missing, fuzzy: $$fuzzy (incl. the header) in $(PO):" >&2; \
	  msgattrib --untranslated --no-obsolete $(PO) | grep -A1 '^msgid' | head -40 >&2; \
	  msgattrib --only-fuzzy --no-obsolete $(PO) | grep -A1 '^msgid' | head -40 >&2; exit 1; fi

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
