"""A throwaway PostgreSQL server for the tests and the benchmarks: a real server, nothing installed or left behind.

``initdb`` into a temporary folder (as the ``postgres`` user when we are root, since initdb refuses root), then
``pg_ctl start`` listening on 127.0.0.1 only, on a free port, with its socket in that folder. Tests get a fresh,
empty schema each (``create_schema``: under a millisecond, where a new database costs a quarter of a second),
reached through a URL that puts it first on the search path; benchmarks get whole databases
(``create_database``). ``stop`` and ``start`` again keep the data: the outage test uses that. Missing binaries
are an error with the fix in its message, never a reason to skip.
"""

from __future__ import annotations

import atexit
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

import psycopg

DEBIAN_BIN_DIRS = "/usr/lib/postgresql/*/bin"
TEST_DATABASE = "desk_tests"
SERVER_USER = "postgres"  # the account initdb and the server run as when the tests run as root
INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) not found: the store tests run against a real PostgreSQL. "
    "Install them with `apt-get install -y --no-install-recommends postgresql` (Debian), "
    "or set DESK_TEST_PG_BIN to the folder that holds initdb and pg_ctl."
)


class PostgresUnavailable(RuntimeError):
    """The server cannot be set up here; the message says why and what to install."""


def find_bin_dir() -> Path:
    """The folder with initdb and pg_ctl: $DESK_TEST_PG_BIN, the newest Debian version, or the PATH."""
    if configured := os.environ.get("DESK_TEST_PG_BIN"):
        candidates = [Path(configured)]
    else:
        debian = sorted(Path("/").glob(DEBIAN_BIN_DIRS.lstrip("/")), key=lambda p: _version(p.parent.name))
        on_path = shutil.which("initdb")
        candidates = [*reversed(debian), *([Path(on_path).parent] if on_path else [])]
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise PostgresUnavailable(INSTALL_HINT)


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _server_account() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise PostgresUnavailable(
            f"initdb refuses to run as root and there is no {SERVER_USER!r} account to run it as: {INSTALL_HINT}"
        ) from None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class PostgresServer:
    """One server in its own temporary folder. ``durable=False`` (tests) turns fsync off; benchmarks keep it on."""

    def __init__(self, durable: bool = False) -> None:
        self.bin_dir = find_bin_dir()
        self.durable = durable
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="desk-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._names = itertools.count(1)
        self._running = False
        self._started = False
        self._account = _server_account() if os.geteuid() == 0 else None
        if self._account is not None:
            os.chown(self.root, self._account.pw_uid, self._account.pw_gid)
        self._initdb()
        atexit.register(self.discard)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def admin_url(self) -> str:
        return self.url("postgres")

    def url(self, dbname: str) -> str:
        return f"postgresql://{SERVER_USER}@127.0.0.1:{self.port}/{dbname}"

    def start(self) -> None:
        if self._running:
            return
        for attempt in (1, 2, 3):
            options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root}"
            if not self.durable:
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            try:
                self._pg_ctl("start", "-w", "-t", "30", "-l", str(self.log), "-o", options)
                break
            except PostgresUnavailable:
                if self._started or attempt == 3:
                    raise
                self.port = free_port()  # someone took the free port meanwhile; URLs exist only from now on
        self._running = self._started = True

    def stop(self) -> None:
        """Fast shutdown, as an administrator would: sessions are cut off, committed data is kept."""
        if self._running:
            self._pg_ctl("stop", "-w", "-t", "30", "-m", "fast")
            self._running = False

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        name = f"desk_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
        return self.url(name)

    def create_schema(self) -> str:
        """A new empty schema in the tests' database; returns a URL on which it is the only schema searched."""
        name = f"t{next(self._names)}"
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (TEST_DATABASE,)).fetchone():
                admin.execute(f"CREATE DATABASE {TEST_DATABASE} TEMPLATE template0 ENCODING 'UTF8'")
        with psycopg.connect(self.url(TEST_DATABASE), autocommit=True) as tests:
            tests.execute(f"CREATE SCHEMA {name}")
        return f"{self.url(TEST_DATABASE)}?options=-c%20search_path%3D{name}"

    def drop_schema(self, url: str) -> None:
        name = url.rsplit("%3D", 1)[1]
        with psycopg.connect(self.url(TEST_DATABASE), autocommit=True) as tests:
            tests.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def discard(self) -> None:
        """Stop the server if it runs and delete its folder; safe to call twice."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            atexit.unregister(self.discard)

    def __enter__(self) -> PostgresServer:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.discard()

    def _initdb(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SERVER_USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            "--no-instructions",
        )

    def _pg_ctl(self, *args: str) -> None:
        self._run("pg_ctl", "-D", str(self.data), *args)

    def _run(self, program: str, *args: str) -> None:
        account = self._account
        try:
            subprocess.run(
                [str(self.bin_dir / program), *args],
                check=True,
                capture_output=True,
                text=True,
                timeout=60,
                cwd=self.root,
                user=account.pw_uid if account else None,
                group=account.pw_gid if account else None,
                extra_groups=[] if account else None,
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"},
            )
        except subprocess.CalledProcessError as exc:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise PostgresUnavailable(f"{program} {' '.join(args)} failed: {exc.stderr.strip()}\n{log}") from exc
