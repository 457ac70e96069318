"""The mart gates: before the publish, each gated mart's row count against the published
warehouse (max shrink), no orphan report ids, keys present and unique."""

from pathlib import Path

from dagster import AssetCheckExecutionContext, AssetCheckResult, AssetCheckSeverity, AssetKey, asset_check

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


def mart_gate_result(table: str, warehouse: WarehouseResource, published_path: str) -> AssetCheckResult:
    from ingestion.tables import table_exists
    from quality.suites import validate_mart

    settings = quality_settings()
    with warehouse.connect(read_only=True) as con:
        if not table_exists(con, "main", table):
            return AssetCheckResult(passed=False, severity=AssetCheckSeverity.ERROR,
                                    description=f"{table} does not exist in the build warehouse")
        cols = {r[0] for r in con.execute(
            "select column_name from information_schema.columns where table_schema = 'main' "
            "and table_name = ?", [table]).fetchall()}
        key_cols = [c for c in ("fact_id", "report_id") if c in cols]
        if table in MART_KEYS:
            key_cols.append(f"{MART_KEYS[table]} as mart_key")
        frame = con.execute(f'select {", ".join(key_cols or ["1 as one"])} from main."{table}"').df()
        report_ids = None
        if table != "dim_report" and "report_id" in cols and table_exists(con, "main", "dim_report"):
            report_ids = [r[0] for r in con.execute("select report_id from main.dim_report").fetchall()]
    previous = published_row_count(published_path, table)
    result = validate_mart(table, frame, previous, report_ids, settings, key_column="mart_key")
    errors = error_labels(result)
    return AssetCheckResult(
        passed=not errors, severity=AssetCheckSeverity.ERROR,
        description=(f"{len(frame)} rows (published: {previous})" if not errors
                     else f"{table}: " + ", ".join(errors) + f" ({len(frame)} rows, published {previous})"),
        metadata=check_metadata(result, {"rows": len(frame), "published_rows": previous if previous is not None else -1,
                                    "max_shrink_share": settings.max_shrink_share}))


def _mart_gate(table: str):
    @asset_check(asset=AssetKey(table), name="mart_gate", blocking=True,
                 description=f"GX gate before the publish: {table}'s row count within bounds of the "
                 "published warehouse (shrink ≤ FRONTLINE_QC_MAX_SHRINK_SHARE) and no orphan report ids "
                 "(ERROR, blocks published_warehouse).")
    def _check(context: AssetCheckExecutionContext, warehouse: WarehouseResource,
               publish_target: PublishResource) -> AssetCheckResult:
        return mart_gate_result(table, warehouse, publish_target.path)

    return _check


fct_control_changes_gate = _mart_gate("fct_control_changes")
fct_claims_gate = _mart_gate("fct_claims")
dim_report_gate = _mart_gate("dim_report")
export_acled_events_gate = _mart_gate("export_acled_events")
mart_tracker_crosscheck_gate = _mart_gate("mart_tracker_crosscheck")

CHECKS = [fct_control_changes_gate, fct_claims_gate, dim_report_gate, export_acled_events_gate,
          mart_tracker_crosscheck_gate]
