"""Fixtures for the reference-data tests: the real files (never copied), temp warehouses."""
from __future__ import annotations

import subprocess
from pathlib import Path

import duckdb
import pytest

from ingestion import settings
from orchestration.dbt import REFERENCE_SELECT
from tests.dbt_helpers import dbt_cli

SHARED_REFERENCE = settings.PROJECT_ROOT.parent / "shared" / "reference"


@pytest.fixture(scope="session")
def ref_dir() -> Path:
    if not SHARED_REFERENCE.is_dir():
        pytest.skip("../shared/reference not present")
    return SHARED_REFERENCE


def run_dbt_reference(warehouse: Path, tmp: Path) -> subprocess.CompletedProcess:
    """``dbt build`` of the reference group into ``warehouse`` (private target/log paths)."""
    return dbt_cli(warehouse, ["build", "--select", REFERENCE_SELECT, "--indirect-selection", "cautious"],
                   target_path=tmp / "target", log_path=tmp / "logs")


@pytest.fixture(scope="session")
def full_warehouse(ref_dir, tmp_path_factory) -> Path:
    """A warehouse with every real reference file loaded and the dbt reference group built."""
    from ingestion.reference.pipeline import load_reference

    tmp = tmp_path_factory.mktemp("full_wh")
    path = tmp / "frontline.duckdb"
    con = duckdb.connect(str(path))
    try:
        load_reference(con, source=str(ref_dir))
    finally:
        con.close()
    result = run_dbt_reference(path, tmp)
    assert result.returncode == 0, result.stdout[-4000:]
    return path


@pytest.fixture
def full_con(full_warehouse):
    con = duckdb.connect(str(full_warehouse), read_only=True)
    yield con
    con.close()
