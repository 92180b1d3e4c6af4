"""A throwaway PostgreSQL server for the tests, from Debian's postgresql binaries.

The server runs as a non-root user (initdb refuses root: as root, the `postgres` account
the Debian package makes), in its own folder under /tmp, on a free port, without fsync.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Server:
    folder: Path
    port: int
    bin: Path
    user: str | None

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://planner@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://planner@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        _run(self, "pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def find_bin() -> Path | None:
    """The folder of initdb: Debian's newest /usr/lib/postgresql/N/bin, or the PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _version(path: str) -> int:
    return int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0


def _run(server: Server, program: str, *args: str) -> subprocess.CompletedProcess:
    user = {"user": server.user} if server.user else {}
    return subprocess.run(
        [str(server.bin / program), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=server.folder,
        **user,
    )


def start(*, durable: bool = False) -> Server:
    """Start a server; raises RuntimeError saying why when it cannot.

    For tests it skips flushing to disk. `durable` keeps fsync and full page writes on and
    only turns synchronous_commit off: the durability of SQLite's WAL with
    synchronous=NORMAL that the app uses (a crash of the server process loses nothing;
    a power cut may lose the last commits, never the database's consistency).
    """
    bin_folder = find_bin()
    if bin_folder is None:
        raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
    user = None
    folder = Path(tempfile.mkdtemp(prefix="planner-pg-"))
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no `postgres` user") from None
        user = account.pw_name
        os.chown(folder, account.pw_uid, account.pw_gid)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = Server(folder, port, bin_folder, user)
    try:
        _run(
            server,
            "initdb",
            "-D",
            str(folder / "data"),
            "-U",
            "planner",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300"
        options += " -c synchronous_commit=off"
        if not durable:
            options += " -c fsync=off -c full_page_writes=off"
        _run(
            server,
            "pg_ctl",
            "-D",
            str(folder / "data"),
            "-o",
            options,
            "-l",
            str(folder / "server.log"),
            "-w",
            "start",
        )
    except (subprocess.CalledProcessError, OSError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {detail.strip()}") from None
    return server
