#!/usr/bin/env python3
"""Benchmark of a backfill through the whole pipeline (prints a table; not a test).

    .venv/bin/python scripts/bench_backfill.py [--reports 5000] [--words 400]

Writes a seeded synthetic corpus (reports spread over about 33 months) to a JSON Lines
inbox in a temporary folder, then runs ``frontline backfill`` over the whole range in this
process against a temporary warehouse — twice: the second run must give the same rows
(idempotent). Prints wall time, reports/s, facts, peak memory and the rows per table.
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
    from ingestion.synthetic import generate

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
    args = parser.parse_args()

    import warnings

    warnings.simplefilter("ignore")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
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
        timings, rows = [], []
        for _ in range(2):
            t0 = time.perf_counter()
            outcomes = refresh(first, last, defs=defs, instance=instance, log_level="ERROR")
            timings.append(time.perf_counter() - t0)
            if not outcomes[-1].ok:
                sys.exit(f"backfill did not publish: {outcomes[-1].checks_failed or outcomes[-1].failed_steps}")
            rows.append(table_rows(paths["published"]))
        facts = outcomes[-1].metadata.get("raw/extracted_facts", {})
        days = (last - first).days + 1

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


if __name__ == "__main__":
    main()
