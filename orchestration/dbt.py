"""The dbt project as Dagster sees it, and the pure helpers that build dbt arguments."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject
from dagster_dbt.dbt_project import using_dagster_dev

from ingestion import settings

os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")


def dbt_executable() -> str:
    """dbt from this environment's bin folder (it may not be on PATH)."""
    import shutil
    import sys
    from pathlib import Path

    local = Path(sys.executable).parent / "dbt"
    return str(local) if local.exists() else (shutil.which("dbt") or "dbt")


dbt_project = DbtProject(project_dir=settings.DBT_PROJECT_DIR)
if using_dagster_dev():
    # what ``prepare_if_dev`` does, with this environment's dbt: ``make dev`` runs
    # ``.venv/bin/dagster`` without the venv on PATH, where no ``dbt`` is found
    DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable()).cli(
        ["parse", "--quiet"], target_path=dbt_project.target_path).wait()

# Seeds and models of the reference group: rebuilt when a reference file changes, not partitioned.
REFERENCE_PATHS = ("seeds/reference", "models/staging/reference", "models/intermediate/reference",
                   "models/marts/reference")
REFERENCE_SELECT = " ".join(f"path:{p}" for p in REFERENCE_PATHS)


class FrontlineDbtCliResource(DbtCliResource):
    """dagster-dbt's dbt resource without two fixed costs of every ``cli()`` call, measured
    at 7-14 s a run on this machine's loaded cores (``make bench-backfill``):

    - the dbt version comes from the installed dbt-core package, not from a ``dbt --version``
      subprocess (a full dbt start-up, once per run: the resource is built per run);
    - no dbt adapter is built in the Dagster process (importing dbt-core and loading the
      profile): dagster-dbt uses it only for ``fetch_row_counts`` / ``fetch_column_metadata``,
      which these assets do not call.
    """

    @property
    def _cli_version(self):  # type: ignore[override]
        from importlib.metadata import version as installed

        from packaging import version

        return version.parse(installed("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):  # type: ignore[override]
        return None


def dbt_resource() -> DbtCliResource:
    return FrontlineDbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable())


def _day(x: dt.datetime | dt.date) -> dt.date:
    return x.date() if isinstance(x, dt.datetime) else x


def partition_vars(start: dt.datetime | dt.date, end: dt.datetime | dt.date) -> dict[str, str]:
    """dbt vars for the half-open partition window [start, end) as ISO dates."""
    return {"min_date": _day(start).isoformat(), "max_date": _day(end).isoformat()}


def partition_env(start: dt.datetime | dt.date, end: dt.datetime | dt.date) -> dict[str, str]:
    """The partition window as the environment of a dbt invocation (read by
    macros/partition_window.sql). Unlike ``--vars``, a new value does not make dbt parse
    the whole project again: only the few models that use the window are re-parsed."""
    window = partition_vars(start, end)
    return {"FRONTLINE_MIN_DATE": window["min_date"], "FRONTLINE_MAX_DATE": window["max_date"]}


# dbt unit tests check SQL logic on fixed rows, not the night's data: the test suite runs them
# (tests/warehouse); a night does not pay for them.
NO_UNIT_TESTS = ["--exclude-resource-type", "unit_test"]
# dbt writes manifest.json twice per invocation (after parsing and at the end: ~1.3 MB each),
# plus run_results.json, graph.gpickle and semantic_manifest.json into the per-warehouse target
# folder. Nothing reads them there: Dagster loads the project's prepared manifest, and every
# node's status and duration reaches Dagster through dbt's structured log (the "Execution
# Duration" of each materialization and check). Partial parsing (partial_parse.msgpack) is
# written either way.
NO_JSON_ARTIFACTS = ["--no-write-json"]


def build_args(vars_: dict[str, str] | None = None) -> list[str]:
    """Arguments of a ``dbt build`` of one group (the partition window as vars, if any).

    ``buildable`` indirect selection runs a test only when all its parents are built in the
    same invocation or upstream of it: the reference group does not run the fact models'
    relationship tests (their tables may not exist yet), the fact group does.
    """
    args = ["build", "--indirect-selection", "buildable"]
    if vars_:
        args += ["--vars", json.dumps(vars_, sort_keys=True)]
    return args + NO_UNIT_TESTS + NO_JSON_ARTIFACTS


def fact_build_args(*, full_refresh: bool = False) -> list[str]:
    """The ``dbt build`` of the fact group; the window goes in the environment
    (``partition_env``). A full refresh (after the reference data changed) rebuilds all
    history, so it runs without a window."""
    return build_args() + (["--full-refresh"] if full_refresh else [])


def fact_build_env(start: dt.datetime | dt.date, end: dt.datetime | dt.date, *,
                   full_refresh: bool = False) -> dict[str, str]:
    """The window environment of a fact build: none for a full refresh (all history)."""
    return {} if full_refresh else partition_env(start, end)


# A fact build over more than one day (a backfill or a catch-up range) or over all history (a
# full refresh) runs dbt with DuckDB held lower than a night's: in a backfill dbt's process
# runs beside the Dagster process's heap of the whole range (its events, what earlier steps
# left), and the sum is the run's peak. A night keeps the connection limit (its dbt build is the
# night's largest cost, and the spilling a lower limit causes costs CPU). At 256MB a year's
# first fact build ran out of memory in fct_control_events (2026-12-06); at 384MB it passed.
BACKFILL_MEMORY_LIMIT_ENV = "FRONTLINE_DBT_BACKFILL_MEMORY_LIMIT"
DEFAULT_BACKFILL_MEMORY_LIMIT = "384MB"


def fact_build_memory_env(start: dt.datetime | dt.date, end: dt.datetime | dt.date, *,
                          full_refresh: bool = False) -> dict[str, str]:
    """DuckDB's memory limit for dbt's process in a fact build of the half-open window
    [start, end): none for one day (dbt's profile reads ``FRONTLINE_DUCKDB_MEMORY_LIMIT`` as
    every connection does); for a longer window or a full refresh,
    ``$FRONTLINE_DBT_BACKFILL_MEMORY_LIMIT`` (default ``DEFAULT_BACKFILL_MEMORY_LIMIT``), never
    above the connection limit."""
    from ingestion import duck

    if not full_refresh and (_day(end) - _day(start)).days <= 1:
        return {}
    value = duck.size_setting(BACKFILL_MEMORY_LIMIT_ENV, DEFAULT_BACKFILL_MEMORY_LIMIT)
    return {duck.MEMORY_LIMIT_ENV: duck.lower_limit(value, duck.memory_limit())}


def target_dir(warehouse_path: str | Path, group: str) -> Path:
    """A dbt target folder per warehouse and group, kept between runs: dbt's partial parsing
    (``partial_parse.msgpack``) holds when the profile (the warehouse path) and the arguments
    are those of the last run, so a night does not parse the whole project again (about 5 s
    here). One writer per warehouse, so one invocation at a time uses it."""
    return Path(warehouse_path).parent / "dbt_target" / group
