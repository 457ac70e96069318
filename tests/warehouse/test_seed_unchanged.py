"""A seed is loaded again only when its file or settings changed (macros/seed_unchanged.sql):
a second build leaves the table alone, a table loaded from another file (its fingerprint no
longer matches) or --full-refresh loads it again, with the file's rows."""
from __future__ import annotations

import json

import duckdb
import pytest

from tests.warehouse.conftest import run_dbt
from tests.warehouse.fixtures import build_fixture_warehouse, execute

pytestmark = pytest.mark.slow  # dbt runs

SEED = "outlet_sides"


def _seed_message(tmp_path) -> str:
    results = json.loads((tmp_path / "target" / "run_results.json").read_text())["results"]
    return next(r["message"] for r in results if r["unique_id"] == f"seed.frontline.{SEED}")


def _table(path) -> tuple[int, str | None]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(f"select count(*) from lookup.{SEED}").fetchone()[0]
        comment = con.execute("select comment from duckdb_tables() where schema_name = 'lookup' "
                              "and table_name = ?", [SEED]).fetchone()[0]
        return rows, comment
    finally:
        con.close()


def test_unchanged_seed_is_not_loaded_again(tmp_path):
    path = build_fixture_warehouse(tmp_path / "frontline.duckdb")
    run_dbt(path, "seed", "--select", SEED, target_path=tmp_path / "target")
    assert "unchanged" not in _seed_message(tmp_path)
    rows, comment = _table(path)
    assert rows > 0 and comment.startswith("dbt-seed-md5:")

    # a row that is not in the file survives a second load: the table was left alone
    execute(path, f"insert into lookup.{SEED} (outlet_name, outlet_side) values ('left alone', 'junta')")
    run_dbt(path, "seed", "--select", SEED, target_path=tmp_path / "target")
    assert "unchanged" in _seed_message(tmp_path)
    assert _table(path) == (rows + 1, comment)

    # a table loaded from another file (its fingerprint differs) is loaded again, from the file
    execute(path, f"comment on table lookup.{SEED} is 'dbt-seed-md5:another file'")
    run_dbt(path, "build", "--select", SEED, target_path=tmp_path / "target")  # as a night builds it
    assert "unchanged" not in _seed_message(tmp_path)
    assert _table(path) == (rows, comment)

    execute(path, f"insert into lookup.{SEED} (outlet_name, outlet_side) values ('gone again', 'junta')")
    run_dbt(path, "seed", "--full-refresh", "--select", SEED, target_path=tmp_path / "target")
    assert "unchanged" not in _seed_message(tmp_path)
    assert _table(path) == (rows, comment)
