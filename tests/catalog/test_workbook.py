"""The catalog workbook: template, export, and reading back with every problem placed."""

from __future__ import annotations

import re
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from counter.catalog.document import from_document
from counter.catalog.model import Bundle, GuideStatus
from counter.catalog.problems import WORKBOOK_KEY, Problem, Rule, WorkbookProblem
from counter.catalog.validate import validate_catalog
from counter.catalog.workbook import read_workbook
from counter.catalog.workbook_labels import WORKBOOK_HEADERS, WORKBOOK_NOTES
from counter.catalog.workbook_layout import (
    BUNDLES,
    EXAMPLE_BUNDLE,
    MATERIALS,
    NOTES_SHEET,
    SHEETS,
    Kind,
    Sheet,
)
from counter.catalog.workbook_writer import write_template, write_workbook
from counter.words.catalog_problems import problem_text
from tests.conftest import costly_examples

CODE = "XAM-YJS-008"
# what openpyxl refuses, and what it writes but XML cannot carry (hypothesis makes no surrogates)
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ITEM_A = "152200000080001"
ITEM_B = "152200000080002"


def _limit(value: int, unit: str = "working_day") -> dict[str, Any]:
    return {"value": value, "unit": unit}


def full_document() -> dict[str, Any]:
    """A published guide using every part of the format, intermediaries included."""
    return {
        "code": CODE,
        "number": 8,
        "name": "我要开小餐馆（50平方米以下）",
        "status": "published",
        "sample": True,
        "keywords": ["饭店", "餐饮", "小吃"],
        "aliases": ["开饭店", "开餐馆", "小饭馆"],
        "summary": "一次申请，同时办理个体工商户设立登记和小餐饮店登记。\n材料一次收齐。",
        "service_objects": ["自然人", "非法人企业"],
        "conditions": ["经营场所使用面积在50平方米以下", "符合食品安全要求"],
        "forms": ["窗口办理", "网上办理", "邮寄办理"],
        "address": {
            "street": "乌兰浩特市兴安北大路",
            "number": "18号",
            "room": "政务服务中心一楼东厅",
            "desk_no": "综合窗口3号",
        },
        "hours": [
            {"days": "星期一至星期五", "periods": ["08:30-11:30", "14:30-17:30"], "note": "法定节假日除外"},
            {"days": "星期六", "periods": ["09:00-12:00"], "note": ""},
        ],
        "consult_phone": "0482-8261234",
        "complaint_phone": "0482-12345",
        "visits": 1,
        "visits_reason": "领取证照时核验原件",
        "promised_limit": _limit(10),
        "result": "营业执照、小餐饮店登记证",
        "steps": [
            {"name": "受理", "limit": _limit(1), "result": "受理凭证", "description": "综合窗口一次收取材料"},
            {"name": "审批", "limit": _limit(8), "result": "审批决定", "description": "各部门并联审批"},
            {"name": "出件", "limit": _limit(2, "calendar_day"), "result": "营业执照、小餐饮店登记证"},
        ],
        "items": [
            {
                "code": ITEM_A,
                "basic_code": "000117001",
                "name": "个体工商户设立登记",
                "sub_item": "个体工商户设立登记",
                "type": "01",
                "case_kind": "2",
                "department": "{place}市场监督管理局",
                "level": "county",
                "entrusted": True,
                "legal_basis": "《市场主体登记管理条例》",
                "conditions": ["经营者具有完全民事行为能力"],
                "legal_limit": _limit(15),
                "promised_limit": _limit(3),
                "fee": {"amount": "0", "basis": "不收费"},
                "result": "营业执照",
                "licence": "营业执照",  # reported upward as 电子证照 once granted: it must survive the workbook
            },
            {
                "code": ITEM_B,
                "basic_code": "000201004",
                "name": "小餐饮店登记",
                "sub_item": "小餐饮店登记",
                "type": "20",
                "case_kind": "1",
                "department": "乌兰浩特市市场监督管理局",
                "level": "league",
                "vertical": True,
                "legal_basis": "《内蒙古自治区食品小作坊小餐饮店小食杂店和食品摊贩管理条例》",
                "legal_limit": _limit(20),
                "promised_limit": _limit(10),
                "fee": {"amount": "12.50", "basis": "按物价部门核定标准"},
                "result": "小餐饮店登记证",
                "intermediaries": [
                    {"name": "从业人员健康体检", "basis": "《中华人民共和国食品安全法》第四十五条"},
                    {"name": "营业场所检测", "basis": "《食品经营许可管理办法》第十一条"},
                ],
            },
        ],
        "situations": [
            {
                "code": "operator",
                "question": "以什么形式经营？",
                "options": [
                    {"code": "individual", "label": "个体工商户"},
                    {"code": "company", "label": "公司（企业）"},
                ],
            },
            {
                "code": "agent",
                "question": "是否委托他人代办？",
                "options": [{"code": "yes", "label": "委托代办"}, {"code": "no", "label": "本人办理"}],
            },
        ],
        "materials": [
            {
                "code": "M01",
                "name": "经营者身份证件",
                "items": [ITEM_A, ITEM_B],
                "kind": "certificate",
                "copy_form": "original_and_copy",
                "medium": "paper",
                "originals": 1,
                "copies": 1,
                "paper_size": "A4",
                "source": "government",
                "issuer": "公安机关",
                "necessity": "required",
                "legal_basis": "《市场主体登记管理条例》第十六条",
                "requirement": "在有效期内，复印件与原件一致",
            },
            {
                "code": "M02",
                "name": "小餐饮店登记申请表",
                "items": [ITEM_B],
                "when": ["operator.individual", "operator.company"],
                "kind": "form",
                "copy_form": "original",
                "medium": "paper_or_electronic",
                "originals": 1,
                "copies": 0,
                "paper_size": "A3",
                "source": "applicant",
                "issuer": "申请人",
                "necessity": "required",
                "legal_basis": "《内蒙古自治区食品小作坊小餐饮店小食杂店和食品摊贩管理条例》",
                "requirement": "填写完整并由经营者签字",
                "blank_form": "综合窗口领取",
                "sample_form": "综合窗口张贴",
            },
            {
                "code": "M03",
                "name": "从业人员健康证明",
                "items": [ITEM_B],
                "kind": "certificate",
                "copy_form": "copy",
                "medium": "paper",
                "originals": 0,
                "copies": 1,
                "paper_size": "A4",
                "source": "other",
                "issuer": "医疗卫生机构",
                "necessity": "deferrable",
                "legal_basis": "《中华人民共和国食品安全法》第四十五条",
                "requirement": "每名从业人员一份",
                "deferral_limit": _limit(7),
                "intermediary": "医疗卫生机构",
            },
            {
                "code": "M04",
                "name": "营业执照",
                "items": [ITEM_B],
                "kind": "certificate",
                "copy_form": "original",
                "medium": "electronic",
                "originals": 0,
                "copies": 0,
                "source": "government",
                "issuer": "市场监督管理部门",
                "necessity": "optional",
                "legal_basis": "《内蒙古自治区食品小作坊小餐饮店小食杂店和食品摊贩管理条例》",
                "shared": True,
            },
        ],
    }


def full_bundle() -> Bundle:
    bundle, problems = from_document(full_document(), "008.toml")
    assert problems == []
    return bundle


def unpublished_bundle() -> Bundle:
    return Bundle(code="XAM-YJS-031", number=31, name="我要开药店", status=GuideStatus.UNPUBLISHED, sample=False)


def exported(tmp_path: Path, *bundles: Bundle, name: str = "catalog.xlsx") -> Path:
    path = tmp_path / name
    assert write_workbook(path, bundles) == ()
    return path


def column_of(ws: Any, key: str) -> int:
    """1-based index of the column whose row-1 key is ``key``."""
    return int(next(c.column for c in ws[1] if c.value == key))


def row_of(ws: Any, key: str, value: object) -> int:
    column = column_of(ws, key)
    return next(r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=column).value == value)


def set_cell(ws: Any, row: int, key: str, value: object) -> None:
    ws.cell(row=row, column=column_of(ws, key)).value = value  # value=None in cell() would not clear


def facts(problems: tuple[Problem, ...]) -> set[tuple[Rule, str, str, str]]:
    return {(p.rule, p.file, p.field, p.detail) for p in problems}


# --- the template ----------------------------------------------------------------------------


def test_template_has_every_sheet_with_keys_chinese_headers_and_an_example(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [NOTES_SHEET, *(s.title for s in SHEETS)]
    assert [s.title for s in SHEETS] == ["一件事", "事项", "情形", "材料", "办理时间", "办理流程", "中介服务"]
    assert book[NOTES_SHEET]["A1"].value == WORKBOOK_NOTES[0]
    for sheet in SHEETS:
        ws = book[sheet.title]
        keys = [c.value for c in ws[1]]
        assert keys == [c.key for c in sheet.columns]
        assert [c.value for c in ws[2]] == [WORKBOOK_HEADERS[sheet.part][k] for k in keys]
        assert all(c.font.bold for c in (*ws[1], *ws[2]))
        assert ws.freeze_panes == "B3"
        tie = "code" if sheet is BUNDLES else "bundle"
        assert ws.cell(row=3, column=column_of(ws, tie)).value == EXAMPLE_BUNDLE.code
        assert ws.cell(row=3, column=1).font.italic
        assert all(ws.column_dimensions[c.column_letter].width >= 8 for c in ws[1])
    # two example rows in 情形: the one situation's two options
    assert book["情形"].max_row == 4
    assert all(book[s.title].max_row == 3 for s in SHEETS if s.title != "情形")


def test_template_offers_dropdowns_for_every_code_and_flag_column(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path)
    ws = openpyxl.load_workbook(path)["材料"]
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in ws.data_validations.dataValidation}
    necessity = ws.cell(row=3, column=column_of(ws, "necessity")).column_letter
    shared = ws.cell(row=3, column=column_of(ws, "shared")).column_letter
    assert lists[f"{necessity}3"] == '"required,optional,deferrable"'
    assert lists[f"{shared}3"] == '"是,否"'
    wanted = [c for c in MATERIALS.columns if c.kind in (Kind.CODE, Kind.FLAG)]
    assert len(lists) == len(wanted) == 8


def test_template_reads_as_no_bundles_and_no_problems(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path)
    assert read_workbook(path).bundles == ()
    assert read_workbook(path).problems == ()


def test_template_example_renamed_imports_as_a_guide_that_breaks_no_rule(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    for sheet in SHEETS:
        for row in book[sheet.title].iter_rows(min_row=3):
            for cell in row:
                if cell.value == EXAMPLE_BUNDLE.code:
                    cell.value = CODE
    book.save(path)
    result = read_workbook(path)
    assert result.problems == ()
    assert result.bundles == (("template.xlsx", replace(EXAMPLE_BUNDLE, code=CODE)),)
    assert validate_catalog(result.bundles) == []


# --- round trip ------------------------------------------------------------------------------


def test_export_then_read_gives_equal_bundles(tmp_path: Path) -> None:
    bundles = (full_bundle(), unpublished_bundle())
    path = exported(tmp_path, *bundles)
    result = read_workbook(path)
    assert result.problems == ()
    assert result.bundles == tuple(("catalog.xlsx", b) for b in bundles)


def test_export_lays_out_lists_limits_and_flags_as_documented(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(exported(tmp_path, full_bundle()))
    bundles, items, situations = book["一件事"], book["事项"], book["情形"]
    assert bundles.cell(row=3, column=column_of(bundles, "keywords")).value == "饭店\n餐饮\n小吃"
    assert bundles.cell(row=3, column=column_of(bundles, "aliases")).value == "开饭店\n开餐馆\n小饭馆"
    assert bundles.cell(row=3, column=column_of(bundles, "sample")).value == "是"
    assert bundles.cell(row=3, column=column_of(bundles, "promised_limit_value")).value == 10
    assert bundles.cell(row=3, column=column_of(bundles, "promised_limit_unit")).value == "working_day"
    assert items.cell(row=4, column=column_of(items, "type")).value == "20"
    assert items.cell(row=4, column=column_of(items, "fee_amount")).value == "12.50"
    assert bundles.cell(row=3, column=column_of(bundles, "service_objects")).value == "自然人\n非法人企业"
    assert [items.cell(row=row, column=column_of(items, "level")).value for row in (3, 4)] == ["county", "league"]
    assert [items.cell(row=row, column=column_of(items, "entrusted")).value for row in (3, 4)] == ["是", None]
    assert [items.cell(row=row, column=column_of(items, "vertical")).value for row in (3, 4)] == [None, "是"]
    assert [c.value for c in book["中介服务"][4]] == [
        CODE,
        ITEM_B,
        "营业场所检测",
        "《食品经营许可管理办法》第十一条",
    ]
    # one row per option; the question only on the situation's first row
    assert [[c.value for c in row] for row in situations.iter_rows(min_row=3)] == [
        [CODE, "operator", "以什么形式经营？", "individual", "个体工商户"],
        [CODE, "operator", None, "company", "公司（企业）"],
        [CODE, "agent", "是否委托他人代办？", "yes", "委托代办"],
        [CODE, "agent", None, "no", "本人办理"],
    ]


def test_values_as_excel_returns_them_read_as_typed(tmp_path: Path) -> None:
    """Excel gives numbers as floats, turns 01 into 1 and TRUE into a boolean."""
    path = exported(tmp_path, full_bundle())
    book = openpyxl.load_workbook(path)
    bundles, items, materials, steps = book["一件事"], book["事项"], book["材料"], book["办理流程"]
    set_cell(bundles, 3, "number", 8.0)
    set_cell(bundles, 3, "visits", "1")
    set_cell(bundles, 3, "sample", True)
    set_cell(bundles, 3, "promised_limit_value", 10.0)
    set_cell(items, 3, "type", 1)
    set_cell(items, 3, "case_kind", 2.0)
    set_cell(items, 3, "fee_amount", 0)
    set_cell(items, 3, "basic_code", "000117001")
    set_cell(items, 4, "fee_amount", 12.5)
    set_cell(materials, 3, "originals", 1.0)
    set_cell(materials, 6, "shared", "TRUE")
    set_cell(materials, 3, "shared", "false")
    set_cell(materials, 3, "items", f"  {ITEM_A}\r\n\n{ITEM_B}  ")
    set_cell(steps, 3, "limit_value", 1.0)
    book.save(path)
    result = read_workbook(path)
    assert result.problems == ()
    assert result.bundles == (("catalog.xlsx", full_bundle()),)


def test_columns_are_found_by_their_key_not_their_position(tmp_path: Path) -> None:
    path = exported(tmp_path, full_bundle())
    book = openpyxl.load_workbook(path)
    for title in ("材料", "事项"):
        ws = book[title]
        grid = [[c.value for c in row] for row in ws.iter_rows()]
        for r, row in enumerate(grid, 1):
            for c, value in enumerate(reversed(row), 1):
                ws.cell(row=r, column=c).value = value
    book.save(path)
    result = read_workbook(path)
    assert result.problems == ()
    assert result.bundles == (("catalog.xlsx", full_bundle()),)


def test_a_workbook_made_before_aliases_existed_reads_without_them(tmp_path: Path) -> None:
    path = exported(tmp_path, full_bundle())
    book = openpyxl.load_workbook(path)
    book["一件事"].delete_cols(column_of(book["一件事"], "aliases"))
    book.save(path)
    result = read_workbook(path)
    assert result.problems == ()
    assert result.bundles == (("catalog.xlsx", replace(full_bundle(), aliases=())),)


def test_a_bundle_code_that_is_not_text_is_named_and_nothing_is_tied_to_it(tmp_path: Path) -> None:
    path = exported(tmp_path, full_bundle())
    book = openpyxl.load_workbook(path)
    book["一件事"].append([True, 9, "真"])
    book["办理时间"].append([True, "星期日"])
    book.save(path)
    result = read_workbook(path)
    assert facts(result.problems) == {
        (Rule.WRONG_TYPE, "catalog.xlsx › 一件事 第4行", "code", "True"),
        (Rule.DANGLING_REFERENCE, "catalog.xlsx › 办理时间 第5行", "code", "True"),
    }
    assert result.bundles == (("catalog.xlsx", full_bundle()),)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    bundle = replace(full_bundle(), summary="=一次申请（不是公式）", consult_phone="+86 482 8261234")
    result = read_workbook(exported(tmp_path, bundle))
    assert result.bundles == (("catalog.xlsx", bundle),)


def test_characters_a_workbook_cannot_hold_are_dropped_and_reported(tmp_path: Path) -> None:
    bundle = replace(full_bundle(), name="我要开\x01小餐馆\uffff", result="x" * 40000)
    path = tmp_path / "catalog.xlsx"
    problems = write_workbook(path, [bundle])
    assert facts(problems) == {
        (Rule.SYNTAX, "catalog.xlsx › 一件事 第3行", "name", ""),
        (Rule.SYNTAX, "catalog.xlsx › 一件事 第3行", "result", "32767"),
    }
    kinds = {dict(p.extra)[WORKBOOK_KEY] for p in problems}
    assert kinds == {WorkbookProblem.DROPPED_CHARACTERS, WorkbookProblem.CUT}
    said = sorted(problem_text(p).rpartition("：工作簿格式不对：")[2] for p in problems)
    assert said == ["含有工作簿无法保存的控制字符，导出时已删去", "超过单元格上限32767个字符，导出时已截断"]
    result = read_workbook(path)
    assert result.problems == ()
    assert result.bundles == (("catalog.xlsx", replace(bundle, name="我要开小餐馆", result="x" * 32767)),)


# --- problems, each named by sheet and row ---------------------------------------------------


def test_every_error_in_every_sheet_is_listed_with_its_sheet_and_row(tmp_path: Path) -> None:
    path = exported(tmp_path, full_bundle())
    book = openpyxl.load_workbook(path)
    set_cell(book["一件事"], 3, "promised_limit_unit", "weeks")
    set_cell(book["事项"], 4, "legal_limit_unit", None)
    materials = book["材料"]
    set_cell(materials, row_of(materials, "code", "M03"), "necessity", "must")
    set_cell(materials, row_of(materials, "code", "M04"), "originals", "一份")
    situations = book["情形"]
    situations.cell(row=1, column=6, value="questoin")
    book["办理流程"].append(["XAM-YJS-999", "受理", 1, "working_day", "受理凭证"])
    book["中介服务"].append([CODE, "152200000089999", "房屋安全鉴定", "《城市危险房屋管理规定》"])
    book["办理时间"].append([None, "星期六", "09:00-12:00"])
    book.save(path)

    result = read_workbook(path)

    place = "catalog.xlsx › {} 第{}行".format
    assert facts(result.problems) == {
        (Rule.UNKNOWN_VALUE, place("一件事", 3), "promised_limit.unit", "weeks"),
        (Rule.LIMIT_WITHOUT_UNIT, place("事项", 4), "legal_limit", "20"),
        (Rule.UNKNOWN_VALUE, place("材料", 5), "necessity", "must"),
        (Rule.MISSING_ELEMENT, place("材料", 5), "necessity", ""),  # the reader's own follow-up
        (Rule.WRONG_TYPE, place("材料", 6), "originals", "'一份'"),
        (Rule.UNKNOWN_KEY, place("情形", 1), "questoin", ""),
        (Rule.DANGLING_REFERENCE, place("办理流程", 6), "code", "XAM-YJS-999"),
        (Rule.DANGLING_REFERENCE, place("中介服务", 5), "items.code", "152200000089999"),
        (Rule.MISSING_ELEMENT, place("办理时间", 5), "code", ""),
    }
    assert len(result.problems) == 9
    by_rule = {p.rule: p for p in result.problems}
    assert (by_rule[Rule.UNKNOWN_VALUE].bundle, by_rule[Rule.LIMIT_WITHOUT_UNIT].item) == (CODE, ITEM_B)
    assert by_rule[Rule.WRONG_TYPE].material == "M04"
    assert [b.code for _, b in result.bundles] == [CODE]
    for problem in result.problems:
        assert problem_text(problem).startswith(problem.file)


def test_layout_mistakes_are_named_and_the_rest_still_read(tmp_path: Path) -> None:
    path = exported(tmp_path, full_bundle())
    book = openpyxl.load_workbook(path)
    book.create_sheet("Sheet1")
    bundles = book["一件事"]
    bundles.append([CODE, 9, "重复的一件事"])
    items = book["事项"]
    items.cell(row=1, column=items.max_column + 1, value="name")
    hours = book["办理时间"]
    hours.cell(row=4, column=8, value="没有列名的内容")
    situations = book["情形"]
    situations.append([CODE, "operator", "经营者是谁？", "partnership", "合伙企业"])
    situations.append([CODE, None, "无编码的情形", "x", "某选项"])
    book.save(path)

    result = read_workbook(path)

    assert facts(result.problems) == {
        (
            Rule.UNKNOWN_KEY,
            "catalog.xlsx › Sheet1",
            "Sheet1",
            "Sheet1",
        ),
        (Rule.DUPLICATE_CODE, "catalog.xlsx › 一件事 第4行", "code", CODE),
        (
            Rule.SYNTAX,
            "catalog.xlsx › 事项 第1行",
            "name",
            "name",
        ),
        (
            Rule.UNKNOWN_KEY,
            "catalog.xlsx › 办理时间 第1行",
            "H",
            "H",
        ),
        (Rule.DUPLICATE_CODE, "catalog.xlsx › 情形 第7行", "situations.code", "operator"),
        (Rule.MISSING_ELEMENT, "catalog.xlsx › 情形 第8行", "situations.code", ""),
    }
    duplicate = next(p for p in result.problems if p.detail == "operator")
    assert dict(duplicate.extra) == {"other": "catalog.xlsx › 情形 第3行"}
    [(_, bundle)] = result.bundles
    assert bundle.name == full_bundle().name  # the first row with a code keeps it
    assert bundle.situations[0].question == "以什么形式经营？"
    assert [o.code for o in bundle.situations[0].options] == ["individual", "company", "partnership"]


def test_example_rows_are_skipped_wherever_they_stand(tmp_path: Path) -> None:
    path = exported(tmp_path, full_bundle())
    book = openpyxl.load_workbook(path)
    book["材料"].append([EXAMPLE_BUNDLE.code, "M09", "示例材料"])
    book["办理时间"].append(["示例-XAM-YJS-999", "星期日"])
    book.save(path)
    result = read_workbook(path)
    assert result.problems == ()
    assert result.bundles == (("catalog.xlsx", full_bundle()),)


def test_a_missing_sheet_is_named_and_the_other_sheets_are_read(tmp_path: Path) -> None:
    path = exported(tmp_path, full_bundle())
    book = openpyxl.load_workbook(path)
    del book["办理流程"]
    book.save(path)
    result = read_workbook(path)
    assert facts(result.problems) == {
        (
            Rule.SYNTAX,
            "catalog.xlsx › 办理流程",
            "办理流程",
            "办理流程",
        )
    }
    assert result.bundles == (("catalog.xlsx", replace(full_bundle(), steps=())),)


def test_a_sheet_without_its_tying_column_is_named_and_not_guessed(tmp_path: Path) -> None:
    path = exported(tmp_path, full_bundle())
    book = openpyxl.load_workbook(path)
    book["材料"].delete_cols(1)
    book.save(path)
    result = read_workbook(path)
    assert facts(result.problems) == {
        (
            Rule.SYNTAX,
            "catalog.xlsx › 材料 第1行",
            "bundle",
            "bundle",
        )
    }
    assert result.bundles == (("catalog.xlsx", replace(full_bundle(), materials=())),)


def _zip_without_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "不是工作簿")


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("catalog.xlsx", lambda p: p.write_text("code,name\nXAM-YJS-008,小餐馆\n", encoding="utf-8")),
        ("catalog.xlsx", _zip_without_workbook),
        ("catalog.xlsx", lambda p: p.mkdir()),
        ("catalog.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))),
        ("absent.xlsx", lambda p: None),
    ],
    ids=["text", "zip", "folder", "xls", "absent"],
)
def test_a_file_that_is_not_a_workbook_gives_one_named_problem(tmp_path: Path, name: str, make: Any) -> None:
    path = tmp_path / name
    make(path)
    result = read_workbook(path)
    assert result.bundles == ()
    [problem] = result.problems
    assert (problem.rule, problem.file) == (Rule.UNREADABLE, name)
    assert dict(problem.extra)[WORKBOOK_KEY] == WorkbookProblem.NOT_A_WORKBOOK
    assert problem_text(problem).startswith(f"{name}：工作簿无法读取：不是可以打开的 .xlsx 工作簿（")
    assert str(tmp_path) not in problem.detail  # the system's reason, as the platform's reader gives it: no path


def test_a_workbook_made_unreadable_by_an_xml_illegal_character_is_reported(tmp_path: Path) -> None:
    """openpyxl writes U+FFFF without complaint into a file it then cannot parse."""
    path = exported(tmp_path, full_bundle())
    book = openpyxl.load_workbook(path)
    book["一件事"]["C3"] = "小餐馆\uffff"
    book.save(path)
    [problem] = read_workbook(path).problems
    assert problem.rule is Rule.UNREADABLE


# --- properties ------------------------------------------------------------------------------

_TIES = st.sampled_from([CODE, "XAM-YJS-009", EXAMPLE_BUNDLE.code, "", "  ", ITEM_A, "operator"])
_CELL = st.one_of(
    st.none(),
    _TIES,
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)


def _writable(value: object) -> object:
    """What openpyxl accepts in a cell: it refuses C0 control characters outright."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


@st.composite
def _sheet_grid(draw: st.DrawFn, sheet: Sheet) -> list[list[object]]:
    keys: list[object] = [c.key for c in sheet.columns]
    header = draw(st.lists(st.one_of(st.sampled_from(keys), st.text(max_size=8), st.none()), max_size=4))
    keys = header if draw(st.booleans()) else keys + header  # the sheet's keys, or only made-up ones
    rows = draw(st.lists(st.lists(_CELL, max_size=len(keys) + 2), max_size=5))
    return [keys, ["说明"] * len(keys), *rows]


@st.composite
def _workbook(draw: st.DrawFn) -> dict[str, list[list[object]]]:
    sheets = {s.title: draw(_sheet_grid(s)) for s in SHEETS if draw(st.integers(0, 9))}
    if draw(st.booleans()):
        sheets[draw(st.text(min_size=1, max_size=10).filter(lambda t: t.strip()))] = [["x"]]
    return sheets


def _save(path: Path, sheets: dict[str, list[list[object]]]) -> bool:
    """Write the grid; False when openpyxl refuses a sheet title (those never reach a reader)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, grid in sheets.items():
        try:
            ws = book.create_sheet(title)
        except ValueError:
            return False
        for r, row in enumerate(grid, 1):
            for c, value in enumerate(row, 1):
                cell = ws.cell(row=r, column=c, value=_writable(value))
                if isinstance(value, str):
                    cell.data_type = "s"
    if not book.sheetnames:
        book.create_sheet("空")
    book.save(path)
    return True


# each example writes a workbook and reads it back; drawing whole sheets of cells is slow by nature
@pytest.mark.slow
@costly_examples(2, suppress_health_check=[HealthCheck.too_slow])
@given(_workbook())
def test_arbitrary_cells_never_raise_and_every_problem_is_placed(sheets: dict[str, list[list[Any]]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.xlsx"
        if not _save(path, sheets):
            return
        result = read_workbook(path)
    assert all(p.file.startswith("any.xlsx") for p in result.problems)
    assert all(label == "any.xlsx" for label, _ in result.bundles)
    assert all(not b.code.startswith("示例") for _, b in result.bundles)
    for problem in result.problems:
        problem_text(problem)


@pytest.mark.slow
@costly_examples(2)  # each example writes a workbook and reads it back
@given(st.text(max_size=60), st.lists(st.text(max_size=20), max_size=4))
def test_arbitrary_text_in_a_guide_exports_and_reads_back_without_raising(text: str, keywords: list[str]) -> None:
    bundle = replace(full_bundle(), name=text, summary=text, keywords=tuple(keywords))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.xlsx"
        problems = write_workbook(path, [bundle])
        result = read_workbook(path)
    cleaned = UNWRITABLE.sub("", text)
    assert bool(problems) == (cleaned != text or any(UNWRITABLE.search(k) for k in keywords))
    assert result.problems == ()
    [(_, back)] = result.bundles
    assert back.summary == cleaned.replace("\r\n", "\n").replace("\r", "\n").strip()


def test_the_workbook_labels_name_each_code_as_the_desk_does_in_chinese() -> None:
    """The workbook's own copy of the code labels (Chinese by format) says what the faces' words say in Chinese."""
    from counter.catalog.departments import AdminLevel
    from counter.catalog.model import CaseKind, CopyForm, ItemType, Medium, Necessity, SourceChannel
    from counter.words import catalog as words

    labels = " ".join(" ".join(sheet.values()) for sheet in WORKBOOK_HEADERS.values())
    for table, codes in (
        (words.ITEM_TYPE, ItemType), (words.CASE_KIND, CaseKind), (words.COPY_FORM, CopyForm),
        (words.MEDIUM, Medium), (words.SOURCE, SourceChannel), (words.NECESSITY, Necessity),
        (words.ADMIN_LEVEL, AdminLevel),
    ):  # fmt: skip
        by_value = {code.value: label for code, label in table.items()}
        for code in codes:
            assert f"{code.value} {by_value[code.value]}" in labels
