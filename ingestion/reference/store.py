"""Versioned raw reference tables in the build warehouse (schema ``reference``).

Every table has ``load_version`` (1, 2, ...), ``file_sha256`` and ``loaded_at`` on each
row. A load whose fingerprint (the SHA-256 of its input files) equals the table's latest
version adds nothing; a new fingerprint appends the rows as the next version, so earlier
versions stay queryable. ``reference._loads`` logs every version (table, fingerprint,
file hashes, row count, origin).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import pandas as pd

from ingestion.tables import table_exists

SCHEMA = "reference"
LOG_TABLE = f"{SCHEMA}._loads"


@dataclass(frozen=True)
class StoreResult:
    table: str
    load_version: int
    changed: bool  # False: same fingerprint as the latest version, nothing written
    rows: int
    fingerprint: str


def fingerprint(file_hashes: dict[str, str | None]) -> str:
    """One hash for a table's inputs (absent files count as absent)."""
    payload = json.dumps({k: v for k, v in sorted(file_hashes.items())}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def ensure_log(con) -> None:
    con.execute(f"create schema if not exists {SCHEMA}")
    con.execute(f"""create table if not exists {LOG_TABLE} (
        table_name varchar, load_version integer, fingerprint varchar, file_hashes json,
        origin json, row_count bigint, loaded_at timestamp with time zone)""")


def latest_load(con, table: str) -> tuple[int, str] | None:
    """(load_version, fingerprint) of a table's latest version, or None."""
    ensure_log(con)
    row = con.execute(f"select load_version, fingerprint from {LOG_TABLE} where table_name = ? "
                      "order by load_version desc limit 1", [table]).fetchall()
    row = row[0] if row else None
    return (int(row[0]), row[1]) if row else None


def is_current(con, table: str, fp: str) -> bool:
    latest = latest_load(con, table)
    return latest is not None and latest[1] == fp


def store(con, table: str, df: pd.DataFrame, file_hashes: dict[str, str | None],
          row_sha256: str | pd.Series | None = None, origin: dict[str, str] | None = None) -> StoreResult:
    """Append ``df`` as the next version of ``reference.<table>`` unless its inputs are unchanged.

    ``row_sha256`` is the SHA-256 of the file each row came from (one value or a column);
    by default the table's only input file hash.
    """
    fp = fingerprint(file_hashes)
    latest = latest_load(con, table)
    if latest and latest[1] == fp:
        n = con.execute(f"select count(*) from {SCHEMA}.{table} where load_version = ?", [latest[0]]).fetchall()[0][0]
        return StoreResult(table, latest[0], False, int(n), fp)
    version = (latest[0] if latest else 0) + 1
    now = dt.datetime.now(dt.timezone.utc)
    data = df.copy()
    if row_sha256 is None:
        present = [h for h in file_hashes.values() if h]
        row_sha256 = present[0] if len(present) == 1 else fp
    data.insert(0, "file_sha256", row_sha256 if isinstance(row_sha256, pd.Series) else str(row_sha256))
    data["file_sha256"] = data["file_sha256"].astype("string")
    data.insert(0, "load_version", version)
    data["loaded_at"] = pd.Timestamp(now)
    con.register("_reference_rows", data)
    try:
        con.execute("begin")
        if not table_exists(con, SCHEMA, table):
            con.execute(f"create table {SCHEMA}.{table} as select * from _reference_rows")
        else:
            cols = {r[0] for r in con.execute("select column_name from information_schema.columns "
                                              "where table_schema = ? and table_name = ?", [SCHEMA, table]).fetchall()}
            for row in con.execute("describe _reference_rows").fetchall():
                if row[0] not in cols:
                    con.execute(f'alter table {SCHEMA}.{table} add column "{row[0]}" {row[1]}')
            con.execute(f"insert into {SCHEMA}.{table} by name select * from _reference_rows")
        con.execute(f"insert into {LOG_TABLE} values (?, ?, ?, ?, ?, ?, ?)",
                    [table, version, fp, json.dumps(file_hashes), json.dumps(origin or {}), len(data), now])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.unregister("_reference_rows")
    return StoreResult(table, version, True, len(data), fp)
