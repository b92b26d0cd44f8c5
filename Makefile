# Every target sets up what it needs on a fresh machine: a pinned uv in .cache/uv, then the locked
# environment in .venv (uv.lock). Run `make help` for the list.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.8
UV_HOME := .cache/uv
UV := $(UV_HOME)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
SYNCED := $(VENV)/.synced
HOST ?= 127.0.0.1
# In a variable: a comma inside $(or ...) would split its arguments.
ALL_SCALES := 1,10,100
PORT ?= 8000

# Material 9.8.2 prints an end-of-life banner on every build; we know (see README, "Dependencies").
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build browser node_modules test check practice release-version publish offline bench bench-search clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | sort

$(UV):
	$(PYTHON) -m venv $(UV_HOME)
	$(UV_HOME)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(SYNCED): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet
	touch $@

setup: $(SYNCED) ## create .venv from the lock file

# Our preview (ctrph13.preview.live) rebuilds only what an edit changed, English beside Vietnamese; `mkdocs serve` rebuilds
# everything, one language after the other.
serve: setup ## live preview of both languages at http://127.0.0.1:8000 (English under /en/)
	$(BIN)/python -m ctrph13.preview --root "$(CURDIR)" --dev-addr $(HOST):$(PORT)

# Build into a scratch folder and replace site/ only on success: a failed build never leaves a half site.
# Not --quiet: it hides MkDocs' warnings from --strict as well, so a broken link would pass.
build: setup browser ## strict build of both languages into site/ (Chromium prints the program's PDF)
	rm -rf .cache/site-tmp
	$(BIN)/mkdocs build --strict --site-dir .cache/site-tmp
	rm -rf site && mv .cache/site-tmp site
	@echo "built site/ (Vietnamese) and site/en/ (English)"

browser: node_modules ## Debian's chromium (installed if missing, needs root) and the npm checkers
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# axe-core, vnu-jar and lighthouse, exactly as locked; their install scripts are not needed (Java is the system's).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

node_modules: node_modules/.installed

# Three workers (pytest-xdist), a test file each at a time, so module fixtures stay in one worker. Three on the
# 2-core machines CI runs on: the suite waits on browsers and builds for over half its time (two workers kept the
# cores 42% busy). The slowest tests are listed at the end, for whoever keeps it under 11 minutes.
test: setup browser ## run every test
	$(BIN)/python -m pytest -n 3 --dist loadfile --durations=15

check: setup ## lint, types, import layers and content checks (what pre-commit runs)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	scripts/kb check

practice: setup ## new practice pages: make practice ID=... KIND=... LEAD=org1,org2 TITLE_VI="..." TITLE_EN="..."
	$(BIN)/python -m ctrph13 new-practice --id "$(ID)" --kind "$(KIND)" --lead "$(LEAD)" \
		--title-vi "$(TITLE_VI)" --title-en "$(TITLE_EN)"

# The whole site, both languages, as files that work when opened from disk (search included), zipped.
offline: setup browser ## offline copy of both languages in offline/ and dist/ctrph13-offline.zip (open offline/index.html)
	rm -rf .cache/offline-tmp
	KB_OFFLINE=1 $(BIN)/mkdocs build --strict --site-dir .cache/offline-tmp
	rm -rf offline && mv .cache/offline-tmp offline
	mkdir -p dist && rm -f dist/ctrph13-offline.zip
	$(BIN)/python -m zipfile -c dist/ctrph13-offline.zip offline/
	@echo "offline/ and dist/ctrph13-offline.zip: open index.html in a browser"

release-version: setup ## print the edition declared by the newest change-log entry (data/changelog.yaml)
	@$(BIN)/python -m ctrph13.publish --root "$(CURDIR)" --print-version

# Strict build first (nothing is deployed from a failed build), then mike into the local gh-pages branch.
publish: build ## deploy VERSION (default: release-version) of both languages to gh-pages, `latest` moved; PUSH=1 pushes
	$(BIN)/python -m ctrph13.publish --root "$(CURDIR)" $(if $(VERSION),--version "$(VERSION)") $(if $(PUSH),--push)

bench-search: setup node_modules ## search figures at 1×, 10×, 100× (SCALES=1,10 for a quicker run)
	$(BIN)/python -m benchmarks.bench search --scales $(or $(SCALES),$(ALL_SCALES))

bench: setup ## build-scaling figures at 1×, 10×, 100×, fastest of 3 runs (SCALES=1,10 REPEAT=1 for a quicker run)
	$(BIN)/python -m benchmarks.bench build --scales $(or $(SCALES),$(ALL_SCALES)) --repeat $(or $(REPEAT),3)

clean: ## remove build output and caches (keeps .venv)
	rm -rf site .cache/site-tmp .pytest_cache .mypy_cache .ruff_cache
