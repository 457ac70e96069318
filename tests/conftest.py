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


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster (ICU en-US collation, trust auth) on a free port of
    127.0.0.1, removed at the end. Missing server binaries fail the tests that need it,
    loudly: `apt-get install -y postgresql-15` (.ci/run does)."""
    from publishing.pg_local import ClusterError, LocalCluster

    cluster = LocalCluster()
    try:
        cluster.start()
    except ClusterError as exc:
        cluster.remove()
        pytest.fail(f"cannot start a local PostgreSQL for the tests: {exc}", pytrace=False)
    yield cluster
    cluster.remove()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A new, empty database of the session's cluster (one per test: no order dependence)."""
    import uuid

    return pg_cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")
