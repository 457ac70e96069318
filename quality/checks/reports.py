"""Checks on raw/reports: the GX suite and soft rules (one read, one validation), the share
of the run's reports quarantined, and sources that went silent."""

import datetime as dt
import sys
from collections.abc import Iterator
from typing import Any

from dagster import (
    AssetCheckExecutionContext, AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetKey,
    MetadataValue, asset_check, multi_asset_check,
)

from orchestration.partitions import daily_partitions
from orchestration.resources import WarehouseResource
from quality.checks.common import (
    check_metadata, empty_result, error_labels, materialization_in_run, partition_window, quality_settings,
    window_text,
)

RAW_REPORTS = AssetKey(["raw", "reports"])


# Every character Python's str.strip() removes (str.isspace), for DuckDB's trim(text, chars).
WHITESPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


# Rows of the reports frame validated at once: a year's backfill validated 365,000 rows in
# one frame (and GX's copies of it); a part is about two months of a 1,000-a-day inbox.
PART_ROWS = 65_536


def _reports_query(con, window: tuple[dt.date, dt.date] | None, run_id: str):
    """The cursor of the rows to validate (see ``read_reports_frame``), or None without raw.reports."""
    from ingestion.tables import table_exists

    if not table_exists(con, "raw", "reports"):
        return None
    where = "published_date >= $start and published_date < $end" if window else "run_id = $run"
    params: dict[str, Any] = {"start": window[0], "end": window[1]} if window else {}
    # ``text`` stays a column (the suite checks the schema) but holds no text: NULL
    columns = ("id, published_date, language, cast(null as varchar) as text, length(trim(text, $ws)) as text_chars, "
               "content_hash, version, run_id, source")
    # ``content_variants`` (texts of an id among the rows) over all the rows, in DuckDB, so that
    # a part of the rows gives the same verdict as the whole
    return con.cursor().execute(f"""
        with scope as (select * from raw.reports where {where}),
        earlier as (
            select * from raw.reports
            where id in (select id from scope) and run_id is distinct from $run
            qualify row_number() over (partition by id order by version desc) = 1
        ),
        checked as (
            select {columns}
            from scope where run_id = $run or version = (select max(version) from raw.reports r where r.id = scope.id)
            union
            select {columns} from earlier
        )
        select *, count(distinct content_hash) over (partition by id) as content_variants from checked
        """, {**params, "run": run_id, "ws": WHITESPACE})


def iter_reports_frames(con, window: tuple[dt.date, dt.date] | None, run_id: str,
                        rows: int = PART_ROWS) -> Iterator:
    """``read_reports_frame``'s rows as frames of at most about ``rows`` rows (none without
    raw.reports or rows): validated part by part, merged, they give the whole's verdict."""
    from ingestion import duck

    # the query measures every text of the window once: no block of it needs DuckDB's cache
    with duck.memory_limited(con):
        cur = _reports_query(con, window, run_id)
        if cur is None:
            return
        try:
            vectors = max(1, rows // 2048)  # DuckDB hands out vectors of 2,048 rows
            while len(part := cur.fetch_df_chunk(vectors)):
                yield part
        finally:
            cur.close()


def read_reports_frame(con, window: tuple[dt.date, dt.date] | None, run_id: str):
    """raw.reports rows to validate: in the window (or loaded by this run), the versions this
    run loaded plus the latest earlier version of each id (so a changed text is visible), with
    ``content_variants``, the texts of the row's id among those rows. None without raw.reports.

    The text itself is not read (``text`` is NULL): ``text_chars``, the length of the
    stripped text (what the suite checks), is computed by DuckDB (a year's backfill read
    365,000 texts into pandas for it). The check reads the same rows in parts
    (``iter_reports_frames``)."""
    cur = _reports_query(con, window, run_id)
    if cur is None:
        return None
    try:
        return cur.df()
    finally:
        cur.close()


@multi_asset_check(
    name="raw_reports_suite_and_rules",
    specs=[
        AssetCheckSpec("reports_suite", asset=RAW_REPORTS, blocking=True, partitions_def=daily_partitions,
                       description="GX suite on the partition's raw reports: schema, ids, non-empty "
                       "text, hashed content (ERROR, blocks extraction)."),
        AssetCheckSpec("reports_rules", asset=RAW_REPORTS, blocking=False, partitions_def=daily_partitions,
                       description="GX: publication dates within [earliest, today], language allowed, "
                       "no id delivered with different texts (WARN: such rows are quarantined before "
                       "extraction)."),
    ],
)
def reports_suite_and_rules(context: AssetCheckExecutionContext,
                            warehouse: WarehouseResource) -> Iterator[AssetCheckResult]:
    """One read and one GX validation of the run's report rows serve both checks (a long
    window's rows read and validated ``PART_ROWS`` at a time, the results merged)."""
    from quality.suites import validate_reports
    from quality.validation import merge_results

    window, run_id = partition_window(context), context.run.run_id
    settings = quality_settings()
    parts = []
    with warehouse.connect(read_only=True) as con:
        for frame in iter_reports_frames(con, window, run_id):
            parts.append(validate_reports(frame, settings))
            del frame  # the next part is read into the memory this one leaves
    result = merge_results(parts, settings.max_examples) if parts else empty_result("raw_reports")
    scope = {"scope": window_text(window, run_id)}
    errors = error_labels(result)
    yield AssetCheckResult(
        check_name="reports_suite", asset_key=RAW_REPORTS, passed=not errors,
        severity=AssetCheckSeverity.ERROR, description="ok" if not errors else "failed: " + ", ".join(errors),
        metadata=check_metadata(result, scope))
    warnings = [o.label() for o in result.warnings]
    yield AssetCheckResult(
        check_name="reports_rules", asset_key=RAW_REPORTS, passed=not warnings,
        severity=AssetCheckSeverity.WARN, description="ok" if not warnings else "flagged: " + ", ".join(warnings),
        metadata=check_metadata(result, scope))


def run_report_counts(con, run_id: str, materialization: dict[str, Any] | None) -> dict[str, int]:
    """Reports in / quarantined for this run: the asset's counts when known, else the rows
    the run wrote to raw.reports and quarantine.reports."""
    from ingestion.tables import table_exists
    from quality.rules import REPORT_RULES

    quarantined = by_rule = 0
    if table_exists(con, "quarantine", "reports"):
        quarantined, by_rule = con.execute(
            "select count(*), count(*) filter (where list_contains(?, rule)) "
            "from quarantine.reports where run_id = ?", [list(REPORT_RULES), run_id]).fetchall()[0]
    if materialization and "fetched" in materialization:
        unreadable = int(materialization.get("quarantined") or 0)
        total = int(materialization["fetched"]) + unreadable
        quarantined = max(quarantined, unreadable + by_rule)
    else:
        stored = con.execute("select count(*) from raw.reports where run_id = ?", [run_id]).fetchall()[0][0] \
            if table_exists(con, "raw", "reports") else 0
        total = stored + quarantined
    return {"total": int(total), "quarantined": int(quarantined)}


@asset_check(asset=RAW_REPORTS, name="reports_quarantine_share", blocking=True,
             partitions_def=daily_partitions,
             description="Systemic: more than FRONTLINE_QC_MAX_QUARANTINE_SHARE (default 50%) of the "
             "run's reports quarantined fails the gate (ERROR).")
def reports_quarantine_share(context: AssetCheckExecutionContext,
                             warehouse: WarehouseResource) -> AssetCheckResult:
    from quality.rules import quarantine_share, too_many_quarantined

    settings, run_id = quality_settings(), context.run.run_id
    with warehouse.connect(read_only=True) as con:
        counts = run_report_counts(con, run_id, materialization_in_run(context, RAW_REPORTS))
        reasons = con.execute(
            "select rule, reason, coalesce(report_id, origin) from quarantine.reports where run_id = ? "
            "order by quarantined_at limit ?", [run_id, settings.max_examples]).fetchall() \
            if counts["quarantined"] else []
    share = quarantine_share(counts["quarantined"], counts["total"])
    failed = too_many_quarantined(counts["quarantined"], counts["total"], settings)
    return AssetCheckResult(
        passed=not failed, severity=AssetCheckSeverity.ERROR,
        description=(f"{counts['quarantined']} of {counts['total']} reports quarantined "
                     f"({share:.0%}; max {settings.max_quarantine_share:.0%})"),
        metadata={"reports_in": counts["total"], "quarantined": counts["quarantined"],
                  "share": round(share, 4), "max_share": settings.max_quarantine_share,
                  "examples": MetadataValue.json([list(r) for r in reasons])})


@asset_check(asset=RAW_REPORTS, name="sources_have_data", blocking=True, partitions_def=daily_partitions,
             description="Systemic: a source that failed or returned no report for "
             "FRONTLINE_QC_NIGHTS_WITHOUT_DATA runs in a row (default 3) fails the gate (ERROR). Reads "
             "meta.source_runs (and the run's per-source counts from raw/reports' metadata when the "
             "table lacks them).")
def sources_have_data(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
    from quality.rules import silent_sources
    from runlog.source_runs import has_source_runs, source_history, with_run

    settings, run_id = quality_settings(), context.run.run_id
    mat = materialization_in_run(context, RAW_REPORTS) or {}
    per_source = mat.get("per_source") if isinstance(mat.get("per_source"), dict) else None
    limit = max(settings.nights_without_data, 1)
    with warehouse.connect(read_only=True) as con:
        recorded = has_source_runs(con, run_id)
        current = None if per_source is None else list(per_source)
        if current is None and recorded:
            current = [r[0] for r in con.execute(
                "select source from meta.source_runs where run_id = ?", [run_id]).fetchall()]
        history = source_history(con, current, limit=limit)
    if not recorded and per_source is not None:  # counts the asset reported but did not store
        history = with_run(history, per_source, limit)
    silent = silent_sources(history, settings.nights_without_data)
    failing_now = sorted(name for name, c in (per_source or {}).items() if isinstance(c, dict) and c.get("failed"))
    return AssetCheckResult(
        passed=not silent, severity=AssetCheckSeverity.ERROR,
        description=("every source returned data recently" if not silent else
                     f"failed or silent for {settings.nights_without_data} runs: {', '.join(silent)}")
        + (f"; failed this run: {', '.join(failing_now)}" if failing_now else ""),
        metadata={"silent_sources": MetadataValue.json(silent),
                  "failed_this_run": MetadataValue.json(failing_now),
                  "recent_counts": MetadataValue.json(history),
                  "nights_without_data": settings.nights_without_data})


CHECKS = [reports_suite_and_rules, reports_quarantine_share, sources_have_data]
