"""The warehouse tables of the quality layer: ``quarantine.facts`` and ``meta.source_runs``,
and the writer that sends rejected reports to ``quarantine.reports`` (via ingestion.raw_store).

Functions take an open DuckDB connection and never open one themselves.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import duckdb

from quality.rules import Rejected

QUARANTINE_FACTS_DDL = """
create table if not exists quarantine.facts (
    fact_id        varchar,
    report_id      varchar,
    published_date date,
    kind           varchar,
    rule           varchar   not null,
    reason         varchar   not null,
    row_json       varchar,
    run_id         varchar,
    quarantined_at timestamp not null
)"""

SOURCE_RUNS_DDL = """
create table if not exists meta.source_runs (
    run_id          varchar,
    partition_start date,
    partition_end   date,
    source          varchar,
    reports         integer,   -- readable reports the source returned
    errors          integer,   -- unreadable reports (quarantined)
    failed          boolean,   -- the source failed as a whole
    recorded_at     timestamp
)"""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, table]).fetchall()[0][0])


# ---------------------------------------------------------------- quarantine.facts


def ensure_quarantine_facts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists quarantine")
    con.execute(QUARANTINE_FACTS_DDL)


def quarantine_facts(con: duckdb.DuckDBPyConnection, rejected: Iterable[Rejected], run_id: str | None,
                     start: str | dt.date | None = None, end: str | dt.date | None = None) -> int:
    """Write rejected fact rows with their rule and reason. Rows this run already wrote for
    the window [start, end) are replaced first, so re-running a step does not double them."""
    ensure_quarantine_facts(con)
    rows = []
    now = _now()
    for r in rejected:
        row = dict(r.row)
        rows.append((row.get("fact_id"), row.get("report_id"), _date(row.get("published_date")),
                     row.get("kind"), r.rule, r.reason, json.dumps(row, default=str)[:8000], run_id, now))
    if start is not None and end is not None:
        con.execute("delete from quarantine.facts where run_id is not distinct from ? "
                    "and published_date >= ? and published_date < ?", [run_id, start, end])
    if rows:
        con.executemany("insert into quarantine.facts values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- quarantine.reports


def quarantine_rejected_reports(con: duckdb.DuckDBPyConnection, rejected: Sequence[Rejected],
                                run_id: str | None) -> int:
    """Readable reports that broke a rule → ``quarantine.reports`` (rule = the rule's name)."""
    from ingestion import raw_store
    from ingestion.reports import ReportError

    by_rule: dict[str, list[ReportError]] = {}
    for r in rejected:
        report = r.row
        raw = json.dumps(report.to_dict(), ensure_ascii=False, default=str)[:4000]
        by_rule.setdefault(r.rule, []).append(ReportError(
            origin=report.url or f"report:{report.id}", reason=r.reason, report_id=report.id,
            raw=raw, source=report.source))
    return sum(raw_store.quarantine_reports(con, errors, run_id=run_id, rule=rule)
               for rule, errors in by_rule.items())


# ---------------------------------------------------------------- meta.source_runs


def ensure_source_runs(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists meta")
    con.execute(SOURCE_RUNS_DDL)


def record_source_runs(con: duckdb.DuckDBPyConnection, run_id: str, counts: Mapping[str, Any],
                       partition_start: dt.date | None = None,
                       partition_end: dt.date | None = None) -> int:
    """One row per source for this run (replacing the run's earlier rows). ``counts``: source
    name → ``SourceCounts`` or a dict with ``reports``, ``errors``, ``failed``."""
    ensure_source_runs(con)
    con.execute("delete from meta.source_runs where run_id = ?", [run_id])
    now = _now()
    rows = []
    for name, c in sorted(counts.items()):
        get = (lambda k, c=c: c.get(k)) if isinstance(c, Mapping) else (lambda k, c=c: getattr(c, k, None))
        rows.append((run_id, partition_start, partition_end, name, int(get("reports") or 0),
                     int(get("errors") or 0), bool(get("failed")), now))
    if rows:
        con.executemany("insert into meta.source_runs values (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def has_source_runs(con: duckdb.DuckDBPyConnection, run_id: str) -> bool:
    return table_exists(con, "meta", "source_runs") and bool(con.execute(
        "select count(*) from meta.source_runs where run_id = ?", [run_id]).fetchall()[0][0])


def source_history(con: duckdb.DuckDBPyConnection, sources: Iterable[str] | None = None,
                   limit: int = 30) -> dict[str, list[int]]:
    """Source → reports returned by its most recent runs, newest first (a failed source
    counts 0)."""
    if not table_exists(con, "meta", "source_runs"):
        return {}
    rows = con.execute(
        "select source, case when failed then 0 else reports end from meta.source_runs "
        "order by recorded_at desc, run_id").fetchall()
    wanted = set(sources) if sources is not None else None
    history: dict[str, list[int]] = {}
    for source, n in rows:
        if wanted is not None and source not in wanted:
            continue
        counts = history.setdefault(source, [])
        if len(counts) < limit:
            counts.append(int(n or 0))
    if wanted is not None:
        for s in wanted:
            history.setdefault(s, [])
    return history
