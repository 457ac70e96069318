"""raw/extracted_facts and raw/census_figures: the extractor (and the census-figure reader)
run over a partition's reports, read once, a day per task on every core; the facts go to the
Parquet fact store (a file per day), then one loader puts the window's files into DuckDB.

The extractor's version is the code version of raw/extracted_facts: partitions extracted by
an older extractor show as stale in the UI, and a backfill of them re-extracts.
"""

import datetime as dt
import time

from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, MetadataValue, multi_asset

from ingestion.extract import EXTRACTOR_VERSION

from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import WarehouseResource

RAW_FACTS = AssetKey(["raw", "extracted_facts"])
RAW_CENSUS_FIGURES = AssetKey(["raw", "census_figures"])
QUARANTINE_FACTS = AssetKey(["quarantine", "facts"])
_DEPS = [AssetKey(["raw", "reports"]), AssetKey("gazetteer")]


@multi_asset(
    specs=[
        AssetSpec(RAW_FACTS, group_name="ingestion", deps=_DEPS, code_version=EXTRACTOR_VERSION,
                  kinds={"duckdb", "parquet", "python"},
                  description="Control changes and claims extracted from the latest version of each "
                  "report published in the partition window: a Parquet file per day in the fact store "
                  "(FRONTLINE_FACT_STORE), loaded per window into DuckDB; rewritten per window "
                  "(idempotent). Code version = the extractor's version."),
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
    from ingestion import census_figures, fact_extraction, facts_store, raw_store
    from orchestration.assets.gazetteer import gazetteer_file
    from quality import store as quality_store
    from quality.rules import Rejected

    window = context.partition_time_window
    start, end = window.start.date().isoformat(), window.end.date().isoformat()
    store = facts_store.store_dir(warehouse.path)
    gaz_path = gazetteer_file(warehouse)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    tally = {"reports": 0, "rows_in": 0, "control_change": 0, "claim": 0}
    bad_reports: list = []
    bad_rows: list = []
    figure_rows: list[dict] = []  # a few per report at most
    days: set[str] = set()
    started = time.perf_counter()

    with warehouse.connect() as con:
        n_reports = _reports_in_window(con, start, end)
        workers = fact_extraction.workers_default() if n_reports >= fact_extraction.pool_min_reports() else 1
        # The CPU-heavy part: a day per task, on `workers` processes, each day's facts written
        # as a Parquet file of the fact store; results in day order.
        for day in fact_extraction.extract_window(
                raw_store.latest_reports(con, start, end), store=store, run_id=context.run_id,
                extracted_at=now, gazetteer_path=str(gaz_path) if gaz_path.exists() else None,
                workers=workers):
            days.add(day.day)
            tally["reports"] += day.reports
            tally["rows_in"] += day.rows_in
            for kind, n in day.kinds.items():
                tally[kind] = tally.get(kind, 0) + n
            bad_reports.extend(day.rejected_reports)
            bad_rows.extend(day.rejected_rows)
            figure_rows.extend(day.figure_rows)
        facts_store.prune_window(store, start, end, keep=days)  # days with no report any more
        extracted = time.perf_counter()
        # The single writer loads the window's files; a fact id an earlier day of the window
        # took is quarantined, as in one serial pass.
        written, duplicates = facts_store.load_window(con, store, start, end)
        for row in duplicates:
            tally[row["kind"]] -= 1
            bad_rows.append(Rejected(row, facts_store.DUPLICATE_RULE,
                                     f"fact_id {row['fact_id']} already taken by an earlier fact of report "
                                     f"{row.get('report_id')!r} (same identifying fields)"))
        # one quarantine per step: the reports skipped here go with the facts set aside
        quality_store.quarantine_facts(con, bad_rows + quality_store.skipped_reports(bad_reports),
                                       context.run_id, start, end)
        quarantined = len(bad_rows)
        figures = census_figures.replace_window(con, figure_rows, start, end)
    loaded = time.perf_counter()
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
        "extract_workers": workers,
        "extract_seconds": round(extracted - started, 2),
        "load_seconds": round(loaded - extracted, 2),
        "fact_store": MetadataValue.path(str(store)),
        "window": f"[{start}, {end})",
    })
    yield MaterializeResult(asset_key=QUARANTINE_FACTS, metadata={
        "facts": quarantined, "reports": len(bad_reports), "window": f"[{start}, {end})"})
    yield MaterializeResult(asset_key=RAW_CENSUS_FIGURES, metadata={
        "figures": figures, "dagster/row_count": figures, "window": f"[{start}, {end})"})


def _reports_in_window(con, start: str, end: str) -> int:
    """Reports (distinct ids) published in [start, end): decides whether a pool pays off."""
    exists = con.execute("select count(*) from information_schema.tables "
                         "where table_schema = 'raw' and table_name = 'reports'").fetchone()[0]
    if not exists:
        return 0
    return con.execute("select count(distinct id) from raw.reports "
                       "where published_date >= ? and published_date < ?", [start, end]).fetchone()[0]


def _count_rules(rejected) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in rejected:
        counts[r.rule] = counts.get(r.rule, 0) + 1
    return counts
