"""``frontline extract REPORT_FILE_OR_DIR... [--out FACTS.jsonl]``: reports in, facts out.

Streams the reports (never holds the corpus), writes one fact per line, names every bad
report on standard error and skips it; exit status 0 when every report was read, else 1.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import nullcontext
from pathlib import Path

from ingestion.extract import default_gazetteer, extract_report
from ingestion.gazetteer import Gazetteer
from ingestion.reports import ReportError, iter_reports

PROGRESS_MIN_FILES = 50


def load_gazetteer(gazetteer_path: str | None = None) -> Gazetteer:
    """Explicit path, else $FRONTLINE_GAZETTEER if that file exists, else the built-in one."""
    if gazetteer_path:
        return Gazetteer.load(gazetteer_path)
    env = os.environ.get("FRONTLINE_GAZETTEER")
    if env and Path(env).is_file():
        return Gazetteer.load(env)
    return default_gazetteer()


def _progress(paths: list[str]):
    """A rich progress bar on stderr, only for a terminal and many inputs."""
    if not sys.stderr.isatty():
        return None
    n = 0
    for p in paths:
        pp = Path(p)
        n += sum(1 for _ in pp.rglob("*.json*")) if pp.is_dir() else 1
        if n >= PROGRESS_MIN_FILES:
            break
    if n < PROGRESS_MIN_FILES:
        return None
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} reports"),
                    TimeElapsedColumn(), console=Console(stderr=True), transient=True)


def run_extract(paths: list[str], out: str | None, gazetteer_path: str | None = None) -> int:
    gaz = load_gazetteer(gazetteer_path)
    bad = 0
    progress = _progress(paths)
    sink = open(out, "w", encoding="utf-8") if out else nullcontext(sys.stdout)
    with sink as fh, (progress or nullcontext()):
        task = progress.add_task("extracting", total=None) if progress else None
        for item in iter_reports(paths):
            if isinstance(item, ReportError):
                bad += 1
                print(f"bad report: {item}", file=sys.stderr)
                continue
            try:
                facts = extract_report(item, gaz)
            except Exception as exc:  # a bug must not lose the other reports
                bad += 1
                print(f"bad report: {item.id}: extractor failed: {exc!r}", file=sys.stderr)
                continue
            for fact in facts:
                fh.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
            if progress:
                progress.advance(task)
    return 0 if bad == 0 else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="frontline extract", description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", metavar="REPORT_FILE_OR_DIR")
    ap.add_argument("--out", default=None, metavar="FACTS.jsonl")
    ap.add_argument("--gazetteer", default=None, help="gazetteer JSON (default: $FRONTLINE_GAZETTEER or built-in)")
    args = ap.parse_args(argv)
    return run_extract(args.paths, args.out, args.gazetteer)


if __name__ == "__main__":
    sys.exit(main())
