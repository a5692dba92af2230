"""The wheel, as a technician installs it: in a fresh virtual environment, from a folder of wheels, no network.

Started from ``/`` so that nothing is found through the checkout: the catalog, the fonts and the migrations must
come out of the installed package.  Building the wheel folder and installing Qt takes about a minute.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

DAY = "2026-11-20"  # a working day, so that the demo's dates do not depend on when the test runs


@dataclass(frozen=True)
class Installed:
    bin: Path
    package: Path  # the installed counter package
    home: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = _outside_env() | {"COUNTER_HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen", "PIP_NO_INDEX": "1"}
        command = [str(self.bin / "counter"), *args]
        return subprocess.run(command, cwd="/", env=env, capture_output=True, text=True, timeout=300, check=False)


def _outside_env() -> dict[str, str]:
    """The environment without what would lead Python or the app back to the checkout."""
    leads_back = {"COUNTER_RESOURCES", "PYTHONPATH", "COUNTER_DB_URL", "VIRTUAL_ENV"}
    return {key: value for key, value in os.environ.items() if key not in leads_back}


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheels")
    env = {**os.environ, "COUNTER_PYTHON": sys.executable, "COUNTER_NO_BUILD_ISOLATION": "1"}
    subprocess.run(["sh", str(REPO / "scripts" / "build-wheels.sh"), str(out)], env=env, check=True, timeout=600)
    return out


def test_two_builds_at_once_in_one_checkout_both_make_the_wheel(tmp_path: Path) -> None:
    """Two wheel folders built together from this checkout (two terminals, or two test workers each building this
    module's folder): pip builds counter's wheel in the checkout's build/ folder, and the second failed on the
    first one's files there ("File exists" in build/bdist…).  The script takes its turn."""
    env = {**os.environ, "COUNTER_PYTHON": sys.executable, "COUNTER_NO_BUILD_ISOLATION": "1"}
    script = str(REPO / "scripts" / "build-wheels.sh")
    builds = [
        subprocess.Popen(["sh", script, str(tmp_path / name)], env=env, stderr=subprocess.PIPE, text=True)
        for name in ("one", "two")
    ]
    said = [build.communicate(timeout=600)[1] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], said
    assert all(len(list((tmp_path / name).glob("counter-*.whl"))) == 1 for name in ("one", "two"))


@pytest.fixture(scope="module")
def installed(wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("desk")
    venv.EnvBuilder(with_pip=True).create(root / "venv")
    python = root / "venv" / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links", str(wheelhouse), "counter"],
        env=_outside_env(),  # with the checkout on PYTHONPATH pip would call counter installed already
        check=True,
        timeout=600,
    )
    found = subprocess.run(
        [str(python), "-c", "import counter, pathlib; print(pathlib.Path(counter.__file__).parent)"],
        cwd="/",
        env=_outside_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    yield Installed(root / "venv" / "bin", Path(found.stdout.strip()), root / "home")
    shutil.rmtree(root, ignore_errors=True)


def test_the_wheel_carries_the_shipped_files_and_the_licences(wheelhouse: Path) -> None:
    [wheel] = wheelhouse.glob("counter-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert sum(1 for n in names if n.startswith("counter/resources/catalog/") and n.endswith(".toml")) == 103
    for name in (
        "counter/resources/fonts/wqy-microhei.ttc",
        "counter/resources/fonts/wqy-microhei.COPYRIGHT",
        "counter/resources/fonts/hanazono.COPYRIGHT",
        "counter/resources/fonts/plangothic-ext-gh.ttf",
        "counter/resources/fonts/plangothic.COPYRIGHT",
        "counter/resources/translations/en.po",
        "counter/resources/licenses/LGPL-3.0.txt",
        "counter/resources/licenses/THIRD-PARTY.md",
        "counter/resources/icons/counter-256.png",
        "counter/db/migrations/env.py",
        "counter/resources/prepared/desk.sqlite3",  # built by the wheel's build, never committed
        "counter/resources/prepared/desk.fingerprint.json",
    ):
        assert name in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def test_installed_from_the_wheel_folder_it_shows_the_103_bundles(installed: Installed) -> None:
    assert installed.package.is_relative_to(installed.bin.parent)  # not the checkout
    done = installed.run("catalog", "list")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 103
    assert "我要开小餐馆" in done.stdout


def test_installed_it_prints_a_receipt_with_the_embedded_font(installed: Installed, tmp_path: Path) -> None:
    done = installed.run("demo", "--today", DAY, "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    [receipt, *_] = sorted(tmp_path.glob("*-receipt.pdf"))
    fonts = subprocess.run(["pdffonts", str(receipt)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows
    assert all("WenQuanYiMicroHei" in row[0] and row[-5:-2] == ["yes", "yes", "yes"] for row in rows), fonts


def test_installed_the_window_starts_from_anywhere(installed: Installed) -> None:
    done = installed.run("--exit-when-ready")
    assert done.returncode == 0, done.stderr
    assert "desk app started" in (installed.home / "logs" / "counter.log").read_text(encoding="utf-8")


def test_installed_its_first_start_copies_the_prepared_database(installed: Installed, tmp_path: Path) -> None:
    fresh = dataclasses.replace(installed, home=tmp_path / "home")
    done = fresh.run("--exit-when-ready")
    assert done.returncode == 0, done.stderr
    log = (fresh.home / "logs" / "counter.log").read_text(encoding="utf-8")
    assert "first start from the prepared database" in log
    listed = fresh.run("catalog", "list")
    assert len(listed.stdout.splitlines()) == 103


def test_with_a_font_removed_it_refuses_to_start_naming_it(installed: Installed, tmp_path: Path) -> None:
    font = installed.package / "resources" / "fonts" / "hanamin-a-rare.ttf"
    kept = tmp_path / font.name
    shutil.move(font, kept)
    try:
        listed = installed.run("catalog", "list")
        window = installed.run("--exit-when-ready")
    finally:
        shutil.move(kept, font)
    for done in (listed, window):
        assert done.returncode == 1
        assert "字体文件 hanamin-a-rare.ttf 不存在" in done.stderr  # the path: on the command line and in the log
