"""raw/reports: every configured source fetched and landed in ``raw.reports``."""

import dataclasses

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import SourcesResource, WarehouseResource


@asset(
    key=AssetKey(["raw", "reports"]),
    group_name="ingestion",
    partitions_def=daily_partitions,
    backfill_policy=single_run,
    description="Reports fetched from every source in sources.yaml, append-only in raw.reports; "
    "unreadable ones in quarantine.reports.",
)
def raw_reports(context: AssetExecutionContext, warehouse: WarehouseResource,
                sources: SourcesResource) -> MaterializeResult:
    from ingestion import raw_store
    from ingestion.http import HttpClient
    from ingestion.sources import load_sources
    from quality.rules import split_reports
    from quality.store import quarantine_rejected_reports, record_source_runs

    window = context.partition_time_window
    result = load_sources(sources.config(), HttpClient())
    for failure in result.failures:
        context.log.warning(f"source {failure.name} failed: {failure.reason}")
    for error in result.errors:
        context.log.warning(f"bad report {error}")
    for warning in result.warnings:
        context.log.warning(f"skipped or cut: {warning}")
    good, rejected = split_reports(result.reports)  # readable, but breaking a row-level rule
    with warehouse.connect() as con:
        raw_store.ensure_schema(con)
        stored = raw_store.store_reports(con, good, run_id=context.run_id)
        raw_store.quarantine_reports(con, result.errors, run_id=context.run_id)
        quarantine_rejected_reports(con, rejected, context.run_id)
        record_source_runs(con, context.run_id, result.counts, window.start.date(), window.end.date())
        in_window = con.execute(
            "select count(distinct id) from raw.reports where published_date >= ? and published_date < ?",
            [window.start.date(), window.end.date()],
        ).fetchall()[0][0]
    return MaterializeResult(metadata={
        "fetched": len(result.reports),
        "inserted": stored.inserted,
        "unchanged": stored.unchanged,
        "new_versions": stored.new_versions,
        "quarantined": len(result.errors) + len(rejected),
        "screened_out": len(rejected),
        "reports_in_window": in_window,
        "failed_sources": MetadataValue.json([f"{f.name}: {f.reason}" for f in result.failures]),
        "warnings": MetadataValue.json([str(w) for w in result.warnings[:200]]),
        "warnings_count": len(result.warnings),
        "per_source": MetadataValue.json({name: dataclasses.asdict(c) for name, c in result.counts.items()}),
    })
