"""Checks on reference/<table>: the GX suite (blocking) and soft rules (WARN) on the latest
load_version, from one validation (not run again while nothing it reads changed since the
last passing one: the fingerprint of its inputs is recorded in the checks' metadata); the
shrink gate against the previous load."""

from collections.abc import Iterator
from typing import Any

from dagster import (
    AssetCheckExecutionContext, AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetKey,
    asset_check, multi_asset_check,
)

from orchestration.assets.reference import REFERENCE_TABLES
from orchestration.resources import WarehouseResource
from quality.checks.common import check_metadata, error_labels, quality_settings

# Reference tables with "warn" expectations get a second, non-blocking check (reference_rules).
REFERENCE_RULE_TABLES = ("townships", "census_workbook", "towns", "wards_village_tracts", "units",
                         "town_control_events")


def _validate(table: str, warehouse: WarehouseResource, con=None):
    """(GX result, load_version) of the latest load of reference.<table> (through ``con``, a
    read-only connection of the step, when given)."""
    from quality.reference_suite import validate_latest

    if con is not None:
        return validate_latest(con, table, quality_settings())
    with warehouse.connect(read_only=True) as own:
        return validate_latest(own, table, quality_settings())


def _reference_extra(table: str, version: int | None, result) -> dict[str, Any]:
    return {"table": f"reference.{table}", "load_version": version if version is not None else -1,
            "full_census": result.suite.endswith("_full")}


def suite_result(table: str, result, version: int | None, extra: dict[str, Any] | None = None) -> AssetCheckResult:
    """ERROR result of the table's GX suite (structural faults)."""
    errors = error_labels(result)
    scope = f"reference.{table} load_version {version}" if version is not None else f"reference.{table}: no rows"
    return AssetCheckResult(
        check_name="reference_suite", asset_key=AssetKey(["reference", table]),
        passed=not errors, severity=AssetCheckSeverity.ERROR,
        description=(f"ok ({scope}, {result.rows} rows)" if not errors
                     else f"{scope}: failed " + ", ".join(errors)),
        metadata=check_metadata(result, _reference_extra(table, version, result) | (extra or {})))


def rules_result(table: str, result, version: int | None, extra: dict[str, Any] | None = None) -> AssetCheckResult:
    """WARN result of the table's soft rules."""
    warnings = [o.label() for o in result.warnings]
    return AssetCheckResult(
        check_name="reference_rules", asset_key=AssetKey(["reference", table]),
        passed=not warnings and result.error is None, severity=AssetCheckSeverity.WARN,
        description="ok" if not warnings else "flagged: " + ", ".join(warnings),
        metadata=check_metadata(result, _reference_extra(table, version, result) | (extra or {})))


def reference_suite_result(table: str, warehouse: WarehouseResource) -> AssetCheckResult:
    """The ``reference_suite`` result of a table, validated now (for callers outside a run)."""
    return suite_result(table, *_validate(table, warehouse))


def _suite_spec(table: str) -> AssetCheckSpec:
    return AssetCheckSpec(
        "reference_suite", asset=AssetKey(["reference", table]), blocking=True,
        description=f"GX suite on the latest load of reference.{table}: P-code shapes, unique keys, "
        "names, population arithmetic, contract types, known defects fixed, census totals when the "
        "full census is loaded (ERROR, blocks the dbt reference models).")


def _rules_spec(table: str) -> AssetCheckSpec:
    return AssetCheckSpec(
        "reference_rules", asset=AssetKey(["reference", table]), blocking=False,
        description=f"GX soft rules on the latest load of reference.{table}: coordinates within "
        "Myanmar, urban_pct consistent, garrisons / ward townships resolved (WARN).")


FINGERPRINT = "inputs_fingerprint"  # check metadata: quality.reference_suite.validation_fingerprint
_AGAIN = ", not validated again: "


def _fingerprint(table: str, con) -> str:
    from quality.reference_suite import validation_fingerprint

    return validation_fingerprint(con, table, quality_settings())


def results_if_unchanged(instance, table: str, check_names: list[str], fingerprint: str) -> list[AssetCheckResult] | None:
    """The table's check results again, when the last evaluation of each of ``check_names``
    recorded ``fingerprint`` and the suite passed then (nothing its validation reads has
    changed since); None: validate."""
    from dagster import AssetCheckKey
    from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus as Status

    asset = AssetKey(["reference", table])
    out = []
    for name in check_names:
        # the latest evaluated one (this run's own record is only planned yet)
        records = instance.event_log_storage.get_asset_check_execution_history(
            AssetCheckKey(asset, name), limit=1, status={Status.SUCCEEDED, Status.FAILED})
        record = records[0] if records else None
        event = record.event.dagster_event if record is not None and record.event is not None else None
        evaluation = event.event_specific_data if event is not None else None
        recorded = getattr(evaluation, "metadata", None) or {}
        if getattr(recorded.get(FINGERPRINT), "value", None) != fingerprint:
            return None
        if name == "reference_suite" and not evaluation.passed:
            return None
        validated_in = getattr(recorded.get("validated_in_run"), "value", None) or record.run_id
        described = (evaluation.description or "").split(_AGAIN, 1)[-1]
        out.append(AssetCheckResult(
            check_name=name, asset_key=asset, passed=evaluation.passed, severity=evaluation.severity,
            description=f"unchanged since run {validated_in}{_AGAIN}{described}",
            metadata={**recorded, "validated_in_run": validated_in}))
    return out


def _suite_results(context: AssetCheckExecutionContext, table: str, names: list[str], warehouse: WarehouseResource,
                   con) -> Iterator[AssetCheckResult]:
    """The suite (and, for tables with soft rules, the rules) of one table: one validation,
    skipped when nothing it reads changed since the last passing one (same
    ``validation_fingerprint``: same load of the table, suite code, settings, GX)."""
    fingerprint = _fingerprint(table, con)
    again = results_if_unchanged(context.instance, table, names, fingerprint)
    if again is not None:
        context.log.info(f"reference.{table}: unchanged since the last passing validation, not validated again")
        yield from again
        return
    result, version = _validate(table, warehouse, con=con)
    if "reference_suite" in names:
        yield suite_result(table, result, version, {FINGERPRINT: fingerprint})
    if "reference_rules" in names:
        yield rules_result(table, result, version, {FINGERPRINT: fingerprint})


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


def reference_shrink_result(table: str, warehouse: WarehouseResource, con=None) -> AssetCheckResult:
    from quality.rules import shrink_share, shrunk_tables

    settings = quality_settings()
    if con is not None:
        counts = reference_load_counts(con, table)
    else:
        with warehouse.connect(read_only=True) as own:
            counts = reference_load_counts(own, table)
    dimension = REFERENCE_DIMENSIONS[table]
    if counts is None:
        return AssetCheckResult(check_name="reference_shrink", asset_key=AssetKey(["reference", table]),
                                passed=True, severity=AssetCheckSeverity.ERROR,
                                description=f"reference.{table}: not loaded yet")
    previous, current = counts
    shrunk = shrunk_tables({f"reference.{table}": (previous, current)}, settings.max_reference_shrink)
    return AssetCheckResult(
        check_name="reference_shrink", asset_key=AssetKey(["reference", table]),
        passed=not shrunk, severity=AssetCheckSeverity.ERROR,
        description=(f"reference.{table}: {previous} → {current} rows" if not shrunk else
                     f"{dimension} would shrink: {shrunk[0]}, more than "
                     f"{settings.max_reference_shrink:.0%} (FRONTLINE_QC_MAX_REFERENCE_SHRINK); "
                     "not published. Check where the reference files come from (sources.yaml "
                     "reference_source, FRONTLINE_REFERENCE_SOURCE)."),
        metadata={"dimension": dimension, "previous_rows": previous if previous is not None else -1,
                  "rows": current, "shrink_share": round(shrink_share(previous, current), 4),
                  "max_reference_shrink": settings.max_reference_shrink})


def _shrink_spec(table: str) -> AssetCheckSpec:
    return AssetCheckSpec(
        "reference_shrink", asset=AssetKey(["reference", table]), blocking=True,
        description=f"Systemic: the latest load of reference.{table} removes at most "
        f"FRONTLINE_QC_MAX_REFERENCE_SHRINK (default 5%) of the previous load's rows, else "
        f"{REFERENCE_DIMENSIONS[table]} is not rebuilt nor published (ERROR).")


def _table_specs(table: str) -> list[AssetCheckSpec]:
    return [_suite_spec(table), *([_rules_spec(table)] if table in REFERENCE_RULE_TABLES else []),
            *([_shrink_spec(table)] if table in REFERENCE_DIMENSIONS else [])]


# Every check of every reference table in one step: a night whose reference files did not
# change runs 15 checks that each find nothing to do (the suites skip, the shrink reads two
# counts); as one step per check they cost a Dagster step and a DuckDB connection apiece
# (15 steps, 23 connections, about 1 s of a night: `make bench-backfill`). One step, one
# read-only connection; the checks, their names, severities and blocking are the same.
@multi_asset_check(name="reference_checks", specs=[spec for t in REFERENCE_TABLES for spec in _table_specs(t)],
                   can_subset=True)
def reference_checks(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> Iterator[AssetCheckResult]:
    selected: dict[str, list[str]] = {}
    for key in context.selected_asset_check_keys:
        selected.setdefault(key.asset_key.path[-1], []).append(key.name)
    with warehouse.connect(read_only=True) as con:
        for table in REFERENCE_TABLES:  # in a fixed order
            names = selected.get(table, [])
            suite_names = [n for n in ("reference_suite", "reference_rules") if n in names]
            if suite_names:
                yield from _suite_results(context, table, suite_names, warehouse, con)
            if "reference_shrink" in names:
                yield reference_shrink_result(table, warehouse, con=con)


REFERENCE_CHECKS = [reference_checks]
REFERENCE_SUITE_CHECKS = REFERENCE_CHECKS  # the suites, the rules and the shrink gates: one multi-asset check
CHECKS = REFERENCE_CHECKS
