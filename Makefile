# Two commands for a newcomer: `make run` (dashboard) and `make test` (every test;
# `make test TESTS=tests/test_cli.py` runs some).
PY    ?= $(shell command -v python3.11 || command -v python3)
VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.requirements-installed
DB    ?= data/frontline.duckdb

.PHONY: run test setup db chromium clean-db

run: setup db
	$(BIN)/streamlit run app.py

test: setup db chromium
	$(BIN)/python -m pytest -q $(TESTS)

setup: $(STAMP)

db: $(DB)

$(BIN)/python:
	$(PY) -m venv $(VENV) || { echo "could not create $(VENV): on Debian run 'sudo apt-get install python3-venv'"; exit 1; }

# Reinstall only when requirements.txt is newer than the last install.
$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install -r requirements.txt
	touch $@

# Built from the bundled samples only when missing; `make clean-db db` rebuilds it.
$(DB): | $(STAMP)
	$(BIN)/python -m loaders ingest data/articles --db $(DB) --no-progress

clean-db:
	rm -f $(DB) $(DB).lock $(DB).tmp-*

# The browser tests drive Debian's chromium.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi
