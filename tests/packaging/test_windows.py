"""The Windows installer as a desk gets it, run under wine on an X server of the test's own (the release tier).

One build for the module (``scripts/build-windows.sh --python`` with this environment), one wine prefix in a
temporary folder (wine's first start there is slow, hence the release tier), the installer run silently (``/S``,
per machine, into ``C:\\Program Files\\counter``).  Then the installed program itself: ``counter-cli.exe``
for the commands, ``counter.exe`` (the Start-menu entry's) for the window, its interpreter for Qt's print route.

Wine 8 lacks two libraries every Windows 10 has, which the locked wheels use: ``icuuc.dll`` (Windows' own ICU,
which Qt 6's Core links for its legacy text codecs; Windows 10 1903 and later) and ``bcryptprimitives.dll``
(``ProcessPrng``, the random source of the Rust standard library in cryptography).  The test puts stand-ins into
the prefix's system32, built here with binutils: the ICU one answers "no such converter" (the desk uses UTF-8 alone),
the other fills the buffer from ``RtlGenRandom``.  Real Windows brings its own; only the Windows parts no wine
shows are listed in the README's "Where it runs".
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import counter
from tests.conftest import REPO
from tests.cups_server import running_cups

pytestmark = pytest.mark.slow

DAY = "2026-11-20"  # a working day, so that the demo's dates do not depend on when the test runs
INSTALLER = f"counter-{counter.__version__}-win-amd64-setup.exe"
START_MENU_ENTRY = "ProgramData/Microsoft/Windows/Start Menu/Programs/一件事一次办 综合受理窗口.lnk"
UNINSTALL_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\counter"

#: name: (exported functions, their shared body in AT&T assembly, the Windows libraries it calls)
STAND_INS: dict[str, tuple[list[str], str, list[str]]] = {
    # Windows' ICU: no converter is ever found, which Qt takes as "codec unavailable"
    "icuuc.dll": (
        [
            "ucnv_open",
            "ucnv_close",
            "ucnv_reset",
            "ucnv_getMaxCharSize",
            "ucnv_getName",
            "ucnv_getToUCallBack",
            "ucnv_getFromUCallBack",
            "ucnv_setToUCallBack",
            "ucnv_setFromUCallBack",
            "ucnv_cbToUWriteUChars",
            "ucnv_toUnicode",
            "ucnv_cbFromUWriteUChars",
            "ucnv_toUCountPending",
            "ucnv_fromUCountPending",
            "ucnv_getStandardName",
            "ucnv_getAvailableName",
            "ucnv_countAvailable",
            "ucnv_fromUnicode",
            "UCNV_FROM_U_CALLBACK_SUBSTITUTE",
            "UCNV_TO_U_CALLBACK_SUBSTITUTE",
        ],
        "xor %eax, %eax\n ret",
        [],
    ),
    # ProcessPrng(buffer, size) -> TRUE, by SystemFunction036 (RtlGenRandom)
    "bcryptprimitives.dll": (
        ["ProcessPrng"],
        "sub $40, %rsp\n call SystemFunction036\n add $40, %rsp\n mov $1, %eax\n ret",
        ["advapi32.dll"],
    ),
}
WINE_DLLS = Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows")


def stand_in(name: str, folder: Path) -> Path:
    """A PE library ``name`` exporting STAND_INS[name]'s functions, assembled and linked by binutils."""
    functions, body, imports = STAND_INS[name]
    stem = folder / name.removesuffix(".dll")
    labels = "".join(f".globl {function}\n{function}:\n" for function in functions)
    stem.with_suffix(".s").write_text(f".text\n.globl DllMain\nDllMain:\n mov $1, %eax\n ret\n{labels} {body}\n")
    stem.with_suffix(".def").write_text("EXPORTS\n" + "".join(f"  {function}\n" for function in functions))
    elf, coff, dll = stem.with_suffix(".elf.o"), stem.with_suffix(".o"), folder / name
    subprocess.run(["as", "--64", "-o", elf, stem.with_suffix(".s")], check=True)
    subprocess.run(["objcopy", "-O", "pe-x86-64", elf, coff], check=True)
    link: list[str | Path] = ["ld", "-m", "i386pep", "--dll", "--entry", "DllMain", "-o", dll, coff]
    subprocess.run([*link, stem.with_suffix(".def"), *(WINE_DLLS / library for library in imports)], check=True)
    return dll


@dataclass(frozen=True)
class Wine:
    prefix: Path
    env: dict[str, str]

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    def run(self, *args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
        """``wine args``, waiting for every process it started.  Output through pipes: wine gives Python an invalid
        handle for a regular file as its standard output."""
        done = subprocess.run(
            ["wine", *map(str, args)],
            env=self.env | env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=600,
            check=False,
        )
        self.wait()
        return done

    def wait(self) -> None:
        """Until the prefix's last process has ended (an uninstaller goes on in a copy of itself)."""
        subprocess.run(["wineserver", "-w"], env=self.env, check=True, timeout=600)

    def unix(self, windows_path: str) -> Path:
        assert windows_path[:3].upper() == "C:\\"
        return self.drive_c / windows_path[3:].replace("\\", "/")

    def data_folder(self) -> Path:
        """%LOCALAPPDATA%\\counter of the prefix's one user."""
        [user] = [path for path in (self.drive_c / "users").iterdir() if path.name != "Public"]
        return user / "AppData" / "Local" / "counter"


def windows(path: Path) -> str:
    """``path`` as the installed program sees it: wine's Z: is /."""
    return "Z:" + str(path).replace("/", "\\")


@pytest.fixture(scope="module")
def installer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("windows")
    script = REPO / "scripts" / "build-windows.sh"
    subprocess.run(["sh", str(script), "--python", sys.executable, "--out", str(out)], check=True, timeout=3600)
    return out / INSTALLER


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=[write],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()  # written once the server is ready
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory, display: str) -> Iterator[Wine]:
    prefix = tmp_path_factory.mktemp("wine") / "prefix"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COUNTER_", "QT_", "PYTHON", "CUPS_", "WINE")) and key != "VIRTUAL_ENV"
    }
    # Mono and Gecko would be offered from the network at the first start: neither is needed
    env |= {"WINEPREFIX": str(prefix), "WINEDEBUG": "-all", "WINEDLLOVERRIDES": "mscoree,mshtml=", "DISPLAY": display}
    subprocess.run(["wineboot", "-i"], env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=900, check=True)
    box = Wine(prefix, env)
    box.wait()
    # Debian's wine 8 makes a prefix that says it is Windows 7 (6.1.7601): a desk's is Windows 10 (wine's: 1903)
    assert box.run("winecfg", "-v", "win10").returncode == 0
    built = tmp_path_factory.mktemp("stand-ins")
    for name in STAND_INS:
        shutil.copy(stand_in(name, built), prefix / "drive_c" / "windows" / "system32" / name)
    yield box
    subprocess.run(["wineserver", "-k"], env=env, check=False)


@pytest.fixture(scope="module")
def installed(installer: Path, wine: Wine) -> Path:
    done = wine.run(installer, "/S")
    assert done.returncode == 0, done.stderr
    return wine.unix(r"C:\Program Files\counter")


def test_the_installer_holds_the_signed_python_the_libraries_the_app_and_both_starters(installed: Path) -> None:
    for name in ("counter.exe", "counter-cli.exe", "uninstall.exe", "python311.dll", "pythonw.exe", "LICENSE.txt"):
        assert (installed / name).is_file(), name
    assert (installed / "python311._pth").read_text().split() == [
        "python311.zip",
        ".",
        "Lib\\site-packages",
        "app",
    ]
    # the resources as the Linux build has them: every file of the checkout's, and the prepared first start
    shipped = REPO / "counter" / "resources"
    here = installed / "app" / "counter" / "resources"
    tracked = subprocess.run(
        ["git", "ls-files", "counter/resources"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in tracked:
        assert (installed / "app" / name).read_bytes() == (REPO / name).read_bytes(), name
    assert (here / "prepared" / "desk.sqlite3").read_bytes() == (shipped / "prepared" / "desk.sqlite3").read_bytes()
    pyside = installed / "Lib" / "site-packages" / "PySide6"
    assert (pyside / "Qt6Network.dll").is_file()  # the single-desk guard
    # Qt as the frozen build has it: no QML, Quick or Designer
    assert not [path.name for path in pyside.glob("*") if path.name.startswith(("Qt6Quick", "Qt6Qml", "designer"))]


def test_installed_it_names_its_version(wine: Wine, installed: Path) -> None:
    done = wine.run(installed / "counter-cli.exe", "--version")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"counter {counter.__version__}"
    assert lines[1].startswith("Python 3.11.")
    assert lines[1].endswith("(Windows AMD64)")


def test_installed_it_lists_the_103_bundles(wine: Wine, installed: Path, tmp_path: Path) -> None:
    done = wine.run(installed / "counter-cli.exe", "catalog", "list", COUNTER_HOME=windows(tmp_path / "home"))
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 103
    assert "我要开小餐馆" in done.stdout


def test_installed_it_makes_the_same_documents_byte_for_byte(wine: Wine, installed: Path, tmp_path: Path) -> None:
    windows_out, venv_out = tmp_path / "windows", tmp_path / "venv"
    done = wine.run(
        installed / "counter-cli.exe",
        *("demo", "--today", DAY, "--out", windows(windows_out)),
        COUNTER_HOME=windows(tmp_path / "windows-home"),
    )
    assert done.returncode == 0, done.stderr
    subprocess.run(
        [sys.executable, "-m", "counter", "demo", "--today", DAY, "--out", str(venv_out)],
        env={**os.environ, "COUNTER_HOME": str(tmp_path / "venv-home")},
        capture_output=True,
        check=True,
    )
    pdfs = sorted(path.name for path in venv_out.glob("*.pdf"))
    assert len(pdfs) >= 12
    assert sorted(path.name for path in windows_out.glob("*.pdf")) == pdfs
    different = [name for name in pdfs if (windows_out / name).read_bytes() != (venv_out / name).read_bytes()]
    assert different == []


def test_installed_the_window_starts_again_and_again(wine: Wine, installed: Path) -> None:
    """The Start-menu entry's program, twice, as every desk every morning: no error report from either start."""
    logs = wine.data_folder() / "logs"
    for start in ("first", "second"):
        done = wine.run(installed / "counter.exe", "--exit-when-ready")
        assert done.returncode == 0, f"{start} start: {done.stderr}"
        reports = {path.name: path.read_text(encoding="utf-8") for path in logs.glob("error-*.txt")}
        assert not reports, f"{start} start wrote error reports: {reports}"
    log = (logs / "counter.log").read_text(encoding="utf-8")
    assert log.count("desk app started") >= 2


PRINT_THROUGH_QT = """
import sys
from PySide6.QtWidgets import QApplication
from counter.printing.route import PrintRoute, print_route
from counter.ui.printing.qt_print import qt_submit

app = QApplication([])
assert print_route() is PrintRoute.QT, print_route()  # a Windows desk has no lp
with open(sys.argv[1], "rb") as pdf:
    print(qt_submit(pdf.read(), sys.argv[2], "counter receipt"))
"""


def test_installed_it_prints_through_qt_to_a_printer_queue(wine: Wine, installed: Path, tmp_path: Path) -> None:
    """Qt's print route (a desk without ``lp``), in the installed interpreter, to a printer wine takes from CUPS:
    Qt draws the PDF's pages through GDI, wine's PostScript driver sends them to the queue."""
    out = tmp_path / "pdf"
    subprocess.run(
        [sys.executable, "-m", "counter", "demo", "--today", DAY, "--out", str(out)],
        env={**os.environ, "COUNTER_HOME": str(tmp_path / "home")},
        capture_output=True,
        check=True,
    )
    receipt = sorted(out.glob("*-receipt.pdf"))[0]
    info = re.search(r"Pages:\s+(\d+)", subprocess.check_output(["pdfinfo", receipt], text=True))
    assert info is not None
    pages = int(info[1])
    script = tmp_path / "print_through_qt.py"
    script.write_text(PRINT_THROUGH_QT, encoding="utf-8")
    cups_root = tmp_path / "cups"
    cups_root.mkdir()
    with running_cups(cups_root) as cups:
        jobs = cups.add_queue("wine-desk")
        done = wine.run(installed / "python.exe", windows(script), windows(receipt), "wine-desk", **cups.env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "wine-desk"
        job = cups.wait_for_job(jobs)
    assert job.startswith(b"%!PS-Adobe-3.0\n%%Creator: Wine PostScript Driver\n%%Title: counter receipt\n")
    assert b"%%BeginFeature: *PageSize A4" in job
    assert job.count(b"\n%%Page: ") == pages


def test_silently_uninstalled_it_leaves_no_file(installer: Path, wine: Wine) -> None:
    """A second install, into a folder a technician chose (``/D``), then ``uninstall.exe /S``: the folder, the
    Start-menu entry and the Apps-and-features entry go; the desk's data stays."""
    # no space: wine quotes an argument holding one, and NSIS reads /D= only unquoted (a technician types it so)
    folder = r"C:\desk\counter"
    done = wine.run(installer, "/S", f"/D={folder}")
    assert done.returncode == 0, done.stderr
    installed = wine.unix(folder)
    assert (installed / "counter.exe").is_file()
    assert (wine.drive_c / START_MENU_ENTRY).is_file()
    registered = wine.run("reg", "query", UNINSTALL_KEY, "/v", "QuietUninstallString")
    assert f'"{folder}\\uninstall.exe" /S' in registered.stdout
    data = wine.data_folder()
    assert wine.run(installed / "counter-cli.exe", "catalog", "list").returncode == 0  # makes the data folder
    done = wine.run(installed / "uninstall.exe", "/S")
    assert done.returncode == 0, done.stderr
    assert not installed.exists()
    assert not (wine.drive_c / START_MENU_ENTRY).exists()
    assert wine.run("reg", "query", UNINSTALL_KEY).returncode != 0
    assert any(data.iterdir())


def test_on_a_windows_older_than_10_1903_it_refuses_and_writes_nothing(installer: Path, wine: Wine) -> None:
    """Wine told to be Windows 8.1: the silent installer ends with exit code 3, and puts no file and changes no entry
    (Qt's Core needs icuuc.dll, which Windows 10 has from 1903 on).  Wine is Windows 10 again afterwards."""
    folder = r"C:\old\counter"
    registered = wine.run("reg", "query", UNINSTALL_KEY).stdout  # another test's install may have its entry there
    assert wine.run("winecfg", "-v", "win81").returncode == 0
    try:
        done = wine.run(installer, "/S", f"/D={folder}")
    finally:
        assert wine.run("winecfg", "-v", "win10").returncode == 0
    assert done.returncode == 3, done.stderr
    assert not wine.unix(folder).exists()
    assert wine.run("reg", "query", UNINSTALL_KEY).stdout == registered


def test_the_build_stops_when_python_is_signed_by_another_certificate(tmp_path: Path) -> None:
    """The pinned signer is the one the embeddable Python's files must show: another fingerprint, no installer."""
    checkout = tmp_path / "checkout"
    windows_parts = [path.relative_to(REPO) for path in (REPO / "packaging" / "windows").iterdir()]
    for name in [Path("scripts/build-windows.sh"), Path("counter/__init__.py"), *windows_parts]:
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, checkout / name)
    pin = checkout / "packaging" / "windows" / "python-signer.sha256"
    pinned = pin.read_text().splitlines()[-1]
    pin.write_text(pin.read_text().replace(pinned, "00" + pinned[2:]))
    out = tmp_path / "out"
    script = checkout / "scripts" / "build-windows.sh"
    done = subprocess.run(
        ["sh", str(script), "--python", sys.executable, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 1
    assert "python.exe 的签名不是 packaging/windows/python-signer.sha256 记下的 Python 软件基金会证书" in done.stderr
    assert "Leaf hash match: failed" in done.stderr
    assert not list(out.iterdir())
