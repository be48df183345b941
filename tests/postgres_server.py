"""A throwaway PostgreSQL server for tests: Debian's binaries, initdb and pg_ctl in a temporary
folder, listening only on a free loopback port. Started as the ``postgres`` system user when
the tests run as root (PostgreSQL refuses to run as root)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def binaries() -> Path | None:
    """The folder of Debian's PostgreSQL server binaries (newest version), if installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_version)
    return Path(found[-1]).parent if found else None


def _version(path: str) -> int:
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def unavailable() -> str | None:
    """Why a server cannot be started here, or None."""
    if binaries() is None:
        return "PostgreSQL is not installed (make test installs Debian's package as root)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' system user to run the server"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres(folder: Path) -> Iterator[str]:
    """Run a server with its data under ``folder``; yields its URL (database ``findings``)."""
    bin_dir = binaries()
    assert bin_dir is not None, unavailable()
    folder.mkdir(parents=True, exist_ok=True)
    data, sockets = folder / "data", folder / "sockets"
    prefix: list[str] = []
    user = pwd.getpwuid(os.geteuid()).pw_name
    if os.geteuid() == 0:
        user = "postgres"
        prefix = ["runuser", "-u", user, "--"]
        for path in (folder, data, sockets):
            path.mkdir(exist_ok=True)
            shutil.chown(path, user, user)

    def run(*args: str) -> None:
        done = subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr.strip()[-1000:]}")

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8")
    port = _free_port()
    options = f"-h 127.0.0.1 -p {port} -k {sockets} -F"
    # -l: the server must not inherit our pipes, or waiting for pg_ctl's output never ends
    log = str(folder / "server.log")
    run(
        str(bin_dir / "pg_ctl"),
        "-D",
        str(data),
        "-l",
        log,
        "-o",
        options,
        "-w",
        "-t",
        "60",
        "start",
    )
    try:
        run(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", user, "findings")
        yield f"postgresql://{user}@127.0.0.1:{port}/findings"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    """A fresh PostgreSQL server for the module. Skipped only where it cannot be installed (not
    root, not installed); as root or in CI a missing server is a failure, not a skip."""
    reason = unavailable()
    if reason and os.geteuid() != 0 and not os.environ.get("CI"):
        pytest.skip(reason)
    if reason:  # `make test` installs it as root, so this set-up is broken
        pytest.fail(f"{reason}; run `make postgres` (or apt-get install postgresql) first")
    # Not under pytest's folder: pytest keeps it private to root (0700), and the server runs as
    # another user.
    folder = Path(tempfile.mkdtemp(prefix="findings-postgres-"))
    folder.chmod(0o755)
    try:
        with postgres(folder) as url:
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)
