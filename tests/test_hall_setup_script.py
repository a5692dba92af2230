"""docs/hall-setup.sh is the 运维手册's set-up of a hall server (五, steps 1 to 8), command for command.

The script is what the release tier runs on a bare Debian 12 root (tests/packaging/test_hall_debian12.py); the manual
is what a technician reads.  Here the script's commands are rebuilt from the manual's shell blocks, in order, each
of the blocks the manual gives to postgres handed to postgres by ``runuser`` (never run as root: see step 2), and
must be the script's, so that neither can change without the other.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.conftest import REPO

MANUAL = REPO / "docs" / "install-and-operations.md"
SCRIPT = REPO / "docs" / "hall-setup.sh"
SECTION = "## 五、大厅的服务端和 PostgreSQL"
STEPS = range(1, 9)
#: the blocks (step, place in the step) the manual has the postgres user run
AS_POSTGRES = {(2, 0), (2, 1), (3, 0)}
#: what hands a block to postgres in the script: the block is the argument of as_postgres, word for word
#: a user and group id no account of this machine has, standing for postgres
POSTGRES_STAND_IN = 54321
OPEN, CLOSE = "as_postgres \"$(cat <<'AS_POSTGRES'\n", 'AS_POSTGRES\n)"\n'


def steps_of_the_manual() -> list[tuple[str, list[str]]]:
    """Each step's heading and its shell blocks, steps 1 to 8 of the manual's hall chapter."""
    manual = MANUAL.read_text(encoding="utf-8")
    part = manual[manual.index(SECTION) :]
    part = part[: part.index("\n## ", len(SECTION))]
    found = []
    for step in STEPS:
        start = part.index(f"\n### {step}. ")
        following = part.find("\n### ", start + 1)
        text = part[start:following] if following >= 0 else part[start:]
        heading = text.strip().splitlines()[0].removeprefix("### ")
        found.append((heading, re.findall(r"```sh\n(.*?\n)```", text, flags=re.S)))
    return found


def commands_from_the_manual() -> str:
    """The script's part after its header, as the manual's blocks make it."""
    out = []
    for step, (heading, blocks) in enumerate(steps_of_the_manual(), start=1):
        out.append(f"\n# {heading}\n")
        for place, block in enumerate(blocks):
            out.append(f"{OPEN}{block}{CLOSE}" if (step, place) in AS_POSTGRES else block)
    return "".join(out)


def test_the_script_is_the_manuals_commands_in_order() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    header, _, _ = script.partition("\n# 1. ")
    assert script == header + commands_from_the_manual()
    # the header runs nothing of its own: comments, and how a block is handed to postgres
    commands = [line for line in header.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert commands == ["set -e", "as_postgres() {", '    runuser -u postgres -- sh -ec "cd; $1"', "}"]


def test_the_postgres_blocks_are_the_ones_the_manual_gives_to_postgres() -> None:
    manual = MANUAL.read_text(encoding="utf-8")
    steps = steps_of_the_manual()
    assert "以 postgres" in steps[1][0]
    assert "以 root" in steps[0][0]
    # step 3: the certificates are made by postgres in its data folder, handed over by root
    assert "以 postgres，在数据库的数据目录里执行" in manual
    assert steps[2][1][0].startswith("cd /var/lib/postgresql/15/main\numask 077\nopenssl req")
    assert steps[2][1][1].startswith("mkdir -p /etc/counter\n")
    # pg_hba.conf: the manual says whose it is, and writes into the file postgres owns
    hba = steps[1][1][1]
    assert "mv pg_hba.conf" not in hba
    assert "cat > pg_hba.conf <<'END'" in hba
    assert "这一段同样\n**以 postgres** 执行" in manual


def test_the_pg_hba_block_run_as_root_leaves_the_file_postgres_may_read(tmp_path: Path) -> None:
    """The trap of step 2: its pg_hba.conf block run as root.  The file must stay its owner's (postgres's, here a
    stand-in's when the test runs as root) and 0640, or PostgreSQL cannot read it at its next start."""
    hba = steps_of_the_manual()[1][1][1]
    folder = tmp_path / "main"
    folder.mkdir()
    config = folder / "pg_hba.conf"
    config.write_text("local all all peer\n")
    config.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(config, POSTGRES_STAND_IN, POSTGRES_STAND_IN)
    owner = (config.stat().st_uid, config.stat().st_gid)
    script = hba.replace("/etc/postgresql/15/main", str(folder)).replace("psql -c", "true")  # no server here
    subprocess.run(["sh", "-ec", script], check=True)
    assert "hostssl  counter  counter   10.1.2.5/32      scram-sha-256" in config.read_text()
    assert (folder / "pg_hba.conf.debian").read_text() == "local all all peer\n"
    assert (config.stat().st_uid, config.stat().st_gid) == owner
    assert config.stat().st_mode & 0o777 == 0o640
