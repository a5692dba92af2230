"""Search by hanzi, full pinyin and initials, ranked, per keystroke."""

from __future__ import annotations

import pytest

from counter.catalog.search import SearchEntry, SearchIndex, core_name, normalise_query, search_text

NAMES = [
    (6, "我要开药店"),
    (8, "我要开小餐馆（50平方米以下）"),
    (11, "我要开理发店"),
    (46, "我要办理养老保险关系转移接续（机关事业单位转入）"),
    (52, "我要办新生儿出生事项"),
    (64, "我要开旅行社"),
    (66, "我要开二手车行"),
    (80, "我要办理不动产权证（二手房交易）"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    entries = [
        SearchEntry(f"B{n:03}", n, name, n != 64, search_text(name, ("饭店",) if n == 8 else ())) for n, name in NAMES
    ]
    return SearchIndex(entries)


def names(index: SearchIndex, query: str) -> list[str]:
    return [h.name for h in index.search(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("xcg", "我要开小餐馆（50平方米以下）"),
        ("小餐馆", "我要开小餐馆（50平方米以下）"),
        ("xiaocanguan", "我要开小餐馆（50平方米以下）"),
        ("XCG", "我要开小餐馆（50平方米以下）"),
        ("ｘｃｇ", "我要开小餐馆（50平方米以下）"),  # full-width letters from a Chinese IME
        ("xiao can", "我要开小餐馆（50平方米以下）"),
        ("饭店", "我要开小餐馆（50平方米以下）"),
        ("xse", "我要办新生儿出生事项"),
        ("ylbx", "我要办理养老保险关系转移接续（机关事业单位转入）"),
        ("ershoufang", "我要办理不动产权证（二手房交易）"),
        ("lfd", "我要开理发店"),
    ],
)
def test_finds_the_bundle_first(index: SearchIndex, query: str, expected: str) -> None:
    assert names(index, query)[0] == expected


def test_polyphonic_characters_match_under_every_reading(index: SearchIndex) -> None:
    # 行 reads xing in 旅行社 and hang in 车行; both readings find both bundles
    assert {"我要开旅行社", "我要开二手车行"} <= set(names(index, "xing"))
    assert {"我要开旅行社", "我要开二手车行"} <= set(names(index, "hang"))
    # 单 of 事业单位 is dan, and also shan / chan
    assert "我要办理养老保险关系转移接续（机关事业单位转入）" in names(index, "sydw")
    assert "我要办理养老保险关系转移接续（机关事业单位转入）" in names(index, "sysw")


def test_core_name_match_ranks_before_a_match_in_the_opening(index: SearchIndex) -> None:
    # "yd" is 药店 (core, at start) but also inside 我要… initials of many names
    assert names(index, "yd")[0] == "我要开药店"


def test_incremental_typing_gives_the_same_as_a_fresh_search(index: SearchIndex) -> None:
    typed = [index.search(prefix) for prefix in ("x", "xc", "xcg")]
    assert [h.name for h in typed[-1]] == ["我要开小餐馆（50平方米以下）"]
    # backspace: a shorter query widens again, to exactly what it gave before
    assert index.search("x") == typed[0]
    assert len(typed[0]) > len(typed[-1])


def test_limit_keeps_the_best_hits(index: SearchIndex) -> None:
    every = index.search("w")
    assert [h.name for h in index.search("w", limit=2)] == [h.name for h in every[:2]]


def test_empty_query_lists_by_number_and_nonsense_finds_nothing(index: SearchIndex) -> None:
    assert [h.number for h in index.search("")] == sorted(n for n, _ in NAMES)
    assert index.search("zzzzqqq") == []
    assert index.search("\x1f\x01") == index.search("")  # control characters are dropped


def test_unpublished_bundles_are_found_and_marked(index: SearchIndex) -> None:
    hit = index.search("lxs")[0]
    assert hit.name == "我要开旅行社"
    assert hit.published is False


def test_core_name_and_normalise() -> None:
    assert core_name("我要开小餐馆") == "小餐馆"
    assert core_name("我要办理不动产权证") == "不动产权证"
    assert core_name("个体工商户（灵活就业人员）参保") == "个体工商户（灵活就业人员）参保"
    assert normalise_query(" Xiao’Can\t") == "xiaocan"
