"""The extracted_facts asset quarantines bad facts (split_facts) and future reports
(split_reports); the facts_suite gate blocks dbt when bad rows reach raw.extracted_facts."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from dagster import AssetKey, asset, materialize

from ingestion import facts_store, raw_store
from ingestion.models import Claim, ControlChange
from quality.checks import facts as fact_checks
from orchestration.assets import facts as facts_asset
from orchestration.partitions import daily_partitions
from orchestration.resources import WarehouseResource
from qc_helpers import report

DAY = "2025-03-03"
RAN: list[str] = []
EVIDENCE = "captured the junta's Infantry Battalion (IB) 236 base"


@asset(key=AssetKey(["raw", "reports"]), partitions_def=daily_partitions)
def stored_reports(context, warehouse: WarehouseResource) -> None:
    with warehouse.connect() as con:
        raw_store.store_reports(con, [report("r1"), report("fr", language="fr")], run_id=context.run_id)


@asset(key=AssetKey("gazetteer"))
def no_gazetteer() -> None:
    pass


@asset(key=AssetKey("stg_raw__extracted_facts"), deps=[AssetKey(["raw", "extracted_facts"])],
       partitions_def=daily_partitions)
def downstream() -> None:
    RAN.append("dbt")


def fake_extract(rep, gazetteer):
    assert rep.id == "r1"
    return [
        ControlChange(report_id="r1", change="captured", place="IB 236 base", place_kind="military_base",
                      evidence=EVIDENCE, actor_to="Kachin Independence Army", date="2025-03-02"),
        ControlChange(report_id="r1", change="captured", place="Bhamo", place_kind="town",
                      evidence="The KIA took Bhamo airport.", date="2025-03-02"),
        Claim(report_id="r1", claimant="Kachin Independence Army", metric="killed", value=3,
              evidence=EVIDENCE, date="2025-03-09"),
        Claim(report_id="r1", claimant="Kachin Independence Army", metric="casualties", value=3,
              evidence=EVIDENCE),
    ]


@pytest.fixture
def wh(tmp_path, monkeypatch):
    import ingestion.extract as extract
    import orchestration.assets.gazetteer as gaz

    RAN.clear()
    monkeypatch.setattr(extract, "extract_report", fake_extract)
    monkeypatch.setattr(gaz, "load_gazetteer", lambda warehouse: None)
    return {"warehouse": WarehouseResource(path=str(tmp_path / "w.duckdb"))}


def test_bad_facts_and_future_reports_are_quarantined_good_ones_go_on(wh):
    result = materialize([stored_reports, no_gazetteer, facts_asset.extracted_facts, downstream,
                          fact_checks.facts_checks],
                         resources=wh, partition_key=DAY, raise_on_error=False, selection=None)
    assert result.success and RAN == ["dbt"]
    evals = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert evals["facts_suite"].passed and evals["facts_suite"].metadata["rows_validated"].value == 1
    meta = result.asset_materializations_for_node("raw__extracted_facts")[0].metadata
    assert (meta["rows_in"].value, meta["rows_out"].value, meta["rows_quarantined"].value) == (4, 1, 3)
    with duckdb.connect(wh["warehouse"].path, read_only=True) as con:
        rules = sorted(r[0] for r in con.execute("select rule from quarantine.facts where kind <> 'report'").fetchall())
        kept = con.execute("select place from raw.extracted_facts").fetchall()
    assert rules == ["date_after_published", "evidence_not_in_text", "invalid_enum"]
    assert kept == [("IB 236 base",)]


def test_report_breaking_a_rule_is_quarantined_not_extracted(wh):
    result = materialize([stored_reports, no_gazetteer, facts_asset.extracted_facts],
                         resources=wh, partition_key=DAY, raise_on_error=False)
    assert result.success  # fake_extract asserts it never sees the French report
    with duckdb.connect(wh["warehouse"].path, read_only=True) as con:
        assert con.execute("select report_id, kind, rule from quarantine.facts where kind = 'report'").fetchall() == [
            ("fr", "report", "language_not_allowed")]
        assert con.execute("select count(*) from quarantine.reports").fetchall() == [(0,)]  # the fetch's


@asset(key=AssetKey(["raw", "extracted_facts"]), partitions_def=daily_partitions)
def leaky_facts(context, warehouse: WarehouseResource) -> None:
    """Facts written without the row-level rules (as a buggy writer would)."""
    with warehouse.connect() as con:
        raw_store.store_reports(con, [report("r1")], run_id=context.run_id)
        now = dt.datetime(2025, 3, 4)
        rows = [facts_store.fact_row(f.to_dict(), content_hash="h", published_date=DAY, run_id=context.run_id,
                                     extracted_at=now) for f in fake_extract(report("r1"), None)]
        facts_store.replace_window(con, rows, DAY, "2025-03-04")


def test_facts_suite_blocks_dbt_when_bad_rows_leak(wh):
    result = materialize([leaky_facts, downstream, fact_checks.facts_checks], resources=wh, partition_key=DAY,
                         raise_on_error=False)
    gate = {e.check_name: e for e in result.get_asset_check_evaluations()}["facts_suite"]
    assert not result.success and not gate.passed and RAN == []
    failed = gate.metadata["failed_expectations"].value
    assert "expect_column_values_to_be_in_set(evidence_in_text)" in failed
    assert "expect_column_values_to_be_in_set(metric)" in failed
    assert "expect_column_pair_values_a_to_be_greater_than_b(published_day>=date_day)" in failed
