"""``counter catalog pull``: the region's list taken in as 待核 guides, their changes printed before publication."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from tests.actions.test_item_list import SECRET, running_item_library
from tests.catalog.platform_writer import write_platform_workbook
from tests.conftest import made_database
from tests.https_stub import serving
from tests.test_cli import run


@pytest.mark.slow
def test_the_pulled_list_is_imported_as_drafts_and_its_changes_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    engine = make_engine(db)
    with make_sessions(engine)() as s:
        stored = current_guide(s, "XAM-YJS-008")
    engine.dispose()
    assert stored is not None
    dropped = stored.bundle.materials[-1].name
    path = tmp_path / "list.xlsx"
    write_platform_workbook(path, [dataclasses.replace(stored.bundle, materials=stored.bundle.materials[:-1])])
    monkeypatch.setenv("COUNTER_ITEM_LIST_SECRET", SECRET)
    monkeypatch.setenv("COUNTER_ITEM_LIST_URL", "")  # the command sets its own: put back after the test
    monkeypatch.setenv("COUNTER_ITEM_LIST_ACCOUNT", "")
    with running_item_library() as library:
        library.status = 503
        code, _, err = run(capsys, "catalog", "pull", library.url, "--account", "hall", "--db", db)
        assert code == 1
        assert "没有取到实施清单（事项库拒绝了请求，答复码 503）：目录未作任何改动。" in err
        library.status, library.body = 200, path.read_bytes()
        code, out, _ = run(capsys, "catalog", "pull", library.url, "--account", "hall", "--db", db)
        assert code == 0
        assert "1 个一件事生成待核指南" in out
        assert f"删去材料：{dropped}" in out
        code, out, _ = run(capsys, "catalog", "pull", "--json", "--db", db)  # the address and account kept as set
    assert code == 0
    assert json.loads(out)["new_versions"] == []  # the same list again: nothing new


@pytest.mark.slow
def test_each_pulled_guide_reads_against_its_published_version_in_words_and_in_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A published guide with a material dropped and a draft never published, printed for people and for scripts."""
    texts, jsons = made_database(tmp_path / "text.sqlite3"), made_database(tmp_path / "json.sqlite3")
    engine = make_engine(texts)
    with make_sessions(engine)() as s:
        restaurant, draft = current_guide(s, "XAM-YJS-008"), current_guide(s, "XAM-YJS-001")
    engine.dispose()
    assert restaurant is not None
    assert draft is not None  # the shipped catalog's own draft: no version of it was ever published
    dropped = restaurant.bundle.materials[-1].name
    path = tmp_path / "list.xlsx"
    write_platform_workbook(path, [
        dataclasses.replace(restaurant.bundle, materials=restaurant.bundle.materials[:-1]),
        dataclasses.replace(draft.bundle, name=draft.bundle.name + "（修订）"),
    ])  # fmt: skip
    monkeypatch.setenv("COUNTER_ITEM_LIST_SECRET", SECRET)
    monkeypatch.setenv("COUNTER_ITEM_LIST_URL", "")
    monkeypatch.setenv("COUNTER_ITEM_LIST_ACCOUNT", "")
    with running_item_library() as library:
        library.body = path.read_bytes()
        code, out, _ = run(capsys, "catalog", "pull", library.url, "--account", "hall", "--db", texts)
        assert code == 0
        lines = out.splitlines()
        code, out, _ = run(capsys, "catalog", "pull", "--json", "--db", jsons)
    assert code == 0
    assert lines[0] == "已从事项库导入：2 个一件事生成待核指南，0 个未变化。"
    assert lines[1] == f"{restaurant.bundle.name}：待核第2版，与已发布的第1版相比："
    assert f"  删去材料：{dropped}" in lines
    assert lines[-1] == f"{draft.bundle.name}（修订）：待核第{draft.version + 1}版，此前没有发布过，没有可对照的版本"
    changes = json.loads(out)["changes"]
    assert changes["XAM-YJS-001"] == {
        "name": f"{draft.bundle.name}（修订）",
        "draft_version": draft.version + 1,
        "published_version": None,
    }
    restaurant_changes = changes["XAM-YJS-008"]
    assert (restaurant_changes["draft_version"], restaurant_changes["published_version"]) == (2, 1)
    assert restaurant_changes["materials_removed"] == [dropped]
    assert restaurant_changes["items_added"] == restaurant_changes["items_removed"] == []


@pytest.mark.slow
def test_a_pull_that_brings_no_list_says_why_in_chinese_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the 事项库's answer was named in English (``answer is not a workbook``), its status as ``HTTP 503``."""
    db = made_database(tmp_path / "cli.sqlite3")
    monkeypatch.setenv("COUNTER_ITEM_LIST_SECRET", SECRET)
    monkeypatch.setenv("COUNTER_ITEM_LIST_URL", "")
    monkeypatch.setenv("COUNTER_ITEM_LIST_ACCOUNT", "")
    said = []
    with running_item_library() as library:
        library.body = b"<html>busy</html>"
        said.append(run(capsys, "catalog", "pull", library.url, "--account", "hall", "--db", db))
        library.body = b"PK\x03\x04 not really a workbook"  # a zip's first bytes, then nothing the reader can read
        code, out, err = run(capsys, "catalog", "pull", "--db", db)
        assert code == 1
        assert "实施清单.xlsx" in out  # the problems, each on its line, as catalog import lists them
        assert err == "共 1 个问题。\n实施清单未通过校验，未导入任何内容。\n"
    said.append(run(capsys, "catalog", "pull", library.url.replace("https://", "http://"), "--db", db))
    said.append(run(capsys, "catalog", "pull", "https://127.0.0.1:1/items", "--timeout", "2", "--db", db))
    (tmp_path / "elsewhere").mkdir()
    with serving("别处的 CA", tmp_path / "elsewhere") as elsewhere:  # a certificate this machine does not trust
        said.append(run(capsys, "catalog", "pull", f"{elsewhere.root}/items", "--db", db))
    assert said == [
        (1, "", "没有取到实施清单（事项库的答复不是实施清单工作簿）：目录未作任何改动。\n"),
        (1, "", "没有取到实施清单（事项库地址须以 https:// 开头，未发出请求）：目录未作任何改动。\n"),
        (1, "", "没有取到实施清单（连不上事项库，或 2 秒内没有答复）：目录未作任何改动。\n"),
        (1, "", "没有取到实施清单（对方的证书不是事项库的，未发出请求）：目录未作任何改动。\n"),
    ]
    code, out, _ = run(capsys, "catalog", "list", "--json", "--db", db)
    assert code == 0
    assert "待核" not in out
