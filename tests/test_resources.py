"""The shipped files: found inside the package, and an incomplete installation named file by file before any work."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import counter
from counter import resources
from counter.documents import fonts as document_fonts
from counter.resources import Lack, MissingResource, missing_resources
from counter.ui.look import fonts as window_fonts
from counter.words import host
from counter.words.at_command_line import missing_resources_text

PACKAGE = Path(counter.__file__).resolve().parent


@pytest.fixture
def shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped files to break, as the app finds them."""
    root = tmp_path / "resources"
    shutil.copytree(PACKAGE / "resources", root, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    monkeypatch.setenv("COUNTER_RESOURCES", str(root))
    return root


def test_the_files_are_found_inside_the_package_wherever_the_program_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNTER_RESOURCES", raising=False)
    monkeypatch.chdir("/")
    assert resources.resources_dir() == PACKAGE / "resources"
    assert len(list(resources.bundled_catalog_dir().glob("*.toml"))) == 103
    assert missing_resources() == []


def test_the_required_fonts_are_the_ones_the_documents_and_the_window_use() -> None:
    documents = {document_fonts.PRIMARY.file, *(f.file for f in document_fonts.FALLBACKS)}
    window = {window_fonts.FONT_FILE, *window_fonts.MONGOLIAN_FILES, *window_fonts.FALLBACK_FILES}
    assert set(resources.REQUIRED_FONTS) == documents == window


def test_every_shipped_font_has_its_checksum_and_its_note() -> None:
    """``fonts/SHA256SUMS`` names every font file, with the checksum of the file shipped (a copy is checked with
    ``sha256sum -c``); each font's licence note is beside it."""
    import hashlib

    folder = PACKAGE / "resources" / "fonts"
    lines = (line.split("  ", 1) for line in (folder / "SHA256SUMS").read_text().splitlines())
    listed = {name: digest for digest, name in lines}
    assert set(listed) == set(resources.REQUIRED_FONTS)
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    assert "CC0" in (folder / "jigmo2.COPYRIGHT").read_text(encoding="utf-8")
    plangothic = (folder / "plangothic.COPYRIGHT").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in plangothic  # the licence's full text, which must travel with it
    assert "PlangothicP2-Regular.woff2" in plangothic  # where it was cut from


def test_a_whole_copy_lacks_nothing(shipped_copy: Path) -> None:
    assert missing_resources() == []


def test_a_removed_font_is_named_with_where_it_was_looked_for(shipped_copy: Path) -> None:
    (shipped_copy / "fonts" / "hanamin-b.ttf").unlink()
    missing = missing_resources()
    assert missing == [MissingResource(shipped_copy / "fonts" / "hanamin-b.ttf", Lack.MISSING)]
    text = missing_resources_text(missing)
    assert "程序安装不完整" in text
    assert f"字体文件 hanamin-b.ttf 不存在：{shipped_copy / 'fonts' / 'hanamin-b.ttf'}" in text
    shown = host.missing_resources_text(missing)  # the window's: the file named, not where (the log says)
    assert "字体文件 hanamin-b.ttf 不存在" in shown
    assert str(shipped_copy) not in shown


def test_a_command_on_an_incomplete_installation_runs_nothing_and_names_what_is_missing(
    shipped_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No command gives a right answer without its files (a catalog of nothing, boxes for text): none is run."""
    from counter.cli.main import main

    (shipped_copy / "fonts" / "hanamin-b.ttf").unlink()
    database = tmp_path / "never.sqlite3"
    assert main(["db", "upgrade", "--db", f"sqlite:///{database}"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("程序安装不完整，无法启动。")
    assert f"字体文件 hanamin-b.ttf 不存在：{shipped_copy / 'fonts' / 'hanamin-b.ttf'}" in err
    assert not database.exists()


def test_the_extension_i_font_missing_is_named(shipped_copy: Path) -> None:
    (shipped_copy / "fonts" / "jigmo2-ext-i.ttf").unlink()
    missing = missing_resources()
    assert missing == [MissingResource(shipped_copy / "fonts" / "jigmo2-ext-i.ttf", Lack.MISSING)]
    assert "字体文件 jigmo2-ext-i.ttf 不存在" in host.missing_resources_text(missing)


def test_a_missing_catalog_folder_is_not_called_an_encoding_problem(shipped_copy: Path) -> None:
    shutil.rmtree(shipped_copy / "catalog")
    text = missing_resources_text(missing_resources())
    assert f"事项目录文件夹不存在：{shipped_copy / 'catalog'}" in text
    assert "UTF-8" not in text


def test_a_catalog_folder_without_catalog_files_is_named(shipped_copy: Path) -> None:
    for path in (shipped_copy / "catalog").glob("*.toml"):
        path.unlink()
    assert missing_resources() == [MissingResource(shipped_copy / "catalog", Lack.EMPTY)]
    assert "事项目录文件夹中没有目录文件（*.toml）" in missing_resources_text(missing_resources())


@pytest.mark.parametrize(
    ("name", "words"),
    [("nmg.toml", "对接代码表文件 nmg.toml"), ("eval-content.toml", "好差评测评内容代码表文件 eval-content.toml")],
)
def test_the_platform_s_code_lists_and_the_eval_content_are_required(shipped_copy: Path, name: str, words: str) -> None:
    (shipped_copy / "platform" / name).unlink()
    assert missing_resources() == [MissingResource(shipped_copy / "platform" / name, Lack.MISSING)]
    assert f"{words} 不存在：{shipped_copy / 'platform' / name}" in missing_resources_text(missing_resources())
    assert f"{words} 不存在" in host.missing_resources_text(missing_resources())


def test_the_required_platform_files_are_the_ones_the_app_reads() -> None:
    from counter.platform.mapping import mapping_file
    from counter.platform.settings import DEFAULT_MAPPING
    from counter.ratings.eval_content import eval_content_path

    platform = resources.resources_dir() / resources.PLATFORM
    assert {platform / name for name in resources.REQUIRED_PLATFORM} == {
        mapping_file(DEFAULT_MAPPING),
        eval_content_path(),
    }


def test_an_empty_font_file_is_unreadable(shipped_copy: Path) -> None:
    (shipped_copy / "fonts" / "wqy-microhei.ttc").write_bytes(b"")
    [lack] = missing_resources()
    assert lack.lack is Lack.UNREADABLE
    assert "字体文件 wqy-microhei.ttc 无法打开（0 bytes）" in missing_resources_text([lack])


def _counter(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "counter", *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_a_command_refuses_to_work_on_an_incomplete_installation(shipped_copy: Path, counter_home: Path) -> None:
    (shipped_copy / "fonts" / "wqy-microhei.ttc").unlink()
    done = _counter("catalog", "list")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "字体文件 wqy-microhei.ttc 不存在" in done.stderr
    assert "installation incomplete" in (counter_home / "logs" / "counter.log").read_text(encoding="utf-8")


def test_the_window_refuses_to_start_and_never_says_ready(shipped_copy: Path, counter_home: Path) -> None:
    shutil.rmtree(shipped_copy / "catalog")
    done = _counter("--exit-when-ready")
    assert done.returncode == 1
    assert "事项目录文件夹不存在" in done.stderr
    log = (counter_home / "logs" / "counter.log").read_text(encoding="utf-8")
    assert "installation incomplete, not starting" in log
    assert "desk app started" not in log


def test_version_names_the_parts_support_asks_about() -> None:
    done = _counter("--version")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"counter {counter.__version__}"
    assert [line.split()[0] for line in lines[1:]] == ["Python", "Qt", "PySide6", "reportlab", "SQLAlchemy", "schema"]
    assert lines[-1].startswith("schema 0")
