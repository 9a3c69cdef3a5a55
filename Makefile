# Second Round's one task runner: the README, CI and developers all go through these targets.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help
PY_BOOT ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

help:
	@echo "make serve   set up (venv, Python deps, npm ci) and serve the site at http://$(HOST):$(PORT)"
	@echo "make test    set up, plus a browser, then run the whole test suite"
	@echo "make test-fast  the quick loop: unit, build and Pyodide tests, fewer Hypothesis examples (no browser, no grammar)"
	@echo "make build   build the site into site/ (strict)"
	@echo "make lint    ruff and mypy"
	@echo "make coverage  the core's unit suite with line coverage"
	@echo "make bench   the performance benchmark (prints a table, writes bench/results/)"
	@echo "make holidays  rewrite the kit's public-holiday table from the pinned holidays package"

# --- setup: each step re-runs only when what it depends on changed.
$(VENV)/.site: pyproject.toml
	@$(PY_BOOT) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Second Round needs Python 3.11 or newer: set PY_BOOT=python3.x")'
	test -x $(PY) || $(PY_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[site]'
	touch $@

$(VENV)/.test: $(VENV)/.site pyproject.toml
	$(PY) -m pip install --quiet -e '.[site,test]'
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

.cache/pyodide-wheels/.done: tests/pyodide/requirements.txt $(VENV)/.site
	rm -rf .cache/pyodide-wheels
	$(PY) -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.14 \
		--implementation py --abi none --platform any -r tests/pyodide/requirements.txt -d .cache/pyodide-wheels
	touch $@

tests/tools/node_modules/.package-lock.json: tests/tools/package.json tests/tools/package-lock.json
	cd tests/tools && npm ci --no-audit --no-fund
	touch $@

bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	touch $@

setup: $(VENV)/.site node_modules/.package-lock.json
setup-test: setup $(VENV)/.test .cache/pyodide-wheels/.done tests/tools/node_modules/.package-lock.json
	bash scripts/ensure-browser.sh $(PY)

# --- the two commands of the README
serve: setup
	$(PY) -m secondround_site.serve --host $(HOST) --port $(PORT)

test: setup-test
	bash scripts/run-tests.sh $(PY)

# --- the pieces
# The loop to run while working: no browser, no grammar check, and Hypothesis's fast profile.
test-fast: $(VENV)/.test node_modules/.package-lock.json .cache/pyodide-wheels/.done tests/tools/node_modules/.package-lock.json
	HYPOTHESIS_PROFILE=fast $(PY) -m pytest -m "not browser and not grammar" -q

build: setup
	$(PY) -m mkdocs build --strict

lint: $(VENV)/.test
	$(PY) -m ruff check src tests bench
	$(PY) -m ruff format --check src tests bench
	bash scripts/typecheck.sh $(PY)

coverage: $(VENV)/.test
	$(PY) -m pytest tests/unit -p no:playwright -p no:cacheprovider --cov=secondround --cov-report=term

bench: setup-test bench/node_modules/.package-lock.json
	$(PY) bench/run.py

# The table ships in the wheel; the build refreshes it too, and tests/site checks it is current.
holidays: $(VENV)/.site
	$(PY) -m secondround_site.holiday_table

.PHONY: help setup setup-test serve test test-fast build lint coverage bench holidays
