"""Publishing the warehouse's BI tables to PostgreSQL, atomically.

``publish_postgres(duckdb_path, target, docs, run_id)``:

1. reads the DuckDB file read-only and picks the published tables (``main``'s ``fct_*``, ``export_*``,
   ``dim_*``, ``mart_*``; ``meta.runs``; every ``quarantine`` table);
2. in **one transaction**: creates a fresh ``<schema>__next`` for each PostgreSQL schema
   (``main`` → ``target.schema``, ``meta`` and ``quarantine`` keep their names), bulk-loads
   every table with ``COPY ... FROM STDIN (FORMAT csv)`` (DuckDB renders the CSV), adds
   primary keys, indexes and comments from the dbt docs, creates ``control_as_of(date)``,
   grants ``SELECT`` to the read-only role, ``ANALYZE``s, then renames each live schema to
   ``<name>__prev`` and each ``__next`` one to the live name, and commits;
3. drops the ``__prev`` schemas in a second transaction, which waits for queries still
   reading them to finish (they keep their snapshot; new queries already see the new
   tables). A ``__prev`` left by a publish whose drop failed is dropped before step 2.

Any failure before the commit rolls everything back: the previous schemas stay live
untouched and ``PgPublishError`` says why. A session-level PostgreSQL advisory lock, held
from the cleanup to the drop, keeps two publishers from interleaving. The swap and the drops
take their tables without ever waiting for one while holding another (``_lock_exclusive``),
so a publish is never half of a deadlock with a reader. The role is created (``LOGIN``, read-only by default, ``search_path`` set
to the published schemas) when missing.
"""
from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from publishing.pg_schema import (
    Column, TableDoc, check_ident, control_as_of_sql, copy_sql, create_table_sql,
    keys_and_comments_sql, literal, quote_ident, select_for_csv,
)
from publishing.pg_target import PostgresTarget

_CHUNK = 1 << 20
_LOCK_KEY = 7_303_716_201  # pg_advisory_lock key of the Frontline publish
_MAIN_PREFIXES = ("fct_", "dim_", "mart_", "export_")  # export_: the ACLED-format export
CONNECT_TIMEOUT = 10  # seconds
SWAP_WAIT_SECONDS = 600  # how long the swap waits for running queries to finish
DROP_WAIT_SECONDS = 60  # how long the drop of the previous tables waits for queries still reading them


class PgPublishError(Exception):
    """The PostgreSQL publish failed; the previous schemas are still live."""


@dataclass
class TableLoad:
    rows: int
    seconds: float


@dataclass
class PgPublishResult:
    url: str  # without password
    schemas: dict[str, str]  # duckdb schema -> postgres schema
    tables: dict[str, TableLoad] = field(default_factory=dict)  # "pg_schema.table" -> load
    seconds: float = 0.0
    published_at: str = ""

    def summary(self) -> dict:
        """For meta.runs' details_json and the asset metadata."""
        return {"status": "published", "url": self.url, "published_at": self.published_at,
                "seconds": round(self.seconds, 3),
                "rows": {t: x.rows for t, x in self.tables.items()},
                "table_seconds": {t: round(x.seconds, 3) for t, x in self.tables.items()}}


def published_tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """``(schema, table)`` of every table to publish, in a stable order."""
    rows = con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND NOT temporary ORDER BY schema_name, table_name").fetchall()
    return [(s, t) for s, t in rows
            if (s == "main" and t.startswith(_MAIN_PREFIXES))
            or (s == "meta" and t == "runs") or s == "quarantine"]


def table_columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[Column]:
    rows = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() "
        "AND schema_name = ? AND table_name = ? ORDER BY column_index", [schema, table]).fetchall()
    return [Column(name, dtype) for name, dtype in rows]


def schema_map(target: PostgresTarget, duck_schemas: set[str]) -> dict[str, str]:
    """DuckDB schema → PostgreSQL schema: ``main`` → the target schema, others keep their name."""
    return {s: (target.schema if s == "main" else check_ident(s)) for s in sorted(duck_schemas)}


def _doc_for(docs: dict[str, TableDoc], schema: str, table: str) -> TableDoc | None:
    return docs.get(f"{schema}.{table}") or (docs.get(table) if schema == "main" else None)


def _connect(url: str):
    import psycopg

    return psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT, application_name="frontline-publish",
                           autocommit=True)


def _ensure_role(cur, target: PostgresTarget, schemas: list[str]) -> None:
    role = quote_ident(target.reader_role)
    exists = cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [target.reader_role]).fetchone()
    if not exists:
        cur.execute(f"CREATE ROLE {role} LOGIN")
        cur.execute(f"ALTER ROLE {role} SET default_transaction_read_only = on")
        cur.execute(f"ALTER ROLE {role} SET search_path = {', '.join(quote_ident(s) for s in schemas)}")
    if target.reader_password:
        from psycopg import sql

        cur.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
            sql.Identifier(target.reader_role), sql.Literal(target.reader_password)))


def _load_table(cur, duck: duckdb.DuckDBPyConnection, tmp: Path, duck_schema: str, pg_schema: str,
                table: str, columns: list[Column]) -> int:
    cur.execute(create_table_sql(pg_schema, table, columns))
    csv = tmp / f"{duck_schema}.{table}.csv"
    quoted = "'" + str(csv).replace("'", "''") + "'"
    duck.execute(f"COPY ({select_for_csv(duck_schema, table, columns)}) TO {quoted} (FORMAT csv, HEADER false)")
    with cur.copy(copy_sql(pg_schema, table, columns)) as copy, csv.open("rb") as f:
        while chunk := f.read(_CHUNK):
            copy.write(chunk)
    csv.unlink()
    return cur.rowcount if cur.rowcount is not None and cur.rowcount >= 0 else 0


def _tables_in(cur, schemas: list[str]) -> list[str]:
    """The quoted names of the tables and views of ``schemas``, in a stable order."""
    return [f"{quote_ident(s)}.{quote_ident(t)}" for s, t in cur.execute(
        "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = ANY(%s) AND c.relkind IN ('r', 'p', 'v', 'm') ORDER BY 1, 2", [schemas]).fetchall()]


def _lock_exclusive(con, cur, names: list[str], wait_seconds: float, gave_up: str) -> None:
    """Take every table of ``names`` in ACCESS EXCLUSIVE mode (held to the end of the
    transaction), never waiting for one while holding another.

    Readers lock a query's tables one at a time, in their own order; a prepared statement
    (psycopg and JDBC prepare a query run 5 times) first re-locks the tables of its cached
    plan by OID, the old ones renamed to ``__prev`` included, before it notices the swap
    and plans again. A publisher that waits for table A while holding table B deadlocks with
    a reader holding A and waiting for B, and PostgreSQL's deadlock check (after 1 s) then
    kills one of them: the reader's query fails, or the drop of ``__prev`` does. A lock
    timeout shorter than the deadlock check only makes that unlikely, and not under load.

    So each try waits (up to the deadline) for one table only, the one found busy last,
    holding none of the others, and then takes the others with ``NOWAIT``; a busy one ends
    the try (the savepoint releases what it took) and is the one waited for next. The
    publisher is never a waiter holding a table, so it is never half of a deadlock; and
    while it waits, new queries on that table queue behind it, so a steady flow of short
    queries cannot starve it. Gives up with ``PgPublishError(gave_up)`` after
    ``wait_seconds``."""
    from psycopg import errors

    if not names:
        return
    deadline = time.monotonic() + wait_seconds
    first = 0
    while True:
        busy = first
        try:
            with con.transaction():  # a savepoint: a failed try leaves no lock behind
                left_ms = max(1, int((deadline - time.monotonic()) * 1000))
                cur.execute(f"SET LOCAL lock_timeout = '{left_ms}ms'")
                cur.execute(f"LOCK TABLE {names[first]} IN ACCESS EXCLUSIVE MODE")
                for i, name in enumerate(names):
                    if i != first:
                        busy = i
                        cur.execute(f"LOCK TABLE {name} IN ACCESS EXCLUSIVE MODE NOWAIT")
            cur.execute("SET LOCAL lock_timeout = DEFAULT")
            return
        except (errors.LockNotAvailable, errors.DeadlockDetected):
            if time.monotonic() >= deadline:
                raise PgPublishError(gave_up) from None
            first = busy


def _drop_prev(con, cur, live: list[str], wait_seconds: float) -> None:
    """Drop the ``<schema>__prev`` schemas in one transaction, their tables taken first by
    ``_lock_exclusive`` (this waits for the queries still reading them)."""
    prev = [schema + "__prev" for schema in live]
    with con.transaction():
        _lock_exclusive(con, cur, _tables_in(cur, prev), wait_seconds,
                        f"queries held the previous tables ({', '.join(prev)}) for {wait_seconds} s")
        for schema in prev:
            cur.execute(f"DROP SCHEMA IF EXISTS {quote_ident(schema)} CASCADE")


def publish_postgres(duckdb_path: str | Path, target: PostgresTarget, docs: dict[str, TableDoc] | None = None,
                     run_id: str = "", log=None) -> PgPublishResult:
    """Publish the BI tables of ``duckdb_path`` to ``target`` (see the module doc)."""
    import psycopg

    docs = docs or {}
    started = time.perf_counter()
    say = log or (lambda msg: None)
    try:
        duck = duckdb.connect(str(duckdb_path), read_only=True)
    except duckdb.Error as exc:
        raise PgPublishError(f"cannot open {duckdb_path}: {exc}") from exc
    try:
        duck.execute("SET enable_progress_bar = false")
        tables = published_tables(duck)
        mapping = schema_map(target, {s for s, _ in tables} | {"main"})
        result = PgPublishResult(url=target.display_url, schemas=mapping)
        live = list(mapping.values())
        try:
            con = _connect(target.url)
        except psycopg.Error as exc:
            raise PgPublishError(f"cannot connect to PostgreSQL at {target.display_url}: {exc}".strip()) from exc
        try:
            cur = con.cursor()
            # one publisher at a time, from the cleanup below to the drop of the previous tables
            cur.execute("SELECT pg_advisory_lock(%s)", [_LOCK_KEY])
            # the previous tables of an earlier publish whose drop failed or was interrupted
            try:
                _drop_prev(con, cur, live, SWAP_WAIT_SECONDS)
            except PgPublishError as exc:
                raise PgPublishError(f"{exc}: the publish gave up, the previous tables stay live") from None
            with con.transaction(), tempfile.TemporaryDirectory(prefix="frontline-pg-") as tmp:
                _ensure_role(cur, target, live)
                for schema in live:  # (no __next survives a rollback; one made by hand is replaced)
                    cur.execute(f"DROP SCHEMA IF EXISTS {quote_ident(schema + '__next')} CASCADE")
                    cur.execute(f"CREATE SCHEMA {quote_ident(schema + '__next')}")
                for duck_schema, table in tables:
                    pg_schema = mapping[duck_schema] + "__next"
                    columns = table_columns(duck, duck_schema, table)
                    t0 = time.perf_counter()
                    rows = _load_table(cur, duck, Path(tmp), duck_schema, pg_schema, table, columns)
                    for stmt in keys_and_comments_sql(pg_schema, table, columns, _doc_for(docs, duck_schema, table)):
                        cur.execute(stmt)
                    cur.execute(f"ANALYZE {quote_ident(pg_schema)}.{quote_ident(table)}")
                    name = f"{mapping[duck_schema]}.{table}"
                    result.tables[name] = TableLoad(rows, time.perf_counter() - t0)
                    say(f"postgres: {name}: {rows} rows in {result.tables[name].seconds:.2f}s")
                if ("main", "fct_control_periods") in tables:
                    for stmt in control_as_of_sql(mapping["main"] + "__next",
                                                  table_columns(duck, "main", "fct_control_periods")):
                        cur.execute(stmt)
                result.published_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
                role = quote_ident(target.reader_role)
                for schema in live:
                    nxt = quote_ident(schema + "__next")
                    cur.execute(f"GRANT USAGE ON SCHEMA {nxt} TO {role}")
                    cur.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {nxt} TO {role}")
                    cur.execute(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {nxt} TO {role}")
                    stamp = json.dumps({"frontline_run_id": run_id, "published_at": result.published_at})
                    cur.execute(f"COMMENT ON SCHEMA {nxt} IS " + literal(stamp))
                # the swap: every live schema away, every new one in, in this same transaction.
                # Every live table is taken first, so that a query naming several tables resolves
                # all of them before the swap or all after it (a query that started waits the few
                # milliseconds to the commit, then reads the new tables), and queries already
                # running finish first.
                _lock_exclusive(con, cur, _tables_in(cur, live), SWAP_WAIT_SECONDS,
                                f"queries held the live tables for {SWAP_WAIT_SECONDS} s: the swap gave up, "
                                "the previous tables stay live")
                for schema in live:
                    if cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema]).fetchone():
                        cur.execute(f"ALTER SCHEMA {quote_ident(schema)} RENAME TO {quote_ident(schema + '__prev')}")
                    cur.execute(f"ALTER SCHEMA {quote_ident(schema + '__next')} RENAME TO {quote_ident(schema)}")
            # committed: the new tables are live. Now drop the old ones; this waits for the
            # queries still reading them, and a failure here leaves only garbage behind.
            try:
                _drop_prev(con, cur, live, DROP_WAIT_SECONDS)
            except (psycopg.Error, PgPublishError) as exc:
                say(f"postgres: the previous schemas could not be dropped yet ({exc}); the next publish will")
        except (psycopg.Error, duckdb.Error, OSError) as exc:
            raise PgPublishError(f"PostgreSQL publish to {target.display_url} failed, the previous "
                                 f"tables stay live: {str(exc).strip()}") from exc
        finally:
            con.close()
    finally:
        duck.close()
    result.seconds = time.perf_counter() - started
    return result


def attempt(duckdb_path: str | Path, target: PostgresTarget, docs: dict[str, TableDoc] | None = None,
            run_id: str = "", log=None) -> dict:
    """``publish_postgres`` that never raises ``PgPublishError``: the outcome as the dict
    recorded in meta.runs' ``details_json["postgres"]`` (``status`` published or failed,
    ``error``, ``blocking``, rows and seconds per table)."""
    started = time.perf_counter()
    try:
        return publish_postgres(duckdb_path, target, docs, run_id, log).summary() | {"blocking": target.blocking}
    except PgPublishError as exc:
        return {"status": "failed", "url": target.display_url, "blocking": target.blocking,
                "error": str(exc), "seconds": round(time.perf_counter() - started, 3),
                "failed_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()}
