"""Publishing the private build warehouse to the file BI tools read, atomically.

DuckDB allows one read-write process *or* many read-only ones per file, so writers work
on a build file and ``publish_warehouse`` swaps a copy onto the published path:

1. CHECKPOINT the build file (open read-write briefly) so its ``.wal`` is folded in;
2. copy its database (schemas, tables, views, macros) into a new temporary file in the
   published folder (same filesystem) written with ``STORAGE_VERSION`` (``v1.4.0``), so
   DuckDB 1.x clients (Superset's duckdb-engine, DBeaver, ODBC) open it as well as 2.x; fsync;
3. open the copy read-only to prove it is a readable DuckDB database;
4. ``os.replace`` it onto the published path.

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

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import duckdb

_CHUNK = 1 << 20
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
    sha256: str
    tables: tuple[str, ...]  # schema.table names found in the published copy


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    files: dict[str, Path]  # table → parquet file
    rows: dict[str, int]


def checkpoint(path: str | Path) -> None:
    """Fold the write-ahead log into the database file (opens it read-write briefly)."""
    try:
        con = duckdb.connect(str(path))
    except duckdb.Error as exc:
        raise PublishError(f"cannot open {path} to checkpoint it (is a writer running?): {exc}") from exc
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _sha256(src: BinaryIO) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: src.read(_CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _write_copy(build: Path, target: Path, storage_version: str = STORAGE_VERSION) -> None:
    """Copy every schema, table, view and macro of ``build`` into the new file ``target``,
    written in ``storage_version``. ``build`` is opened as the checkpoint opens it (a
    connection of this process that holds it already is shared, not refused)."""
    con = duckdb.connect(str(build))
    try:
        con.execute("SET enable_progress_bar = false")
        source = con.execute("SELECT current_database()").fetchall()[0][0]
        con.execute(f"ATTACH {_quote_path(target)} AS __frontline_publish "
                    f"(STORAGE_VERSION '{storage_version}')")
        try:
            con.execute(f'COPY FROM DATABASE "{source}" TO __frontline_publish')
        finally:
            con.execute("DETACH __frontline_publish")
    finally:
        con.close()


def list_tables(path: str | Path) -> tuple[str, ...]:
    """``schema.table`` names of a DuckDB file, opened read-only (also proves it opens)."""
    con = duckdb.connect(str(path), read_only=True)
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
    (meta.runs) before ``commit`` or ``discard``."""

    build: Path
    published: Path
    path: Path


def stage(build_path: str | Path, published_path: str | Path) -> Staged:
    """Steps 1-2: checkpoint ``build_path`` and copy it to a temporary file beside
    ``published_path``. Nothing visible changes; ``discard`` removes the copy."""
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
    try:
        _write_copy(build, staged.path)
    except duckdb.Error as exc:
        discard(staged)
        raise PublishError(f"cannot copy {build} to a DuckDB {STORAGE_VERSION} file: {exc}") from exc
    except BaseException:
        discard(staged)
        raise
    return staged


def discard(staged: Staged) -> None:
    """Remove a staged copy (the published file was never touched)."""
    staged.path.unlink(missing_ok=True)
    Path(f"{staged.path}.wal").unlink(missing_ok=True)


def commit(staged: Staged) -> PublishResult:
    """Steps 3-4: prove the staged copy opens, then ``os.replace`` it onto the published path."""
    tmp, published = staged.path, staged.published
    try:
        if Path(f"{tmp}.wal").exists():
            checkpoint(tmp)
            Path(f"{tmp}.wal").unlink(missing_ok=True)
        with tmp.open("rb") as f:
            sha = _sha256(f)
            os.fsync(f.fileno())
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
    return PublishResult(published, published.stat().st_size, sha, tables)


def publish_warehouse(build_path: str | Path, published_path: str | Path) -> PublishResult:
    """Atomically replace ``published_path`` with a checkpointed copy of ``build_path``."""
    return commit(stage(build_path, published_path))


def _quote_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_parquet(published_path: str | Path, out_dir: str | Path,
                   tables: Iterable[str]) -> ExportResult:
    """Export ``tables`` (``table`` or ``schema.table``) of the published file to
    ``out_dir/<table>.parquet``. The files are written to a temporary folder next to
    ``out_dir`` which then replaces it (two renames); a failure leaves ``out_dir`` as it was."""
    out = Path(out_dir)
    names = list(tables)
    for name in names:
        if not _TABLE_NAME.match(name):
            raise ValueError(f"not a table name: {name!r}")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    tmp.chmod(0o755)
    files: dict[str, Path] = {}
    rows: dict[str, int] = {}
    try:
        con = duckdb.connect(str(published_path), read_only=True)
        try:
            for name in names:
                target = tmp / f"{name}.parquet"
                con.execute(f"COPY (SELECT * FROM {name}) TO {_quote_path(target)} (FORMAT parquet)")
                rows[name] = con.execute(
                    f"SELECT count(*) FROM read_parquet({_quote_path(target)})").fetchall()[0][0]
                files[name] = out / target.name
        finally:
            con.close()
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
        con = duckdb.connect(str(published_path), read_only=True)
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
