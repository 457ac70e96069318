"""The Dagster wiring: pure helpers, the schedule, the sensor, the definitions."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from dagster import build_schedule_context, build_sensor_context

from orchestration.dbt import build_args, partition_vars
from orchestration.partitions import range_tags
from orchestration.runner import yesterday_in_yangon


def test_partition_vars_are_the_half_open_window():
    assert partition_vars(dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc), dt.date(2025, 3, 2)) == {
        "min_date": "2025-03-01", "max_date": "2025-03-02"}


def test_build_args_pass_vars_as_json():
    args = build_args({"min_date": "2025-03-01", "max_date": "2025-03-15"})
    assert args[0] == "build" and args[args.index("--vars") - 2:args.index("--vars")] == [
        "--indirect-selection", "buildable"]
    assert json.loads(args[args.index("--vars") + 1]) == {"max_date": "2025-03-15", "min_date": "2025-03-01"}
    assert "--vars" not in build_args()


def test_yesterday_is_taken_in_yangon_time():
    # 20:00 UTC on 1 March is 02:30 on 2 March in Yangon: yesterday there is 1 March.
    assert yesterday_in_yangon(dt.datetime(2025, 3, 1, 20, 0, tzinfo=dt.timezone.utc)) == dt.date(2025, 3, 1)
    assert yesterday_in_yangon(dt.datetime(2025, 3, 1, 10, 0, tzinfo=dt.timezone.utc)) == dt.date(2025, 2, 28)


def test_range_tags_cover_a_backfill_in_one_run():
    assert range_tags(dt.date(2025, 3, 1), dt.date(2025, 3, 14)) == {
        "dagster/asset_partition_range_start": "2025-03-01",
        "dagster/asset_partition_range_end": "2025-03-14",
    }


def test_definitions_hold_the_whole_lineage():
    from orchestration.definitions import defs

    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    for expected in ("raw/reports", "raw/extracted_facts", "gazetteer", "fct_control_changes",
                     "fct_claims", "dim_report", "dim_place", "published_warehouse"):
        assert expected in keys
    assert defs.resolve_job_def("nightly_refresh").partitions_def is not None


def test_nightly_schedule_runs_yesterdays_partition_at_two_in_yangon():
    from orchestration.definitions import defs

    schedule = defs.resolve_schedule_def("nightly_refresh_schedule")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Asia/Yangon"
    context = build_schedule_context(
        scheduled_execution_time=dt.datetime(2025, 3, 10, 2, 0, tzinfo=dt.timezone(dt.timedelta(hours=6, minutes=30))))
    requests = list(schedule.evaluate_tick(context).run_requests)
    assert [r.partition_key for r in requests] == ["2025-03-09"]


def test_inbox_sensor_requests_the_days_of_new_files(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - {name: inbox, type: folder, path: inbox, outlet: Test}\n")
    monkeypatch.setenv("FRONTLINE_SOURCES", str(sources))
    from orchestration.definitions import defs
    from orchestration.sensors import inbox_sensor

    repo = defs.get_repository_def()
    empty = inbox_sensor.evaluate_tick(build_sensor_context(repository_def=repo))
    assert empty.run_requests == [] and empty.skip_message
    ctx = build_sensor_context(repository_def=repo)
    (inbox / "a.json").write_text(json.dumps(
        {"id": "a", "published": "2025-03-04", "text": "The KIA seized the IB 236 base on Friday."}))
    result = inbox_sensor.evaluate_tick(ctx)
    assert [r.partition_key for r in result.run_requests] == ["2025-03-04"]
    # the same listing again: nothing new
    again = inbox_sensor.evaluate_tick(build_sensor_context(cursor=result.cursor, repository_def=repo))
    assert again.run_requests == [] and again.skip_message
    # files of several days: one run over the range, not a run per day (one writer)
    for day in ("2025-03-06", "2025-03-09"):
        (inbox / f"{day}.json").write_text(json.dumps({"id": day, "published": day, "text": "Fighting went on."}))
    many = inbox_sensor.evaluate_tick(build_sensor_context(cursor=result.cursor, repository_def=repo))
    assert len(many.run_requests) == 1
    assert many.run_requests[0].tags["dagster/asset_partition_range_start"] == "2025-03-06"
    assert many.run_requests[0].tags["dagster/asset_partition_range_end"] == "2025-03-09"


def test_a_fact_build_after_a_reference_change_rebuilds_all_history():
    from orchestration.dbt import fact_build_args, fact_build_env

    # the window goes in the environment: the same arguments every night keep dbt's partial parsing
    assert fact_build_args() == fact_build_args() and "--vars" not in fact_build_args()
    assert fact_build_env(dt.date(2025, 3, 1), dt.date(2025, 3, 2)) == {
        "FRONTLINE_MIN_DATE": "2025-03-01", "FRONTLINE_MAX_DATE": "2025-03-02"}
    assert "--full-refresh" in fact_build_args(full_refresh=True)
    assert fact_build_env(dt.date(2025, 3, 1), dt.date(2025, 3, 2), full_refresh=True) == {}  # every partition


def test_a_backfill_runs_dbt_with_duckdb_held_lower_than_a_night(monkeypatch):
    """A fact build of one day keeps the connection limit (dbt's profile reads it); a range of
    days or a full refresh gets the backfill limit, never above the connection limit."""
    from orchestration.dbt import BACKFILL_MEMORY_LIMIT_ENV, fact_build_memory_env

    monkeypatch.delenv(BACKFILL_MEMORY_LIMIT_ENV, raising=False)
    monkeypatch.delenv("FRONTLINE_DUCKDB_MEMORY_LIMIT", raising=False)
    night = (dt.date(2025, 3, 1), dt.date(2025, 3, 2))
    year = (dt.date(2024, 3, 1), dt.date(2025, 3, 1))
    assert fact_build_memory_env(*night) == {}
    assert fact_build_memory_env(dt.datetime(2025, 3, 1), dt.datetime(2025, 3, 2)) == {}
    assert fact_build_memory_env(*year) == {"FRONTLINE_DUCKDB_MEMORY_LIMIT": "384MB"}
    assert fact_build_memory_env(dt.date(2025, 3, 1), dt.date(2025, 3, 3)) == {"FRONTLINE_DUCKDB_MEMORY_LIMIT": "384MB"}
    assert fact_build_memory_env(*night, full_refresh=True) == {"FRONTLINE_DUCKDB_MEMORY_LIMIT": "384MB"}
    monkeypatch.setenv(BACKFILL_MEMORY_LIMIT_ENV, "320MB")
    assert fact_build_memory_env(*year) == {"FRONTLINE_DUCKDB_MEMORY_LIMIT": "320MB"}
    monkeypatch.setenv("FRONTLINE_DUCKDB_MEMORY_LIMIT", "200MB")  # a lower connection limit stays
    assert fact_build_memory_env(*year) == {"FRONTLINE_DUCKDB_MEMORY_LIMIT": "200MB"}
    monkeypatch.setenv(BACKFILL_MEMORY_LIMIT_ENV, "lots")
    with pytest.raises(ValueError, match=BACKFILL_MEMORY_LIMIT_ENV):
        fact_build_memory_env(*year)


def test_reference_state_decides_the_full_refresh():
    import duckdb

    from runlog import fact_builds

    con = duckdb.connect()
    assert fact_builds.reference_state(con) is None
    con.execute("create schema reference")
    con.execute("create table reference._loads (table_name varchar, load_version integer)")
    con.execute("insert into reference._loads values ('towns', 1), ('townships', 1), ('towns', 2)")
    state = fact_builds.reference_state(con)
    assert state == "towns@2,townships@1"
    assert fact_builds.needs_full_refresh(state, fact_builds.last_fact_build_state(con))  # never built
    fact_builds.record_fact_build(con, "run-1", state, full_refresh=True)
    assert not fact_builds.needs_full_refresh(fact_builds.reference_state(con), fact_builds.last_fact_build_state(con))
    # a new tracker file: no fact row is keyed to it, no full refresh
    con.execute("insert into reference._loads values ('town_control_events', 1), ('town_control_events', 2)")
    assert not fact_builds.needs_full_refresh(fact_builds.reference_state(con), fact_builds.last_fact_build_state(con))
    con.execute("insert into reference._loads values ('towns', 3)")
    assert fact_builds.needs_full_refresh(fact_builds.reference_state(con), fact_builds.last_fact_build_state(con))


def test_a_warehouse_built_by_older_fact_models_rebuilds_all_history_once():
    """An upgrade that changes an incremental fact table's columns (a night cannot alter a
    stored table: ``on_schema_change: fail``) rebuilds all history on its first night, by itself."""
    import duckdb

    from runlog import fact_builds

    con = duckdb.connect()
    con.execute("create schema reference")
    con.execute("create table reference._loads (table_name varchar, load_version integer)")
    con.execute("insert into reference._loads values ('towns', 1)")
    fact_builds.record_fact_build(con, "run-old", fact_builds.reference_state(con), full_refresh=False)  # before versions
    assert fact_builds.needs_full_refresh(fact_builds.fact_build_state(con), fact_builds.last_fact_build_state(con))
    fact_builds.record_fact_build(con, "run-new", fact_builds.fact_build_state(con), full_refresh=True)
    assert not fact_builds.needs_full_refresh(fact_builds.fact_build_state(con), fact_builds.last_fact_build_state(con))
    assert fact_builds.fact_build_state(con).endswith(f"fact-models@{fact_builds.FACT_MODELS_VERSION}")


def test_schedules_run_without_a_human():
    from dagster import DefaultScheduleStatus

    from orchestration.definitions import defs

    nightly = defs.resolve_schedule_def("nightly_refresh_schedule")
    reference = defs.resolve_schedule_def("reference_refresh_schedule")
    assert nightly.default_status == reference.default_status == DefaultScheduleStatus.RUNNING
    assert reference.cron_schedule == "30 1 * * *" and reference.execution_timezone == "Asia/Yangon"


def test_the_dbt_resource_starts_no_dbt_to_learn_its_version_nor_an_adapter(monkeypatch):
    import subprocess
    from importlib.metadata import version

    from orchestration.dbt import dbt_resource

    def no_subprocess(*args, **kwargs):
        raise AssertionError(f"a subprocess was started: {args}")

    monkeypatch.setattr(subprocess, "check_output", no_subprocess)
    resource = dbt_resource()
    assert str(resource._cli_version) == version("dbt-core")
    assert resource._initialize_dbt_core_adapter(["build"]) is None


def test_dbt_runs_with_the_window_and_a_quiet_file_log_then_the_environment_is_restored(monkeypatch, tmp_path):
    import os

    from orchestration.assets.dbt_models import _dbt_env
    from orchestration.resources import WarehouseResource

    monkeypatch.delenv("DBT_LOG_LEVEL_FILE", raising=False)
    monkeypatch.setenv("FRONTLINE_MIN_DATE", "2000-01-01")  # a stale window must not leak into dbt
    warehouse = WarehouseResource(path=str(tmp_path / "build.duckdb"))
    with _dbt_env(warehouse, {"FRONTLINE_MAX_DATE": "2025-03-06"}):
        assert os.environ["DBT_LOG_LEVEL_FILE"] == "warn"  # dbt.log keeps warnings and errors only
        assert os.environ["FRONTLINE_WAREHOUSE"] == str(tmp_path / "build.duckdb")
        assert "FRONTLINE_MIN_DATE" not in os.environ and os.environ["FRONTLINE_MAX_DATE"] == "2025-03-06"
    assert "DBT_LOG_LEVEL_FILE" not in os.environ and os.environ["FRONTLINE_MIN_DATE"] == "2000-01-01"


def test_planned_events_per_asset_for_range_runs_only(monkeypatch):
    """A range run (a backfill) sets Dagster's one-planned-event-per-asset switch for its own
    length; a one-day run does not; a value the environment already has is left alone."""
    import os

    from orchestration.runner import PLANNED_EVENTS_ENV, _planned_events_per_asset

    monkeypatch.delenv(PLANNED_EVENTS_ENV, raising=False)
    with _planned_events_per_asset(range_run=False):
        assert PLANNED_EVENTS_ENV not in os.environ
    with _planned_events_per_asset(range_run=True):
        assert os.environ[PLANNED_EVENTS_ENV] == "true"
    assert PLANNED_EVENTS_ENV not in os.environ
    monkeypatch.setenv(PLANNED_EVENTS_ENV, "false")
    with _planned_events_per_asset(range_run=True):
        assert os.environ[PLANNED_EVENTS_ENV] == "false"
    assert os.environ[PLANNED_EVENTS_ENV] == "false"
