"""The systemd units of the services a hall runs (packaging/linux): systemd reads each without a word, every counter
command in them is one the command line takes, and the nightly backup's commands, run as systemd runs them, dump a
real server and keep the folder to its days.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import re
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from counter.cli.audit import cmd_audit_seal
from counter.cli.main import build_parser
from counter.cli.messages import cmd_send
from counter.server.bounds import MAX_CONNECTIONS, RESERVED_FDS, connection_cap
from tests.conftest import REPO
from tests.pg_server import AS_POSTGRES, FreshDatabases, pg_bin

UNITS = REPO / "packaging" / "linux"
PROGRAM = "@COUNTER@"  # the placeholder install.sh and the .deb put the installed program's path in
#: the PATH systemd gives a service it starts
SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
#: the counter command each unit runs
COMMANDS = {"counter-sms@.service": cmd_send, "counter-seal@.service": cmd_audit_seal}


def unit_lines(name: str) -> list[tuple[str, str]]:
    """The ``key=value`` lines of a unit, comments and section headers left out."""
    lines = (UNITS / name).read_text(encoding="utf-8").splitlines()
    return [
        (key, value)
        for key, _, value in (line.partition("=") for line in lines if line and not line.startswith(("#", "[")))
    ]


def test_systemd_reads_every_unit_without_a_word(tmp_path: Path) -> None:
    program = tmp_path / "bin" / "counter"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    folder = tmp_path / "units"
    folder.mkdir()
    for unit in UNITS.glob("counter-*.*"):
        (folder / unit.name).write_text(unit.read_text(encoding="utf-8").replace(PROGRAM, str(program)), "utf-8")
    # a template is read as one of its instances: the user who runs it
    names = sorted(unit.name.replace("@.", "@wulan.") for unit in folder.iterdir())
    assert names == [
        "counter-backup.service",
        "counter-backup.timer",
        "counter-seal@wulan.service",
        "counter-seal@wulan.timer",
        "counter-serve.service",
        "counter-sms@wulan.service",
    ]
    done = subprocess.run(
        ["systemd-analyze", "verify", *(str(folder / name) for name in names)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_each_counter_command_in_the_units_is_one_the_command_line_takes() -> None:
    parser = build_parser()
    ran = {}
    for unit in sorted(UNITS.glob("counter-*.service")):
        for key, value in unit_lines(unit.name):
            command = shlex.split(value)
            # the hall server's own command line is its own (counter.server.main): its unit is run as systemd
            # runs it by the 运维手册's test (tests/db/test_hall_setup_doc.py)
            if key.startswith("Exec") and command[0] == PROGRAM and command[1] != "serve":
                ran[unit.name] = parser.parse_args(command[1:]).func
    assert ran == COMMANDS


def systemd_command(value: str, environment: dict[str, str]) -> list[str]:
    """An ``Exec…=`` line as systemd runs it: ``${NAME}`` from the unit's environment, then ``$$`` and ``%%`` are
    ``$`` and ``%``, then the words.  (The backup unit uses nothing more of systemd's rules.)"""
    value = re.sub(r"(?<!\$)\$\{(\w+)\}", lambda m: environment[m.group(1)], value)
    return shlex.split(value.replace("$$", "$").replace("%%", "%"))


def test_the_nightly_backup_dumps_the_database_and_keeps_its_days(fresh_pg: FreshDatabases, tmp_path: Path) -> None:
    url = fresh_pg.url()
    database = str(make_url(url).database)
    cluster = fresh_pg.databases.cluster
    backups = cluster.folder / "backups"  # the postgres user's to write in, as /var/backups/counter on a server
    lines = unit_lines("counter-backup.service")
    [environment] = [dict(word.split("=", 1) for word in shlex.split(v)) for k, v in lines if k == "Environment"]
    assert environment == {"BACKUPS": "/var/backups/counter", "DATABASE": "counter", "KEEP_DAYS": "14"}
    environment |= {"BACKUPS": str(backups), "DATABASE": database}

    [prepare] = [systemd_command(v, environment) for k, v in lines if k == "ExecStartPre"]
    assert prepare[0] == "+/usr/bin/install"  # "+": run as root, whoever the service runs as
    owner = "postgres" if os.geteuid() == 0 else getpass.getuser()  # who runs the test's server (tests.pg_server)
    prepare = [prepare[0][1:], *(owner if word == "postgres" else word for word in prepare[1:])]
    subprocess.run(prepare, check=True)
    old, recent, kept = backups / "counter-20200101.dump", backups / "counter-20991231.dump", backups / "before.dump"
    for left in (old, recent, kept):
        subprocess.run([*AS_POSTGRES, "touch", str(left)], check=True)
    subprocess.run([*AS_POSTGRES, "touch", "-d", "20 days ago", str(old)], check=True)

    # the environment systemd gives a service: its own PATH and the unit's variables; the server's socket here
    service = {**environment, "PATH": SYSTEMD_PATH, "PGHOST": str(cluster.folder), "PGPORT": str(cluster.port)}
    for key, value in lines:
        if key == "ExecStart":
            command = [*AS_POSTGRES, "env", "-i", *(f"{k}={v}" for k, v in service.items())]
            done = subprocess.run(
                [*command, *systemd_command(value, environment)], capture_output=True, text=True, check=False
            )
            assert done.returncode == 0, f"{value}\n{done.stderr}"

    made = backups / f"counter-{dt.date.today():%Y%m%d}.dump"
    assert sorted(p.name for p in backups.iterdir()) == sorted([made.name, recent.name, kept.name])
    listed = subprocess.run([pg_bin("pg_restore"), "--list", str(made)], capture_output=True, text=True, check=True)
    assert re.search(r"TABLE public case ", listed.stdout)  # the hall's cases are in it
    sessions = fresh_pg.open(url)
    with sessions() as session:  # the dump was made of a working database, which goes on working
        assert session.scalar(text("SELECT count(*) FROM bundle")) == 103


def test_the_servers_descriptor_limit_holds_its_connections_with_room_to_spare() -> None:
    """A thousand silent connections under the default soft limit of 1,024 took every descriptor: the unit's limit
    holds the server's whole cap of connections, and as many again in their TLS handshake."""
    limit = int(dict(unit_lines("counter-serve.service"))["LimitNOFILE"])
    assert connection_cap(limit) == MAX_CONNECTIONS
    assert limit >= RESERVED_FDS + 2 * MAX_CONNECTIONS
    assert connection_cap(1024) < MAX_CONNECTIONS  # a shell's soft limit: fewer, never more than it holds
    assert RESERVED_FDS + 2 * connection_cap(1024) <= 1024


DEB = UNITS / "deb"


def test_the_packages_sysusers_and_tmpfiles_make_the_servers_user_and_folders(tmp_path: Path) -> None:
    """What the .deb's postinst has systemd make, made here in a root of the test's own (``--root``)."""
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    for config, command in (("counter.sysusers", "systemd-sysusers"), ("counter.tmpfiles", "systemd-tmpfiles")):
        folder = root / "usr" / "lib" / f"{command.removeprefix('systemd-')}.d"
        folder.mkdir(parents=True)
        (folder / "counter.conf").write_text((DEB / config).read_text(encoding="utf-8"), encoding="utf-8")
    made = subprocess.run(["systemd-sysusers", f"--root={root}"], capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    [user] = [
        line.split(":") for line in (root / "etc" / "passwd").read_text().splitlines() if line.startswith("counter:")
    ]
    assert (user[5], user[6]) == ("/var/lib/counter", "/usr/sbin/nologin")
    assert int(user[2]) < 1000  # a system user
    made = subprocess.run(
        ["systemd-tmpfiles", f"--root={root}", "--create"], capture_output=True, text=True, check=False
    )
    assert made.returncode == 0, made.stderr
    data = root / "var" / "lib" / "counter"
    assert data.is_dir()
    assert oct(data.stat().st_mode & 0o777) == "0o750"
    assert data.stat().st_uid == int(user[2]) or os.geteuid() != 0
    assert (root / "etc" / "counter").is_dir()


@dataclass
class _Postinst:
    """The .deb's postinst as run here: its exit status, what it said, and the commands it called, in order."""

    returncode: int
    said: str
    calls: list[str]


#: the commands the postinst may call, each replaced by one that notes its arguments; runuser notes its user and
#: runs the rest, so that the commands run as another user are stubs too
_STUBS = ("systemd-sysusers", "systemd-tmpfiles", "systemctl", "logger", "id", "install", "pg_dump", "counter")


def _postinst(tmp_path: Path, *args: str, serve_env: bool = False, running: bool = False, fails: str = "") -> _Postinst:
    """The .deb's postinst run with its machine (systemd, serve.env, the backups' folder) the test's own.

    ``running``: the server is active when it starts; ``fails``: the stub that exits 1 (``pg_dump``,
    ``counter``, ``systemctl start``)."""
    stubs = tmp_path / "bin"
    stubs.mkdir(exist_ok=True)
    calls = tmp_path / "calls"
    calls.write_text("")
    for command in _STUBS:
        stub = stubs / command
        body = f'echo "{command} $*" >> "{calls}"\n'
        if fails and command == fails.partition(" ")[0]:
            body += f'case "$*" in "{fails.partition(" ")[2]}"*) exit 1;; esac\n'
        if command == "systemctl":
            body += f'[ "$1" = is-active ] && exit {0 if running else 3}\n'
        if command == "install":  # install -d: the folder made (its owner is root's business)
            body += 'for last; do :; done\nmkdir -p "$last"\n'
        if command == "pg_dump":  # the dump is written where --file= says
            body += 'for a; do case "$a" in --file=*) echo dump > "${a#--file=}";; esac; done\n'
        if command == "counter":  # the database's URL, as the environment gives it
            body += f'echo "COUNTER_DB_URL=$COUNTER_DB_URL" >> "{calls}"\n'
        stub.write_text(f"#!/bin/sh\n{body}exit 0\n", encoding="utf-8")
        stub.chmod(0o755)
    runuser = stubs / "runuser"
    runuser.write_text(f'#!/bin/sh\necho "runuser $1 $2" >> "{calls}"\nshift 3\nexec "$@"\n', encoding="utf-8")
    runuser.chmod(0o755)
    systemd = tmp_path / "run-systemd-system"
    systemd.mkdir(exist_ok=True)
    env_file = tmp_path / "serve.env"
    if serve_env:
        env_file.write_text(f"COUNTER_DB_URL='{_SERVED_URL}'\nCOUNTER_HOME=/var/lib/counter\n", encoding="utf-8")
    script = (DEB / "postinst").read_text(encoding="utf-8")
    for theirs, ours in (
        ("SERVE_ENV=/etc/counter/serve.env", f"SERVE_ENV={env_file}"),
        ("BACKUPS=/var/backups/counter", f"BACKUPS={tmp_path / 'backups'}"),
        ("SYSTEMD=/run/systemd/system", f"SYSTEMD={systemd}"),
    ):
        assert theirs in script
        script = script.replace(theirs, ours)
    done = subprocess.run(
        ["sh", "-c", script, "postinst", *args],
        env={"PATH": f"{stubs}:/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    return _Postinst(done.returncode, done.stderr, calls.read_text().splitlines())


#: a hall's URL as the manual writes it: a "/" and a "?" in the password, the CA's path in the query
_SERVED_URL = "postgresql+psycopg://counter:mi/ma?2026@hall-server/counter?sslmode=verify-full&sslrootcert=/etc/counter/hall-ca.crt"


def test_the_packages_postinst_makes_the_user_and_enables_nothing(tmp_path: Path) -> None:
    installed = _postinst(tmp_path, "configure", "")
    assert installed.returncode == 0, installed.said
    assert installed.calls == [
        "systemd-sysusers counter.conf",
        "systemd-tmpfiles --create counter.conf",
        "systemctl daemon-reload",
    ]
    # an upgrade of a machine whose hall server was never set up: nothing more
    assert _postinst(tmp_path, "configure", "0.0.9").calls == installed.calls


def test_an_upgrade_stops_the_server_backs_up_migrates_and_starts_it_again(tmp_path: Path) -> None:
    upgraded = _postinst(tmp_path, "configure", "0.0.9", serve_env=True, running=True)
    assert upgraded.returncode == 0, upgraded.said
    dump = tmp_path / "backups" / "before-upgrade-from-0.0.9.dump"
    assert upgraded.calls[3:] == [
        "systemctl is-active --quiet counter-serve.service",
        "systemctl stop counter-serve.service",
        "id postgres",  # the database's server is on this machine
        f"install -d -o postgres -g postgres -m 0700 {tmp_path / 'backups'}",
        "runuser -u postgres",  # the database's administrator, over this machine's socket: no password
        f"pg_dump --format=custom --file={dump}.part counter",
        "runuser -u counter",  # the server's own login, from serve.env: on no command line
        "counter db upgrade --lock-timeout 5",
        f"COUNTER_DB_URL={_SERVED_URL}",
        "systemctl start counter-serve.service",
    ]
    assert dump.read_text() == "dump\n"  # complete, under its own name
    assert f"升级前的数据库备份：{dump}" in upgraded.said
    assert not [call for call in upgraded.calls if " enable" in call]
    # a server the technician had stopped is backed up and migrated, and left stopped
    was_stopped = _postinst(tmp_path, "configure", "0.0.9", serve_env=True)
    assert was_stopped.returncode == 0, was_stopped.said
    assert "counter db upgrade --lock-timeout 5" in was_stopped.calls
    assert not [call for call in was_stopped.calls if call.startswith(("systemctl stop", "systemctl start"))]


def test_an_upgrade_that_fails_leaves_the_server_stopped_and_says_why(tmp_path: Path) -> None:
    # no backup, no migration
    unsaved = _postinst(tmp_path, "configure", "0.0.9", serve_env=True, running=True, fails="pg_dump")
    assert unsaved.returncode == 1
    assert "systemctl stop counter-serve.service" in unsaved.calls
    assert not [call for call in unsaved.calls if call.startswith(("counter", "systemctl start"))]
    assert not (tmp_path / "backups" / "before-upgrade-from-0.0.9.dump").exists()
    assert "升级前的数据库备份没有做成：大厅服务端已停下，数据库没有升级。" in unsaved.said
    [logged] = [call for call in unsaved.calls if call.startswith("logger")]
    assert logged.startswith("logger -p daemon.err -t counter-upgrade -- 升级前的数据库备份没有做成")
    # a migration refused (one transaction: nothing changed): the server is not started on the old schema
    unmigrated = _postinst(tmp_path, "configure", "0.0.9", serve_env=True, running=True, fails="counter db")
    assert unmigrated.returncode == 1
    assert "counter db upgrade --lock-timeout 5" in unmigrated.calls
    assert "systemctl start counter-serve.service" not in unmigrated.calls
    assert "数据库结构没有升级" in unmigrated.said
    assert "before-upgrade-from-0.0.9.dump" in unmigrated.said
    # migrated, but the new server does not start: said, and the configuration fails
    unstarted = _postinst(tmp_path, "configure", "0.0.9", serve_env=True, running=True, fails="systemctl start")
    assert unstarted.returncode == 1
    assert "数据库已升级，但新版本的服务端没有启动起来" in unstarted.said
