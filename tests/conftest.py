"""Shared test setup: offline settings and a prepared dbt manifest."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
# dbt and the other console scripts of this environment, whether or not it is activated.
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DBT_DIR = REPO / "dbt_project"


def _manifest_stale(manifest: Path) -> bool:
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    watched = [DBT_DIR / "dbt_project.yml", *DBT_DIR.glob("models/**/*"), *DBT_DIR.glob("macros/**/*"),
               *DBT_DIR.glob("tests/**/*"), *DBT_DIR.glob("seeds/**/*")]
    return any(p.is_file() and p.stat().st_mtime > built for p in watched)


def pytest_configure(config: pytest.Config) -> None:
    # DbtProject.prepare_if_dev() does nothing under pytest: prepare the manifest here.
    from dagster_dbt import DbtProject

    project = DbtProject(project_dir=DBT_DIR)
    if _manifest_stale(project.manifest_path):
        project.preparer.prepare(project)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED
