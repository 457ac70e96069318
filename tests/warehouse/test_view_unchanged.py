"""The views of the fact group are re-created only when their compiled SQL changed
(macros/view_unchanged.sql): a second run leaves them alone, a view whose SQL differs from the
one it was created from is created again, and --full-refresh re-creates them all."""
from __future__ import annotations

import json

import duckdb
import pytest

from tests.warehouse.conftest import run_dbt
from tests.warehouse.fixtures import build_fixture_warehouse, execute

pytestmark = pytest.mark.slow  # dbt runs

VIEW = "stg_raw__reports"


def _view_messages(tmp_path) -> dict[str, str]:
    results = json.loads((tmp_path / "target" / "run_results.json").read_text())["results"]
    return {r["unique_id"].split(".")[-1]: r["message"] for r in results if r["unique_id"].startswith("model.")}


def _view_comment(path, name: str) -> str | None:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select comment from duckdb_views() where view_name = ?", [name]).fetchone()[0]
    finally:
        con.close()


def test_unchanged_views_are_not_created_again(tmp_path):
    path = build_fixture_warehouse(tmp_path / "frontline.duckdb")
    run_dbt(path, "seed", target_path=tmp_path / "target")
    run_dbt(path, "run", "--select", "config.materialized:view", target_path=tmp_path / "target")
    first = _view_messages(tmp_path)
    assert first and not any("unchanged" in m for m in first.values()), first
    assert _view_comment(path, VIEW).startswith("dbt-view-sql-md5:")

    run_dbt(path, "run", "--select", "config.materialized:view", target_path=tmp_path / "target")
    second = _view_messages(tmp_path)
    assert set(second) == set(first) and all("unchanged" in m for m in second.values()), second

    # a view that was created from other SQL (here: its fingerprint no longer matches) is created again
    execute(path, f"comment on view {VIEW} is 'dbt-view-sql-md5:something else'")
    run_dbt(path, "run", "--select", VIEW, target_path=tmp_path / "target")
    assert "unchanged" not in _view_messages(tmp_path)[VIEW]
    assert _view_comment(path, VIEW) != "dbt-view-sql-md5:something else"

    run_dbt(path, "run", "--full-refresh", "--select", VIEW, target_path=tmp_path / "target")
    assert "unchanged" not in _view_messages(tmp_path)[VIEW]
    con = duckdb.connect(str(path), read_only=True)
    try:  # and the view still answers
        assert con.execute(f"select count(*) from {VIEW}").fetchone()[0] >= 0
    finally:
        con.close()
