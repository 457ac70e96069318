"""The PostgreSQL target's configuration and the DuckDB → PostgreSQL schema mapping (pure)."""
from __future__ import annotations

import pytest

from publishing.pg_schema import Column, docs_from_manifest, keys_and_comments_sql
from publishing.pg_target import TargetError, redact, resolve_target
from ingestion.sources.config import ConfigError, parse_config


def test_no_url_means_no_target():
    assert resolve_target(None, {}) is None
    assert resolve_target({"schema": "x"}, {}) is None
    assert resolve_target({"url": "postgresql://a@h/db"}, {"FRONTLINE_PG_URL": "off"}) is None


def test_sources_section_with_environment_overrides():
    section = {"url": "postgresql://frontline@db:5432/fl", "schema": "bi", "blocking": False}
    t = resolve_target(section, {})
    assert (t.url, t.schema, t.blocking, t.reader_role) == ("postgresql://frontline@db:5432/fl", "bi", False,
                                                            "frontline_reader")
    t = resolve_target(section, {"FRONTLINE_PG_URL": "postgresql://u:s3cret@other/fl", "FRONTLINE_PG_SCHEMA": "pub",
                                 "FRONTLINE_PG_BLOCKING": "true", "FRONTLINE_PG_READER_PASSWORD": "r"})
    assert (t.schema, t.blocking, t.reader_password) == ("pub", True, "r")
    assert t.display_url == "postgresql://u:***@other/fl" and "s3cret" not in repr(t.display_url)
    with pytest.raises(TargetError, match="true or false"):
        resolve_target(section, {"FRONTLINE_PG_BLOCKING": "maybe"})
    with pytest.raises(TargetError, match="identifier"):
        resolve_target(section, {"FRONTLINE_PG_SCHEMA": "x; drop table y"})
    with pytest.raises(TargetError, match="postgresql://"):
        resolve_target({"url": "mysql://a@b/c"}, {})


def test_a_password_in_the_sources_file_is_refused():
    with pytest.raises(TargetError, match="never in a file"):
        resolve_target({"url": "postgresql://u:pw@h/db"}, {})
    with pytest.raises(ConfigError, match="holds a password"):
        parse_config({"publish": {"postgres": {"url": "postgresql://u:pw@h/db"}}}, base_dir=".")
    with pytest.raises(ConfigError, match="unknown key"):
        parse_config({"publish": {"postgres": {"url": "postgresql://u@h/db", "password": "x"}}}, base_dir=".")
    config = parse_config({"publish": {"postgres": {"url": "postgresql://u@h/db", "blocking": False}}}, base_dir=".")
    assert resolve_target(config.publish.get("postgres"), {}).blocking is False
    assert redact("postgresql://u@h:1/db") == "postgresql://u@h:1/db"


@pytest.mark.parametrize("duck, pg, kind", [
    ("VARCHAR", 'text COLLATE "C"', "scalar"), ("BIGINT", "bigint", "scalar"), ("DECIMAL(18,3)", "numeric(18,3)", "scalar"),
    ("TIMESTAMP WITH TIME ZONE", "timestamptz", "scalar"), ("HUGEINT", "numeric", "scalar"),
    ("VARCHAR[]", "text[]", "array"), ("INTEGER[]", "integer[]", "array"), ("DATE[]", "date[]", "array"),
    ("STRUCT(a INTEGER)", "jsonb", "json"), ("STRUCT(a VARCHAR)[]", "jsonb", "json"), ("VARCHAR[][]", "jsonb", "json"),
    ("MAP(VARCHAR, INTEGER)", "jsonb", "json"), ("JSON", "jsonb", "scalar"),
])
def test_type_mapping(duck, pg, kind):
    col = Column("c", duck)
    assert (col.pg_type, col.kind) == (pg, kind)


MANIFEST = {"nodes": {
    "model.p.fct_x": {"resource_type": "model", "name": "fct_x", "description": "Facts. ",
                      "columns": {"x_id": {"description": "The id."}, "place_key": {"description": ""},
                                  "other": {}}},
    "model.p.mart_y": {"resource_type": "model", "name": "mart_y", "description": "",
                       "columns": {"month": {}, "holder": {}, "code": {}}},
    "test.p.u1": {"resource_type": "test", "attached_node": "model.p.fct_x", "column_name": "x_id",
                  "test_metadata": {"name": "unique"}},
    "test.p.n1": {"resource_type": "test", "attached_node": "model.p.fct_x", "column_name": "x_id",
                  "test_metadata": {"name": "not_null"}},
    "test.p.r1": {"resource_type": "test", "attached_node": "model.p.fct_x", "column_name": "place_key",
                  "test_metadata": {"name": "relationships"}},
    "test.p.c1": {"resource_type": "test", "attached_node": "model.p.mart_y",
                  "test_metadata": {"name": "unique_combination", "kwargs": {"columns": ["month", "holder"]}}},
    "test.p.v1": {"resource_type": "test", "attached_node": "model.p.mart_y",  # not_null in a model's value checks
                  "test_metadata": {"name": "column_values", "kwargs": {"not_null": ["month", "holder"]}}},
    "test.p.u2": {"resource_type": "test", "attached_node": "model.p.mart_y", "column_name": "code",
                  "test_metadata": {"name": "unique"}},
    # unique and relationships among a model's checks in one test
    "model.p.fct_z": {"resource_type": "model", "name": "fct_z", "description": "",
                      "columns": {"z_id": {}, "report_id": {}, "place_key": {}}},
    "test.p.v2": {"resource_type": "test", "attached_node": "model.p.fct_z",
                  "test_metadata": {"name": "column_values", "kwargs": {
                      "not_null": ["z_id"], "unique": ["z_id"], "relationships": {"report_id": "dim_report.report_id"}}}},
    "test.p.v3": {"resource_type": "test", "attached_node": "model.p.fct_z",
                  "test_metadata": {"name": "column_values", "kwargs": {"relationships": {"place_key": "dim_place.place_key"}}}},
}}


def test_keys_from_the_dbt_tests():
    docs = docs_from_manifest(MANIFEST)
    assert docs["fct_x"].primary_key == ("x_id",) and docs["fct_x"].indexes == [("place_key",)]
    assert docs["fct_x"].description == "Facts." and docs["fct_x"].columns["x_id"] == "The id."
    # a nullable unique column is no primary key; the not-null combination is
    assert docs["mart_y"].primary_key == ("month", "holder") and docs["mart_y"].indexes == [("code",)]
    assert docs["fct_z"].primary_key == ("z_id",) and docs["fct_z"].indexes == [("report_id",), ("place_key",)]
    sql = keys_and_comments_sql("s", "fct_x", [Column("x_id", "VARCHAR"), Column("place_key", "VARCHAR")],
                                docs["fct_x"])
    assert sql[0] == 'ALTER TABLE "s"."fct_x" ADD PRIMARY KEY ("x_id")'
    assert 'CREATE INDEX "fct_x_ix0" ON "s"."fct_x" ("place_key")' in sql
    assert """COMMENT ON COLUMN "s"."fct_x"."x_id" IS 'The id.'""" in sql


def test_a_later_record_of_a_run_keeps_the_postgres_outcome():
    import datetime as dt

    import duckdb

    from runlog import runs

    con = duckdb.connect()
    kw = dict(run_id="r1", partition_start=dt.date(2025, 3, 1), partition_end=dt.date(2025, 3, 2),
              finished_at=dt.datetime(2025, 3, 2))
    runs.record_run(con, status="failed", details={"postgres": {"status": "failed", "error": "down"}}, **kw)
    runs.record_run(con, status="failed", details={"failed_steps": ["published_warehouse"]}, **kw)
    import json

    rows = con.execute("select status, details_json from meta.runs").fetchall()
    assert len(rows) == 1 and json.loads(rows[0][1]) == {"postgres": {"status": "failed", "error": "down"},
                                                         "failed_steps": ["published_warehouse"]}
