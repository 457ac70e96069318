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


def _validate(table: str, warehouse: WarehouseResource):
    """(GX result, load_version) of the latest load of reference.<table>."""
    from quality.reference_suite import validate_latest

    with warehouse.connect(read_only=True) as con:
        return validate_latest(con, table, quality_settings())


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


def _fingerprint(table: str, warehouse: WarehouseResource) -> str:
    from quality.reference_suite import validation_fingerprint

    with warehouse.connect(read_only=True) as con:
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


def _reference_checks(table: str):
    """The suite (and, for tables with soft rules, the rules) of one table: one validation,
    skipped when nothing it reads changed since the last passing one (same
    ``validation_fingerprint``: same load of the table, suite code, settings, GX)."""
    with_rules = table in REFERENCE_RULE_TABLES
    specs = [_suite_spec(table), *([_rules_spec(table)] if with_rules else [])]

    @multi_asset_check(name=f"reference_{table}_suite", specs=specs)
    def _check(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> Iterator[AssetCheckResult]:
        fingerprint = _fingerprint(table, warehouse)
        again = results_if_unchanged(context.instance, table, [spec.name for spec in specs], fingerprint)
        if again is not None:
            context.log.info(f"reference.{table}: unchanged since the last passing validation, not validated again")
            yield from again
            return
        result, version = _validate(table, warehouse)
        yield suite_result(table, result, version, {FINGERPRINT: fingerprint})
        if with_rules:
            yield rules_result(table, result, version, {FINGERPRINT: fingerprint})

    return _check


REFERENCE_SUITE_CHECKS = [_reference_checks(t) for t in REFERENCE_TABLES]

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

    settings = quality_settings()
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

REFERENCE_CHECKS = [*REFERENCE_SUITE_CHECKS, *REFERENCE_SHRINK_CHECKS]
CHECKS = REFERENCE_CHECKS
