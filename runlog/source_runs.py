"""``meta.source_runs``: reports per source per run, so a source that went silent is seen.

Written by the raw/reports asset; read by the ``sources_have_data`` check. The DDL is in
``ingestion.tables``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import duckdb

from ingestion import tables


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def ensure_source_runs(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``meta.source_runs`` if missing."""
    tables.ensure(con, "meta.source_runs")


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
    return tables.table_exists(con, "meta", "source_runs") and bool(con.execute(
        "select count(*) from meta.source_runs where run_id = ?", [run_id]).fetchall()[0][0])


def source_history(con: duckdb.DuckDBPyConnection, sources: Iterable[str] | None = None,
                   limit: int = 30) -> dict[str, list[int]]:
    """Source → reports returned by its most recent runs, newest first (a failed source
    counts 0)."""
    if not tables.table_exists(con, "meta", "source_runs"):
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


def with_run(history: dict[str, list[int]], counts: Mapping[str, Any], limit: int) -> dict[str, list[int]]:
    """``history`` (as ``source_history`` returns it) with one more run in front: ``counts``,
    source name → a dict with ``reports`` and ``failed`` (a failed source counts 0)."""
    out = {name: list(ns) for name, ns in history.items()}
    for name, c in counts.items():
        c = c if isinstance(c, Mapping) else {}
        n = 0 if c.get("failed") else int(c.get("reports") or 0)
        out[name] = [n, *out.get(name, [])][:limit]
    return out
