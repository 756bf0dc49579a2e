# One command each; every target creates .venv and installs the project on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
FORMAT ?= text
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build pdf offline test check lint bench validate status diff screenshots chromium pango constraints clean

# The versions in constraints.txt, so every machine and CI install the same; CONSTRAINTS= takes the newest the
# ranges in pyproject.toml allow (the scheduled workflow does), `make constraints` pins them again.
CONSTRAINTS ?= constraints.txt

$(STAMP): pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' $(if $(CONSTRAINTS),-c $(CONSTRAINTS))
	touch $@

constraints:
	rm -rf $(VENV)
	$(MAKE) $(STAMP) CONSTRAINTS=
	{ grep '^#' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e'; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/handbook build

# PDFs of every handout and of the whole handbook, per language (builds the site first when it is stale).
pdf: $(STAMP) pango
	$(BIN)/handbook pdf

# The copy read from a folder or USB stick with no server and no internet (site-offline/, PDFs included).
offline: $(STAMP) pango
	$(BIN)/handbook offline

# FORMAT=github prints GitHub annotations instead of lines.
validate: $(STAMP)
	$(BIN)/handbook validate --format $(FORMAT)

# What a change does to the handbook, between two git revisions: BASE (default origin/main) and HEAD (default the
# working tree). FORMAT=markdown (a pull request's summary) or json; REPORT_LANG=ru (or kk, en, or several: kk,ru).
BASE ?= origin/main
HEAD ?=
REPORT_LANG ?= en
diff: $(STAMP)
	@$(BIN)/handbook diff $(BASE) $(HEAD) --format $(FORMAT) --lang $(REPORT_LANG)

# Screenshots of the pages `make diff` names, before and after, on a desktop and a phone, into screenshots/.
screenshots: $(STAMP) chromium
	$(BIN)/handbook screenshots $(BASE) $(HEAD) --out screenshots --chromium $(CHROMIUM)

# FORMAT=markdown (a pull request's summary) or json.
status: $(STAMP)
	@$(BIN)/handbook status --format $(FORMAT)

# WeasyPrint draws text with Pango (Debian's libpango; most machines have it already).
pango:
	@/sbin/ldconfig -p | grep -q libpangoft2-1.0 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

# Browser tests drive Debian's chromium (Playwright cannot download its own browser here).
chromium:
	@command -v $(CHROMIUM) >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# Everything, on two processes (pytest-xdist); the tests sharing a build or the PDFs run on the same one.
test: $(STAMP) chromium pango
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -n 2 --dist loadgroup

# While working: lint, then every test that needs neither a browser nor PDFs, nor several builds in a row (markers
# set in tests/conftest.py and by the tests marked `slow`).
check: lint
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup -m "not browser and not pdf and not slow"

# ruff (lint and format: `ruff format` fixes the format), the types of handbook/ (mypy), then the layers and the
# seam (import-linter's contracts); all configured in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check handbook macros tests bench
	$(BIN)/ruff format --check handbook macros tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP) chromium pango
	CHROMIUM=$(CHROMIUM) $(BIN)/python bench/run.py

clean:
	rm -rf site site-offline .site-* .site-offline-* screenshots $(VENV)
