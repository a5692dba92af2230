"""``counter demo`` where the catalog lacks the guide its sample intakes are taken under: refused in words naming the
guide, no case taken, no paper written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_CATALOG, made_database
from tests.test_cli import run


def test_a_catalog_without_the_demos_guide_is_named_and_nothing_taken(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "catalog"
    shutil.copytree(SHIPPED_CATALOG, shipped)
    (shipped / "008.toml").unlink()  # 小餐馆, XAM-YJS-008
    monkeypatch.setattr("counter.resources.bundled_catalog_dir", lambda: shipped)
    db = made_database(tmp_path / "cli.sqlite3", catalog=False)
    out = tmp_path / "demo"
    code, said, err = run(capsys, "demo", "--out", str(out), "--today", "2026-11-20", "--db", db)
    assert (code, said, err) == (1, "", "目录中没有可用于演示的已发布指南：XAM-YJS-008\n")
    assert list(out.iterdir()) == []  # the folder made before the run was refused: no paper in it
    code, listed, _ = run(capsys, "case", "list", "--json", "--db", db)
    assert (code, listed.strip()) == (0, "[]")
