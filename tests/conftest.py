"""Shared test setup: offline settings, a prepared dbt manifest, private state per test
process (``make test`` runs two pytest-xdist workers side by side)."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")
# dbt and the other console scripts of this environment, whether or not it is activated.
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])

# Private state for this test process (each xdist worker is one): a Dagster instance, and a
# warehouse, published file and fact store for whatever falls back to the environment, never
# the checkout's warehouse/ nor .dagster_home (which `make` exports) nor another worker's.
PRIVATE = Path(tempfile.mkdtemp(prefix="frontline-tests-"))
os.environ["DAGSTER_HOME"] = str(PRIVATE / "dagster_home")
os.environ["FRONTLINE_WAREHOUSE"] = str(PRIVATE / "warehouse" / "frontline.duckdb")
os.environ["FRONTLINE_PUBLISHED"] = str(PRIVATE / "published" / "frontline.duckdb")
os.environ["FRONTLINE_FACT_STORE"] = str(PRIVATE / "fact_store")
os.environ["FRONTLINE_HTTP_CACHE"] = str(PRIVATE / "http_cache")

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
    # DbtProject.prepare_if_dev() does nothing under pytest: prepare the manifest here, once:
    # in the xdist controller (it runs before the workers start), not in each worker.
    if hasattr(config, "workerinput"):
        return
    from dagster_dbt import DbtProject

    project = DbtProject(project_dir=DBT_DIR)
    if _manifest_stale(project.manifest_path):
        project.preparer.prepare(project)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The files with slow tests first (a stable sort: a file's tests stay together and in order): `make test` hands
    # whole files to two xdist workers in this order, so the long ones start at once and the
    # quick ones fill in at the end. Every test sets up its own state, so no order matters.
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(PRIVATE, ignore_errors=True)


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
