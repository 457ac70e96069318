#!/usr/bin/env python3
"""Benchmark of the extractor (prints a table; not a test).

    .venv/bin/python scripts/bench.py [--quick]

- throughput in CPU time of this process (``time.process_time``: the machine may be shared),
  best of a few runs, reports/s per core:
  - on a corpus cycled from the real texts of ``../shared/eval/dev-real`` (if present; the
    figure the target of 1,000 reports/s per core is about), and on one pass over those
    texts, each seen once, in a fresh process (no cache warmed by an earlier run);
  - on 800-word synthetic reports through ``extract_report``, against the I/O floor (reading
    the same text and one regular expression pass);
- peak memory (VmHWM) at 10k and 100k reports, each in a fresh subprocess that writes the
  corpus to a temporary JSON Lines file and extracts it streaming through the CLI's path
  (``run_extract``): it must stay flat, the corpus is never held.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


REPEATS = 3
DEV_REAL = ROOT.parent / "shared" / "eval" / "dev-real"


def peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_rate(reports: list, repeats: int = REPEATS) -> tuple[float, int]:
    """Reports per CPU second of ``extract_report`` over ``reports`` (best of ``repeats``), and
    the number of facts."""
    from ingestion.extract import extract_report

    best = float("inf")
    facts = 0
    for _ in range(repeats):  # best of a few runs: the machine is shared, noise only slows
        t0 = time.process_time()
        facts = 0
        for r in reports:
            facts += len(extract_report(r))
        best = min(best, time.process_time() - t0)
    return len(reports) / max(best, 1e-9), facts


def dev_real_reports() -> list:
    from ingestion.models import Report
    from ingestion.reports import iter_reports

    if not DEV_REAL.is_dir():
        return []
    return sorted((r for r in iter_reports([DEV_REAL]) if isinstance(r, Report)), key=lambda r: r.id)


def throughput_dev_real(n: int) -> tuple[float, int, float] | None:
    """Reports/s per core on ``n`` reports cycled from the dev-real texts; their mean length."""
    from ingestion.extract import extract_report

    texts = dev_real_reports()
    if not texts:
        return None
    corpus = [texts[i % len(texts)] for i in range(n)]
    extract_report(corpus[0])  # build the automaton once
    rate, facts = _cpu_rate(corpus)
    return rate, facts, sum(len(r.text) for r in corpus) / n


def once_child() -> None:
    """Run in a fresh process: one pass over the dev-real texts, each seen once (cold caches)."""
    from ingestion.extract import extract_report
    from ingestion.models import Report

    texts = dev_real_reports()
    extract_report(Report(id="warm", published="2024-01-01", text="The AA captured Paletwa."))  # the automaton
    rate, _ = _cpu_rate(texts, repeats=1)
    print(json.dumps({"rate": rate, "n": len(texts)}))


def throughput(n: int, words: int) -> tuple[float, float, int]:
    from ingestion.extract import extract_report
    from synthetic.reports import generate

    reports = [r for r, _ in generate(n, words=words, seed=42)]
    extract_report(reports[0])  # build the automaton once
    rate, facts = _cpu_rate(reports)
    floor_re = re.compile(r"\b(?:captured|seized|killed|withdrew)\b")
    t_floor = float("inf")
    for _ in range(REPEATS):
        t0 = time.process_time()
        hits = 0
        for r in reports:
            hits += len(floor_re.findall(r.text))
        t_floor = min(t_floor, time.process_time() - t0)
    return rate, n / max(t_floor, 1e-9), facts


def memory_child(n: int, words: int) -> None:
    """Run in a fresh process: write n reports to JSONL, extract them streaming, print VmHWM."""
    from ingestion.extract_cli import run_extract
    from synthetic.reports import generate

    with tempfile.TemporaryDirectory() as d:
        corpus = Path(d) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for r, _ in generate(n, words=words, seed=7):
                fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        size = corpus.stat().st_size
        t0 = time.perf_counter()
        rc = run_extract([str(corpus)], os.devnull)
        dt_ = time.perf_counter() - t0
    print(json.dumps({"n": n, "rss_mb": peak_rss_mb(), "rc": rc, "seconds": dt_, "corpus_mb": size / 1e6}))


def memory(n: int, words: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(n), "--words", str(words)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    ap.add_argument("--words", type=int, default=800)
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--once-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.once_child:
        once_child()
        return
    if args.child is not None:
        memory_child(args.child, args.words)
        return
    n_tp = 200 if args.quick else 2000
    n_real = 480 if args.quick else 5000
    sizes = (500, 2000) if args.quick else (10_000, 100_000)
    real = throughput_dev_real(n_real)
    rate, floor, facts = throughput(n_tp, args.words)
    from rich.console import Console
    from rich.table import Table

    t = Table(title="extractor benchmark (CPU time of one process: reports/s per core)")
    t.add_column("measure")
    t.add_column("value", justify="right")
    if real is not None:
        r_rate, r_facts, r_chars = real
        t.add_row(f"dev-real texts cycled ({n_real:,} reports, {r_chars:,.0f} characters each)",
                  f"{r_rate:,.0f} reports/s ({1000 / r_rate:.2f} ms/report, target >= 1,000)")
        out = subprocess.run([sys.executable, __file__, "--once-child"], capture_output=True, text=True,
                             check=True, cwd=ROOT)
        once = json.loads(out.stdout.strip().splitlines()[-1])
        t.add_row(f"dev-real texts, each once ({once['n']} reports, fresh process)", f"{once['rate']:,.0f} reports/s")
        t.add_row("dev-real facts per report", f"{r_facts / n_real:.1f}")
    else:
        t.add_row("dev-real texts", f"not found ({DEV_REAL})")
    t.add_row(f"synthetic {args.words}-word reports ({n_tp:,})", f"{rate:,.0f} reports/s ({1000 / rate:.2f} ms/report)")
    t.add_row("I/O floor (read + 1 regex, reports/s)", f"{floor:,.0f}")
    t.add_row("ratio extractor / floor", f"{floor / rate:,.1f}x slower")
    t.add_row("synthetic facts per report", f"{facts / n_tp:.1f}")
    rss = []
    for n in sizes:
        m = memory(n, args.words)
        rss.append(m["rss_mb"])
        t.add_row(f"peak RSS streaming {n:,} reports", f"{m['rss_mb']:.0f} MB ({n / m['seconds']:,.0f} rep/s end-to-end, corpus {m['corpus_mb']:.0f} MB)")
    t.add_row("memory flat (streamed)", "yes" if rss[-1] <= rss[0] * 1.25 + 5 else f"NO: {rss[0]:.0f} -> {rss[-1]:.0f} MB")
    Console(width=130).print(t)


if __name__ == "__main__":
    main()
