"""The nightly schedule: 02:00 Asia/Yangon, yesterday's partition, no human needed."""
from __future__ import annotations

from dagster import build_schedule_from_partitioned_job

from orchestration.jobs import nightly_job

nightly_schedule = build_schedule_from_partitioned_job(
    nightly_job, hour_of_day=2, minute_of_hour=0, name="nightly_refresh_schedule",
)
