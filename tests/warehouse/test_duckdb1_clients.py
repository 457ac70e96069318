"""The published DuckDB file and its Parquet exports open in DuckDB 1.x (what Superset's
duckdb-engine, DBeaver and the ODBC drivers ship), checked with a real DuckDB 1.x installed
by uv into a throwaway virtual environment (from uv's cache, else PyPI)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from publishing.duckdb_file import export_parquet, publish_warehouse
from tests.warehouse.test_bi_queries import sql_blocks

CLIENT = """
import json, sys, duckdb
path, parquet, queries = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
con = duckdb.connect(path, read_only=True)
out = {"version": duckdb.__version__,
       "queries": [json.loads(json.dumps(con.execute(q).fetchall(), default=str)) for q in queries],
       "macro": con.execute("select count(*) from control_as_of(date '2025-03-10')").fetchall()[0][0],
       "parquet": duckdb.sql(f"select count(*) from read_parquet('{parquet}/*.parquet')").fetchall()[0][0]}
con.close()
print(json.dumps(out))
"""


def find_uv() -> str:
    for candidate in (os.environ.get("UV"), shutil.which("uv"), str(Path.home() / ".local" / "bin" / "uv")):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail("uv not found (UV, PATH, ~/.local/bin/uv): `make setup` installs it", pytrace=False)


@pytest.fixture(scope="module")
def duckdb1_python(tmp_path_factory) -> str:
    """A Python with duckdb 1.x, isolated from the project's environment."""
    uv = find_uv()
    venv = tmp_path_factory.mktemp("duckdb1") / "venv"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")}
    subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True, env=env,
                   capture_output=True, timeout=300)
    python = venv / "bin" / "python"
    result = subprocess.run([uv, "pip", "install", "--quiet", "--python", str(python), "duckdb>=1.4,<2"],
                            env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"cannot install duckdb<2 with uv (needs uv's cache or PyPI):\n{result.stderr[-2000:]}",
                    pytrace=False)
    return str(python)


@pytest.mark.slow
def test_duckdb_1x_opens_the_published_file_and_parquet(built_warehouse, tmp_path, duckdb1_python):
    published = tmp_path / "published" / "frontline.duckdb"
    publish_warehouse(built_warehouse, published)
    export_parquet(published, published.parent / "parquet", ["fct_control_periods", "fct_control_changes"])
    queries = sql_blocks()
    result = subprocess.run([duckdb1_python, "-c", CLIENT, str(published), str(published.parent / "parquet"),
                             json.dumps(queries)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    old = json.loads(result.stdout)
    assert old["version"].startswith("1."), old["version"]
    con = duckdb.connect(str(published), read_only=True)
    try:
        for n, sql in enumerate(queries):  # the five canonical queries: the same rows in 1.x and 2.x
            assert old["queries"][n] == json.loads(json.dumps(con.execute(sql).fetchall(), default=str)), n + 1
        assert old["macro"] == con.execute("select count(*) from control_as_of(date '2025-03-10')").fetchall()[0][0]
        assert old["parquet"] == con.execute(
            "select (select count(*) from fct_control_periods) + (select count(*) from fct_control_changes)"
        ).fetchall()[0][0]
    finally:
        con.close()
