"""raw/extracted_facts: the extractor run over a partition's reports."""

import datetime as dt

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from ingestion.batching import batched
from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import WarehouseResource

# Reports extracted per batch: memory stays bounded however long the backfilled window.
REPORT_BATCH = 1_000


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
    tally = {"reports": 0, "rows_in": 0, "control_change": 0, "claim": 0}
    bad_reports: list = []
    bad_rows: list = []
    seen_ids: set[str] = set()  # fact ids written in this window: a repeat is quarantined

    def checked_fact_rows(reports):
        """Fact rows of the window's reports, streamed a batch of reports at a time, with the
        row-level rules applied: bad reports and bad facts are set aside for quarantine."""
        for batch in batched(reports, REPORT_BATCH):
            # A report that breaks a rule (published in the future or before the earliest
            # date, language not allowed) is quarantined and not extracted.
            good_reports, rejected = split_reports(batch)
            bad_reports.extend(rejected)
            tally["reports"] += len(good_reports)
            rows = [facts_store.fact_row(
                        fact.to_dict(), content_hash=report.content_hash,
                        published_date=report.published_date, run_id=context.run_id, extracted_at=now)
                    for report in good_reports for fact in extract_report(report, gazetteer)]
            tally["rows_in"] += len(rows)
            # Facts whose evidence is not in the text, with an enum outside the contract or a
            # date after the publication, or an id already taken go to quarantine.facts with the rule
            # and the reason.
            good_rows, rejected_rows = split_facts(rows, {r.id: r.text for r in good_reports},
                                                    seen_ids=seen_ids)
            bad_rows.extend(rejected_rows)
            for row in good_rows:
                tally[row["kind"]] += 1
            yield from good_rows

    with warehouse.connect() as con:
        written = facts_store.replace_window(
            con, checked_fact_rows(raw_store.latest_reports(con, start, end)), start, end)
        quality_store.quarantine_rejected_reports(con, bad_reports, context.run_id)
        quarantined = quality_store.quarantine_facts(con, bad_rows, context.run_id, start, end)
    for bad in bad_rows[:20]:
        context.log.warning(f"quarantined fact of {bad.report_id}: {bad.rule}: {bad.reason}")
    return MaterializeResult(metadata={
        "reports": tally["reports"],
        "reports_quarantined": len(bad_reports),
        "facts": written,
        "rows_in": tally["rows_in"],
        "rows_out": written,
        "rows_quarantined": quarantined,
        "quarantine_rules": MetadataValue.json(_count_rules(bad_rows)),
        "control_changes": tally["control_change"],
        "claims": tally["claim"],
        "extractor_version": EXTRACTOR_VERSION,
        "window": f"[{start}, {end})",
    })


def _count_rules(rejected) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in rejected:
        counts[r.rule] = counts.get(r.rule, 0) + 1
    return counts
