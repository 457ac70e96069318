"""Extraction of a partition window, one publication day per task, on every core.

The CPU-heavy part (the extractor, the census-figure reader, the row-level rules) runs per
day in a ``concurrent.futures.ProcessPoolExecutor`` (one worker per core), each task writing
its day's facts as one Parquet file of the fact store (``facts_store.write_day``). Results
come back in day order whatever the order the workers finish in, so the output equals a
serial run's; the single DuckDB writer then loads the window's files
(``facts_store.load_window``). Small windows (a night) run in this process: starting
workers costs more than they save.
"""
from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ingestion.models import Report

T = TypeVar("T")
R = TypeVar("R")

WORKERS_ENV = "FRONTLINE_EXTRACT_WORKERS"
# Below this many reports in a window, extraction stays in the step's own process.
POOL_MIN_REPORTS_ENV = "FRONTLINE_EXTRACT_POOL_MIN_REPORTS"
POOL_MIN_REPORTS = 2_000

_gazetteer: Any = None  # the worker's gazetteer, loaded once per process by ``init_worker``


@dataclass(frozen=True)
class DayTask:
    """One publication day's reports to extract, and where its facts go."""

    day: str
    reports: list[Report]
    store: str
    run_id: str
    extracted_at: dt.datetime


@dataclass
class DayResult:
    """What a day gave, besides its Parquet file: counts and the (few) rows set aside."""

    day: str
    reports: int = 0
    rows_in: int = 0
    rows_out: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    rejected_reports: list = field(default_factory=list)  # quality.rules.Rejected (reports)
    rejected_rows: list = field(default_factory=list)  # quality.rules.Rejected (fact rows)
    figure_rows: list[dict[str, Any]] = field(default_factory=list)


def workers_default() -> int:
    """``$FRONTLINE_EXTRACT_WORKERS``, else one worker per core."""
    configured = os.environ.get(WORKERS_ENV)
    return max(1, int(configured)) if configured else (os.cpu_count() or 1)


def pool_min_reports() -> int:
    configured = os.environ.get(POOL_MIN_REPORTS_ENV)
    return int(configured) if configured else POOL_MIN_REPORTS


def init_worker(gazetteer_path: str | None, gazetteer: Any = None) -> None:
    """Load the gazetteer once per process (or take the one given, in this process)."""
    global _gazetteer
    if gazetteer is not None:
        _gazetteer = gazetteer
        return
    from ingestion.extract import default_gazetteer
    from ingestion.gazetteer import Gazetteer

    _gazetteer = Gazetteer.load(Path(gazetteer_path)) if gazetteer_path else default_gazetteer()


def extract_day(task: DayTask) -> DayResult:
    """Extract one day: rules on the reports, the extractor, rules on the fact rows (fact ids
    repeated within the day included), then the day's Parquet file, written atomically."""
    from ingestion import census_figures, facts_store
    from ingestion.extract import extract_report
    from quality.rules import split_facts, split_reports

    out = DayResult(day=task.day)
    good_reports, out.rejected_reports = split_reports(task.reports)
    out.reports = len(good_reports)
    rows = []
    for report in good_reports:
        digest = report.content_hash  # a SHA-256 of the text: once per report, not per fact
        out.figure_rows.extend(census_figures.figure_rows(report, run_id=task.run_id,
                                                          extracted_at=task.extracted_at,
                                                          content_hash=digest))
        rows.extend(facts_store.fact_row(fact.to_dict(), content_hash=digest,
                                         published_date=report.published_date, run_id=task.run_id,
                                         extracted_at=task.extracted_at)
                    for fact in extract_report(report, _gazetteer))
    out.rows_in = len(rows)
    good_rows, out.rejected_rows = split_facts(rows, {r.id: r.text for r in good_reports}, seen_ids=set())
    for row in good_rows:
        out.kinds[row["kind"]] = out.kinds.get(row["kind"], 0) + 1
    out.rows_out = len(good_rows)
    facts_store.write_day(task.store, task.day, good_rows)
    return out


def ordered_map(executor: Executor, fn: Callable[[T], R], items: Iterable[T], *, in_flight: int) -> Iterator[R]:
    """``fn`` over ``items`` on the executor, results in the items' order, with at most
    ``in_flight`` tasks submitted and not yet consumed (``Executor.map`` would read every
    item, here every report of a year, before the first result)."""
    pending: deque = deque()
    for item in items:
        pending.append(executor.submit(fn, item))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def day_tasks(reports: Iterable[Report], *, store: str | Path, run_id: str,
              extracted_at: dt.datetime) -> Iterator[DayTask]:
    """Reports ordered by day (as ``raw_store.latest_reports`` gives them) → one task a day."""
    for day, group in itertools.groupby(reports, key=lambda r: r.published_date):
        yield DayTask(day=day, reports=list(group), store=str(store), run_id=run_id, extracted_at=extracted_at)


def extract_window(reports: Iterable[Report], *, store: str | Path, run_id: str, extracted_at: dt.datetime,
                   gazetteer_path: str | None, workers: int = 1, gazetteer: Any = None) -> Iterator[DayResult]:
    """Extract every day of the stream, on ``workers`` processes (1: in this process, with
    ``gazetteer`` if given); results in day order."""
    tasks = day_tasks(reports, store=store, run_id=run_id, extracted_at=extracted_at)
    global _gazetteer
    if workers <= 1:
        init_worker(gazetteer_path, gazetteer)
        try:
            yield from map(extract_day, tasks)
        finally:
            _gazetteer = None  # the step's process does not keep the gazetteer after the window
        return
    # spawn: workers start clean, never a fork of a process holding DuckDB and Dagster threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=init_worker, initargs=(gazetteer_path,)) as pool:
        yield from ordered_map(pool, extract_day, tasks, in_flight=2 * workers)
