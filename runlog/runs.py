"""``meta.runs``: one row per run, so a BI user sees how fresh and how clean the data is."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from ingestion import duck, tables

_COLUMNS = ("run_id", "partition_start", "partition_end", "status", "finished_at", "checks_passed",
            "checks_failed", "failed_checks", "rows_json", "details_json", "failed_sources")


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``meta.runs`` if missing (DDL: ``ingestion.tables``)."""
    tables.ensure(con, "meta.runs")


def record_run(con: duckdb.DuckDBPyConnection, *, run_id: str, partition_start: dt.date,
               partition_end: dt.date, status: str, finished_at: dt.datetime,
               checks_passed: int | None = None, checks_failed: int | None = None,
               failed_checks: list[str] | None = None, rows: dict[str, Any] | None = None,
               details: dict[str, Any] | None = None, failed_sources: list[str] | None = None) -> None:
    """Insert or replace the row of one run. Keys of the earlier row's ``details_json`` that
    ``details`` does not set are kept (e.g. the PostgreSQL outcome the publish recorded
    before the run failed)."""
    ensure_schema(con)
    before = con.execute("select details_json from meta.runs where run_id = ?", [run_id]).fetchall()
    if before and before[0][0]:
        try:
            kept = json.loads(before[0][0])
        except ValueError:
            kept = {}
        if isinstance(kept, dict):
            details = {**kept, **(details or {})}
    con.execute("delete from meta.runs where run_id = ?", [run_id])
    con.execute(
        f"insert into meta.runs ({', '.join(_COLUMNS)}) values ({', '.join('?' * len(_COLUMNS))})",
        [run_id, partition_start, partition_end, status, finished_at, checks_passed, checks_failed,
         json.dumps(failed_checks or []), json.dumps(rows or {}, default=str),
         json.dumps(details or {}, default=str), json.dumps(failed_sources or [])],
    )


def record_report(con: duckdb.DuckDBPyConnection, *, run_id: str, partition_start: dt.date | None,
                  partition_end: dt.date | None, status: str, report: dict[str, Any],
                  finished_at: dt.datetime | None = None, details: dict[str, Any] | None = None) -> None:
    """Record a run from its run report (``runlog.report.summarize_*``): checks
    passed/failed (+ warned and failed steps in ``details_json``) and rows per asset."""
    record_run(
        con, run_id=run_id, partition_start=partition_start, partition_end=partition_end,
        status=status, finished_at=finished_at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        checks_passed=len(report.get("checks_passed", [])),
        checks_failed=len(report.get("checks_failed", [])),
        failed_checks=list(report.get("checks_failed", [])),
        rows=report.get("rows", {}),
        failed_sources=list(report.get("failed_sources", [])),
        details={"checks_passed": report.get("checks_passed", []),
                 "checks_warned": report.get("checks_warned", []),
                 "failed_steps": report.get("failed_steps", []), **(details or {})},
    )


def record_failed_run(warehouse_path, *, run_id: str, partition_start: dt.date | None,
                      partition_end: dt.date | None, report: dict[str, Any]) -> bool:
    """After a run that did not publish: record it (status ``failed``) in the *build*
    warehouse's meta.runs, so the next publish carries it. Returns False when the build
    warehouse cannot be opened (then there is nothing to carry anyway)."""
    from pathlib import Path

    path = Path(warehouse_path)
    if not path.exists():
        return False
    try:
        con = duck.connect(str(path))
    except duckdb.Error:
        return False
    try:
        record_report(con, run_id=run_id, partition_start=partition_start, partition_end=partition_end,
                      status="failed", report=report)
    finally:
        con.close()
    return True
