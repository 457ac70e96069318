"""raw/extracted_facts: the extractor run over a partition's reports."""

import datetime as dt

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, asset

from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import WarehouseResource


@asset(
    key=AssetKey(["raw", "extracted_facts"]),
    group_name="ingestion",
    deps=[AssetKey(["raw", "reports"]), AssetKey("gazetteer")],
    partitions_def=daily_partitions,
    backfill_policy=single_run,
    description="Control changes and claims extracted from the latest version of each report "
    "published in the partition window, rewritten per window (idempotent).",
)
def extracted_facts(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    from ingestion import facts_store, raw_store
    from ingestion.extract import EXTRACTOR_VERSION, extract_report
    from orchestration.assets.gazetteer import load_gazetteer

    window = context.partition_time_window
    start, end = window.start.date().isoformat(), window.end.date().isoformat()
    gazetteer = load_gazetteer(warehouse)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows, reports, kinds = [], 0, {"control_change": 0, "claim": 0}
    with warehouse.connect() as con:
        for report in raw_store.latest_reports(con, start, end):
            reports += 1
            for fact in extract_report(report, gazetteer):
                d = fact.to_dict()
                kinds[d["kind"]] += 1
                rows.append(facts_store.fact_row(
                    d, content_hash=report.content_hash, published_date=report.published_date,
                    run_id=context.run_id, extracted_at=now))
        written = facts_store.replace_window(con, rows, start, end)
    return MaterializeResult(metadata={
        "reports": reports,
        "facts": written,
        "control_changes": kinds["control_change"],
        "claims": kinds["claim"],
        "extractor_version": EXTRACTOR_VERSION,
        "window": f"[{start}, {end})",
    })
