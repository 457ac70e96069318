"""One refresh policy for `frontline refresh` and the daemon (orchestration/refresh_policy.py)."""
from __future__ import annotations

from dagster import AssetKey, DagsterInstance, MaterializeResult, asset, materialize

from orchestration.definitions import defs
from orchestration.refresh_policy import rebuild_dimensions, reference_changed
from orchestration.sensors import materialized_in_run


def test_dimensions_rebuilt_only_when_a_table_changed_or_no_gazetteer():
    unchanged = {"reference/towns": {"changed": False}, "reference/units": {"changed": False}}
    changed = {**unchanged, "reference/units": {"changed": True}}
    assert not reference_changed(unchanged) and reference_changed(changed)
    assert not rebuild_dimensions(unchanged, gazetteer_ready=True)
    assert rebuild_dimensions(changed, gazetteer_ready=True)
    assert rebuild_dimensions(unchanged, gazetteer_ready=False)
    assert not reference_changed({"gazetteer": {"changed": True}})  # only reference tables count


def test_daemon_and_cli_share_the_jobs_of_the_policy():
    schedule = defs.resolve_schedule_def("reference_refresh_schedule")
    assert schedule.job_name == "reference_tables_refresh"
    tables = defs.resolve_job_def("reference_tables_refresh")
    assert all(k.path[0] == "reference" for k in tables.asset_layer.executable_asset_keys)
    sensor = defs.resolve_sensor_def("reference_rebuild_sensor")
    assert sensor.job_name == "reference_refresh"


@asset(key=AssetKey(["reference", "towns"]))
def towns() -> MaterializeResult:
    return MaterializeResult(metadata={"changed": True, "rows": 3})


def test_the_sensor_reads_what_the_run_materialized():
    instance = DagsterInstance.ephemeral()
    result = materialize([towns], instance=instance)
    got = materialized_in_run(instance, result.run_id)
    assert got == {"reference/towns": {"changed": True, "rows": 3}}
    assert rebuild_dimensions(got, gazetteer_ready=True)
