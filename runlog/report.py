"""The run report: checks passed/failed/warned and rows in/out/quarantined per asset, read
from a run's Dagster events (for meta.runs, the publish metadata and ``frontline status``)."""
from __future__ import annotations

from typing import Any


def rows_of(asset: str, metadata: dict[str, Any]) -> dict[str, int] | None:
    """{in, out, quarantined} of one asset's materialization metadata, if it says."""
    def num(key: str) -> int | None:
        v = metadata.get(key)
        v = getattr(v, "value", v)
        return int(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None

    if num("rows_in") is not None or num("rows_out") is not None:
        return {"in": num("rows_in") or 0, "out": num("rows_out") or 0,
                "quarantined": num("rows_quarantined") or 0}
    if asset == "raw/reports" and num("fetched") is not None:
        unreadable = num("quarantined") or 0
        screened = num("screened_out") or 0  # readable reports the row-level rules rejected
        fetched = num("fetched") or 0
        return {"in": fetched + unreadable, "out": fetched - screened,
                "quarantined": unreadable + screened}
    rc = num("dagster/row_count")
    if rc is not None:
        return {"in": rc, "out": rc, "quarantined": 0}
    return None


def summarize_events(events) -> dict[str, Any]:
    """Dagster events (``EventLogEntry`` or ``DagsterEvent``) of one run → the run report."""
    from dagster import AssetCheckSeverity

    passed, failed, warned, failed_steps = [], [], [], []
    failed_sources: list[str] = []
    rows: dict[str, dict[str, int]] = {}
    for entry in events:
        event = getattr(entry, "dagster_event", entry)
        if event is None:
            continue
        kind = event.event_type_value
        if kind == "ASSET_CHECK_EVALUATION":
            ev = event.event_specific_data
            name = f"{ev.asset_key.to_user_string()}:{ev.check_name}"
            if ev.passed:
                passed.append(name)
            elif ev.severity == AssetCheckSeverity.WARN:
                warned.append(name)
            else:
                failed.append(name)
        elif kind == "STEP_FAILURE":
            failed_steps.append(event.step_key)
        elif kind == "ASSET_MATERIALIZATION":
            mat = event.event_specific_data.materialization
            key = mat.asset_key.to_user_string()
            counted = rows_of(key, dict(mat.metadata or {}))
            if counted is not None:
                rows[key] = counted  # a range run: the partitions share one count
            if key == "raw/reports":
                failed_sources = failed_sources_of(dict(mat.metadata or {}))
    dedupe = lambda xs: list(dict.fromkeys(xs))  # noqa: E731
    return {"checks_passed": dedupe(passed), "checks_failed": dedupe(failed),
            "checks_warned": dedupe(warned), "failed_steps": dedupe(failed_steps), "rows": rows,
            "failed_sources": failed_sources}


def failed_sources_of(metadata: dict[str, Any]) -> list[str]:
    """The ``failed_sources`` ("name: reason") of raw/reports' materialization metadata."""
    value = metadata.get("failed_sources")
    value = getattr(value, "value", value)
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, str):
        import json

        try:
            parsed = json.loads(value)
        except ValueError:
            return [value]
        return [str(v) for v in parsed] if isinstance(parsed, list) else [value]
    return []


def summarize_run(instance, run_id: str) -> dict[str, Any]:
    """The run report of a run stored in ``instance`` (so far, when it is still running)."""
    return summarize_events(instance.all_logs(run_id))


def report_from_outcome(outcome) -> dict[str, Any]:
    """``orchestration.runner.RunOutcome`` → the run report ``runlog.runs`` records."""
    rows = {}
    for asset, metadata in (outcome.metadata or {}).items():
        counted = rows_of(asset, metadata)
        if counted is not None:
            rows[asset] = counted
    return {"checks_passed": list(outcome.checks_passed), "checks_failed": list(outcome.checks_failed),
            "checks_warned": list(outcome.checks_warned), "failed_steps": list(outcome.failed_steps),
            "rows": rows,
            "failed_sources": failed_sources_of((outcome.metadata or {}).get("raw/reports", {}))}


def record_unpublished(outcome, defs, start=None, end=None) -> bool:
    """After a nightly run that did not publish: record it as ``failed`` in the build
    warehouse's meta.runs (the next publish carries it to the published file).
    ``start``/``end``: the inclusive partition days of the run. Returns True when recorded."""
    import datetime as dt

    from runlog import runs

    if outcome.published:
        return False
    try:
        warehouse = defs.resources["warehouse"]
    except (AttributeError, KeyError, TypeError):
        return False
    last = end or start
    return runs.record_failed_run(
        warehouse.path, run_id=outcome.run_id, partition_start=start,
        partition_end=(last + dt.timedelta(days=1)) if last else None,
        report=report_from_outcome(outcome))
