"""What the tests of the frozen program share, whichever system it was built for: a clerk's clean session cut off
the network, the demo's day, its PDFs from this environment to compare against, and a listing of a folder's files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DAY = "2026-11-20"  # a working day, so that the demo's dates do not depend on when the test runs


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a clerk's session on a desk where counter is all there is of Python."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COUNTER_", "XDG_", "QT_", "PYTHON", "CUPS_"))
        and key not in {"VIRTUAL_ENV", "LD_LIBRARY_PATH", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    return env | {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin"} | extra


def offline(args: list[str | Path], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``args`` cut off the network."""
    command = ["unshare", "--net", *map(str, args)]
    return subprocess.run(command, cwd="/", env=env, capture_output=True, text=True, timeout=timeout, check=False)


def files_under(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if not path.is_dir()}


def venv_demo(out: Path, home: Path) -> list[str]:
    """The demo's PDFs made by this environment's counter (the Debian 12 virtual environment) into ``out``: the
    bytes every frozen build must reproduce.  Their names, sorted."""
    subprocess.run(
        [sys.executable, "-m", "counter", "demo", "--today", DAY, "--out", str(out)],
        env={**os.environ, "COUNTER_HOME": str(home)},
        capture_output=True,
        check=True,
    )
    return sorted(path.name for path in out.glob("*.pdf"))


def differing_pdfs(frozen: Path, venv: Path) -> list[str]:
    """The venv's demo PDFs that the frozen program's demo, in ``frozen``, did not make byte for byte alike."""
    names = sorted(path.name for path in venv.glob("*.pdf"))
    assert len(names) >= 12
    assert sorted(path.name for path in frozen.glob("*.pdf")) == names
    return [name for name in names if (frozen / name).read_bytes() != (venv / name).read_bytes()]
