"""The quarantine writers of the row-level rules: rejected facts → ``quarantine.facts``,
rejected reports → ``quarantine.reports`` (through ``ingestion.raw_store``). The DDL is in
``ingestion.tables``.

Functions take an open DuckDB connection and never open one themselves.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from ingestion import tables
from quality.rules import Rejected


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# ---------------------------------------------------------------- quarantine.facts


def ensure_quarantine_facts(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``quarantine.facts`` if missing (DDL: ``ingestion.tables``)."""
    tables.ensure(con, "quarantine.facts")


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


def skipped_reports(rejected: Iterable[Rejected]) -> list[Rejected]:
    """Reports the extraction step skipped because they break a rule now → rows of
    ``quarantine.facts`` (kind ``report``, no fact id): the extraction's one quarantine, so
    ``quarantine.reports`` keeps its one writer, the fetch."""
    out = []
    for r in rejected:
        report = r.row
        out.append(Rejected(row={"fact_id": None, "report_id": report.id,
                                 "published_date": report.published_date, "kind": "report",
                                 "report": report.to_dict()}, rule=r.rule, reason=r.reason))
    return out


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
