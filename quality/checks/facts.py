"""Checks on raw/extracted_facts: the GX suite (blocking) and the references to the
dimensions (WARN), from one read of each part of the window's facts (a backfill's window is
read ``CHUNK_DAYS`` days at a time, so that its memory stays that of a few weeks of facts)."""

import datetime as dt
from collections.abc import Iterator
from typing import Any

from dagster import (
    AssetCheckExecutionContext, AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetKey,
    multi_asset_check,
)

from orchestration.partitions import daily_partitions
from orchestration.resources import WarehouseResource
from quality.checks.common import (
    check_metadata, empty_result, error_labels, partition_window, quality_settings, window_text,
)

RAW_FACTS = AssetKey(["raw", "extracted_facts"])
# Days of facts read and validated at once (a year's backfill held 1.5 M facts and 365,000 report
# texts in one pandas frame and one dict: 6 GB).
CHUNK_DAYS = 14
# The column of each dimension a fact refers to: dim_actor by name, dim_unit by key.
DIMENSION_COLUMNS = {"dim_actor": "canonical_name", "dim_unit": "unit_key"}


def _scope(window: tuple[dt.date, dt.date] | None, run_id: str) -> tuple[str, list[Any]]:
    """The filter of raw.extracted_facts to the window's days (or to this run's rows)."""
    if window:
        return "published_date >= ? and published_date < ?", list(window)
    return "run_id = ?", [run_id]


def read_facts_frame(con, window: tuple[dt.date, dt.date] | None, run_id: str):
    """(fact rows, report id → text) for the window (or this run's rows)."""
    from ingestion.tables import table_exists

    if not table_exists(con, "raw", "extracted_facts"):
        return None, {}
    where, params = _scope(window, run_id)
    facts = con.execute(f"select * from raw.extracted_facts where {where}", params).df()
    texts: dict[str, str] = {}
    if len(facts) and table_exists(con, "raw", "reports"):
        con.register("_qc_ids", facts[["report_id"]].drop_duplicates())
        try:
            texts = dict(con.execute(
                "select id, text from raw.reports where id in (select report_id from _qc_ids) "
                "qualify row_number() over (partition by id order by version desc) = 1").fetchall())
        finally:
            con.unregister("_qc_ids")
    return facts, texts


def window_chunks(window: tuple[dt.date, dt.date] | None,
                  days: int = CHUNK_DAYS) -> list[tuple[dt.date, dt.date] | None]:
    """[start, end) spans of at most ``days`` days that cover ``window`` in order ([None]: the
    run's rows, an unpartitioned run)."""
    if window is None:
        return [None]
    start, end = window
    spans = []
    while start < end:
        spans.append((start, min(end, start + dt.timedelta(days=days))))
        start = spans[-1][1]
    return spans or [window]


def duplicate_fact_ids(con, window: tuple[dt.date, dt.date] | None, run_id: str,
                       limit: int = 5) -> tuple[int, list[str]]:
    """(rows whose fact id another row of the window holds, a few of those ids): the one
    expectation that a part-by-part validation cannot see across parts."""
    where, params = _scope(window, run_id)
    rows = con.execute(
        f"select fact_id, count(*) from raw.extracted_facts where {where} and fact_id is not null "
        "group by fact_id having count(*) > 1 order by fact_id", params).fetchall()
    return sum(n for _, n in rows), [r[0] for r in rows[:limit]]


def _with_unique_ids(result, duplicates: tuple[int, list[str]]):
    """``result`` (merged from parts) with its unique-fact-id outcome decided over the whole window."""
    count, examples = duplicates
    for o in result.outcomes:
        if o.expectation == "expect_column_values_to_be_unique" and o.column == "fact_id":
            o.success, o.unexpected_count, o.examples = count == 0, count, examples
    return result


def dimension_values(con, table: str) -> list[str] | None:
    """The names of dim_actor (or the keys of dim_unit); None when the dimension does not exist."""
    from ingestion.tables import table_exists

    if not table_exists(con, "main", table):
        return None
    column = DIMENSION_COLUMNS[table]
    return [r[0] for r in con.execute(
        f'select distinct "{column}" from main."{table}" where "{column}" is not null').fetchall()]


@multi_asset_check(
    name="raw_extracted_facts_checks",
    specs=[
        AssetCheckSpec("facts_suite", asset=RAW_FACTS, blocking=True, partitions_def=daily_partitions,
                       description="GX suite on the partition's facts: contract enums, required fields, "
                       "evidence is a passage of the report, dates not after publication (ERROR, blocks dbt)."),
        AssetCheckSpec("facts_reference", asset=RAW_FACTS, blocking=False, partitions_def=daily_partitions,
                       description="GX: actor_to/actor_from are dim_actor names and unit_key is in "
                       "dim_unit, when those dimensions exist (WARN)."),
    ],
)
def facts_checks(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> Iterator[AssetCheckResult]:
    """One read of each part of the window's facts serves the suite and the reference check."""
    from quality.suites import validate_fact_references, validate_facts
    from quality.validation import merge_results

    settings = quality_settings()
    window, run_id = partition_window(context), context.run.run_id
    suites, references = [], []
    with warehouse.connect(read_only=True) as con:
        actors, units = dimension_values(con, "dim_actor"), dimension_values(con, "dim_unit")
        for span in window_chunks(window):
            facts, texts = read_facts_frame(con, span, run_id)
            if facts is None or facts.empty:
                continue
            suites.append(validate_facts(facts, texts, settings))
            if actors is not None or units is not None:
                references.append(validate_fact_references(facts, actors, units, settings))
            del facts, texts  # the next part is read into memory this one leaves
        duplicates = duplicate_fact_ids(con, window, run_id) if len(suites) > 1 else None
    no_facts = not suites
    scope = {"scope": window_text(window, run_id)}

    result = empty_result("extracted_facts") if no_facts else merge_results(suites, settings.max_examples)
    if duplicates is not None:
        result = _with_unique_ids(result, duplicates)
    errors = error_labels(result)
    yield AssetCheckResult(
        check_name="facts_suite", asset_key=RAW_FACTS, passed=not errors, severity=AssetCheckSeverity.ERROR,
        description="ok" if not errors else "failed: " + ", ".join(errors),
        metadata=check_metadata(result, scope))

    if no_facts or (actors is None and units is None):
        yield AssetCheckResult(
            check_name="facts_reference", asset_key=RAW_FACTS, passed=True, severity=AssetCheckSeverity.WARN,
            description="nothing to check (no facts or no dimensions yet)",
            metadata={"dim_actor": actors is not None, "dim_unit": units is not None})
        return
    refs = merge_results(references, settings.max_examples)
    warnings = [o.label() for o in refs.failed]
    yield AssetCheckResult(
        check_name="facts_reference", asset_key=RAW_FACTS, passed=not warnings and refs.error is None,
        severity=AssetCheckSeverity.WARN, description="ok" if not warnings else "unresolved: " + ", ".join(warnings),
        metadata=check_metadata(refs, scope))


CHECKS = [facts_checks]
