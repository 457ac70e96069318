"""What the published warehouse holds: freshness, rows per table, the last runs, and the
overall agreement with the community tracker of town control."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from ingestion import duck

from ingestion.tables import table_exists


def _recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 5) -> list[dict[str, Any]]:
    """The last rows of meta.runs, newest first, JSON columns parsed."""
    runs = []
    if table_exists(con, "meta", "runs"):
        cols = [d[0] for d in con.execute("select * from meta.runs limit 0").description]
        for r in con.execute(f"select * from meta.runs order by finished_at desc limit {int(limit)}").fetchall():
            run = dict(zip(cols, r))
            for k in ("failed_checks", "rows_json", "details_json", "failed_sources"):
                if run.get(k):
                    run[k] = json.loads(run[k])
            runs.append(run)
    return runs


def build_runs(path: Path) -> list[dict[str, Any]]:
    """The build warehouse's last runs (it records the runs that did not publish); [] when
    it is missing or a writer holds it."""
    if not Path(path).exists():
        return []
    try:
        con = duck.connect(str(path), read_only=True)
    except duckdb.Error:
        return []
    try:
        return _recent_runs(con)
    finally:
        con.close()


def published_status(path: Path) -> dict[str, Any] | None:
    """Read the published file read-only; None when nothing is published yet."""
    if not Path(path).exists():
        return None
    con = duck.connect(str(path), read_only=True)
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('main') and table_type = 'BASE TABLE' order by table_name"
        ).fetchall()
        rows = {t: con.execute(f'select count(*) from "{s}"."{t}"').fetchall()[0][0] for s, t in tables}
        runs = _recent_runs(con)
        crosscheck = tracker_crosscheck(con)
    finally:
        con.close()
    return {
        "path": str(path),
        "modified": Path(path).stat().st_mtime,
        "last_run": runs[0] if runs else None,
        "recent_runs": runs,
        "rows": rows,
        "tracker_crosscheck": crosscheck,
    }


CROSSCHECK_FIGURES = ("window_days", "agreed", "holder_disagreements", "tracker_only", "frontline_only",
                      "tracker_events", "tracker_outside_coverage", "tracker_unresolved_towns",
                      "frontline_changes", "frontline_outside_tracker_span", "tracker_agreement_share",
                      "frontline_agreement_share")


def tracker_crosscheck(con) -> dict[str, Any] | None:
    """The overall row of mart_tracker_crosscheck (None when the table is not published)."""
    if not table_exists(con, "main", "mart_tracker_crosscheck"):
        return None
    row = con.execute(f"select {', '.join(CROSSCHECK_FIGURES)} from main.mart_tracker_crosscheck "
                      "where scope = 'overall'").fetchall()
    return dict(zip(CROSSCHECK_FIGURES, row[0])) if row else None


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def crosscheck_line(figures: dict[str, Any]) -> str:
    """One line of the overall figures, as ``frontline status`` prints them."""
    share = figures.get("tracker_agreement_share")
    share_text = f"{share:.0%} of the compared tracker events confirmed" if share is not None else "nothing compared"
    return (f"tracker cross-check (±{figures['window_days']} days): {figures['agreed']} agreed, "
            f"{_count(figures['holder_disagreements'], 'holder disagreement')}, "
            f"{figures['tracker_only']} tracker-only, {figures['frontline_only']} Frontline-only ({share_text}; "
            f"{_count(figures['tracker_outside_coverage'], 'tracker event')} outside Frontline's dates, "
            f"{_count(figures['tracker_unresolved_towns'], 'unresolved town')})")


def postgres_status(target, published: dict[str, Any] | None,
                    other_runs: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The PostgreSQL copy: which run it holds, when it was published, rows per table, and
    its lag behind the DuckDB file (``published``: ``published_status`` of the file); the
    last publish attempt from the file's runs and ``other_runs`` (the build warehouse's,
    which hold runs that did not publish). ``reachable`` is False (with ``error``) when the
    server cannot be queried."""
    import datetime as dt

    import psycopg

    from publishing.pg_schema import quote_ident

    info: dict[str, Any] = {"url": target.display_url, "schema": target.schema, "blocking": target.blocking}
    runs = (published or {}).get("recent_runs") or []
    attempts = sorted((r for r in [*runs, *(other_runs or [])]
                       if isinstance(r.get("details_json"), dict) and "postgres" in r["details_json"]),
                      key=lambda r: str(r.get("finished_at")), reverse=True)
    if attempts:
        last = attempts[0]["details_json"]["postgres"]
        info["last_attempt"] = {"run_id": attempts[0]["run_id"], "status": last.get("status"),
                                "error": last.get("error"), "seconds": last.get("seconds")}
    try:
        with psycopg.connect(target.url, connect_timeout=5, autocommit=True) as con:
            comment = con.execute("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = %s",
                                  [target.schema]).fetchone()
            if comment is None:
                return info | {"reachable": True, "published": False}
            stamp = json.loads(comment[0]) if comment[0] and comment[0].startswith("{") else {}
            tables = con.execute(
                "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind = 'r' AND n.nspname = ANY(%s) ORDER BY 1, 2",
                [[target.schema, "meta", "quarantine"]]).fetchall()
            rows = {f"{s}.{t}": con.execute(f"SELECT count(*) FROM {quote_ident(s)}.{quote_ident(t)}").fetchone()[0]
                    for s, t in tables}
    except psycopg.Error as exc:
        return info | {"reachable": False, "error": str(exc).strip()}
    info |= {"reachable": True, "published": True, "run_id": stamp.get("frontline_run_id"),
             "published_at": stamp.get("published_at"), "rows": rows}
    published_runs = [r for r in runs if r.get("status") == "published"]
    if published_runs:
        ids = [r["run_id"] for r in published_runs]
        info["runs_behind"] = ids.index(info["run_id"]) if info["run_id"] in ids else None
        if info["published_at"] and published:
            pg_at = dt.datetime.fromisoformat(info["published_at"]).timestamp()
            info["lag_seconds"] = 0 if info["runs_behind"] == 0 else max(0, round(published["modified"] - pg_at))
    return info
