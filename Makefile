# One command each; every target creates .venv and installs the project on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build pdf test bench validate chromium clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/handbook build

# PDFs of every handout and of the whole handbook, per language (builds the site first when it is stale).
pdf: $(STAMP)
	$(BIN)/handbook pdf

validate: $(STAMP)
	$(BIN)/handbook validate

# Browser tests drive Debian's chromium (Playwright cannot download its own browser here).
chromium:
	@command -v $(CHROMIUM) >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site .site-* $(VENV)
