"""What the checks share: settings, the run's partition window, suite result → check metadata."""
# No `from __future__ import annotations` in the check modules: Dagster reads the type of `context`.
from __future__ import annotations

import datetime as dt
from typing import Any

from dagster import AssetCheckExecutionContext, AssetKey, MetadataValue


def quality_settings():
    """The ``FRONTLINE_QC_*`` knobs, read when a check runs."""
    from quality.settings import QualitySettings

    return QualitySettings.from_env()


def partition_window(context: AssetCheckExecutionContext) -> tuple[dt.date, dt.date] | None:
    """[start, end) days of the run's partition (or range); None when not partitioned."""
    try:
        if context.has_partition_key or context.has_partition_key_range:
            window = context.partition_time_window
            return window.start.date(), window.end.date()
    except Exception:  # noqa: BLE001 - unpartitioned run of a partitioned check
        return None
    return None


def run_window(context: AssetCheckExecutionContext) -> tuple[dt.date, dt.date] | None:
    """[start, end) days of the run's partition (or range), for a check that is not partitioned
    itself but runs in a partitioned run (the mart gates): from the check's partition if it has
    one, else from the run's partition tags; None for an unpartitioned run."""
    window = partition_window(context)
    if window is not None:
        return window
    tags = context.run.tags
    try:
        if "dagster/partition" in tags:
            day = dt.date.fromisoformat(tags["dagster/partition"])
            return day, day + dt.timedelta(days=1)
        if "dagster/asset_partition_range_start" in tags:
            return (dt.date.fromisoformat(tags["dagster/asset_partition_range_start"]),
                    dt.date.fromisoformat(tags["dagster/asset_partition_range_end"]) + dt.timedelta(days=1))
    except (KeyError, ValueError):  # not a day: no window, every row is read
        return None
    return None


def window_text(window: tuple[dt.date, dt.date] | None, run_id: str) -> str:
    return f"[{window[0]}, {window[1]})" if window else f"rows of run {run_id}"


def check_metadata(result, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Suite result → Dagster check metadata (numbers as numbers, the rest as JSON)."""
    meta = result.metadata() if result is not None else {}
    meta.update(extra or {})
    out: dict[str, Any] = {}
    for k, v in meta.items():
        if isinstance(v, bool) or v is None:
            out[k] = MetadataValue.text(str(v))
        elif isinstance(v, (int, float, str)):
            out[k] = v
        else:
            out[k] = MetadataValue.json(v)
    return out


def error_labels(result) -> list[str]:
    """The failed ERROR expectations of a suite result (and a GX error, if any)."""
    return [o.label() for o in result.errors] + ([f"gx_error: {result.error}"] if result.error else [])


def empty_result(name: str):
    """The result of a suite that had no rows to validate."""
    from quality.validation import SuiteResult

    return SuiteResult(suite=name, rows=0)


def materialization_in_run(context: AssetCheckExecutionContext, key: AssetKey) -> dict[str, Any] | None:
    """Metadata of the asset's materialization in this run, if any."""
    try:
        event = context.instance.get_latest_materialization_event(key)
    except Exception:  # noqa: BLE001
        return None
    if event is None or event.run_id != context.run.run_id:
        return None
    mat = event.asset_materialization
    return {k: getattr(v, "value", v) for k, v in (mat.metadata or {}).items()} if mat else None
