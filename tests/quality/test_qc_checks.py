"""The asset checks on fake upstream assets: blocking stops downstream, metadata, quarantine
share, silent sources, the mart gate against the published warehouse, the run report."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import duckdb
import pytest
from dagster import (AssetCheckKey, AssetKey, AssetSelection, AssetSpec, MaterializeResult, MetadataValue, asset,
                     materialize, multi_asset)

from ingestion import raw_store
from runlog.source_runs import record_source_runs
from ingestion.reports import ReportError
from quality.checks import reports as report_checks
from quality.checks import marts as mart_checks
from orchestration.partitions import daily_partitions
from orchestration.resources import PublishResource, WarehouseResource
from qc_helpers import report

DAY = "2025-03-03"
FEED: dict = {"reports": [], "errors": [], "per_source": {}}
RAN: list[str] = []


@asset(key=AssetKey(["raw", "reports"]), partitions_def=daily_partitions)
def fake_raw_reports(context, warehouse: WarehouseResource) -> MaterializeResult:
    with warehouse.connect() as con:
        raw_store.store_reports(con, FEED["reports"], run_id=context.run_id)
        raw_store.quarantine_reports(con, FEED["errors"], run_id=context.run_id)
        if FEED.get("record_sources", True):  # as raw/reports does; the check only reads
            record_source_runs(con, context.run_id, FEED["per_source"])
    return MaterializeResult(metadata={
        "fetched": len(FEED["reports"]), "quarantined": len(FEED["errors"]),
        "per_source": MetadataValue.json(FEED["per_source"])})


@asset(key=AssetKey(["raw", "extracted_facts"]), deps=[AssetKey(["raw", "reports"])],
       partitions_def=daily_partitions)
def fake_facts(context) -> None:
    RAN.append("raw/extracted_facts")


@asset(key=AssetKey("fct_claims"))
def fake_fct_claims(warehouse: WarehouseResource) -> None:
    with warehouse.connect() as con:
        con.execute("create or replace table dim_report as select * from (values ('a'), ('b')) t(report_id)")
        con.execute(f"create or replace table fct_claims as select 'f' || i as fact_id, "
                    f"case when i % 2 = 0 then 'a' else 'b' end as report_id from range({FEED['claims']}) t(i)")


@asset(key=AssetKey("published_warehouse"), deps=[AssetKey("fct_claims")])
def fake_publish() -> None:
    RAN.append("published_warehouse")


@pytest.fixture
def resources(tmp_path):
    RAN.clear()
    FEED.update(reports=[], errors=[], per_source={}, claims=10)
    return {"warehouse": WarehouseResource(path=str(tmp_path / "build.duckdb")),
            "publish_target": PublishResource(path=str(tmp_path / "published" / "frontline.duckdb"))}


def _raw_run(resources, instance=None):
    return materialize(
        [fake_raw_reports, fake_facts, report_checks.reports_suite_and_rules,
         report_checks.reports_quarantine_share, report_checks.sources_have_data],
        resources=resources, partition_key=DAY, raise_on_error=False, instance=instance)


def _checks(result) -> dict[str, object]:
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def _bad(n: int) -> list[ReportError]:
    return [ReportError(f"inbox/bad-{i}.json", "invalid JSON: Expecting value", raw="{", source="inbox")
            for i in range(n)]


def test_good_reports_pass_and_downstream_runs(resources):
    FEED.update(reports=[report("a"), report("b", language="fr")], errors=_bad(1),
                per_source={"inbox": {"reports": 2, "errors": 1, "failed": False}})
    result = _raw_run(resources)
    assert result.success and RAN == ["raw/extracted_facts"]
    evals = _checks(result)
    assert evals["reports_suite"].passed
    meta = evals["reports_suite"].metadata
    assert meta["failed_errors"].value == 0 and meta["rows_validated"].value == 2
    assert meta["failed_warnings"].value == 1 and meta["expectations_passed"].value > 5
    assert meta["scope"].value == "[2025-03-03, 2025-03-04)"
    # a French report is a WARN (it is quarantined before extraction), not a blocker
    assert not evals["reports_rules"].passed and evals["reports_rules"].severity.value == "WARN"
    assert "language" in evals["reports_rules"].description
    share = evals["reports_quarantine_share"]
    assert share.passed and share.metadata["quarantined"].value == 1 and share.metadata["reports_in"].value == 3
    with duckdb.connect(resources["warehouse"].path, read_only=True) as con:
        assert con.execute("select source, reports, errors from meta.source_runs").fetchall() == [("inbox", 2, 1)]


def test_mostly_quarantined_blocks_downstream(resources):
    FEED.update(reports=[report("a")], errors=_bad(2),
                per_source={"inbox": {"reports": 1, "errors": 2, "failed": False}})
    result = _raw_run(resources)
    assert not result.success and RAN == []
    evals = _checks(result)
    share = evals["reports_quarantine_share"]
    assert not share.passed and share.severity.value == "ERROR"
    assert "2 of 3 reports quarantined" in share.description
    examples = share.metadata["examples"].value
    assert examples[0][0] == "unreadable_report" and "invalid JSON" in examples[0][1]


def test_only_malformed_reports_fail_the_gate(resources):
    FEED.update(errors=_bad(2), per_source={"inbox": {"reports": 0, "errors": 2, "failed": False}})
    result = _raw_run(resources)
    assert not result.success and RAN == []
    assert not _checks(result)["reports_quarantine_share"].passed


def test_silent_source_fails_after_n_runs(resources, monkeypatch):
    from dagster import DagsterInstance

    monkeypatch.setenv("FRONTLINE_QC_NIGHTS_WITHOUT_DATA", "2")
    instance = DagsterInstance.ephemeral()
    FEED.update(reports=[report("a")], per_source={"inbox": {"reports": 1, "errors": 0, "failed": False},
                                                   "feed": {"reports": 0, "errors": 0, "failed": True}})
    first = _raw_run(resources, instance)
    assert first.success and _checks(first)["sources_have_data"].passed
    second = _raw_run(resources, instance)
    evals = _checks(second)
    assert not evals["sources_have_data"].passed and "feed" in evals["sources_have_data"].description
    assert evals["sources_have_data"].metadata["silent_sources"].value == ["feed"]
    assert not second.success and RAN == ["raw/extracted_facts"]  # only the first run extracted


def test_empty_text_in_raw_is_an_error(resources):
    # raw_store never stores an empty text from parse_report, but an API path might: the gate holds
    FEED.update(reports=[report("a"), dataclasses.replace(report("b"), text="  ")],
                per_source={"inbox": {"reports": 2, "errors": 0, "failed": False}})
    result = _raw_run(resources)
    evals = _checks(result)
    assert not evals["reports_suite"].passed and RAN == []
    meta = evals["reports_suite"].metadata
    assert meta["failed_expectations"].value == ["expect_column_values_to_be_between(text_chars)"]
    assert meta["failing_examples"].value["expect_column_values_to_be_between(text_chars)"]["examples"] == ["b"]


def _publish_file(resources, claims: int) -> None:
    from pathlib import Path

    path = Path(resources["publish_target"].path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute(f"create table fct_claims as select 'f' || i as fact_id from range({claims}) t(i)")
    con.close()


CLAIMS_GATE = AssetCheckKey(AssetKey("fct_claims"), "mart_gate")


def _mart_run(resources, claims_asset=fake_fct_claims):
    """fct_claims, its mart_gate alone out of the five of ``mart_gates`` (can_subset), the publish."""
    return materialize([claims_asset, fake_publish, mart_checks.mart_gates], resources=resources,
                       selection=AssetSelection.assets(claims_asset, fake_publish) | AssetSelection.checks(CLAIMS_GATE),
                       raise_on_error=False)


def test_mart_gate_passes_then_blocks_a_shrink(resources):
    _publish_file(resources, 10)
    FEED["claims"] = 9
    ok = _mart_run(resources)
    gate = _checks(ok)["mart_gate"]
    assert ok.success and gate.passed and RAN == ["published_warehouse"]
    assert gate.metadata["published_rows"].value == 10 and gate.metadata["rows"].value == 9
    RAN.clear()
    FEED["claims"] = 7  # lost 30% > 20%
    bad = _mart_run(resources)
    gate = _checks(bad)["mart_gate"]
    assert not bad.success and not gate.passed and RAN == []
    assert "expect_table_row_count_to_be_between" in gate.description


def test_mart_gate_orphans(resources):
    FEED["claims"] = 3

    @asset(key=AssetKey("fct_claims"))
    def orphan_claims(warehouse: WarehouseResource) -> None:
        with warehouse.connect() as con:
            con.execute("create or replace table dim_report as select 'a' as report_id")
            con.execute("create or replace table fct_claims as select * from (values ('f1', 'a'), ('f2', 'zz')) t(fact_id, report_id)")

    result = _mart_run(resources, orphan_claims)
    assert [e.check_name for e in result.get_asset_check_evaluations()] == ["mart_gate"]
    gate = _checks(result)["mart_gate"]
    assert not gate.passed and RAN == []
    assert gate.metadata["failing_examples"].value["expect_column_values_to_be_in_set(report_known)"]["examples"] == ["zz"]


# The five marts the gates read, with the columns they read: each ``rows`` rows (report ids a/b,
# all in dim_report); ``short`` loses 30% of them (more than the 20% allowed).
MART_COLUMNS = {
    "fct_control_changes": "'f' || i as fact_id, 'a' as report_id",
    "fct_claims": "'f' || i as fact_id, case when i % 2 = 0 then 'a' else 'b' end as report_id",
    "dim_report": "case when i = 0 then 'a' when i = 1 then 'b' else 'r' || i end as report_id",
    "export_acled_events": "'MMR' || i as event_id_cnty, 'b' as report_id",
    "mart_tracker_crosscheck": "'town' as scope, 'MMR' || i as town_pcode",
}


def _five_marts(rows: int, short: str | None):
    @multi_asset(specs=[AssetSpec(t) for t in mart_checks.GATED_MARTS], name="five_marts")
    def five_marts(warehouse: WarehouseResource):
        with warehouse.connect() as con:
            for table, cols in MART_COLUMNS.items():
                n = rows * 7 // 10 if table == short else rows
                con.execute(f"create or replace table {table} as select {cols} from range({n}) t(i)")

    return five_marts


@asset(key=AssetKey("published_warehouse"), deps=[AssetKey(t) for t in MART_COLUMNS])
def fake_publish_marts() -> None:
    RAN.append("published_warehouse")


def _publish_marts(resources, rows: int) -> None:
    from pathlib import Path

    path = Path(resources["publish_target"].path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        for table, cols in MART_COLUMNS.items():
            con.execute(f"create table {table} as select {cols} from range({rows}) t(i)")


def test_mart_gates_are_one_step_with_one_connection(resources, monkeypatch):
    """The five gates run as one step (``mart_gates``), through one read-only connection to the
    build warehouse (the published file attached to it, not opened on its own)."""
    _publish_marts(resources, 10)
    opened: list[tuple[str, bool]] = []
    real_connect = duckdb.connect

    def counting(database=":memory:", read_only=False, *args, **kwargs):
        opened.append((str(database), read_only))
        return real_connect(database, read_only, *args, **kwargs)

    monkeypatch.setattr(duckdb, "connect", counting)
    result = materialize([_five_marts(10, None), fake_publish_marts, mart_checks.mart_gates], resources=resources,
                         raise_on_error=False)
    evals = result.get_asset_check_evaluations()
    assert result.success and RAN == ["published_warehouse"]
    assert sorted(e.asset_key.path[-1] for e in evals) == sorted(mart_checks.GATED_MARTS)
    assert all(e.check_name == "mart_gate" and e.passed and e.severity.value == "ERROR" for e in evals)
    assert all(e.metadata["published_rows"].value == 10 and e.metadata["rows"].value == 10 for e in evals)
    steps = {e.step_key for e in result.all_events if e.is_step_start}
    assert "mart_gates" in steps and not any(s.endswith("_gate") for s in steps)
    assert opened.count((resources["warehouse"].path, True)) == 1
    assert all(path != resources["publish_target"].path for path, _ro in opened)
    specs = {spec.key.asset_key.path[-1]: spec for spec in mart_checks.mart_gates.check_specs}
    assert set(specs) == set(mart_checks.GATED_MARTS) and all(s.blocking for s in specs.values())


@pytest.mark.parametrize("short", mart_checks.GATED_MARTS)
def test_each_mart_gate_blocks_the_publish(resources, short):
    """A shrink of any one gated mart fails its gate (ERROR) and stops the publish; the other
    four pass in the same step."""
    _publish_marts(resources, 10)
    result = materialize([_five_marts(10, short), fake_publish_marts, mart_checks.mart_gates], resources=resources,
                         raise_on_error=False)
    evals = {e.asset_key.path[-1]: e for e in result.get_asset_check_evaluations()}
    assert not result.success and RAN == []
    assert set(evals) == set(mart_checks.GATED_MARTS)
    assert not evals[short].passed and evals[short].severity.value == "ERROR"
    assert "expect_table_row_count_to_be_between" in evals[short].description
    assert all(e.passed for t, e in evals.items() if t != short)


def test_a_missing_mart_fails_its_gate_only(resources):
    @multi_asset(specs=[AssetSpec(t) for t in mart_checks.GATED_MARTS], name="four_marts")
    def four_marts(warehouse: WarehouseResource):
        with warehouse.connect() as con:
            for table, cols in MART_COLUMNS.items():
                if table != "export_acled_events":
                    con.execute(f"create or replace table {table} as select {cols} from range(4) t(i)")

    result = materialize([four_marts, fake_publish_marts, mart_checks.mart_gates], resources=resources,
                         raise_on_error=False)  # nothing published yet: no shrink rule
    evals = {e.asset_key.path[-1]: e for e in result.get_asset_check_evaluations()}
    assert not result.success and RAN == []
    assert not evals["export_acled_events"].passed and "does not exist" in evals["export_acled_events"].description
    assert all(e.passed and e.metadata["published_rows"].value == -1
               for t, e in evals.items() if t != "export_acled_events")


def test_run_report_and_failed_run_recorded(resources):
    from runlog import runs
    from runlog.report import summarize_events

    FEED.update(errors=_bad(2), per_source={"inbox": {"reports": 0, "errors": 2, "failed": False}})
    result = _raw_run(resources)
    report_ = summarize_events(result.all_events)
    assert "raw/reports:reports_quarantine_share" in report_["checks_failed"]
    assert "raw/reports:reports_suite" in report_["checks_passed"]
    assert report_["rows"]["raw/reports"] == {"in": 2, "out": 0, "quarantined": 2}
    assert runs.record_failed_run(resources["warehouse"].path, run_id=result.run_id,
                                     partition_start=dt.date(2025, 3, 3), partition_end=dt.date(2025, 3, 4),
                                     report=report_)
    with duckdb.connect(resources["warehouse"].path, read_only=True) as con:
        status, failed, rows = con.execute(
            "select status, failed_checks, rows_json from meta.runs where run_id = ?", [result.run_id]).fetchall()[0]
    assert status == "failed" and "raw/reports:reports_quarantine_share" in json.loads(failed)
    assert json.loads(rows)["raw/reports"]["quarantined"] == 2


# ---- the gates of a partitioned run read the window and the rows that break a rule

WINDOW_DAY = "2025-03-10"  # the run's partition; the marts hold 10 days up to it
DAYS, PER_DAY = 10, 8
BREAKS = {
    None: None,
    # a fact of the window whose report is not in dim_report
    "orphan in the window": ("fct_claims", "update fct_claims set report_id = 'zz' "
                             "where fact_id = (select max(fact_id) from fct_claims where published_date = '2025-03-10')"),
    # a fact of the window that takes the id of a fact of an earlier day
    "key of an earlier day": ("fct_control_changes", "update fct_control_changes set fact_id = 'c-2025-03-01-0' "
                              "where fact_id = 'c-2025-03-10-0'"),
    # an earlier day's row loses its key (the window's rows are fine)
    "null key before the window": ("fct_claims", "update fct_claims set fact_id = null "
                                   "where fact_id = 'f-2025-03-02-3'"),
}


def _dated_marts(breaks: str | None):
    @multi_asset(specs=[AssetSpec(t, partitions_def=daily_partitions) for t in mart_checks.GATED_MARTS],
                 name="dated_marts", partitions_def=daily_partitions)
    def dated_marts(warehouse: WarehouseResource):
        days = f"(select (date '2025-03-01' + d::integer)::date as day from range({DAYS}) t(d)) days, range({PER_DAY}) n(i)"
        with warehouse.connect() as con:
            con.execute(f"create or replace table dim_report as select 'r-' || day || '-' || i as report_id, "
                        f"day as published_date from {days}")
            for table, prefix in (("fct_claims", "f"), ("fct_control_changes", "c")):
                con.execute(f"create or replace table {table} as select '{prefix}-' || day || '-' || i as fact_id, "
                            f"'r-' || day || '-' || i as report_id, day as published_date from {days}")
            con.execute("create or replace table export_acled_events as "
                        "select 'MMR' || i as event_id_cnty, 'r-2025-03-01-' || (i % 8) as report_id from range(20) t(i)")
            con.execute("create or replace table mart_tracker_crosscheck as "
                        "select 'town' as scope, 'MMR' || i as town_pcode from range(5) t(i)")
            if BREAKS[breaks]:
                con.execute(BREAKS[breaks][1])

    return dated_marts


@asset(key=AssetKey("published_warehouse"), deps=[AssetKey(t) for t in mart_checks.GATED_MARTS],
       partitions_def=daily_partitions)
def fake_publish_dated() -> None:
    RAN.append("published_warehouse")


def _dated_run(resources, breaks: str | None):
    return materialize([_dated_marts(breaks), fake_publish_dated, mart_checks.mart_gates], resources=resources,
                       partition_key=WINDOW_DAY, raise_on_error=False)


def test_the_gates_of_a_night_validate_its_window_and_count_the_whole_table(resources):
    from pathlib import Path

    # published yesterday: the same marts, so no shrink — counted on the whole table, not the window
    _dated_run(resources, None)
    build = Path(resources["warehouse"].path)
    Path(resources["publish_target"].path).parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(resources["publish_target"].path) as pub:
        pub.execute(f"attach '{build}' as build (read_only)")
        for table in mart_checks.GATED_MARTS:
            pub.execute(f"create table {table} as select * from build.main.{table}")
    RAN.clear()
    result = _dated_run(resources, None)
    evals = {e.asset_key.path[-1]: e for e in result.get_asset_check_evaluations()}
    assert result.success and RAN == ["published_warehouse"] and all(e.passed for e in evals.values())
    for table in ("fct_claims", "fct_control_changes", "dim_report"):
        meta = evals[table].metadata
        assert meta["rows"].value == meta["published_rows"].value == DAYS * PER_DAY
        assert meta["rows_validated"].value == PER_DAY  # GX saw the night's rows only
    assert evals["export_acled_events"].metadata["rows_validated"].value == 0  # no day column, nothing broken


@pytest.mark.parametrize("breaks", [b for b in BREAKS if b])
def test_a_scoped_gate_still_catches_what_the_whole_table_would_and_blocks_the_publish(resources, breaks):
    table = BREAKS[breaks][0]
    result = _dated_run(resources, breaks)
    evals = {e.asset_key.path[-1]: e for e in result.get_asset_check_evaluations()}
    assert not result.success and RAN == []  # the publish did not run
    assert not evals[table].passed and evals[table].severity.value == "ERROR"
    assert all(e.passed for t, e in evals.items() if t != table)
    failed = evals[table].metadata["failed_expectations"].value
    expected = {"orphan in the window": "expect_column_values_to_be_in_set(report_known)",
                "key of an earlier day": "expect_column_values_to_be_unique(mart_key)",
                "null key before the window": "expect_column_values_to_not_be_null(mart_key)"}[breaks]
    assert expected in failed
    # the same verdict as on every row (no window: what an unpartitioned run reads)
    with duckdb.connect(resources["warehouse"].path, read_only=True) as con:
        every_row = next(mart_checks.mart_gate_results([table], con, resources["publish_target"].path))
    assert not every_row.passed and expected in every_row.metadata["failed_expectations"].value
