"""Search by hanzi, full pinyin and initials, ranked, per keystroke."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.catalog import search
from counter.catalog.haystack import search_text
from counter.catalog.search import (
    RANKED,
    SEGMENT,
    Match,
    SearchEntry,
    SearchIndex,
    Tier,
    core_name,
    normalise_query,
)
from counter.resources import bundled_catalog_dir
from tests.catalog.folder import read_folder

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


ALIASES = {8: ("开饭店", "开餐馆"), 6: ("开药房",), 80: ("二手房过户",)}
SMALL_RESTAURANT = "我要开小餐馆（50平方米以下）"


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    entries = [
        SearchEntry(
            f"B{n:03}",
            n,
            name,
            n != 64,
            search_text(name, ("饭店",) if n == 8 else (), aliases=ALIASES.get(n, ())),
        )
        for n, name in NAMES
    ]
    return SearchIndex(entries)


@pytest.fixture(scope="module")
def shipped() -> SearchIndex:
    """The catalog the desk ships, as an import indexes it."""
    result = read_folder(bundled_catalog_dir())
    return SearchIndex(
        [
            SearchEntry(
                b.code,
                b.number,
                b.name,
                b.published,
                search_text(b.name, b.keywords, [i.name for i in b.items], b.aliases),
            )
            for _, b in result.bundles
        ]
    )


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


@pytest.mark.parametrize("query", ["开饭店", "小参馆", "xcgg", "xiaocangaun", "开饭馆", "kaifandian", "我要开小参馆"])
def test_what_people_type_finds_the_small_restaurant_in_the_shipped_catalog(shipped: SearchIndex, query: str) -> None:
    answer = shipped.find(query)
    assert answer.hits[0].name == SMALL_RESTAURANT
    assert answer.hits[0].bundle_code == "XAM-YJS-008"


def test_an_alias_finds_its_bundle_as_an_alias(index: SearchIndex) -> None:
    [hit] = [h for h in index.search("开饭店") if not h.typo]
    assert (hit.name, hit.match, hit.at_start) == (SMALL_RESTAURANT, Match.ALIAS, True)
    assert index.search("kfd")[0].match is Match.ALIAS  # aliases are typed in initials too
    assert index.search("ershoufangguohu")[0].number == 80


def test_names_rank_before_aliases_and_aliases_before_keywords() -> None:
    entries = [
        SearchEntry("K", 1, "我要开书店", True, search_text("我要开书店", keywords=("花卉",))),
        SearchEntry("A", 2, "我要开画廊", True, search_text("我要开画廊", aliases=("花卉画廊",))),
        SearchEntry("N", 3, "我要开花卉店", True, search_text("我要开花卉店")),
    ]
    hits = SearchIndex(entries).search("花卉")
    assert [(h.bundle_code, h.match) for h in hits] == [("N", Match.NAME), ("A", Match.ALIAS), ("K", Match.KEYWORD)]


@pytest.mark.parametrize(
    "query",
    [
        "小参馆",  # a wrong character (参 for 餐)
        "小餐餐馆",  # one too many
        "xcgg",  # a letter too many
        "xcgu",  # a wrong letter
        "xiaocangaun",  # two letters swapped
        "xiaocnguan",  # a letter missing
        "iaocanguan",  # the first letter missing (found as typed, inside the word)
        "siaocanguan",  # the first letter wrong
        "我要开小参馆",  # the whole name, with its opening
    ],
)
def test_one_slip_still_finds_the_bundle_after_what_matches_as_typed(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    slipped = [h for h in hits if h.typo]
    assert hits[0].name == SMALL_RESTAURANT
    exact = [h.typo for h in hits]
    assert exact == sorted(exact), "every typo-tolerant hit comes after every exact one"
    assert all(h.match is Match.TYPO for h in slipped)


def test_two_hanzi_may_have_one_wrong_but_short_initials_are_not_guessed(index: SearchIndex) -> None:
    assert [h.name for h in index.search("药点")] == ["我要开药店"]  # 点 for 店
    assert index.search("xcf") == []  # three letters with one wrong would be half the catalog


def test_typo_hits_join_only_when_next_to_nothing_matches() -> None:
    def entry(code: str, name: str, alias: str) -> SearchEntry:
        return SearchEntry(code, int(code), name, True, search_text(name, aliases=(alias,)))

    near = entry("4", "我要开书店", "开书店")  # 开书店 is one character off 开花店
    two = [entry("1", "我要开花店", "开花店"), entry("2", "我要开花卉店", "开花店铺")]
    with_two = SearchIndex([*two, near]).search("开花店")
    assert [(h.bundle_code, h.typo) for h in with_two] == [("1", False), ("2", False), ("4", True)]
    three = [*two, entry("3", "我要开鲜花店", "开花店面")]
    assert [h.bundle_code for h in SearchIndex([*three, near]).search("开花店")] == ["1", "2", "3"]


def test_the_answer_suggests_only_when_nothing_matches_as_typed(index: SearchIndex) -> None:
    assert index.find("xcg").suggestion is None
    assert index.find("开饭店").suggestion is None  # an alias is a match
    slipped = index.find("小参馆")
    assert not slipped.exact
    assert slipped.suggestion is not None
    assert slipped.suggestion.name == SMALL_RESTAURANT
    assert slipped.suggestion == slipped.hits[0]


def test_with_nothing_near_the_suggestion_is_what_shares_the_longest_piece(index: SearchIndex) -> None:
    answer = index.find("我想开个饭店吧")
    assert answer.hits == ()
    assert answer.suggestion is not None
    assert answer.suggestion.name == SMALL_RESTAURANT  # 饭店, a keyword
    assert index.find("zzzzqqq").suggestion is None
    assert index.find("店").suggestion is None  # one character is no piece to go by


def test_an_index_stored_before_aliases_existed_reads_the_same() -> None:
    """Haystacks travel to townships and stay in databases: a tier's mark never changes meaning."""
    old = SEGMENT + SEGMENT.join(["\x01小餐馆", "\x01xcg", "\x02我要开小餐馆", "\x03饭店", "\x04营业执照"])
    index = SearchIndex([SearchEntry("B008", 8, "我要开小餐馆", True, old)])
    assert [(h.tier, h.match) for h in index.search("饭店")] == [(Tier.KEYWORD, Match.KEYWORD)]
    assert [(h.tier, h.match) for h in index.search("营业执照")] == [(Tier.ITEM, Match.ITEM)]
    assert chr(1 + Tier.ALIAS) in search_text("我要开小餐馆", aliases=("开饭店",))


_SEGMENTS = st.tuples(st.sampled_from(RANKED), st.text(alphabet="abc店馆", min_size=1, max_size=5))


@given(
    st.lists(st.lists(_SEGMENTS, min_size=1, max_size=6), min_size=1, max_size=40),
    st.text(alphabet="abc店馆", min_size=1, max_size=3),
    st.integers(min_value=1, max_value=45),
)
def test_the_ranking_is_tier_then_start_then_number(
    haystacks: list[list[tuple[int, str]]], query: str, limit: int
) -> None:
    """Against the plain reading of the rule, on haystacks where nearly every query matches many ways."""
    entries = _entries(haystacks)
    found = [(h.bundle_code, h.tier, h.at_start) for h in SearchIndex(entries).search(query, limit) if not h.typo]
    assert found == _plain_ranking(entries, haystacks, query)[:limit]


@given(
    st.lists(st.lists(_SEGMENTS, min_size=1, max_size=6), min_size=1, max_size=60),
    st.sampled_from("abc店馆"),
)
def test_every_hit_of_one_letter_is_ranked_by_the_same_rule(haystacks: list[list[tuple[int, str]]], query: str) -> None:
    """The window asks for every hit; a letter most bundles match, answered by asking each bundle."""
    entries = _entries(haystacks)
    found = [(h.bundle_code, h.tier, h.at_start) for h in SearchIndex(entries).find(query).hits if not h.typo]
    assert found == _plain_ranking(entries, haystacks, query)


def test_once_most_bundles_are_hits_the_next_tiers_ask_only_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    """A letter in nearly every name: the keywords and items of the bundles already found are not looked at again."""
    haystacks = [[(Tier.CORE, "ab" if n % 10 else "c"), (Tier.KEYWORD, "ba"), (Tier.ITEM, "ca")] for n in range(100)]
    asked: list[int] = []
    each = SearchIndex._each

    def counting(chunks: list[str], owners: list[int], q: str, places: Iterable[int]) -> tuple[list[int], list[int]]:
        places = list(places)
        asked.append(len(places))
        return each(chunks, owners, q, places)

    monkeypatch.setattr(SearchIndex, "_each", staticmethod(counting))
    found = [(h.bundle_code, h.tier) for h in SearchIndex(_entries(haystacks)).find("a").hits]
    assert asked == [100, 10]  # every name, then the keywords of the ten names without an "a"; no item is asked
    assert len(found) == 100
    assert found[-1] == ("B91", Tier.KEYWORD)


def test_once_most_bundles_are_hits_a_limited_search_asks_only_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    """Six of ten names hold the letter and eight hits are wanted: the keywords of the four others fill the room.

    Two of them hold it at a keyword's start (the last one inside its first keyword too) and two only inside one:
    those at the start take the two places left, though the bundles with it only inside come first by number.
    """
    haystacks = [[(Tier.CORE, "ab")] for _ in range(6)]
    haystacks += [[(Tier.CORE, "x"), (Tier.KEYWORD, "ba")] for _ in range(2)]
    haystacks += [
        [(Tier.CORE, "x"), (Tier.KEYWORD, "ab")],
        [(Tier.CORE, "x"), (Tier.KEYWORD, "ca"), (Tier.KEYWORD, "ab")],
    ]
    asked: list[list[int]] = []
    among = SearchIndex._among

    def counting(
        found: tuple[str, list[int], list[int]], q: str, others: list[int], wanted: int
    ) -> tuple[list[int], list[int]]:
        asked.append(others)
        return among(found, q, others, wanted)

    monkeypatch.setattr(SearchIndex, "_among", staticmethod(counting))
    entries = _entries(haystacks)
    index = SearchIndex(entries)
    found = [(h.bundle_code, h.tier, h.at_start) for h in index.search("a", limit=8)]
    assert asked == [[6, 7, 8, 9]]  # only the keywords of the four names without the letter
    assert found == [(f"B{n}", Tier.CORE, True) for n in range(1, 7)] + [
        ("B9", Tier.KEYWORD, True),
        ("B10", Tier.KEYWORD, True),
    ]
    assert found == _plain_ranking(entries, haystacks, "a")[:8]
    every = [(h.bundle_code, h.tier, h.at_start) for h in index.find("a").hits]
    assert found == every[:8]
    assert [(h.bundle_code, h.at_start) for h in index.search("a", limit=9)][6:] == [
        ("B9", True),
        ("B10", True),
        ("B7", False),
    ]


@given(
    st.lists(st.lists(_SEGMENTS, min_size=1, max_size=6), min_size=3, max_size=40),
    st.sampled_from("abc店馆"),
    st.data(),
)
def test_a_limit_between_half_and_all_the_bundles_keeps_the_best_of_every_hit(
    haystacks: list[list[tuple[int, str]]], query: str, data: st.DataObject
) -> None:
    """The room of a screenful when a letter matches most names: the first hits of the whole answer, in order."""
    entries = _entries(haystacks)
    limit = data.draw(st.integers(min_value=len(entries) // 2 + 1, max_value=len(entries) - 1))
    index = SearchIndex(entries)
    found = [(h.bundle_code, h.tier, h.at_start) for h in index.search(query, limit) if not h.typo]
    assert found == _plain_ranking(entries, haystacks, query)[:limit]
    assert index.search(query, limit) == list(index.find(query).hits[:limit])


def test_how_dense_a_query_is_is_judged_from_the_start_of_a_tier(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counting in the whole tier cost as much as a two-letter answer: a query dense only far on is scanned for."""
    haystacks = [[(Tier.CORE, "b" * 30)] for _ in range(90)] + [[(Tier.CORE, "ab")] for _ in range(60)]
    asked: list[int] = []
    each = SearchIndex._each

    def counting(chunks: list[str], owners: list[int], q: str, places: Iterable[int]) -> tuple[list[int], list[int]]:
        asked.append(1)
        return each(chunks, owners, q, places)

    monkeypatch.setattr(search, "SAMPLE", 1000)
    monkeypatch.setattr(SearchIndex, "_each", staticmethod(counting))
    entries = _entries(haystacks)
    found = [(h.bundle_code, h.tier, h.at_start) for h in SearchIndex(entries).find("a").hits]
    assert not asked
    assert found == _plain_ranking(entries, haystacks, "a")


def _entries(haystacks: list[list[tuple[int, str]]]) -> list[SearchEntry]:
    return [
        SearchEntry(f"B{n}", n, f"名{n}", True, SEGMENT + SEGMENT.join(chr(1 + t) + c for t, c in segments))
        for n, segments in enumerate(haystacks, 1)
    ]


def _plain_ranking(
    entries: list[SearchEntry], haystacks: list[list[tuple[int, str]]], query: str
) -> list[tuple[str, int, bool]]:
    expected: list[tuple[str, int, bool]] = []
    for tier in RANKED:
        for at_start in (True, False):
            for entry, segments in zip(entries, haystacks, strict=True):
                words = [c for t, c in segments if t == tier and c.isascii() == query.isascii()]
                hit = any(w.startswith(query) for w in words) if at_start else any(query in w for w in words)
                if hit and entry.bundle_code not in {code for code, _, _ in expected}:
                    expected.append((entry.bundle_code, tier, at_start))
    return expected
