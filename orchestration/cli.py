"""The ``frontline`` command: refresh, backfill, extract, status, demo.

Dagster and dbt are imported only by the commands that need them, so ``frontline
extract`` starts fast.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

app = typer.Typer(help="Frontline: territorial control and claims in Myanmar's war, as a warehouse.",
                  no_args_is_help=True, add_completion=False)
console = Console(stderr=True)
out = Console(soft_wrap=True)

EXAMPLE_QUERY = ("select place_name, change, actor_to, event_date, report_id "
                 "from fct_control_changes order by event_date limit 10;")


VERBOSE = typer.Option("--verbose", "-v", help="Show Dagster's and dbt's log on the console.")


def _log_level(verbose: bool) -> str | None:
    return None if verbose else "ERROR"


@contextlib.contextmanager
def _quiet(verbose: bool):
    """Unless verbose: no library warnings, and dbt's progress (printed by dagster-dbt to
    stdout) kept out of the console; the Dagster run history keeps everything."""
    if verbose:
        yield
        return
    with warnings.catch_warnings(), open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
        warnings.simplefilter("ignore")
        yield


def _env_defaults() -> None:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")


def _use_sources(sources: Optional[Path]) -> None:
    if sources is not None:
        if not sources.exists():
            console.print(f"[red]sources file not found: {sources}[/red]")
            raise typer.Exit(2)
        os.environ["FRONTLINE_SOURCES"] = str(sources.resolve())


def failed_sources(outcomes) -> list[str]:
    """"name: reason" of every source that failed in these runs."""
    from runlog.report import failed_sources_of

    return [f for o in outcomes for f in failed_sources_of(o.metadata.get("raw/reports", {}))]


def _report(outcomes, strict: bool = False) -> int:
    """Print what the runs did; 0 only when the last run published (and, with ``strict``,
    no source failed)."""
    sources_failed = failed_sources(outcomes)
    for name in sources_failed:
        console.print(f"[red]FAILED source[/red] {name}")
    for o in outcomes:
        for warning in (o.metadata.get("raw/reports", {}).get("warnings") or [])[:20]:
            console.print(f"[yellow]skipped[/yellow] {warning}")
    for o in outcomes:
        for name in o.checks_failed:
            console.print(f"[red]FAILED check[/red] {name}")
        for name in o.checks_warned:
            console.print(f"[yellow]warning[/yellow] {name}")
        for step in o.failed_steps:
            error = o.errors.get(step, "")
            console.print(f"[red]FAILED step[/red] {step}" + (f": {error}" if error else ""))
        pg = (o.metadata.get("published_warehouse") or {}).get("postgres")
        if isinstance(pg, dict):
            if pg.get("status") == "published":
                console.print(f"[green]postgres[/green] {pg.get('url')}: {sum(pg.get('rows', {}).values()):,} rows "
                              f"in {len(pg.get('rows', {}))} tables ({pg.get('mode', 'full')} copy: "
                              f"{sum(pg.get('copied', {}).values()):,} rows copied), {pg.get('seconds')} s")
            else:
                console.print(f"[yellow]postgres NOT updated[/yellow] (not blocking): {pg.get('error')}")
    last = outcomes[-1]
    passed = sum(len(o.checks_passed) for o in outcomes)
    failed = sum(len(o.checks_failed) for o in outcomes)
    if last.ok and all(o.success and not o.checks_failed for o in outcomes):
        console.print(f"[green]published[/green] run {last.run_id}: {passed} checks passed")
        if strict and sources_failed:
            console.print(f"[red]--strict: {len(sources_failed)} source(s) failed[/red]")
            return 3
        return 0
    what = ", ".join(o for x in outcomes for o in x.checks_failed) or ", ".join(
        s for x in outcomes for s in x.failed_steps) or "run did not publish"
    console.print(f"[red]not published[/red] ({failed} blocking checks failed): {what}")
    from ingestion import settings
    console.print(f"the last good warehouse is unchanged: {settings.published_path()}")
    return 1


def _parse_day(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        console.print(f"[red]{name} must be YYYY-MM-DD, got {value!r}[/red]")
        raise typer.Exit(2) from None


@app.command()
def refresh(
    date: Annotated[Optional[str], typer.Option(help="Partition day YYYY-MM-DD (default: yesterday in Asia/Yangon).")] = None,
    sources: Annotated[Optional[Path], typer.Option(help="Sources file (default: FRONTLINE_SOURCES or sources.yaml).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero (3) when any source failed, even if the run published.")] = False,
    verbose: Annotated[bool, VERBOSE] = False,
) -> None:
    """The nightly job for one day: fetch, extract, build, gate, publish."""
    _env_defaults()
    _use_sources(sources)
    from orchestration.runner import refresh as run_refresh, yesterday_in_yangon

    day = _parse_day(date, "--date") if date else yesterday_in_yangon()
    with console.status(f"refreshing {day} ..."), _quiet(verbose):
        outcomes = run_refresh(day, log_level=_log_level(verbose))
    raise typer.Exit(_report(outcomes, strict))


@app.command()
def backfill(
    start: Annotated[str, typer.Option(help="First day YYYY-MM-DD.")],
    end: Annotated[str, typer.Option(help="Last day YYYY-MM-DD (inclusive).")],
    sources: Annotated[Optional[Path], typer.Option(help="Sources file.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero (3) when any source failed, even if the run published.")] = False,
    verbose: Annotated[bool, VERBOSE] = False,
) -> None:
    """Every daily partition from START to END in one run (idempotent)."""
    _env_defaults()
    _use_sources(sources)
    from orchestration.runner import refresh as run_refresh

    first, last = _parse_day(start, "--start"), _parse_day(end, "--end")
    if last < first:
        console.print("[red]--end is before --start[/red]")
        raise typer.Exit(2)
    with console.status(f"backfilling {first} .. {last} in one run ..."), _quiet(verbose):
        outcomes = run_refresh(first, last, log_level=_log_level(verbose))
    raise typer.Exit(_report(outcomes, strict))


@app.command(context_settings={"allow_extra_args": False})
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Report files (JSON/JSONL) or folders.")],
    out_path: Annotated[Optional[str], typer.Option("--out", help="Facts JSONL (default: stdout).")] = None,
    gazetteer: Annotated[Optional[str], typer.Option(help="Gazetteer JSON (default: FRONTLINE_GAZETTEER or built-in).")] = None,
) -> None:
    """Extract facts from reports, as ../shared/contract/facts.md says."""
    from ingestion.extract_cli import run_extract

    raise typer.Exit(run_extract(inputs, out_path, gazetteer))


@app.command()
def status(
    as_json: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
) -> None:
    """What is published, when, by which run, rows per table, last checks, tracker agreement."""
    from ingestion import settings
    from reporting.status import published_status

    info = published_status(settings.published_path())
    pg = _postgres_status(info)
    if info is None:
        out.print(f"nothing published yet at {settings.published_path()}")
        raise typer.Exit(1)
    if pg is not None:
        info["postgres"] = pg
    if as_json:
        out.print_json(json.dumps(info, default=str))
        return
    _print_status(info)
    if pg is not None:
        _print_postgres(pg)


def _postgres_status(info: dict | None) -> dict | None:
    """The PostgreSQL target's status, or None when none is configured."""
    from publishing.pg_target import TargetError, resolve_target
    from ingestion.sources.config import ConfigError, load_config
    from ingestion import settings
    from reporting.status import build_runs, postgres_status

    try:
        target = resolve_target(load_config().publish.get("postgres"), os.environ)
    except (ConfigError, TargetError) as exc:
        return {"error": f"PostgreSQL target misconfigured: {exc}", "reachable": False}
    if target is None:
        return None
    return postgres_status(target, info, build_runs(settings.warehouse_path()))


def _print_postgres(pg: dict) -> None:
    from rich.table import Table

    out.print(f"\n[bold]postgres[/bold] {pg.get('url', '')} schema {pg.get('schema', '')}"
              f" ({'blocking' if pg.get('blocking') else 'not blocking'})")
    attempt = pg.get("last_attempt")
    if attempt and attempt.get("status") != "published":
        out.print(f"  [red]last attempt failed[/red] (run {str(attempt['run_id'])[:8]}): {attempt.get('error')}")
    if not pg.get("reachable"):
        out.print(f"  [red]unreachable[/red]: {pg.get('error')}")
        return
    if not pg.get("published"):
        out.print("  nothing published there yet")
        return
    behind = pg.get("runs_behind")
    lag = ("up to date with the DuckDB file" if behind == 0 else
           f"{behind} published run(s) behind the DuckDB file, {pg.get('lag_seconds', '?')} s" if behind else
           "its run is not among the DuckDB file's recent runs")
    out.print(f"  run {str(pg.get('run_id'))[:8]}, published {pg.get('published_at')}: {lag}")
    rows = Table("table", "rows", title="postgres: rows per table")
    for table, n in pg.get("rows", {}).items():
        rows.add_row(table, f"{n:,}")
    out.print(rows)


def _print_status(info: dict) -> None:
    from rich.table import Table

    modified = dt.datetime.fromtimestamp(info["modified"], dt.timezone.utc)
    out.print(f"[bold]published[/bold] {info['path']}  (written {modified:%Y-%m-%d %H:%M} UTC)")
    last = info.get("last_run")
    if last:
        out.print(f"last run {last['run_id']}: {last['status']}, partitions "
                  f"[{last['partition_start']}, {last['partition_end']}), finished {last['finished_at']}, "
                  f"checks passed {last['checks_passed']}, failed {last['checks_failed']}")
        for name in last.get("failed_checks") or []:
            out.print(f"  [red]failed[/red] {name}")
        flows = Table("asset", "in", "out", "quarantined", title="last run: rows per asset")
        for asset_name, counts in (last.get("rows_json") or {}).items():
            if isinstance(counts, dict):
                flows.add_row(asset_name, *(str(counts.get(k, "")) for k in ("in", "out", "quarantined")))
        out.print(flows)
    runs = Table("run", "status", "partitions", "finished", "checks ok/failed", title="recent runs")
    for r in info["recent_runs"]:
        runs.add_row(r["run_id"][:8], r["status"], f"{r['partition_start']} .. {r['partition_end']}",
                     str(r["finished_at"])[:19], f"{r['checks_passed']}/{r['checks_failed']}")
    out.print(runs)
    rows = Table("table", "rows", title="rows per table")
    for table, n in info["rows"].items():
        rows.add_row(table, f"{n:,}")
    out.print(rows)
    if info.get("tracker_crosscheck"):
        from reporting.status import crosscheck_line

        out.print(crosscheck_line(info["tracker_crosscheck"]))


@app.command()
def demo(verbose: Annotated[bool, VERBOSE] = False) -> None:
    """Run the nightly job over every day of the bundled demo reports and show the result."""
    _env_defaults()
    from ingestion import settings
    from ingestion.reports import ReportError, iter_reports
    from reporting.status import published_status
    from orchestration.runner import refresh as run_refresh

    days = sorted({r.published_date for r in iter_reports([settings.DEMO_DIR / "reports"])
                   if not isinstance(r, ReportError)})
    first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    with console.status(f"demo: nightly job over {first} .. {last} ..."), _quiet(verbose):
        outcomes = run_refresh(first, last, log_level=_log_level(verbose))
    code = _report(outcomes)
    if code == 0:
        info = published_status(settings.published_path())
        out.print("\n[bold]rows per table[/bold]")
        for table, n in info["rows"].items():
            out.print(f"  {table:32} {n:>8}")
        passed = sum(len(o.checks_passed) for o in outcomes)
        out.print(f"\nchecks passed: {passed}, failed: 0")
        out.print(f"published: {settings.published_path()}")
        report = settings.published_path().parent / "report.html"
        if report.exists():
            out.print(f"report:    {report}")
        acled = settings.published_path().parent / "export_acled_events.csv"
        if acled.exists():
            out.print(f"ACLED-format export: {acled}")
        if info.get("tracker_crosscheck"):
            from reporting.status import crosscheck_line

            out.print(crosscheck_line(info["tracker_crosscheck"]))
        path = settings.published_path()
        out.print(f"try:\n  duckdb -readonly {path} \"{EXAMPLE_QUERY}\"")
        out.print("or, without the duckdb CLI:\n  .venv/bin/python -c \"import duckdb; "
                  f"print(duckdb.connect('{path}', read_only=True).sql('{EXAMPLE_QUERY.rstrip(';')}'))\"")
    raise typer.Exit(code)


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
