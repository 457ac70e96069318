"""published_warehouse: the product BI tools read, replaced only after every gate passed
(the DuckDB file, its Parquet exports and, when configured, the PostgreSQL copy)."""

import datetime as dt
import os
from pathlib import Path

from dagster import AssetExecutionContext, AssetKey, AssetSpec, Failure, MaterializeResult, MetadataValue, multi_asset

from orchestration.assets.dbt_models import dbt_fact_models
from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import PublishResource, SourcesResource, WarehouseResource

# Tables BI tools see, exported to Parquet beside the DuckDB file.
PUBLISHED_TABLES = (
    "fct_control_changes", "fct_control_events", "fct_control_periods", "mart_control_snapshot",
    "fct_claims", "mart_claims_reconciled", "mart_population_under_control", "mart_census_crosscheck",
    "export_acled_events", "mart_tracker_crosscheck",
    "dim_report", "dim_place", "dim_unit", "dim_actor", "dim_date",
)
# Tables also written as CSV beside the published file (for tools that read CSV only).
CSV_TABLES = ("export_acled_events",)
# Dimensions built from the reference files: the reference shrink gate guards them at publish.
REFERENCE_DIMENSIONS = ("dim_place", "dim_unit", "dim_actor")


def dimension_counts(build_rows: dict[str, int], published_path: Path) -> dict[str, tuple[int | None, int]]:
    """Dimension → (rows in the published warehouse or None, rows in the build warehouse)."""
    from quality.checks.marts import published_row_count

    return {d: (published_row_count(str(published_path), d), build_rows[d])
            for d in REFERENCE_DIMENSIONS if d in build_rows}


def mart_keys() -> list[AssetKey]:
    """Every dbt model of the fact group: publishing waits for all of them and their checks."""
    return sorted(dbt_fact_models.keys, key=lambda k: k.to_user_string())


def postgres_target(sources: SourcesResource):
    """The PostgreSQL target from sources.yaml's ``publish.postgres`` and the environment."""
    from publishing.pg_target import resolve_target

    return resolve_target(sources.config().publish.get("postgres"), os.environ)


def unchanged_tables(tables: list[str], staged, exports_from: str | None) -> set[str]:
    """The published ``main`` tables whose rows this publish left as they were, when the
    exports on disk were made from the file it started from (else none: export them all)."""
    if staged.changed is None or exports_from is None or exports_from != staged.base_fingerprint:
        return set()
    changed = {t.split(".", 1)[1] for t in staged.changed if t.startswith("main.")}
    return {t for t in tables if t not in changed}


class _Clock:
    """Wall seconds of the publish's stages, for the run's metadata (``publish_seconds``)."""

    def __init__(self) -> None:
        import time

        self._now = time.perf_counter
        self._last = self._now()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = self._now()
        self.laps[name] = round(self.laps.get(name, 0.0) + now - self._last, 3)
        self._last = now


PUBLISHED_WAREHOUSE = AssetKey("published_warehouse")
META_RUNS = AssetKey(["meta", "runs"])


@multi_asset(
    specs=[
        AssetSpec(PUBLISHED_WAREHOUSE, group_name="publish", deps=mart_keys(), kinds={"duckdb", "parquet"},
                  description="Atomic copy of the build warehouse to the published path (plus Parquet "
                  "exports, the ACLED-format CSV, meta.runs and, when configured, the PostgreSQL copy): "
                  "runs only when every upstream blocking check passed."),
        AssetSpec(META_RUNS, group_name="publish", deps=mart_keys(), kinds={"duckdb"},
                  description="One row per run (status, partitions, checks passed/failed, rows in/out/"
                  "quarantined per asset), written before the copy so the published file carries its "
                  "own run. A run that did not publish is recorded in the build warehouse by its "
                  "launcher (orchestration.runner → runlog.report.record_unpublished) and reaches BI "
                  "users with the next publish."),
    ],
    name="published_warehouse",
    partitions_def=daily_partitions,
    backfill_policy=single_run,
)
def published_warehouse(context: AssetExecutionContext, warehouse: WarehouseResource,
                        publish_target: PublishResource, sources: SourcesResource):
    from ingestion import duck

    from publishing import duckdb_file
    from runlog import runs
    from publishing.pg_schema import load_docs
    from publishing.pg_target import TargetError
    from publishing.postgres import attempt

    from ingestion.tables import table_exists
    from orchestration.dbt import dbt_project
    from quality.rules import shrunk_tables
    from runlog.report import summarize_run
    from quality.settings import QualitySettings

    max_shrink = QualitySettings.from_env().max_reference_shrink

    window = context.partition_time_window
    # The run report (checks passed/failed so far, rows in/out/quarantined per asset) goes to
    # meta.runs before the copy, so the published file carries its own run.
    report = summarize_run(context.instance, context.run_id)
    run = dict(run_id=context.run_id, partition_start=window.start.date(), partition_end=window.end.date(),
               report=report)

    def record(con, status: str, details: dict | None = None) -> None:
        runs.record_report(con, status=status, details=details,
                              finished_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), **run)

    with warehouse.connect(read_only=True) as con:
        tables = [t for t in PUBLISHED_TABLES if table_exists(con, "main", t)]
        rows = {t: con.execute(f'select count(*) from "{t}"').fetchall()[0][0] for t in tables}
    # The reference shrink gate, last line: a dimension that lost more than the allowed share
    # of its published rows (the wrong reference files loaded) is never published.
    shrunk = shrunk_tables(dimension_counts(rows, Path(publish_target.path)), max_shrink)
    if shrunk:
        raise Failure(
            description=f"reference shrink gate: not published: {'; '.join(shrunk)} (more than "
            f"{max_shrink:.0%}, FRONTLINE_QC_MAX_REFERENCE_SHRINK). Check where the "
            "reference files come from (sources.yaml reference_source, FRONTLINE_REFERENCE_SOURCE).",
            metadata={"shrunk_dimensions": MetadataValue.json(shrunk)})
    with warehouse.connect() as con:
        for t, n in rows.items():
            report["rows"].setdefault(t, {"in": n, "out": n, "quarantined": 0})
        record(con, "published")

    try:
        target = postgres_target(sources)
    except TargetError as exc:
        raise Failure(description=f"PostgreSQL target misconfigured: {exc}") from exc
    clock = _Clock()
    staged = duckdb_file.stage(Path(warehouse.path), Path(publish_target.path))
    clock.lap("stage")
    try:
        pg = None
        if target is not None:
            pg = attempt(staged.path, target, load_docs(dbt_project.manifest_path), context.run_id,
                         log=context.log.info, signatures=staged.text_signatures)
            failed = pg["status"] != "published"
            status = "failed" if failed and target.blocking else "published"
            with warehouse.connect() as con:  # later publishes carry this run's PostgreSQL outcome
                record(con, status, {"postgres": pg})
            if status == "failed":
                raise Failure(description=pg["error"], metadata={"postgres": MetadataValue.json(pg)})
            con = duck.connect(str(staged.path))
            try:
                record(con, status, {"postgres": pg})
            finally:
                con.close()
            if failed:
                context.log.warning(f"PostgreSQL copy NOT updated (not blocking): {pg['error']}")
            clock.lap("postgres")
        # meta.runs of the copy was written after staging: its signatures are not kept
        result = duckdb_file.commit(staged, amended=("meta.runs",) if pg is not None else ())
        clock.lap("commit")
    except BaseException:
        duckdb_file.discard(staged)
        raise
    # The exports follow the published file; a table the publish did not change keeps its
    # files when they were exported from the file this publish started from.
    parquet_dir = publish_target.folder / "parquet"
    unchanged = unchanged_tables(tables, staged, duckdb_file.exported_from(parquet_dir))
    duckdb_file.export_parquet(Path(publish_target.path), parquet_dir, tables, unchanged=unchanged,
                               published_fingerprint=result.fingerprint)
    clock.lap("parquet")
    csv_rows = {}
    for t in CSV_TABLES:
        if t in tables:
            csv = publish_target.folder / f"{t}.csv"
            csv_rows[t] = (rows[t] if t in unchanged and csv.is_file()
                           else duckdb_file.export_csv(Path(publish_target.path), csv, t))
    clock.lap("csv")
    metadata = {
        "published_path": MetadataValue.path(str(publish_target.path)),
        "rows": MetadataValue.json(rows),
        "bytes": result.size,
        "fingerprint": result.fingerprint,
        "checks_passed": len(report["checks_passed"]),
        "checks_failed": len(report["checks_failed"]),
        "checks_warned": MetadataValue.json(report["checks_warned"]),
        "run_report": MetadataValue.json(report["rows"]),
        "publish_mode": staged.mode,
        "publish_copy_seconds": round(staged.seconds, 2),
        "publish_seconds": MetadataValue.json(clock.laps),
        "tables_changed": MetadataValue.json(sorted(staged.changed) if staged.changed is not None else "all"),
        "csv_exports": MetadataValue.json({str(publish_target.folder / f"{t}.csv"): n for t, n in csv_rows.items()}),
    }
    if pg is not None:
        metadata["postgres"] = MetadataValue.json(pg)
    yield MaterializeResult(asset_key=PUBLISHED_WAREHOUSE, metadata=metadata)
    yield MaterializeResult(asset_key=META_RUNS, metadata={"run_id": context.run_id, "status": "published"})
