"""The shipped catalog holds the league's 103 bundles, by number and name, in the order of the league's list.

``data/bundles-103.tsv`` is the list as published (seed 000, 一次办 附件), copied here so the tests read nothing
outside the repository.  It was taken from the published PDF's text, which gives full-width brackets as ASCII ones
and puts spaces around them and between a number and its unit ("我要开小餐馆 (50 平方米以下)").  The catalog writes
names as Chinese text is written (GB/T 15834-2011 标点符号用法: 括号 in Chinese text are full-width, no spaces), so
the two are compared with only that difference folded, and the catalog's side is held to the full-width form.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.catalog.folder import shipped_catalog

LIST = Path(__file__).parent / "data" / "bundles-103.tsv"


def league_list() -> list[tuple[int, str]]:
    rows = [line.split("\t") for line in LIST.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(int(number), name) for number, name in rows]


def folded(name: str) -> str:
    """The name with bracket width and spaces folded: what the PDF's text extraction may have changed."""
    return re.sub(r"\s+", "", name.replace("(", "（").replace(")", "）"))


def shipped() -> list[tuple[int, str]]:
    read = shipped_catalog()
    return sorted((bundle.number, bundle.name) for _, bundle in read.bundles)


def test_the_list_is_the_leagues_103_in_order() -> None:
    assert [number for number, _ in league_list()] == list(range(1, 104))


def test_the_catalog_has_the_leagues_103_names_in_order() -> None:
    assert [(n, folded(name)) for n, name in shipped()] == [(n, folded(name)) for n, name in league_list()]


def test_the_catalog_writes_names_with_full_width_brackets_and_no_spaces() -> None:
    assert [(n, name) for n, name in shipped() if name != folded(name)] == []


def test_folding_changes_only_bracket_width_and_spaces() -> None:
    assert folded("我要开小餐馆 (50 平方米以下)") == "我要开小餐馆（50平方米以下）"
    assert folded("我要开小餐馆") != folded("我要开小餐厅")
