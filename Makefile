# Frontline: `make demo` and `make test` set up everything from nothing.
SHELL := /bin/bash
UV ?= $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
VENV := .venv
PY := $(VENV)/bin/python
export GX_ANALYTICS_ENABLED := False
export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: help setup manifest demo test test-fast bench bench-backfill docs dev validate clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(UV):
	python3 -m pip install --quiet --user uv || python3 -m pip install --quiet uv

# --compile-bytecode: with PYTHONDONTWRITEBYTECODE set (as on this machine) nothing is ever cached,
# and every process (each night's dbt, Dagster, GX) compiles its imports again: ~3 CPU-s per dbt run.
setup: $(VENV)/.synced  ## install uv (if missing) and the locked environment, bytecode compiled
$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --compile-bytecode
	$(PY) -m compileall -q ingestion orchestration publishing quality reporting runlog synthetic
	@touch $@

manifest: setup  ## prepare the dbt manifest Dagster loads
	cd dbt_project && ../$(VENV)/bin/dbt parse --profiles-dir . --quiet

$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	@mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $@

demo: manifest $(DAGSTER_HOME)/dagster.yaml  ## the nightly job on the bundled demo reports (offline, embedded DuckDB)
	$(VENV)/bin/frontline demo

test: manifest  ## the whole test suite, slow tests included, on two cores (starts its own throwaway PostgreSQL; needs its server binaries)
	UV=$(UV) $(PY) -m pytest -q -n 2 --dist loadfile

test-fast: setup  ## the inner loop: the tests not marked slow (under a minute; the suite prepares the dbt manifest when stale)
	$(PY) -m pytest -q -m "not slow"

bench: setup  ## extraction throughput and memory (prints a table)
	$(PY) scripts/bench.py

bench-backfill: manifest  ## backfill and one night at 1× and 4× history, with a PostgreSQL copy (prints a table; ARGS="--reports 3000 --days 30 --history 4")
	$(PY) scripts/bench_backfill.py $(ARGS)

docs: manifest  ## dbt docs (dbt_project/target/index.html)
	cd dbt_project && ../$(VENV)/bin/dbt docs generate --profiles-dir .

validate: manifest $(DAGSTER_HOME)/dagster.yaml  ## the Dagster definitions load
	$(VENV)/bin/dagster definitions validate -w workspace.yaml

dev: manifest $(DAGSTER_HOME)/dagster.yaml  ## the Dagster UI and daemon (schedules, sensor) on http://localhost:3000
	DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS=$${DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS:-true} \
		$(VENV)/bin/dagster dev -w workspace.yaml

clean:  ## remove the local warehouse and build output (not the venv)
	rm -rf warehouse dbt_project/target dbt_project/logs .dagster_home
