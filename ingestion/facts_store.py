"""Writing extracted facts to ``raw.extracted_facts``, one partition window at a time.

Rewriting a window is one transaction (delete the window, insert its facts), so running
the same partition twice gives the same rows.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import duckdb
import pandas as pd

from ingestion import tables
from ingestion.batching import batched

COLUMNS = tables.EXTRACTED_FACTS_COLUMNS


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    tables.ensure(con, "raw.extracted_facts")


def fact_row(fact: dict[str, Any], *, content_hash: str, published_date: str, run_id: str,
             extracted_at: dt.datetime) -> dict[str, Any]:
    """A contract fact (``to_dict()`` output) → a row of ``raw.extracted_facts``."""
    from ingestion.units import unit_key

    unit = fact.get("unit") or None
    row = {c: fact.get(c) for c in COLUMNS}
    row.update(
        unit_type=unit["type"] if unit else None,
        unit_number=str(unit["number"]) if unit else None,
        unit_key=unit_key(unit["type"], unit["number"]) if unit else None,
        content_hash=content_hash,
        published_date=published_date,
        run_id=run_id,
        extracted_at=extracted_at,
    )
    return row


def replace_window(con: duckdb.DuckDBPyConnection, rows: Iterable[dict[str, Any]],
                   start: str, end: str, *, batch_size: int = 20_000) -> int:
    """Replace the facts of reports published in [start, end) by ``rows``; returns the count.

    ``rows`` may be a generator: it is consumed in batches inside one transaction, so a
    backfill of years holds one batch in memory, and readers see the old window or the new
    one, never half of it.
    """
    ensure_schema(con)
    casts = ", ".join(f'cast("{c}" as {t}) as "{c}"' for c, t in COLUMNS.items())
    written = 0
    con.execute("begin transaction")
    try:
        con.execute("delete from raw.extracted_facts where published_date >= ? and published_date < ?",
                    [start, end])
        for batch in batched(rows, batch_size):
            frame = pd.DataFrame(batch, columns=list(COLUMNS))
            con.register("facts_batch", frame)
            con.execute(f"insert into raw.extracted_facts select {casts} from facts_batch")
            con.unregister("facts_batch")
            written += len(frame)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return written
