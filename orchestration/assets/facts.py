"""raw/extracted_facts and raw/census_figures: the extractor (and the census-figure reader)
run over a partition's reports, read once.

The extractor's version is the code version of raw/extracted_facts: partitions extracted by
an older extractor show as stale in the UI, and a backfill of them re-extracts.
"""

import datetime as dt

from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, MetadataValue, multi_asset

from ingestion.extract import EXTRACTOR_VERSION

from ingestion.batching import batched
from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import WarehouseResource

# Reports extracted per batch: memory stays bounded however long the backfilled window.
REPORT_BATCH = 1_000


RAW_FACTS = AssetKey(["raw", "extracted_facts"])
RAW_CENSUS_FIGURES = AssetKey(["raw", "census_figures"])
QUARANTINE_FACTS = AssetKey(["quarantine", "facts"])
_DEPS = [AssetKey(["raw", "reports"]), AssetKey("gazetteer")]


@multi_asset(
    specs=[
        AssetSpec(RAW_FACTS, group_name="ingestion", deps=_DEPS, code_version=EXTRACTOR_VERSION,
                  kinds={"duckdb", "python"},
                  description="Control changes and claims extracted from the latest version of each "
                  "report published in the partition window, rewritten per window (idempotent). Code "
                  "version = the extractor's version."),
        AssetSpec(QUARANTINE_FACTS, group_name="ingestion", deps=_DEPS, kinds={"duckdb"},
                  description="Facts set aside by the row-level rules (evidence not in the text, enum "
                  "outside the contract, date after publication, repeated id) and reports the "
                  "extraction skipped (kind 'report'), with the rule, the reason and the run."),
        AssetSpec(RAW_CENSUS_FIGURES, group_name="ingestion", deps=_DEPS, code_version="1",
                  kinds={"duckdb", "python"},
                  description="Census figures (population, urban wards) the reports state, one row per "
                  "sentence and figure with the sentence as evidence (ingestion.census_figures); read "
                  "by mart_census_crosscheck."),
    ],
    name="raw__extracted_facts",  # the op of the former single asset: run history and tests keep it
    partitions_def=daily_partitions,
    backfill_policy=single_run,
)
def extracted_facts(context: AssetExecutionContext, warehouse: WarehouseResource):
    from ingestion import census_figures, facts_store, raw_store
    from ingestion.extract import extract_report
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
    figure_rows: list[dict] = []  # a few per report at most
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
            for report in good_reports:
                figure_rows.extend(census_figures.figure_rows(report, run_id=context.run_id, extracted_at=now))
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
        # one quarantine per step: the reports skipped here go with the facts set aside
        quality_store.quarantine_facts(con, bad_rows + quality_store.skipped_reports(bad_reports),
                                       context.run_id, start, end)
        quarantined = len(bad_rows)
        figures = census_figures.replace_window(con, figure_rows, start, end)
    for bad in bad_rows[:20]:
        context.log.warning(f"quarantined fact of {bad.report_id}: {bad.rule}: {bad.reason}")
    yield MaterializeResult(asset_key=RAW_FACTS, metadata={
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
    yield MaterializeResult(asset_key=QUARANTINE_FACTS, metadata={
        "facts": quarantined, "reports": len(bad_reports), "window": f"[{start}, {end})"})
    yield MaterializeResult(asset_key=RAW_CENSUS_FIGURES, metadata={
        "figures": figures, "dagster/row_count": figures, "window": f"[{start}, {end})"})


def _count_rules(rejected) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in rejected:
        counts[r.rule] = counts.get(r.rule, 0) + 1
    return counts
