"""Building the fact models partition by partition gives what a --full-refresh build gives."""
from __future__ import annotations

import json

import pytest

import duckdb

from tests.warehouse.conftest import run_dbt
from tests.warehouse.fixtures import build_fixture_warehouse, execute

pytestmark = pytest.mark.slow  # dbt runs partition by partition

MODELS = ["dim_report", "fct_control_changes", "fct_claims", "fct_control_events", "fct_control_periods",
          "mart_control_snapshot", "mart_claims_reconciled", "mart_population_under_control",
          "mart_census_crosscheck", "export_acled_events", "mart_tracker_crosscheck"]
# Partition windows [min, max): uneven on purpose; the last is run twice (idempotent).
WINDOWS = [("2025-03-01", "2025-03-04"), ("2025-03-04", "2025-03-09"), ("2025-03-09", "2025-03-15"),
           ("2025-03-09", "2025-03-15")]


def snapshot(path) -> dict[str, list]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {m: sorted(map(repr, con.execute(f"select * from {m}").fetchall())) for m in MODELS}
    finally:
        con.close()


def test_incremental_partitions_equal_full_refresh(built_warehouse, tmp_path):
    path = build_fixture_warehouse(tmp_path / "incremental.duckdb")
    run_dbt(path, "seed", target_path=tmp_path / "target")  # the lookups (`dbt run` builds models only)
    for start, end in WINDOWS:
        run_dbt(path, "run", "--vars", json.dumps({"min_date": start, "max_date": end}),
                target_path=tmp_path / "target")
    incremental, full = snapshot(path), snapshot(built_warehouse)
    for model in MODELS:
        assert incremental[model] == full[model], model
    assert len(full["fct_control_changes"]) > 30


# A re-extraction of the last days changes their facts: a fact moves to another site (its old
# site keeps facts of earlier days only) and a site loses its only fact.
REEXTRACTED = ("2025-03-13", "2025-03-15")
CHANGES = [
    "update raw.extracted_facts set place = 'Shwegu', township = 'Shwegu' "
    "where report_id = 'demo-2025-03-13-kawlin-pdf-withdraws'",
    "delete from raw.extracted_facts where place = 'Tiger Hill outpost'",
]


def _change_facts(path) -> None:
    execute(path, *CHANGES)


def test_a_window_reextracted_incrementally_equals_a_full_rebuild(tmp_path):
    """Events and periods are recomputed for the touched sites only: the site a fact left,
    the site it joined and a site left with no fact must all come out as a full rebuild."""
    incremental = build_fixture_warehouse(tmp_path / "incremental.duckdb")
    run_dbt(incremental, "seed", target_path=tmp_path / "target")  # the lookups (`dbt run` builds models only)
    run_dbt(incremental, "run", target_path=tmp_path / "target")
    before = snapshot(incremental)
    _change_facts(incremental)
    run_dbt(incremental, "run", "--vars", json.dumps({"min_date": REEXTRACTED[0], "max_date": REEXTRACTED[1]}),
            target_path=tmp_path / "target")
    full = build_fixture_warehouse(tmp_path / "full.duckdb")
    _change_facts(full)
    run_dbt(full, "seed", target_path=tmp_path / "target")
    run_dbt(full, "run", "--full-refresh", target_path=tmp_path / "target")
    after, rebuilt = snapshot(incremental), snapshot(full)
    for model in MODELS:
        assert after[model] == rebuilt[model], model
    assert after["fct_control_events"] != before["fct_control_events"]  # the change did reach the events
    assert not any("Tiger Hill" in row for row in after["fct_control_events"])
