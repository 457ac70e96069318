"""A night that fails or goes stale is announced: the run-failure webhook, the freshness
check of the published warehouse, and the extractor version as the facts' code version."""
from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from dagster import (
    AssetCheckResult, AssetCheckSeverity, AssetKey, DagsterInstance, Definitions, asset, asset_check,
    build_run_status_sensor_context, define_asset_job,
)

from reporting.alerts import alert_payload
from orchestration import freshness
from orchestration.partitions import daily_partitions
from orchestration.sensors import run_failure_alert


def test_alert_names_the_failed_check_first():
    payload = alert_payload("nightly_refresh", "abc", partitions="2025-03-04",
                            failed_steps=["raw__extracted_facts"], failed_checks=["raw/extracted_facts:facts_suite"],
                            failed_sources=["api: HTTP 503"])
    assert payload["text"].startswith(":rotating_light: Frontline nightly_refresh failed for 2025-03-04: "
                                       "check raw/extracted_facts:facts_suite.")
    assert "failed sources: api: HTTP 503" in payload["text"]
    assert payload["frontline"]["failed_steps"] == ["raw__extracted_facts"]


@asset(key=AssetKey("wobbly"))
def wobbly() -> None:
    return None


@asset_check(asset=wobbly, name="wobbly_gate", blocking=True)
def wobbly_gate() -> AssetCheckResult:
    return AssetCheckResult(passed=False, severity=AssetCheckSeverity.ERROR, description="broken on purpose")


@asset(key=AssetKey("after_wobbly"), deps=[wobbly])
def after_wobbly() -> None:
    return None


@asset(key=AssetKey("crashing"))
def crashing() -> None:
    raise RuntimeError("the extractor crashed")


def _failed_run(selection: list, name: str):
    instance = DagsterInstance.ephemeral()
    defs = Definitions(assets=[wobbly, after_wobbly, crashing], asset_checks=[wobbly_gate],
                       jobs=[define_asset_job(name, selection=selection)])
    result = defs.resolve_job_def(name).execute_in_process(instance=instance, raise_on_error=False)
    assert not result.success
    failure = next(e for e in result.all_events if e.is_run_failure)
    return instance, instance.get_run_by_id(result.run_id), failure


@pytest.mark.parametrize("selection, named", [
    (["wobbly", "after_wobbly"], "check wobbly:wobbly_gate"),
    (["crashing"], "step crashing"),
])
def test_failed_run_is_posted_to_the_webhook(httpserver, monkeypatch, selection, named):
    httpserver.expect_request("/hook", method="POST").respond_with_data("ok")
    monkeypatch.setenv("FRONTLINE_ALERT_WEBHOOK", httpserver.url_for("/hook"))
    instance, run, failure = _failed_run(selection, "nightly_refresh")
    context = build_run_status_sensor_context(sensor_name="run_failure_alert", dagster_event=failure,
                                              dagster_instance=instance, dagster_run=run).for_run_failure()
    run_failure_alert(context)
    (request, _), = httpserver.log
    body = json.loads(request.data)
    assert named in body["text"] and run.run_id in body["text"]
    assert body["frontline"]["job"] == "nightly_refresh"


def test_no_webhook_configured_posts_nothing(httpserver, monkeypatch):
    monkeypatch.delenv("FRONTLINE_ALERT_WEBHOOK", raising=False)
    instance, run, failure = _failed_run(["crashing"], "nightly_refresh")
    context = build_run_status_sensor_context(sensor_name="run_failure_alert", dagster_event=failure,
                                              dagster_instance=instance, dagster_run=run).for_run_failure()
    result = run_failure_alert(context)
    assert "not set" in str(result) and not httpserver.log


# ---------------------------------------------------------------- freshness


@asset(key=AssetKey("published_warehouse"), partitions_def=daily_partitions)
def fake_published() -> None:
    return None


def _freshness(instance) -> list:
    defs = Definitions(assets=[fake_published], asset_checks=freshness.freshness_checks)
    job = defs.resolve_implicit_global_asset_job_def()
    keys = {k for c in freshness.freshness_checks for k in c.check_keys}
    result = job.get_subset(asset_check_selection=keys, asset_selection=set()).execute_in_process(
        instance=instance, raise_on_error=False)
    return result.get_asset_check_evaluations()


def test_a_day_without_publish_is_flagged_then_cleared():
    instance = DagsterInstance.ephemeral()
    (missing,) = _freshness(instance)
    assert not missing.passed and "expect partition" in missing.description
    yesterday = (dt.datetime.now(ZoneInfo("Asia/Yangon")) - dt.timedelta(days=1)).date()
    defs = Definitions(assets=[fake_published])
    job = defs.resolve_implicit_global_asset_job_def()
    for back in range(3):  # yesterday, and the day before (before 06:00 that one is due)
        job.execute_in_process(instance=instance, partition_key=(yesterday - dt.timedelta(days=back)).isoformat())
    (fresh,) = _freshness(instance)
    assert fresh.passed, fresh.description


def test_publish_deadline_is_configurable(monkeypatch):
    monkeypatch.delenv("FRONTLINE_PUBLISH_DEADLINE", raising=False)
    assert freshness.deadline_cron() == "0 6 * * *"
    monkeypatch.setenv("FRONTLINE_PUBLISH_DEADLINE", "05:15")
    assert freshness.deadline_cron() == "15 5 * * *"
    assert freshness.deadline_cron("07:30") == "30 7 * * *"
    with pytest.raises(ValueError):
        freshness.deadline_cron("25:00")


def test_freshness_check_and_sensors_are_in_the_definitions():
    from orchestration.definitions import defs

    assert defs.resolve_sensor_def("published_freshness_sensor")
    assert defs.resolve_sensor_def("run_failure_alert")
    params = freshness.freshness_checks[0].check_specs
    assert any(spec.asset_key == AssetKey("published_warehouse") for spec in params)


# ---------------------------------------------------------------- extractor version


def test_extractor_version_is_the_code_version_of_the_facts():
    from ingestion.extract import EXTRACTOR_VERSION
    from orchestration.definitions import defs

    facts = defs.resolve_assets_def(AssetKey(["raw", "extracted_facts"]))
    assert facts.code_versions_by_key[AssetKey(["raw", "extracted_facts"])] == EXTRACTOR_VERSION


def test_partitions_extracted_by_an_older_extractor_are_stale():
    from dagster import AssetSpec, multi_asset
    from dagster._core.definitions.data_version import CachingStaleStatusResolver, StaleStatus
    from dagster._core.loader import LoadingContextForTest  # what the UI's stale status uses

    def facts_at(version: str):
        @multi_asset(specs=[AssetSpec(AssetKey(["raw", "extracted_facts"]), code_version=version)],
                     partitions_def=daily_partitions, name="raw__extracted_facts")
        def _facts():
            return None
        return _facts

    instance = DagsterInstance.ephemeral()
    old = Definitions(assets=[facts_at("0.1.0")])
    old.resolve_implicit_global_asset_job_def().execute_in_process(instance=instance, partition_key="2025-03-04")
    key = AssetKey(["raw", "extracted_facts"])
    for version, expected in (("0.1.0", StaleStatus.FRESH), ("0.2.2", StaleStatus.STALE)):
        graph = Definitions(assets=[facts_at(version)]).resolve_asset_graph()
        resolver = CachingStaleStatusResolver(instance, graph, LoadingContextForTest(instance))
        assert resolver.get_status(key, "2025-03-04") == expected, version
