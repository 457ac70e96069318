"""One session-scoped dbt build of the fact models over the fixture warehouse, reused."""
from __future__ import annotations

import subprocess
from pathlib import Path

import duckdb
import pytest

from orchestration.dbt import REFERENCE_SELECT
from tests.dbt_helpers import dbt_cli
from tests.warehouse.fixtures import build_fixture_warehouse

# The fixture creates the reference dims itself: leave the reference group out.
EXCLUDE = ["--exclude", *REFERENCE_SELECT.split()]


def run_dbt(warehouse: Path, *args: str, target_path: Path) -> subprocess.CompletedProcess:
    result = dbt_cli(warehouse, [*args, *EXCLUDE], target_path=target_path, log_path=target_path / "logs")
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
