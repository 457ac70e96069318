"""published_warehouse: the product BI tools read, replaced only after every gate passed."""

import datetime as dt
from pathlib import Path

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from orchestration.assets.dbt_models import dbt_fact_models
from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import PublishResource, WarehouseResource

# Tables BI tools see, exported to Parquet beside the DuckDB file.
PUBLISHED_TABLES = ("fct_control_changes", "fct_claims", "dim_report")


def mart_keys() -> list[AssetKey]:
    """Every dbt model of the fact group: publishing waits for all of them and their checks."""
    return sorted(dbt_fact_models.keys, key=lambda k: k.to_user_string())


@asset(
    key=AssetKey("published_warehouse"),
    group_name="publish",
    deps=mart_keys(),
    partitions_def=daily_partitions,
    backfill_policy=single_run,
    description="Atomic copy of the build warehouse to the published path (plus Parquet "
    "exports and meta.runs): runs only when every upstream blocking check passed.",
)
def published_warehouse(context: AssetExecutionContext, warehouse: WarehouseResource,
                        publish_target: PublishResource) -> MaterializeResult:
    from ingestion import run_log
    from ingestion.publish import export_parquet, publish_warehouse

    window = context.partition_time_window
    with warehouse.connect() as con:
        run_log.record_run(
            con, run_id=context.run_id, partition_start=window.start.date(),
            partition_end=window.end.date(), status="published",
            finished_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
        tables = [t for t in PUBLISHED_TABLES if con.execute(
            "select count(*) from information_schema.tables where table_name = ?", [t]).fetchone()[0]]
        rows = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
    result = publish_warehouse(Path(warehouse.path), Path(publish_target.path))
    export_parquet(Path(publish_target.path), publish_target.folder / "parquet", tables)
    return MaterializeResult(metadata={
        "published_path": MetadataValue.path(str(publish_target.path)),
        "rows": MetadataValue.json(rows),
        "bytes": getattr(result, "bytes", None) or Path(publish_target.path).stat().st_size,
    })
