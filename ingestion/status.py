"""What the published warehouse holds: freshness, rows per table, the last runs."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb


def published_status(path: Path) -> dict[str, Any] | None:
    """Read the published file read-only; None when nothing is published yet."""
    if not Path(path).exists():
        return None
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('main') and table_type = 'BASE TABLE' order by table_name"
        ).fetchall()
        rows = {t: con.execute(f'select count(*) from "{s}"."{t}"').fetchall()[0][0] for s, t in tables}
        runs = []
        has_runs = con.execute("select count(*) from information_schema.tables "
                               "where table_schema = 'meta' and table_name = 'runs'").fetchall()[0][0]
        if has_runs:
            cols = [d[0] for d in con.execute("select * from meta.runs limit 0").description]
            for r in con.execute("select * from meta.runs order by finished_at desc limit 5").fetchall():
                run = dict(zip(cols, r))
                for k in ("failed_checks", "rows_json", "details_json"):
                    if run.get(k):
                        run[k] = json.loads(run[k])
                runs.append(run)
    finally:
        con.close()
    return {
        "path": str(path),
        "modified": Path(path).stat().st_mtime,
        "last_run": runs[0] if runs else None,
        "recent_runs": runs,
        "rows": rows,
    }
