#!/usr/bin/env python3
"""Benchmark of a backfill through the whole pipeline (prints a table; not a test).

    .venv/bin/python scripts/bench_backfill.py [--reports 5000] [--words 400]

Writes a seeded synthetic corpus (reports spread over about 33 months) to a JSON Lines
inbox in a temporary folder, then runs ``frontline backfill`` over the whole range in this
process against a temporary warehouse — twice: the second run must give the same rows
(idempotent). Prints wall time, reports/s, facts, peak memory and the rows per table.

With the PostgreSQL server binaries on the machine (``--no-postgres`` to skip), a throwaway
local cluster is the publish target of every run: the script prints the rows and seconds
per table of the PostgreSQL copy, then times one nightly run (the last day) on the
backfilled warehouse without and with the PostgreSQL copy.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def write_corpus(folder: Path, n: int, words: int) -> tuple[dt.date, dt.date]:
    from synthetic.reports import generate

    folder.mkdir(parents=True)
    first = last = None
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as out:
        for report, _gold in generate(n, words=words, seed=7):
            day = dt.date.fromisoformat(report.published_date)
            first, last = min(first or day, day), max(last or day, day)
            out.write(json.dumps({"id": report.id, "published": report.published, "text": report.text,
                                  "outlet": report.outlet, "title": report.title}) + "\n")
    return first, last


def table_rows(path: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' "
            "and table_type = 'BASE TABLE' and (table_name like 'fct_%' or table_name like 'mart_%' "
            "or table_name = 'dim_report') order by 1").fetchall()]
        return {t: con.execute(f'select count(*) from "{t}"').fetchall()[0][0] for t in names}
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--no-postgres", action="store_true", help="no PostgreSQL copy")
    args = parser.parse_args()

    import warnings

    warnings.simplefilter("ignore")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
    from publishing.pg_local import LocalCluster, find_bin_dir

    cluster = None
    if not args.no_postgres:
        if find_bin_dir() is None:
            sys.exit("PostgreSQL server binaries not found: apt-get install -y postgresql-15, or --no-postgres")
        cluster = LocalCluster().start()
        os.environ["FRONTLINE_PG_URL"] = cluster.create_database("frontline")
    try:
        run_bench(args, cluster)
    finally:
        if cluster is not None:
            cluster.remove()


def run_bench(args, cluster) -> None:
    from dagster import DagsterInstance

    from orchestration.definitions import build_defs
    from orchestration.resources import build_resources
    from orchestration.runner import refresh

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        first, last = write_corpus(root / "inbox", args.reports, args.words)
        corpus_s = time.perf_counter() - t0
        sources = root / "sources.yaml"
        sources.write_text(f"sources:\n  - {{name: bench, type: folder, path: {root / 'inbox'}, outlet: Bench}}\n")
        paths = {"warehouse": root / "build.duckdb", "published": root / "published" / "frontline.duckdb",
                 "sources": sources}
        defs = build_defs(build_resources(**paths))
        instance = DagsterInstance.ephemeral()
        timings, rows, pg_runs = [], [], []
        for _ in range(2):
            t0 = time.perf_counter()
            outcomes = refresh(first, last, defs=defs, instance=instance, log_level="ERROR")
            timings.append(time.perf_counter() - t0)
            if not outcomes[-1].ok:
                sys.exit(f"backfill did not publish: {outcomes[-1].checks_failed or outcomes[-1].failed_steps}")
            rows.append(table_rows(paths["published"]))
            pg_runs.append(outcomes[-1].metadata.get("published_warehouse", {}).get("postgres"))
        facts = outcomes[-1].metadata.get("raw/extracted_facts", {})
        days = (last - first).days + 1
        nightly = {}
        if cluster is not None:  # one night on the backfilled warehouse, without and with the copy
            for label, url in (("without", "off"), ("with", os.environ["FRONTLINE_PG_URL"])):
                saved, os.environ["FRONTLINE_PG_URL"] = os.environ["FRONTLINE_PG_URL"], url
                t0 = time.perf_counter()
                night = refresh(last, defs=defs, instance=instance, log_level="ERROR")
                nightly[label] = time.perf_counter() - t0
                os.environ["FRONTLINE_PG_URL"] = saved
                if not night[-1].ok:
                    sys.exit(f"nightly run did not publish: {night[-1].failed_steps} {night[-1].errors}")
                if label == "with":
                    pg_runs.append(night[-1].metadata.get("published_warehouse", {}).get("postgres"))

    print(f"backfill of {args.reports:,} reports ({args.words} words) over {days:,} daily partitions "
          f"({first} .. {last}), one run each time")
    print(f"{'':34}{'first run':>12}{'second run':>12}")
    print(f"{'wall time (s)':34}{timings[0]:>12.1f}{timings[1]:>12.1f}")
    print(f"{'reports/s end to end':34}{args.reports / timings[0]:>12.0f}{args.reports / timings[1]:>12.0f}")
    print(f"{'facts written':34}{facts.get('facts', '?'):>12}")
    print(f"{'peak memory of the process (MB)':34}{peak_rss_mb():>12.0f}")
    print(f"{'corpus generation (s)':34}{corpus_s:>12.1f}")
    print(f"same rows on the second run (idempotent): {rows[0] == rows[1]}")
    for table, n in rows[-1].items():
        print(f"  {table:32}{n:>10,}")
    if cluster is None:
        return
    pg = pg_runs[-1]
    print(f"\nPostgreSQL copy (COPY into fresh schemas + keys + swap), seconds per run: "
          f"{', '.join(str(p['seconds']) for p in pg_runs)}")
    print(f"  {'table':40}{'rows':>10}{'seconds':>10}")
    for table, n in pg["rows"].items():
        print(f"  {table:40}{n:>10,}{pg['table_seconds'][table]:>10.3f}")
    share = [p["seconds"] / t for p, t in zip(pg_runs, timings)]
    print(f"share of the backfill runs: {', '.join(f'{x:.1%}' for x in share)}")
    extra = nightly["with"] - nightly["without"]
    print(f"one nightly run on this warehouse: {nightly['without']:.1f} s without the copy, "
          f"{nightly['with']:.1f} s with it (+{extra:.1f} s, {extra / nightly['without']:+.1%}; "
          f"the copy itself {pg['seconds']:.1f} s, {pg['seconds'] / nightly['without']:.1%})")


if __name__ == "__main__":
    main()
