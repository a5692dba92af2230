"""Every file the desk imports is read with a limit: an endless or huge file is refused, not waited for.

Through the command line in its own process, with a time limit: before the limits, ``holidays import /dev/zero``
and ``case take /dev/zero`` never returned.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from counter.util.bounded_read import WORKBOOK_FILE_LIMIT, WORKBOOK_UNPACKED_LIMIT, check_workbook, read_bounded

ENDLESS = Path("/dev/zero")


def counter(*args: str, stdin: Path | None = None) -> subprocess.CompletedProcess[str]:
    with open(stdin or os.devnull, "rb") as given:
        return subprocess.run(
            [sys.executable, "-m", "counter", *args],
            stdin=given,
            capture_output=True,
            text=True,
            timeout=60,  # an unbounded read of /dev/zero would fill the memory long before: it never ends in time
            check=False,
        )


@pytest.mark.parametrize(
    "args", [("holidays", "import", str(ENDLESS), "--year", "2027"), ("case", "take", str(ENDLESS))]
)
def test_an_endless_device_is_refused_unread(args: tuple[str, ...]) -> None:
    """A device named as a file is no file on a disk: refused before it is read (tests/util/test_named_pipes.py)."""
    done = counter(*args)
    assert done.returncode == 1
    assert "不是存放在磁盘上的普通文件" in done.stderr
    assert "未读取" in done.stderr


def test_an_endless_standard_input_is_refused() -> None:
    done = counter("case", "take", "-", stdin=ENDLESS)
    assert done.returncode == 1
    assert "1048576 字节" in done.stderr
    assert "未读取" in done.stderr


def test_a_catalog_file_far_too_large_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "099.toml"
    big.write_text('name = "' + "很长" * 1_500_000 + '"\n', encoding="utf-8")
    done = counter("catalog", "validate", str(big))
    assert done.returncode == 1
    assert "099.toml：文件超过 2097152 字节" in done.stdout


@pytest.mark.slow
def test_a_workbook_that_unpacks_to_too_much_is_refused_unopened(tmp_path: Path) -> None:
    bomb = tmp_path / "catalog.xlsx"
    block = b"\0" * (1 << 20)
    with (
        zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry,
    ):
        for _ in range(WORKBOOK_UNPACKED_LIMIT // len(block) + 1):
            entry.write(block)
    assert bomb.stat().st_size < 2_000_000  # small on the stick
    done = counter("catalog", "validate", str(bomb))
    assert done.returncode == 1
    assert f"catalog.xlsx：文件超过 {WORKBOOK_UNPACKED_LIMIT} 字节" in done.stdout


def test_a_workbook_file_over_its_limit_is_refused_unread(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook file larger than any catalog's (a video renamed .xlsx, a disk image) is refused by its size alone,
    before its archive is opened, named in the report as every other problem is."""
    from counter.cli.main import main

    big = tmp_path / "catalog.xlsx"
    with open(big, "wb") as file:
        file.truncate(WORKBOOK_FILE_LIMIT + 1)  # sparse: nothing to read, and nothing is
    assert main(["catalog", "validate", str(big)]) == 1
    out = capsys.readouterr().out
    assert f"catalog.xlsx：文件超过 {WORKBOOK_FILE_LIMIT} 字节" in out


def test_a_name_with_a_nul_character_is_refused_as_a_file_that_cannot_be_opened(tmp_path: Path) -> None:
    """Typed on the command line (``counter sync import $'\\0'``), such a name raised ValueError from deep in the
    standard library, a traceback where the clerk should read that the file cannot be opened."""
    named = tmp_path / "a\x00b"
    with pytest.raises(OSError, match="NUL"):
        read_bounded(named, 10)
    with pytest.raises(OSError, match="NUL"):
        check_workbook(named)
