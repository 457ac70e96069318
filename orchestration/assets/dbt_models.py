"""The dbt models as two asset groups, as Dagster's own platform splits them.

- ``dbt_reference_models``: staging and dimensions of the reference data; unpartitioned,
  rebuilt when a reference file changes.
- ``dbt_fact_models``: staging, intermediate and marts of the facts; daily partitions,
  incremental (delete+insert by publication date), a whole backfill range in one run.
"""

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from dagster import AssetExecutionContext, AssetKey, AssetSpec
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from ingestion import duck
from orchestration.dbt import (REFERENCE_SELECT, build_args, dbt_project, fact_build_args, fact_build_env,
                               fact_build_memory_env, target_dir)
from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import WarehouseResource


class FrontlineTranslator(DagsterDbtTranslator):
    """Asset key = model name (sources: [source, table]); group by dbt folder."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        path = dbt_resource_props.get("original_file_path", "")
        return "reference" if "/reference/" in path else "warehouse"


translator = FrontlineTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


# dbt's file log (dbt.log) at debug level writes every statement of every node: about 8% of
# a night's dbt CPU here. Dagster keeps dbt's structured events; the file keeps warnings and errors.
DBT_QUIET_FILE_LOG = {"DBT_LOG_LEVEL_FILE": "warn"}


@contextmanager
def _dbt_env(warehouse: WarehouseResource, extra: Mapping[str, str] | None = None) -> Iterator[None]:
    """dbt runs as a subprocess whose profiles.yml reads FRONTLINE_WAREHOUSE (and the fact
    models the window, FRONTLINE_MIN_DATE/MAX_DATE): set them for the length of the
    invocation, then restore the environment."""
    values = {"FRONTLINE_WAREHOUSE": str(warehouse.path), "FRONTLINE_MIN_DATE": None,
              "FRONTLINE_MAX_DATE": None, **DBT_QUIET_FILE_LOG, **(extra or {})}
    before = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    select=REFERENCE_SELECT,
    name="dbt_reference_models",
    dagster_dbt_translator=translator,
)
def dbt_reference_models(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    with _dbt_env(warehouse):
        yield from dbt.cli(build_args(), context=context,
                           target_path=target_dir(warehouse.path, "reference")).stream()


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    exclude=REFERENCE_SELECT,
    name="dbt_fact_models",
    partitions_def=daily_partitions,
    backfill_policy=single_run,
    dagster_dbt_translator=translator,
)
def dbt_fact_models(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    from runlog import fact_builds

    window = context.partition_time_window
    with warehouse.connect() as con:
        state = fact_builds.fact_build_state(con)
        full_refresh = fact_builds.needs_full_refresh(state, fact_builds.last_fact_build_state(con))
    if full_refresh:
        context.log.info(f"reference data or fact models are now {state}: rebuilding all history (--full-refresh)")
    memory_env = fact_build_memory_env(window.start, window.end, full_refresh=full_refresh)
    if memory_env:  # a backfill: dbt's process runs beside this one's heap, their sum is the run's peak
        duck.release_memory(collect=True)
    env = {**fact_build_env(window.start, window.end, full_refresh=full_refresh), **memory_env}
    with _dbt_env(warehouse, env):
        yield from dbt.cli(fact_build_args(full_refresh=full_refresh), context=context,
                           target_path=target_dir(warehouse.path, "facts")).stream()
    with warehouse.connect() as con:
        fact_builds.record_fact_build(con, context.run_id, state, full_refresh)


# Written by dbt_fact_models (above) after each fact build; read by it before the next one.
# A dbt multi-asset cannot declare an extra output, so the table is declared here, its writer named.
dbt_fact_builds = AssetSpec(
    AssetKey(["meta", "dbt_fact_builds"]), group_name="warehouse", kinds={"duckdb"},
    metadata={"writer": "dbt_fact_models"},
    description="The reference state (table@load_version) each fact build keyed its rows to; a "
    "changed state makes the next build a --full-refresh. Written by the dbt_fact_models op "
    "(runlog.fact_builds) after every fact build.",
)
