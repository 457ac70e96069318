"""Publishing the private build warehouse to the file BI tools read, atomically.

DuckDB allows one read-write process *or* many read-only ones per file, so writers work
on a build file and ``publish_warehouse`` swaps a copy onto the published path:

1. CHECKPOINT the build file (open read-write briefly) so its ``.wal`` is folded in;
2. copy its database (schemas, tables, views, macros) into a new temporary file in the
   published folder (same filesystem) written with ``STORAGE_VERSION`` (``v1.4.0``), so
   DuckDB 1.x clients (Superset's duckdb-engine, DBeaver, ODBC) open it as well as 2.x; fsync;
3. open the copy read-only to prove it is a readable DuckDB database;
4. ``os.replace`` it onto the published path.

**Incremental staging** (the default when a published file exists): step 2 starts from a
byte copy of the last published file instead (it is already in ``STORAGE_VERSION``; DuckDB
keeps a file's storage version when it writes to it; the copy is made in the kernel with
``copy_file_range``, a clone of the extents where the filesystem shares them, and the
``fingerprint`` taken before and after it proves which version was copied) and brings over
only what changed:
per table, a signature (row count and sum of row hashes) per ``published_date``,
``site_key`` or ``run_id`` group (``GROUP_COLUMNS``) — or of the whole table when it has
none — on both sides; the groups
whose signature differs are deleted and re-inserted from the build. A table, view, macro or
index whose definition changed, a schema added or dropped, or a copy whose free blocks
exceed its used ones falls back to the full copy. The result holds the same rows as a full
copy (tested), at the cost of scanning the tables rather than rewriting them.

Readers that hold the old file keep their snapshot (the old inode lives on until they
close it); new readers see the new data. Any failure before step 4 removes the
temporary file and leaves the published file untouched.

``stage`` (steps 1-2) and ``commit`` (steps 3-4) are the two halves of
``publish_warehouse``, so that the PostgreSQL copy is loaded from exactly the staged file
and the run can still be stopped between them.

``export_parquet`` writes tables of the published file as Parquet to a temporary folder
and swaps it into place; ``export_csv`` writes one table as CSV (the ACLED-format export)
and swaps the file into place.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import duckdb

from ingestion import duck

_CHUNK = 1 << 20
# DuckDB's memory limit while the publish reads the build file and writes its copy (and while
# the PostgreSQL copy renders the staged file's tables as CSV): these scans read each block
# once, so the connection's limit (512MB by default) only became a cache, held on top of
# whatever the run's earlier steps left in the process — a year's whole publish peaked there.
PUBLISH_MEMORY_LIMIT = duck.SCAN_MEMORY_LIMIT
# The storage format of the published file: the oldest that DuckDB 1.x (1.4, 1.5) reads
# and 2.x still writes. The build file keeps the engine's own format.
STORAGE_VERSION = "v1.4.0"
_TABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$")


class PublishError(Exception):
    """Publishing failed; the published file was left as it was."""


@dataclass(frozen=True)
class PublishResult:
    published_path: Path
    size: int
    fingerprint: str  # ``fingerprint(published_path)`` right after the swap
    tables: tuple[str, ...]  # schema.table names found in the published copy


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    files: dict[str, Path]  # table → parquet file
    rows: dict[str, int]


def checkpoint(path: str | Path) -> None:
    """Fold the write-ahead log into the database file (opens it read-write briefly)."""
    try:
        con = duck.connect(str(path))
    except duckdb.Error as exc:
        raise PublishError(f"cannot open {path} to checkpoint it (is a writer running?): {exc}") from exc
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _write_copy(build: Path, target: Path, storage_version: str = STORAGE_VERSION) -> None:
    """Copy every schema, table, view and macro of ``build`` into the new file ``target``,
    written in ``storage_version``. ``build`` is opened as the checkpoint opens it (a
    connection of this process that holds it already is shared, not refused)."""
    con = duck.connect(str(build))
    try:
        con.execute("SET enable_progress_bar = false")
        source = con.execute("SELECT current_database()").fetchall()[0][0]
        con.execute(f"ATTACH {_quote_path(target)} AS __frontline_publish "
                    f"(STORAGE_VERSION '{storage_version}')")
        try:
            with duck.memory_limited(con, PUBLISH_MEMORY_LIMIT):  # the copy streams: no cache needed
                con.execute(f'COPY FROM DATABASE "{source}" TO __frontline_publish')
        finally:
            con.execute("DETACH __frontline_publish")
    finally:
        con.close()


def list_tables(path: str | Path) -> tuple[str, ...]:
    """``schema.table`` names of a DuckDB file, opened read-only (also proves it opens)."""
    con = duck.connect(str(path), read_only=True)
    try:
        rows = con.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() ORDER BY 1").fetchall()
    finally:
        con.close()
    return tuple(r[0] for r in rows)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Staged:
    """A checkpointed copy of the build file, written beside the published file, not yet
    swapped in: other targets (PostgreSQL) publish from it and it may still be amended
    (meta.runs) before ``commit`` or ``discard``.

    ``changed``: the ``schema.table`` names whose rows differ from the published file the
    copy started from (``None``: a full copy, everything may have changed); ``base_fingerprint``:
    that published file's ``fingerprint`` (``None`` for a full copy)."""

    build: Path
    published: Path
    path: Path
    changed: tuple[str, ...] | None = None
    base_fingerprint: str | None = None
    mode: str = "full"  # "full" or "incremental"
    seconds: float = 0.0
    # ``schema.table`` → (group column, group value → (rows, sum of row hashes)) of the staged
    # copy as staged (= the build's), and the same keyed by the group value as text (what the
    # PostgreSQL copy compares); None after a full copy (not computed)
    signatures: dict | None = None
    text_signatures: dict | None = None
    cached_tables: int = 0  # tables whose published-side signatures came from the cache


class _NotIncremental(Exception):
    """The published file cannot be brought up to date table by table: copy it whole."""


# Grouping columns of the incremental copies (this file's and the PostgreSQL copy's), in order
# of preference: the partition key of the date-partitioned models, the site key of the
# site-incremental ones, the run of the tables a run appends to (meta.runs, quarantine.*).
GROUP_COLUMNS = ("published_date", "site_key", "run_id")
_CATALOG_SQL = {
    "schema": "SELECT schema_name, '' FROM duckdb_schemas() WHERE database_name = ? AND NOT internal",
    "table": "SELECT schema_name || '.' || table_name, sql FROM duckdb_tables() WHERE database_name = ? "
             "AND NOT temporary",
    "view": "SELECT schema_name || '.' || view_name, sql FROM duckdb_views() WHERE database_name = ? "
            "AND NOT internal AND NOT temporary",
    "macro": "SELECT schema_name || '.' || function_name, function_type || ':' || "
             "coalesce(macro_definition, '') || ':' || coalesce(array_to_string(parameters, ','), '') "
             "FROM duckdb_functions() WHERE database_name = ? AND NOT internal "
             "AND function_type IN ('macro', 'table_macro')",
    "index": "SELECT schema_name || '.' || index_name, sql FROM duckdb_indexes() WHERE database_name = ?",
    "sequence": "SELECT schema_name || '.' || sequence_name, '' FROM duckdb_sequences() WHERE database_name = ?",
}


def _catalog(con, database: str, strip: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Every schema, table, view, macro, index and sequence of ``database`` with its
    definition (the database names ``strip`` taken out of the qualified names in it).

    DuckDB prints a view's or macro's SQL again when it reloads a file (``date`` becomes
    ``DATE``, parentheses are added), so the file's text differs from the build's for the
    same definition: views are compared by name (``_sync_copy`` re-creates them all from the
    build's SQL, as the full copy does) and macros by their text without case, white space
    and parentheses."""
    def plain(definition: str | None) -> str:
        text = definition or ""
        for name in strip:
            text = text.replace(f'"{name}".', "").replace(f"{name}.", "")
        return text

    out = {kind: {name: plain(definition) for name, definition in con.execute(sql, [database]).fetchall()}
           for kind, sql in _CATALOG_SQL.items()}
    out["view"] = {name: "" for name in out["view"]}
    out["macro"] = {name: re.sub(r"[\s()]", "", text.lower()) for name, text in out["macro"].items()}
    return out


def _recreate_views(con, source: str, target: str) -> None:
    """Every view of ``target`` dropped and created again from ``source``'s SQL (what the
    full copy runs), in the same schema; then back to ``source``."""
    views = con.execute("SELECT schema_name, view_name, sql FROM duckdb_views() WHERE database_name = ? "
                        "AND NOT internal AND NOT temporary ORDER BY 1, 2", [source]).fetchall()
    try:
        for schema, name, sql in views:
            con.execute(f"USE {_ident(target)}.{_ident(schema)}")
            con.execute(f"DROP VIEW IF EXISTS {_ident(name)}")
            con.execute(sql)
    finally:
        con.execute(f"USE {_ident(source)}.main")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table_ref(database: str, qualified: str) -> str:
    schema, table = qualified.split(".", 1)
    return f"{_ident(database)}.{_ident(schema)}.{_ident(table)}"


def group_column(columns: Iterable[str]) -> str | None:
    """The column a table's rows are grouped by for an incremental copy (None: the whole table)."""
    names = set(columns)
    return next((c for c in GROUP_COLUMNS if c in names), None)


def signatures(con, ref: str, group: str | None, *, as_text: bool = False) -> dict:
    """group value → (rows, sum of row hashes) of a table (one entry keyed None when no group);
    ``as_text``: the group values as DuckDB renders them as VARCHAR."""
    if group is None:
        rows = con.execute(f"SELECT count(*), sum(hash(t))::hugeint FROM {ref} AS t").fetchall()
        return {None: tuple(rows[0])} if rows[0][0] else {}
    key = f"CAST({_ident(group)} AS VARCHAR)" if as_text else _ident(group)
    rows = con.execute(f"SELECT {key}, count(*), sum(hash(t))::hugeint FROM {ref} AS t "
                       f"GROUP BY ALL").fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def stale_groups(new: dict, old: dict) -> tuple[set, bool]:
    """The groups whose signature differs between ``new`` and ``old`` (``signatures``), and
    whether to rewrite the whole table instead: no grouping column, or the stale groups
    hold at least half of the old rows."""
    stale = {k for k in new.keys() | old.keys() if new.get(k) != old.get(k)}
    whole = bool(stale) and (set(new) | set(old) <= {None}
                             or sum(old.get(k, (0, 0))[0] for k in stale) * 2 >= sum(n for n, _ in old.values()))
    return stale, whole


def _signatures_and_text(con, ref: str, group: str | None) -> tuple[dict, dict]:
    """``signatures`` of a table keyed by the group value and, from the same pass, by its text."""
    if group is None:
        sigs = signatures(con, ref, None)
        return sigs, dict(sigs)
    g = _ident(group)
    rows = con.execute(f"SELECT {g}, CAST({g} AS VARCHAR), count(*), sum(hash(t))::hugeint FROM {ref} AS t "
                       f"GROUP BY ALL").fetchall()
    return {r[0]: (r[2], r[3]) for r in rows}, {r[1]: (r[2], r[3]) for r in rows}


def _sync_table(con, build_db: str, target_db: str, table: str, columns: list[str],
                known: tuple[str | None, dict] | None = None) -> tuple[bool, dict, dict]:
    """Make ``target_db``'s ``table`` hold the rows of ``build_db``'s: only the groups whose
    signature differs are deleted and inserted. ``known``: the target's (group column,
    signatures) from the signature cache, used instead of reading the target's rows when
    the group column is the same. Returns whether anything was written, and the build's
    signatures (keyed by value, and by text) — the target's after the sync."""
    group = group_column(columns)
    src, dst = _table_ref(build_db, table), _table_ref(target_db, table)
    mine, mine_text = _signatures_and_text(con, src, group)
    theirs = known[1] if known is not None and known[0] == group else signatures(con, dst, group)
    stale, whole = stale_groups(mine, theirs)
    if not stale:
        return False, mine, mine_text
    if group is None or whole:
        con.execute(f"DELETE FROM {dst}")  # most of it changed: the whole table
        con.execute(f"INSERT INTO {dst} SELECT * FROM {src}")
        return True, mine, mine_text
    g = _ident(group)
    con.execute("CREATE OR REPLACE TEMP TABLE __frontline_stale AS SELECT unnest(?) AS k",
                [[k for k in stale if k is not None]])
    match = f"{g} IN (SELECT k FROM __frontline_stale)" + (f" OR {g} IS NULL" if None in stale else "")
    con.execute(f"DELETE FROM {dst} WHERE {match}")
    con.execute(f"INSERT INTO {dst} SELECT * FROM {src} WHERE {match}")
    con.execute("DROP TABLE __frontline_stale")
    return True, mine, mine_text


# The head of a DuckDB file: its main header and the two database headers, which name the
# checkpoint iteration and where the catalog starts. Any checkpoint rewrites one of them.
_HEAD_BYTES = 3 * 4096


def _fingerprint(fh: BinaryIO) -> str:
    """A cheap proof of which version of a file the open ``fh`` is: its device, inode, size,
    modification and change times (nanoseconds), and its first ``_HEAD_BYTES``. A file
    replaced (another inode) or written in place (new mtime and ctime, which only the kernel
    sets) gets another fingerprint; unlike a SHA-256 of the whole file it costs the same at
    any size."""
    st = os.fstat(fh.fileno())
    head = os.pread(fh.fileno(), _HEAD_BYTES, 0)
    identity = f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:".encode()
    return hashlib.sha256(identity + head).hexdigest()


def fingerprint(path: str | Path) -> str:
    """``_fingerprint`` of the file at ``path`` (see there)."""
    with Path(path).open("rb") as fh:
        return _fingerprint(fh)


def _copy_range(fin: BinaryIO, fout: BinaryIO, size: int) -> None:
    """Copy ``size`` bytes from the start of ``fin`` to ``fout`` in the kernel
    (``copy_file_range``: no bytes through this process; a clone of the extents, no copy at
    all, on filesystems that share them such as XFS with reflink or Btrfs), else by reads
    and writes."""
    done = 0
    try:
        while done < size:
            n = os.copy_file_range(fin.fileno(), fout.fileno(), size - done, done, done)
            if n == 0:
                break
            done += n
    except OSError:  # not supported here (old kernel, another filesystem): copy by hand
        done = 0
    if done == size:
        return
    fin.seek(0)
    fout.seek(0)
    fout.truncate()
    shutil.copyfileobj(fin, fout, _CHUNK)


def _copy_file(src: Path, dst: Path) -> str:
    """Copy ``src`` to the new file ``dst`` byte for byte; the fingerprint of what was
    copied. Raises ``_NotIncremental`` when ``src`` changed while it was copied."""
    with src.open("rb") as fin:
        before = _fingerprint(fin)
        with dst.open("xb") as fout:
            _copy_range(fin, fout, os.fstat(fin.fileno()).st_size)
        if _fingerprint(fin) != before:
            raise _NotIncremental(f"{src} changed while it was copied")
    return before


def _sync_copy(build: Path, target: Path, known: dict | None = None) -> tuple[tuple[str, ...], dict, dict, int]:
    """Bring ``target`` (a copy of the last published file) to the content of ``build``,
    table by table: the ``schema.table`` names written, the build's signatures per table
    (by value and by text: see ``Staged``) and how many tables took the target's side from
    ``known`` (the signature cache of the file ``target`` was copied from). Raises
    ``_NotIncremental`` when the catalogs differ or the copy has too many free blocks (then
    a full copy is made)."""
    con = duck.connect(str(build))
    try:
        con.execute("SET enable_progress_bar = false")
        source = con.execute("SELECT current_database()").fetchall()[0][0]
        con.execute(f"ATTACH {_quote_path(target)} AS __frontline_publish")
        try:
            version = con.execute("SELECT tags['storage_version'] FROM duckdb_databases() "
                                  "WHERE database_name = '__frontline_publish'").fetchall()[0][0] or ""
            if not version.startswith(STORAGE_VERSION):
                raise _NotIncremental(f"the published file is in storage version {version}")
            free, total = con.execute("SELECT free_blocks, total_blocks FROM pragma_database_size() "
                                      "WHERE database_name = '__frontline_publish'").fetchall()[0]
            if total and free * 2 > total:
                raise _NotIncremental(f"{free} of {total} blocks free: rewritten whole")
            strip = (source, "__frontline_publish")
            mine, theirs = _catalog(con, source, strip), _catalog(con, "__frontline_publish", strip)
            if mine != theirs:
                raise _NotIncremental("the schemas, tables, views or macros changed")
            _recreate_views(con, source, "__frontline_publish")
            changed, sigs, text_sigs, cached = [], {}, {}, 0
            known = known or {}
            with duck.memory_limited(con, PUBLISH_MEMORY_LIMIT):
                for table in sorted(mine["table"]):
                    schema, name = table.split(".", 1)
                    columns = [r[0] for r in con.execute(
                        "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND schema_name = ? "
                        "AND table_name = ? ORDER BY column_index", [source, schema, name]).fetchall()]
                    cached += table in known
                    written, sigs[table], text_sigs[table] = _sync_table(
                        con, source, "__frontline_publish", table, columns, known.get(table))
                    sigs[table] = (group_column(columns), sigs[table])
                    if written:
                        changed.append(table)
            con.execute("CHECKPOINT __frontline_publish")
        finally:
            con.execute("DETACH __frontline_publish")
    finally:
        con.close()
    return tuple(changed), sigs, text_sigs, cached


# The signatures of the published file's tables (``signatures``), kept beside it by the
# publish that wrote it and keyed by its ``fingerprint``: the next publish compares the build
# with them instead of reading every row of its copy of the published file again.
_SIGNATURES_VERSION = 1


def _signatures_path(published: Path) -> Path:
    return published.parent / f".{published.name}.signatures.json"


def _encode_key(key):
    if key is None or isinstance(key, str) or (isinstance(key, int) and not isinstance(key, bool)):
        return key
    if isinstance(key, dt.datetime):
        return {"t": key.isoformat()}
    if isinstance(key, dt.date):
        return {"d": key.isoformat()}
    raise TypeError(f"group value {key!r} of type {type(key).__name__} not cached")


def _decode_key(value):
    if isinstance(value, dict):
        (kind, text), = value.items()
        return dt.datetime.fromisoformat(text) if kind == "t" else dt.date.fromisoformat(text)
    return value


def save_signatures(published: str | Path, published_fingerprint: str, tables: dict) -> Path | None:
    """Write ``tables`` (``schema.table`` → (group column, ``signatures``)) as the signatures
    of the published file whose ``fingerprint`` is ``published_fingerprint`` (atomically; a
    table whose group values cannot be written is left out). None when nothing could be written."""
    out: dict = {}
    for table, (group, sigs) in tables.items():
        try:
            out[table] = {"group": group, "groups": [[_encode_key(k), n, int(h)] for k, (n, h) in sigs.items()]}
        except (TypeError, ValueError):
            continue
    path = _signatures_path(Path(published))
    tmp = path.parent / f"{path.name}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps({"version": _SIGNATURES_VERSION, "fingerprint": published_fingerprint,
                                   "tables": out}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return None
    return path


def load_signatures(published: str | Path, published_fingerprint: str) -> dict:
    """The cached signatures (as ``save_signatures`` takes them) of the published file whose
    fingerprint is ``published_fingerprint``; empty when there are none for that very file
    (another file, an older format, unreadable): then both sides are read."""
    try:
        data = json.loads(_signatures_path(Path(published)).read_text(encoding="utf-8"))
        if data.get("version") != _SIGNATURES_VERSION or data.get("fingerprint") != published_fingerprint:
            return {}
        return {table: (entry["group"], {_decode_key(k): (n, h) for k, n, h in entry["groups"]})
                for table, entry in data["tables"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def stage(build_path: str | Path, published_path: str | Path, *, incremental: bool = True) -> Staged:
    """Steps 1-2: checkpoint ``build_path`` and copy it to a temporary file beside
    ``published_path`` (incrementally from the published file when there is one, see the
    module's docstring). Nothing visible changes; ``discard`` removes the copy."""
    build, published = Path(build_path), Path(published_path)
    if not build.is_file():
        raise PublishError(f"build warehouse not found: {build}")
    if build.resolve() == published.resolve():
        raise PublishError("the build and published paths are the same file")
    checkpoint(build)
    if Path(f"{build}.wal").exists() and Path(f"{build}.wal").stat().st_size > 0:
        raise PublishError(f"{build}.wal is still there after CHECKPOINT: a writer holds the file")
    published.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=published.parent, prefix=f".{published.name}.",
                                    suffix=".tmp")
    os.close(fd)
    staged = Staged(build, published, Path(tmp_name))
    staged.path.unlink()  # DuckDB creates the file itself (an empty file is not a database)
    started = time.perf_counter()
    if incremental and published.is_file() and not Path(f"{published}.wal").exists():
        try:
            base = _copy_file(published, staged.path)
            changed, sigs, text_sigs, cached = _sync_copy(build, staged.path, load_signatures(published, base))
            return Staged(build, published, staged.path, changed, base, "incremental",
                          time.perf_counter() - started, sigs, text_sigs, cached)
        except (_NotIncremental, duckdb.Error):
            discard(staged)  # a published file this code cannot update: the full copy below
        except BaseException:
            discard(staged)
            raise
    try:
        _write_copy(build, staged.path)
    except duckdb.Error as exc:
        discard(staged)
        raise PublishError(f"cannot copy {build} to a DuckDB {STORAGE_VERSION} file: {exc}") from exc
    except BaseException:
        discard(staged)
        raise
    return Staged(build, published, staged.path, seconds=time.perf_counter() - started)


def discard(staged: Staged) -> None:
    """Remove a staged copy (the published file was never touched)."""
    staged.path.unlink(missing_ok=True)
    Path(f"{staged.path}.wal").unlink(missing_ok=True)


def commit(staged: Staged, *, amended: Iterable[str] = ()) -> PublishResult:
    """Steps 3-4: prove the staged copy opens, then ``os.replace`` it onto the published path;
    then record the staged signatures for the next publish (``save_signatures``), without the
    ``schema.table`` names in ``amended`` (tables written to the copy after ``stage``)."""
    tmp, published = staged.path, staged.published
    _signatures_path(published).unlink(missing_ok=True)  # describes the file about to be replaced
    try:
        if Path(f"{tmp}.wal").exists():
            checkpoint(tmp)
            Path(f"{tmp}.wal").unlink(missing_ok=True)
        with tmp.open("rb") as f:
            os.fsync(f.fileno())  # the bytes are on disk before the name points at them
        tmp.chmod(0o644)  # readable by BI tools running as other users
        try:
            tables = list_tables(tmp)
        except duckdb.Error as exc:
            raise PublishError(f"the copy of {staged.build} does not open as a DuckDB database: {exc}") from exc
        # A stale .wal next to the published file would be replayed onto the new file.
        Path(f"{published}.wal").unlink(missing_ok=True)
        os.replace(tmp, published)
    except BaseException:
        discard(staged)
        raise
    _fsync_dir(published.parent)
    result = PublishResult(published, published.stat().st_size, fingerprint(published), tables)
    if staged.signatures is not None:
        skip = set(amended)
        save_signatures(published, result.fingerprint,
                        {t: sig for t, sig in staged.signatures.items() if t not in skip})
    return result


def publish_warehouse(build_path: str | Path, published_path: str | Path, *,
                      incremental: bool = True) -> PublishResult:
    """Atomically replace ``published_path`` with a checkpointed copy of ``build_path``."""
    return commit(stage(build_path, published_path, incremental=incremental))


def _quote_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


# In the Parquet folder: the fingerprint of the published file the files were exported from
# (an older export's ``.published_sha256`` is not read: its files are all written again once).
EXPORT_MARKER = ".published_fingerprint"


def exported_from(out_dir: str | Path) -> str | None:
    """The ``fingerprint`` of the published file ``out_dir``'s Parquet files were exported
    from (None: unknown, e.g. an export older than the marker or never finished)."""
    try:
        return (Path(out_dir) / EXPORT_MARKER).read_text().strip() or None
    except OSError:
        return None


def export_parquet(published_path: str | Path, out_dir: str | Path,
                   tables: Iterable[str], *, unchanged: Iterable[str] = (),
                   published_fingerprint: str | None = None) -> ExportResult:
    """Export ``tables`` (``table`` or ``schema.table``) of the published file to
    ``out_dir/<table>.parquet``. The files are written to a temporary folder next to
    ``out_dir`` which then replaces it (two renames); a failure leaves ``out_dir`` as it was.

    ``unchanged``: tables whose rows are those of the current export (the caller knows it
    from the publish); their files are hard-linked from it instead of written again.
    ``published_fingerprint``: recorded in the folder (``exported_from``) for the next call."""
    out = Path(out_dir)
    names = list(tables)
    keep = set(unchanged)
    for name in names:
        if not _TABLE_NAME.match(name):
            raise ValueError(f"not a table name: {name!r}")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    tmp.chmod(0o755)
    files: dict[str, Path] = {}
    rows: dict[str, int] = {}
    try:
        con = duck.connect(str(published_path), read_only=True)
        try:
            for name in names:
                target = tmp / f"{name}.parquet"
                previous = out / target.name
                if name in keep and previous.is_file():
                    os.link(previous, target)  # same rows as published before: no rewrite
                else:
                    con.execute(f"COPY (SELECT * FROM {name}) TO {_quote_path(target)} (FORMAT parquet)")
                rows[name] = con.execute(
                    f"SELECT count(*) FROM read_parquet({_quote_path(target)})").fetchall()[0][0]
                files[name] = out / target.name
        finally:
            con.close()
        if published_fingerprint:
            (tmp / EXPORT_MARKER).write_text(published_fingerprint + "\n")
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".old"))
            os.replace(out, old / "previous")
        try:
            os.replace(tmp, out)
        except BaseException:
            if old is not None:  # put the previous export back
                os.replace(old / "previous", out)
                old.rmdir()
            raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    _fsync_dir(out.parent)
    return ExportResult(out, files, rows)


def export_csv(published_path: str | Path, out_path: str | Path, table: str) -> int:
    """Write ``table`` of the published file to ``out_path`` as CSV (header, comma, ISO dates,
    NULL as an empty field), through a temporary file beside it and ``os.replace``: readers
    see the previous file or the new one. Returns the rows written."""
    if not _TABLE_NAME.match(table):
        raise ValueError(f"not a table name: {table!r}")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = duck.connect(str(published_path), read_only=True)
        try:
            con.execute(f"COPY (SELECT * FROM {table}) TO {_quote_path(tmp)} "
                        "(FORMAT csv, HEADER, DELIMITER ',', DATEFORMAT '%Y-%m-%d')")
            rows = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        finally:
            con.close()
        tmp.chmod(0o644)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return int(rows)
