"""Each value of a catalog file not of its kind is named at its element, and the rest of the guide is still read.

A technician edits a guide's TOML by hand: a fee with a comma, a limit without its unit, 是 where true is meant.
Each must be a problem of the file naming the element, never a crash and never a value silently taken as another.
"""

from __future__ import annotations

import pytest

from counter.catalog.document import canonical_json, from_document, to_document
from counter.catalog.problems import Rule
from counter.catalog.reader import parse_bundle
from counter.words.catalog_problems import problem_text
from tests.conftest import SHIPPED_CATALOG

SAMPLE = (SHIPPED_CATALOG / "008.toml").read_text(encoding="utf-8")
FEE = 'fee = { amount = "0", basis = "不收费" }'
LIMIT = 'promised_limit = { value = 3, unit = "working_day" }'


def _problems(old: str, new: str) -> set[tuple[str, str, str]]:
    assert old in SAMPLE
    _bundle, problems = parse_bundle(SAMPLE.replace(old, new, 1), "008.toml")
    return {(p.rule.value, p.field, p.detail) for p in problems}


@pytest.mark.parametrize(
    ("new", "problem"),
    [
        ('fee = { amount = "12,50", basis = "x" }', (Rule.WRONG_TYPE.value, "fee.amount", "12,50")),
        ('fee = { amount = "NaN", basis = "x" }', (Rule.WRONG_TYPE.value, "fee.amount", "NaN")),
        ('fee = { amount = "-5", basis = "x" }', (Rule.WRONG_TYPE.value, "fee.amount", "-5")),
        ('fee = { amount = true, basis = "x" }', (Rule.WRONG_TYPE.value, "fee.amount", "True")),
        ('fee = { basis = "x" }', (Rule.MISSING_ELEMENT.value, "fee.amount", "")),
        ('fee = "不收费"', (Rule.WRONG_TYPE.value, "fee", "'不收费'")),
    ],
)
def test_a_fee_not_a_sum_of_yuan_is_named(new: str, problem: tuple[str, str, str]) -> None:
    assert problem in _problems(FEE, new)


@pytest.mark.parametrize(
    ("new", "problem"),
    [
        ('promised_limit = { unit = "working_day" }', (Rule.MISSING_ELEMENT.value, "promised_limit.value", "")),
        (
            'promised_limit = { value = -3, unit = "working_day" }',
            (Rule.WRONG_TYPE.value, "promised_limit.value", "-3"),
        ),
        ("promised_limit = { value = 3 }", (Rule.LIMIT_WITHOUT_UNIT.value, "promised_limit", "3")),
        ('promised_limit = { value = 3, unit = "" }', (Rule.LIMIT_WITHOUT_UNIT.value, "promised_limit", "3")),
        ('promised_limit = { value = 3, unit = "week" }', (Rule.UNKNOWN_VALUE.value, "promised_limit.unit", "week")),
        (
            'promised_limit = { value = "3", unit = "working_day" }',
            (Rule.WRONG_TYPE.value, "promised_limit.value", "'3'"),
        ),
    ],
)
def test_a_limit_without_a_whole_number_of_days_or_its_unit_is_named(new: str, problem: tuple[str, str, str]) -> None:
    """Once, and with the limit it belongs to: an item has two, and a unit unknown was named only as 时限单位, days
    written as text were named twice, the second time as days not written at all."""
    found = {p for p in _problems(LIMIT, new) if "limit" in p[1] or p[1] in ("value", "unit")}
    assert found == {problem}


def test_a_limit_problem_says_which_limit_in_the_technicians_words() -> None:
    _bundle, problems = parse_bundle(SAMPLE.replace(LIMIT, 'promised_limit = { value = 3, unit = "week" }', 1), "x")
    assert [problem_text(p) for p in problems] == [
        "x › XAM-YJS-008 › 事项 152201-YJS008-02：承诺办结时限的时限单位的取值“week”不在代码表内"
    ]


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("entrusted = true", 'entrusted = "是"', (Rule.WRONG_TYPE.value, "entrusted", "'是'")),
        ("format = 1", "format = 9", (Rule.UNKNOWN_VALUE.value, "format", "9")),
    ],
)
def test_a_flag_or_format_not_as_written_is_named(old: str, new: str, problem: tuple[str, str, str]) -> None:
    assert problem in _problems(old, new)


KEYWORDS = 'keywords = ["饭店", "餐馆", "餐饮", "小吃店", "食品经营许可"]'
REMEDY = (
    'remedy = { kind = "review_or_suit", review = "government", '
    'basis = "《中华人民共和国行政复议法》第十一条第三项、第二十四条第一款第一项" }'
)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (KEYWORDS, 'keywords = ["饭店", 3]', (Rule.WRONG_TYPE.value, "keywords", "['饭店', 3]")),
        (KEYWORDS, 'keywords = { a = "饭店" }', (Rule.WRONG_TYPE.value, "keywords", "{'a': '饭店'}")),
        (REMEDY, 'remedy = { review = "government", basis = "x" }', (Rule.MISSING_ELEMENT.value, "remedy.kind", "")),
    ],
    ids=["keyword_a_number", "keywords_a_table", "remedy_without_kind"],
)
def test_a_list_or_remedy_not_as_written_is_named(old: str, new: str, problem: tuple[str, str, str]) -> None:
    assert problem in _problems(old, new)


def test_one_keyword_written_without_its_brackets_is_that_keyword() -> None:
    """``keywords = "餐饮"`` means the list of that one word: read so, and no problem."""
    bundle, problems = parse_bundle(SAMPLE.replace(KEYWORDS, 'keywords = "  餐饮 "', 1), "008.toml")
    assert bundle is not None
    assert (bundle.keywords, problems) == (("餐饮",), [])


def test_a_list_of_tables_written_as_text_is_named_and_the_guide_still_read() -> None:
    head = 'format = 1\ncode = "T-1"\nnumber = 1\nname = "我要测试"\nstatus = "unpublished"\n'
    bundle, problems = parse_bundle(head + 'materials = "营业执照"\n', "t.toml")
    assert bundle is not None
    assert (bundle.name, bundle.materials) == ("我要测试", ())
    assert [(p.rule, p.field, p.detail) for p in problems] == [(Rule.WRONG_TYPE, "materials", "'营业执照'")]


NAME_MN = "ᠵᠢᠵᠢᠭ ᠬᠣᠭᠣᠯᠠᠨ ᠤ ᠭᠠᠵᠠᠷ ᠨᠡᠭᠡᠭᠡᠬᠦ"  # a sample name in Mongolian script for the pad to show


def test_a_bundles_mongolian_name_is_read_kept_and_hashed_only_where_given() -> None:
    """The catalog takes a bundle's name in Mongolian script (``name_mn``): read, kept in the stored document, read
    back from it; a guide without one stores the document it stored before, so its hash is what it was."""
    plain, problems = parse_bundle(SAMPLE, "008.toml")
    assert problems == []
    assert plain is not None
    assert plain.name_mn == ""
    assert "name_mn" not in to_document(plain)
    named, problems = parse_bundle(SAMPLE.replace("\nname = ", f'\nname_mn = "{NAME_MN}"\nname = ', 1), "008.toml")
    assert problems == []
    assert named is not None
    assert named.name_mn == NAME_MN
    document = to_document(named)
    assert document["name_mn"] == NAME_MN
    assert from_document(document)[0].name_mn == NAME_MN
    assert canonical_json(document) != canonical_json(to_document(plain))
