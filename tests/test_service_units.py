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


def _postinst(tmp_path: Path, *args: str, serve_env: bool = False) -> list[str]:
    """The .deb's postinst run with each command it may call replaced by one that notes its arguments."""
    stubs = tmp_path / "bin"
    stubs.mkdir(exist_ok=True)
    calls = tmp_path / "calls"
    calls.write_text("")
    for command in ("systemd-sysusers", "systemd-tmpfiles", "systemctl"):
        stub = stubs / command
        stub.write_text(f'#!/bin/sh\necho "{command} $*" >> "{calls}"\n', encoding="utf-8")
        stub.chmod(0o755)
    script = (DEB / "postinst").read_text(encoding="utf-8")
    # the machine's /run/systemd/system and /etc/counter/serve.env, as the test says they are
    script = script.replace("-d /run/systemd/system", "-n yes").replace(
        "-f /etc/counter/serve.env", "-n yes" if serve_env else "-n ''"
    )
    done = subprocess.run(
        ["sh", "-c", script, "postinst", *args],
        env={"PATH": f"{stubs}:/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return calls.read_text().splitlines()


def test_the_packages_postinst_makes_the_user_and_enables_nothing(tmp_path: Path) -> None:
    assert _postinst(tmp_path, "configure", "") == [
        "systemd-sysusers counter.conf",
        "systemd-tmpfiles --create counter.conf",
        "systemctl daemon-reload",
    ]
    # an upgrade of a hall whose server is set up: it runs the new program (if it ran); still nothing enabled
    upgraded = _postinst(tmp_path, "configure", "0.0.9", serve_env=True)
    assert upgraded[-1] == "systemctl try-restart counter-serve.service"
    assert not [call for call in upgraded if " enable" in call or " start" in call]
