"""The raw layer in DuckDB: every version of every report, append-only, and the quarantine.

``raw.reports`` keeps one row per (report id, version). Storing the same report again
(same id and content hash as its latest version) writes nothing; a report whose text
changed under the same id is written as version + 1 and the earlier versions stay. Within
one input, versions follow the input order: each change from the text just before it is a
version (one, two, one: three versions), a repeat of the text just before it is not.
``raw.reports.published_iso`` keeps the publication date exactly as the report gave it
(date or datetime with offset), so ``latest_reports`` returns reports unchanged;
``published`` is that instant in UTC and ``published_date`` the report's own (local) day.

Functions take an open DuckDB connection; ``connect`` is the one helper that opens a file.
Bulk inserts go through an Arrow table, never row by row.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ingestion import duck, tables
from ingestion.batching import batched
from ingestion.models import Report
from ingestion.reports import ReportError

BATCH = 10_000

_COLUMNS = ("id", "url", "outlet", "title", "published", "published_date", "published_iso",
            "fetched_at", "language", "text", "content_hash", "source")
_ARROW_SCHEMA = pa.schema([
    ("ord", pa.int64()), ("id", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
    ("title", pa.string()), ("published", pa.timestamp("us")), ("published_date", pa.date32()),
    ("published_iso", pa.string()), ("fetched_at", pa.timestamp("us")), ("language", pa.string()),
    ("text", pa.string()), ("content_hash", pa.string()), ("source", pa.string()),
])


@dataclass(frozen=True)
class StoreResult:
    """``inserted``: new reports (version 1); ``new_versions``: changed reports written as a
    new version; ``unchanged``: reports already stored as their latest version (including
    repeats within the input)."""

    inserted: int
    unchanged: int
    new_versions: int

    @property
    def written(self) -> int:
        return self.inserted + self.new_versions


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> tuple:
    """First row of a query, with the result drained: on DuckDB 2.x a result left open
    (fetchone) makes a later ``register``/``unregister`` fail with "unfinished result"."""
    return con.execute(sql, params or []).fetchall()[0]


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a warehouse file (creating its folder when writing)."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    return duck.connect(str(path), read_only=read_only)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``raw.reports`` and ``quarantine.reports`` if missing (DDL: ``ingestion.tables``)."""
    tables.ensure(con, "raw.reports", "quarantine.reports")


def _utc_naive(value: str | None) -> dt.datetime | None:
    """ISO date/datetime → naive UTC datetime (naive input is taken as UTC)."""
    if not value:
        return None
    if len(value) == 10:
        d = dt.date.fromisoformat(value)
        return dt.datetime(d.year, d.month, d.day)
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def _arrow_batch(reports: list[Report], first_ord: int = 0) -> pa.Table:
    cols: dict[str, list] = {name: [] for name in _ARROW_SCHEMA.names}
    for i, r in enumerate(reports, first_ord):
        cols["ord"].append(i)
        cols["id"].append(r.id)
        cols["url"].append(r.url)
        cols["outlet"].append(r.outlet)
        cols["title"].append(r.title)
        cols["published"].append(_utc_naive(r.published))
        cols["published_date"].append(dt.date.fromisoformat(r.published_date))
        cols["published_iso"].append(r.published)
        cols["fetched_at"].append(_utc_naive(r.fetched_at))
        cols["language"].append(r.language)
        cols["text"].append(r.text)
        cols["content_hash"].append(r.content_hash)
        cols["source"].append(r.source)
    return pa.table(cols, schema=_ARROW_SCHEMA)


# The staging table of one call: a TEMP table (private to the connection, gone when it
# closes or its process dies, so a killed run's staging is never read by a later one) with a
# name unique to the call; filled in committed chunks, dropped at the end of the call.
_STAGE_PREFIX = "_raw_reports_stage_"
_STAGE_DDL = "CREATE TEMP TABLE {stage} ({columns})"
_DUCK_TYPES = {pa.int64(): "BIGINT", pa.string(): "VARCHAR", pa.timestamp("us"): "TIMESTAMP",
               pa.date32(): "DATE"}

# Which staged rows are written, and as which version. Only the keys are planned (no text):
# in input order per id, a row is news when its hash differs from the row before it — the
# stored latest version for an id's first row in the input (LAG over ``ord``); a repeat of
# the text just before it is unchanged. News rows get version = stored latest + their rank.
_PLAN_SQL = """
CREATE TEMP TABLE {plan} AS
WITH latest AS (
    SELECT id, content_hash, version FROM raw.reports
    WHERE id IN (SELECT id FROM {stage})
    QUALIFY row_number() OVER (PARTITION BY id ORDER BY version DESC) = 1
),
seq AS (
    SELECT s.ord, s.id, s.content_hash, coalesce(l.version, 0) AS prev_version,
           coalesce(lag(s.content_hash) OVER (PARTITION BY s.id ORDER BY s.ord), l.content_hash)
               AS prev_hash
    FROM {stage} s LEFT JOIN latest l USING (id)
),
fresh AS (SELECT * FROM seq WHERE prev_hash IS DISTINCT FROM content_hash)
SELECT ord, prev_version + row_number() OVER (PARTITION BY id ORDER BY ord) AS version FROM fresh
"""


def store_reports(con: duckdb.DuckDBPyConnection, reports: Iterable[Report],
                  run_id: str | None = None, *, batch_size: int = BATCH) -> StoreResult:
    """Append new reports and new versions of changed ones; returns the counts.

    The stream is staged ``batch_size`` reports at a time into a TEMP table of this call (each
    chunk committed, so DuckDB may spill it instead of holding one growing transaction), then
    written to ``raw.reports`` by one set-based ``INSERT … SELECT`` in one transaction: a
    failure anywhere (reading the stream, staging, planning, inserting) writes nothing to
    ``raw.reports``. Versions follow the input order: a report is a new version each time its
    text differs from the one just before it for the same id (for its first occurrence: the
    stored latest version); a repeat of the text just before it is unchanged. So one, two,
    one under one id is three versions, and the result does not depend on ``batch_size``."""
    ensure_schema(con)
    loaded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    tag = uuid.uuid4().hex
    stage, plan = f"{_STAGE_PREFIX}{tag}", f"_raw_reports_plan_{tag}"
    columns = ", ".join(f"{f.name} {_DUCK_TYPES[f.type]}" for f in _ARROW_SCHEMA)
    with duck.memory_limited(con):  # a stream staged once and copied once: no cache needed
        return _stage_and_insert(con, reports, stage, plan, columns, run_id, loaded_at, batch_size)


def _stage_and_insert(con: duckdb.DuckDBPyConnection, reports: Iterable[Report], stage: str, plan: str,
                      columns: str, run_id: str | None, loaded_at: dt.datetime, batch_size: int) -> StoreResult:
    con.execute(_STAGE_DDL.format(stage=stage, columns=columns))
    try:
        total = 0
        for batch in batched(reports, batch_size):
            incoming = _arrow_batch(batch, total)
            total += len(batch)
            con.register("_raw_incoming", incoming)
            try:
                con.execute(f"INSERT INTO {stage} SELECT * FROM _raw_incoming")
            finally:
                con.unregister("_raw_incoming")
            del incoming, batch
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(_PLAN_SQL.format(plan=plan, stage=stage))
            con.execute(
                f"INSERT INTO raw.reports ({', '.join(_COLUMNS)}, version, loaded_at, run_id) "
                f"SELECT {', '.join('s.' + c for c in _COLUMNS)}, p.version, ?, ? "
                f"FROM {stage} s JOIN {plan} p USING (ord)",
                [loaded_at, run_id])
            inserted, new_versions = _one(
                con, f"SELECT count(*) FILTER (WHERE version = 1), count(*) FILTER (WHERE version > 1) "
                     f"FROM {plan}")
            con.execute(f"DROP TABLE {plan}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:
        for table in (plan, stage):
            with contextlib.suppress(duckdb.Error):
                con.execute(f"DROP TABLE IF EXISTS {table}")
    return StoreResult(inserted, total - inserted - new_versions, new_versions)


def _storable(text: str | None) -> str | None:
    """Text that UTF-8 can hold: a lone surrogate in hostile input becomes U+FFFD."""
    if text is None:
        return None
    return text.encode("utf-8", "replace").decode("utf-8")


def quarantine_reports(con: duckdb.DuckDBPyConnection, errors: Iterable[ReportError],
                       run_id: str | None = None, rule: str = "unreadable_report", *,
                       source: str | None = None) -> int:
    """Record unreadable reports with their reason; returns the rows written. Idempotent per
    run: the same (origin, reason, raw, rule) is not written twice for one ``run_id``.
    ``rule`` and ``source`` are the defaults when an error does not carry its own."""
    ensure_schema(con)
    rows = {
        "report_id": [], "origin": [], "source": [], "reason": [], "rule": [], "raw": [],
    }
    for e in errors:
        rows["report_id"].append(_storable(e.report_id))
        rows["origin"].append(_storable(e.origin))
        rows["source"].append(getattr(e, "source", None) or source)
        rows["reason"].append(_storable(e.reason))
        rows["rule"].append(getattr(e, "rule", None) or rule)
        rows["raw"].append(_storable(e.raw))
    if not rows["origin"]:
        return 0
    table = pa.table(rows, schema=pa.schema([(k, pa.string()) for k in rows]))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.register("_quarantine_incoming", table)
    try:
        before = _one(con, "SELECT count(*) FROM quarantine.reports")[0]
        con.execute(
            """
            INSERT INTO quarantine.reports
            SELECT DISTINCT i.report_id, i.origin, i.source, i.reason, i.rule, i.raw,
                   ?::VARCHAR AS run_id, ?::TIMESTAMP
            FROM _quarantine_incoming i
            WHERE NOT EXISTS (
                SELECT 1 FROM quarantine.reports q
                WHERE q.origin = i.origin AND q.reason = i.reason AND q.rule = i.rule
                  AND q.raw IS NOT DISTINCT FROM i.raw AND q.run_id IS NOT DISTINCT FROM ?
            )""",
            [run_id, now, run_id])
        after = _one(con, "SELECT count(*) FROM quarantine.reports")[0]
    finally:
        con.unregister("_quarantine_incoming")
    return after - before


def _day(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


# At most this many report rows (all versions) in one read of ``latest_reports``: a day at a
# time, or a run of consecutive days up to this many rows, never the whole window at once.
READ_BATCH_ROWS = 5_000

_LATEST_SQL = """
SELECT id, published_iso, text, url, outlet, title, language, source,
       strftime(fetched_at, '%Y-%m-%dT%H:%M:%S') || '+00:00'
FROM raw.reports r
WHERE published_date >= ?::DATE AND published_date < ?::DATE
  AND version = (SELECT max(version) FROM raw.reports v WHERE v.id = r.id)
ORDER BY published_date, id"""


def day_batches(counts: Iterable[tuple[dt.date, int]], max_rows: int) -> Iterator[tuple[dt.date, dt.date]]:
    """Consecutive days (ascending, with their row counts) → half-open [first, stop) ranges
    holding at most ``max_rows`` rows each (a single day larger than that is a range alone)."""
    first = last = None
    rows = 0
    for day, n in counts:
        if first is not None and rows + n > max_rows:
            yield first, last + dt.timedelta(days=1)
            first, rows = None, 0
        if first is None:
            first = day
        last, rows = day, rows + n
    if first is not None:
        yield first, last + dt.timedelta(days=1)


def latest_reports(con: duckdb.DuckDBPyConnection, start_date: dt.date | str | None = None,
                   end_date: dt.date | str | None = None, *,
                   batch_size: int = 1000, max_rows: int | None = None) -> Iterator[Report]:
    """The latest version of each report whose ``published_date`` is in [start, end)
    (``None`` = unbounded), ordered by day and id. Read a few days at a time (at most
    ``max_rows``, default ``READ_BATCH_ROWS``, stored rows per query) and fetched in batches,
    so a year's window never sits in one sorted result. Reads through its own cursor, so it
    sees committed data only (one snapshot for the whole window)."""
    start, end = _day(start_date), _day(end_date)
    cur = con.cursor()  # its own cursor: the caller may use ``con`` while iterating
    # a scan of every text once: DuckDB would keep each block read in its buffer pool, up to
    # its whole memory limit, while the extraction workers run beside this process
    try:
        with duck.memory_limited(cur):
            cur.execute("BEGIN TRANSACTION")  # every batch reads the same snapshot
            try:
                counts = cur.execute(
                    """SELECT published_date, count(*) FROM raw.reports
                       WHERE (?::DATE IS NULL OR published_date >= ?::DATE)
                         AND (?::DATE IS NULL OR published_date < ?::DATE)
                       GROUP BY 1 ORDER BY 1""", [start, start, end, end]).fetchall()
                for first, stop in day_batches(counts, max_rows or READ_BATCH_ROWS):
                    cur.execute(_LATEST_SQL, [first, stop])
                    while rows := cur.fetchmany(batch_size):
                        for rid, published, text, url, outlet, title, language, source, fetched in rows:
                            yield Report(id=rid, published=published, text=text, url=url, outlet=outlet,
                                         title=title, language=language or "en", source=source,
                                         fetched_at=fetched)
            finally:
                with contextlib.suppress(duckdb.Error):  # read only: nothing to keep
                    cur.execute("ROLLBACK")
    finally:
        cur.close()
