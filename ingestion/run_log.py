"""``meta.runs``: one row per run, so a BI user sees how fresh and how clean the data is."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

DDL = """
create table if not exists meta.runs (
    run_id varchar,
    partition_start date,
    partition_end date,
    status varchar,            -- published | failed
    finished_at timestamp,
    checks_passed integer,
    checks_failed integer,
    failed_checks varchar,     -- JSON list of check names
    rows_json varchar,         -- JSON {asset: {in, out, quarantined}}
    details_json varchar
)
"""


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists meta")
    con.execute(DDL)


def record_run(con: duckdb.DuckDBPyConnection, *, run_id: str, partition_start: dt.date,
               partition_end: dt.date, status: str, finished_at: dt.datetime,
               checks_passed: int | None = None, checks_failed: int | None = None,
               failed_checks: list[str] | None = None, rows: dict[str, Any] | None = None,
               details: dict[str, Any] | None = None) -> None:
    """Insert or replace the row of one run."""
    ensure_schema(con)
    con.execute("delete from meta.runs where run_id = ?", [run_id])
    con.execute(
        "insert into meta.runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [run_id, partition_start, partition_end, status, finished_at, checks_passed, checks_failed,
         json.dumps(failed_checks or []), json.dumps(rows or {}, default=str),
         json.dumps(details or {}, default=str)],
    )
