"""A throwaway PostgreSQL server for tests and benchmarks, on loopback, in a temp directory.

``.ci/run`` starts its own server and exports ``TRACKER_TEST_PG_URL``; this is for
running the tests or ``bench/ingest.py`` locally without one. It needs the
PostgreSQL binaries (``initdb``, ``pg_ctl``) and, when run as root, the
``postgres`` system user (PostgreSQL refuses to run as root).
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

SEARCH = ["/usr/local/bin", *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]


class PostgresUnavailable(RuntimeError):
    pass


def find_binaries() -> tuple[str, str]:
    for folder in [*SEARCH, *os.environ.get("PATH", "").split(os.pathsep)]:
        initdb, pg_ctl = Path(folder, "initdb"), Path(folder, "pg_ctl")
        if initdb.is_file() and pg_ctl.is_file():
            return str(initdb), str(pg_ctl)
    raise PostgresUnavailable("initdb/pg_ctl not found (install PostgreSQL, or set TRACKER_TEST_PG_URL)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawayPostgres:
    """``with ThrowawayPostgres() as url:`` -> ``postgresql+psycopg://postgres@127.0.0.1:PORT/postgres``."""

    def __init__(self) -> None:
        self.initdb, self.pg_ctl = find_binaries()
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="tracker-pg-"))
        self.data = self.root / "data"
        self._as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self._as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd] if shutil.which("runuser") else \
                ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in cmd)]
        out = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if out.returncode != 0:
            raise PostgresUnavailable(f"{args[0]} failed: {out.stderr.strip() or out.stdout.strip()}")

    def start(self) -> str:
        if self._as_root:
            try:
                shutil.chown(self.root, user="postgres")
            except (LookupError, PermissionError) as exc:
                raise PostgresUnavailable(f"running as root needs the postgres user: {exc}") from None
        self._run(self.initdb, "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        opts = f"-h 127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c full_page_writes=off"
        self._run(self.pg_ctl, "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w", "start")
        return self.url

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> str:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


def create_database(server_url: str, name: str, template: str | None = None) -> str:
    """CREATE DATABASE on the server; returns the new database's URL."""
    url = make_url(server_url)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        sql = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
        conn.execute(sql)
    return url.set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, name: str) -> None:
    url = make_url(server_url)
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
