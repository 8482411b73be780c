# mofa-extract: `make run` processes raw/ into processed/; `make test` runs the test suite.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

RAW ?= raw
PROCESSED ?= processed
GOLD ?= tests/gold
WORKERS ?= 1
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: setup run test lint evaluate evaluate-gold evaluate-real schemas clean-cache help lock fetch query bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	touch $@

setup: $(STAMP) ## Create .venv with pinned dependencies and the spaCy model

run: $(STAMP) ## Run every stage on $(RAW) into $(PROCESSED)
	$(PY) -m pipeline run --raw $(RAW) --out $(PROCESSED) --workers $(WORKERS)

test: $(STAMP) ## Lint, then run the test suite
	$(PY) -m ruff check pipeline schemas tests
	$(PY) -m pytest -q

lint: $(STAMP) ## ruff only
	$(PY) -m ruff check pipeline schemas tests

query: $(STAMP) ## Run SQL on the DuckDB file of PROCESSED, e.g. make query SQL="select * from claims_by_speaker"
	@test -n "$${SQL:-}" || { echo 'usage: make query SQL="select ..."' >&2; exit 2; }
	$(PY) -m pipeline query --db $(PROCESSED)/mofa.duckdb "$$SQL"

evaluate: $(STAMP) ## Score $(PROCESSED) against the gold files in $(GOLD)
	$(PY) -m pipeline evaluate --processed $(PROCESSED) --gold $(GOLD)

GOLD_OUT ?= build/gold-processed
evaluate-gold: $(STAMP) ## Run the pipeline on $(GOLD)/raw and score it against $(GOLD) (per-document tables, misses)
	$(PY) -m pipeline run --raw $(GOLD)/raw --out $(GOLD_OUT) -q
	$(PY) -m pipeline evaluate --processed $(GOLD_OUT) --gold $(GOLD) --per-doc

REAL ?= ../shared/real
REAL_OUT ?= build/real-processed
evaluate-real: $(STAMP) ## Run the pipeline on the real pages in $(REAL)/raw (and the Korean texts in $(REAL)/ko/raw) and score them against tests/real_gold, tests/real_heldout (tests/ko_gold, tests/ko_heldout)
	@test -d $(REAL)/raw || { echo "no real-page corpus at $(REAL)/raw (set REAL=...)" >&2; exit 2; }
	$(PY) -m pipeline run --raw $(REAL)/raw --out $(REAL_OUT) -q
	$(PY) -m pipeline evaluate --processed $(REAL_OUT) --gold tests/real_gold
	$(PY) -m pipeline evaluate --processed $(REAL_OUT) --gold tests/real_heldout
	@if [ -d $(REAL)/ko/raw ]; then \
		$(PY) -m pipeline run --raw $(REAL)/ko/raw --out $(REAL_OUT)-ko -q && \
		$(PY) -m pipeline evaluate --processed $(REAL_OUT)-ko --gold tests/ko_gold && \
		$(PY) -m pipeline evaluate --processed $(REAL_OUT)-ko --gold tests/ko_heldout; \
	else echo "Korean texts skipped: no corpus at $(REAL)/ko/raw" >&2; fi

schemas: $(STAMP) ## Regenerate schemas/json and the README column table from the pydantic models
	$(PY) -m pipeline schemas

fetch: $(STAMP) ## Download new releases (RSS feeds and board list pages of pipeline/fetch_feeds.toml) into $(RAW)/
	$(PY) -m pipeline fetch --raw $(RAW)

bench: $(STAMP) ## Benchmark against bare spaCy on N generated releases (make bench N=200 BENCH_WORKERS="1 2" REPEAT=3)
	$(PY) -m pipeline bench --raw $(RAW) --n $(or $(N),200) --workers $(or $(BENCH_WORKERS),1 2) --repeat $(or $(REPEAT),1)

clean-cache: ## Delete the per-document cache (forces a full re-run)
	rm -rf $(PROCESSED)/.cache

lock: $(STAMP) ## Refresh requirements.lock (exact versions of every installed package) after changing dependencies
	$(PY) -m pip freeze --exclude-editable | grep -v '^mofa-extract' > requirements.lock
