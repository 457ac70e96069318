"""Jobs: the nightly refresh (every asset, one partition or a range) and the reference refresh."""
from __future__ import annotations

from dagster import AssetSelection, define_asset_job, in_process_executor

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

reference_job = define_asset_job(
    name="reference_refresh",
    selection=AssetSelection.groups("reference"),
    executor_def=in_process_executor,
    description="Load the reference files, build the dimensions and the gazetteer.",
)
