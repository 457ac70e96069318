"""Sensors: the inbox folder(s) (new or changed report files start a run for their days),
the dimensions rebuilt after a reference load that changed something (the refresh policy),
a failed run announced on a webhook."""

import datetime as dt
import hashlib
from pathlib import Path

from dagster import (
    DagsterEventType, DagsterRunStatus, DefaultSensorStatus, RunFailureSensorContext, RunRequest,
    RunStatusSensorContext, SensorEvaluationContext, SkipReason, run_failure_sensor, run_status_sensor,
    sensor,
)

from ingestion import settings
from orchestration.assets.gazetteer import gazetteer_file
from orchestration.jobs import nightly_job, reference_job, reference_tables_job
from orchestration.partitions import range_tags
from orchestration.refresh_policy import rebuild_dimensions
from orchestration.resources import WarehouseResource


def inbox_sources(sources_file: Path):
    """The enabled ``folder`` sources of the sources file."""
    from ingestion.sources.config import FolderSource, load_config

    config = load_config(sources_file)
    return [s for s in config.enabled if isinstance(s, FolderSource)]


def inbox_folders(sources_file: Path) -> list[Path]:
    """The folders of the enabled ``folder`` sources."""
    return [Path(s.path) for s in inbox_sources(sources_file)]


def listing_state(folders: list[Path]) -> dict[str, str]:
    """File path → "mtime_ns:size" for every file the folder source reads (every suffix it
    reads, the same rules for links and hidden files: ``folder_files``)."""
    from ingestion.sources.folder import folder_files

    state = {}
    for folder in folders:
        if folder.is_dir():
            for f in folder_files(folder):
                st = f.stat()
                state[str(f)] = f"{st.st_mtime_ns}:{st.st_size}"
    return state


def changed_days(files: list[Path], sources: list | None = None) -> list[str]:
    """The publication days of the reports in the changed files, read by the folder source's
    own reader (JSON, JSON Lines, text and HTML alike; unreadable ones ignored here: the run
    quarantines them). ``sources``: the folder sources the files belong to."""
    from ingestion.models import Report
    from ingestion.sources.config import FolderSource
    from ingestion.sources.folder import read_folder_file

    sources = sources or []
    days: set[str] = set()
    for f in files:
        owner = next((s for s in sources if _inside(f, Path(s.path))), None)
        if owner is None:  # a file given without its source: read it as a nameless inbox
            owner = FolderSource(name="inbox", type="folder", path=f.parent)
        for item in read_folder_file(f, Path(owner.path), owner):
            if isinstance(item, Report):
                days.add(item.published_date)
    return sorted(days)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


@sensor(job=nightly_job, minimum_interval_seconds=60, name="inbox_sensor",
        default_status=DefaultSensorStatus.RUNNING)
def inbox_sensor(context: SensorEvaluationContext):
    import json

    sources = inbox_sources(settings.sources_path())
    state = listing_state([Path(s.path) for s in sources])
    previous = json.loads(context.cursor) if context.cursor else {}
    changed = [Path(p) for p, sig in state.items() if previous.get(p) != sig]
    if not changed:
        return SkipReason("no new or changed report files")
    partition_keys = set(nightly_job.partitions_def.get_partition_keys())
    days = [d for d in changed_days(changed, sources) if d in partition_keys]
    context.update_cursor(json.dumps(state))
    if not days:
        return SkipReason("changed files hold no report of a known partition")
    digest = hashlib.sha1(json.dumps(sorted(state.items())).encode()).hexdigest()[:12]
    # One run for every affected day (single-run backfill policy): one writer on DuckDB.
    if len(days) == 1:
        yield RunRequest(run_key=f"{days[0]}:{digest}", partition_key=days[0])
    else:
        first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
        yield RunRequest(run_key=f"{days[0]}..{days[-1]}:{digest}", tags=range_tags(first, last))


def run_partitions(tags: dict[str, str]) -> str | None:
    """The partition (or range) of a run, from its tags."""
    if tags.get("dagster/partition"):
        return tags["dagster/partition"]
    start, end = tags.get("dagster/asset_partition_range_start"), tags.get("dagster/asset_partition_range_end")
    return f"{start}..{end}" if start and end else None


def materialized_in_run(instance, run_id: str) -> dict[str, dict]:
    """Asset key (user string) → metadata of its materialization in the run."""
    records = instance.get_records_for_run(run_id, of_type=DagsterEventType.ASSET_MATERIALIZATION).records
    out: dict[str, dict] = {}
    for record in records:
        mat = record.event_log_entry.asset_materialization
        if mat is not None:
            out[mat.asset_key.to_user_string()] = {k: getattr(v, "value", v) for k, v in mat.metadata.items()}
    return out


@run_status_sensor(run_status=DagsterRunStatus.SUCCESS, monitored_jobs=[reference_tables_job],
                   request_job=reference_job, name="reference_rebuild_sensor",
                   default_status=DefaultSensorStatus.RUNNING, minimum_interval_seconds=30,
                   description="After the reference tables loaded: rebuild the dimensions and the "
                   "gazetteer when a table got a new version or no gazetteer exists (the refresh "
                   "policy, orchestration/refresh_policy.py, which `frontline refresh` follows too).")
def reference_rebuild_sensor(context: RunStatusSensorContext, warehouse: WarehouseResource):
    run_id = context.dagster_run.run_id
    materialized = materialized_in_run(context.instance, run_id)
    if not rebuild_dimensions(materialized, gazetteer_file(warehouse).exists()):
        return SkipReason("no reference table changed and the gazetteer exists")
    return RunRequest(run_key=run_id)


@run_failure_sensor(monitored_jobs=[nightly_job, reference_tables_job, reference_job], name="run_failure_alert",
                    default_status=DefaultSensorStatus.RUNNING, minimum_interval_seconds=30,
                    description="Posts a Slack-compatible message to FRONTLINE_ALERT_WEBHOOK naming the "
                    "failed step or check of a failed nightly or reference run.")
def run_failure_alert(context: RunFailureSensorContext):
    from reporting.alerts import alert_payload, post_alert, webhook_url
    from runlog.report import summarize_run

    url = webhook_url()
    if url is None:
        return SkipReason("FRONTLINE_ALERT_WEBHOOK is not set")
    run = context.dagster_run
    report = summarize_run(context.instance, run.run_id)
    error = context.failure_event.message if context.failure_event else None
    payload = alert_payload(run.job_name, run.run_id, partitions=run_partitions(dict(run.tags)),
                            failed_steps=report["failed_steps"], failed_checks=report["checks_failed"],
                            failed_sources=report.get("failed_sources", []), error=error)
    status = post_alert(url, payload)
    context.log.info(f"alert posted to the webhook: HTTP {status}")
    return None
