"""Extracted facts: Parquet files per publication day (the fact store), loaded per window
into ``raw.extracted_facts``.

Rewriting a window is one transaction (delete the window, insert its facts), so running
the same partition twice gives the same rows.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ingestion import duck, tables
from ingestion.batching import batched

COLUMNS = tables.EXTRACTED_FACTS_COLUMNS


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    tables.ensure(con, "raw.extracted_facts")


def fact_row(fact: dict[str, Any], *, content_hash: str, published_date: str, run_id: str,
             extracted_at: dt.datetime) -> dict[str, Any]:
    """A contract fact (``to_dict()`` output) → a row of ``raw.extracted_facts``."""
    from ingestion.units import unit_key

    unit = fact.get("unit") or None
    row = {c: fact.get(c) for c in COLUMNS}
    row.update(
        unit_type=unit["type"] if unit else None,
        unit_number=str(unit["number"]) if unit else None,
        unit_key=unit_key(unit["type"], unit["number"]) if unit else None,
        content_hash=content_hash,
        published_date=published_date,
        run_id=run_id,
        extracted_at=extracted_at,
    )
    return row


def replace_window(con: duckdb.DuckDBPyConnection, rows: Iterable[dict[str, Any]],
                   start: str, end: str, *, batch_size: int = 20_000) -> int:
    """Replace the facts of reports published in [start, end) by ``rows``; returns the count.

    ``rows`` may be a generator: it is consumed in batches inside one transaction, so a
    backfill of years holds one batch in memory, and readers see the old window or the new
    one, never half of it.
    """
    ensure_schema(con)
    casts = ", ".join(f'cast("{c}" as {t}) as "{c}"' for c, t in COLUMNS.items())
    written = 0
    con.execute("begin transaction")
    try:
        con.execute("delete from raw.extracted_facts where published_date >= ? and published_date < ?",
                    [start, end])
        for batch in batched(rows, batch_size):
            frame = pd.DataFrame(batch, columns=list(COLUMNS))
            con.register("facts_batch", frame)
            con.execute(f"insert into raw.extracted_facts select {casts} from facts_batch")
            con.unregister("facts_batch")
            written += len(frame)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return written


# ---------------------------------------------------------------- the Parquet fact store
#
# The extraction step writes one Parquet file per partition (publication day) under the fact
# store folder, in Hive layout so any engine reads it as one dataset:
#
#     <store>/extracted_facts/published_date=2025-03-03/facts.parquet
#
# A file is written under a temporary name in its own folder and ``os.replace``d onto its
# final name: a reader sees the old file or the new one, and a killed writer leaves only a
# dot-named ``.tmp`` file that nothing reads (the next write of that day removes it). Then
# one loader, the DuckDB single writer, replaces the window in ``raw.extracted_facts`` from
# exactly the window's day files.

FACT_STORE_ENV = "FRONTLINE_FACT_STORE"
FACTS_FILE = "facts.parquet"


def store_dir(warehouse_path: str | Path) -> Path:
    """The fact store folder: ``$FRONTLINE_FACT_STORE``, else ``fact_store/`` beside the
    build warehouse."""
    configured = os.environ.get(FACT_STORE_ENV)
    return Path(configured) if configured else Path(warehouse_path).parent / "fact_store"


def day_file(store: str | Path, day: str | dt.date) -> Path:
    """The Parquet file of one publication day's facts."""
    day = day.isoformat() if isinstance(day, dt.date) else str(day)
    return Path(store) / "extracted_facts" / f"published_date={day}" / FACTS_FILE


def _select_casts(relation: str) -> str:
    return "select " + ", ".join(f'cast("{c}" as {t}) as "{c}"' for c, t in COLUMNS.items()) + f" from {relation}"


def write_day(store: str | Path, day: str | dt.date, rows: list[dict[str, Any]]) -> Path:
    """Write a day's fact rows (possibly none) atomically; replaces the day's previous file."""
    path = day_file(store, day)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{FACTS_FILE}.*.tmp"):  # left by a killed writer
        stale.unlink(missing_ok=True)
    tmp = path.parent / f".{FACTS_FILE}.{os.getpid()}.tmp"
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    con = duck.connect()
    try:
        con.register("day_rows", frame)
        con.execute(f"copy ({_select_casts('day_rows')}) to '{_sql_path(tmp)}' "
                    "(format parquet, compression zstd)")
    finally:
        con.close()
    with open(tmp, "rb") as fh:  # the bytes are on disk before the name points at them
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def window_files(store: str | Path, start: str | dt.date, end: str | dt.date) -> list[Path]:
    """The day files of [start, end) that exist, in day order."""
    first, stop = dt.date.fromisoformat(str(start)[:10]), dt.date.fromisoformat(str(end)[:10])
    days = (first + dt.timedelta(days=i) for i in range((stop - first).days))
    return [p for p in (day_file(store, d) for d in days) if p.exists()]


def prune_window(store: str | Path, start: str | dt.date, end: str | dt.date, keep: set[str]) -> list[Path]:
    """Remove the day files of [start, end) whose day is not in ``keep`` (days that have no
    report any more): the store holds what the window's last extraction found. Returns them."""
    removed = [p for p in window_files(store, start, end) if p.parent.name.split("=", 1)[1] not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


DUPLICATE_RULE = "duplicate_fact_id"

# Day files per ``INSERT … SELECT`` of ``load_window``. DuckDB inserts a multi-file scan in
# file order by holding each file's rows that a thread read ahead of an earlier file in a
# buffer of its own (a 256 KiB block at least, however few its rows) until the earlier ones
# are in: its memory grows with the number of files, not of rows. Measured on a backfill's
# day files of ~15 facts: 125 files fit in 32MB, 250 in 64MB, 500 in 128MB, and 1,000 failed
# under the 128MB scan limit (one thread, which reads the files in order, needs no buffer).
# So the window is inserted a part of this many files at a time, in day order, inside the
# same transaction: parts of 100 files load 1,000 or 4,000 day files under 32MB.
FILES_PER_INSERT = 100


def _read_files(files: list[Path]) -> str:
    listed = ", ".join(f"'{_sql_path(p)}'" for p in files)
    return (f"read_parquet([{listed}], filename = true, file_row_number = true, "
            "hive_partitioning = false)")


def load_window(con: duckdb.DuckDBPyConnection, store: str | Path, start: str, end: str,
                *, files_per_insert: int = FILES_PER_INSERT) -> tuple[int, list[dict[str, Any]]]:
    """Replace the facts of [start, end) in ``raw.extracted_facts`` by the window's day files,
    in one transaction. A fact id already taken by an earlier day of the window (days in
    order, rows in file order: the order of a serial run) is not loaded; those rows are
    returned for quarantine. Returns (rows loaded, duplicate rows).

    The repeated ids are found on the keys alone (fact id, day, row of the file) over the
    whole window; the facts then go from the files to the table in streamed ``INSERT …
    SELECT``s in file order, ``files_per_insert`` day files each (``FILES_PER_INSERT``: an
    insert's memory grows with its number of files), all under DuckDB's scan limit
    (``duck.memory_limited``): a year's 1.5 M facts were once one temporary table, sorted
    whole, beside the table they went to."""
    if files_per_insert < 1:
        raise ValueError("files_per_insert must be at least 1")
    ensure_schema(con)
    files = window_files(store, start, end)
    cols = ", ".join(f'"{c}"' for c in COLUMNS)
    with duck.memory_limited(con):
        con.execute("begin transaction")
        try:
            con.execute("delete from raw.extracted_facts where published_date >= ? and published_date < ?",
                        [start, end])
            duplicates: list[dict[str, Any]] = []
            written = 0
            if files:
                source = _read_files(files)
                # rows whose fact id an earlier row of the window holds (NULL ids count as one id)
                con.execute(f"""
                    create or replace temp table window_duplicates as
                    with repeated as (
                        select fact_id from {source} group by fact_id having count(*) > 1
                    ),
                    ranked as (
                        select filename, file_row_number, row_number() over (
                            partition by fact_id order by published_date, file_row_number) as fact_rank
                        from {source} s
                        where exists (select 1 from repeated r where r.fact_id is not distinct from s.fact_id)
                    )
                    select filename, file_row_number from ranked where fact_rank > 1""")
                repeats = con.execute("select count(*) from window_duplicates").fetchall()[0][0]
                for part in batched(files, files_per_insert):  # consecutive days, in day order
                    source = _read_files(part)
                    if repeats:
                        keep = ("where not exists (select 1 from window_duplicates d where d.filename = s.filename "
                                "and d.file_row_number = s.file_row_number) order by published_date, file_row_number")
                        cur = con.execute(f"select {cols} from {source} s semi join window_duplicates d "
                                          "using (filename, file_row_number) order by published_date, file_row_number")
                        names = [d[0] for d in cur.description]
                        duplicates.extend(dict(zip(names, r)) for r in cur.fetchall())
                    else:
                        keep = ""  # the files in day order, rows in file order: DuckDB keeps insertion order
                    written += con.execute(f"insert into raw.extracted_facts select {cols} from {source} s {keep}"
                                           ).fetchall()[0][0]
                con.execute("drop table window_duplicates")
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
    return written, duplicates
