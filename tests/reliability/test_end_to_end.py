"""The whole battery at once, beside 45 good reports, through the real `frontline refresh`
in a subprocess: every good report lands, every bad input is quarantined with a reason (or
skipped and named, or its source fails alone), the run publishes, and the peak memory of
the process (a 50 MB report, an endless API body, a gzip bomb, an endless article page)
stays under 1.5 GiB."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from tests.reliability.battery import CASES, DAY, Env, Expect, report

REPO = Path(__file__).resolve().parents[2]
PEAK_LIMIT_KB = int(1.5 * 1024 * 1024)
GOOD = 45
# Runs a command and prints the peak RSS of its process tree's largest process (kB).
MEASURE = ("import json, resource, subprocess, sys\n"
           "p = subprocess.run(sys.argv[1:])\n"
           "print(json.dumps({'rc': p.returncode, "
           "'maxrss_kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n")


def run_measured(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, int, str]:
    """(exit code, peak RSS in kB, stderr) of a command run under the measuring wrapper."""
    proc = subprocess.run([sys.executable, "-c", MEASURE, *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=1200)
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    return stats["rc"], stats["maxrss_kb"], proc.stderr


def isolated_env(tmp: Path, sources: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTLINE_")}
    env.update(FRONTLINE_WAREHOUSE=str(tmp / "warehouse" / "frontline.duckdb"),
               FRONTLINE_PUBLISHED=str(tmp / "published" / "frontline.duckdb"),
               FRONTLINE_SOURCES=str(sources), FRONTLINE_HTTP_CACHE=str(tmp / "http_cache"),
               DAGSTER_HOME=str(tmp / "dagster_home"), GX_ANALYTICS_ENABLED="False",
               DBT_SEND_ANONYMOUS_USAGE_STATS="False",
               # rich folds the console at 80 columns off a terminal: a long temporary path (an
               # xdist worker's has one more folder) would cut the file names the tests look for
               COLUMNS="1000")
    return env


@pytest.mark.slow
def test_battery_end_to_end_publishes_with_bounded_memory(tmp_path, httpserver):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    env = Env(inbox, httpserver)
    expects: dict[str, Expect] = {name: fn(env) for name, fn in CASES.items()}
    for i in range(GOOD):
        env.file(f"good_{i:02d}.json", json.dumps(report(f"good-{i:02d}", n=400 + i)))
    sources = tmp_path / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [{"name": "battery", "type": "folder", "path": str(inbox)},
                                                   *env.sources]}), encoding="utf-8")
    rc, peak_kb, stderr = run_measured([str(REPO / ".venv" / "bin" / "frontline"), "refresh", "--date", DAY],
                                       isolated_env(tmp_path, sources), REPO)
    print(f"peak RSS of the refresh: {peak_kb / 1024:.0f} MiB")
    assert rc == 0, stderr[-4000:]
    assert peak_kb < PEAK_LIMIT_KB, f"peak {peak_kb / 1024:.0f} MiB"

    con = duckdb.connect(str(tmp_path / "published" / "frontline.duckdb"), read_only=True)
    try:
        landed = {r[0] for r in con.execute("select id from raw.reports").fetchall()}
        in_marts = {r[0] for r in con.execute("select report_id from dim_report").fetchall()}
        quarantined = con.execute("select origin, coalesce(report_id, ''), reason, rule from quarantine.reports"
                                  ).fetchall()
        leaked = con.execute("select count(*) from raw.reports where text like '%root:x:0:0%'").fetchall()[0][0]
        huge = con.execute("select length(text) from raw.reports where id = 'huge'").fetchall()
        two_units = con.execute("select count(distinct fact_id), list(unit_number order by unit_number) "
                                "from raw.extracted_facts where report_id = 'two-units'").fetchall()[0]
        failed_sources = json.loads(con.execute(
            "select failed_sources from meta.runs where status = 'published'").fetchall()[-1][0])
    finally:
        con.close()

    goods = {f"good-{i:02d}" for i in range(GOOD)}
    assert goods <= landed and goods <= in_marts
    for name, expect in expects.items():
        for rid in expect.lands:
            assert rid in landed, f"{name}: {rid} did not land"
        for where, why in expect.quarantined:
            hits = [q for q in quarantined if where in q[0] or where == q[1]]
            assert any(why.lower() in q[2].lower() for q in hits), f"{name}: {where} not quarantined: {hits}"
        for where in expect.skipped:
            assert where in stderr, f"{name}: {where} not named in the run's warnings"
        if expect.source_fails:
            assert any(f.startswith(expect.source_fails + ":") and expect.fail_reason in f
                       for f in failed_sources), f"{name}: {failed_sources}"
            assert f"FAILED source {expect.source_fails}" in stderr
    assert leaked == 0
    from ingestion.limits import DEFAULT_MAX_REPORT_CHARS

    assert huge and huge[0][0] == DEFAULT_MAX_REPORT_CHARS  # cut, and named in the run's warnings
    assert two_units[0] == 2 and two_units[1] == ["542", "543"]
