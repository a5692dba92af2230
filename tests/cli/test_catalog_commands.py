"""``counter catalog show`` of a bundle not in the catalog, and ``counter catalog draft-intake`` set and read in
words and in JSON, on a real SQLite database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_CATALOG, made_database
from tests.test_cli import run


def test_a_bundle_not_in_the_catalog_is_named_and_nothing_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "show", " 我要开火箭厂 ", "--db", db) == (1, "", "未找到一件事：我要开火箭厂\n")


def test_intake_on_draft_guides_is_turned_on_and_off_and_read_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    off = "本中心不允许依待核指南受理：待核指南的一件事须经管理员发布后才能受理。\n"
    assert run(capsys, "catalog", "draft-intake", "--db", db) == (0, off, "")
    code, out, _ = run(capsys, "catalog", "draft-intake", "on", "--db", db)
    assert (code, out) == (0, "本中心允许依待核指南受理：受理凭证和各类文书均注明“依据待核办事指南”。\n")
    code, out, _ = run(capsys, "catalog", "draft-intake", "--json", "--db", db)
    assert json.loads(out) == {"site_allows": True, "training": False, "allowed": True}
    assert run(capsys, "catalog", "draft-intake", "off", "--db", db) == (0, off, "")


def test_a_whole_catalog_validated_for_a_script(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "validate", str(SHIPPED_CATALOG), "--json")
    assert code == 0
    said = json.loads(out)
    assert (said["ok"], said["bundles"], said["problems"]) == (True, 103, [])
    assert said["warnings"]  # the shipped guides' limits without their source, for the departments to confirm
    assert {w["rule"] for w in said["warnings"]} >= {"limit_without_source"}
    assert all(w["message"].startswith(w["file"]) for w in said["warnings"])


TOML_CAUSE = "常见原因是引号或括号没有成对、缺少等号"


def test_a_damaged_bundled_file_is_warned_at_every_run_and_the_rest_still_listed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installation whose shipped catalog has a file that does not read (a disk error, an edit by hand): each
    command that reads the catalog warns of it, naming the file, until it is put right; the other bundles serve."""
    db = made_database(tmp_path / "cli.sqlite3")
    shipped = tmp_path / "catalog"
    shutil.copytree(SHIPPED_CATALOG, shipped)
    (shipped / "002.toml").write_text("[bundle\n", encoding="utf-8")
    monkeypatch.setattr("counter.resources.bundled_catalog_dir", lambda: shipped)
    for _ in range(2):  # the second run reads the problems the first stored
        code, out, err = run(capsys, "catalog", "list", "--db", db)
        assert code == 0
        assert (
            err
            == "警告：002.toml：不是有效的 TOML 格式：第1行第8个字符处有误，常见原因是引号或括号没有成对、缺少等号\n"
        )
        assert "XAM-YJS-001" in out
