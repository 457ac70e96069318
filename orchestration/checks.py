"""Asset checks (the data-quality gates); the suites themselves live in ``quality/``.

=========================  =====================  ========  ========  ===========================
check                      asset                  severity  blocking  what
=========================  =====================  ========  ========  ===========================
reports_suite              raw/reports            ERROR     yes       GX: schema, ids, non-empty
                                                                      text (rows of the window)
reports_rules              raw/reports            WARN      no        GX: published date range,
                                                                      language, ids with different
                                                                      content
reports_quarantine_share   raw/reports            ERROR     yes       share of the run's reports
                                                                      quarantined ≤ max share
sources_have_data          raw/reports            ERROR     yes       no source silent N runs
facts_suite                raw/extracted_facts    ERROR     yes       GX: contract enums, evidence
                                                                      in text, dates ≤ published
facts_reference            raw/extracted_facts    WARN      no        GX: actors in dim_actor,
                                                                      unit keys in dim_unit
mart_gate                  fct_control_changes,   ERROR     yes       GX: row count vs published
                           fct_claims, dim_report,                    (max shrink), no orphans,
                           export_acled_events,                       keys present and unique
                           mart_tracker_crosscheck
reference_suite            reference/<each of     ERROR     yes       GX on the latest load_version:
                           the 8 tables>                              P-codes, keys, names, population
                                                                      sums, unit types, flagged names,
                                                                      census totals when full (330)
reference_shrink           reference/<each>       ERROR     yes       latest load removes at most
                                                                      5% of the previous load's rows
                                                                      (names the dimension)
reference_rules            reference/townships,   WARN      no        GX: coordinates in Myanmar,
                           census_workbook, towns,                    urban_pct, garrisons and ward
                           wards_village_tracts,                      townships resolved, tracker
                           units, town_control_events                 townIds resolved
=========================  =====================  ========  ========  ===========================

The checks on the partitioned raw assets are partitioned too and read the rows of the run's
partition window (one day or a single-run range) from ``context.partition_time_window``;
without a partition they read the rows the current run wrote (``run_id``). Every check
reads the build warehouse read-only and closes it (``sources_have_data`` also records the
run's per-source counts in ``meta.source_runs`` when the asset did not). The reference
checks validate the latest ``load_version`` of ``reference.<table>`` (suites in
``quality/reference_suite.py``); a failing ``reference_suite`` stops the dbt reference
models of the ``reference_refresh`` job. Great
Expectations is imported lazily, the first time a suite runs.
"""

import datetime as dt
from pathlib import Path
from typing import Any

from dagster import (
    AssetCheckExecutionContext, AssetCheckResult, AssetCheckSeverity, AssetKey, MetadataValue,
    asset_check,
)

from orchestration.partitions import daily_partitions
from orchestration.resources import PublishResource, WarehouseResource

RAW_REPORTS = AssetKey(["raw", "reports"])
RAW_FACTS = AssetKey(["raw", "extracted_facts"])
# Marts gated before the publish (the fact models, the report dimension, the ACLED export and
# the tracker cross-check); a key expression per mart that must be present and unique.
GATED_MARTS = ("fct_control_changes", "fct_claims", "dim_report", "export_acled_events", "mart_tracker_crosscheck")
MART_KEYS = {
    "fct_control_changes": "fact_id", "fct_claims": "fact_id", "dim_report": "report_id",
    "export_acled_events": "event_id_cnty",
    "mart_tracker_crosscheck": "scope || ':' || coalesce(town_pcode, '')",
}


# ---------------------------------------------------------------- helpers


def _settings():
    from quality.settings import QualitySettings

    return QualitySettings.from_env()


def _run_id(context: AssetCheckExecutionContext) -> str:
    return context.run.run_id


def partition_window(context: AssetCheckExecutionContext) -> tuple[dt.date, dt.date] | None:
    """[start, end) days of the run's partition (or range); None when not partitioned."""
    try:
        if context.has_partition_key or context.has_partition_key_range:
            window = context.partition_time_window
            return window.start.date(), window.end.date()
    except Exception:  # noqa: BLE001 - unpartitioned run of a partitioned check
        return None
    return None


def _metadata(result, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Suite result → Dagster check metadata (numbers as numbers, the rest as JSON)."""
    meta = result.metadata() if result is not None else {}
    meta.update(extra or {})
    out: dict[str, Any] = {}
    for k, v in meta.items():
        if isinstance(v, bool) or v is None:
            out[k] = MetadataValue.text(str(v))
        elif isinstance(v, (int, float, str)):
            out[k] = v
        else:
            out[k] = MetadataValue.json(v)
    return out


def _window_text(window: tuple[dt.date, dt.date] | None, run_id: str) -> str:
    return f"[{window[0]}, {window[1]})" if window else f"rows of run {run_id}"


def _empty_result(name: str) -> Any:
    from quality.validation import SuiteResult

    return SuiteResult(suite=name, rows=0)


def read_reports_frame(con, window: tuple[dt.date, dt.date] | None, run_id: str):
    """raw.reports rows to validate: in the window (or loaded by this run), the versions this
    run loaded plus the latest earlier version of each id (so a changed text is visible)."""
    from ingestion.tables import table_exists

    if not table_exists(con, "raw", "reports"):
        return None
    where = "published_date >= ? and published_date < ?" if window else "run_id = ?"
    params: list[Any] = list(window) if window else [run_id]
    return con.execute(f"""
        with scope as (select * from raw.reports where {where}),
        earlier as (
            select * from raw.reports
            where id in (select id from scope) and run_id is distinct from ?
            qualify row_number() over (partition by id order by version desc) = 1
        )
        select id, published_date, language, text, content_hash, version, run_id, source
        from scope where run_id = ? or version = (select max(version) from raw.reports r where r.id = scope.id)
        union
        select id, published_date, language, text, content_hash, version, run_id, source from earlier
        """, [*params, run_id, run_id]).df()


_reports_cache: dict[tuple, Any] = {}


def _validated_reports(context, warehouse: WarehouseResource):
    """One GX validation of the run's report rows, shared by the two report checks."""
    from quality.suites import validate_reports

    window, run_id = partition_window(context), _run_id(context)
    key = (run_id, window, warehouse.path)
    if key not in _reports_cache:
        with warehouse.connect(read_only=True) as con:
            frame = read_reports_frame(con, window, run_id)
        result = _empty_result("raw_reports") if frame is None or frame.empty else validate_reports(frame, _settings())
        _reports_cache.clear()
        _reports_cache[key] = result
    return _reports_cache[key], window, run_id


def _latest_materialization(context, key: AssetKey) -> dict[str, Any] | None:
    """Metadata of the asset's materialization in this run, if any."""
    try:
        event = context.instance.get_latest_materialization_event(key)
    except Exception:  # noqa: BLE001
        return None
    if event is None or event.run_id != _run_id(context):
        return None
    mat = event.asset_materialization
    return {k: getattr(v, "value", v) for k, v in (mat.metadata or {}).items()} if mat else None


# ---------------------------------------------------------------- raw/reports


@asset_check(asset=RAW_REPORTS, name="reports_suite", blocking=True, partitions_def=daily_partitions,
             description="GX suite on the partition's raw reports: schema, ids, non-empty text, "
             "hashed content (ERROR, blocks extraction).")
def reports_suite(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
    result, window, run_id = _validated_reports(context, warehouse)
    errors = [o.label() for o in result.errors] + ([f"gx_error: {result.error}"] if result.error else [])
    return AssetCheckResult(
        passed=not errors, severity=AssetCheckSeverity.ERROR,
        description=("ok" if not errors else "failed: " + ", ".join(errors)),
        metadata=_metadata(result, {"scope": _window_text(window, run_id)}))


@asset_check(asset=RAW_REPORTS, name="reports_rules", blocking=False, partitions_def=daily_partitions,
             description="GX: publication dates within [earliest, today], language allowed, no id "
             "delivered with different texts (WARN: such rows are quarantined before extraction).")
def reports_rules(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
    result, window, run_id = _validated_reports(context, warehouse)
    warnings = [o.label() for o in result.warnings]
    return AssetCheckResult(
        passed=not warnings, severity=AssetCheckSeverity.WARN,
        description=("ok" if not warnings else "flagged: " + ", ".join(warnings)),
        metadata=_metadata(result, {"scope": _window_text(window, run_id)}))


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

    settings, run_id = _settings(), _run_id(context)
    with warehouse.connect(read_only=True) as con:
        counts = run_report_counts(con, run_id, _latest_materialization(context, RAW_REPORTS))
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

    settings, run_id = _settings(), _run_id(context)
    mat = _latest_materialization(context, RAW_REPORTS) or {}
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


# ---------------------------------------------------------------- raw/extracted_facts


def read_facts_frame(con, window: tuple[dt.date, dt.date] | None, run_id: str):
    """(fact rows, report id → text) for the window (or this run's rows)."""
    from ingestion.tables import table_exists

    if not table_exists(con, "raw", "extracted_facts"):
        return None, {}
    where = "published_date >= ? and published_date < ?" if window else "run_id = ?"
    params: list[Any] = list(window) if window else [run_id]
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


@asset_check(asset=RAW_FACTS, name="facts_suite", blocking=True, partitions_def=daily_partitions,
             description="GX suite on the partition's facts: contract enums, required fields, evidence "
             "is a passage of the report, dates not after publication (ERROR, blocks dbt).")
def facts_suite(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
    from quality.suites import validate_facts

    window, run_id = partition_window(context), _run_id(context)
    with warehouse.connect(read_only=True) as con:
        facts, texts = read_facts_frame(con, window, run_id)
    result = _empty_result("extracted_facts") if facts is None or facts.empty else \
        validate_facts(facts, texts, _settings())
    errors = [o.label() for o in result.errors] + ([f"gx_error: {result.error}"] if result.error else [])
    return AssetCheckResult(
        passed=not errors, severity=AssetCheckSeverity.ERROR,
        description="ok" if not errors else "failed: " + ", ".join(errors),
        metadata=_metadata(result, {"scope": _window_text(window, run_id)}))


_NAME_COLUMNS = {"dim_actor": ("actor_name", "name", "canonical_name"), "dim_unit": ("unit_key", "key")}


def dimension_values(con, table: str) -> list[str] | None:
    """Names of dim_actor (or keys of dim_unit); None when the dimension does not exist."""
    cols = [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_schema = 'main' "
        "and table_name = ?", [table]).fetchall()]
    for c in _NAME_COLUMNS[table]:
        if c in cols:
            return [r[0] for r in con.execute(f'select distinct "{c}" from main."{table}" '
                                              f'where "{c}" is not null').fetchall()]
    return None


@asset_check(asset=RAW_FACTS, name="facts_reference", blocking=False, partitions_def=daily_partitions,
             description="GX: actor_to/actor_from are dim_actor names and unit_key is in dim_unit, "
             "when those dimensions exist (WARN).")
def facts_reference(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
    from quality.suites import validate_fact_references

    window, run_id = partition_window(context), _run_id(context)
    with warehouse.connect(read_only=True) as con:
        facts, _ = read_facts_frame(con, window, run_id)
        actors, units = dimension_values(con, "dim_actor"), dimension_values(con, "dim_unit")
    if facts is None or facts.empty or (actors is None and units is None):
        return AssetCheckResult(passed=True, severity=AssetCheckSeverity.WARN,
                                description="nothing to check (no facts or no dimensions yet)",
                                metadata={"dim_actor": actors is not None, "dim_unit": units is not None})
    result = validate_fact_references(facts, actors, units, _settings())
    warnings = [o.label() for o in result.failed]
    return AssetCheckResult(
        passed=not warnings and result.error is None, severity=AssetCheckSeverity.WARN,
        description="ok" if not warnings else "unresolved: " + ", ".join(warnings),
        metadata=_metadata(result, {"scope": _window_text(window, run_id)}))


# ---------------------------------------------------------------- marts → publish


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

    settings = _settings()
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
    errors = [o.label() for o in result.errors] + ([f"gx_error: {result.error}"] if result.error else [])
    return AssetCheckResult(
        passed=not errors, severity=AssetCheckSeverity.ERROR,
        description=(f"{len(frame)} rows (published: {previous})" if not errors
                     else f"{table}: " + ", ".join(errors) + f" ({len(frame)} rows, published {previous})"),
        metadata=_metadata(result, {"rows": len(frame), "published_rows": previous if previous is not None else -1,
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


# ---------------------------------------------------------------- reference/<table>

# Reference tables with "warn" expectations get a second, non-blocking check (reference_rules).
REFERENCE_RULE_TABLES = ("townships", "census_workbook", "towns", "wards_village_tracts", "units",
                         "town_control_events")
_reference_cache: dict[tuple, Any] = {}


def _validated_reference(context, warehouse: WarehouseResource, table: str):
    """One GX validation of the latest load of reference.<table> per run, shared by its two checks."""
    from quality.reference_suite import validate_latest

    key = (_run_id(context), warehouse.path, table)
    if key not in _reference_cache:
        with warehouse.connect(read_only=True) as con:
            result, version = validate_latest(con, table, _settings())
        if any(k[0] != key[0] for k in _reference_cache):
            _reference_cache.clear()  # keep only the current run's validations
        _reference_cache[key] = (result, version)
    return _reference_cache[key]


def _reference_extra(table: str, version: int | None, result) -> dict[str, Any]:
    return {"table": f"reference.{table}", "load_version": version if version is not None else -1,
            "full_census": result.suite.endswith("_full")}


def reference_suite_result(table: str, warehouse: WarehouseResource, context=None) -> AssetCheckResult:
    """ERROR result of the table's GX suite (structural faults)."""
    if context is None:
        from quality.reference_suite import validate_latest

        with warehouse.connect(read_only=True) as con:
            result, version = validate_latest(con, table, _settings())
    else:
        result, version = _validated_reference(context, warehouse, table)
    errors = [o.label() for o in result.errors] + ([f"gx_error: {result.error}"] if result.error else [])
    scope = f"reference.{table} load_version {version}" if version is not None else f"reference.{table}: no rows"
    return AssetCheckResult(
        passed=not errors, severity=AssetCheckSeverity.ERROR,
        description=(f"ok ({scope}, {result.rows} rows)" if not errors
                     else f"{scope}: failed " + ", ".join(errors)),
        metadata=_metadata(result, _reference_extra(table, version, result)))


def _reference_suite_check(table: str):
    @asset_check(asset=AssetKey(["reference", table]), name="reference_suite", blocking=True,
                 description=f"GX suite on the latest load of reference.{table}: P-code shapes, unique keys, "
                 "names, population arithmetic, contract types, known defects fixed, census totals when the "
                 "full census is loaded (ERROR, blocks the dbt reference models).")
    def _check(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
        return reference_suite_result(table, warehouse, context)

    return _check


def _reference_rules_check(table: str):
    @asset_check(asset=AssetKey(["reference", table]), name="reference_rules", blocking=False,
                 description=f"GX soft rules on the latest load of reference.{table}: coordinates within "
                 "Myanmar, urban_pct consistent, garrisons / ward townships resolved (WARN).")
    def _check(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
        result, version = _validated_reference(context, warehouse, table)
        warnings = [o.label() for o in result.warnings]
        return AssetCheckResult(
            passed=not warnings and result.error is None, severity=AssetCheckSeverity.WARN,
            description="ok" if not warnings else "flagged: " + ", ".join(warnings),
            metadata=_metadata(result, _reference_extra(table, version, result)))

    return _check


townships_reference_suite = _reference_suite_check("townships")
towns_reference_suite = _reference_suite_check("towns")
census_workbook_reference_suite = _reference_suite_check("census_workbook")
area_codes_reference_suite = _reference_suite_check("area_codes")
wards_village_tracts_reference_suite = _reference_suite_check("wards_village_tracts")
units_reference_suite = _reference_suite_check("units")
armed_groups_reference_suite = _reference_suite_check("armed_groups")
town_control_events_reference_suite = _reference_suite_check("town_control_events")

townships_reference_rules = _reference_rules_check("townships")
census_workbook_reference_rules = _reference_rules_check("census_workbook")
towns_reference_rules = _reference_rules_check("towns")
wards_village_tracts_reference_rules = _reference_rules_check("wards_village_tracts")
units_reference_rules = _reference_rules_check("units")
town_control_events_reference_rules = _reference_rules_check("town_control_events")

# The dimension each reference table feeds: a shrink names both.
REFERENCE_DIMENSIONS = {"townships": "dim_place", "towns": "dim_place", "census_workbook": "dim_place",
                        "area_codes": "dim_place", "wards_village_tracts": "dim_place",
                        "units": "dim_unit", "armed_groups": "dim_actor"}


def reference_load_counts(con, table: str) -> tuple[int | None, int] | None:
    """(rows of the previous load_version, rows of the latest) of reference.<table>; None
    before the first load; previous None after the first."""
    from ingestion.reference.store import LOG_TABLE
    from ingestion.tables import table_exists

    schema, name = LOG_TABLE.split(".")
    if not table_exists(con, schema, name):
        return None
    rows = con.execute(f"select row_count from {LOG_TABLE} where table_name = ? "
                       "order by load_version desc limit 2", [table]).fetchall()
    if not rows:
        return None
    return (int(rows[1][0]) if len(rows) > 1 else None), int(rows[0][0])


def reference_shrink_result(table: str, warehouse: WarehouseResource) -> AssetCheckResult:
    from quality.rules import shrink_share, shrunk_tables

    settings = _settings()
    with warehouse.connect(read_only=True) as con:
        counts = reference_load_counts(con, table)
    dimension = REFERENCE_DIMENSIONS[table]
    if counts is None:
        return AssetCheckResult(passed=True, severity=AssetCheckSeverity.ERROR,
                                description=f"reference.{table}: not loaded yet")
    previous, current = counts
    shrunk = shrunk_tables({f"reference.{table}": (previous, current)}, settings.max_reference_shrink)
    return AssetCheckResult(
        passed=not shrunk, severity=AssetCheckSeverity.ERROR,
        description=(f"reference.{table}: {previous} → {current} rows" if not shrunk else
                     f"{dimension} would shrink: {shrunk[0]}, more than "
                     f"{settings.max_reference_shrink:.0%} (FRONTLINE_QC_MAX_REFERENCE_SHRINK); "
                     "not published. Check where the reference files come from (sources.yaml "
                     "reference_source, FRONTLINE_REFERENCE_SOURCE)."),
        metadata={"dimension": dimension, "previous_rows": previous if previous is not None else -1,
                  "rows": current, "shrink_share": round(shrink_share(previous, current), 4),
                  "max_reference_shrink": settings.max_reference_shrink})


def _reference_shrink_check(table: str):
    @asset_check(asset=AssetKey(["reference", table]), name="reference_shrink", blocking=True,
                 description=f"Systemic: the latest load of reference.{table} removes at most "
                 f"FRONTLINE_QC_MAX_REFERENCE_SHRINK (default 5%) of the previous load's rows, else "
                 f"{REFERENCE_DIMENSIONS[table]} is not rebuilt nor published (ERROR).")
    def _check(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
        return reference_shrink_result(table, warehouse)

    return _check


REFERENCE_SHRINK_CHECKS = [_reference_shrink_check(t) for t in REFERENCE_DIMENSIONS]
townships_reference_shrink, towns_reference_shrink, census_workbook_reference_shrink, \
    area_codes_reference_shrink, wards_village_tracts_reference_shrink, units_reference_shrink, \
    armed_groups_reference_shrink = REFERENCE_SHRINK_CHECKS

REFERENCE_CHECKS = [
    townships_reference_suite, towns_reference_suite, census_workbook_reference_suite,
    area_codes_reference_suite, wards_village_tracts_reference_suite, units_reference_suite,
    armed_groups_reference_suite, townships_reference_rules, census_workbook_reference_rules,
    towns_reference_rules, wards_village_tracts_reference_rules, units_reference_rules,
    town_control_events_reference_suite, town_control_events_reference_rules,
    *REFERENCE_SHRINK_CHECKS,
]
