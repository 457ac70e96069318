"""fct_control_events and mart_claims_reconciled are incremental *within* a site or a claim
topic: a night recomputes only the islands of dates its facts can change. Each case below
re-extracts one night (10 or 11 March) so that a rule looking only at the night's own dates
would go wrong, and checks that the incremental run equals a full rebuild.

Each case copies one shared warehouse (the fixture plus the cases' history, built whole),
changes its raw facts, then builds the fact models once for the night's window and, on a
second copy, once with --full-refresh."""
from __future__ import annotations

import datetime as dt
import json
import shutil

import duckdb
import pytest

from tests.warehouse.conftest import run_dbt
from tests.warehouse.fixtures import KIA, MAF, R, execute

pytestmark = pytest.mark.slow  # dbt builds

NIGHT, NEXT_NIGHT = ("2025-03-10", "2025-03-11"), ("2025-03-11", "2025-03-12")
FACT_MODELS = ["fct_control_changes", "fct_claims", "int_control_sites__touched", "int_control_events__ranges",
               "int_claim_groups__ranges", "fct_control_events", "fct_control_periods", "mart_claims_reconciled"]
COMPARED = ["fct_control_changes", "fct_claims", "fct_control_events", "fct_control_periods",
            "mart_claims_reconciled"]


def _sql(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def control(fact_id: str, report: str, change: str, unit: str, actor_to: str | None, actor_from: str | None,
            date: str, date_end: str | None = None) -> str:
    """Insert a control change about the base of `unit` (e.g. 'IB-47'), told by fixture report `report`."""
    prefix, number = unit.split("-")
    values = dict(fact_id=fact_id, report_id=R[report], content_hash=f"hash-{R[report]}",
                  published_date=R[report][len("demo-"):len("demo-") + 10], kind="control_change",
                  change=change, recapture=False, place=f"{unit} base", place_kind="military_base",
                  unit_type="infantry_battalion" if prefix == "IB" else "armoured_battalion",
                  unit_number=number, unit_key=unit, township="Bhamo", state="Kachin", actor_to=actor_to,
                  actor_from=actor_from, attributed_to=None, date=date, date_end=date_end,
                  date_precision="day", evidence=f"(case) {change} {unit}", rule="case",
                  extractor_version="case", run_id="case")
    return _insert(values)


def claim(fact_id: str, report: str, claimant: str, value: float, date: str, date_end: str | None = None,
          metric: str = "wounded", place: str = "Kawlin") -> str:
    """Insert a claim of `claimant`: `value` soldiers of the military `metric` at `place`."""
    values = dict(fact_id=fact_id, report_id=R[report], content_hash=f"hash-{R[report]}",
                  published_date=R[report][len("demo-"):len("demo-") + 10], kind="claim",
                  claimant=claimant, subject=MAF, metric=metric, value=value, approximate=False,
                  place=place, date=date, date_end=date_end, date_precision="day",
                  evidence=f"(case) {metric}", rule="case", extractor_version="case", run_id="case")
    return _insert(values)


def _insert(values: dict) -> str:
    columns = ", ".join(f'"{c}"' for c in values)
    return (f"insert into raw.extracted_facts ({columns}, extracted_at) "
            f"values ({', '.join(_sql(v) for v in values.values())}, timestamp '2025-03-15 00:00')")


# The history every case starts from (published before the night, except where said).
HISTORY = [
    # IB-47: two captures by the KIA, three days apart: two events
    control("h-ib47-a", "ib236", "captured", "IB-47", KIA, MAF, "2025-03-02"),
    control("h-ib47-b", "wards", "captured", "IB-47", KIA, MAF, "2025-03-06"),
    # IB-56: captures on the 1st, 2nd (published on the 11th, re-extracted below) and 3rd: one event
    control("h-ib56-a", "ib236", "captured", "IB-56", KIA, MAF, "2025-03-01"),
    control("h-ib56-night", "sb_kawlin", "captured", "IB-56", KIA, MAF, "2025-03-02"),
    control("h-ib56-c", "tb5014", "captured", "IB-56", KIA, MAF, "2025-03-03"),
    # AB-7006: the military withdrew (no new holder named): "withdrawal of" the military
    control("h-ab-withdrew", "shwegu", "withdrew", "AB-7006", None, MAF, "2025-03-06", "2025-03-08"),
    # wounded at Kawlin: two groups (the 2nd, the 5th)
    claim("h-kawlin-a", "ib236", KIA, 20, "2025-03-02"),
    claim("h-kawlin-b", "wards", MAF, 4, "2025-03-05"),
    # killed at Hsipaw: figures on the 1st, the 2nd (published on the 11th) and the 3rd: one group
    claim("h-hsipaw-a", "ib236", KIA, 40, "2025-03-01", metric="killed", place="Hsipaw"),
    claim("h-hsipaw-night", "sb_kawlin", KIA, 55, "2025-03-02", metric="killed", place="Hsipaw"),
    claim("h-hsipaw-c", "tb5014", MAF, 9, "2025-03-03", metric="killed", place="Hsipaw"),
]

CASES = {  # the night's changes (the night of the 10th, unless NEXT_NIGHT says otherwise)
    # a night's capture dated 3-5 March bridges the two IB-47 events into one
    "fact_bridges_two_events": [control("n-ib47", "arty", "captured", "IB-47", KIA, MAF, "2025-03-03", "2025-03-05")],
    # re-extracted, the 11th's IB-56 fact moves to IB-236 and to the 5th: IB-56's event splits in two
    "fact_moves_site_and_date": [
        "update raw.extracted_facts set unit_key = 'IB-236', unit_number = '236', place = 'IB-236 base', "
        "date = date '2025-03-05' where fact_id = 'h-ib56-night'"],
    # a capture by the KIA on the 5th re-keys the military's unattributed withdrawal of 6-8 March
    "capture_rekeys_withdrawal": [control("n-ab", "arty", "captured", "AB-7006", KIA, MAF, "2025-03-05")],
    # a figure of 3-4 March merges the two Kawlin groups
    "figure_merges_two_groups": [claim("n-kawlin", "kawlin", "local aid group", 11, "2025-03-03", "2025-03-04")],
    # re-extracted, the 11th's Hsipaw figure is gone: the group splits in two
    "claim_removed": ["delete from raw.extracted_facts where fact_id = 'h-hsipaw-night'"],
}

# What each case must do to the full rebuild (so the case tests what it says).
EXPECTED = {
    "fact_bridges_two_events": ("select count(*) from fct_control_events where site_key = 'unit:IB-47' "
                                "and event_class = 'change_of_control'", 1),
    "fact_moves_site_and_date": ("select count(*) from fct_control_events where site_key = 'unit:IB-56' "
                                 "and event_date < date '2025-03-05'", 2),
    "capture_rekeys_withdrawal": ("select count(*) from fct_control_events where site_key = 'unit:AB-7006' "
                                  "and event_class = 'change_of_control'", 1),
    "figure_merges_two_groups": ("select count(*) from mart_claims_reconciled where metric = 'wounded' "
                                 "and place_name = 'Kawlin'", 1),
    "claim_removed": ("select count(*) from mart_claims_reconciled where metric = 'killed' "
                      "and place_name = 'Hsipaw'", 2),
}
NEXT_NIGHT_CASES = {"fact_moves_site_and_date", "claim_removed"}
BEFORE = {  # ... and what the history gave before the night
    "fact_bridges_two_events": 2, "fact_moves_site_and_date": 1, "capture_rekeys_withdrawal": 1,
    "figure_merges_two_groups": 2, "claim_removed": 1,
}


def snapshot(path) -> dict[str, list]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {m: sorted(map(repr, con.execute(f"select * from {m}").fetchall())) for m in COMPARED}
    finally:
        con.close()


def scalar(path, sql: str):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    return tmp_path_factory.mktemp("islands_target")


@pytest.fixture(scope="module")
def history(built_warehouse, tmp_path_factory, target):
    """The fixture warehouse plus the cases' history, its fact models built whole."""
    path = tmp_path_factory.mktemp("islands") / "history.duckdb"
    shutil.copy(built_warehouse, path)
    execute(path, *HISTORY)
    run_dbt(path, "run", "--full-refresh", "--select", *FACT_MODELS, target_path=target)
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_a_night_incrementally_equals_a_full_rebuild(case, history, tmp_path, target):
    incremental, full = tmp_path / "incremental.duckdb", tmp_path / "full.duckdb"
    shutil.copy(history, incremental)
    shutil.copy(history, full)
    sql, count = EXPECTED[case]
    assert scalar(history, sql) == BEFORE[case]
    for path in (incremental, full):
        execute(path, *CASES[case])
    start, end = NEXT_NIGHT if case in NEXT_NIGHT_CASES else NIGHT
    run_dbt(incremental, "run", "--select", *FACT_MODELS,
            "--vars", json.dumps({"min_date": start, "max_date": end}), target_path=target)
    run_dbt(full, "run", "--full-refresh", "--select", *FACT_MODELS, target_path=target)
    assert scalar(full, sql) == count
    after, rebuilt = snapshot(incremental), snapshot(full)
    differ = {model: sorted(set(after[model]) ^ set(rebuilt[model]))[:4]
              for model in COMPARED if after[model] != rebuilt[model]}
    assert not differ, f"differs from a full rebuild: {sorted(differ)}; rows in one only: {differ}"
    # the night recomputed a part of its sites, not their whole history: the Artillery
    # Battalion 366 base is touched by a capture of 9-10 March, not its contest of 4-5 March
    ranges = duckdb.connect(str(incremental), read_only=True)
    try:
        assert ranges.execute("select event_class, range_start, range_end from int_control_events__ranges "
                              "where site_key = 'unit:ArtyB-366'").fetchall() == [
            ("change_of_control", dt.date(2025, 3, 9), dt.date(2025, 3, 10))]
    finally:
        ranges.close()
