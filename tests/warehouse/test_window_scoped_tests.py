"""A partitioned run's data tests read what it rebuilt (macros/test_window.sql): a bad row
outside the window is not read again, one inside is caught, and uniqueness still reads the
whole table; without a window every row is tested."""
from __future__ import annotations

import json

import pytest

from tests.dbt_helpers import dbt_cli
from tests.warehouse.conftest import EXCLUDE, run_dbt
from tests.warehouse.fixtures import build_fixture_warehouse, execute

pytestmark = pytest.mark.slow  # dbt runs

LAST_DAYS = {"min_date": "2025-03-13", "max_date": "2025-03-15"}


def _test_statuses(path, tmp_path, window: dict | None) -> dict[str, str]:
    args = ["test", "--select", "fct_control_changes", *EXCLUDE]
    if window:
        args += ["--vars", json.dumps(window)]
    dbt_cli(path, args, target_path=tmp_path / "target", log_path=tmp_path / "logs")
    results = json.loads((tmp_path / "target" / "run_results.json").read_text())["results"]
    return {r["unique_id"].split(".")[2]: r["status"] for r in results}


def test_window_scoped_data_tests(tmp_path):
    path = build_fixture_warehouse(tmp_path / "frontline.duckdb")
    run_dbt(path, "seed", target_path=tmp_path / "target")
    run_dbt(path, "run", target_path=tmp_path / "target")
    old_fact = "(select min(fact_id) from fct_control_changes where published_date < '2025-03-05')"
    # an old day's fact with a change outside the contract
    execute(path, f"update fct_control_changes set change = 'bogus' where fact_id = {old_fact}")
    accepted = "column_values_fct_control_changes"  # its accepted values of change among them
    unique = "unique_fct_control_changes_fact_id"
    assert _test_statuses(path, tmp_path, LAST_DAYS)[accepted] == "pass"  # not in the window: not read again
    assert _test_statuses(path, tmp_path, None)[accepted] == "fail"  # no window: every row
    assert _test_statuses(path, tmp_path, {"min_date": "2025-03-01", "max_date": "2025-03-05"})[accepted] == "fail"

    # an old fact's id again, on a day outside the window: uniqueness reads the whole table
    execute(path, "update fct_control_changes set change = 'captured' where change = 'bogus'",
             f"insert into fct_control_changes select * from fct_control_changes where fact_id = {old_fact}")
    statuses = _test_statuses(path, tmp_path, LAST_DAYS)
    assert statuses[unique] == "fail" and statuses[accepted] == "pass"

    # a NULL where column_values says not_null, inside the window (the duplicate gone)
    execute(path, "delete from fct_control_changes where rowid = (select max(rowid) from fct_control_changes)",
             "update fct_control_changes set time_precision = null where fact_id = "
             "(select max(fact_id) from fct_control_changes where published_date >= '2025-03-13')")
    statuses = _test_statuses(path, tmp_path, LAST_DAYS)
    assert statuses[accepted] == "fail" and statuses[unique] == "pass"
