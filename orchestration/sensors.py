"""A sensor on the inbox folder(s): new or changed report files start a run for their days."""

import datetime as dt
import hashlib
from pathlib import Path

from dagster import DefaultSensorStatus, RunRequest, SensorEvaluationContext, SkipReason, sensor

from ingestion import settings
from orchestration.jobs import nightly_job
from orchestration.runner import range_tags


def inbox_folders(sources_file: Path) -> list[Path]:
    """The folders of the enabled ``folder`` sources."""
    from ingestion.sources.config import load_config

    config = load_config(sources_file)
    return [Path(s.path) for s in config.sources if s.type == "folder" and s.enabled]


def listing_state(folders: list[Path]) -> dict[str, str]:
    """File path → "mtime_ns:size" for every report file under the folders."""
    state = {}
    for folder in folders:
        if folder.is_dir():
            for f in sorted(folder.rglob("*")):
                if f.is_file() and f.suffix in (".json", ".jsonl", ".txt", ".html"):
                    st = f.stat()
                    state[str(f)] = f"{st.st_mtime_ns}:{st.st_size}"
    return state


def changed_days(files: list[Path]) -> list[str]:
    """The publication days of the reports in the changed files (unreadable ones ignored here:
    the run quarantines them)."""
    from ingestion.reports import ReportError, iter_reports

    days = {r.published_date for r in iter_reports([f for f in files if f.suffix in (".json", ".jsonl")])
            if not isinstance(r, ReportError)}
    return sorted(days)


@sensor(job=nightly_job, minimum_interval_seconds=60, name="inbox_sensor",
        default_status=DefaultSensorStatus.RUNNING)
def inbox_sensor(context: SensorEvaluationContext):
    import json

    state = listing_state(inbox_folders(settings.sources_path()))
    previous = json.loads(context.cursor) if context.cursor else {}
    changed = [Path(p) for p, sig in state.items() if previous.get(p) != sig]
    if not changed:
        return SkipReason("no new or changed report files")
    partition_keys = set(nightly_job.partitions_def.get_partition_keys())
    days = [d for d in changed_days(changed) if d in partition_keys]
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
