"""A hall server set up on a bare Debian 12 as the 运维手册 says: the .deb installed by apt-get, then docs/hall-setup.sh
(the manual's hall chapter, steps 1 to 8, command for command: tests/test_hall_setup_script.py), then two desks set
up by step 9 each take an intake at it.

The root is made by debootstrap once, in a cache folder outside the checkout (COUNTER_BUILD_CACHE, as the old-glibc
roots), and copied for each run, so every run starts from the bare system.  Needs root, debootstrap and the network
(Debian's mirror).  Two phases, each a chroot with /proc and /dev of its own:

1. with the network: ``apt-get install postgresql ./counter_….deb`` — the script's step 1, done first because
   what follows is cut off from every network but the hall's.  Nothing is started (policy-rc.d, as in any chroot).
2. the root booted: systemd as its PID 1, in namespaces of its own (processes, mounts, network, cgroups: a cgroup of
   its own under this machine's, removed after), its loopback carrying the hall's address 10.1.2.5 and
   ``/etc/hosts`` naming it ``hall-server`` (the hall's DNS).  In it, the script as the manual writes it, but for
   what a technician puts in (the .deb's file name, the password 密码), then the desks.  Its apt-get lines find
   everything installed; its ``systemctl`` is systemd's own, so the unit runs as it will at the hall
   (``Type=notify``, ``LoadCredential=``, ``EnvironmentFile=``, its sandbox), and ``systemctl enable --now`` returns
   once the server said it listens.
3. PostgreSQL stopped, the server restarted: its start fails, and ``journalctl -u counter-serve`` shows why in the
   one Chinese line the server wrote (the journal the manual names).

createuser and counter ask their passwords at a terminal: the script runs on a pseudo-terminal, each prompt
answered as a technician would.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import counter
from counter.host.database.database_faults import DbFault
from counter.server.start_faults import NOT_STARTED
from counter.words.at_command_line import fault_text
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
#: systemd as the root's PID 1, its namespaces made by unshare; $1 the root, a mount of its own (else systemd cannot
#: make a unit's sandbox: "Failed to set up mount namespacing") and shared, as a container manager leaves it (systemd
#: makes it so only outside a container; a unit's credentials, mounted in a namespace of their own, reach the unit
#: only through it).  /dev is a few nodes and a devpts of its own (no console: no getty, nothing written to this
#: machine's), /sys read-only, cgroups the namespace's own
BOOT = r"""set -e
ip link set lo up
ip addr add 10.1.2.5/32 dev lo
mount --bind "$1" "$1"
mount -t proc proc "$1/proc"
mount --rbind /sys "$1/sys"
mount -o remount,bind,ro "$1/sys"
mount -t cgroup2 cgroup2 "$1/sys/fs/cgroup"
mount -t tmpfs -o mode=0755,nosuid tmpfs "$1/dev"
for node in null zero full random urandom tty; do
    touch "$1/dev/$node"
    mount --bind "/dev/$node" "$1/dev/$node"
done
mkdir "$1/dev/pts" "$1/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$1/dev/pts"
ln -s pts/ptmx "$1/dev/ptmx"
ln -s /proc/self/fd "$1/dev/fd"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$1/dev/shm"
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$1/run"
mount --make-rshared "$1"
exec chroot "$1" /usr/bin/env -i container=counter-test /lib/systemd/systemd --log-target=journal
"""
#: how long the booted root may take to reach its default target, on a loaded machine
BOOT_S = 180.0


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


def in_root(root: Path, command: str) -> list[str]:
    """``command`` (sh) inside ``root``, with /proc and /dev and this machine's network: a chroot, nothing booted.
    Every process it starts ends with it (a PID namespace)."""
    inside = (
        'mount -t proc proc "$1/proc" && mount --rbind /dev "$1/dev" && cp /etc/resolv.conf "$1/etc/" && '
        + 'exec chroot "$1" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root LANG=C.UTF-8 '
        + 'TERM=dumb sh -ec "$2"'
    )
    return ["unshare", "--mount", "--pid", "--fork", "sh", "-c", inside, "sh", str(root), command]


def _cgroup2() -> Path:
    """Where this machine's cgroup2 hierarchy is mounted (the whole of /sys/fs/cgroup, or its ``unified`` part)."""
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        fields = line.split(" - ")
        if fields[1].startswith("cgroup2 "):
            return Path(fields[0].split()[4])
    pytest.fail("no cgroup2 hierarchy mounted: systemd cannot run here")


def _remove_cgroup(group: Path) -> None:
    """``group`` and every cgroup under it, the deepest first (a cgroup goes with rmdir alone, once empty)."""
    for path in sorted((p for p in group.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        path.rmdir()
    group.rmdir()


@contextmanager
def booted(root: Path) -> Iterator[Callable[[str], list[str]]]:
    """``root`` booted, systemd its PID 1, on the hall's network alone; the block is given how to run a command (sh)
    in it as root, as a technician at its console would.  Powered off after, every process of it ended."""
    group = _cgroup2() / f"counter-hall-{os.getpid()}"
    group.mkdir()
    # the namespace's cgroups are this one's: systemd makes its slices under it, never at this machine's top
    enter = f'echo $$ > {group}/cgroup.procs && exec "$@"'
    unshare = ["unshare", "--pid", "--fork", "--kill-child", "--mount", "--uts", "--ipc", "--net", "--cgroup"]
    machine = subprocess.Popen(["sh", "-c", enter, "sh", *unshare, "sh", "-c", BOOT, "sh", str(root)])
    try:
        init = _init_of(machine, root)

        def inside(command: str) -> list[str]:
            return [
                "nsenter", "--target", str(init), "--mount", "--uts", "--ipc", "--net", "--pid", "--cgroup",
                "--root", "--wd", "/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
                "HOME=/root", "LANG=C.UTF-8", "TERM=dumb", "SYSTEMD_PAGER=", "sh", "-ec", command,
            ]  # fmt: skip

        # its manager's socket first: until then systemctl has no one to ask
        socket = "until [ -S /run/systemd/private ]; do sleep 0.2; done; "
        waited = inside(socket + "systemctl is-system-running --wait || :")
        up = subprocess.run(waited, capture_output=True, text=True, timeout=BOOT_S, check=False)
        # degraded: a unit of the bare system that needs a machine of its own (udev, the ext4 scrub) failed
        assert up.stdout.strip() in ("running", "degraded"), up.stdout + up.stderr
        yield inside
    finally:
        with contextlib.suppress(ProcessLookupError, UnboundLocalError):
            os.kill(init, signal.SIGRTMIN + 4)  # systemd's poweroff
        try:
            machine.wait(timeout=120)
        except subprocess.TimeoutExpired:
            machine.kill()  # unshare's child, the root's PID 1, is killed with it (--kill-child): all of it ends
            machine.wait(timeout=30)
        _remove_cgroup(group)


def _init_of(machine: subprocess.Popen[bytes], root: Path) -> int:
    """The PID (this machine's) of ``machine``'s systemd, once it runs in ``root``."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert machine.poll() is None, f"the root did not boot ({machine.returncode})"
        for child in Path(f"/proc/{machine.pid}/task/{machine.pid}/children").read_text().split():
            with contextlib.suppress(OSError):  # not yet in the root, or gone
                if os.readlink(f"/proc/{child}/root") == str(root):
                    return int(child)
        time.sleep(0.2)  # a process's start: nothing to wait on but its exec
    pytest.fail("systemd did not start in the root within 60 s")


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
        in_root(root, f"cd /hall && apt-get update && apt-get install -y postgresql ./{deb.name}"),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
    passwd = (root / "etc" / "passwd").read_text()
    assert re.search(r"^counter:x:\d+:\d+:[^:]*:/var/lib/counter:/usr/sbin/nologin$", passwd, re.M)  # the .deb's
    assert not (root / "etc" / "systemd" / "system" / "multi-user.target.wants" / "counter-serve.service").exists()

    # 2: the root booted, the manual's chapter, then the desks, on the hall's network alone
    (root / "usr" / "sbin" / "policy-rc.d").unlink()  # the chroot's: a booted system starts what it is told to
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
    with booted(root) as inside:
        status, said = on_a_terminal(inside("sh /hall/drive.sh"), timeout=2400)
        if status != 0:  # what the units said is in the journal, not on the terminal
            journal = subprocess.run(
                inside("journalctl --no-pager -n 80 -u counter-serve.service -u postgresql@15-main.service"),
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            pytest.fail(said[-4000:] + "\n--- the journal ---\n" + journal.stdout[-6000:])
        assert "the script: done" in said
        # 3: PostgreSQL stopped, the server started again: the start fails, and the journal says why, under the unit
        fault = subprocess.run(
            inside(
                # the cluster's own unit: postgresql.service's stop returns before the cluster's has ended
                "systemctl stop postgresql@15-main.service postgresql.service\n"
                "if systemctl restart counter-serve.service; then echo 'started without its database'; exit 1; fi\n"
                "journalctl -u counter-serve.service --no-pager --output=cat"
            ),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    assert fault.returncode == 0, fault.stdout[-3000:] + fault.stderr[-3000:]
    # the server's own line, as the journal keeps each line of the unit's stderr
    assert NOT_STARTED.format(why=fault_text(DbFault.UNREACHABLE.value)) in fault.stdout.splitlines(), fault.stdout
    assert "Traceback" not in fault.stdout, fault.stdout[-3000:]
    # each desk's case, as its `case take --json` printed it (the case's first "case_no"; its papers name it again)
    taken = said.split("intake at desk 8:", 1)[-1].split("intake at desk 9:")
    case_numbers = [re.search(r'"case_no": "([^"]+)"', part) for part in taken]
    assert all(case_numbers), said[-6000:]
    at_8, at_9 = (found.group(1) for found in case_numbers if found)
    assert re.fullmatch(r"XAM01-\d{8}-08-\d{4}", at_8), at_8  # numbered by the hall for the desk it was taken at
    assert re.fullmatch(r"XAM01-\d{8}-09-\d{4}", at_9), at_9
