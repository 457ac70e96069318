"""The one way this project opens DuckDB: a connection bounded in memory (and threads).

DuckDB's default ``memory_limit`` is 80 % of the machine's RAM, per process: a query over a
year's reports (sorted by day) or a publish reading every row kept gigabytes in its buffer
pool. Every connection to a warehouse file (the build file, the published file, its staged
copy) and the in-memory ones goes through ``connect`` (or ``bound`` for a connection opened
elsewhere), which sets

- ``memory_limit`` from ``FRONTLINE_DUCKDB_MEMORY_LIMIT`` (default ``DEFAULT_MEMORY_LIMIT``);
  above it DuckDB spills to its temporary directory instead of growing;
- ``threads`` from ``FRONTLINE_DUCKDB_THREADS`` when set (default: DuckDB's, one per core).

dbt reads the same variable in ``dbt_project/profiles.yml`` (``settings: memory_limit``).

The settings are applied with ``SET`` after opening, not as ``duckdb.connect(config=...)``:
DuckDB refuses a second connection to a file already open in the process with a different
configuration, while ``SET`` changes the shared database instance and never conflicts.
"""
from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb

MEMORY_LIMIT_ENV = "FRONTLINE_DUCKDB_MEMORY_LIMIT"
THREADS_ENV = "FRONTLINE_DUCKDB_THREADS"
DEFAULT_MEMORY_LIMIT = "512MB"

_SIZE = re.compile(r"^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", re.I)


def size_setting(env: str, default: str) -> str:
    """``$env`` (a DuckDB size such as ``1GB`` or ``512MiB``), else ``default``. A value DuckDB
    would not read is refused here, by name."""
    value = os.environ.get(env, "").strip() or default
    if not _SIZE.match(value):
        raise ValueError(f"{env}={value!r}: expected a size such as 1GB or 512MB")
    return value


def memory_limit() -> str:
    """``$FRONTLINE_DUCKDB_MEMORY_LIMIT``, else ``DEFAULT_MEMORY_LIMIT`` (``size_setting``)."""
    return size_setting(MEMORY_LIMIT_ENV, DEFAULT_MEMORY_LIMIT)


def lower_limit(a: str, b: str) -> str:
    """The smaller of two DuckDB sizes, as written."""
    return a if _bytes(a) < _bytes(b) else b


def threads() -> int | None:
    """``$FRONTLINE_DUCKDB_THREADS`` (a positive integer), else None: DuckDB's default."""
    value = os.environ.get(THREADS_ENV, "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{THREADS_ENV}={value!r}: expected a positive integer")
    return int(value)


def bound(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Apply the memory limit (and threads) to ``con``'s database; returns ``con``."""
    con.execute(f"SET memory_limit = '{memory_limit()}'")
    n = threads()
    if n is not None:
        con.execute(f"SET threads = {n}")
    return con


# The memory limit of a scan that streams a table once (a window's report texts read, staged or
# measured): DuckDB otherwise keeps every block such a scan touched in its buffer pool up to the
# connection's limit — 512MB held for nothing while the extraction workers run beside it.
SCAN_MEMORY_LIMIT = "128MB"


@contextlib.contextmanager
def memory_limited(con: duckdb.DuckDBPyConnection, limit: str = SCAN_MEMORY_LIMIT) -> Iterator[None]:
    """Run the block with DuckDB's ``memory_limit`` lowered to ``limit`` (never raised: a lower
    configured limit stays), then put the previous limit back. The setting is the database's:
    other connections to the same file in this process share it while the block runs. A limit
    DuckDB cannot lower to right now (pinned memory above it) leaves the limit as it was."""
    previous = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    if abs(_bytes(previous) - _bytes(memory_limit())) < 2**20:  # DuckDB shows it rounded to 0.1 MiB
        previous = memory_limit()  # the configured limit exactly, not its rounded display
    lowered = False
    if _bytes(limit) < _bytes(previous):
        try:
            con.execute(f"SET memory_limit = '{limit}'")
            lowered = True
        except duckdb.Error:
            pass
    try:
        yield
    finally:
        if lowered:
            with contextlib.suppress(duckdb.ConnectionException):  # closed meanwhile: nothing to restore
                con.execute(f"SET memory_limit = '{previous}'")


_UNITS = {"b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3, "tb": 1000**4,
          "kib": 1024, "mib": 1024**2, "gib": 1024**3, "tib": 1024**4}


def _bytes(size: str) -> float:
    """A DuckDB size ('512MB', '488.2 MiB') in bytes."""
    m = re.match(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$", size, re.I)
    if not m or m.group(2).lower() not in _UNITS:
        raise ValueError(f"not a size: {size!r}")
    return float(m.group(1)) * _UNITS[m.group(2).lower()]


def release_memory(*, collect: bool = False) -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``, and Arrow's
    pool's unused blocks when pyarrow is loaded): after a
    step closed its DuckDB connection and dropped its frames, the freed memory otherwise
    stays in this process's heap, and the next step's peak stacks on top of it. No-op
    where glibc is not the allocator. ``collect`` first runs Python's full garbage
    collection, so that objects held only by reference cycles (frames, GX's validators) are
    freed before the trim: a pass over the whole heap, so for the few places where a large
    heap meets a large peak, not for every connection."""
    global _trim
    if collect:
        import gc

        gc.collect()
    if _trim is None:
        try:
            import ctypes

            _trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _trim = False
    arrow = sys.modules.get("pyarrow")  # pandas' string columns: Arrow's own allocator (mimalloc)
    if arrow is not None:                 # keeps freed blocks for reuse until told
        with contextlib.suppress(Exception):
            arrow.default_memory_pool().release_unused()
    if _trim:
        _trim(0)


_trim = None


def connect(path: str | Path = ":memory:", *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect`` with the memory limit (and threads) applied."""
    con = duckdb.connect(str(path), read_only=read_only)
    try:
        return bound(con)
    except BaseException:
        con.close()
        raise


__all__ = ["DEFAULT_MEMORY_LIMIT", "MEMORY_LIMIT_ENV", "SCAN_MEMORY_LIMIT", "THREADS_ENV", "bound", "connect", "lower_limit", "size_setting",
           "memory_limit", "memory_limited", "release_memory", "threads"]
