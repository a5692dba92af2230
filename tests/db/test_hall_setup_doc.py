"""The 运维手册's set-up of a hall's PostgreSQL, run as a technician copies it, on a throwaway server.

The commands are read out of docs/install-and-operations.md (the shell blocks of 五、大厅的 PostgreSQL, sections 1 to
4 and 6) and run as they stand; only what names the hall's machines is put in for this one: the data folder, the
server's name (``db-host``: ``localhost`` here, with the throwaway server's port in a URL), the folder the hall's CA
certificate is copied to.  Section 1's commands ask for passwords at the terminal: each is given them on its input.
At the end a desk is connected over TLS that checked the server's certificate, and the same URL without it is
refused.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from sqlalchemy import text

from counter.cli.main import main
from counter.db.engine import make_engine
from tests.conftest import REPO
from tests.db.tls_server import ON_TCP
from tests.pg_server import PgCluster, pg_bin, start_cluster, stop_cluster

pytestmark = pytest.mark.pg  # a server of its own, started here

MANUAL = REPO / "docs" / "install-and-operations.md"
SECTION = "## 五、大厅的 PostgreSQL"
DATA_FOLDER = "/var/lib/postgresql/15/main"  # as the manual names the server's data folder
CA_ON_DESK = "/etc/counter/hall-ca.crt"  # where the manual copies the hall's CA certificate
AS_POSTGRES = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def blocks(numbered: str) -> list[str]:
    """The shell blocks of the manual's subsection ``### {numbered}.`` of the hall's PostgreSQL."""
    manual = MANUAL.read_text(encoding="utf-8")
    hall = manual[manual.index(SECTION) :]
    hall = hall[: hall.index("\n## ", len(SECTION))]
    part = hall[hall.index(f"\n### {numbered}. ") :]
    following = part.find("\n### ", 1)
    part = part if following < 0 else part[:following]
    return re.findall(r"```sh\n(.*?)```", part, flags=re.S)


@pytest.fixture
def server() -> Iterator[PgCluster]:
    """A fresh server reached over TCP as the desks reach theirs; TLS is the manual's to set up."""
    cluster = start_cluster(settings=ON_TCP, name="manual")
    yield cluster
    stop_cluster(cluster)


def run(script: str, env: Mapping[str, str], as_postgres: bool = False, given: str = "") -> None:
    prefix = [*AS_POSTGRES, "env", *(f"{k}={v}" for k, v in env.items())] if as_postgres else []
    done = subprocess.run(
        [*prefix, "sh", "-ec", script],
        input=given,
        capture_output=True,
        text=True,
        env=None if as_postgres else {**os.environ, **env},
        start_new_session=True,  # no terminal: a password prompt reads its input
        check=False,
    )
    assert done.returncode == 0, f"{script}\n{done.stdout}\n{done.stderr}"


def test_the_manuals_hall_set_up_runs_and_connects_over_verified_tls(server: PgCluster, tmp_path: Path) -> None:
    ca_on_desk = tmp_path / "hall-ca.crt"
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (bin_folder / "counter").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m counter "$@"\n', encoding="utf-8")
    (bin_folder / "counter").chmod(0o755)
    path = f"{bin_folder}:{Path(pg_bin('psql')).parent}:{os.environ['PATH']}"
    on_server = {"PGHOST": str(server.folder), "PGPORT": str(server.port), "PATH": path}

    def ours(script: str) -> str:
        script = script.replace("@db-host/", f"@localhost:{server.port}/").replace("db-host", "localhost")
        return script.replace(DATA_FOLDER, str(server.data)).replace(CA_ON_DESK, str(ca_on_desk))

    [make_roles] = blocks("1")
    for command in ours(make_roles).splitlines():  # each asks for its role's password twice
        run(command, on_server, as_postgres=True, given="mima2026ok\nmima2026ok\n")
    [certificates] = blocks("2")
    run(ours(certificates), on_server, as_postgres=True)
    shutil.copy(server.data / "hall-ca.crt", ca_on_desk)  # copied to the desk, as the manual says

    at_desk = {"PATH": path}
    for owners in blocks("3"):  # the upgrade with its grant, then the grant alone
        run(ours(owners), at_desk)
    [site] = blocks("4")
    run(ours(site), at_desk)
    [desk] = blocks("6")
    run(ours(desk), at_desk)

    desk_url = re.search(r"COUNTER_DB_URL='([^']+)'", ours(desk))
    assert desk_url is not None
    engine = make_engine(desk_url.group(1))
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) is True
        assert conn.scalar(text("SELECT current_user")) == "counter_desk"
    engine.dispose()
    plain = desk_url.group(1).split("?", 1)[0]
    assert main(["db", "numbers", "--db", plain]) == 1  # the same server, named without TLS: refused

    # the desk's window started on the hall as the manual leaves it: up, with nothing in its log worse than info
    home = tmp_path / "desk-home"
    desk_env = {"QT_QPA_PLATFORM": "offscreen", "COUNTER_DB_URL": desk_url.group(1)}
    desk_env |= {"COUNTER_HOME": str(home / "data"), "COUNTER_STATE": str(home / "state")}
    started = subprocess.run(
        [sys.executable, "-m", "counter", "--exit-when-ready"],
        env={**os.environ, **desk_env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert started.returncode == 0, started.stderr
    logs = home / "data" / "logs"
    assert not list(logs.glob("error-*.txt")), [p.read_text(encoding="utf-8") for p in logs.glob("error-*.txt")]
    troubles = [line for line in (logs / "counter.log").read_text(encoding="utf-8").splitlines()
                if " ERROR " in line or " WARNING " in line or " CRITICAL " in line]  # fmt: skip
    assert not troubles
