"""The 运维手册's set-up of a hall, run as a technician copies it, on a throwaway PostgreSQL server.

The commands are read out of docs/install-and-operations.md (the shell blocks of 五、大厅的服务端和 PostgreSQL, steps
2 to 7 and 10, then those of 六、升级) and run as they stand; only what names the hall's machines is put in for this
one: the data and configuration folders, the server's name (``hall-server``: ``localhost`` here, with the throwaway
server's port in a URL) and address, ``/etc/counter``, the server's data folder, the backups' folder, the password
the manual calls 密码.  ``runuser -u counter --`` runs as this test's user (the system user is step 1's, which
installs packages and is not run here).  The server asks every login over the network for its password; before the
manual's step its ``pg_hba.conf`` is Debian's, broad ``host`` lines first.  The server's password has a ``#`` in it.

systemd is not running here: step 8's unit (packaging/linux/counter-serve.service) is run as systemd would run it —
its ExecStart line, the environment from its EnvironmentFile, its credential — as this test's process; systemd reads
the unit itself in tests/test_service_units.py.  A desk then signs in at the server over HTTPS, trusting the hall's
CA alone.  Then the hall, one migration behind as a new program finds it, is backed up, upgraded and rolled back.

A hall set up by the old manual (a desk role with its grants, cases, ratings and pending platform reports written
through it) is moved to the server by step 10: the desk role can no longer connect, nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import re
import shlex
import shutil
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.record import record_rating, send_to_pad
from counter.case.numbers import DeskIdentity
from counter.cli.main import main
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import SchemaState, downgrade, schema_state
from counter.db.revision import HEAD
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.service.remote import Remote
from tests.actions.test_intake_actions import full_request, take
from tests.conftest import REPO
from tests.db.old_desk_role import grant_desk_role
from tests.db.tls_server import ON_TCP
from tests.pg_server import AS_POSTGRES, PgCluster, free_port, pg_bin, start_cluster, stop_cluster

pytestmark = pytest.mark.pg  # a server of its own, started here

MANUAL = REPO / "docs" / "install-and-operations.md"
UNIT = REPO / "packaging" / "linux" / "counter-serve.service"
SECTION = "## 五、大厅的服务端和 PostgreSQL"
UPGRADE = "## 六、升级"
#: the machine's paths the manual names, each put in for this test's own below; a script that still names one of
#: them after that is not run (it would touch this machine's PostgreSQL or /etc)
SYSTEM_PATHS = ("/var/lib/postgresql", "/etc/postgresql", "/etc/counter", "/var/backups", "/var/lib/counter")
PASSWORD = "mima#2026ok"  # the server's role's: a "#" in a URL's password once lost the query after it
ADMIN_PASSWORD = "wulan2026ok"  # the accounts' the manual makes
ROOT = os.geteuid() == 0
#: Debian 12's pg_hba.conf as the package writes it: the administrator by peer, then broad lines for every role
DEBIAN_HBA = (
    "local all postgres {peer}\nlocal all all {peer}\n"
    "host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n"
)
PEER = "peer" if ROOT else "trust"  # peer maps the test's user to postgres only when it runs as postgres (root)
#: the code lists' codings a hall's integrator chose (as tests/codings.py's): the platform reports nothing before
CHOSEN = {"level": "hcp", "channel": "hcp", "item_kind": "gbt39046", "result": "bjjgdm"}
START_S = 60.0  # counter serve's start on a loaded machine: imports and the database's check


def blocks(numbered: str, section: str = SECTION) -> list[str]:
    """The shell blocks of the manual's subsection ``### {numbered}.`` of ``section``."""
    manual = MANUAL.read_text(encoding="utf-8")
    part = manual[manual.index(section) :]
    part = part[: part.index("\n## ", len(section))]
    part = part[part.index(f"\n### {numbered}. ") :]
    following = part.find("\n### ", 1)
    part = part if following < 0 else part[:following]
    return [re.sub(r"^   ", "", b, flags=re.M) for b in re.findall(r"```sh\n(.*?)\s*```", part, flags=re.S)]


class Hall:
    """This test's stand-ins for the hall's machine: its folders, the server's ports, and how a block is run."""

    def __init__(self, server: PgCluster, tmp_path: Path) -> None:
        self.server = server
        self.root = tmp_path
        self.etc = tmp_path / "etc-counter"  # /etc/counter
        self.data = tmp_path / "var-lib-counter"  # /var/lib/counter: the server's data folder
        self.home = tmp_path / "home"
        self.usb = tmp_path / "usb"  # /media/usb: what the technician carries from the server to a desk
        for folder in (self.data, self.home, self.usb):
            folder.mkdir()
        # /var/backups as on Debian 12: root's, 0755; in the server's folder, which the postgres user may enter
        self.var_backups = server.folder / "var-backups"
        self.var_backups.mkdir(mode=0o755)
        self.serve_port = free_port()
        bin_folder = tmp_path / "bin"
        bin_folder.mkdir()
        self.counter = bin_folder / "counter"
        self.counter.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m counter "$@"\n', encoding="utf-8")
        self.counter.chmod(0o755)
        self.path = f"{bin_folder}:{Path(pg_bin('psql')).parent}:{os.environ['PATH']}"
        self.on_server = {"PGHOST": str(server.folder), "PGPORT": str(server.port), "PATH": self.path}
        self.as_root = {"PATH": self.path, "HOME": str(self.home), **self.on_server}

    def ours(self, script: str, etc: Path | None = None) -> str:
        """The manual's ``script`` with this test's machine put in; refused if it still names one of the real one.

        ``etc``: the folder that stands for ``/etc/counter`` when it is not the server's (a desk machine's)."""
        port = self.server.port
        for theirs, mine in (
            ("@hall-server/", f"@localhost:{port}/"),
            ("https://hall-server:8443", f"https://localhost:{self.serve_port}"),
            ("CN=hall-server", "CN=localhost"),
            ("DNS:hall-server", "DNS:localhost"),
            ("10.1.2.5/32", "127.0.0.1/32"),
            ("/var/lib/postgresql/15/main", str(self.server.data)),
            ("/etc/postgresql/15/main", str(self.server.data)),
            ("/etc/counter", str(etc or self.etc)),
            ("/media/usb", str(self.usb)),
            ("/var/lib/counter", str(self.data)),
            ("/var/backups", str(self.var_backups)),
            ("runuser -u counter -- ", ""),
            ("runuser -u postgres -- ", "".join(f"{word} " for word in AS_POSTGRES)),
            ("密码", PASSWORD),
        ):
            script = script.replace(theirs, mine)
        if not ROOT:
            script = script.replace(" peer", " trust")
        assert not [path for path in SYSTEM_PATHS if path in script], script
        return script

    def run(
        self,
        script: str,
        *,
        as_postgres: bool = False,
        given: str = "",
        env: Mapping[str, str] = {},
        etc: Path | None = None,
    ) -> str:
        """``script`` (the manual's, made ours) by ``sh -e`` as root, or as postgres; its output."""
        script = self.ours(script, etc)
        environment = {**(self.on_server if as_postgres else self.as_root), **env}
        prefix = [*AS_POSTGRES, "env", *(f"{k}={v}" for k, v in environment.items())] if as_postgres else []
        done = subprocess.run(
            [*prefix, "sh", "-ec", script],
            input=given,
            capture_output=True,
            text=True,
            env=None if as_postgres else {**os.environ, **environment},
            cwd=self.server.folder if as_postgres else self.root,
            start_new_session=True,  # no terminal: a password prompt reads its input
            check=False,
        )
        assert done.returncode == 0, f"{script}\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def served(self) -> dict[str, str]:
        """The server's environment file, read as systemd reads it (step 4 wrote it)."""
        return environment_file(self.etc / "serve.env")


def environment_file(path: Path) -> dict[str, str]:
    """A systemd EnvironmentFile= of ``KEY='value'`` and ``KEY=value`` lines, as systemd reads those forms:
    a single-quoted value verbatim, ``#`` and ``;`` lines ignored."""
    found = {}
    for written in path.read_text(encoding="utf-8").splitlines():
        line = written.strip()
        if not line or line.startswith(("#", ";")):
            continue
        key, _, value = line.partition("=")
        if value.startswith("'"):
            assert value.endswith("'"), line
            assert value.count("'") == 2, line
            value = value[1:-1]
        found[key.strip()] = value
    return found


def tcp_login(server: PgCluster, sslmode: str) -> subprocess.CompletedProcess[str]:
    """The server's role signing in over TCP with its password, in clear or not as ``sslmode`` says."""
    dsn = f"host=127.0.0.1 port={server.port} dbname=counter user=counter sslmode={sslmode}"
    return subprocess.run(
        [pg_bin("psql"), dsn, "-Atc", "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"],
        env={**os.environ, "PGPASSWORD": PASSWORD},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def server() -> Iterator[PgCluster]:
    """A fresh server reached over TCP, its pg_hba.conf as Debian ships it; TLS is the manual's to set up."""

    def debians(data: Path) -> None:
        (data / "pg_hba.conf").write_text(DEBIAN_HBA.format(peer=PEER), encoding="utf-8")

    cluster = start_cluster(settings=ON_TCP, name="manual", prepare=debians)
    yield cluster
    stop_cluster(cluster)


def test_the_manuals_hall_set_up_runs_serves_and_upgrades(server: PgCluster, tmp_path: Path) -> None:
    hall = Hall(server, tmp_path)

    # 2: the database, then pg_hba.conf replaced whole
    make_roles, replace_hba = blocks("2")
    for command in hall.ours(make_roles).splitlines():  # createuser asks for the password twice
        hall.run(command, as_postgres=True, given=f"{PASSWORD}\n{PASSWORD}\n")
    # why replace it: a hostssl line appended after Debian's never applies, and the role signs in in clear
    appended = server.data / "pg_hba.conf"
    appended.write_text(appended.read_text() + "hostssl counter counter 127.0.0.1/32 scram-sha-256\n")
    hall.run("psql -c 'SELECT pg_reload_conf()'", as_postgres=True)
    assert tcp_login(server, "disable").stdout.strip() == "f"  # in clear, by Debian's broad host line
    hall.run(replace_hba, as_postgres=True)
    assert (server.data / "pg_hba.conf.debian").exists()

    # 3: the hall's CA and the server's certificate; handed to the server, the CA readable by every account
    certificates, handed_over = blocks("3")
    hall.run(certificates, as_postgres=True)
    hall.run(handed_over)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in hall.etc.iterdir()}
    assert modes == {"hall-ca.crt": 0o644, "hall-server.crt": 0o644, "hall-server.key": 0o600}
    assert stat.S_IMODE((server.data / "hall-ca.crt").stat().st_mode) == 0o644
    refused = tcp_login(server, "disable")
    assert refused.returncode != 0  # only over TLS now
    assert "no pg_hba.conf entry" in refused.stderr
    assert tcp_login(server, "require").stdout.strip() == "t"

    # 4: the server's URL in root's file, 0600; 5: tables and the site on the server's login
    [environment] = blocks("4")
    hall.run(environment)
    assert stat.S_IMODE((hall.etc / "serve.env").stat().st_mode) == 0o600
    served = hall.served()
    assert PASSWORD in served["COUNTER_DB_URL"]
    assert "sslmode=verify-full" in served["COUNTER_DB_URL"]
    [site] = blocks("5")
    said = hall.run(site)
    assert "数据库结构已是最新" in said

    # 6: the first administrator and the accounts, each command asking its passwords
    [accounts] = blocks("6")
    for command in accounts.splitlines():
        hall.run(command, env=served, given=f"{ADMIN_PASSWORD}\n" * 3)
    listed = hall.run(accounts.splitlines()[-1], env=served, given=f"{ADMIN_PASSWORD}\n")
    assert {"wulan", "bater", "zhangli"} <= set(listed.split())

    # 7: a desk registered; its key in a file only root reads
    [register] = blocks("7")
    hall.run(register, env=served)
    key_file = hall.home / "desk-8.key"  # in root's home, never the folder the shell was last in
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    desk_key = key_file.read_text(encoding="utf-8").strip().splitlines()[-1]

    # 8: the unit's ExecStart as systemd runs it; 9: a desk pointed at it, a clerk signing in there over HTTPS
    shutil.copy(hall.etc / "hall-ca.crt", hall.usb / "hall-ca.crt")  # carried to the desk, as 9 says
    shutil.copy(key_file, hall.usb / "desk-8.key")
    desk_etc, desk_home = tmp_path / "desk-etc", tmp_path / "desk-home"
    desk_etc.mkdir()
    at_desk = {"HOME": str(desk_home), "COUNTER_HOME": str(desk_home / "data"), "COUNTER_STATE": str(desk_home / "st")}
    with serving(hall) as root:
        [desk_step] = blocks("9")
        hall.run(desk_step, env=at_desk, etc=desk_etc)
        assert stat.S_IMODE((desk_etc / "hall-ca.crt").stat().st_mode) == 0o644
        shown = json.loads(hall.run("counter desk --json", env=at_desk))
        assert (shown["server"], shown["desk_no"]) == (root, "8")
        [kept_key] = [p.read_text().strip() for p in (desk_home / "data").rglob("*key*") if p.is_file()]
        assert kept_key == desk_key  # add-desk's output whole was given: its last line kept
        remote = Remote(shown["server"], Path(shown["server_ca"]))
        try:
            answer = remote.sign_in("bater", ADMIN_PASSWORD, shown["desk_no"], kept_key)
            assert answer.result.signed_in, answer
            remote.sign_out()
        finally:
            remote.close()
        plain = http.client.HTTPConnection("localhost", hall.serve_port, timeout=10)
        plain.request("POST", "/v1/sign-in", body=b"{}")  # sent in clear: read as a broken TLS hello
        with pytest.raises((ConnectionError, http.client.HTTPException, OSError)):
            plain.getresponse()
        plain.close()

    # 六: the hall as a new program finds it (one migration behind: the baseline taken back), backed up, upgraded,
    # then rolled back
    owner = make_engine(served["COUNTER_DB_URL"])
    downgrade(owner, "-1")
    before = schema_state(owner)
    owner.dispose()
    # the backup's folder: the postgres user may not make it in Debian's /var/backups, so root makes it for it
    made_by_postgres = subprocess.run([*AS_POSTGRES, "mkdir", "-p", str(hall.var_backups / "x")], check=False)
    assert not ROOT or made_by_postgres.returncode != 0
    backup, _stop, connected = blocks("1", UPGRADE)  # stopping the server is systemd's
    hall.run(backup)
    hall.run(connected, as_postgres=True)
    [upgrade] = blocks("2", UPGRADE)
    hall.run(upgrade)
    assert _state(served["COUNTER_DB_URL"]) == (SchemaState.CURRENT, HEAD)
    [rollback] = blocks("3", UPGRADE)
    hall.run(rollback, as_postgres=True)
    assert _state(served["COUNTER_DB_URL"]) == before  # the server's login and its rights came back with the dump


def serving(hall: Hall) -> _Serving:
    return _Serving(hall)


class _Serving:
    """``counter-serve.service`` run as systemd runs it: User= is this test's, the rest as written."""

    def __init__(self, hall: Hall) -> None:
        self.hall = hall
        self.process: subprocess.Popen[bytes] | None = None
        self.log = hall.root / "serve.log"

    def __enter__(self) -> str:
        lines = [line.partition("=") for line in UNIT.read_text(encoding="utf-8").splitlines()]
        unit = [(key, value) for key, _, value in lines if key and not key.startswith(("#", "["))]
        settings = dict(unit)
        assert settings["User"] == "counter"
        assert settings["EnvironmentFile"] == "/etc/counter/serve.env"
        environment = environment_file(Path(self.hall.ours(settings["EnvironmentFile"])))
        # LoadCredential=NAME:PATH: systemd copies the root-only file into a folder of the service's own
        name, _, source = settings["LoadCredential"].partition(":")
        credentials = self.hall.root / "credentials"
        credentials.mkdir()
        shutil.copy(self.hall.ours(source), credentials / name)
        environment |= {"CREDENTIALS_DIRECTORY": str(credentials), "HOME": str(self.hall.home)}
        environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        command = settings["ExecStart"].replace("@COUNTER@", str(self.hall.counter))
        assert "--db" not in command  # the URL in no command line: the environment's
        assert "COUNTER_DB_URL" not in command
        command = re.sub(r"\$\{(\w+)\}", lambda m: environment[m.group(1)], command)
        command = self.hall.ours(command).replace("--port 8443", f"--port {self.hall.serve_port}")
        with self.log.open("w") as out:
            self.process = subprocess.Popen(shlex.split(command), stdout=out, stderr=subprocess.STDOUT, env=environment)
        self._wait_listening()
        return f"https://localhost:{self.hall.serve_port}"

    def _wait_listening(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"counter serve ended ({self.process.returncode}):\n{self.log.read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.hall.serve_port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)  # polling a process's port, not a Qt wait
        raise AssertionError(f"counter serve did not listen within {START_S} s:\n{self.log.read_text()}")

    def __exit__(self, *_: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)


def _state(url: str) -> tuple[SchemaState, str | None]:
    engine = make_engine(url)
    try:
        return schema_state(engine)
    finally:
        engine.dispose()


#: the tables whose rows a move must keep, counted before and after
KEPT = ('"case"', "rating", "platform_event", "audit_entry", "account")


@pytest.fixture
def old_hall(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[PgCluster, str, str]]:
    """A hall as the old manual left it: the owner ``counter``, the desk role ``counter_desk`` granted by the old
    program, and a day's work written through the desk role; the owner's URL and the desk role's."""

    def on_socket(data: Path) -> None:
        (data / "pg_hba.conf").write_text("local all all trust\n", encoding="utf-8")

    cluster = start_cluster(settings=ON_TCP, name="move", prepare=on_socket)
    try:
        for command in (
            "CREATE ROLE counter LOGIN",
            "CREATE ROLE counter_desk LOGIN",
            "CREATE DATABASE counter OWNER counter",
        ):
            subprocess.run(
                [*AS_POSTGRES, pg_bin("psql"), "-h", str(cluster.folder), "-p", str(cluster.port), "-U", "postgres",
                 "-d", "postgres", "-c", command],
                check=True, capture_output=True,
            )  # fmt: skip
        owner_url = f"postgresql+psycopg://counter@/counter?host={cluster.folder}&port={cluster.port}"
        desk_url = owner_url.replace("://counter@", "://counter_desk@")
        monkeypatch.setenv("COUNTER_HOME", str(tmp_path / "admin"))
        monkeypatch.setenv("COUNTER_STATE", str(tmp_path / "state"))
        assert main(["db", "upgrade", "--db", owner_url]) == 0
        assert main(["site", "init", "--code", "XAM01", "--name", "兴安盟政务服务中心", "--kind", "hall",
                     "--db", owner_url]) == 0  # fmt: skip
        chosen = [f"--coding={name}={preset}" for name, preset in CHOSEN.items()]  # the integrator's choice
        assert main(["platform", "settings", "--on", *chosen, "--db", owner_url]) == 0  # reports queue, none sent
        owner = make_engine(owner_url)
        with make_sessions(owner).begin() as session:  # as `counter db grant-desk counter_desk` granted it
            assert grant_desk_role(session, "counter_desk") is None
        owner.dispose()
        desk = make_engine(desk_url)
        sessions = make_sessions(desk)
        at_desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
        now = dt.datetime.now(dt.UTC)
        numbers = [take(sessions, at_desk, full_request(sessions), now.date()) for _ in range(3)]
        with sessions.begin() as session:
            pad = send_to_pad(session, numbers[0], at_desk, now)
            bad = RatingChoice(Level.VERY_DISSATISFIED, ("其他",), "等了很久")
            record_rating(session, pad.request_id, bad, at_desk, now, office_calendar(session))
        desk.dispose()
        yield cluster, owner_url, desk_url
    finally:
        stop_cluster(cluster)


def test_a_hall_with_a_desk_role_moves_to_the_server_as_the_manual_says(
    old_hall: tuple[PgCluster, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cluster, owner_url, desk_url = old_hall
    before = _counts(owner_url)
    assert (before["rating"], before['"case"']) == (1, 3)
    assert before["platform_event"] > 0  # pending: the platform is on, with nowhere yet to send

    hall = Hall(cluster, tmp_path)
    _notify, upgrade, retire = blocks("10")
    assert "--desk-role" not in upgrade
    capsys.readouterr()
    assert main(["db", "upgrade", "--db", owner_url]) == 0  # the new program's upgrade names the role left
    assert "还有角色能直接读写这些表：counter_desk" in capsys.readouterr().err
    hall.run(retire, as_postgres=True)
    assert main(["db", "upgrade", "--db", owner_url]) == 0
    assert "还有角色" not in capsys.readouterr().err  # none now

    desk = make_engine(desk_url)
    with pytest.raises(OperationalError, match='role "counter_desk" does not exist'):
        desk.connect()
    desk.dispose()
    owner = make_engine(owner_url)
    with owner.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = 'counter_desk'")) == 0
        assert conn.scalar(text("SELECT relrowsecurity FROM pg_class WHERE relname = 'setting'")) is False
        assert conn.scalar(text("SELECT count(*) FROM pg_policy")) == 0
        public = "SELECT has_database_privilege('public', 'counter', 'CONNECT')"
        assert conn.scalar(text(public)) is False
    owner.dispose()
    assert _counts(owner_url) == before  # nothing lost
    capsys.readouterr()
    assert main(["audit", "verify", "--db", owner_url]) == 0
    # the server's login does the day's work the desks did (desk 9: 8's numbers are noted on its old machine)
    sessions = make_sessions(make_engine(owner_url))
    take(sessions, Desk(DeskIdentity("XAM01", "9"), "乌兰"), full_request(sessions), dt.datetime.now(dt.UTC).date())
    sessions.kw["bind"].dispose()


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {table: int(conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0) for table in KEPT}
    finally:
        engine.dispose()
