"""Publishing the warehouse's BI tables to PostgreSQL, atomically, copying only what changed.

``publish_postgres(duckdb_path, target, docs, run_id)``:

1. reads the DuckDB file read-only and picks the published tables (``main``'s ``fct_*``, ``export_*``,
   ``dim_*``, ``mart_*``; ``meta.runs``; every ``quarantine`` table); for each, a signature (row
   count, sum of row hashes) per group of rows (``published_date``, ``site_key`` or ``run_id``,
   as the incremental DuckDB publish groups them: ``duckdb_file.GROUP_COLUMNS``) and the
   definition it gets in PostgreSQL (columns, keys, comments);
2. in **one transaction**, one of:

   - **incremental** (the usual night): when ``<schema>__state`` records the live tables as the
     last publish wrote them (same tables, same OIDs, same definitions), each table gets only
     the groups whose signature differs from the recorded one: deleted, then ``COPY``'d from
     the file (the whole table when most of it changed; an unchanged table is not touched),
     and the new signatures are recorded. Readers go on reading meanwhile (MVCC: they see the
     previous rows until the commit, and no reader waits for a publisher's row locks); before
     the commit the changed tables are taken (``_lock_exclusive``), so a transaction that was
     reading one finishes on the previous version. A row count that is not the file's after
     the copy (the live tables changed behind the publisher's back) undoes it for a full copy;
   - **full** (the first publish, a table added, removed or redefined, the reader role
     created, or ``incremental=False``): creates a fresh ``<schema>__next`` for each PostgreSQL
     schema (``main`` → ``target.schema``, ``meta`` and ``quarantine`` keep their names),
     bulk-loads every table with ``COPY ... FROM STDIN (FORMAT csv)`` (DuckDB renders the
     CSV), adds primary keys, indexes and comments from the dbt docs, creates
     ``control_as_of(date)``, grants ``SELECT`` to the read-only role, ``ANALYZE``s, records
     the signatures, then renames each live schema to ``<name>__prev`` and each ``__next`` one
     to the live name;

   and stamps each live schema's comment with the run, then commits;
3. after a full copy, drops the ``__prev`` schemas in a second transaction, which waits for
   queries still reading them to finish (they keep their snapshot; new queries already see the
   new tables). A ``__prev`` left by a publish whose drop failed is dropped before step 2.

Any failure before the commit rolls everything back: the previous tables and their record
stay live untouched and ``PgPublishError`` says why. A session-level PostgreSQL advisory lock,
held from the cleanup to the drop, keeps two publishers from interleaving. The swap and the
drops take their tables without ever waiting for one while holding another
(``_lock_exclusive``), so a publish is never half of a deadlock with a reader. The role is
created (``LOGIN``, read-only by default, ``search_path`` set to the published schemas) when
missing; it is not granted ``<schema>__state``.
"""
from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ingestion import duck as duck_conn

from publishing.duckdb_file import group_column, signatures, stale_groups
from publishing.pg_schema import (
    Column, TableDoc, check_ident, control_as_of_sql, copy_sql, create_table_sql,
    keys_and_comments_sql, literal, quote_ident, select_for_csv,
)
from publishing.pg_target import PostgresTarget

# DuckDB's memory limit while the full copy renders the staged file's tables as CSV: the
# connection's default. Under the file publish's 128MB scan limit, and under 256MB, a year's
# full copy ran out of memory in a fresh process (2026-12-06: "could not allocate block",
# 244 of 244 MiB used; 128MB with threads = 1 too; the cause not found); at 512MB a year's full
# copy was measured to pass.
PUBLISH_MEMORY_LIMIT = duck_conn.DEFAULT_MEMORY_LIMIT

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
    rows: int  # rows of the table after the publish
    seconds: float
    copied: int = 0  # rows copied by this publish (all of them in a full copy)


@dataclass
class PgPublishResult:
    url: str  # without password
    schemas: dict[str, str]  # duckdb schema -> postgres schema
    tables: dict[str, TableLoad] = field(default_factory=dict)  # "pg_schema.table" -> load
    seconds: float = 0.0
    published_at: str = ""
    mode: str = "full"  # "full" (new schemas swapped in) or "incremental" (changed rows, in place)
    full_reason: str | None = None  # why a full copy was made
    changed: list[str] = field(default_factory=list)  # the tables written

    def summary(self) -> dict:
        """For meta.runs' details_json and the asset metadata."""
        return {"status": "published", "url": self.url, "published_at": self.published_at,
                "seconds": round(self.seconds, 3), "mode": self.mode,
                **({"full_reason": self.full_reason} if self.full_reason else {}),
                "rows": {t: x.rows for t, x in self.tables.items()},
                "copied": {t: self.tables[t].copied for t in self.changed},
                "table_seconds": {t: round(self.tables[t].seconds, 3) for t in self.changed}}


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


def _ensure_role(cur, target: PostgresTarget, schemas: list[str]) -> bool:
    """Create the reader role when missing (True: created), set its password when given."""
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
    return not exists


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


@dataclass
class _Source:
    """A published table as the staged DuckDB file holds it: its columns, the definition its
    PostgreSQL table gets (columns, keys, comments), and its rows' signatures per group."""

    duck_schema: str
    table: str
    pg_schema: str  # the live schema
    columns: list[Column]
    group: str | None
    definition: str
    signatures: dict  # group value as text (None: no group, or a NULL value) -> (rows, sum of row hashes)

    @property
    def name(self) -> str:
        return f"{self.pg_schema}.{self.table}"

    @property
    def rows(self) -> int:
        return sum(n for n, _ in self.signatures.values())


def _sources(duck: duckdb.DuckDBPyConnection, tables: list[tuple[str, str]], mapping: dict[str, str],
             docs: dict[str, TableDoc], known: dict | None = None) -> list[_Source]:
    """The published tables with their signatures (keyed by the group value as text): from
    ``known`` (``schema.table`` → signatures, what the publish's staging computed for this
    very file) when given, else read from the file."""
    out = []
    known = known or {}
    for duck_schema, table in tables:
        columns = table_columns(duck, duck_schema, table)
        group = group_column(c.name for c in columns)
        ddl = keys_and_comments_sql("_", table, columns, _doc_for(docs, duck_schema, table))
        definition = json.dumps({"columns": [[c.name, c.duck_type] for c in columns], "group": group, "ddl": ddl})
        ref = f"{quote_ident(duck_schema)}.{quote_ident(table)}"
        sigs = known.get(f"{duck_schema}.{table}")
        out.append(_Source(duck_schema, table, mapping[duck_schema], columns, group, definition,
                           sigs if sigs is not None else signatures(duck, ref, group, as_text=True)))
    return out


def _copy_rows(cur, duck: duckdb.DuckDBPyConnection, tmp: Path, src: _Source, pg_schema: str,
               where: str | None = None) -> int:
    """COPY the rows of ``src`` (those matching the DuckDB condition ``where``) into its
    table of ``pg_schema``; the rows copied."""
    csv = tmp / f"{src.duck_schema}.{src.table}.csv"
    quoted = "'" + str(csv).replace("'", "''") + "'"
    select = select_for_csv(src.duck_schema, src.table, src.columns) + (f" WHERE {where}" if where else "")
    duck.execute(f"COPY ({select}) TO {quoted} (FORMAT csv, HEADER false)")
    with cur.copy(copy_sql(pg_schema, src.table, src.columns)) as copy, csv.open("rb") as f:
        while chunk := f.read(_CHUNK):
            copy.write(chunk)
    csv.unlink()
    return cur.rowcount if cur.rowcount is not None and cur.rowcount >= 0 else 0


# ---------------------------------------------------------------- what the live tables hold
#
# ``<target schema>__state`` (not granted to the reader role) records, for every live table,
# its OID, its definition and its rows' signatures per group, written in the transaction that
# writes the tables: the next publish compares the staged file's signatures with it and
# copies only the groups that differ. The OID proves the live table is the one recorded (a
# table replaced by anything else, e.g. an older publisher's schema swap, is new).

@dataclass
class _State:
    tables: dict[str, tuple[int, str]]  # "pg_schema.table" -> (relid, definition)
    groups: dict[str, dict]  # "pg_schema.table" -> {group: (rows, sum of row hashes)}


def state_schema(target: PostgresTarget) -> str:
    return target.schema + "__state"


def _ensure_state(cur, schema: str) -> None:
    s = quote_ident(schema)
    cur.execute(f"CREATE SCHEMA IF NOT EXISTS {s}")
    cur.execute(f"CREATE TABLE IF NOT EXISTS {s}.tables (table_name text PRIMARY KEY, relid oid NOT NULL, "
                "definition text NOT NULL)")
    cur.execute(f"CREATE TABLE IF NOT EXISTS {s}.groups (table_name text NOT NULL, grp text, "
                "row_count bigint NOT NULL, row_hash numeric NOT NULL)")


def _read_state(cur, schema: str) -> _State:
    s = quote_ident(schema)
    tables = {n: (int(relid), d) for n, relid, d in cur.execute(
        f"SELECT table_name, relid, definition FROM {s}.tables").fetchall()}
    groups: dict[str, dict] = {}
    for n, grp, rows, digest in cur.execute(f"SELECT table_name, grp, row_count, row_hash FROM {s}.groups"):
        groups.setdefault(n, {})[grp] = (int(rows), int(digest))
    return _State(tables, groups)


def _record(cur, schema: str, src: _Source, relid: int | None, keys) -> None:
    """Record ``src``'s signatures of the groups ``keys`` (every group when None), and its
    table's OID and definition when ``relid`` is given."""
    s = quote_ident(schema)
    if relid is not None:
        cur.execute(f"DELETE FROM {s}.tables WHERE table_name = %s", [src.name])
        cur.execute(f"INSERT INTO {s}.tables VALUES (%s, %s, %s)", [src.name, relid, src.definition])
    if keys is None:
        cur.execute(f"DELETE FROM {s}.groups WHERE table_name = %s", [src.name])
        keys = set(src.signatures)
    else:
        cur.execute(f"DELETE FROM {s}.groups WHERE table_name = %s AND (grp = ANY(%s) OR (grp IS NULL AND %s))",
                    [src.name, [k for k in keys if k is not None], None in keys])
    with cur.copy(f"COPY {s}.groups (table_name, grp, row_count, row_hash) FROM STDIN") as copy:
        for key in keys:
            if key in src.signatures:
                copy.write_row((src.name, key, *src.signatures[key]))


def _live_tables(cur, schemas: list[str]) -> dict[str, int]:
    """``"schema.table"`` → OID of every table of ``schemas``."""
    return dict(cur.execute(
        "SELECT n.nspname || '.' || c.relname, c.oid::bigint FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = ANY(%s) AND c.relkind IN ('r', 'p')", [schemas]).fetchall())


def _why_full(cur, state: _State, sources: list[_Source], live: list[str]) -> str | None:
    """Why the live tables cannot be brought up to date in place (None: they can)."""
    names = {src.name for src in sources}
    if not state.tables:
        return "no earlier copy recorded"
    if set(state.tables) != names:
        return "tables were added or removed"
    if set(_live_tables(cur, live).items()) != {(n, relid) for n, (relid, _) in state.tables.items()}:
        return "the live tables are not those the last publish recorded"
    changed = [src.name for src in sources if state.tables[src.name][1] != src.definition]
    if changed:
        return f"columns, keys or comments changed ({', '.join(changed)})"
    return None


class _Drift(Exception):
    """A live table does not hold what the state says: copy everything."""


def _in_list(keys) -> str:
    return ", ".join(literal(k) for k in sorted(keys))


def _publish_changes(con, cur, duck, tmp: Path, schema: str, sources: list[_Source], state: _State,
                     result: PgPublishResult, say) -> None:
    """The incremental publish, in the caller's transaction: each live table gets only the
    groups of rows whose signature differs from the recorded one (delete, then ``COPY``;
    the whole table when most of it changed), in place. Readers keep reading: MVCC shows
    them the previous rows until the commit. Raises ``_Drift`` when a table's row count after
    the copy is not the staged file's."""
    changed = []
    for src in sources:
        stale, whole = stale_groups(src.signatures, state.groups.get(src.name, {}))
        if not stale:
            result.tables[src.name] = TableLoad(src.rows, 0.0, copied=0)
            continue
        t0 = time.perf_counter()
        table = f"{quote_ident(src.pg_schema)}.{quote_ident(src.table)}"
        if whole:
            cur.execute(f"DELETE FROM {table}")
            copied = _copy_rows(cur, duck, tmp, src, src.pg_schema)
        else:
            group = next(c for c in src.columns if c.name == src.group)
            g, keys = quote_ident(group.name), [k for k in stale if k is not None]
            cur.execute(f"DELETE FROM {table} WHERE {g} = ANY(%s::{group.pg_base_type}[])"
                        + (f" OR {g} IS NULL" if None in stale else ""), [keys])
            where = " OR ".join(([f"CAST({g} AS VARCHAR) IN ({_in_list(keys)})"] if keys else [])
                                + ([f"{g} IS NULL"] if None in stale else []))
            copied = _copy_rows(cur, duck, tmp, src, src.pg_schema, where)
        have = cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if have != src.rows:
            raise _Drift(f"{src.name} held {have} rows after the copy, {src.rows} expected")
        _record(cur, schema, src, None, None if whole else stale)
        if copied * 5 >= src.rows:  # a large share of the rows is new: fresh statistics, unless
            # autovacuum holds the table (it analyzes it then; waiting would cost deadlock_timeout)
            cur.execute(f"ANALYZE (SKIP_LOCKED) {table}")
        result.tables[src.name] = TableLoad(src.rows, time.perf_counter() - t0, copied=copied)
        say(f"postgres: {src.name}: {copied} of {src.rows} rows copied in {result.tables[src.name].seconds:.2f}s")
        changed.append(table)
    result.changed = [n for n, x in result.tables.items() if x.copied]
    # Queries already reading a changed table finish first (a reader's transaction sees one
    # version whole, as with the full copy's swap); the tables nobody changed are the same in
    # both versions. No reader ever waits for the locks taken above (ROW EXCLUSIVE), and this
    # one waits for one table at a time: never half of a deadlock.
    _lock_exclusive(con, cur, changed, SWAP_WAIT_SECONDS,
                    f"queries held the live tables for {SWAP_WAIT_SECONDS} s: the publish gave up, "
                    "the previous tables stay live")


def _publish_full(con, cur, duck, tmp: Path, target: PostgresTarget, live: list[str], sources: list[_Source],
                  docs: dict[str, TableDoc], result: PgPublishResult, say) -> None:
    """The full publish, in the caller's transaction: every table loaded into fresh
    ``<schema>__next`` schemas, keys, comments, grants, then the swap (the ``__prev`` schemas
    are dropped by the caller after the commit)."""
    for schema in live:  # (no __next survives a rollback; one made by hand is replaced)
        cur.execute(f"DROP SCHEMA IF EXISTS {quote_ident(schema + '__next')} CASCADE")
        cur.execute(f"CREATE SCHEMA {quote_ident(schema + '__next')}")
    state = state_schema(target)
    cur.execute(f"DELETE FROM {quote_ident(state)}.tables")
    cur.execute(f"DELETE FROM {quote_ident(state)}.groups")
    for src in sources:
        pg_schema = src.pg_schema + "__next"
        table = f"{quote_ident(pg_schema)}.{quote_ident(src.table)}"
        t0 = time.perf_counter()
        cur.execute(create_table_sql(pg_schema, src.table, src.columns))
        rows = _copy_rows(cur, duck, tmp, src, pg_schema)
        for stmt in keys_and_comments_sql(pg_schema, src.table, src.columns,
                                          _doc_for(docs, src.duck_schema, src.table)):
            cur.execute(stmt)
        cur.execute(f"ANALYZE {table}")
        relid = cur.execute("SELECT %s::regclass::oid::bigint", [table]).fetchone()[0]
        _record(cur, state, src, relid, None)
        result.tables[src.name] = TableLoad(rows, time.perf_counter() - t0, copied=rows)
        say(f"postgres: {src.name}: {rows} rows in {result.tables[src.name].seconds:.2f}s")
    periods = next((src for src in sources if (src.duck_schema, src.table) == ("main", "fct_control_periods")), None)
    if periods is not None:
        for stmt in control_as_of_sql(periods.pg_schema + "__next", periods.columns):
            cur.execute(stmt)
    role = quote_ident(target.reader_role)
    for schema in live:
        nxt = quote_ident(schema + "__next")
        cur.execute(f"GRANT USAGE ON SCHEMA {nxt} TO {role}")
        cur.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {nxt} TO {role}")
        cur.execute(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {nxt} TO {role}")
    result.changed = list(result.tables)
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


def publish_postgres(duckdb_path: str | Path, target: PostgresTarget, docs: dict[str, TableDoc] | None = None,
                     run_id: str = "", log=None, *, incremental: bool = True,
                     signatures: dict | None = None) -> PgPublishResult:
    """Publish the BI tables of ``duckdb_path`` to ``target`` (see the module doc);
    ``incremental=False`` copies every table whole. ``signatures``: ``schema.table`` → the
    table's signatures keyed by the group value as text, already computed for this file
    (``duckdb_file.Staged.text_signatures``); tables not in it are read."""
    import psycopg

    docs = docs or {}
    started = time.perf_counter()
    say = log or (lambda msg: None)
    try:
        duck = duck_conn.connect(str(duckdb_path), read_only=True)
    except duckdb.Error as exc:
        raise PgPublishError(f"cannot open {duckdb_path}: {exc}") from exc
    try:
        duck.execute("SET enable_progress_bar = false")
        # The CSV renderings in any row order (PostgreSQL keeps none; the signatures are sums):
        # with insertion order kept, DuckDB's CSV writer asked for one 59 MB block on a year's
        # table under the scan limit, and ran out of memory. The full copy runs under the scan
        # limit (below); the incremental one (the stale groups' rows picked by a list of group
        # values, the signatures a table has no staged ones for) at the connection's limit: under
        # the scan limit it ran out of memory on a year's first night after a whole publish.
        duck.execute("SET preserve_insertion_order = false")
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
            sources = _sources(duck, tables, mapping, docs, signatures)
            with con.transaction(), tempfile.TemporaryDirectory(prefix="frontline-pg-") as tmp:
                created = _ensure_role(cur, target, live)
                _ensure_state(cur, state_schema(target))
                state = _read_state(cur, state_schema(target))
                reason = ("a full copy was asked for" if not incremental else
                          _why_full(cur, state, sources, live) or ("the reader role was created" if created else None))
                if reason is None:
                    try:
                        with con.transaction():  # a savepoint: a drift undoes the incremental copy
                            _publish_changes(con, cur, duck, Path(tmp), state_schema(target), sources, state,
                                             result, say)
                    except (_Drift, psycopg.errors.IntegrityError) as exc:
                        reason, result.tables = f"the live tables drifted: {str(exc).strip()}", {}
                if reason is not None:
                    say(f"postgres: a full copy ({reason})")
                    # the CSV renderings of every row stream each table once: no cache needed
                    with duck_conn.memory_limited(duck, PUBLISH_MEMORY_LIMIT):
                        _publish_full(con, cur, duck, Path(tmp), target, live, sources, docs, result, say)
                result.mode, result.full_reason = ("incremental", None) if reason is None else ("full", reason)
                result.published_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
                stamp = json.dumps({"frontline_run_id": run_id, "published_at": result.published_at})
                for schema in live:
                    cur.execute(f"COMMENT ON SCHEMA {quote_ident(schema)} IS " + literal(stamp))
            if result.mode == "full":
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
            run_id: str = "", log=None, *, signatures: dict | None = None) -> dict:
    """``publish_postgres`` that never raises ``PgPublishError``: the outcome as the dict
    recorded in meta.runs' ``details_json["postgres"]`` (``status`` published or failed,
    ``error``, ``blocking``, rows and seconds per table)."""
    started = time.perf_counter()
    try:
        return (publish_postgres(duckdb_path, target, docs, run_id, log, signatures=signatures).summary()
                | {"blocking": target.blocking})
    except PgPublishError as exc:
        return {"status": "failed", "url": target.display_url, "blocking": target.blocking,
                "error": str(exc), "seconds": round(time.perf_counter() - started, 3),
                "failed_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()}
