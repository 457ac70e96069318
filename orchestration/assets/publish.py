"""published_warehouse: the product BI tools read, replaced only after every gate passed."""

import datetime as dt
from pathlib import Path

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from orchestration.assets.dbt_models import dbt_fact_models
from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import PublishResource, WarehouseResource

# Tables BI tools see, exported to Parquet beside the DuckDB file.
PUBLISHED_TABLES = (
    "fct_control_changes", "fct_control_events", "fct_control_periods", "mart_control_snapshot",
    "fct_claims", "mart_claims_reconciled", "mart_population_under_control", "mart_census_crosscheck",
    "dim_report", "dim_place", "dim_unit", "dim_actor", "dim_date",
)


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

    from quality.run_report import summarize_run

    window = context.partition_time_window
    # The run report (checks passed/failed so far, rows in/out/quarantined per asset) goes to
    # meta.runs before the copy, so the published file carries its own run.
    report = summarize_run(context.instance, context.run_id)
    with warehouse.connect() as con:
        tables = [t for t in PUBLISHED_TABLES if con.execute(
            "select count(*) from information_schema.tables where table_name = ?", [t]).fetchall()[0][0]]
        rows = {t: con.execute(f'select count(*) from "{t}"').fetchall()[0][0] for t in tables}
        for t, n in rows.items():
            report["rows"].setdefault(t, {"in": n, "out": n, "quarantined": 0})
        run_log.record_report(
            con, run_id=context.run_id, partition_start=window.start.date(),
            partition_end=window.end.date(), status="published", report=report,
            finished_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    result = publish_warehouse(Path(warehouse.path), Path(publish_target.path))
    export_parquet(Path(publish_target.path), publish_target.folder / "parquet", tables)
    return MaterializeResult(metadata={
        "published_path": MetadataValue.path(str(publish_target.path)),
        "rows": MetadataValue.json(rows),
        "bytes": result.size,
        "sha256": result.sha256,
        "checks_passed": len(report["checks_passed"]),
        "checks_failed": len(report["checks_failed"]),
        "checks_warned": MetadataValue.json(report["checks_warned"]),
        "run_report": MetadataValue.json(report["rows"]),
    })
