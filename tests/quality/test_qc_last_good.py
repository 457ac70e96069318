"""The last good warehouse: a run whose blocking check fails leaves the published file
byte-identical, RunOutcome names the check, and ``frontline refresh`` exits non-zero naming
it. Runs the real checks and the real runner/CLI on small fake ingestion/publish assets (no
dbt), reading a real folder source, so it does not wait for the rest of the pipeline."""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import (
    AssetKey, Definitions, MaterializeResult, MetadataValue, asset, define_asset_job, in_process_executor,
)

from orchestration.partitions import daily_partitions
from quality.checks import facts as fact_checks
from quality.checks import reports as report_checks
from orchestration.resources import PublishResource, SourcesResource, WarehouseResource

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"
DAY = dt.date(2025, 3, 3)


@asset(key=AssetKey(["raw", "reports"]), partitions_def=daily_partitions)
def mini_raw_reports(context, warehouse: WarehouseResource, sources: SourcesResource) -> MaterializeResult:
    from ingestion import raw_store
    from ingestion.sources import load_sources
    from quality.rules import split_reports
    from quality.store import quarantine_rejected_reports
    from runlog.source_runs import record_source_runs

    result = load_sources(sources.config())
    good, rejected = split_reports(result.reports)
    with warehouse.connect() as con:
        raw_store.store_reports(con, good, run_id=context.run_id)
        raw_store.quarantine_reports(con, result.errors, run_id=context.run_id)
        quarantine_rejected_reports(con, rejected, context.run_id)
        record_source_runs(con, context.run_id, result.counts)
    return MaterializeResult(metadata={
        "fetched": len(result.reports), "quarantined": len(result.errors), "screened_out": len(rejected),
        "per_source": MetadataValue.json({k: dataclasses.asdict(v) for k, v in result.counts.items()})})


@asset(key=AssetKey(["raw", "extracted_facts"]), deps=[AssetKey(["raw", "reports"])],
       partitions_def=daily_partitions)
def mini_facts() -> None:
    pass


@asset(key=AssetKey("published_warehouse"), deps=[AssetKey(["raw", "extracted_facts"])],
       partitions_def=daily_partitions)
def mini_publish(context, warehouse: WarehouseResource, publish_target: PublishResource) -> None:
    from runlog import runs
    from publishing.duckdb_file import publish_warehouse
    from runlog.report import summarize_run

    with warehouse.connect() as con:
        runs.record_report(con, run_id=context.run_id, partition_start=DAY, partition_end=DAY,
                              status="published", report=summarize_run(context.instance, context.run_id))
    publish_warehouse(warehouse.path, publish_target.path)


def mini_defs(tmp_path: Path, sources_file: Path) -> Definitions:
    job = define_asset_job("nightly_refresh", partitions_def=daily_partitions, executor_def=in_process_executor)
    return Definitions(
        assets=[mini_raw_reports, mini_facts, mini_publish],
        asset_checks=[*report_checks.CHECKS, *fact_checks.CHECKS],
        jobs=[job],
        resources={"warehouse": WarehouseResource(path=str(tmp_path / "build" / "frontline.duckdb")),
                   "sources": SourcesResource(path=str(sources_file)),
                   "publish_target": PublishResource(path=str(tmp_path / "published" / "frontline.duckdb"))})


def sources_yaml(tmp_path: Path, name: str, files: list[str], with_demo: bool = False) -> Path:
    """A sources file with one folder source holding the named bad_reports files (and, with
    ``with_demo``, every good demo report)."""
    folder = tmp_path / name
    folder.mkdir()
    for f in files:
        shutil.copy(DEMO / "bad_reports" / f, folder / f)
    if with_demo:
        for f in (DEMO / "reports").glob("*.json"):
            shutil.copy(f, folder / f.name)
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"sources:\n  - {{name: inbox, type: folder, path: {folder}}}\n")
    return path


GOOD = "good-demo-2025-03-03-kia-ib236-copy.json"
BAD = ["bad-invalid-json.json", "bad-empty-text-no-date.json"]


@pytest.fixture
def env(tmp_path, monkeypatch):
    from dagster import DagsterInstance

    monkeypatch.setenv("FRONTLINE_PUBLISHED", str(tmp_path / "published" / "frontline.duckdb"))
    return DagsterInstance.ephemeral()


def test_failed_gate_keeps_last_good_and_outcome_names_check(tmp_path, env):
    from orchestration.runner import run_job

    mixed = mini_defs(tmp_path, sources_yaml(tmp_path, "mixed", [GOOD, BAD[0]], with_demo=True))
    first = run_job("nightly_refresh", start=DAY, defs=mixed, instance=env)
    assert first.ok, first
    assert "raw/reports:reports_quarantine_share" in first.checks_passed
    published = tmp_path / "published" / "frontline.duckdb"
    before = published.read_bytes()

    bad_only = mini_defs(tmp_path, sources_yaml(tmp_path, "bad", BAD))
    second = run_job("nightly_refresh", start=DAY, defs=bad_only, instance=env)
    assert not second.ok and not second.published
    assert second.checks_failed == ["raw/reports:reports_quarantine_share"]
    assert published.read_bytes() == before
    with duckdb.connect(str(tmp_path / "build" / "frontline.duckdb"), read_only=True) as con:
        rows = con.execute("select rule, reason from quarantine.reports where run_id = ? order by reason",
                           [second.run_id]).fetchall()
    assert len(rows) == 2 and {r[0] for r in rows} == {"unreadable_report"}
    with duckdb.connect(str(published), read_only=True) as con:  # the good run's quarantine
        assert con.execute("select count(*) from quarantine.reports").fetchall()[0][0] == 1
    assert any("invalid JSON" in r[1] for r in rows) and any("text" in r[1] for r in rows)

    # the runner records the failed run in the build warehouse; the next publish carries it
    from runlog.report import record_unpublished

    assert record_unpublished(second, bad_only, DAY, DAY)
    assert published.read_bytes() == before
    third = run_job("nightly_refresh", start=DAY, defs=mixed, instance=env)
    assert third.ok
    with duckdb.connect(str(published), read_only=True) as con:
        runs = dict(con.execute("select run_id, status from meta.runs").fetchall())
        failed = con.execute("select failed_checks, rows_json, partition_start, partition_end from meta.runs "
                             "where run_id = ?", [second.run_id]).fetchall()[0]
    assert runs == {first.run_id: "published", second.run_id: "failed", third.run_id: "published"}
    assert "raw/reports:reports_quarantine_share" in failed[0] and '"quarantined": 2' in failed[1]
    assert (failed[2], failed[3]) == (DAY, DAY + dt.timedelta(days=1))

    from reporting.status import published_status  # what `frontline status` prints

    info = published_status(published)
    by_id = {r["run_id"]: r for r in info["recent_runs"]}
    assert by_id[second.run_id]["failed_checks"] == ["raw/reports:reports_quarantine_share"]
    assert by_id[third.run_id]["rows_json"]["raw/reports"]["quarantined"] == 1
    assert "raw/reports:reports_suite" in by_id[third.run_id]["details_json"]["checks_passed"]


def test_refresh_cli_exits_non_zero_naming_the_check(tmp_path, env, monkeypatch):
    from typer.testing import CliRunner

    import orchestration.runner as runner
    from orchestration.cli import app

    real_refresh = runner.refresh
    holder: dict = {}

    def fake_refresh(start, end=None, **kw):
        return real_refresh(start, end, defs=holder["defs"], instance=env, with_reference=False)

    monkeypatch.setattr(runner, "refresh", fake_refresh)
    # `--sources` sets FRONTLINE_SOURCES in this process: let monkeypatch restore it afterwards
    monkeypatch.setenv("FRONTLINE_SOURCES", "")
    mixed_yaml = sources_yaml(tmp_path, "mixed", [GOOD, BAD[0]], with_demo=True)
    holder["defs"] = mini_defs(tmp_path, mixed_yaml)
    ok = CliRunner().invoke(app, ["refresh", "--date", DAY.isoformat(), "--sources", str(mixed_yaml)])
    assert ok.exit_code == 0, ok.output
    published = tmp_path / "published" / "frontline.duckdb"
    before = published.read_bytes()

    bad_yaml = sources_yaml(tmp_path, "bad", BAD)
    holder["defs"] = mini_defs(tmp_path, bad_yaml)
    bad = CliRunner().invoke(app, ["refresh", "--date", DAY.isoformat(), "--sources", str(bad_yaml)])
    assert bad.exit_code != 0
    assert "raw/reports:reports_quarantine_share" in bad.output
    assert published.read_bytes() == before


def test_future_report_is_quarantined_not_stored(tmp_path, env):
    from orchestration.runner import run_job

    folder = tmp_path / "inbox"
    folder.mkdir()
    good = (DEMO / "bad_reports" / GOOD).read_text()
    (folder / "good.json").write_text(good)
    (folder / "future.json").write_text(good.replace('"published": "2025-03-03"', '"published": "2999-01-01"')
                                        .replace("kia-ib236-copy", "future-copy"))
    (folder / "good2.json").write_text(good.replace("kia-ib236-copy", "second-copy"))
    yaml = tmp_path / "s.yaml"
    yaml.write_text(f"sources:\n  - {{name: inbox, type: folder, path: {folder}}}\n")
    out = run_job("nightly_refresh", start=DAY, defs=mini_defs(tmp_path, yaml), instance=env)
    assert out.ok, out
    with duckdb.connect(str(tmp_path / "published" / "frontline.duckdb"), read_only=True) as con:
        ids = {r[0] for r in con.execute("select id from raw.reports").fetchall()}
        q = con.execute("select report_id, rule, reason from quarantine.reports").fetchall()
        runs = con.execute("select status, checks_passed, rows_json from meta.runs").fetchall()
    assert "demo-2025-03-03-future-copy" not in ids and len(ids) == 2
    assert q == [("demo-2025-03-03-future-copy", "published_in_future", q[0][2])] and "2999-01-01" in q[0][2]
    assert runs[0][0] == "published" and runs[0][1] >= 4
    assert '"quarantined": 1' in runs[0][2]
