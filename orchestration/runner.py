"""Running the jobs in-process (for the CLI and the tests) and reading their outcome."""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from orchestration.partitions import range_tags
from orchestration.refresh_policy import rebuild_dimensions

YANGON = ZoneInfo("Asia/Yangon")


def yesterday_in_yangon(now: dt.datetime | None = None) -> dt.date:
    """The default partition of a nightly run: yesterday, Myanmar time."""
    now = now or dt.datetime.now(dt.timezone.utc)
    return (now.astimezone(YANGON) - dt.timedelta(days=1)).date()


@dataclass
class RunOutcome:
    run_id: str
    success: bool
    published: bool
    checks_passed: list[str] = field(default_factory=list)
    checks_failed: list[str] = field(default_factory=list)  # blocking (ERROR) failures
    checks_warned: list[str] = field(default_factory=list)  # WARN failures
    failed_steps: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)  # failed step -> its error message
    metadata: dict[str, dict] = field(default_factory=dict)  # asset -> materialization metadata

    @property
    def ok(self) -> bool:
        return self.success and self.published and not self.checks_failed


def _instance():
    from dagster import DagsterInstance

    if os.environ.get("DAGSTER_HOME"):
        Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
        return DagsterInstance.get()
    return DagsterInstance.ephemeral()


def outcome_of(result) -> RunOutcome:
    """Summarise an ``ExecuteInProcessResult``: checks, failed steps, what was published."""
    from dagster import AssetCheckSeverity

    out = RunOutcome(run_id=result.run_id, success=result.success, published=False)
    for event in result.all_events:
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            ev = event.event_specific_data
            name = f"{ev.asset_key.to_user_string()}:{ev.check_name}"
            if ev.passed:
                out.checks_passed.append(name)
            elif ev.severity == AssetCheckSeverity.WARN:
                out.checks_warned.append(name)
            else:
                out.checks_failed.append(name)
        elif event.event_type_value == "STEP_FAILURE":
            out.failed_steps.append(event.step_key)
            error = getattr(event.event_specific_data, "error", None)
            message = (getattr(error, "message", None) or "").strip() if error is not None else ""
            if getattr(error, "cls_name", None) == "Failure":  # raised on purpose: its text alone
                message = message.split(": ", 1)[-1]
            if message:
                out.errors[event.step_key] = message
        elif event.event_type_value == "ASSET_MATERIALIZATION":
            mat = event.event_specific_data.materialization
            key = mat.asset_key.to_user_string()
            out.metadata[key] = {k: getattr(v, "value", v) for k, v in mat.metadata.items()}
            if key == "published_warehouse":
                out.published = True
    return out


# Dagster's switch (read when a run is created): a run over a range of partitions records one
# "materialization planned" event per asset with the range, instead of one per asset and day.
PLANNED_EVENTS_ENV = "DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS"


@contextmanager
def _planned_events_per_asset(*, range_run: bool) -> Iterator[None]:
    """For a range run (a backfill in one run), Dagster's planned events as one per asset
    (``PLANNED_EVENTS_ENV``) unless the environment already says: per asset and day they
    were ~36 events a day of the range, ~3 ms each in Dagster's event log (``make
    bench-backfill``: a 100-day backfill logged 3,600 of them before its first step). The
    materializations stay one per asset and day, so the partitions' status is Dagster's as
    before; what Dagster no longer has is a planned event per day, so the days of a range
    run that *fails* show as missing, not failed (the run itself shows failed, and
    ``frontline backfill`` exits non-zero naming the step or check)."""
    if not range_run or PLANNED_EVENTS_ENV in os.environ:
        yield
        return
    os.environ[PLANNED_EVENTS_ENV] = "true"
    try:
        yield
    finally:
        os.environ.pop(PLANNED_EVENTS_ENV, None)


def run_job(job_name: str, *, start: dt.date | None = None, end: dt.date | None = None,
            defs=None, instance=None, log_level: str | None = None,
            asset_selection: list | None = None) -> RunOutcome:
    """Run a job of the definitions in this process, for one day or an inclusive day range.

    ``log_level`` (e.g. "ERROR") quiets Dagster's console log; the run history keeps it all.
    """
    if defs is None:
        from orchestration.definitions import defs
    job = defs.resolve_job_def(job_name)
    kwargs: dict = {}
    if start is not None:
        end = end or start
        if start == end:
            kwargs["partition_key"] = start.isoformat()
        else:
            kwargs["tags"] = range_tags(start, end)
    if asset_selection is not None:
        kwargs["asset_selection"] = asset_selection
    if log_level:
        kwargs["run_config"] = {"loggers": {"console": {"config": {"log_level": log_level}}}}
    with _planned_events_per_asset(range_run="tags" in kwargs):
        result = job.execute_in_process(instance=instance or _instance(), raise_on_error=False, **kwargs)
    outcome = outcome_of(result)
    if job_name == "nightly_refresh" and not outcome.published:
        # kept in the build warehouse's meta.runs; the next publish carries it to BI users
        from runlog.report import record_unpublished

        record_unpublished(outcome, defs, start, end)
    return outcome


def gazetteer_ready(defs) -> bool:
    """Has this warehouse built its dimensions and gazetteer already?"""
    from orchestration.assets.gazetteer import gazetteer_file

    return gazetteer_file(defs.resources["warehouse"]).exists()


def refresh(start: dt.date, end: dt.date | None = None, *, defs=None, instance=None,
            with_reference: bool = True, log_level: str | None = None) -> list[RunOutcome]:
    """The nightly work as ``orchestration.refresh_policy`` says (the daemon follows the same
    policy), one run after another, stopping at the first that fails:

    1. the reference tables (a hash per file when nothing changed), with their checks;
    2. only when a file changed or nothing was built yet: the whole reference group (the
       dimensions and the gazetteer);
    3. the facts for the partition(s), the marts, the gates and the publish.
    """
    if defs is None:
        from orchestration.definitions import defs
    instance = instance or _instance()
    outcomes: list[RunOutcome] = []

    def run(job: str, **kw) -> bool:
        outcomes.append(run_job(job, defs=defs, instance=instance, log_level=log_level, **kw))
        return outcomes[-1].success and not outcomes[-1].checks_failed

    if with_reference:
        if not run("reference_tables_refresh"):
            return outcomes
        if rebuild_dimensions(outcomes[-1].metadata, gazetteer_ready(defs)) and not run("reference_refresh"):
            return outcomes
    run("nightly_refresh", start=start, end=end)
    return outcomes
