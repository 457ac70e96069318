"""A night's new partition window does not make dbt parse anything again: the window comes from
the environment and is read only when executing (macros/partition_window.sql), so dbt's partial
parsing finds nothing changed and leaves partial_parse.msgpack alone, while the SQL it runs still
filters on the night's window."""
from __future__ import annotations

import hashlib

import pytest

from tests.warehouse.conftest import run_dbt
from tests.warehouse.fixtures import build_fixture_warehouse

pytestmark = pytest.mark.slow  # dbt runs


def _fingerprint(path) -> tuple[int, str]:
    return path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_window_is_not_parsed_again(tmp_path, monkeypatch):
    path = build_fixture_warehouse(tmp_path / "frontline.duckdb")
    target = tmp_path / "target"
    monkeypatch.delenv("FRONTLINE_MIN_DATE", raising=False)
    monkeypatch.delenv("FRONTLINE_MAX_DATE", raising=False)
    run_dbt(path, "seed", target_path=target)
    run_dbt(path, "run", target_path=target)  # every model exists, the project is parsed
    state = target / "partial_parse.msgpack"
    parsed = _fingerprint(state)
    compiled = next((target / "compiled").rglob("dim_report.sql"))
    for start, end in (("2025-03-09", "2025-03-15"), ("2025-03-13", "2025-03-15")):
        monkeypatch.setenv("FRONTLINE_MIN_DATE", start)
        monkeypatch.setenv("FRONTLINE_MAX_DATE", end)
        result = run_dbt(path, "run", "--select", "dim_report", "fct_claims", target_path=target)
        assert "Unable to do partial parsing" not in result.stdout
        assert _fingerprint(state) == parsed, "dbt parsed the project again for a new window"
        sql = compiled.read_text()  # what dbt ran: the window is in it
        assert f"cast('{start}' as date)" in sql and f"cast('{end}' as date)" in sql
