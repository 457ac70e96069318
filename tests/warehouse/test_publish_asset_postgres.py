"""The published_warehouse asset with a PostgreSQL target in sources.yaml: published to both,
or (server unreachable) blocked by default with the failure in meta.runs, or published to
DuckDB only when the target is not blocking."""
from __future__ import annotations

import json
import shutil

import duckdb
import psycopg
import pytest

from publishing.pg_local import free_port

pytestmark = pytest.mark.slow  # each test materializes the publish asset (Dagster) once or twice

PARTITION = "2025-03-10"


@pytest.fixture
def setup(built_warehouse, tmp_path, monkeypatch):
    for var in ("FRONTLINE_PG_URL", "FRONTLINE_PG_BLOCKING", "FRONTLINE_PG_SCHEMA"):
        monkeypatch.delenv(var, raising=False)
    build = tmp_path / "build" / "frontline.duckdb"
    build.parent.mkdir()
    shutil.copy(built_warehouse, build)
    published = tmp_path / "published" / "frontline.duckdb"

    def run(url: str, blocking: bool | None = None):
        from dagster import DagsterInstance, materialize

        from orchestration.assets.publish import published_warehouse
        from orchestration.resources import PublishResource, SourcesResource, WarehouseResource

        section = {"url": url} | ({} if blocking is None else {"blocking": blocking})
        sources = tmp_path / "sources.yaml"
        sources.write_text(json.dumps({"sources": [], "publish": {"postgres": section}}))
        return materialize(
            [published_warehouse], partition_key=PARTITION, instance=DagsterInstance.ephemeral(),
            resources={"warehouse": WarehouseResource(path=str(build)),
                       "publish_target": PublishResource(path=str(published)),
                       "sources": SourcesResource(path=str(sources))},
            raise_on_error=False)

    return run, build, published


def last_run(path) -> tuple[str, dict]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        status, details = con.execute("select status, details_json from meta.runs order by finished_at desc limit 1"
                                      ).fetchall()[0]
    finally:
        con.close()
    return status, json.loads(details)


def test_a_run_publishes_to_duckdb_and_postgres(setup, pg_url):
    run, build, published = setup
    result = run(pg_url)
    assert result.success
    pg = result.asset_materializations_for_node("published_warehouse")[0].metadata["postgres"].value
    assert pg["status"] == "published" and pg["rows"]["frontline.fct_control_periods"] > 0
    assert pg["rows"]["meta.runs"] == 1 and set(pg["table_seconds"]) == set(pg["rows"])
    status, details = last_run(published)  # the published file carries its PostgreSQL outcome
    assert status == "published" and details["postgres"]["status"] == "published"
    with psycopg.connect(pg_url) as con:
        assert con.execute("select run_id, status from meta.runs").fetchall() == [(result.run_id, "published")]
        stamp = json.loads(con.execute("select obj_description('frontline'::regnamespace)").fetchone()[0])
    assert stamp["frontline_run_id"] == result.run_id


def test_postgres_down_blocks_the_run_by_default(setup, pg_url):
    run, build, published = setup
    assert run(pg_url).success
    before = published.read_bytes()
    result = run(f"postgresql://postgres@127.0.0.1:{free_port()}/nothing")
    assert not result.success
    assert published.read_bytes() == before  # the DuckDB file was not replaced either
    # the first publish wrote the ACLED CSV; the failed one left no temporary file
    assert sorted(p.name for p in published.parent.iterdir()) == ["export_acled_events.csv", "frontline.duckdb", "parquet"]
    status, details = last_run(build)  # the failure is in meta.runs; the next publish carries it
    assert status == "failed" and details["postgres"]["status"] == "failed"
    assert "cannot connect to PostgreSQL" in details["postgres"]["error"]
    from orchestration.runner import outcome_of

    error = outcome_of(result).errors["published_warehouse"]  # printed by the CLI
    assert error.startswith("cannot connect to PostgreSQL at postgresql://postgres@127.0.0.1:")
    from publishing.pg_target import PostgresTarget
    from reporting.status import build_runs, postgres_status, published_status

    pg = postgres_status(PostgresTarget(url=pg_url), published_status(published), build_runs(build))
    assert pg["last_attempt"]["status"] == "failed" and pg["last_attempt"]["run_id"] == result.run_id
    assert pg["runs_behind"] == 0  # the DuckDB file did not move either: both hold the same run
    with psycopg.connect(pg_url) as con:  # the previous copy is still live
        assert con.execute("select count(*) from frontline.fct_control_periods").fetchone()[0] > 0


def test_postgres_down_does_not_block_when_configured_so(setup):
    run, build, published = setup
    result = run(f"postgresql://postgres@127.0.0.1:{free_port()}/nothing", blocking=False)
    assert result.success and published.exists()
    status, details = last_run(published)
    assert status == "published" and details["postgres"]["status"] == "failed"
    assert details["postgres"]["blocking"] is False


def test_status_shows_the_postgres_copy_and_its_lag(setup, pg_url, monkeypatch):
    from publishing.pg_target import PostgresTarget
    from reporting.status import postgres_status, published_status

    run, build, published = setup
    first = run(pg_url)
    target = PostgresTarget(url=pg_url)
    pg = postgres_status(target, published_status(published))
    assert pg["reachable"] and pg["published"] and pg["run_id"] == first.run_id and pg["runs_behind"] == 0
    assert pg["rows"]["frontline.fct_control_periods"] > 0 and pg["rows"]["meta.runs"] == 1
    # a later run whose PostgreSQL copy failed (not blocking): the copy is one run behind
    assert run(f"postgresql://postgres@127.0.0.1:{free_port()}/nothing", blocking=False).success
    pg = postgres_status(target, published_status(published))
    assert pg["run_id"] == first.run_id and pg["runs_behind"] == 1 and pg["lag_seconds"] >= 0
    assert pg["last_attempt"]["status"] == "failed" and "cannot connect" in pg["last_attempt"]["error"]
    down = postgres_status(PostgresTarget(url=f"postgresql://postgres@127.0.0.1:{free_port()}/x"), None)
    assert down["reachable"] is False and down["error"]
    # and the command line says so
    from typer.testing import CliRunner

    from orchestration.cli import app

    monkeypatch.setenv("FRONTLINE_PUBLISHED", str(published))
    monkeypatch.setenv("FRONTLINE_WAREHOUSE", str(build))
    monkeypatch.setenv("FRONTLINE_PG_URL", pg_url)
    out = CliRunner().invoke(app, ["status"])
    assert out.exit_code == 0, out.output
    assert "1 published run(s) behind the DuckDB file" in out.output and "last attempt failed" in out.output
    assert "frontline.fct_control_periods" in out.output
