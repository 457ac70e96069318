"""The whole nightly job, in-process, on the demo data, into a temporary warehouse."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow  # the whole nightly job on the demo data, several runs (minutes)

REPO = Path(__file__).resolve().parents[1]
DEMO_START, DEMO_END = dt.date(2025, 3, 1), dt.date(2025, 3, 14)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    """Definitions pointed at a temporary warehouse, with the demo inbox as the only source."""
    from dagster import DagsterInstance

    from orchestration.definitions import build_defs
    from orchestration.resources import build_resources

    root = tmp_path_factory.mktemp("pipeline")
    sources = root / "sources.yaml"
    sources.write_text(
        f"sources:\n  - {{name: demo-inbox, type: folder, path: {REPO / 'data/demo/reports'}, outlet: Demo Wire}}\n")
    paths = {"warehouse": root / "build" / "frontline.duckdb",
             "published": root / "published" / "frontline.duckdb", "sources": sources}
    defs = build_defs(build_resources(**paths))
    return defs, DagsterInstance.ephemeral(), paths


def _rows(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


FACTS_SQL = """
    select fact_id, report_id, change, place_name, unit_key, actor_to, actor_from, event_date
    from fct_control_changes order by fact_id
"""


@pytest.fixture(scope="module")
def backfilled(pipeline):
    from orchestration.runner import refresh

    defs, instance, paths = pipeline
    outcomes = refresh(DEMO_START, DEMO_END, defs=defs, instance=instance)
    return outcomes, paths


def test_a_range_backfill_is_one_run_that_publishes(backfilled):
    outcomes, paths = backfilled
    nightly = outcomes[-1]
    assert all(o.success for o in outcomes), [o.failed_steps for o in outcomes]
    assert nightly.ok, (nightly.checks_failed, nightly.failed_steps)
    # the reference tables, the dimensions and gazetteer (a new warehouse), then ONE run for the range
    assert len(outcomes) == 3
    assert "gazetteer" in outcomes[1].metadata and "published_warehouse" in nightly.metadata
    assert paths["published"].exists()


def test_a_range_run_marks_every_day_materialized_with_one_planned_event_per_asset(pipeline, backfilled):
    """The range run records its plan as one event per asset (orchestration.runner: Dagster's
    DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS), and still one materialization per asset
    and day: Dagster's partition status shows every day of the range materialized."""
    from dagster import AssetKey, DagsterEventType

    outcomes, _ = backfilled
    _, instance, _ = pipeline
    run_id = outcomes[-1].run_id
    days = {(DEMO_START + dt.timedelta(days=i)).isoformat() for i in range((DEMO_END - DEMO_START).days + 1)}
    for key in (AssetKey(["raw", "extracted_facts"]), AssetKey("fct_control_changes"),
                AssetKey("published_warehouse")):
        assert instance.get_materialized_partitions(key) >= days, key
        planned = [e for e in instance.all_logs(run_id, of_type=DagsterEventType.ASSET_MATERIALIZATION_PLANNED)
                   if e.dagster_event.asset_key == key]
        assert len(planned) == 1, key


def test_unchanged_reference_files_do_not_rebuild_the_dimensions(pipeline, backfilled):
    from orchestration.runner import refresh

    defs, instance, _ = pipeline
    outcomes = refresh(dt.date(2025, 3, 14), defs=defs, instance=instance)
    assert len(outcomes) == 2 and outcomes[-1].ok  # the tables (unchanged), then the night's run
    assert not any(meta.get("changed") for meta in outcomes[0].metadata.values())
    assert "gazetteer" not in outcomes[0].metadata


def test_a_known_capture_reaches_fct_control_changes(backfilled):
    _, paths = backfilled
    rows = _rows(paths["published"], """
        select actor_to, change, cast(event_date as varchar) from fct_control_changes
        where report_id = 'demo-2025-03-03-kia-ib236' and unit_key = 'IB-236'
    """)
    assert ("Kachin Independence Army", "captured", "2025-03-02") in rows


def test_acled_export_and_tracker_crosscheck_are_published(backfilled):
    """The demo reports and the demo tracker agree on at least three town-level events and
    disagree on one (Hsipaw, 13 March: state media claim a capture, the tracker says the TNLA
    holds it); the ACLED export is published as a table, Parquet and CSV."""
    _, paths = backfilled
    published = paths["published"]
    overall = _rows(published, "select agreed, holder_disagreements, tracker_unresolved_towns "
                               "from mart_tracker_crosscheck where scope = 'overall'")[0]
    assert overall[0] >= 3 and overall[1] == 1 and overall[2] == 0
    disagreement = _rows(published, "select town_name from mart_tracker_crosscheck where holder_disagreements > 0 "
                                    "and scope = 'town'")
    assert disagreement == [("Hsipaw",)]
    kyaukme = _rows(published, "select sub_event_type, actor1 from export_acled_events where location = 'Kyaukme' "
                               "and event_date = date '2025-03-13'")
    assert kyaukme == [("Government regains territory", "Military Forces of Myanmar (2021-)")]
    rows = _rows(published, "select count(*) from export_acled_events")[0][0]
    csv_file = published.parent / "export_acled_events.csv"
    assert csv_file.read_text(encoding="utf-8").count("\n") == rows + 1
    parquet = published.parent / "parquet" / "export_acled_events.parquet"
    assert duckdb.sql(f"select count(*) from '{parquet}'").fetchall()[0][0] == rows


def test_status_prints_the_tracker_figures(backfilled):
    from reporting.status import crosscheck_line, published_status

    _, paths = backfilled
    figures = published_status(paths["published"])["tracker_crosscheck"]
    assert figures["window_days"] == 7 and figures["holder_disagreements"] == 1
    line = crosscheck_line(figures)
    assert line.startswith("tracker cross-check (±7 days): ") and "1 holder disagreement," in line


def test_claims_are_published(backfilled):
    _, paths = backfilled
    assert _rows(paths["published"], "select count(*) from fct_claims")[0][0] > 0


def test_the_same_partition_twice_gives_the_same_rows(pipeline, backfilled):
    from orchestration.runner import run_job

    defs, instance, paths = pipeline
    before = _rows(paths["published"], FACTS_SQL)
    day = dt.date(2025, 3, 5)
    first = run_job("nightly_refresh", start=day, defs=defs, instance=instance)
    once = _rows(paths["published"], FACTS_SQL)
    second = run_job("nightly_refresh", start=day, defs=defs, instance=instance)
    twice = _rows(paths["published"], FACTS_SQL)
    assert first.ok and second.ok
    assert once == twice == before
    # the publish brought the last published file up to date table by table (not a full
    # copy), and the published tables hold exactly the build's rows
    assert second.metadata["published_warehouse"]["publish_mode"] == "incremental"
    from publishing.duckdb_file import list_tables

    for table in list_tables(paths["published"]):
        if table.startswith(("main.fct_", "main.mart_", "main.dim_", "main.export_")):
            sql = f"select * from {table} order by all"
            assert _rows(paths["published"], sql) == _rows(paths["warehouse"], sql), table


def test_a_reference_change_rebuilds_every_partition_of_the_facts(pipeline, backfilled):
    from orchestration.runner import run_job

    defs, instance, paths = pipeline
    before = _rows(paths["published"], "select count(*), count(distinct published_date) from fct_control_changes")
    con = duckdb.connect(str(paths["warehouse"]))
    try:  # a re-published towns file: a new load version of reference.towns
        con.execute("insert into reference._loads (table_name, load_version) "
                    "select 'towns', max(load_version) + 1 from reference._loads where table_name = 'towns'")
    finally:
        con.close()
    outcome = run_job("nightly_refresh", start=dt.date(2025, 3, 5), defs=defs, instance=instance)
    assert outcome.ok
    builds = _rows(paths["warehouse"], "select full_refresh from meta.dbt_fact_builds order by built_at")
    assert builds[-1] == (True,)
    # a full refresh without a window: every day's facts are still there, not only 5 March's
    after = _rows(paths["published"], "select count(*), count(distinct published_date) from fct_control_changes")
    assert after == before


def test_every_published_table_is_an_asset_with_one_writer(backfilled, pipeline):
    """The lineage names every table of the published file: dbt models by name, the seeds
    (lookup), raw, quarantine, meta and reference tables as [schema, table]; one asset writes each."""
    from ingestion.tables import DDL, WRITERS

    defs, _, _ = pipeline
    _, paths = backfilled
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    tables = _rows(paths["published"], "select table_schema, table_name from information_schema.tables "
                                       "where table_catalog = current_database()")
    unnamed = []
    for schema, table in tables:
        key = table if schema == "main" else f"{schema}/{table}"
        if key not in keys and (schema, table) != ("reference", "_loads"):  # the loads' log of reference/*
            unnamed.append(f"{schema}.{table}")
    assert unnamed == []
    assert set(WRITERS) == set(DDL) and all(w in keys or w == "dbt_fact_models" for w in WRITERS.values())
