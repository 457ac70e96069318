"""End to end through ``frontline refresh`` (a subprocess: real definitions, dbt, GX):

1. a folder with one bad report among good ones publishes the good ones and quarantines the
   bad one with its reason;
2. a folder holding only malformed reports exits non-zero naming the failed check, leaves the
   published warehouse byte-identical, and quarantines every bad report with its reason.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow  # the `frontline` CLI end to end, twice (minutes)

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo"
DAY = "2025-03-03"
GOOD_COPY = "demo-2025-03-03-kia-ib236-copy"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    env = dict(os.environ)
    env.update(
        FRONTLINE_WAREHOUSE=str(root / "warehouse" / "frontline.duckdb"),
        FRONTLINE_PUBLISHED=str(root / "published" / "frontline.duckdb"),
        DAGSTER_HOME=str(root / "dagster_home"),
        GX_ANALYTICS_ENABLED="False", DBT_SEND_ANONYMOUS_USAGE_STATS="False",
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
    )
    env.pop("FRONTLINE_SOURCES", None)
    (root / "dagster_home").mkdir()
    return root, env


def _sources(root: Path, name: str, files: list[Path]) -> Path:
    folder = root / name
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    path = root / f"{name}.yaml"
    path.write_text(f"sources:\n  - {{name: inbox, type: folder, path: {folder}}}\n")
    return path


def _refresh(env: dict, sources: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "refresh", "--date", DAY, "--sources", str(sources)],
        cwd=REPO, env={**env, "FRONTLINE_SOURCES": str(sources)}, capture_output=True, text=True,
        timeout=900)


def test_one_bad_among_good_publishes_then_only_bad_keeps_last_good(env):
    root, environ = env
    published = Path(environ["FRONTLINE_PUBLISHED"])
    mixed = _sources(root, "mixed", [*sorted((DEMO / "reports").glob("*.json")),
                                     DEMO / "bad_reports" / "good-demo-2025-03-03-kia-ib236-copy.json",
                                     DEMO / "bad_reports" / "bad-invalid-json.json"])
    ok = _refresh(environ, mixed)
    assert ok.returncode == 0, ok.stdout[-3000:] + ok.stderr[-5000:]
    con = duckdb.connect(str(published), read_only=True)
    try:
        ids = {r[0] for r in con.execute("select report_id from dim_report").fetchall()}
        quarantined = con.execute("select report_id, origin, rule, reason from quarantine.reports").fetchall()
        runs = con.execute("select status, checks_failed from meta.runs").fetchall()
    finally:
        con.close()
    assert GOOD_COPY in ids
    assert len(quarantined) == 1 and quarantined[0][1].endswith("bad-invalid-json.json")
    assert quarantined[0][2] == "unreadable_report" and "invalid JSON" in quarantined[0][3]
    assert ("published", 0) in runs

    before = published.read_bytes()
    bad = _sources(root, "bad", [DEMO / "bad_reports" / "bad-invalid-json.json",
                                 DEMO / "bad_reports" / "bad-empty-text-no-date.json"])
    failed = _refresh(environ, bad)
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0
    assert "raw/reports:reports_quarantine_share" in output, output[-3000:]
    assert published.read_bytes() == before
    con = duckdb.connect(environ["FRONTLINE_WAREHOUSE"], read_only=True)
    try:
        last_run = con.execute("select run_id from quarantine.reports order by quarantined_at desc limit 1").fetchall()[0][0]
        rows = con.execute("select origin, reason from quarantine.reports where run_id = ? order by origin",
                           [last_run]).fetchall()
    finally:
        con.close()
    assert [Path(o).name for o, _ in rows] == ["bad-empty-text-no-date.json", "bad-invalid-json.json"]
    assert "text" in rows[0][1] and "invalid JSON" in rows[1][1]
