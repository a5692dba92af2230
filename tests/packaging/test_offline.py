"""The offline installer as a township centre gets it: built from this checkout, installed and run with no network.

One build for the module (``scripts/build-offline.sh --python`` with this environment): PyInstaller, then some 230 MB
compressed twice, for the archive and the ``.deb`` — about two minutes on two free cores.  Every run of the installed
program is cut off the network (``unshare -n``) and sees a fresh home, a clean environment (no PYTHONPATH, no
virtual environment on PATH, no Qt platform chosen) and ``/`` as its working folder, so nothing can come from the
checkout or this environment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import counter
from tests.conftest import REPO
from tests.cups_server import Cups
from tests.fcitx_desktop import fcitx_desktop, set_up_desk, type_applicant_name
from tests.packaging.desks import DAY, clean_env, differing_pdfs, files_under, offline, venv_demo

pytestmark = pytest.mark.slow

ICON_SIZES = (16, 32, 48, 64, 128, 256)
#: the systemd units of the services a hall runs (packaging/linux), as installed
SERVICE_UNITS = sorted(p.name for p in (REPO / "packaging" / "linux").glob("counter-*.*"))
# What the frozen program takes from the machine: what a desktop has (packaging/linux/system-libraries.txt, the
# AppImage project's exclude list), and a Wayland session's own libraries.  Everything else is inside it.
SYSTEM_LIBRARIES = {
    line.strip()
    for line in (REPO / "packaging" / "linux" / "system-libraries.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
FROM_THE_SYSTEM = SYSTEM_LIBRARIES | {"libwayland-cursor.so.0", "libwayland-egl.so.1"}
# Missing here is harmless: a Wayland session has them, an X11 session never loads the Wayland plugins.
MAY_BE_MISSING = {"libwayland-client.so.0", "libwayland-cursor.so.0", "libwayland-egl.so.1"}


@dataclass(frozen=True)
class Built:
    archive: Path
    deb: Path
    tree: Path  # the archive unpacked


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("offline")
    script = REPO / "scripts" / "build-offline.sh"
    subprocess.run(["sh", str(script), "--python", sys.executable, "--out", str(out)], check=True, timeout=1800)
    [archive] = out.glob(f"counter-{counter.__version__}-linux-*.tar.gz")
    [deb] = out.glob(f"counter_{counter.__version__}_*.deb")
    with tarfile.open(archive) as tar:
        tar.extractall(out / "unpacked", filter="tar")
    [tree] = (out / "unpacked").iterdir()
    return Built(archive, deb, tree)


@dataclass(frozen=True)
class Installed:
    home: Path
    prefix: Path
    link: Path

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return offline([self.prefix / "counter", *args], clean_env(self.home, **env))


def install_for_user(built: Built, home: Path) -> Installed:
    home.mkdir()
    done = offline(["sh", built.tree / "install.sh", "--user"], clean_env(home))
    assert done.returncode == 0, done.stderr
    return Installed(home, home / ".local" / "opt" / "counter", home / ".local" / "bin" / "counter")


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("desk")
    yield install_for_user(built, root / "home")
    shutil.rmtree(root, ignore_errors=True)


def test_the_archive_holds_the_program_its_desktop_entry_icons_and_licences(built: Built) -> None:
    tree = built.tree
    assert built.archive.name == f"counter-{counter.__version__}-linux-{os.uname().machine}.tar.gz"
    assert (tree / "app" / "counter").stat().st_mode & 0o111
    desktop = (tree / "share" / "applications" / "counter.desktop").read_text(encoding="utf-8").splitlines()
    for line in ("Name=一件事一次办 综合受理窗口", "Name[en]=counter", "Icon=counter", "Categories=Office;"):
        assert line in desktop
    for size in ICON_SIZES:
        assert (tree / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "counter.png").is_file()
    assert (tree / "share" / "icons" / "hicolor" / "scalable" / "apps" / "counter.svg").is_file()
    assert (tree / "LICENSE").read_text(encoding="utf-8") == (REPO / "LICENSE").read_text(encoding="utf-8")
    licences = files_under(tree / "licenses")
    assert {"THIRD-PARTY.md", "LGPL-3.0.txt", "fonts/wqy-microhei.COPYRIGHT", "debian/LIBRARIES.txt"} <= licences
    assert "fonts/plangothic.COPYRIGHT" in licences  # the OFL's text travels with the font it licenses
    # every library taken from this machine is named with its package, whose copyright file comes along
    listed = (tree / "licenses" / "debian" / "LIBRARIES.txt").read_text(encoding="utf-8").splitlines()[4:]
    assert any(line.startswith("libxcb-cursor.so.0 ") for line in listed)
    for line in listed:
        library, package, _ = line.split()
        assert (tree / "app" / "_internal" / library).exists()
        assert f"debian/{package}.copyright" in licences
    # no GPL library slips in with Python's interactive line editing
    assert not list((tree / "app" / "_internal").glob("libreadline*"))


def taken_from_the_system(tree: Path) -> dict[str, str]:
    """Each library the frozen program's files load from outside it, and where this machine has it."""
    internal = tree / "app" / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}  # as the program's loader sets it
    taken: dict[str, str] = {}
    for path in [*internal.rglob("*.so*"), tree / "app" / "counter"]:
        if path.is_symlink() or not path.is_file():
            continue
        listing = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True, check=False).stdout
        for name, found in re.findall(r"^\s*(\S+) => (.+?)(?: \(0x[0-9a-f]+\))?$", listing, re.MULTILINE):
            if not found.startswith(str(internal)):
                taken.setdefault(name, found)
    return taken


def test_it_takes_from_the_machine_only_what_a_desktop_has(built: Built) -> None:
    """Qt's X11 libraries beyond the X client (libxcb-cursor0, which Qt 6.5 needs, and the rest) are inside; the
    libraries every desktop has are not, so that nothing the process loads from the system meets an older copy."""
    internal = built.tree / "app" / "_internal"
    taken = taken_from_the_system(built.tree)
    assert set(taken) <= FROM_THE_SYSTEM, {name: taken[name] for name in set(taken) - FROM_THE_SYSTEM}
    assert {name for name, found in taken.items() if found == "not found"} <= MAY_BE_MISSING
    for name in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"):
        assert (internal / name).exists()
    carried = {path.name for path in internal.rglob("*.so*")} & SYSTEM_LIBRARIES
    assert not carried, carried


def test_installed_with_no_network_it_names_its_version(installed: Installed) -> None:
    done = offline([installed.link, "--version"], clean_env(installed.home))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"counter {counter.__version__}"
    assert installed.link.resolve() == (installed.prefix / "counter").resolve()


def test_installed_the_window_starts_on_an_x_server_again_and_again(installed: Installed) -> None:
    """Started twice, as every desk is every morning: the second start meets the first one's files (its database,
    the single-desk guard's socket name) and must come up as cleanly, with no error report written by either."""
    logs = installed.home / ".local" / "share" / "counter" / "logs"
    for start in ("first", "second"):
        done = offline(["xvfb-run", "-a", installed.prefix / "counter", "--exit-when-ready"], clean_env(installed.home))
        assert done.returncode == 0, f"{start} start: {done.stderr}"
        reports = {path.name: path.read_text(encoding="utf-8") for path in logs.glob("error-*.txt")}
        assert not reports, f"{start} start wrote error reports: {reports}"
    log = (logs / "counter.log").read_text(encoding="utf-8")
    assert log.count("desk app started") >= 2
    assert "Qt has no catalogue" not in log  # Qt's own buttons read 确定 / 取消 there too


def test_installed_a_name_typed_in_pinyin_reaches_the_intake_in_hanzi(installed: Installed, tmp_path: Path) -> None:
    """A Kylin desk's session (tests/fcitx_desktop.py: fcitx5 with pinyin, ``QT_IM_MODULE=fcitx``): the program
    carries Qt's IBus plugin, and reaches fcitx5 through its IBus frontend (counter/ui/keyboard/input_method.py)."""
    home = tmp_path / "home"
    home.mkdir()
    program = ["unshare", "--net", str(installed.prefix / "counter")]
    env = clean_env(home)
    set_up_desk(program, env)
    with fcitx_desktop(home) as desktop:
        data = home / ".local" / "share" / "counter"
        name = type_applicant_name(desktop, program, env, data / "counter.sqlite3", "王小明")
    assert name == "王小明"
    assert not list((data / "logs").glob("error-*.txt"))


def test_installed_it_lists_the_103_bundles(installed: Installed) -> None:
    done = installed.run("catalog", "list")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 103
    assert "我要开小餐馆" in done.stdout


def test_installed_it_makes_the_same_documents_byte_for_byte(installed: Installed, tmp_path: Path) -> None:
    frozen_out, venv_out = tmp_path / "frozen", tmp_path / "venv"
    done = installed.run("demo", "--today", DAY, "--out", str(frozen_out), COUNTER_HOME=str(tmp_path / "frozen-home"))
    assert done.returncode == 0, done.stderr
    venv_demo(venv_out, tmp_path / "venv-home")
    assert differing_pdfs(frozen_out, venv_out) == []


def test_installed_it_finds_its_files_inside_its_own_folder(installed: Installed, tmp_path: Path) -> None:
    font = installed.prefix / "_internal" / "counter" / "resources" / "fonts" / "hanamin-a-rare.ttf"
    kept = tmp_path / font.name
    shutil.move(font, kept)
    try:
        done = installed.run("catalog", "list")
    finally:
        shutil.move(kept, font)
    assert done.returncode == 1
    assert "字体文件 hanamin-a-rare.ttf 不存在" in done.stderr  # the path: on the command line and in the log


def test_installed_it_prints_through_cups_with_the_machines_own_libraries(
    installed: Installed, cups: Cups, tmp_path: Path
) -> None:
    """``lp`` runs with the desk's library path, not the program's (whose libz or libxcb could break it)."""
    jobs = cups.add_queue("frozen-desk")
    shims = tmp_path / "bin"
    shims.mkdir()
    seen = tmp_path / "seen"
    for tool in ("lp", "lpstat"):  # each records its environment, then is the real client
        shim = shims / tool
        shim.write_text(f'#!/bin/sh\necho "${{LD_LIBRARY_PATH-unset}}" >> {seen}\nexec /usr/bin/{tool} "$@"\n')
        shim.chmod(0o755)
    home = str(tmp_path / "home")
    done = installed.run("demo", "--today", DAY, "--out", str(tmp_path / "pdf"), COUNTER_HOME=home)
    assert done.returncode == 0, done.stderr
    receipt = sorted((tmp_path / "pdf").glob("*-receipt.pdf"))[0]
    case_no = receipt.name.removesuffix("-receipt.pdf")
    env = {"COUNTER_HOME": home, "CUPS_SERVER": cups.env["CUPS_SERVER"], "PATH": f"{shims}:/usr/bin:/bin"}
    # the demo's cases are in the training database, which --today opens
    done = installed.run("print", case_no, "--doc", "receipt", "--printer", "frozen-desk", "--today", DAY, **env)
    assert done.returncode == 0, done.stderr
    assert cups.wait_for_job(jobs) == receipt.read_bytes()
    assert set(seen.read_text().split()) == {"unset"}


def test_uninstall_removes_everything_it_put_and_keeps_the_data(built: Built, tmp_path: Path) -> None:
    desk = install_for_user(built, tmp_path / "home")
    assert desk.run("catalog", "list").returncode == 0  # the data folder: ~/.local/share/counter
    kept = (".local/share/counter/", ".local/state/counter/")  # the data, and the notes of issued numbers
    data = {name for name in files_under(desk.home) if name.startswith(kept)}
    assert ".local/share/counter/counter.sqlite3" in data
    done = offline(["sh", desk.prefix / "uninstall.sh"], clean_env(desk.home))
    assert done.returncode == 0, done.stderr
    assert "数据文件夹没有删除" in done.stdout
    assert files_under(desk.home) == data
    folders = {str(path.relative_to(desk.home)) for path in desk.home.rglob("*") if path.is_dir()}
    assert {folder for folder in folders if not folder.startswith(tuple(k.rstrip("/") for k in kept))} == {
        ".local",
        ".local/share",
        ".local/state",
    }


def test_as_root_it_installs_for_every_desk_user_and_uninstalls(built: Built, tmp_path: Path) -> None:
    """The system-wide places, each a scratch folder mounted over the real one for this test's processes only."""
    places = {
        "/opt": "opt",
        "/usr/local/bin": "bin",
        "/usr/local/lib": "lib",
        "/usr/share/applications": "apps",
        "/usr/share/icons": "icons",
    }
    for folder in places.values():
        (tmp_path / folder).mkdir()
    mounts = " && ".join(f"mount --bind {tmp_path / folder} {place}" for place, folder in places.items())

    def as_root(command: str) -> subprocess.CompletedProcess[str]:
        script = f"{mounts} && {command}"
        env = clean_env(tmp_path / "root-home")
        return subprocess.run(
            ["unshare", "--mount", "--net", "sh", "-c", script], env=env, capture_output=True, text=True, check=False
        )

    done = as_root(f"sh {built.tree / 'install.sh'} && counter --version")
    assert done.returncode == 0, done.stderr
    assert f"counter {counter.__version__}" in done.stdout.splitlines()
    assert os.readlink(tmp_path / "bin" / "counter") == "/opt/counter/counter"
    assert 'Exec="/opt/counter/counter"' in (tmp_path / "apps" / "counter.desktop").read_text(encoding="utf-8")
    assert (tmp_path / "icons" / "hicolor" / "48x48" / "apps" / "counter.png").is_file()
    assert (tmp_path / "opt" / "counter" / "licenses" / "THIRD-PARTY.md").is_file()
    # the services' units, in systemd's place for hand-installed units, naming the installed program
    units = tmp_path / "lib" / "systemd" / "system"
    assert sorted(p.name for p in units.iterdir()) == SERVICE_UNITS
    assert "ExecStart=/opt/counter/counter messages send" in (units / "counter-sms@.service").read_text("utf-8")

    done = as_root("sh /opt/counter/uninstall.sh")
    assert done.returncode == 0, done.stderr
    assert [list((tmp_path / folder).iterdir()) for folder in places.values()] == [[], [], [], [], []]


def test_on_an_older_system_install_refuses_and_changes_nothing(built: Built, tmp_path: Path) -> None:
    shims = tmp_path / "bin"
    shims.mkdir()
    getconf = shims / "getconf"  # the glibc of Kylin V10 (Ubuntu 20.04's)
    getconf.write_text('#!/bin/sh\n[ "$1" = GNU_LIBC_VERSION ] && echo "glibc 2.31" || exec /usr/bin/getconf "$@"\n')
    getconf.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    done = offline(["sh", built.tree / "install.sh", "--user"], clean_env(home, PATH=f"{shims}:/usr/bin:/bin"))
    assert done.returncode == 1
    assert "本程序需要 glibc 2." in done.stderr
    assert "本机是 2.31" in done.stderr
    assert list(home.iterdir()) == []


def installed_package_names(field: str) -> set[str]:
    """The package names of a Depends field (versions dropped, every alternative kept)."""
    return {m[0] for m in (re.match(r"[a-z0-9][a-z0-9.+-]+", part.strip()) for part in re.split(r"[,|]", field)) if m}


def test_the_debs_depends_bring_every_library_it_takes_from_the_system(built: Built) -> None:
    """On a minimal system the package manager brings what the program loads from the machine: each library it
    takes (but a Wayland session's own) is in a package its Depends names, or one those need in turn (as this
    machine's installed packages say)."""
    fields = subprocess.run(["dpkg-deb", "-f", str(built.deb), "Depends"], capture_output=True, text=True, check=True)
    brought: set[str] = set()
    queue = installed_package_names(fields.stdout)
    while queue:
        package = queue.pop()
        brought.add(package)
        needs = subprocess.run(
            ["dpkg-query", "-W", "-f=${Depends}, ${Pre-Depends}", package], capture_output=True, text=True, check=False
        )
        queue |= installed_package_names(needs.stdout) - brought
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    owners: dict[str, str] = {}
    for name in set(taken_from_the_system(built.tree)) - MAY_BE_MISSING:
        found = subprocess.run(["dpkg", "-S", f"*/{name}"], capture_output=True, text=True, check=True).stdout
        # this machine's own copy, not a cross compiler's (libc6-arm64-cross names no architecture)
        [owners[name]] = {line.split(":", 1)[0] for line in found.splitlines() if f":{arch}: " in line}
    assert {name: owner for name, owner in owners.items() if owner not in brought} == {}


def test_the_deb_puts_the_same_program_in_opt_counter(built: Built, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(built.deb), str(root)], check=True)
    fields = subprocess.run(["dpkg-deb", "-f", str(built.deb)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Depends: libc6 \(>= 2\.\d+\), .*\blibegl1, .*\blibfontconfig1, .*\blibxcb1\b", fields, re.M)
    assert f"Version: {counter.__version__}" in fields.splitlines()
    assert os.readlink(root / "usr" / "bin" / "counter") == "/opt/counter/counter"
    desktop = (root / "usr" / "share" / "applications" / "counter.desktop").read_text(encoding="utf-8")
    assert "Exec=/opt/counter/counter" in desktop.splitlines()
    assert (root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "counter.png").is_file()
    units = root / "lib" / "systemd" / "system"
    assert sorted(p.name for p in units.iterdir()) == SERVICE_UNITS
    assert "ExecStart=/opt/counter/counter audit seal" in (units / "counter-seal@.service").read_text("utf-8")
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "-e", str(built.deb), str(control)], check=True)
    checked = subprocess.run(["md5sum", "--quiet", "-c", str(control / "md5sums")], cwd=root, check=False)
    assert checked.returncode == 0
    # the hall server's user and folders, made by the package's postinst; the service enabled by no one
    deb = REPO / "packaging" / "linux" / "deb"
    for made, source in (("sysusers.d", "counter.sysusers"), ("tmpfiles.d", "counter.tmpfiles")):
        assert (root / "usr" / "lib" / made / "counter.conf").read_bytes() == (deb / source).read_bytes()
    # the 运维手册's hall set-up, for the technician
    assert (root / "usr" / "share" / "doc" / "counter" / "hall-setup.sh").read_bytes() == (
        REPO / "docs" / "hall-setup.sh"
    ).read_bytes()
    for script in ("postinst", "postrm"):
        assert (control / script).read_bytes() == (deb / script).read_bytes()
        assert (control / script).stat().st_mode & 0o111

    env = clean_env(tmp_path / "home")
    version = offline([root / "opt" / "counter" / "counter", "--version"], env)
    assert version.returncode == 0, version.stderr
    assert version.stdout.splitlines()[0] == f"counter {counter.__version__}"
    listed = offline([root / "opt" / "counter" / "counter", "catalog", "list"], env)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 103
