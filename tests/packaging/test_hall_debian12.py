"""A hall server set up on a bare Debian 12 as the 运维手册 says: the .deb installed by apt-get, then docs/hall-setup.sh
(the manual's hall chapter, steps 1 to 8, command for command: tests/test_hall_setup_script.py), then two desks set
up by step 9 each take an intake at it.

The root is made by debootstrap once, in a cache folder outside the checkout (COUNTER_BUILD_CACHE, as the old-glibc
roots), and copied for each run, so every run starts from the bare system.  Needs root, debootstrap and the network
(Debian's mirror).  Two phases, each a chroot with /proc and /dev of its own:

1. with the network: ``apt-get install postgresql ./counter_….deb`` — the script's step 1, done first because
   what follows is cut off from every network but the hall's.  Nothing is started (policy-rc.d, as in any chroot).
2. in a network namespace of its own, its loopback carrying the hall's address 10.1.2.5 and ``/etc/hosts`` naming
   it ``hall-server`` (the hall's DNS): the script as the manual writes it, but for what a technician puts in (the
   .deb's file name, the password 密码), then the desks.  Its apt-get lines find everything installed.  systemd does
   not run in a chroot: a stand-in ``systemctl`` does what systemd would for the script's three calls (restart
   PostgreSQL; start counter-serve.service as its unit says: ExecStart as User=, EnvironmentFile=, the key handed
   over as LoadCredential= does; its status).  The namespace's processes (PostgreSQL, the server) end with it.

createuser and counter ask their passwords at a terminal: the script runs on a pseudo-terminal, each prompt
answered as a technician would.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import counter
from tests.conftest import REPO

pytestmark = [pytest.mark.release, pytest.mark.slow]

SCRIPT = REPO / "docs" / "hall-setup.sh"
MANUAL = REPO / "docs" / "install-and-operations.md"
EXAMPLE = REPO / "docs" / "examples" / "intake-xiaocanguan.json"
MIRROR = "http://deb.debian.org/debian"
RECIPE = 1  # the root's recipe: a change to how it is made must give a new root
PASSWORD = "hall2026pg"  # the server's role's, the manual's 密码
ADMIN_PASSWORD = "wulan2026ok"  # every account's the script makes
#: the prompts createuser asks at (its role's password) and counter's (an account's), each answer
PROMPTS = (
    (re.compile(r"(Enter password for new role|Enter it again): $"), PASSWORD),
    (re.compile(r"(的密码|设定密码（[^）]*）|再输入一次)：$"), ADMIN_PASSWORD),
)
#: systemd's part in a root where systemd does not run: the script's three calls
SYSTEMCTL = r"""#!/bin/sh
set -e
case "$*" in
"restart postgresql")
    pg_ctlcluster 15 main stop 2>/dev/null || true
    exec pg_ctlcluster 15 main start ;;
"enable --now counter-serve.service")
    unit=/lib/systemd/system/counter-serve.service
    credentials=/run/credentials/counter-serve.service
    # as systemd hands them over: a folder only the service's user may read, whatever the caller's umask
    install -d -m 0755 /run/credentials
    install -d -o counter -m 0500 "$credentials"
    install -o counter -m 0400 "$(sed -n 's/^LoadCredential=[^:]*://p' "$unit")" "$credentials/hall-server.key"
    command=$(sed -n 's/^ExecStart=//p' "$unit" | sed "s|\${CREDENTIALS_DIRECTORY}|$credentials|")
    (set -a; . "$(sed -n 's/^EnvironmentFile=//p' "$unit")"; set +a
     exec runuser -u "$(sed -n 's/^User=//p' "$unit")" -- $command) > /var/log/counter-serve.log 2>&1 &
    for _ in $(seq 120); do
        ss -Hltn 'sport = :8443' | grep -q . && exit 0
        kill -0 $! 2>/dev/null || break
        sleep 1
    done
    cat /var/log/counter-serve.log >&2
    exit 1 ;;
"status counter-serve.service")
    ss -Hltnp 'sport = :8443' | grep -q counter ;;
*)
    echo "systemctl $*: not stood in for" >&2
    exit 1 ;;
esac
"""


def bare_root() -> Path:
    """Debian 12 as debootstrap makes it, made once in the cache folder."""
    cache = Path(os.environ.get("COUNTER_BUILD_CACHE", "/var/cache/counter-build"))
    root = cache / "bookworm-hall"
    if not (root / f".counter-hall-root-{RECIPE}").exists():
        shutil.rmtree(root, ignore_errors=True)
        part = cache / "bookworm-hall.part"
        shutil.rmtree(part, ignore_errors=True)
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["debootstrap", "bookworm", str(part), MIRROR], check=True, timeout=3600)
        part.rename(root)
        (root / f".counter-hall-root-{RECIPE}").touch()
    return root


def in_root(root: Path, command: str, *, hall_network: bool) -> list[str]:
    """``command`` (sh) inside ``root``, with /proc and /dev; in a network namespace of the hall's own, or this
    machine's.  Every process it starts ends with it (a PID namespace)."""
    network = (
        "ip link set lo up && ip addr add 10.1.2.5/32 dev lo && "
        if hall_network
        else 'cp /etc/resolv.conf "$1/etc/" && '
    )
    inside = (
        'mount -t proc proc "$1/proc" && mount --rbind /dev "$1/dev" && '
        + network
        + 'exec chroot "$1" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root LANG=C.UTF-8 '
        + 'TERM=dumb sh -ec "$2"'
    )
    namespaces = ["--net"] if hall_network else []
    return ["unshare", "--mount", "--pid", "--fork", *namespaces, "sh", "-c", inside, "sh", str(root), command]


def on_a_terminal(args: list[str], timeout: float) -> tuple[int, str]:
    """``args`` run on a pseudo-terminal, each password prompt answered; its status and everything it wrote."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the terminal is its own
        os.execvp(args[0], args)
    # a technician's terminal has a size: on one of none, psql pages a one-line answer
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    said = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([terminal], [], [], 1.0)
            if not ready:
                continue
            try:
                chunk = os.read(terminal, 4096)
            except OSError:  # the child closed the terminal: it ended
                break
            if not chunk:
                break
            said += chunk
            last = said.decode("utf-8", "replace").rsplit("\n", 1)[-1]
            for prompt, answer in PROMPTS:
                if prompt.search(last):
                    os.write(terminal, f"{answer}\n".encode())
                    said += b"\n"  # the answer is not echoed: the next prompt starts a line of its own
                    break
        else:
            os.kill(pid, 9)
            pytest.fail(f"still running after {timeout} s:\n{said.decode('utf-8', 'replace')[-4000:]}")
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(terminal)
    return os.waitstatus_to_exitcode(status), said.decode("utf-8", "replace")


def step_9() -> str:
    """The manual's step 9: a desk set up, as root and as the desk's own account."""
    manual = MANUAL.read_text(encoding="utf-8")
    part = manual[manual.index("\n### 9. 每个窗口接到服务端") :]
    [block] = re.findall(r"```sh\n(.*?\n)```", part[: part.index("\n### ", 1)], flags=re.S)
    return str(block)


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("offline")
    script = REPO / "scripts" / "build-offline.sh"
    subprocess.run(["sh", str(script), "--python", sys.executable, "--out", str(out)], check=True, timeout=1800)
    [built] = out.glob(f"counter_{counter.__version__}_*.deb")
    return built


@pytest.fixture
def root(tmp_path: Path) -> Iterator[Path]:
    """A copy of the bare root for this run, removed after it (with PostgreSQL installed, 1.4 GB)."""
    copy = tmp_path / "root"
    subprocess.run(["cp", "-a", "--reflink=auto", str(bare_root()), str(copy)], check=True)
    yield copy
    shutil.rmtree(copy, ignore_errors=True)


def test_on_a_bare_debian_12_the_manuals_chapter_gives_a_hall_whose_two_desks_take_an_intake(
    deb: Path, root: Path
) -> None:
    hall = root / "hall"  # the technician's folder: the .deb, the script, a desk's intake
    hall.mkdir()
    shutil.copy(deb, hall / deb.name)
    # each desk's applicant: the manual's example, the second with a request of its own (the same uid is the same
    # intake, which the hall takes once)
    request = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for desk, uid in (("8", request["uid"]), ("9", "9" * 32)):
        written = json.dumps({**request, "uid": uid}, ensure_ascii=False)
        (hall / f"intake-{desk}.json").write_text(written, encoding="utf-8")
    script = SCRIPT.read_text(encoding="utf-8")
    for theirs, ours in (("./counter_<版本>_amd64.deb", f"./{deb.name}"), ("密码", PASSWORD)):
        assert theirs in script
        script = script.replace(theirs, ours)
    (hall / "hall-setup.sh").write_text(script, encoding="utf-8")
    # nothing is started while packages are installed (in a chroot, it would be this machine's)
    (root / "usr" / "sbin" / "policy-rc.d").write_text("#!/bin/sh\nexit 101\n")
    (root / "usr" / "sbin" / "policy-rc.d").chmod(0o755)

    # 1: the packages, as step 1 installs them, over the network
    installed = subprocess.run(
        in_root(root, f"cd /hall && apt-get update && apt-get install -y postgresql ./{deb.name}", hall_network=False),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
    passwd = (root / "etc" / "passwd").read_text()
    assert re.search(r"^counter:x:\d+:\d+:[^:]*:/var/lib/counter:/usr/sbin/nologin$", passwd, re.M)  # the .deb's
    assert not (root / "etc" / "systemd" / "system" / "multi-user.target.wants" / "counter-serve.service").exists()

    # 2: the manual's chapter, then the desks, on the hall's network alone
    (root / "usr" / "local" / "bin" / "systemctl").write_text(SYSTEMCTL)
    (root / "usr" / "local" / "bin" / "systemctl").chmod(0o755)
    hosts = root / "etc" / "hosts"
    known = hosts.read_text() if hosts.exists() else ""
    hosts.write_text(known + ("" if "localhost" in known else "127.0.0.1 localhost\n") + "10.1.2.5 hall-server\n")
    desks = []
    for desk, clerk in (("8", "bater"), ("9", "wulan")):
        account = f"desk{desk}"
        commands = step_9().replace("--desk 8", f"--desk {desk}").replace("desk-8.key", f"desk-{desk}.key")
        root_line, desk_line = commands.strip().splitlines()
        desks.append(
            f"useradd --create-home {account}\n"
            f"{root_line}\n"
            f"runuser -u {account} -- {desk_line}\n"
            f"echo 'intake at desk {desk}:'\n"
            f"runuser -u {account} -- env COUNTER_PASSWORD={ADMIN_PASSWORD} counter --user {clerk} "
            f"case take /hall/intake-{desk}.json --json\n"
        )
    drive = (
        "set -e\n"
        "cd /hall\n"  # where the technician put the .deb
        "sh hall-setup.sh\n"
        "echo 'the script: done'\n"
        # step 7 for the second desk, then both keys carried to the desks (step 9's /media/usb)
        "set -a; . /etc/counter/serve.env; set +a\n"
        "cd\n"
        "umask 077\n"
        "runuser -u counter -- counter serve add-desk --desk 9 > desk-9.key\n"
        "umask 022\n"
        "mkdir -p /media/usb && cp /etc/counter/hall-ca.crt desk-8.key desk-9.key /media/usb/\n"
        "chmod 0644 /media/usb/*\n"
        "env -u COUNTER_DB_URL -u COUNTER_HOME sh -ec \"$(cat <<'DESKS'\n" + "".join(desks) + 'DESKS\n)"\n'
    )
    (hall / "drive.sh").write_text(drive, encoding="utf-8")
    status, said = on_a_terminal(in_root(root, "sh /hall/drive.sh", hall_network=True), timeout=2400)
    assert status == 0, said[-6000:]
    assert "the script: done" in said
    # each desk's case, as its `case take --json` printed it (the case's first "case_no"; its papers name it again)
    taken = said.split("intake at desk 8:", 1)[-1].split("intake at desk 9:")
    case_numbers = [re.search(r'"case_no": "([^"]+)"', part) for part in taken]
    assert all(case_numbers), said[-6000:]
    at_8, at_9 = (found.group(1) for found in case_numbers if found)
    assert re.fullmatch(r"XAM01-\d{8}-08-\d{4}", at_8), at_8  # numbered by the hall for the desk it was taken at
    assert re.fullmatch(r"XAM01-\d{8}-09-\d{4}", at_9), at_9
