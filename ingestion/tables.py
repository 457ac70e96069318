"""The DDL of the warehouse's own schemas, ``raw``, ``quarantine`` and ``meta``, in one place.

Every table of these schemas is declared here and created by ``ensure``; the module that
writes a table calls ``ensure(con, "<schema>.<table>")`` first. Each table has one writer
(the asset named in ``WRITERS``; ``docs/architecture.md`` draws them). dbt's models
(``main``) and the versioned reference tables (``reference``, ``ingestion.reference.store``)
are declared where they are built.

``table_exists`` is the one existence test every reader uses.
"""
from __future__ import annotations

import duckdb

SCHEMAS = ("raw", "quarantine", "meta")

# raw.extracted_facts: one row per fact the extractor found (ingestion.facts_store writes it).
EXTRACTED_FACTS_COLUMNS: dict[str, str] = {
    "fact_id": "VARCHAR",
    "report_id": "VARCHAR",
    "content_hash": "VARCHAR",
    "published_date": "DATE",
    "kind": "VARCHAR",
    "change": "VARCHAR",
    "recapture": "BOOLEAN",
    "place": "VARCHAR",
    "place_kind": "VARCHAR",
    "unit_type": "VARCHAR",
    "unit_number": "VARCHAR",
    "unit_key": "VARCHAR",
    "township": "VARCHAR",
    "state": "VARCHAR",
    "actor_to": "VARCHAR",
    "actor_from": "VARCHAR",
    "attributed_to": "VARCHAR",
    "claimant": "VARCHAR",
    "subject": "VARCHAR",
    "metric": "VARCHAR",
    "value": "DOUBLE",
    "value_low": "DOUBLE",
    "value_high": "DOUBLE",
    "approximate": "BOOLEAN",
    "date": "DATE",
    "date_end": "DATE",
    "date_precision": "VARCHAR",
    "evidence": "VARCHAR",
    "rule": "VARCHAR",
    "extractor_version": "VARCHAR",
    "run_id": "VARCHAR",
    "extracted_at": "TIMESTAMP",
}

# raw.census_figures: census figures the reports state (ingestion.census_figures writes it).
CENSUS_FIGURES_COLUMNS: dict[str, str] = {
    "report_id": "VARCHAR",
    "content_hash": "VARCHAR",
    "published_date": "DATE",
    "sentence_number": "INTEGER",
    "metric": "VARCHAR",
    "stated_value": "BIGINT",
    "evidence": "VARCHAR",
    "sentence_norm": "VARCHAR",
    "names_township": "BOOLEAN",
    "run_id": "VARCHAR",
    "extracted_at": "TIMESTAMP",
}


def _columns(columns: dict[str, str]) -> str:
    return ", ".join(f'"{c}" {t}' for c, t in columns.items())


DDL: dict[str, str] = {
    "raw.reports": """
        CREATE TABLE IF NOT EXISTS raw.reports (
            id             VARCHAR   NOT NULL,
            url            VARCHAR,
            outlet         VARCHAR,
            title          VARCHAR,
            published      TIMESTAMP,          -- UTC; a date alone is its midnight
            published_date DATE      NOT NULL, -- the report's own day
            published_iso  VARCHAR   NOT NULL, -- as the report gave it
            fetched_at     TIMESTAMP,          -- UTC
            language       VARCHAR,
            text           VARCHAR   NOT NULL,
            content_hash   VARCHAR   NOT NULL,
            source         VARCHAR,
            version        INTEGER   NOT NULL,
            loaded_at      TIMESTAMP NOT NULL, -- UTC
            run_id         VARCHAR,
            PRIMARY KEY (id, version)
        )""",
    "raw.extracted_facts": f"CREATE TABLE IF NOT EXISTS raw.extracted_facts ({_columns(EXTRACTED_FACTS_COLUMNS)})",
    "raw.census_figures": f"CREATE TABLE IF NOT EXISTS raw.census_figures ({_columns(CENSUS_FIGURES_COLUMNS)})",
    "quarantine.reports": """
        CREATE TABLE IF NOT EXISTS quarantine.reports (
            report_id      VARCHAR,
            origin         VARCHAR   NOT NULL,
            source         VARCHAR,
            reason         VARCHAR   NOT NULL,
            rule           VARCHAR   NOT NULL,
            raw            VARCHAR,
            run_id         VARCHAR,
            quarantined_at TIMESTAMP NOT NULL
        )""",
    "quarantine.facts": """
        CREATE TABLE IF NOT EXISTS quarantine.facts (
            fact_id        VARCHAR,
            report_id      VARCHAR,
            published_date DATE,
            kind           VARCHAR,
            rule           VARCHAR   NOT NULL,
            reason         VARCHAR   NOT NULL,
            row_json       VARCHAR,
            run_id         VARCHAR,
            quarantined_at TIMESTAMP NOT NULL
        )""",
    "meta.source_runs": """
        CREATE TABLE IF NOT EXISTS meta.source_runs (
            run_id          VARCHAR,
            partition_start DATE,
            partition_end   DATE,
            source          VARCHAR,
            reports         INTEGER,   -- readable reports the source returned
            errors          INTEGER,   -- unreadable reports (quarantined)
            failed          BOOLEAN,   -- the source failed as a whole
            recorded_at     TIMESTAMP
        )""",
    "meta.runs": """
        CREATE TABLE IF NOT EXISTS meta.runs (
            run_id          VARCHAR,
            partition_start DATE,
            partition_end   DATE,
            status          VARCHAR,   -- published | failed
            finished_at     TIMESTAMP,
            checks_passed   INTEGER,
            checks_failed   INTEGER,
            failed_checks   VARCHAR,   -- JSON list of check names
            rows_json       VARCHAR,   -- JSON {asset: {in, out, quarantined}}
            details_json    VARCHAR,
            failed_sources  VARCHAR    -- JSON list of "source: reason" of the sources that failed
        )""",
    "meta.dbt_fact_builds": """
        CREATE TABLE IF NOT EXISTS meta.dbt_fact_builds (
            run_id          VARCHAR,
            reference_state VARCHAR,   -- "table@load_version,..." the build keyed its rows to
            full_refresh    BOOLEAN,
            built_at        TIMESTAMP
        )""",
}

# Columns added after a table was first shipped: older warehouses get them on ``ensure``.
MIGRATIONS: dict[str, tuple[str, ...]] = {
    "meta.runs": ("ALTER TABLE meta.runs ADD COLUMN IF NOT EXISTS failed_sources VARCHAR",),
}

# The one asset that writes each table (Dagster asset key, as ``orchestration`` declares it).
WRITERS: dict[str, str] = {
    "raw.reports": "raw/reports",
    "quarantine.reports": "raw/reports",
    "meta.source_runs": "raw/reports",
    "raw.extracted_facts": "raw/extracted_facts",
    "raw.census_figures": "raw/extracted_facts",
    "quarantine.facts": "raw/extracted_facts",
    "meta.dbt_fact_builds": "dbt_fact_models",
    "meta.runs": "published_warehouse",
}


def ensure(con: duckdb.DuckDBPyConnection, *tables: str) -> None:
    """Create the schemas and the named tables ("schema.table") if missing."""
    for name in tables:
        schema = name.split(".", 1)[0]
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        con.execute(DDL[name])
        for statement in MIGRATIONS.get(name, ()):
            con.execute(statement)


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    """Does ``schema.table`` exist (a table or a view)?"""
    return bool(con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, table]).fetchall()[0][0])
