"""The mart gates: before the publish, each gated mart's row count against the published
warehouse (max shrink), no orphan report ids, keys present and unique."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from dagster import (AssetCheckExecutionContext, AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetKey,
                     multi_asset_check)

from orchestration.resources import PublishResource, WarehouseResource
from quality.checks.common import check_metadata, error_labels, quality_settings, run_window

# Marts gated before the publish (the fact models, the report dimension, the ACLED export and
# the tracker cross-check); a key expression per mart that must be present and unique.
GATED_MARTS = ("fct_control_changes", "fct_claims", "dim_report", "export_acled_events", "mart_tracker_crosscheck")
MART_KEYS = {
    "fct_control_changes": "fact_id", "fct_claims": "fact_id", "dim_report": "report_id",
    "export_acled_events": "event_id_cnty",
    "mart_tracker_crosscheck": "scope || ':' || coalesce(town_pcode, '')",
}


def published_row_count(path: str, table: str) -> int | None:
    """Rows of ``table`` in the published warehouse (None: nothing published, or no table)."""
    from ingestion import duck
    from ingestion.tables import table_exists

    if not Path(path).exists():
        return None
    con = duck.connect(path, read_only=True)
    try:
        if not table_exists(con, "main", table):
            return None
        return con.execute(f'select count(*) from main."{table}"').fetchall()[0][0]
    finally:
        con.close()


PUBLISHED = "published"  # the alias of the published file attached to the step's connection


def published_row_counts(con, published_path: str, tables) -> dict[str, int | None]:
    """Rows of each of ``tables`` in the published warehouse (None: nothing published, or no
    such table), through ``con``: the file is attached read-only and detached afterwards, so the
    step's connection does not have to open another."""
    if not Path(published_path).exists():
        return {t: None for t in tables}
    con.execute(f"attach ? as {PUBLISHED} (read_only)", [published_path])
    try:
        present = {r[0] for r in con.execute(
            "select table_name from duckdb_tables() where database_name = ? and schema_name = 'main' "
            "union select view_name from duckdb_views() where database_name = ? and schema_name = 'main'",
            [PUBLISHED, PUBLISHED]).fetchall()}
        return {t: (con.execute(f'select count(*) from {PUBLISHED}.main."{t}"').fetchall()[0][0]
                    if t in present else None) for t in tables}
    finally:
        con.execute(f"detach {PUBLISHED}")


def _table_columns(con, table: str) -> set[str]:
    return {r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_catalog = current_database() "
        "and table_schema = 'main' and table_name = ?", [table]).fetchall()}


def _mart_frame(con, table: str, window: tuple[dt.date, dt.date] | None = None,
                orphan_rule: bool = False):
    """(the rows of ``table`` the gate validates, with its key columns; whether they have
    report_id; the table's row count), from the build warehouse.

    Without a ``window``: every row. With one, the rows GX has to see for the same verdict
    as on every row, read by DuckDB from the whole table: the window's rows (published_date in
    [start, end), for a mart that has the column) and every row that breaks a rule anywhere in
    the table — a null key, a key on more than one row (all of its rows, so GX's uniqueness
    expectation sees them), a null report_id or one not in dim_report. DuckDB reads a column or
    two of the whole table; pandas and GX, which cost ~10× more a row, see the window. The row
    count is the whole table's (``count(*)``). ``orphan_rule``: report_known is computed here
    (a semi-join on dim_report) instead of from a list of every report id."""
    cols = _table_columns(con, table)
    has_report_id = "report_id" in cols
    key = MART_KEYS.get(table)
    select = [c for c in ("fact_id", "report_id") if c in cols] + ([f"{key} as mart_key"] if key else [])
    if orphan_rule and has_report_id:
        select.append("exists (select 1 from main.dim_report as d where d.report_id = m.report_id) as report_known")
    total = con.execute(f'select count(*) from main."{table}"').fetchall()[0][0]
    if window is None:
        where, params = "true", []
    else:
        suspects, params = [], []
        if "published_date" in cols:
            suspects.append("(m.published_date >= ? and m.published_date < ?)")
            params += [window[0], window[1]]
        if key:
            suspects += [f"({key}) is null",
                         f"({key}) in (select {key} from main.\"{table}\" group by 1 having count(*) > 1)"]
        if orphan_rule and has_report_id:
            suspects += ["m.report_id is null",
                         "not exists (select 1 from main.dim_report as d where d.report_id = m.report_id)"]
        where = " or ".join(suspects) or "false"
    frame = con.execute(f'select {", ".join(select or ["1 as one"])} from main."{table}" as m where {where}',
                        params).df()
    return frame, has_report_id, total


def _gate_result(table: str, frame, previous: int | None, report_ids, settings,
                 table_rows: int | None = None) -> AssetCheckResult:
    from quality.suites import validate_mart

    rows = len(frame) if table_rows is None else table_rows
    result = validate_mart(table, frame, previous, report_ids, settings, key_column="mart_key",
                           table_rows=table_rows)
    errors = error_labels(result)
    return AssetCheckResult(
        check_name="mart_gate", asset_key=AssetKey(table),
        passed=not errors, severity=AssetCheckSeverity.ERROR,
        description=(f"{rows} rows (published: {previous})" if not errors
                     else f"{table}: " + ", ".join(errors) + f" ({rows} rows, published {previous})"),
        metadata=check_metadata(result, {"rows": rows, "published_rows": previous if previous is not None else -1,
                                    "max_shrink_share": settings.max_shrink_share}))


def _missing(table: str) -> AssetCheckResult:
    return AssetCheckResult(check_name="mart_gate", asset_key=AssetKey(table), passed=False,
                            severity=AssetCheckSeverity.ERROR,
                            description=f"{table} does not exist in the build warehouse")


def mart_gate_results(tables, con, published_path: str,
                      window: tuple[dt.date, dt.date] | None = None) -> Iterator[AssetCheckResult]:
    """The ``mart_gate`` of each of ``tables`` (in that order), all through ``con``, a read-only
    connection to the build warehouse: the published row counts first (the published file
    attached, then detached), then each table read and validated in turn, its frame dropped
    before the next is read (a year's backfill held every mart's frame at once: +526 MB).

    ``window`` ([start, end) of the run's partitions): GX validates the window's rows and the
    rows that break a rule anywhere in the table (``_mart_frame``), and the row count is the
    table's: the same verdict as on every row, at a cost that follows the night, not the
    history. Without one, every row, and dim_report's ids read once for every orphan rule."""
    from ingestion import duck
    from ingestion.tables import table_exists

    settings = quality_settings()
    present = [t for t in tables if table_exists(con, "main", t)]
    has_dim_report = "dim_report" in present or table_exists(con, "main", "dim_report")
    previous = published_row_counts(con, published_path, present)
    report_ids = None
    if window is None and has_dim_report \
            and any("report_id" in _table_columns(con, t) for t in present if t != "dim_report"):
        report_ids = [r[0] for r in con.execute("select report_id from main.dim_report").fetchall()]
    for table in tables:
        if table not in present:
            yield _missing(table)
            continue
        with duck.memory_limited(con):  # a scan of the table or two: DuckDB's cache is not needed after
            frame, has_report_id, total = _mart_frame(
                con, table, window, orphan_rule=window is not None and has_dim_report and table != "dim_report")
        ids = report_ids if table != "dim_report" and has_report_id else None
        result = _gate_result(table, frame, previous[table], ids, settings,
                              table_rows=total if window is not None else None)
        del frame
        yield result


def mart_gate_result(table: str, warehouse: WarehouseResource, published_path: str) -> AssetCheckResult:
    """The ``mart_gate`` of one mart, through a connection of its own."""
    with warehouse.connect(read_only=True) as con:
        return next(mart_gate_results([table], con, published_path))


def _gate_spec(table: str) -> AssetCheckSpec:
    return AssetCheckSpec(
        "mart_gate", asset=AssetKey(table), blocking=True,
        description=f"GX gate before the publish: {table}'s row count within bounds of the "
        "published warehouse (shrink ≤ FRONTLINE_QC_MAX_SHRINK_SHARE) and no orphan report ids "
        "(ERROR, blocks published_warehouse).")


# The five gates in one step: as one step per mart they cost a Dagster step and two DuckDB
# connections apiece (the build file and the published one) every night; now one step, one
# read-only connection (the published file attached to it for the counts), dim_report's ids read
# once. The checks, their names, severities and blocking are the same; a failing gate still
# stops published_warehouse.
@multi_asset_check(name="mart_gates", specs=[_gate_spec(t) for t in GATED_MARTS], can_subset=True)
def mart_gates(context: AssetCheckExecutionContext, warehouse: WarehouseResource,
               publish_target: PublishResource) -> Iterator[AssetCheckResult]:
    selected = {key.asset_key.path[-1] for key in context.selected_asset_check_keys}
    with warehouse.connect(read_only=True) as con:
        yield from mart_gate_results([t for t in GATED_MARTS if t in selected], con, publish_target.path,
                                     run_window(context))


CHECKS = [mart_gates]
