"""Crash safety: a real `frontline backfill` process tree is killed with SIGKILL during
extraction, during dbt and during the publish, then rerun; every published table equals the
tables of an uninterrupted backfill, and no lock or temporary file blocks the rerun."""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from orchestration.assets.publish import PUBLISHED_TABLES
from tests.reliability.test_end_to_end import REPO, isolated_env

START, END = "2025-03-01", "2025-03-14"
# Columns that name a run or a time of day: they differ between any two runs.
VOLATILE = ("run_id", "_at", "loaded_by", "extracted_by")


def backfill_cmd() -> list[str]:
    return [str(REPO / ".venv" / "bin" / "frontline"), "backfill", "--start", START, "--end", END, "--verbose"]


def sources_file(tmp: Path) -> Path:
    path = tmp / "sources.yaml"
    path.write_text(f"sources:\n  - {{name: demo-inbox, type: folder, path: {REPO / 'data/demo/reports'}, "
                    "outlet: Demo Wire}\n", encoding="utf-8")
    return path


def snapshot(published: Path) -> dict[str, list]:
    """Every published table, volatile columns left out, rows sorted."""
    con = duckdb.connect(str(published), read_only=True)
    try:
        out = {}
        for table in PUBLISHED_TABLES:
            cols = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema = 'main' "
                "and table_name = ? order by ordinal_position", [table]).fetchall()]
            keep = [c for c in cols if not any(v in c for v in VOLATILE)]
            assert keep, table
            out[table] = sorted(map(repr, con.execute(
                f'select {", ".join(chr(34) + c + chr(34) for c in keep)} from main."{table}"').fetchall()))
        return out
    finally:
        con.close()


def descendants(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every process below ``pid`` (read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            try:
                cmd = (Path("/proc") / str(child) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                cmd = ""
            found.append((child, cmd))
            todo.append(child)
    return found


def run_and_kill(env: dict[str, str], trigger: Callable[[list[str], int], bool]) -> int:
    """Start the backfill in its own process group; SIGKILL the whole group as soon as
    ``trigger(log lines so far, pid)`` says so. Returns the exit status (-9 when killed)."""
    proc = subprocess.Popen(backfill_cmd(), env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True)
    reader.start()
    deadline = time.monotonic() + 900
    while proc.poll() is None and time.monotonic() < deadline:
        if trigger(lines, proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.05)  # polling the child, not waiting for a result
    code = proc.wait(timeout=60)
    reader.join(timeout=10)
    return code


def step_started(step: str) -> Callable[[list[str], int], bool]:
    return lambda lines, pid: any("STEP_START" in line and step in line for line in list(lines))


def dbt_of_the_facts(lines: list[str], pid: int) -> bool:
    """dbt is running for the fact models (after the extraction started)."""
    if not step_started("raw__extracted_facts")(lines, pid):
        return False
    return any("dbt" in cmd and "build" in cmd for _, cmd in descendants(pid))


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> dict[str, list]:
    tmp = tmp_path_factory.mktemp("uninterrupted")
    env = isolated_env(tmp, sources_file(tmp))
    done = subprocess.run(backfill_cmd(), env=env, cwd=REPO, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return snapshot(tmp / "published" / "frontline.duckdb")


@pytest.mark.slow
@pytest.mark.parametrize("point, trigger", [
    ("extraction", step_started("raw__extracted_facts")),
    ("dbt", dbt_of_the_facts),
    ("publish", step_started("published_warehouse")),
])
def test_sigkill_then_rerun_gives_the_uninterrupted_tables(tmp_path, uninterrupted, point, trigger):
    env = isolated_env(tmp_path, sources_file(tmp_path))
    code = run_and_kill(env, trigger)
    assert code == -signal.SIGKILL, f"{point}: the backfill ended ({code}) before it could be killed"
    rerun = subprocess.run(backfill_cmd(), env=env, cwd=REPO, capture_output=True, text=True, timeout=1200)
    assert rerun.returncode == 0, f"{point}: rerun failed:\n{rerun.stdout[-3000:]}\n{rerun.stderr[-3000:]}"
    published = tmp_path / "published" / "frontline.duckdb"
    assert snapshot(published) == uninterrupted, point
    leftovers = [p.name for p in published.parent.iterdir() if p.name.startswith(".") or p.suffix == ".part"]
    assert leftovers == [], leftovers
