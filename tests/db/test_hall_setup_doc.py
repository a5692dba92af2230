"""The 运维手册's set-up of a hall's PostgreSQL, run as a technician copies it, on a throwaway server.

The commands are read out of docs/install-and-operations.md (the shell blocks of 五、大厅的 PostgreSQL, sections 1 to
4 and 6, then those of 六、升级) and run as they stand; only what names the hall's machines is put in for this one: the
data folder, the server's name (``db-host``: ``localhost`` here, with the throwaway server's port in a URL), the
folder the hall's CA certificate is copied to, the backups' folder, the password the manual calls 密码.  Section 1's
commands ask for passwords at the terminal: each is given them on its input.  The server asks every login over the
network for its password, as a hall's pg_hba.conf does, so the desk's password reaches it from the desk's ~/.pgpass
or not at all.  A desk is connected over TLS that checked the server's certificate, and the same URL without it is
refused.  Then the hall, one migration behind as a new program finds it, is backed up, upgraded and rolled back.
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
from counter.db.migrate import HEAD, SchemaState, downgrade, schema_state
from tests.conftest import REPO
from tests.db.tls_server import ON_TCP
from tests.pg_server import AS_POSTGRES, PgCluster, pg_bin, start_cluster, stop_cluster

pytestmark = pytest.mark.pg  # a server of its own, started here

MANUAL = REPO / "docs" / "install-and-operations.md"
SECTION = "## 五、大厅的 PostgreSQL"
UPGRADE = "## 六、升级"
DATA_FOLDER = "/var/lib/postgresql/15/main"  # as the manual names the server's data folder
CA_ON_DESK = "/etc/counter/hall-ca.crt"  # where the manual copies the hall's CA certificate
BACKUPS = "/var/backups/counter"  # where the manual puts the server's dumps
PASSWORD = "mima2026ok"  # every role's, given where the manual asks for one or writes 密码
#: the socket is the server's administrator's (postgres, as on a hall's server); every login over TCP needs its password
HBA = "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n"


def blocks(numbered: str, section: str = SECTION) -> list[str]:
    """The shell blocks of the manual's subsection ``### {numbered}.`` of ``section`` (the hall's PostgreSQL)."""
    manual = MANUAL.read_text(encoding="utf-8")
    hall = manual[manual.index(section) :]
    hall = hall[: hall.index("\n## ", len(section))]
    part = hall[hall.index(f"\n### {numbered}. ") :]
    following = part.find("\n### ", 1)
    part = part if following < 0 else part[:following]
    return re.findall(r"```sh\n(.*?)```", part, flags=re.S)


@pytest.fixture
def server() -> Iterator[PgCluster]:
    """A fresh server reached over TCP as the desks reach theirs; TLS is the manual's to set up."""

    def passwords_over_tcp(data: Path) -> None:
        (data / "pg_hba.conf").write_text(HBA, encoding="utf-8")

    cluster = start_cluster(settings=ON_TCP, name="manual", prepare=passwords_over_tcp)
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


def test_the_manuals_hall_set_up_runs_and_connects_over_verified_tls(
    server: PgCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ca_on_desk = tmp_path / "hall-ca.crt"
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (bin_folder / "counter").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m counter "$@"\n', encoding="utf-8")
    (bin_folder / "counter").chmod(0o755)
    path = f"{bin_folder}:{Path(pg_bin('psql')).parent}:{os.environ['PATH']}"
    on_server = {"PGHOST": str(server.folder), "PGPORT": str(server.port), "PATH": path}

    def ours(script: str) -> str:
        script = script.replace("@db-host/", f"@localhost:{server.port}/").replace("db-host", "localhost")
        script = script.replace(BACKUPS, str(server.folder / "backups")).replace("密码", PASSWORD)
        return script.replace(DATA_FOLDER, str(server.data)).replace(CA_ON_DESK, str(ca_on_desk))

    [make_roles] = blocks("1")
    for command in ours(make_roles).splitlines():  # each asks for its role's password twice
        run(command, on_server, as_postgres=True, given=f"{PASSWORD}\n{PASSWORD}\n")
    [certificates] = blocks("2")
    run(ours(certificates), on_server, as_postgres=True)
    shutil.copy(server.data / "hall-ca.crt", ca_on_desk)  # copied to the desk, as the manual says

    home = tmp_path / "home"  # the desk user's: the manual writes the password into its ~/.pgpass
    home.mkdir()
    at_desk = {"PATH": path, "HOME": str(home)}
    monkeypatch.setenv("HOME", str(home))  # this process connects as the desk too
    for owners in blocks("3"):  # the upgrade with its grant, then the grant alone
        run(ours(owners), at_desk)
    [site] = blocks("4")
    run(ours(site), at_desk)
    [desk] = blocks("6")
    run(ours(desk), at_desk)

    desk_url = re.search(r"COUNTER_DB_URL='([^']+)'", ours(desk))
    assert desk_url is not None
    assert ":" not in desk_url.group(1).split("@", 1)[0].split("//", 1)[1]  # no password in the desk's URL
    engine = make_engine(desk_url.group(1))
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) is True
        assert conn.scalar(text("SELECT current_user")) == "counter_desk"
    engine.dispose()
    plain = desk_url.group(1).split("?", 1)[0]
    assert main(["db", "numbers", "--db", plain]) == 1  # the same server, named without TLS: refused

    # the desk's window started on the hall as the manual leaves it: up, with nothing in its log worse than info
    desk_env = {"QT_QPA_PLATFORM": "offscreen", "COUNTER_DB_URL": desk_url.group(1), "HOME": str(home)}
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

    # 六、升级: the hall as a new program finds it (one migration behind), backed up, upgraded, then rolled back
    [upgrade] = blocks("2", UPGRADE)
    owner_url = re.search(r"--db '([^']+)'", ours(upgrade))
    assert owner_url is not None
    owner = make_engine(owner_url.group(1))
    downgrade(owner, "-1")
    before = schema_state(owner)
    owner.dispose()
    backup, _services, connected = blocks("1", UPGRADE)  # the services' stop is systemd's (tests/test_service_units.py)
    run(ours(backup), on_server, as_postgres=True)
    run(ours(connected), on_server, as_postgres=True)
    run(ours(upgrade), at_desk)
    assert _state(owner_url.group(1)) == (SchemaState.CURRENT, HEAD)
    [rollback] = blocks("3", UPGRADE)
    run(ours(rollback), on_server, as_postgres=True)
    assert _state(owner_url.group(1)) == before
    engine = make_engine(desk_url.group(1))  # the desk role's rights came back with the dump
    with engine.connect() as conn:
        assert conn.scalar(text('SELECT count(*) FROM "case"')) == 0
    engine.dispose()


def _state(url: str) -> tuple[SchemaState, str | None]:
    engine = make_engine(url)
    try:
        return schema_state(engine)
    finally:
        engine.dispose()
