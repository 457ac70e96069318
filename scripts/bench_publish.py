#!/usr/bin/env python3
"""Benchmark of one night's publish (the DuckDB file, its Parquet and CSV exports) on a
warehouse inflated to N times a kept bench warehouse (prints a table; not a test).

    .venv/bin/python scripts/bench_backfill.py --reports 3650 --days 10 --history 10 --keep /tmp/b
    .venv/bin/python scripts/bench_publish.py /tmp/b/10x --scale 10     # about a year of history

A backfill of a year through the whole pipeline takes a quarter of an hour on two idle cores;
the publish, the part of a night that grew with history, only needs a warehouse of that size.
So the build file of a kept run (``bench_backfill.py --keep``) is copied and every table
partitioned by ``published_date`` gets ``scale - 1`` more copies of its rows, each moved
back by the span of the history (report ids made unique: ``raw.reports`` has a primary
key). The published file is that warehouse without its last day, published whole; the
night is then the incremental publish of the last day, as ``published_warehouse`` runs it
(stage, commit, Parquet exports, the ACLED CSV; the PostgreSQL copy is not included).
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def date_tables(con) -> list[str]:
    """The base tables with a ``published_date`` column (schema.table)."""
    return [r[0] for r in con.execute(
        "SELECT c.table_schema || '.' || c.table_name FROM information_schema.columns c "
        "JOIN information_schema.tables t USING (table_schema, table_name) "
        "WHERE c.column_name = 'published_date' AND t.table_type = 'BASE TABLE' ORDER BY 1").fetchall()]


def inflate(build: Path, scale: int) -> dict[str, int]:
    """Add ``scale - 1`` shifted copies of every date-partitioned table's rows; rows per table.
    Copy ``k`` suffixes its keys with ``~k`` (``raw.reports.id``, and ``report_id`` and
    ``fact_id`` wherever they stand): the dbt tests find them unique over whole tables, and the
    references stay consistent."""
    import duckdb

    con = duckdb.connect(str(build))
    try:
        first, last = con.execute("SELECT min(published_date), max(published_date) FROM raw.reports").fetchone()
        span = (last - first).days + 1
        rows = {}
        for table in date_tables(con):
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            con.execute(f"CREATE TEMP TABLE __orig AS SELECT * FROM {table}")
            for k in range(1, scale):
                shifted = [f"published_date - INTERVAL {k * span} DAY" if c == "published_date"
                           else f'"{c}" || \'~{k}\'' if c in ("report_id", "fact_id") or (table == "raw.reports" and c == "id")
                           else f'"{c}"'
                           for c in cols]
                con.execute(f"INSERT INTO {table} SELECT {', '.join(shifted)} FROM __orig")
            con.execute("DROP TABLE __orig")
            rows[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        con.execute("CHECKPOINT")
        return rows
    finally:
        con.close()


def drop_last_day(build: Path) -> None:
    import duckdb

    con = duckdb.connect(str(build))
    try:
        last = con.execute("SELECT max(published_date) FROM raw.reports").fetchone()[0]
        for table in date_tables(con):
            con.execute(f"DELETE FROM {table} WHERE published_date = ?", [last])
        con.execute("CHECKPOINT")
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kept", type=Path, help="a size folder of bench_backfill.py --keep (holds build.duckdb)")
    parser.add_argument("--scale", type=int, default=10, help="copies of the kept history (10 × a 10× run: a year)")
    parser.add_argument("--repeat", type=int, default=2, help="nights measured (each on a fresh copy)")
    parser.add_argument("--work", type=Path, default=None,
                        help="keep the inflated warehouse in WORK and reuse it when it is there (to compare "
                        "two versions of the publish on one warehouse); default: a temporary folder")
    args = parser.parse_args()

    from orchestration.assets.publish import CSV_TABLES, PUBLISHED_TABLES, unchanged_tables
    from publishing import duckdb_file

    with contextlib.ExitStack() as stack:
        if args.work is None:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR", "/tmp"))))
        else:
            root = args.work
            root.mkdir(parents=True, exist_ok=True)
        big, before = root / "build.duckdb", root / "before.duckdb"
        if not before.exists():
            t0 = time.perf_counter()
            shutil.copy(args.kept / "build.duckdb", big)
            rows = inflate(big, args.scale)
            shutil.copy(big, before.with_suffix(".part"))
            drop_last_day(before.with_suffix(".part"))
            before.with_suffix(".part").rename(before)
            print(f"inflated ×{args.scale} in {time.perf_counter() - t0:.0f} s: "
                  + ", ".join(f"{t} {n:,}" for t, n in rows.items() if n > 10_000))
        results = []
        for i in range(args.repeat):
            pub_dir = root / f"published{i}"
            published = pub_dir / "frontline.duckdb"
            duckdb_file.publish_warehouse(before, published, incremental=False)  # last night's file
            tables = [t for t in PUBLISHED_TABLES]
            parquet = pub_dir / "parquet"
            first = duckdb_file.export_parquet(published, parquet, tables,
                                               published_fingerprint=duckdb_file.fingerprint(published))
            del first
            size = published.stat().st_size
            laps = {}
            cpu0, wall0 = time.process_time(), time.perf_counter()

            def lap(name, fn, *a, **k):
                c, w = time.process_time(), time.perf_counter()
                out = fn(*a, **k)
                laps[name] = (time.perf_counter() - w, time.process_time() - c)
                return out

            staged = lap("stage (copy + sync)", duckdb_file.stage, big, published)
            result = lap("commit (fsync, open, rename)", duckdb_file.commit, staged)
            unchanged = unchanged_tables(tables, staged, duckdb_file.exported_from(parquet))
            lap("Parquet exports", duckdb_file.export_parquet, published, parquet, tables, unchanged=unchanged,
                published_fingerprint=result.fingerprint)
            for t in CSV_TABLES:
                lap(f"CSV {t}", duckdb_file.export_csv, published, pub_dir / f"{t}.csv", t)
            laps["total"] = (time.perf_counter() - wall0, time.process_time() - cpu0)
            results.append((staged.mode, size, laps))
            shutil.rmtree(pub_dir)
    print(f"load average {os.getloadavg()[0]:.1f}; published file {results[0][1] / 1e6:,.0f} MB; "
          f"mode {results[0][0]}; seconds wall / CPU of this process")
    for name in results[0][2]:
        print(f"  {name:32}" + "".join(f"{r[2][name][0]:>8.2f} / {r[2][name][1]:<6.2f}" for r in results))


if __name__ == "__main__":
    main()
