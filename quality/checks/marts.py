"""The mart gates: before the publish, each gated mart's row count against the published
warehouse (max shrink), no orphan report ids, keys present and unique."""

from collections.abc import Iterator
from pathlib import Path

from dagster import (AssetCheckExecutionContext, AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetKey,
                     multi_asset_check)

from orchestration.resources import PublishResource, WarehouseResource
from quality.checks.common import check_metadata, error_labels, quality_settings

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
    import duckdb

    from ingestion.tables import table_exists

    if not Path(path).exists():
        return None
    con = duckdb.connect(path, read_only=True)
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


def _mart_frame(con, table: str):
    """(key columns of ``table``, whether it has report_id) from the build warehouse."""
    cols = {r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_catalog = current_database() "
        "and table_schema = 'main' and table_name = ?", [table]).fetchall()}
    key_cols = [c for c in ("fact_id", "report_id") if c in cols]
    if table in MART_KEYS:
        key_cols.append(f"{MART_KEYS[table]} as mart_key")
    return con.execute(f'select {", ".join(key_cols or ["1 as one"])} from main."{table}"').df(), "report_id" in cols


def _gate_result(table: str, frame, previous: int | None, report_ids, settings) -> AssetCheckResult:
    from quality.suites import validate_mart

    result = validate_mart(table, frame, previous, report_ids, settings, key_column="mart_key")
    errors = error_labels(result)
    return AssetCheckResult(
        check_name="mart_gate", asset_key=AssetKey(table),
        passed=not errors, severity=AssetCheckSeverity.ERROR,
        description=(f"{len(frame)} rows (published: {previous})" if not errors
                     else f"{table}: " + ", ".join(errors) + f" ({len(frame)} rows, published {previous})"),
        metadata=check_metadata(result, {"rows": len(frame), "published_rows": previous if previous is not None else -1,
                                    "max_shrink_share": settings.max_shrink_share}))


def _missing(table: str) -> AssetCheckResult:
    return AssetCheckResult(check_name="mart_gate", asset_key=AssetKey(table), passed=False,
                            severity=AssetCheckSeverity.ERROR,
                            description=f"{table} does not exist in the build warehouse")


def mart_gate_results(tables, con, published_path: str) -> Iterator[AssetCheckResult]:
    """The ``mart_gate`` of each of ``tables`` (in that order), all through ``con``, a read-only
    connection to the build warehouse: its rows are read first, then the published file is
    attached for the row counts; dim_report's ids are read once for every orphan rule."""
    from ingestion.tables import table_exists

    settings = quality_settings()
    frames: dict[str, tuple] = {}
    report_ids = None
    for table in tables:
        if table_exists(con, "main", table):
            frames[table] = _mart_frame(con, table)
    if any(has_report_id for t, (_f, has_report_id) in frames.items() if t != "dim_report") \
            and table_exists(con, "main", "dim_report"):
        report_ids = [r[0] for r in con.execute("select report_id from main.dim_report").fetchall()]
    previous = published_row_counts(con, published_path, [t for t in tables if t in frames])
    for table in tables:
        if table not in frames:
            yield _missing(table)
            continue
        frame, has_report_id = frames[table]
        ids = report_ids if table != "dim_report" and has_report_id else None
        yield _gate_result(table, frame, previous[table], ids, settings)


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
        yield from mart_gate_results([t for t in GATED_MARTS if t in selected], con, publish_target.path)


CHECKS = [mart_gates]
