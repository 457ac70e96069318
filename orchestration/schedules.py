"""The schedules: the reference tables at 01:30 and the nightly run at 02:00 Asia/Yangon
(yesterday's partition); no human needed. Whether the dimensions are rebuilt in between is
``orchestration.refresh_policy``'s decision (``reference_rebuild_sensor``)."""
from __future__ import annotations

from dagster import DefaultScheduleStatus, ScheduleDefinition, build_schedule_from_partitioned_job

from orchestration.jobs import nightly_job, reference_tables_job

nightly_schedule = build_schedule_from_partitioned_job(
    nightly_job, hour_of_day=2, minute_of_hour=0, name="nightly_refresh_schedule",
    default_status=DefaultScheduleStatus.RUNNING,  # on as soon as the daemon runs: no human needed
)

# The reference tables, half an hour before the nightly run, so it extracts with a fresh
# gazetteer (loading them costs a hash per file when nothing changed).
reference_schedule = ScheduleDefinition(
    name="reference_refresh_schedule", job=reference_tables_job, cron_schedule="30 1 * * *",
    execution_timezone="Asia/Yangon", default_status=DefaultScheduleStatus.RUNNING,
)
