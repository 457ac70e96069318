#!/usr/bin/env python3
"""Benchmark of a backfill and of one night through the whole pipeline, at 1× and N× history
(prints a table; not a test).

    .venv/bin/python scripts/bench_backfill.py [--reports 3000] [--days 30] [--history 4]
    make bench-backfill ARGS="--reports 3000 --days 30"

For each history size (1× and ``--history``×): a corpus of ``reports × h`` reports spread
evenly over ``days × h`` days lands in a JSON Lines inbox (``--corpus dev-real``, the default:
the texts of ``../shared/eval/dev-real`` cycled, as the issue measured; ``--corpus synthetic``:
seeded generated reports of ``--words`` words); ``frontline backfill`` runs over the whole range in this process against a fresh
temporary warehouse; then one more night (``reports / days`` new reports on the next day,
from an inbox that holds only that night, as a feed does) runs ``frontline refresh``. Prints
reports/s of the backfill, the nightly seconds and their ratio between the history sizes,
the seconds of every step of the runs, wall and CPU of the process tree (and the run overhead
outside the steps), the seconds of each dbt node (from Dagster's events), the p95 of
the five BI queries of ``docs/bi.md`` on the published file, and peak memory: the whole
process tree (this process, the extraction workers and dbt), sampled every 0.1 s.

With the PostgreSQL server binaries on the machine (``--no-postgres`` to skip), a throwaway
local cluster is the publish target of every run, as in production.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# ---------------------------------------------------------------- memory of the process tree


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int, *, reaped: bool) -> float:
    """CPU seconds of a process (all its threads); with ``reaped``, also of its children that
    it has waited for (utime, stime, cutime, cstime of /proc/PID/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if reaped else 0)
    return ticks / _TICK


class TreeMemory(threading.Thread):
    """Peak resident memory of this process and all its descendants, summed, sampled; and
    the CPU seconds of the tree (this process, its reaped children, the live descendants) at
    each sample, so the CPU of a step is read off its start and end times (``cpu_between``):
    on shared cores, the figure that does not depend on the load."""

    def __init__(self, interval: float = 0.1):
        super().__init__(daemon=True)
        self.interval, self.peak_mb, self._halt = interval, 0.0, threading.Event()
        self.cpu: list[tuple[float, float]] = []  # (time.time(), CPU seconds of the tree)
        self.mem: list[tuple[float, float, float]] = []  # (time.time(), MB of the tree, MB of this process)

    def run(self) -> None:
        me = os.getpid()
        while not self._halt.wait(self.interval):
            tree = _tree(me)
            own = _rss_mb(me)
            total = own + sum(_rss_mb(p) for p in tree if p != me)
            self.peak_mb = max(self.peak_mb, total)
            self.mem.append((time.time(), total, own))
            self.cpu.append((time.time(), _cpu_s(me, reaped=True)
                             + sum(_cpu_s(p, reaped=False) for p in tree if p != me)))

    def cpu_at(self, ts: float) -> float:
        """The tree's CPU seconds at ``ts`` (the first sample at or after it)."""
        import bisect

        i = bisect.bisect_left(self.cpu, (ts, -1.0))
        return self.cpu[min(i, len(self.cpu) - 1)][1] if self.cpu else 0.0

    def cpu_between(self, t0: float, t1: float) -> float:
        return max(0.0, self.cpu_at(t1) - self.cpu_at(t0))

    def peak_between(self, t0: float, t1: float) -> tuple[float, float]:
        """Peak MB of the tree, and of this process alone, sampled in [t0, t1]."""
        inside = [(tree, own) for ts, tree, own in self.mem if t0 <= ts <= t1]
        return (max((t for t, _ in inside), default=0.0), max((o for _, o in inside), default=0.0))

    def stop(self) -> float:
        self._halt.set()
        self.join()
        return self.peak_mb


# ---------------------------------------------------------------- corpus


DEV_REAL = ROOT.parent / "shared" / "eval" / "dev-real"


def dev_real_texts(folder: Path = DEV_REAL) -> list:
    """The dev-real reports (sorted by id): the texts the issue's measurement cycled."""
    from ingestion.models import Report
    from ingestion.reports import iter_reports

    if not folder.is_dir():
        sys.exit(f"--corpus dev-real: {folder} not found (use --corpus synthetic)")
    return sorted((r for r in iter_reports([folder]) if isinstance(r, Report)), key=lambda r: r.id)


def cycled_reports(texts: list, n: int, *, first_day: dt.date, days: int, offset: int = 0):
    """``n`` reports cycling ``texts`` (each copy a new id), spread evenly over ``days`` days
    from ``first_day`` (report ``i`` on day ``i * days // n``), as the synthetic generator
    spreads its reports."""
    for i in range(n):
        src = texts[(offset + i) % len(texts)]
        day = first_day + dt.timedelta(days=i * days // n)
        yield {"id": f"bench-{offset + i:07d}-{src.id}", "published": day.isoformat(), "text": src.text,
               "outlet": src.outlet, "title": src.title}


def write_inbox(folder: Path, n: int, *, words: int, first_day: dt.date, days: int, offset: int = 0,
                corpus: str = "dev-real") -> None:
    """A JSON Lines inbox of ``n`` reports over ``days`` days: dev-real texts cycled, or
    seeded synthetic reports of ``words`` words."""
    folder.mkdir(parents=True)
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as out:
        if corpus == "dev-real":
            for item in cycled_reports(dev_real_texts(), n, first_day=first_day, days=days, offset=offset):
                out.write(json.dumps(item) + "\n")
            return
        from synthetic.reports import generate

        for report, _gold in generate(n, words=words, seed=7, first_day=first_day, days=days, offset=offset):
            out.write(json.dumps({"id": report.id, "published": report.published, "text": report.text,
                                  "outlet": report.outlet, "title": report.title}) + "\n")


def sources_file(path: Path, inbox: Path) -> Path:
    path.write_text(f"sources:\n  - {{name: bench, type: folder, path: {inbox}, outlet: Bench}}\n")
    return path


# ---------------------------------------------------------------- what a run took


def step_intervals(instance, run_id: str) -> dict[str, tuple[float, float]]:
    """(start, end) timestamps of every step of a run, from its event log."""
    starts, ends = {}, {}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or not entry.step_key:
            continue
        if event.event_type_value == "STEP_START":
            starts[entry.step_key] = entry.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            ends[entry.step_key] = entry.timestamp
    return {step: (starts[step], ends[step]) for step in starts if step in ends}


def step_seconds(instance, run_id: str) -> dict[str, float]:
    """Seconds per step of a run (start to success/failure), from its event log, plus
    ``(run overhead)``: the run's wall time outside any step."""
    starts, ends, first, last = {}, {}, None, None
    for entry in instance.all_logs(run_id):
        ts = entry.timestamp
        first, last = min(first or ts, ts), max(last or ts, ts)
        event = entry.dagster_event
        if event is None or not entry.step_key:
            continue
        kind = event.event_type_value
        if kind == "STEP_START":
            starts[entry.step_key] = ts
        elif kind in ("STEP_SUCCESS", "STEP_FAILURE"):
            ends[entry.step_key] = ts
    out = {step: ends[step] - starts[step] for step in starts if step in ends}
    if first is not None:
        out["(run overhead)"] = (last - first) - sum(out.values())
    return out


def bi_p95_ms(published: Path, repeat: int = 20) -> tuple[float, dict[int, float]]:
    """p95 over every run of the five docs/bi.md queries on the published file (read-only),
    and the median per query."""
    import duckdb

    queries = re.findall(r"```sql\n(.*?)```", (ROOT / "docs" / "bi.md").read_text(encoding="utf-8"), flags=re.S)
    con = duckdb.connect(str(published), read_only=True)
    times: list[float] = []
    medians: dict[int, float] = {}
    try:
        for n, sql in enumerate(queries, 1):
            con.execute(sql).fetchall()  # warm
            mine = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                con.execute(sql).fetchall()
                mine.append((time.perf_counter() - t0) * 1000)
            times += mine
            medians[n] = statistics.median(mine)
    finally:
        con.close()
    return statistics.quantiles(times, n=20)[-1], medians


@dataclass
class Size:
    """The figures of one history size."""

    history: int
    reports: int
    days: int
    backfill_s: float = 0.0
    backfill_cpu_s: float = 0.0  # CPU seconds of the process tree during the backfill
    nightly_s: float = 0.0
    night_reports: int = 0
    facts: int = 0
    workers: int = 0
    extract_s: float = 0.0  # the extraction pool's seconds in the backfill (extractor + Parquet files)
    load_s: float = 0.0  # the single writer's load of the files into DuckDB
    nightly_cpu_s: float = 0.0  # CPU seconds of the process tree during the night (load-independent)
    backfill_steps: dict[str, float] = field(default_factory=dict)
    nightly_steps: dict[str, float] = field(default_factory=dict)
    bi_p95_ms: float = 0.0
    bi_medians: dict[int, float] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    nightly_dbt: dict[str, float] = field(default_factory=dict)  # dbt node → seconds
    backfill_dbt: dict[str, float] = field(default_factory=dict)  # the backfill's fact build, node → seconds
    backfill_cpu_steps: dict[str, float] = field(default_factory=dict)  # step → CPU seconds of the tree
    nightly_cpu_steps: dict[str, float] = field(default_factory=dict)
    backfill_mem_steps: dict[str, tuple[float, float]] = field(default_factory=dict)  # step → peak MB (tree, own)
    nightly_mem_steps: dict[str, tuple[float, float]] = field(default_factory=dict)
    nightly_pg: dict | None = None  # the night's PostgreSQL copy: seconds, rows and seconds per table
    nightly_publish: dict = field(default_factory=dict)  # the night's publish: stage → wall seconds
    night_error: str | None = None  # why the night did not publish (its figures are then zero)


def run_size(h: int, args, root: Path, sampler: "TreeMemory") -> Size:
    from dagster import DagsterInstance

    from orchestration.definitions import build_defs
    from orchestration.resources import build_resources
    from orchestration.runner import refresh

    size = Size(history=h, reports=args.reports * h, days=args.days * h)
    night = dt.date.today() - dt.timedelta(days=3)
    first = night - dt.timedelta(days=size.days)
    size.night_reports = max(1, round(args.reports / args.days))
    write_inbox(root / "history", size.reports, words=args.words, first_day=first, days=size.days,
                corpus=args.corpus)
    write_inbox(root / "night", size.night_reports, words=args.words, first_day=night, days=1,
                offset=size.reports, corpus=args.corpus)
    paths = {"warehouse": root / "build.duckdb", "published": root / "published" / "frontline.duckdb",
             "sources": sources_file(root / "sources.yaml", root / "history")}
    instance = DagsterInstance.ephemeral()
    defs = build_defs(build_resources(**paths))
    t0, cpu0 = time.perf_counter(), cpu_seconds()
    outcomes = refresh(first, night - dt.timedelta(days=1), defs=defs, instance=instance, log_level="ERROR")
    size.backfill_s, size.backfill_cpu_s = time.perf_counter() - t0, cpu_seconds() - cpu0
    if not outcomes[-1].ok:
        sys.exit(f"backfill did not publish: {outcomes[-1].checks_failed or outcomes[-1].failed_steps} "
                 f"{outcomes[-1].errors}")
    size.backfill_steps = _all_steps(instance, outcomes)
    size.backfill_cpu_steps = _all_cpu_steps(instance, outcomes, sampler)
    size.backfill_mem_steps = _all_mem_steps(instance, outcomes, sampler)
    size.backfill_dbt = dbt_node_seconds(instance, outcomes[-1].run_id)
    facts = outcomes[-1].metadata.get("raw/extracted_facts", {})
    size.facts, size.workers = facts.get("facts", 0), facts.get("extract_workers", 1)
    size.extract_s, size.load_s = facts.get("extract_seconds", 0.0), facts.get("load_seconds", 0.0)

    sources_file(root / "sources.yaml", root / "night")  # the feed now shows the night's reports only
    t0, cpu0 = time.perf_counter(), cpu_seconds()
    outcomes = refresh(night, defs=defs, instance=instance, log_level="ERROR")
    size.nightly_s, size.nightly_cpu_s = time.perf_counter() - t0, cpu_seconds() - cpu0
    if not outcomes[-1].ok:
        # the backfill's figures are still worth printing: the night's failure is told beside them
        size.night_error = f"{outcomes[-1].checks_failed or outcomes[-1].failed_steps} {outcomes[-1].errors}"
        size.bi_p95_ms, size.bi_medians = bi_p95_ms(paths["published"])
        size.rows = table_rows(paths["published"])
        return size
    size.nightly_steps = _all_steps(instance, outcomes)
    size.nightly_cpu_steps = _all_cpu_steps(instance, outcomes, sampler)
    size.nightly_mem_steps = _all_mem_steps(instance, outcomes, sampler)
    size.nightly_pg = outcomes[-1].metadata.get("published_warehouse", {}).get("postgres")
    size.nightly_publish = outcomes[-1].metadata.get("published_warehouse", {}).get("publish_seconds") or {}
    size.nightly_dbt = dbt_node_seconds(instance, outcomes[-1].run_id)
    size.bi_p95_ms, size.bi_medians = bi_p95_ms(paths["published"])
    size.rows = table_rows(paths["published"])
    return size


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its finished children (dbt, workers)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _all_steps(instance, outcomes) -> dict[str, float]:
    """Seconds per step over the runs of one ``refresh`` (reference check, then the nightly job)."""
    out: dict[str, float] = {}
    for outcome in outcomes:
        for step, s in step_seconds(instance, outcome.run_id).items():
            out[step] = out.get(step, 0.0) + s
    return out


def _all_cpu_steps(instance, outcomes, sampler) -> dict[str, float]:
    """CPU seconds of the process tree per step over the runs of one ``refresh``."""
    out: dict[str, float] = {}
    for outcome in outcomes:
        for step, (t0, t1) in step_intervals(instance, outcome.run_id).items():
            out[step] = out.get(step, 0.0) + sampler.cpu_between(t0, t1)
    return out


def _all_mem_steps(instance, outcomes, sampler) -> dict[str, tuple[float, float]]:
    """Peak MB of the process tree and of this process per step over the runs of one ``refresh``."""
    out: dict[str, tuple[float, float]] = {}
    for outcome in outcomes:
        for step, (t0, t1) in step_intervals(instance, outcome.run_id).items():
            tree, own = sampler.peak_between(t0, t1)
            prev = out.get(step, (0.0, 0.0))
            out[step] = (max(prev[0], tree), max(prev[1], own))
    return out


def dbt_node_seconds(instance, run_id: str) -> dict[str, float]:
    """Seconds per dbt node of the fact build of a run (models by name; data tests summed as
    one), from the "Execution Duration" dagster-dbt puts on each materialization and check."""
    out: dict[str, float] = {"(all data tests)": 0.0}
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or event.event_type_value not in ("ASSET_MATERIALIZATION", "ASSET_CHECK_EVALUATION"):
            continue
        data = event.event_specific_data
        metadata = (data.materialization.metadata if event.event_type_value == "ASSET_MATERIALIZATION"
                    else data.metadata)
        uid, seconds = metadata.get("unique_id"), metadata.get("Execution Duration")
        if uid is None or seconds is None:
            continue
        uid, seconds = getattr(uid, "value", uid), float(getattr(seconds, "value", seconds))
        if not uid.startswith("model.") or entry.step_key != "dbt_fact_models":
            if uid.startswith("test.") and entry.step_key == "dbt_fact_models":
                out["(all data tests)"] += seconds
            continue
        out[uid.split(".")[-1]] = seconds
    return out


def table_rows(path: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' "
            "and table_type = 'BASE TABLE' and (table_name like 'fct_%' or table_name like 'mart_%') "
            "order by 1").fetchall()]
        return {t: con.execute(f'select count(*) from "{t}"').fetchall()[0][0] for t in names}
    finally:
        con.close()


# ---------------------------------------------------------------- the table


def report(sizes: list[Size], args, peak_mb: float, cores: int) -> None:
    one, big = sizes[0], sizes[-1]
    corpus = ("dev-real texts cycled" if args.corpus == "dev-real" else f"synthetic reports of {args.words} words")
    print(f"\n{corpus}; {cores} cores; extraction workers {one.workers}; load average at the end "
          f"{os.getloadavg()[0]:.1f}")
    print(f"{'':44}" + "".join(f"{f'{s.history}× history':>16}" for s in sizes))
    line = lambda label, values: print(f"{label:44}" + "".join(f"{v:>16}" for v in values))  # noqa: E731
    line("reports in the backfill", [f"{s.reports:,}" for s in sizes])
    line("days in the backfill", [f"{s.days:,}" for s in sizes])
    line("facts", [f"{s.facts:,}" for s in sizes])
    line("backfill wall time (s)", [f"{s.backfill_s:.1f}" for s in sizes])
    line("backfill CPU seconds (process tree)", [f"{s.backfill_cpu_s:.1f}" for s in sizes])
    line("backfill reports/s end to end", [f"{s.reports / s.backfill_s:.0f}" for s in sizes])
    line("backfill reports/s per core", [f"{s.reports / s.backfill_s / cores:.0f}" for s in sizes])
    line("extraction step: reports/s (pool)", [f"{s.reports / s.extract_s:.0f}" if s.extract_s else "-" for s in sizes])
    line("extraction step: reports/s per worker", [f"{s.reports / s.extract_s / s.workers:.0f}" if s.extract_s else "-"
                                                    for s in sizes])
    line("load of the Parquet files into DuckDB (s)", [f"{s.load_s:.1f}" for s in sizes])
    line("nightly refresh (s), reports that night", [f"{s.nightly_s:.1f} ({s.night_reports})" for s in sizes])
    line("nightly CPU seconds (process tree)", [f"{s.nightly_cpu_s:.1f}" for s in sizes])
    line("BI queries of docs/bi.md, p95 (ms)", [f"{s.bi_p95_ms:.1f}" for s in sizes])
    if len(sizes) > 1:
        print(f"nightly time at {big.history}× history / at 1×: {big.nightly_s / one.nightly_s:.2f} (goal ≤ 1.5)")
    print(f"peak memory, whole process tree (this process + extraction workers + dbt): {peak_mb:,.0f} MB "
          f"(goal ≤ 1,536)")
    for label, attr, cpu_attr in (("backfill", "backfill_steps", "backfill_cpu_steps"),
                                  ("nightly", "nightly_steps", "nightly_cpu_steps")):
        steps = sorted({k for s in sizes for k in getattr(s, attr)},
                       key=lambda k: -getattr(big, cpu_attr).get(k, getattr(big, attr).get(k, 0.0)))
        print(f"\n{label}: seconds per step, wall / CPU of the process tree (sampled every 0.1 s)")
        for step in steps:
            line(f"  {step[:42]}", [f"{getattr(s, attr).get(step, 0.0):.2f} / "
                                    + (f"{getattr(s, cpu_attr)[step]:.2f}" if step in getattr(s, cpu_attr) else "-")
                                    for s in sizes])
    for label, attr in (("backfill", "backfill_mem_steps"), ("nightly", "nightly_mem_steps")):
        steps = sorted({k for s in sizes for k in getattr(s, attr)}, key=lambda k: -getattr(big, attr).get(k, (0, 0))[0])
        print(f"\n{label}: peak memory per step, MB of the process tree / of this process (sampled every 0.1 s)")
        for step in steps:
            line(f"  {step[:42]}", [("{:,.0f} / {:,.0f}".format(*getattr(s, attr)[step])) if step in getattr(s, attr)
                                    else "-" for s in sizes])
    for label, attr in (("backfill", "backfill_dbt"), ("nightly", "nightly_dbt")):
        print(f"\n{label} dbt build of the fact models: seconds per node (dbt's own timing; start-up and parse "
              "not included)")
        nodes = sorted({k for s in sizes for k in getattr(s, attr)}, key=lambda k: -getattr(big, attr).get(k, 0.0))
        for node in nodes[:15]:
            line(f"  {node[:42]}", [f"{getattr(s, attr).get(node, 0.0):.2f}" for s in sizes])
    print("\nthe night's publish step, wall seconds per stage: " + "; ".join(
        f"{s.history}×: " + ", ".join(f"{k} {v:.2f}" for k, v in s.nightly_publish.items()) for s in sizes))
    if big.nightly_pg:
        print("\nthe night's PostgreSQL copy (seconds; rows copied per table): "
              + ", ".join(f"{s.history}×: {s.nightly_pg['seconds']} s, {s.nightly_pg.get('mode', 'full')} copy"
                          for s in sizes if s.nightly_pg))
        for table, n in big.nightly_pg["rows"].items():
            line(f"  {table} ({n:,} rows at {big.history}×)",
                 [f"{s.nightly_pg['table_seconds'].get(table, 0.0):.2f} ({s.nightly_pg.get('copied', {}).get(table, 0):,})"
                  if s.nightly_pg else "-" for s in sizes])
    print("\nrows of the published marts")
    for table in big.rows:
        line(f"  {table}", [f"{s.rows.get(table, 0):,}" for s in sizes])
    print("\nBI query medians (ms): " + "; ".join(
        f"{s.history}×: " + ", ".join(f"q{n} {m:.1f}" for n, m in s.bi_medians.items()) for s in sizes))


@contextlib.contextmanager
def _size_folder(keep: Path | None, h: int):
    """A temporary folder for one history size, or ``keep/<h>x`` (created empty, kept)."""
    if keep is None:
        with tempfile.TemporaryDirectory() as tmp:
            yield tmp
        return
    folder = keep / f"{h}x"
    if folder.exists():
        sys.exit(f"{folder} exists: give --keep an empty or new folder")
    folder.mkdir(parents=True)
    yield str(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=3000, help="reports of the 1× backfill")
    parser.add_argument("--days", type=int, default=30, help="days of the 1× backfill")
    parser.add_argument("--history", type=int, default=4, help="the larger history, a multiple of 1× (1: only 1×)")
    parser.add_argument("--corpus", choices=("dev-real", "synthetic"), default="dev-real",
                        help="dev-real: the texts of ../shared/eval/dev-real cycled (as the issue measured); "
                        "synthetic: seeded generated reports of --words words")
    parser.add_argument("--words", type=int, default=400, help="words per synthetic report")
    parser.add_argument("--no-postgres", action="store_true", help="no PostgreSQL copy")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep each size's warehouse, published file and fact store in KEEP/<h>x "
                        "(for profiling afterwards); default: a temporary folder, removed")
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
    memory = TreeMemory()
    memory.start()
    sizes = []
    try:
        for h in sorted({1, args.history}):
            with _size_folder(args.keep, h) as tmp:
                if cluster is not None:
                    os.environ["FRONTLINE_PG_URL"] = cluster.create_database(f"frontline_{h}")
                # the fact store beside this size's warehouse, whatever the environment says
                os.environ["FRONTLINE_FACT_STORE"] = str(Path(tmp) / "fact_store")
                with open(Path(tmp) / "runs.log", "w") as log, contextlib.redirect_stdout(log):
                    sizes.append(run_size(h, args, Path(tmp), memory))  # dbt's console lines go to the log
                print(f"{h}× history done: backfill {sizes[-1].backfill_s:.1f} s, nightly {sizes[-1].nightly_s:.1f} s",
                      flush=True)
    finally:
        peak = memory.stop()
        if cluster is not None:
            cluster.remove()
    report(sizes, args, peak, os.cpu_count() or 1)
    failed = [f"{s.history}×: {s.night_error}" for s in sizes if s.night_error]
    if failed:
        sys.exit("the night did not publish (its figures above are zero): " + "; ".join(failed))


if __name__ == "__main__":
    main()
