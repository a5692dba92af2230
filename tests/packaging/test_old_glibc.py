"""The builds for the domestic systems' desks (Kylin V10: glibc 2.31, UOS 20: glibc 2.28), x86_64 and ARM64, each
tried inside the Debian 11 root it was built in (glibc 2.31; ARM64 under qemu-user-static): installed as root by its
install.sh, started twice on an X server, its demo printed byte for byte as this environment's, a receipt sent to a
CUPS queue, and uninstalled leaving nothing behind.

``scripts/build-offline.sh --target`` makes the root once, in a cache folder outside the checkout (minutes: Python
and SQLite are compiled there, for ARM64 cross-compiled on this machine), and freezes the program in it each time
(under qemu for ARM64, slower).  Root is
needed, for debootstrap and chroot.  Inside the root each run of the program is cut off the network (``unshare
--net``); this run's temporary folder and the X server's socket folder are bound into it at their own paths.
"""

from __future__ import annotations

import os
import re
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import counter
from tests.conftest import REPO
from tests.cups_server import Cups
from tests.packaging.desks import DAY, clean_env, differing_pdfs, files_under, offline, venv_demo

pytestmark = [pytest.mark.release, pytest.mark.slow]

ROOT_SCRIPT = REPO / "scripts" / "old-glibc-root.sh"
#: each target and the Debian architecture of its root
TARGETS = {"kylin-x86_64": "amd64", "kylin-arm64": "arm64"}
#: the newest glibc each target's desks may have: UOS 20's on x86_64, Kylin V10's on ARM64 (no PySide6 wheel for
#: ARM64 runs on 2.28)
NEWEST_GLIBC = {"kylin-x86_64": (2, 28), "kylin-arm64": (2, 31)}
#: where a system-wide install.sh puts things, inside the root
INSTALLED_PLACES = ("/opt", "/usr/local", "/usr/share/applications", "/usr/share/icons")


@dataclass(frozen=True)
class Root:
    """A target's build root, in which commands run as a desk's would (as root: the root has no other user)."""

    debarch: str
    path: Path
    binds: tuple[Path, ...]

    def run(self, *args: str | Path, timeout: float = 900, **env: str) -> subprocess.CompletedProcess[str]:
        binds = [part for folder in self.binds for part in ("--bind", str(folder))]
        command = ["sh", str(ROOT_SCRIPT), self.debarch, *binds, "--", "env", *(f"{k}={v}" for k, v in env.items())]
        return subprocess.run(
            [*command, "unshare", "--net", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def listing(self) -> set[str]:
        """Every file and folder in the places a system-wide install writes to, but fontconfig's ``.uuid`` marks,
        which any program using fonts run as root (as here) leaves in each font folder it may write to."""
        return {
            str(path.relative_to(self.path))
            for place in INSTALLED_PLACES
            for path in [self.path / place.lstrip("/"), *(self.path / place.lstrip("/")).rglob("*")]
            if path.name != ".uuid"
        }


@dataclass(frozen=True)
class Built:
    target: str
    archive: Path
    deb: Path
    tree: Path  # the archive unpacked


@pytest.fixture(scope="module", params=list(TARGETS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    target: str = request.param
    out = tmp_path_factory.mktemp(target)
    script = REPO / "scripts" / "build-offline.sh"
    subprocess.run(["sh", str(script), "--target", target, "--out", str(out)], check=True, timeout=7200)
    [archive] = out.glob(f"counter-{counter.__version__}-{target}.tar.gz")
    [deb] = out.glob(f"counter_{counter.__version__}_{target}.deb")
    with tarfile.open(archive) as tar:
        tar.extractall(out / "unpacked", filter="tar")
    [tree] = (out / "unpacked").iterdir()
    return Built(target, archive, deb, tree)


@pytest.fixture(scope="module")
def x_server() -> Iterator[str]:
    """An X server on this machine, reached from inside the root through its socket in /tmp/.X11-unix."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1366x768x24"], pass_fds=(write,)
    )
    os.close(write)
    with os.fdopen(read) as displayfd:
        display = displayfd.readline().strip()
    assert display, "Xvfb did not start"
    try:
        yield f":{display}"
    finally:
        server.terminate()
        server.wait(timeout=15)


@dataclass(frozen=True)
class Desk:
    root: Root
    before: set[str]  # the installed places' files before install.sh ran


@pytest.fixture(scope="module")
def desk(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Desk:
    """The archive installed system-wide in its root, as a hall's technician does: ``sh install.sh`` as root."""
    path = Path(
        subprocess.run(
            ["sh", str(ROOT_SCRIPT), TARGETS[built.target]], capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    root = Root(TARGETS[built.target], path, (tmp_path_factory.getbasetemp(), Path("/tmp/.X11-unix")))
    if (path / "opt" / "counter").exists():  # an earlier run stopped before its uninstall
        root.run("sh", "/opt/counter/uninstall.sh", "--quiet")
    before = root.listing()
    done = root.run("sh", built.tree / "install.sh")
    assert done.returncode == 0, done.stderr
    return Desk(root, before)


def test_it_asks_for_no_newer_glibc_than_the_desks_have(built: Built) -> None:
    """UOS 20's 2.28 on x86_64 (the root's 2.31 came only with symbols it is built to leave aside), Kylin V10's 2.31
    on ARM64; the newest symbol version its files name is what install.sh checks against."""
    needed = re.search(r"^GLIBC_NEEDED=(\S+)", (built.tree / "install.sh").read_text(encoding="utf-8"), re.M)
    assert needed is not None
    assert tuple(map(int, needed[1].split("."))) <= NEWEST_GLIBC[built.target]


def test_installed_it_names_its_version(desk: Desk) -> None:
    done = desk.root.run("counter", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"counter {counter.__version__}"


def test_installed_the_window_starts_twice_with_no_error_report(desk: Desk, x_server: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    logs = home / ".local" / "share" / "counter" / "logs"
    for start in ("first", "second"):
        done = desk.root.run("/opt/counter/counter", "--exit-when-ready", HOME=str(home), DISPLAY=x_server)
        assert done.returncode == 0, f"{start} start: {done.stderr}"
        reports = {path.name: path.read_text(encoding="utf-8") for path in logs.glob("error-*.txt")}
        assert not reports, f"{start} start wrote error reports: {reports}"
    assert (logs / "counter.log").read_text(encoding="utf-8").count("desk app started") >= 2


def test_installed_it_makes_the_same_documents_as_debian_12(desk: Desk, tmp_path: Path) -> None:
    frozen, venv = tmp_path / "frozen", tmp_path / "venv"
    done = desk.root.run(
        "counter", "demo", "--today", DAY, "--out", frozen, HOME=str(tmp_path), COUNTER_HOME=str(tmp_path / "desk")
    )
    assert done.returncode == 0, done.stderr
    venv_demo(venv, tmp_path / "venv-home")
    assert differing_pdfs(frozen, venv) == []


def test_installed_it_prints_to_a_cups_queue(desk: Desk, cups: Cups, tmp_path: Path) -> None:
    """Through the root's own ``lp`` to this machine's CUPS server, whose socket is in the bound temporary folder."""
    jobs = cups.add_queue(f"old-glibc-{desk.root.debarch}")
    home = str(tmp_path / "desk")
    done = desk.root.run(
        "counter", "demo", "--today", DAY, "--out", tmp_path / "pdf", HOME=str(tmp_path), COUNTER_HOME=home
    )
    assert done.returncode == 0, done.stderr
    receipt = sorted((tmp_path / "pdf").glob("*-receipt.pdf"))[0]
    case_no = receipt.name.removesuffix("-receipt.pdf")
    done = desk.root.run(
        "counter",
        "print",
        case_no,
        "--doc",
        "receipt",
        "--printer",
        jobs.name,
        "--today",
        DAY,
        HOME=str(tmp_path),
        COUNTER_HOME=home,
        CUPS_SERVER=cups.env["CUPS_SERVER"],
    )
    assert done.returncode == 0, done.stderr
    assert cups.wait_for_job(jobs) == receipt.read_bytes()


@pytest.mark.parametrize("built", ["kylin-x86_64"], indirect=True)
def test_the_x86_64_build_runs_on_debian_12_too(built: Built, tmp_path: Path) -> None:
    """The same archive on this machine's newer system (glibc 2.36), where its libraries meet newer ones: installed
    for a user with no network, it names its version, starts on an X server and makes the demo's PDFs alike."""
    home = tmp_path / "home"
    home.mkdir()
    done = offline(["sh", built.tree / "install.sh", "--user"], clean_env(home))
    assert done.returncode == 0, done.stderr
    program = home / ".local" / "opt" / "counter" / "counter"
    done = offline([program, "--version"], clean_env(home))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"counter {counter.__version__}"
    done = offline(["xvfb-run", "-a", program, "--exit-when-ready"], clean_env(home))
    assert done.returncode == 0, done.stderr
    assert not list((home / ".local" / "share" / "counter" / "logs").glob("error-*.txt"))
    frozen, venv = tmp_path / "frozen", tmp_path / "venv"
    done = offline(
        [program, "demo", "--today", DAY, "--out", frozen], clean_env(home, COUNTER_HOME=str(tmp_path / "d"))
    )
    assert done.returncode == 0, done.stderr
    venv_demo(venv, tmp_path / "venv-home")
    assert differing_pdfs(frozen, venv) == []


def test_uninstalled_nothing_it_put_is_left(desk: Desk, tmp_path: Path) -> None:
    """Last of the module's tests (pytest runs a file's tests in order): the root goes back as it was."""
    home = tmp_path / "home"
    home.mkdir()
    assert desk.root.run("counter", "catalog", "list", HOME=str(home)).returncode == 0
    done = desk.root.run("sh", "/opt/counter/uninstall.sh", HOME=str(home))
    assert done.returncode == 0, done.stderr
    assert desk.root.listing() == desk.before
    assert ".local/share/counter/counter.sqlite3" in files_under(home)  # the desk's data stays
