"""Problems as the catalog editor reads them: one Chinese line naming the place and the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.catalog.problems import Problem, Rule
from counter.catalog.reader import parse_bundle
from counter.words.catalog_problems import FIELD_TEXT, RULE_TEXT, field_text, problem_text
from tests.catalog.breaches import BREACHES, Breach, broken, check
from tests.catalog.builders import item, limit, valid_bundle, write_catalog


def test_every_rule_has_a_sentence() -> None:
    assert set(RULE_TEXT) == set(Rule)


@pytest.mark.parametrize("breach", BREACHES, ids=[b.id for b in BREACHES])
def test_every_reported_problem_reads_as_chinese(tmp_path: Path, breach: Breach) -> None:
    write_catalog(tmp_path, {"008.toml": broken(8, breach)})

    for problem in check(tmp_path):
        line = problem_text(problem)
        assert line.startswith("008.toml")
        assert problem.field in FIELD_TEXT, "every field the validator names has a Chinese name"
        assert FIELD_TEXT[problem.field] in line or problem.rule in _RULES_NAMING_NO_FIELD
        said = line.replace(problem.detail, "")  # a department's name keeps its "{place}"
        assert "{" not in said
        assert "}" not in said


_RULES_NAMING_NO_FIELD = {
    Rule.ADDRESS_WITHOUT_DESK,
    Rule.INTERMEDIARY_WITHOUT_BASIS,
    Rule.VISITS_WITHOUT_REASON,
    Rule.MATERIAL_WITHOUT_BASIS,
    Rule.SHARED_BUT_DEMANDED,
    Rule.DEFERRAL_WITHOUT_LIMIT,
    Rule.DEFERRAL_EXCEEDS_PROMISE,
    Rule.DEFERRAL_OF_IDENTITY,
    Rule.DEFERRAL_OF_FORM,
    Rule.BAD_NUMBER,
}


def test_a_catch_all_word_is_quoted_with_its_source() -> None:
    problem = Problem(
        Rule.CATCH_ALL_WORDING,
        "008.toml",
        "XAM-YJS-008",
        material="M03",
        field="materials.name",
        detail="其他",
    )

    assert problem_text(problem) == "008.toml › XAM-YJS-008 › 材料 M03：材料名称含兜底表述“其他”（第十条）"


def test_a_missing_desk_cites_the_checklist() -> None:
    problem = Problem(Rule.ADDRESS_WITHOUT_DESK, "008.toml", "XAM-YJS-008", field="address.desk_no")

    assert problem_text(problem) == "008.toml › XAM-YJS-008：办理地点未写明窗口号（清单第14项）"


def test_limits_are_written_in_words(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    item(doc, "A")["legal_limit"] = limit(2)
    write_catalog(tmp_path, {"008.toml": doc})

    [problem] = check(tmp_path)

    assert problem_text(problem) == (
        "008.toml › XAM-YJS-008 › 事项 152200000080001：承诺办结时限3个工作日未控制在法定办结时限2个工作日以内"
    )


def test_a_clash_names_the_file_that_came_first() -> None:
    problem = Problem(
        Rule.DUPLICATE_CODE, "009.toml", "XAM-YJS-008", field="code", detail="XAM-YJS-008",
        extra=(("other", "008.toml"),),
    )  # fmt: skip

    assert problem_text(problem) == "009.toml › XAM-YJS-008：一件事编码“XAM-YJS-008”重复，已见于 008.toml"


def test_alias_problems_quote_the_alias(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    doc["aliases"] = ["开饭店", "", "店", "开 饭店"]
    write_catalog(tmp_path, {"008.toml": doc})

    assert [problem_text(p) for p in check(tmp_path)] == [
        "008.toml › XAM-YJS-008：第2个别名是空的",
        "008.toml › XAM-YJS-008：别名“店”须有2至20个字符",
        "008.toml › XAM-YJS-008：别名“开 饭店”与“开饭店”重复（空格、大小写、全角半角不作区分）",
    ]


def test_an_empty_reference_is_said_to_be_empty() -> None:
    problem = Problem(Rule.DANGLING_REFERENCE, "008.toml", "XAM-YJS-008", material="M05", field="materials.items")

    assert problem_text(problem) == "008.toml › XAM-YJS-008 › 材料 M05：材料所属事项为空，须列明本一件事中的事项"


def test_a_file_without_bundle_is_named_once() -> None:
    problem = Problem(Rule.SYNTAX, "007.toml", "007.toml", detail="Invalid value (at end of document)")

    assert problem_text(problem) == "007.toml：不是有效的 TOML 格式：文件在结尾处不完整，常见原因是引号或括号没有成对"


def test_a_toml_syntax_error_is_placed_in_chinese_without_the_parsers_english() -> None:
    """The banner of the window and ``catalog validate`` said "Illegal character '\\n' (at line 5, column 18)"."""
    _bundle, (problem,) = parse_bundle('format = 1\ncode = "XAM-YJS-104"\nstatus = "publish\n', "104.toml")

    said = problem_text(problem)
    assert said == "104.toml：不是有效的 TOML 格式：第3行第18个字符处有误，常见原因是引号或括号没有成对、缺少等号"
    assert "line" in problem.detail  # the parser's own message kept for the log


@pytest.mark.parametrize(
    ("problem", "name"),
    [
        (Problem(Rule.LIMIT_WITHOUT_UNIT, item="X", field="promised_limit"), "承诺办结时限"),
        (Problem(Rule.LIMIT_WITHOUT_UNIT, field="promised_limit"), "承诺办结时限"),
        (Problem(Rule.LIMIT_WITHOUT_UNIT, field="limit"), "环节办理时限"),
        (Problem(Rule.LIMIT_WITHOUT_UNIT, material="M03", field="deferral_limit"), "容缺补交时限"),
        (Problem(Rule.MISSING_ELEMENT, item="X", field="fee.amount"), "收费标准"),
        (Problem(Rule.MISSING_ELEMENT, item="X", field="legal_limit.value"), "法定办结时限的天数"),
        (Problem(Rule.UNKNOWN_VALUE, material="M01", field="unit"), "时限单位"),
        (Problem(Rule.WRONG_TYPE, field="street"), "办理地点的街道名称"),
        (Problem(Rule.WRONG_TYPE, material="M01", field="name"), "材料名称"),
        (Problem(Rule.WRONG_TYPE, item="X", field="name"), "事项名称"),
        (Problem(Rule.WRONG_TYPE, field="name"), "一件事名称"),
        (Problem(Rule.UNKNOWN_KEY, field="address.floor"), "address.floor"),
    ],
)
def test_the_readers_bare_keys_find_their_names(problem: Problem, name: str) -> None:
    """The reader names a key inside an item or material without its path; the name is found all the same."""
    assert field_text(problem) == name


def test_the_readers_problems_read_as_chinese(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    item(doc, "A")["legal_limit"] = limit(1, "month")
    doc["address"]["floor"] = "一楼"
    write_catalog(tmp_path, {"008.toml": doc})

    lines = [problem_text(p) for p in check(tmp_path)]

    assert lines == [
        "008.toml › XAM-YJS-008：格式中没有“address.floor”这一项，可能是拼写错误",
        "008.toml › XAM-YJS-008 › 事项 152200000080001：法定办结时限的时限单位的取值“month”不在代码表内",
    ]
