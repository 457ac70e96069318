"""What the fact models were last built against, so a changed reference rebuilds them.

The incremental fact models key each row to the dimensions when the row is built. When
the reference data gets a new load version, rows built earlier would keep stale keys: the
next fact build is then a full refresh of all history (cheap next to extraction), and
``meta.dbt_fact_builds`` records the reference state each build used.
"""
from __future__ import annotations

import datetime as dt

import duckdb

from ingestion import tables

# Reference tables no incremental fact row is keyed to: the town-control tracker is read
# only by mart_tracker_crosscheck, a table rebuilt on every run, so a new tracker file does
# not need a full refresh of all history.
NOT_KEYED_TO_FACTS = ("town_control_events",)


def reference_state(con: duckdb.DuckDBPyConnection) -> str | None:
    """The latest load version of every reference table the facts are keyed to
    ("table@version,..."), or None when no reference data is loaded."""
    if not tables.table_exists(con, "reference", "_loads"):
        return None
    return con.execute("""
        select string_agg(table_name || '@' || version, ',' order by table_name)
        from (select table_name, max(load_version) as version from reference._loads
              where table_name not in (select unnest(?::varchar[])) group by 1)
    """, [list(NOT_KEYED_TO_FACTS)]).fetchall()[0][0]


# The version of the incremental fact models' tables: bumped when one of them changes its
# columns or how its rows are keyed (2: ``mart_claims_reconciled`` incremental by claim topic,
# with a ``claim_topic`` column). An incremental build cannot change a stored table's columns
# (``on_schema_change: fail``), so a warehouse built by an earlier version rebuilds all history
# once, on its first night after the upgrade, with no one to run it by hand.
FACT_MODELS_VERSION = 2


def fact_build_state(con: duckdb.DuckDBPyConnection) -> str:
    """What a fact build depends on beyond the night's reports: the reference state and the
    version of the fact models' tables ("towns@2,townships@1;fact-models@2")."""
    return f"{reference_state(con) or '-'};fact-models@{FACT_MODELS_VERSION}"


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``meta.dbt_fact_builds`` if missing (DDL: ``ingestion.tables``)."""
    tables.ensure(con, "meta.dbt_fact_builds")


def last_fact_build_state(con: duckdb.DuckDBPyConnection) -> str | None:
    """The reference state of the latest successful fact build (None: never built)."""
    if not tables.table_exists(con, "meta", "dbt_fact_builds"):
        return None
    rows = con.execute("select reference_state from meta.dbt_fact_builds "
                       "order by built_at desc limit 1").fetchall()
    return rows[0][0] if rows else None


def needs_full_refresh(current: str | None, last_built: str | None) -> bool:
    """A fact build must rebuild all history when the reference changed since the last one."""
    return current != last_built


def record_fact_build(con: duckdb.DuckDBPyConnection, run_id: str, state: str | None,
                      full_refresh: bool) -> None:
    ensure_schema(con)
    con.execute("insert into meta.dbt_fact_builds values (?, ?, ?, ?)",
                [run_id, state, full_refresh, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)])
