"""A throwaway local PostgreSQL cluster: for the tests, the benchmark, and trying the BI
recipe on one machine. Not for production.

``LocalCluster().start()`` runs ``initdb`` in a new temporary folder (as the ``postgres``
user when running as root: initdb refuses root), starts the server on a free port of
127.0.0.1 with trust authentication, and ``stop()`` / ``remove()`` undo it. The server
binaries are looked up in ``FRONTLINE_PG_BIN``, then ``/usr/lib/postgresql/<15..17>/bin``,
then ``PATH``; when none is found ``start()`` raises ``ClusterError`` saying how to install
them (``apt-get install -y postgresql-15``).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

VERSIONS = ("15", "16", "17", "14")


class ClusterError(RuntimeError):
    """The local cluster could not be created or started."""


def find_bin_dir() -> Path | None:
    """A folder holding ``initdb`` and ``pg_ctl``, or None."""
    candidates = [os.environ.get("FRONTLINE_PG_BIN")] + [f"/usr/lib/postgresql/{v}/bin" for v in VERSIONS]
    for folder in filter(None, candidates):
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalCluster:
    """One temporary cluster. ``url(db)`` is a libpq URL for its superuser ``postgres``."""

    def __init__(self, icu_locale: str | None = "en-US") -> None:
        self.bin_dir = find_bin_dir()
        self.icu_locale = icu_locale
        self.folder: Path | None = None
        self.port: int | None = None

    @property
    def data_dir(self) -> Path:
        assert self.folder is not None
        return self.folder / "data"

    def url(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(a) for a in args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.folder / "server.log" if self.folder else None
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise ClusterError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}\n{tail}")
        return result

    def start(self) -> LocalCluster:
        if self.bin_dir is None:
            raise ClusterError(
                "PostgreSQL server binaries (initdb, pg_ctl) not found in FRONTLINE_PG_BIN, "
                "/usr/lib/postgresql/<version>/bin or PATH: install them with "
                "`apt-get install -y postgresql-15` (.ci/run does)")
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="frontline-pg-"))
            if os.geteuid() == 0:
                shutil.chown(self.folder, "postgres", "postgres")
            locale = ["--locale-provider=icu", f"--icu-locale={self.icu_locale}"] if self.icu_locale else []
            try:
                self._run(self.bin_dir / "initdb", "-D", self.data_dir, "-A", "trust", "-U", "postgres",
                          "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", *locale)
            except ClusterError:
                if not locale:
                    raise
                self._run(self.bin_dir / "initdb", "-D", self.data_dir, "-A", "trust", "-U", "postgres",
                          "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        for attempt in range(3):
            self.port = free_port()
            opts = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            try:
                self._run(self.bin_dir / "pg_ctl", "-D", self.data_dir, "-o", opts, "-l",
                          self.folder / "server.log", "-w", "-t", "60", "start")
                return self
            except ClusterError:
                if attempt == 2:
                    raise
        return self

    def stop(self) -> None:
        if self.folder is not None and (self.data_dir / "postmaster.pid").exists():
            self._run(self.bin_dir / "pg_ctl", "-D", self.data_dir, "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        try:
            self.stop()
        finally:
            if self.folder is not None:
                shutil.rmtree(self.folder, ignore_errors=True)
                self.folder = None

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def __enter__(self) -> LocalCluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.remove()
