"""Failed sources are visible: kept apart from the others, recorded in meta.runs, printed,
and `--strict` fails on them."""
from __future__ import annotations

import datetime as dt
import json

import duckdb

from runlog import runs
from ingestion.http import HttpClient
from ingestion.sources import FolderSource, JsonSource, SourcesConfig, load_sources
from orchestration.cli import _report, failed_sources
from orchestration.runner import RunOutcome
from runlog.report import report_from_outcome

GOOD = {"id": "g1", "published": "2025-03-04", "text": "The KIA captured the IB 236 base on Monday."}


def test_a_5xx_storm_fails_one_source_and_the_others_load(tmp_path, httpserver):
    httpserver.expect_request("/api").respond_with_data("busy", status=503)
    (tmp_path / "g.json").write_text(json.dumps(GOOD), encoding="utf-8")
    config = SourcesConfig(sources=[
        JsonSource(name="api", type="json", url=httpserver.url_for("/api")),
        FolderSource(name="inbox", type="folder", path=tmp_path)])
    with HttpClient(cache_dir=tmp_path / "c", retries=2, backoff_factor=0) as client:
        result = load_sources(config, client)
    assert [r.id for r in result.reports] == ["g1"]
    (failure,) = result.failures
    assert failure.name == "api" and "503" in failure.reason
    assert result.counts["api"].failed and result.counts["api"].reason
    assert not result.counts["inbox"].failed


def test_pages_before_a_failing_page_are_kept(tmp_path, httpserver):
    httpserver.expect_request("/p1").respond_with_json({"reports": [GOOD], "next": "/p2"})
    httpserver.expect_request("/p2").respond_with_data("{not json", content_type="application/json")
    config = SourcesConfig(sources=[JsonSource(name="api", type="json", url=httpserver.url_for("/p1"))])
    with HttpClient(cache_dir=tmp_path / "c", retries=0, backoff_factor=0) as client:
        result = load_sources(config, client)
    assert [r.id for r in result.reports] == ["g1"]
    assert result.failures and "not JSON" in result.failures[0].reason


def _outcome(published: bool = True, failed: list[str] | None = None) -> RunOutcome:
    return RunOutcome(run_id="run-1", success=True, published=published,
                      metadata={"raw/reports": {"fetched": 3, "quarantined": 0,
                                                "failed_sources": failed or [], "warnings": []}})


def test_failed_sources_recorded_in_meta_runs(tmp_path):
    outcome = _outcome(failed=["api: HTTP 503 Service Unavailable"])
    report = report_from_outcome(outcome)
    assert report["failed_sources"] == ["api: HTTP 503 Service Unavailable"]
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    runs.record_report(con, run_id="run-1", partition_start=dt.date(2025, 3, 4),
                          partition_end=dt.date(2025, 3, 5), status="published", report=report)
    (stored,) = con.execute("select failed_sources from meta.runs").fetchall()[0]
    assert json.loads(stored) == ["api: HTTP 503 Service Unavailable"]


def test_meta_runs_of_an_older_warehouse_gains_the_column(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema meta")
    con.execute("create table meta.runs (run_id varchar, partition_start date, partition_end date, "
                "status varchar, finished_at timestamp, checks_passed integer, checks_failed integer, "
                "failed_checks varchar, rows_json varchar, details_json varchar)")
    runs.record_report(con, run_id="r", partition_start=None, partition_end=None, status="failed",
                          report={"failed_sources": ["x: down"]})
    assert con.execute("select failed_sources from meta.runs").fetchall() == [('["x: down"]',)]


def test_strict_fails_a_published_run_with_a_failed_source(capsys):
    ok, bad = _outcome(), _outcome(failed=["api: HTTP 503"])
    assert _report([ok]) == 0 and _report([ok], strict=True) == 0
    assert _report([bad]) == 0  # published: the source failure is printed, not fatal
    assert _report([bad], strict=True) == 3
    assert failed_sources([bad]) == ["api: HTTP 503"]


def test_a_source_failing_three_nights_is_flagged_by_the_gate_rule(tmp_path):
    """Failed runs count as nights without data: the blocking sources_have_data check flags them."""
    from ingestion.sources import SourceCounts
    from quality.rules import silent_sources
    from runlog.source_runs import record_source_runs, source_history

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    for night in range(3):
        record_source_runs(con, f"run-{night}", {"api": SourceCounts(failed=True, reason="HTTP 503"),
                                                 "inbox": SourceCounts(reports=4)},
                           dt.date(2025, 3, 1 + night), dt.date(2025, 3, 2 + night))
    history = source_history(con, ["api", "inbox"], limit=3)
    assert silent_sources(history, 3) == ["api"]
    assert silent_sources(source_history(con, ["api"], limit=2), 4) == []  # not judged yet
