"""Jobs: the nightly refresh (every asset, one partition or a range), the reference tables'
load and the reference refresh (tables, dimensions, gazetteer). When each runs:
``orchestration.refresh_policy``."""
from __future__ import annotations

from dagster import AssetKey, AssetSelection, define_asset_job, in_process_executor

from orchestration.assets.reference import REFERENCE_TABLES
from orchestration.partitions import daily_partitions

# One writer at a time on the DuckDB build file: the in-process executor runs steps in turn.
# Beyond one machine, swap the dbt target to a server engine and use Dagster's own
# multiprocess/k8s executors (see README) — never a home-made one.
nightly_job = define_asset_job(
    name="nightly_refresh",
    selection=AssetSelection.groups("ingestion", "warehouse", "publish", "report"),
    partitions_def=daily_partitions,
    executor_def=in_process_executor,
    description="Fetch reports, extract facts, build the marts, gate and publish.",
)

reference_tables_job = define_asset_job(
    name="reference_tables_refresh",
    selection=AssetSelection.assets(*(AssetKey(["reference", t]) for t in REFERENCE_TABLES)),
    executor_def=in_process_executor,
    description="Load the reference files into the versioned reference tables (a hash per file "
    "when nothing changed), with their checks.",
)

reference_job = define_asset_job(
    name="reference_refresh",
    selection=AssetSelection.groups("reference"),
    executor_def=in_process_executor,
    description="Load the reference files, build the dimensions and the gazetteer.",
)
