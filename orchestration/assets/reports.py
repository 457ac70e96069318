"""raw/reports: every configured source fetched and landed in ``raw.reports``, with the two
side tables the fetch writes: ``quarantine.reports`` and ``meta.source_runs``."""

import dataclasses

from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, MetadataValue, multi_asset

from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import SourcesResource, WarehouseResource

RAW_REPORTS = AssetKey(["raw", "reports"])
QUARANTINE_REPORTS = AssetKey(["quarantine", "reports"])
SOURCE_RUNS = AssetKey(["meta", "source_runs"])


@multi_asset(
    specs=[
        AssetSpec(RAW_REPORTS, group_name="ingestion", kinds={"duckdb", "python"},
                  description="Reports fetched from every source in sources.yaml, append-only in "
                  "raw.reports (a changed text is a new version)."),
        AssetSpec(QUARANTINE_REPORTS, group_name="ingestion", kinds={"duckdb"},
                  description="Reports set aside at the fetch: unreadable input and readable reports "
                  "that break a row-level rule, with the rule, the reason and the run."),
        AssetSpec(SOURCE_RUNS, group_name="ingestion", kinds={"duckdb"},
                  description="Reports returned per source per run (failed sources count 0); read by "
                  "the sources_have_data check."),
    ],
    name="raw__reports",  # the op of the former single asset: run history and tests keep it
    partitions_def=daily_partitions,
    backfill_policy=single_run,
)
def raw_reports(context: AssetExecutionContext, warehouse: WarehouseResource, sources: SourcesResource):
    from ingestion import raw_store
    from ingestion.http import HttpClient
    from ingestion.sources import SourceLoadResult, iter_sources
    from quality.rules import screen_reports
    from quality.store import quarantine_rejected_reports
    from runlog.source_runs import record_source_runs

    window = context.partition_time_window
    # The sources are read as a stream into the raw store (in batches, one transaction): a
    # year's inbox never sits in memory as one list of reports.
    result = SourceLoadResult()
    rejected: list = []  # readable, but breaking a row-level rule
    with warehouse.connect() as con:
        raw_store.ensure_schema(con)
        stored = raw_store.store_reports(
            con, screen_reports(iter_sources(sources.config(), result, HttpClient()), rejected),
            run_id=context.run_id)
        for failure in result.failures:
            context.log.warning(f"source {failure.name} failed: {failure.reason}")
        for error in result.errors:
            context.log.warning(f"bad report {error}")
        for warning in result.warnings:
            context.log.warning(f"skipped or cut: {warning}")
        unreadable = raw_store.quarantine_reports(con, result.errors, run_id=context.run_id)
        screened = quarantine_rejected_reports(con, rejected, context.run_id)
        sources_recorded = record_source_runs(con, context.run_id, result.counts, window.start.date(),
                                              window.end.date())
        in_window = con.execute(
            "select count(distinct id) from raw.reports where published_date >= ? and published_date < ?",
            [window.start.date(), window.end.date()],
        ).fetchall()[0][0]
    yield MaterializeResult(asset_key=RAW_REPORTS, metadata={
        "fetched": sum(c.reports for c in result.counts.values()),
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
    yield MaterializeResult(asset_key=QUARANTINE_REPORTS, metadata={
        "rows_written": unreadable + screened, "unreadable": unreadable, "screened_out": screened})
    yield MaterializeResult(asset_key=SOURCE_RUNS, metadata={"sources": sources_recorded})
