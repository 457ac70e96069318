"""A partitioned run's data tests read what it rebuilt (macros/test_window.sql): a bad row
outside the window is not read again, one inside is caught, and uniqueness still reads the
whole table; without a window every row is tested. A model's checks are one dbt node
(tests/generic/column_values.sql): its failing rows name the column and the check."""
from __future__ import annotations

import json

import duckdb
import pytest

from tests.dbt_helpers import dbt_cli
from tests.warehouse.conftest import run_dbt
from tests.warehouse.fixtures import build_fixture_warehouse, execute

pytestmark = pytest.mark.slow  # dbt runs

LAST_DAYS = {"min_date": "2025-03-13", "max_date": "2025-03-15"}
CHECKS = "column_values_fct_control_changes"  # not_null, accepted values, unique, report_id → dim_report
WARN_CHECKS = "column_values_fct_control_changes_warn"  # the keys to the other dimensions (WARN)


def _run_tests(path, tmp_path, window: dict | None) -> dict[str, dict]:
    """{test name: {"status", "failures", "broken": {(column, check), ...}}} of the tests of
    fct_control_changes; ``broken`` from the failing rows of the compiled test."""
    # not excluding the reference group: the WARN checks read its dimensions (the fixture made them)
    args = ["test", "--select", "fct_control_changes"]
    if window:
        args += ["--vars", json.dumps(window)]
    dbt_cli(path, args, target_path=tmp_path / "target", log_path=tmp_path / "logs")
    results = json.loads((tmp_path / "target" / "run_results.json").read_text())["results"]
    out = {}
    con = duckdb.connect(str(path), read_only=True)
    try:
        for r in results:
            name = r["unique_id"].split(".")[2]
            broken = set()
            if name.startswith("column_values_") and r["status"] in ("fail", "warn"):
                sql = next((tmp_path / "target" / "compiled").rglob(f"{name}.sql")).read_text()
                broken = {(c, k) for c, k, _n, _e in con.execute(sql).fetchall()}
            out[name] = {"status": r["status"], "failures": r["failures"], "broken": broken}
    finally:
        con.close()
    return out


def test_window_scoped_data_tests(tmp_path):
    path = build_fixture_warehouse(tmp_path / "frontline.duckdb")
    run_dbt(path, "seed", target_path=tmp_path / "target")
    run_dbt(path, "run", target_path=tmp_path / "target")
    old_fact = "(select min(fact_id) from fct_control_changes where published_date < '2025-03-05')"
    # an old day's fact with a change outside the contract
    execute(path, f"update fct_control_changes set change = 'bogus' where fact_id = {old_fact}")
    assert _run_tests(path, tmp_path, LAST_DAYS)[CHECKS]["status"] == "pass"  # not in the window: not read again
    everything = _run_tests(path, tmp_path, None)[CHECKS]  # no window: every row
    assert everything["status"] == "fail" and everything["broken"] == {("change", "accepted_values")}
    assert _run_tests(path, tmp_path, {"min_date": "2025-03-01", "max_date": "2025-03-05"})[CHECKS]["status"] == "fail"

    # an old fact's id again, on a day outside the window: uniqueness reads the whole table
    execute(path, "update fct_control_changes set change = 'captured' where change = 'bogus'",
             f"insert into fct_control_changes select * from fct_control_changes where fact_id = {old_fact}")
    checks = _run_tests(path, tmp_path, LAST_DAYS)[CHECKS]
    assert checks["status"] == "fail" and checks["broken"] == {("fact_id", "unique")} and checks["failures"] == 1

    # a NULL where column_values says not_null, inside the window (the duplicate gone)
    execute(path, "delete from fct_control_changes where rowid = (select max(rowid) from fct_control_changes)",
             "update fct_control_changes set time_precision = null where fact_id = "
             "(select max(fact_id) from fct_control_changes where published_date >= '2025-03-13')")
    checks = _run_tests(path, tmp_path, LAST_DAYS)[CHECKS]
    assert checks["status"] == "fail" and checks["broken"] == {("time_precision", "not_null")}


def test_merged_relationships_fail_on_an_orphan(tmp_path):
    """The keys to the dimensions, merged into a model's checks, still catch an orphan row:
    a report the facts name that dim_report lacks fails the build (ERROR), a place key that
    dim_place lacks warns; an orphan outside the window is not read again."""
    path = build_fixture_warehouse(tmp_path / "frontline.duckdb")
    run_dbt(path, "seed", target_path=tmp_path / "target")
    run_dbt(path, "run", target_path=tmp_path / "target")
    clean = _run_tests(path, tmp_path, LAST_DAYS)
    assert clean[CHECKS]["status"] == "pass" and clean[WARN_CHECKS]["status"] == "pass"

    new_fact = "(select max(fact_id) from fct_control_changes where published_date >= '2025-03-13')"
    execute(path, f"update fct_control_changes set report_id = 'no-such-report', place_key = 'MMR999999' "
                  f"where fact_id = {new_fact}")
    tests = _run_tests(path, tmp_path, LAST_DAYS)
    assert tests[CHECKS]["status"] == "fail" and tests[CHECKS]["failures"] == 1
    assert tests[CHECKS]["broken"] == {("report_id", "relationships to dim_report.report_id")}
    assert tests[WARN_CHECKS]["status"] == "warn"
    assert tests[WARN_CHECKS]["broken"] == {("place_key", "relationships to dim_place.place_key")}

    # the same orphan on a day outside the window: tested when it was built, not again
    assert _run_tests(path, tmp_path, {"min_date": "2025-03-01", "max_date": "2025-03-05"})[CHECKS]["status"] == "pass"
