#!/usr/bin/env python3
"""Peak memory of ``ingestion.raw_store.store_reports`` on a stream of synthetic reports of
about 3 kB (prints a table; not a test).

    .venv/bin/python scripts/bench_raw_store.py [--reports 100000 300000] [--ref main]

Each figure is a fresh child process that opens a fresh warehouse under a temporary folder
(``FRONTLINE_DUCKDB_MEMORY_LIMIT`` as set, default 512MB), stores the stream once (a year's
inbox arrives as a stream: the reports are generated as they are read, never listed) and
prints its peak RSS (``ru_maxrss``) and wall seconds. ``--ref`` also runs the
``raw_store.py`` of that git revision (the "before" figure), loaded from ``git show``.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_WORDS = None


def _stream(n: int, chars: int, seed: int = 0):
    """``n`` reports of about ``chars`` characters, 1,000 a day, made as they are read."""
    import datetime as dt

    from ingestion.models import Report

    global _WORDS
    rng = random.Random(seed)
    _WORDS = _WORDS or ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 10)))
                        for _ in range(5000)]
    start = dt.date(2024, 1, 1)
    for i in range(n):
        words, size = [], 0
        while size < chars:
            w = rng.choice(_WORDS)
            words.append(w)
            size += len(w) + 1
        day = start + dt.timedelta(days=i // 1000)
        yield Report(id=f"r{i:07d}", published=day.isoformat(), text=" ".join(words), source="inbox",
                     outlet="Wire", url=f"https://example.org/{i}", title=f"Report {i}",
                     fetched_at="2025-01-01T00:00:00+00:00")


def _child(args) -> None:
    if args.module:
        spec = importlib.util.spec_from_file_location("raw_store_ref", args.module)
        raw_store = importlib.util.module_from_spec(spec)
        sys.modules["raw_store_ref"] = raw_store  # dataclasses look their module up
        spec.loader.exec_module(raw_store)
    else:
        from ingestion import raw_store
    with tempfile.TemporaryDirectory(prefix="bench_raw_store_", dir=args.tmp) as tmp:
        con = raw_store.connect(Path(tmp) / "build.duckdb")
        raw_store.ensure_schema(con)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0 = time.perf_counter()
        result = raw_store.store_reports(con, _stream(args.child, args.chars), "bench")
        seconds = time.perf_counter() - t0
        con.close()
    print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "start_mb": before, "seconds": seconds, "inserted": result.inserted}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--chars", type=int, default=3000, help="characters of a report's text")
    parser.add_argument("--ref", default=None, help="also run raw_store.py of this git revision (e.g. main)")
    parser.add_argument("--tmp", default=os.environ.get("TMPDIR", "/tmp"), help="folder of the warehouses")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--module", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        _child(args)
        return
    variants = [("this checkout", None)]
    tmpdir = tempfile.mkdtemp(prefix="bench_raw_store_ref_", dir=args.tmp)
    if args.ref:
        ref = Path(tmpdir) / "raw_store_ref.py"
        ref.write_text(subprocess.run(["git", "show", f"{args.ref}:ingestion/raw_store.py"], cwd=ROOT,
                                      check=True, capture_output=True, text=True).stdout)
        variants.insert(0, (args.ref, str(ref)))
    print(f"memory_limit {os.environ.get('FRONTLINE_DUCKDB_MEMORY_LIMIT', '512MB (default)')}, "
          f"load {os.getloadavg()[0]:.2f}")
    print(f"| raw_store | reports (~{args.chars} chars) | peak RSS MB | wall s |")
    print("|---|---|---|---|")
    for n in args.reports:
        for name, module in variants:
            cmd = [sys.executable, __file__, "--child", str(n), "--chars", str(args.chars), "--tmp", args.tmp]
            if module:
                cmd += ["--module", module]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            got = json.loads(out.strip().splitlines()[-1])
            print(f"| {name} | {n:,} | {got['peak_mb']:,.0f} | {got['seconds']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
