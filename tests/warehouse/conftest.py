"""One session-scoped dbt build of the fact models over the fixture warehouse, reused."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.fixtures import ROOT, build_fixture_warehouse

DBT_DIR = ROOT / "dbt_project"
# The fixture creates the reference dims itself: leave the reference group out.
EXCLUDE = ["--exclude", "path:models/staging/reference", "path:models/marts/reference"]


def dbt_executable() -> str:
    local = Path(sys.executable).parent / "dbt"
    return str(local) if local.exists() else "dbt"


def run_dbt(warehouse: Path, *args: str, target_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "FRONTLINE_WAREHOUSE": str(warehouse), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    cmd = [dbt_executable(), *args, "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR),
           "--target-path", str(target_path), "--log-path", str(target_path / "logs"), *EXCLUDE]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=DBT_DIR)
    if result.returncode != 0:
        raise AssertionError(f"dbt {' '.join(args)} failed:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}")
    return result


@pytest.fixture(scope="session")
def dbt_target(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("dbt_target")


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory, dbt_target) -> Path:
    """The fixture warehouse after a full `dbt build` (models, data tests, unit tests)."""
    path = build_fixture_warehouse(tmp_path_factory.mktemp("wh") / "frontline.duckdb")
    run_dbt(path, "build", "--full-refresh", target_path=dbt_target)
    return path


@pytest.fixture
def con(built_warehouse):
    connection = duckdb.connect(str(built_warehouse), read_only=True)
    yield connection
    connection.close()
