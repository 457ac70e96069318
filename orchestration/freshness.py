"""Freshness of the published warehouse: a day with no publish by the deadline is flagged.

``FRONTLINE_PUBLISH_DEADLINE`` (default ``06:00``, Asia/Yangon): by then, yesterday's
partition of ``published_warehouse`` must be materialized, else the freshness check fails
(WARN) and shows in the UI; the sensor evaluates it every few minutes, no human needed.
"""
from __future__ import annotations

import os

from dagster import (
    AssetKey, DefaultSensorStatus, build_sensor_for_freshness_checks, build_time_partition_freshness_checks,
)

TIMEZONE = "Asia/Yangon"


def deadline_cron(value: str | None = None) -> str:
    """``HH:MM`` → the cron of that time every day; raises ``ValueError`` when malformed."""
    value = (value or os.environ.get("FRONTLINE_PUBLISH_DEADLINE") or "06:00").strip()
    hour, _, minute = value.partition(":")
    if not (hour.isdigit() and minute.isdigit() and 0 <= int(hour) < 24 and 0 <= int(minute) < 60):
        raise ValueError(f"FRONTLINE_PUBLISH_DEADLINE must be HH:MM, got {value!r}")
    return f"{int(minute)} {int(hour)} * * *"


freshness_checks = build_time_partition_freshness_checks(
    assets=[AssetKey("published_warehouse")], deadline_cron=deadline_cron(), timezone=TIMEZONE)
freshness_sensor = build_sensor_for_freshness_checks(
    freshness_checks=freshness_checks, name="published_freshness_sensor",
    default_status=DefaultSensorStatus.RUNNING, minimum_interval_seconds=300)
