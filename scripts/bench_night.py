#!/usr/bin/env python3
"""Benchmark of whole nights on a warehouse inflated to N times a kept bench warehouse
(prints a table; not a test).

    .venv/bin/python scripts/bench_backfill.py --reports 36500 --days 100 --history 1 --keep /tmp/b
    .venv/bin/python scripts/bench_night.py /tmp/b/1x --scale 10      # a year: 368,650 reports

A year's backfill takes a quarter of an hour of two idle cores (over an hour on loaded
ones), most of it extraction; a night only needs a warehouse of a year's size. The kept
build file is copied and every table partitioned by ``published_date`` gets ``scale - 1``
shifted copies of its rows (``bench_publish.inflate``), so the kept run's last day (its
night) stays the last day. Then ``frontline refresh`` of that night runs ``--nights + 1``
times in this process, against that warehouse, with the kept night's inbox as the feed
and, as in production, a PostgreSQL copy: the first run publishes the file whole (there
was none) and warms dbt's partial parsing; each later one is a night as the pipeline runs
it (the same reports again: extraction, dbt, gates and publish run in full; the raw store
writes nothing new). Prints per night: wall and CPU seconds of the process tree, peak
memory, seconds per step and the publish's stages.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kept", type=Path, help="a size folder of bench_backfill.py --keep")
    parser.add_argument("--scale", type=int, default=10, help="copies of the kept history")
    parser.add_argument("--nights", type=int, default=2, help="nights measured after the first publish")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="use WORK/build.duckdb as it is when it is there")
    args = parser.parse_args()

    import warnings

    warnings.simplefilter("ignore")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
    from bench_backfill import TreeMemory, _all_cpu_steps, _all_mem_steps, _all_steps, cpu_seconds, sources_file
    from bench_publish import inflate
    from publishing.pg_local import LocalCluster

    night_inbox = args.kept / "night"
    first = json.loads((night_inbox / "corpus.jsonl").open().readline())
    night = dt.date.fromisoformat(first["published"][:10])
    cluster = None if args.no_postgres else LocalCluster().start()
    memory = TreeMemory()
    memory.start()
    rows = []
    try:
        with contextlib.ExitStack() as stack:
            root = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory()))
            root.mkdir(parents=True, exist_ok=True)
            build = root / "build.duckdb"
            t0 = time.perf_counter()
            if not (args.reuse and build.exists()):
                shutil.copy(args.kept / "build.duckdb", build)
                shutil.copy(args.kept / "gazetteer.json", root / "gazetteer.json")
                counts = inflate(build, args.scale)
                print(f"inflated ×{args.scale} in {time.perf_counter() - t0:.0f} s: "
                      + ", ".join(f"{t} {n:,}" for t, n in counts.items() if n > 10_000), flush=True)
            os.environ["FRONTLINE_FACT_STORE"] = str(root / "fact_store")
            if cluster is not None:
                os.environ["FRONTLINE_PG_URL"] = cluster.create_database("frontline_night")
            from dagster import DagsterInstance

            from orchestration.definitions import build_defs
            from orchestration.resources import build_resources
            from orchestration.runner import refresh

            paths = {"warehouse": build, "published": root / "published" / "frontline.duckdb",
                     "sources": sources_file(root / "sources.yaml", night_inbox)}
            instance = DagsterInstance.ephemeral()
            defs = build_defs(build_resources(**paths))
            for i in range(args.nights + 1):
                peak0 = memory.peak_mb
                memory.peak_mb = 0.0
                w0, c0 = time.perf_counter(), cpu_seconds()
                with open(root / "runs.log", "a") as log, contextlib.redirect_stdout(log):
                    outcomes = refresh(night, defs=defs, instance=instance, log_level="ERROR")
                wall, cpu = time.perf_counter() - w0, cpu_seconds() - c0
                peak, memory.peak_mb = memory.peak_mb, max(peak0, memory.peak_mb)
                if not outcomes[-1].ok:
                    sys.exit(f"night {i} did not publish: {outcomes[-1].failed_steps} {outcomes[-1].errors}")
                meta = outcomes[-1].metadata.get("published_warehouse", {})
                rows.append({"wall": wall, "cpu": cpu, "peak": peak, "steps": _all_steps(instance, outcomes),
                             "cpu_steps": _all_cpu_steps(instance, outcomes, memory),
                             "mem_steps": _all_mem_steps(instance, outcomes, memory),
                             "publish": meta.get("publish_seconds") or {}, "mode": meta.get("publish_mode"),
                             "load": os.getloadavg()[0]})
                print(f"night {i}: {wall:.1f} s wall, {cpu:.1f} CPU-s, peak {peak:,.0f} MB, "
                      f"load {rows[-1]['load']:.1f}", flush=True)
            size = paths["published"].stat().st_size
    finally:
        memory.stop()
        if cluster is not None:
            cluster.remove()
    print(f"\npublished file {size / 1e6:,.0f} MB; night {night}; run 0 = first publish (whole), then the nights")
    line = lambda label, values: print(f"{label:40}" + "".join(f"{v:>18}" for v in values))  # noqa: E731
    line("", [f"run {i}" for i in range(len(rows))])
    line("wall s / CPU-s (process tree)", [f"{r['wall']:.1f} / {r['cpu']:.1f}" for r in rows])
    line("peak memory MB (process tree)", [f"{r['peak']:,.0f}" for r in rows])
    line("load average (1 min) at the end", [f"{r['load']:.1f}" for r in rows])
    line("publish mode", [str(r["mode"]) for r in rows])
    print("seconds per step, wall / CPU of the process tree")
    for step in sorted(rows[-1]["steps"], key=lambda k: -rows[-1]["steps"][k]):
        line(f"  {step[:38]}", [f"{r['steps'].get(step, 0):.2f} / {r['cpu_steps'].get(step, 0):.2f}" for r in rows])
    print("the publish's stages, wall seconds")
    for stage in rows[-1]["publish"]:
        line(f"  {stage}", [f"{r['publish'].get(stage, 0):.2f}" for r in rows])
    print("peak memory per step, MB of the process tree / of this process")
    for step in sorted(rows[-1]["mem_steps"], key=lambda k: -rows[-1]["mem_steps"][k][0]):
        line(f"  {step[:38]}", ["{:,.0f} / {:,.0f}".format(*r["mem_steps"].get(step, (0, 0))) for r in rows])


if __name__ == "__main__":
    main()
