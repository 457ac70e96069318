"""raw/extracted_facts: the extractor run over a partition's reports."""

import datetime as dt

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

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
    from quality import store as quality_store
    from quality.rules import split_facts, split_reports

    window = context.partition_time_window
    start, end = window.start.date().isoformat(), window.end.date().isoformat()
    gazetteer = load_gazetteer(warehouse)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows, reports, kinds = [], 0, {"control_change": 0, "claim": 0}
    with warehouse.connect() as con:
        # Row-level rules: a report that breaks one (published in the future or before the
        # earliest date, language not allowed) is quarantined and not extracted.
        good_reports, bad_reports = split_reports(raw_store.latest_reports(con, start, end))
        reports = len(good_reports)
        quality_store.quarantine_rejected_reports(con, bad_reports, context.run_id)
        texts = {r.id: r.text for r in good_reports}
        for report in good_reports:
            for fact in extract_report(report, gazetteer):
                d = fact.to_dict()
                rows.append(facts_store.fact_row(
                    d, content_hash=report.content_hash, published_date=report.published_date,
                    run_id=context.run_id, extracted_at=now))
        # Facts whose evidence is not in the text, with an enum outside the contract or a date
        # after the publication go to quarantine.facts with the rule and the reason.
        good_rows, bad_rows = split_facts(rows, texts)
        for row in good_rows:
            kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
        written = facts_store.replace_window(con, good_rows, start, end)
        quarantined = quality_store.quarantine_facts(con, bad_rows, context.run_id, start, end)
    for bad in bad_rows[:20]:
        context.log.warning(f"quarantined fact of {bad.report_id}: {bad.rule}: {bad.reason}")
    return MaterializeResult(metadata={
        "reports": reports,
        "reports_quarantined": len(bad_reports),
        "facts": written,
        "rows_in": len(rows),
        "rows_out": written,
        "rows_quarantined": quarantined,
        "quarantine_rules": MetadataValue.json(_count_rules(bad_rows)),
        "control_changes": kinds["control_change"],
        "claims": kinds["claim"],
        "extractor_version": EXTRACTOR_VERSION,
        "window": f"[{start}, {end})",
    })


def _count_rules(rejected) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in rejected:
        counts[r.rule] = counts.get(r.rule, 0) + 1
    return counts
