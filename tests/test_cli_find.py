"""``counter catalog find``: the window's ranked search on the command line, and its JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.cli.main import main
from tests.conftest import SHIPPED_CATALOG, made_database

SMALL_RESTAURANT = "XAM-YJS-008"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A desk database with the bundled catalog in, made by the first command."""
    return made_database(tmp_path_factory.mktemp("find") / "cli.sqlite3")


@pytest.mark.parametrize(("query", "match"), [("开饭店", "alias"), ("小参馆", "typo"), ("xcgg", "typo")])
def test_what_people_type_finds_the_small_restaurant(
    capsys: pytest.CaptureFixture[str], db: str, query: str, match: str
) -> None:
    code, out, _ = run(capsys, "catalog", "find", query, "--json", "--db", db)
    assert code == 0
    answer = json.loads(out)
    assert list(answer) == ["query", "exact", "suggestion", "hits"]
    first = answer["hits"][0]
    assert first == {
        "code": SMALL_RESTAURANT,
        "number": 8,
        "name": "我要开小餐馆（50平方米以下）",
        "published": True,
        "status": "published",
        "match": match,
    }
    assert answer["exact"] is (match != "typo")
    assert (answer["suggestion"] or {}).get("code") == (SMALL_RESTAURANT if match == "typo" else None)


def test_the_text_names_the_suggestion_first_and_marks_how_each_matched(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "catalog", "find", "小参馆", "--db", db)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "您要找的是不是：我要开小餐馆（50平方米以下）"
    assert lines[1] == f"  8  {SMALL_RESTAURANT}  我要开小餐馆（50平方米以下）  〔相近〕"
    code, out, _ = run(capsys, "catalog", "find", "开饭店", "--db", db)
    assert out.splitlines()[0] == f"  8  {SMALL_RESTAURANT}  我要开小餐馆（50平方米以下）  〔别名〕"
    code, out, _ = run(capsys, "catalog", "find", "xcg", "--db", db)
    assert out.splitlines() == [f"  8  {SMALL_RESTAURANT}  我要开小餐馆（50平方米以下）"]


def test_nothing_found_exits_1_with_the_nearest_bundle_suggested(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "catalog", "find", "我想开个饭店", "--db", db)
    assert code == 1
    assert out == "您要找的是不是：我要开小餐馆（50平方米以下）\n"
    assert err == "没有找到匹配的一件事：我想开个饭店\n"
    code, out, _ = run(capsys, "catalog", "find", "qqqqzzzz", "--json", "--db", db)
    assert code == 1
    assert json.loads(out) == {"query": "qqqqzzzz", "exact": False, "suggestion": None, "hits": []}


def test_catalog_show_always_says_the_aliases(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "catalog", "show", "8", "--json", "--db", db)
    assert code == 0
    assert json.loads(out)["aliases"][:2] == ["开饭店", "开餐馆"]
    code, out, _ = run(capsys, "catalog", "show", "27", "--json", "--db", db)
    assert "开门诊" in json.loads(out)["aliases"]
    # a guide without aliases says so with an empty list: one imported with its aliases taken out
    shipped = (SHIPPED_CATALOG / "001.toml").read_text(encoding="utf-8")
    bare = "\n".join(line for line in shipped.splitlines() if not line.startswith("aliases")) + "\n"
    (tmp_path / "001.toml").write_text(bare, encoding="utf-8")
    assert run(capsys, "catalog", "import", str(tmp_path / "001.toml"), "--db", db)[0] == 0
    code, out, _ = run(capsys, "catalog", "show", "1", "--json", "--db", db)
    assert json.loads(out)["aliases"] == []
