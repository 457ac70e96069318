"""The dbt models as two asset groups, as Dagster's own platform splits them.

- ``dbt_reference_models``: staging and dimensions of the reference data; unpartitioned,
  rebuilt when a reference file changes.
- ``dbt_fact_models``: staging, intermediate and marts of the facts; daily partitions,
  incremental (delete+insert by publication date), a whole backfill range in one run.
"""

import os
from collections.abc import Mapping
from typing import Any

from dagster import AssetExecutionContext
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.dbt import REFERENCE_SELECT, build_args, dbt_project, partition_vars
from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import WarehouseResource


class FrontlineTranslator(DagsterDbtTranslator):
    """Asset key = model name (sources: [source, table]); group by dbt folder."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        path = dbt_resource_props.get("original_file_path", "")
        return "reference" if "/reference/" in path else "warehouse"


translator = FrontlineTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


def _point_dbt_at(warehouse: WarehouseResource) -> None:
    # dbt runs as a subprocess; profiles.yml reads the same variable the resource was built from.
    os.environ["FRONTLINE_WAREHOUSE"] = str(warehouse.path)


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    select=REFERENCE_SELECT,
    name="dbt_reference_models",
    dagster_dbt_translator=translator,
)
def dbt_reference_models(context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    _point_dbt_at(warehouse)
    yield from dbt.cli(build_args(), context=context).stream()


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
    _point_dbt_at(warehouse)
    window = context.partition_time_window
    yield from dbt.cli(build_args(partition_vars(window.start, window.end)), context=context).stream()
