"""The regional platform's item workbook: Chinese headers, merged cells, several sheets; all or nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from counter.catalog.check import CheckResult, check_source
from counter.catalog.model import Fee
from counter.catalog.platform_columns import (
    COLUMNS,
    FEE_AMOUNT,
    IS_DEFERRABLE,
    IS_FEE,
    ITEM_NAME,
    SheetKind,
    canonical,
    header_key,
    limit,
)
from counter.catalog.platform_workbook import read_platform_workbook
from counter.catalog.problems import WORKBOOK_KEY, Problem, Rule, WorkbookProblem
from counter.catalog.workbook import read_workbook
from counter.catalog.workbook_labels import WORKBOOK_HEADERS
from counter.cli.main import main
from counter.words.catalog_problems import problem_text
from tests.catalog.platform_sample import SAMPLE, bundles
from tests.catalog.platform_writer import write_platform_workbook
from tests.conftest import made_database


def _where(problems: tuple[Problem, ...]) -> set[tuple[str, str]]:
    return {(p.file, dict(p.extra).get(WORKBOOK_KEY) or p.rule.value) for p in problems}


def test_the_sample_reads_back_as_the_guides_it_was_written_from() -> None:
    checked = check_source(SAMPLE)
    assert checked.problems == ()
    assert tuple(b for _, b in checked.bundles) == bundles()


def test_the_committed_sample_is_what_the_script_writes(tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    write_platform_workbook(again, bundles())
    for name in ("一件事", "事项", "材料", "办理流程"):
        committed = openpyxl.load_workbook(SAMPLE)[name]
        written = openpyxl.load_workbook(again)[name]
        assert list(committed.values) == list(written.values)
        assert {str(r) for r in committed.merged_cells.ranges} == {str(r) for r in written.merged_cells.ranges}


def test_the_sample_has_chinese_headers_under_a_title_and_merged_bundle_cells() -> None:
    book = openpyxl.load_workbook(SAMPLE)
    items = book["事项"]
    assert [c.value for c in items[2]][:6] == [
        "一件事编码",
        "一件事名称",
        "事项名称",
        "子项名称",
        "事项类型",
        "实施编码",
    ]
    assert "A3:A4" in {str(r) for r in items.merged_cells.ranges}  # the bundle over its two items
    assert items["E3"].value == "行政许可"
    assert items["N3"].value == "3个工作日"  # 法定办结时限


def test_headers_match_across_spaces_widths_stars_notes_and_synonyms(tmp_path: Path) -> None:
    assert header_key(" 事项 名称 ") == "事项名称"
    assert header_key("*实施编码（不超过24个字符）") == "实施编码"
    assert header_key("纸张规格(Ａ４/Ａ３)") == "纸张规格"
    book = openpyxl.load_workbook(SAMPLE)
    for ws in book.worksheets:  # a second spelling of every tying column
        for cell in ws[2]:
            cell.value = {"一件事名称": "一件事", "事项名称": " *事项 名称", "材料名称": "材料名称（全称）"}.get(
                str(cell.value), cell.value
            )
    book["事项"]["F2"] = "实施清单编码"
    book["材料"]["L2"] = "必要性"
    path = tmp_path / "spelled.xlsx"
    book.save(path)
    read = read_workbook(path)
    assert read.problems == ()
    assert tuple(b for _, b in read.bundles) == bundles()


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [("20个工作日", 20, "working_day"), ("20 工作日", 20, "working_day"), ("60日", 60, "calendar_day"),
     ("60天", 60, "calendar_day"), ("60个自然日", 60, "calendar_day"), ("即办", 0, "working_day"),
     ("２０个工作日", 20, "working_day")],
)  # fmt: skip
def test_limits_as_the_platform_writes_them(written: str, value: int, unit: str) -> None:
    assert limit(written) == {"value": value, "unit": unit}


def _broken(tmp_path: Path) -> Path:
    """The sample with four mistakes: an unknown 事项类型, a bad limit, a merge over two bundles, a missing column."""
    path = tmp_path / "broken.xlsx"
    shutil.copy(SAMPLE, path)
    book = openpyxl.load_workbook(path)
    book["事项"]["E3"] = "行政审查"  # no such 事项类型
    book["事项"]["N4"] = "二十个工作日"  # 法定办结时限 in words
    materials = book["材料"]
    materials.merge_cells("J5:J6")  # 来源渠道 over M03 of 008 and M01 of 011
    steps = book["办理流程"]
    steps.unmerge_cells("A3:A4")
    steps.unmerge_cells("A5:A6")
    steps["A2"], steps["B2"] = "备注", None  # neither 一件事编码 nor 一件事名称: its rows cannot be placed
    book.save(path)
    return path


def test_a_broken_workbook_names_every_problem_at_its_sheet_row_and_column(tmp_path: Path) -> None:
    checked = check_source(_broken(tmp_path))
    assert [problem_text(p) for p in checked.problems] == [
        # the 办理流程 sheet was not read, so neither guide has its steps
        "broken.xlsx › XAM-YJS-008：未写明办理流程",
        "broken.xlsx › XAM-YJS-011：未写明办理流程",
        "broken.xlsx › 事项 第3行 › 事项类型 › XAM-YJS-008 › 事项 TEST-008-01：事项类型的取值“行政审查”不在代码表内",
        "broken.xlsx › 事项 第4行 › 法定办结时限 › XAM-YJS-008 › 事项 TEST-008-02："
        "法定办结时限的值类型不对：二十个工作日",
        "broken.xlsx › 办理流程 第2行：工作簿格式不对：表头缺少列“一件事编码”，本工作表的数据无法归属，没有读取",
        "broken.xlsx › 材料 第5行 › 来源渠道："
        "工作簿格式不对：合并单元格 J5:J6 跨越了不同一件事的行，无法确定属于哪一个",
    ]
    found = _where(checked.problems)
    assert ("broken.xlsx › 事项 第3行 › 事项类型", Rule.UNKNOWN_VALUE.value) in found
    assert ("broken.xlsx › 材料 第5行 › 来源渠道", WorkbookProblem.MERGED_ACROSS_BUNDLES.value) in found


@pytest.mark.slow
def test_a_broken_workbook_imports_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    code = main(["catalog", "import", str(_broken(tmp_path)), "--json", "--db", db])
    out, err = capsys.readouterr()
    assert code == 1
    assert "未导入任何内容" in err
    places = {p["file"] for p in json.loads(out)["problems"]}
    assert "broken.xlsx › 事项 第4行 › 法定办结时限" in places
    code = main(["catalog", "show", "XAM-YJS-011", "--json", "--db", db])
    out, _ = capsys.readouterr()
    assert json.loads(out)["version"] == 1  # the shipped guide, untouched


@pytest.mark.slow  # about a second alone: in the full run, not the quick tier
def test_the_sample_imports_through_the_command_as_drafts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert main(["catalog", "list", "--db", db]) == 0  # the shipped catalog first, as a desk has it
    capsys.readouterr()
    code = main(["catalog", "import", str(SAMPLE), "--json", "--db", db])
    out, _ = capsys.readouterr()
    assert code == 0, out
    assert set(json.loads(out)["new_versions"]) == {"XAM-YJS-008", "XAM-YJS-011"}
    code = main(["catalog", "show", "XAM-YJS-011", "--json", "--db", db])
    shown = json.loads(capsys.readouterr().out)
    assert (shown["version"], shown["status"]) == (2, "draft")  # 待核 until the site's administrator publishes it
    assert [i["code"] for i in shown["items"]] == ["TEST-011-01", "TEST-011-02"]
    assert shown["materials"][0]["items"] == ["TEST-011-01", "TEST-011-02"]


def test_a_sheet_the_reader_does_not_know_is_named(tmp_path: Path) -> None:
    path = tmp_path / "extra.xlsx"
    shutil.copy(SAMPLE, path)
    book = openpyxl.load_workbook(path)
    book.create_sheet("统计")["A1"] = "合计"
    book.save(path)
    read = read_platform_workbook(path)
    assert _where(read.problems) == {("extra.xlsx › 统计", WorkbookProblem.UNKNOWN_SHEET.value)}


@pytest.mark.parametrize(
    ("part", "kind"), [("items", SheetKind.ITEMS), ("materials", SheetKind.MATERIALS), ("bundles", SheetKind.BUNDLES)]
)
def test_the_templates_chinese_header_is_the_national_element_name(part: str, kind: SheetKind) -> None:
    """Row 2 of the project's own template begins with the name the platform's workbook heads the column with."""
    labels = WORKBOOK_HEADERS[part]
    named = {c.path[-1] if c.path != ("fee", "basis") else "fee_basis": c.name for c in COLUMNS[kind] if c.path}
    shared = {key: name for key, name in named.items() if key in labels}
    assert len(shared) >= 10
    assert {key: canonical(labels[key]) for key in shared} == shared


@pytest.mark.slow
def test_every_kind_of_remedy_reads_back_from_both_workbooks(tmp_path: Path) -> None:
    """The shipped guides of 复议前置 (053), a site-named body and a superior by level (007), a superior without a
    place (081) and a complaint only (033) keep their remedies through the platform's workbook and the project's."""
    from counter.catalog.reader import read_file
    from counter.catalog.workbook_writer import write_workbook
    from tests.conftest import SHIPPED_CATALOG

    shipped = []
    for number in ("053", "007", "081", "033"):
        bundle, problems = read_file(SHIPPED_CATALOG / f"{number}.toml")
        assert bundle is not None, problems
        shipped.append(bundle)
    platform, ours = tmp_path / "platform.xlsx", tmp_path / "ours.xlsx"
    write_platform_workbook(platform, shipped)
    write_workbook(ours, shipped)
    for path, read in ((platform, read_platform_workbook), (ours, read_workbook)):
        back = {bundle.code: bundle for _, bundle in read(path).bundles}
        for bundle in shipped:
            assert [i.remedy for i in back[bundle.code].items] == [i.remedy for i in bundle.items], path.name


def _edited(tmp_path: Path, sheet: str, cells: dict[tuple[int, str], object]) -> Path:
    """The sample with cells of one sheet set (``None``: emptied), each by its row and its column's header."""
    path = tmp_path / "edited.xlsx"
    shutil.copy(SAMPLE, path)
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    columns = {ws.cell(row=2, column=c).value: c for c in range(1, ws.max_column + 1)}
    for (row, header), value in cells.items():
        ws.cell(row=row, column=columns[header]).value = value
    book.save(path)
    return path


def _fees(checked: CheckResult) -> dict[str, Fee | None]:
    return {item.code: item.fee for _, bundle in checked.bundles for item in bundle.items}


def test_a_fee_and_the_platforms_words_for_none_read_as_it_writes_them(tmp_path: Path) -> None:
    """收费标准 in yuan as the platform writes it, full-width or not; 不收费 or 无 there when 是否收费 is 否 (what the
    platform writes for an item that charges nothing) was refused as a value of the wrong type."""
    path = _edited(tmp_path, "事项", {
        (3, IS_FEE): "是", (3, FEE_AMOUNT): "１２.５０元", (3, "收费依据"): "内发改收费〔2026〕1号",
        (4, IS_FEE): "否", (4, FEE_AMOUNT): "不收费",
        (5, IS_FEE): "否", (5, FEE_AMOUNT): "无",
    })  # fmt: skip
    checked = check_source(path)
    assert [problem_text(p) for p in checked.problems] == []
    fees = _fees(checked)
    assert fees["TEST-008-01"] == Fee(Decimal("12.50"), "内发改收费〔2026〕1号")
    assert fees["TEST-008-02"] == Fee(Decimal("0"), "不收费")
    assert fees["TEST-011-01"] == Fee(Decimal("0"), "不收费")


def test_an_amount_under_no_fee_is_named_at_its_cell_not_read_as_free(tmp_path: Path) -> None:
    """是否收费 否 with an amount in 收费标准 became a fee of 0 without a word: one of the two is wrong, and only the
    department can say which.  An amount of 0 agrees with 否, as 不收费, 无 or nothing there do."""
    path = _edited(tmp_path, "事项", {
        (3, IS_FEE): "否", (3, FEE_AMOUNT): "20元", (3, "收费依据"): "内发改收费〔2026〕2号",
        (4, IS_FEE): "否", (4, FEE_AMOUNT): "0",
    })  # fmt: skip
    checked = check_source(path)
    assert [problem_text(p) for p in checked.problems] == [
        "edited.xlsx › 事项 第3行 › 收费标准 › XAM-YJS-008 › 事项 TEST-008-01：是否收费为“否”，收费标准却写了“20元”，"
        "二者矛盾：请向实施部门核实是否收费，改正其中之一"
    ]
    assert [p.rule for p in checked.problems] == [Rule.FEE_AND_FREE]
    assert _fees(checked)["TEST-008-02"] == Fee(Decimal("0"), "不收费")


def test_a_fee_that_is_no_amount_or_a_yes_or_no_that_is_neither_is_named_once_at_its_cell(tmp_path: Path) -> None:
    """The cell is named, as the value it holds; the fee it leaves untold is not called missing at the bundle's row as
    well (未写明收费标准 beside each, before)."""
    path = _edited(tmp_path, "事项", {(3, IS_FEE): "是", (3, FEE_AMOUNT): "12元5角", (4, IS_FEE): "也许"})
    checked = check_source(path)
    assert [problem_text(p) for p in checked.problems] == [
        "edited.xlsx › 事项 第3行 › 收费标准 › XAM-YJS-008 › 事项 TEST-008-01：收费标准的值类型不对：12元5角",
        "edited.xlsx › 事项 第4行 › 是否收费 › XAM-YJS-008 › 事项 TEST-008-02：是否收费的值类型不对：也许",
    ]


@pytest.mark.parametrize(
    ("cells", "column", "untold"),
    [
        ({(3, IS_FEE): "是", (3, FEE_AMOUNT): "#VALUE!"}, FEE_AMOUNT, "fee"),
        ({(3, IS_FEE): "否", (3, FEE_AMOUNT): "#VALUE!"}, FEE_AMOUNT, "fee"),  # not read as an amount that agrees
        ({(3, IS_FEE): "#N/A"}, IS_FEE, "fee"),
        ({(3, "法定办结时限"): "#DIV/0!"}, "法定办结时限", "legal_limit"),
    ],
    ids=["amount under yes", "amount under no", "yes or no", "legal limit"],
)
def test_a_cell_holding_an_error_value_is_named_once_as_one(
    tmp_path: Path, cells: dict[tuple[int, str], object], column: str, untold: str
) -> None:
    """A formula the platform's export left as #VALUE! or #N/A: named at its cell as an error value, not read as the
    element's text, and the element it leaves untold not called missing at the bundle's row as well."""
    error = str(next(v for (_, header), v in cells.items() if header == column))
    checked = check_source(_edited(tmp_path, "事项", cells))
    assert [problem_text(p) for p in checked.problems] == [
        f"edited.xlsx › 事项 第3行 › {column} › XAM-YJS-008 › 事项 TEST-008-01："
        f"单元格是错误值“{error}”（公式没有算出结果），没有读取"
    ]
    assert [dict(p.extra)[WORKBOOK_KEY] for p in checked.problems] == [WorkbookProblem.CELL_ERROR.value]
    item = next(i for _, b in checked.bundles for i in b.items if i.code == "TEST-008-01")
    assert getattr(item, untold) is None


def test_a_bundle_row_whose_code_is_an_error_value_is_named_as_one(tmp_path: Path) -> None:
    checked = check_source(_edited(tmp_path, "一件事", {(3, "一件事编码"): "#REF!"}))
    said = [problem_text(p) for p in checked.problems]
    assert "edited.xlsx › 一件事 第3行 › 一件事编码：单元格是错误值“#REF!”（公式没有算出结果），没有读取" in said
    assert not [p for p in checked.problems if p.rule is Rule.MISSING_ELEMENT]


def test_a_blank_yes_or_no_is_read_as_not_given_not_a_crash(tmp_path: Path) -> None:
    """An item whose 是否收费 is left blank stopped the reading of the whole workbook (a KeyError); now its fee is
    what 收费标准 says, or missing, as any element not given."""
    path = _edited(
        tmp_path,
        "事项",
        {(3, IS_FEE): None, (4, IS_FEE): None, (4, FEE_AMOUNT): "20", (4, "收费依据"): "内发改收费〔2026〕2号"},
    )
    checked = check_source(path)
    assert [problem_text(p) for p in checked.problems] == [
        "edited.xlsx › 一件事 第3行 › XAM-YJS-008 › 事项 TEST-008-01：未写明收费标准"
    ]
    assert _fees(checked)["TEST-008-02"] == Fee(Decimal("20"), "内发改收费〔2026〕2号")


def test_a_materials_blank_yes_or_no_and_blank_items_are_read_as_not_given(tmp_path: Path) -> None:
    """是否容缺 left blank: the material is required, as when it says 否; 事项名称 left blank: named as a material of no
    item.  Either stopped the reading of the whole workbook."""
    path = _edited(tmp_path, "材料", {(3, IS_DEFERRABLE): None, (4, ITEM_NAME): None})
    checked = check_source(path)
    assert [problem_text(p) for p in checked.problems] == [
        "edited.xlsx › XAM-YJS-008 › 材料 M02：材料所属事项为空，须列明本一件事中的事项"
    ]
    materials = {m.code: m for _, b in checked.bundles if b.code == "XAM-YJS-008" for m in b.materials}
    assert materials["M01"].necessity.value == "required"
    assert materials["M01"].items == ("TEST-008-01", "TEST-008-02")


def _changed(tmp_path: Path, change: Callable[[Any], None]) -> CheckResult:
    """The sample changed by ``change`` (given the open workbook), as the catalog check reads it."""
    path = tmp_path / "changed.xlsx"
    shutil.copy(SAMPLE, path)
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return check_source(path)


def _unmerged(ws: Any, cells: str, **values: object) -> None:
    ws.unmerge_cells(cells)
    for cell, value in values.items():
        ws[cell] = value


def test_a_row_whose_bundle_no_bundle_row_holds_is_named_and_left_out(tmp_path: Path) -> None:
    """By its 一件事编码, or by its 一件事名称 where the sheet has no codes; the wording speaks of the 一件事 sheet, not
    of a reference inside one bundle ("在本一件事中不存在")."""
    by_code = _changed(tmp_path, lambda book: _unmerged(book["事项"], "A3:A4", A4="XAM-YJS-999"))
    unknown = "一件事编码“XAM-YJS-999”在工作表“一件事”中没有对应的一件事，本行没有读取"
    assert f"changed.xlsx › 事项 第4行 › 一件事编码：{unknown}" in [problem_text(p) for p in by_code.problems]
    assert [i.code for _, b in by_code.bundles if b.code == "XAM-YJS-008" for i in b.items] == ["TEST-008-01"]

    def by_name_only(book: Any) -> None:
        book["事项"]["A2"] = "备注"  # no 一件事编码 column: each row is tied by its 一件事名称
        _unmerged(book["事项"], "B3:B4", B4="我要开飞机")

    by_name = _changed(tmp_path, by_name_only)
    assert (
        "changed.xlsx › 事项 第4行 › 一件事名称：一件事名称“我要开飞机”在工作表“一件事”中没有对应的一件事，本行没有读取"
        in [problem_text(p) for p in by_name.problems]
    )
    assert {b.code: len(b.items) for _, b in by_name.bundles} == {"XAM-YJS-008": 1, "XAM-YJS-011": 2}

    def neither(book: Any) -> None:
        book["事项"]["A2"] = "备注"
        _unmerged(book["事项"], "B3:B4", B4=None)

    assert "changed.xlsx › 事项 第4行 › 一件事名称：未写明一件事编码" in [
        problem_text(p) for p in _changed(tmp_path, neither).problems
    ]


def test_a_bundle_row_without_its_code_or_with_anothers_is_named(tmp_path: Path) -> None:
    def blank(book: Any) -> None:
        book["一件事"]["A4"] = None

    def twice(book: Any) -> None:
        book["一件事"]["A4"] = book["一件事"]["A3"].value

    assert "changed.xlsx › 一件事 第4行 › 一件事编码：未写明一件事编码" in [
        problem_text(p) for p in _changed(tmp_path, blank).problems
    ]
    assert (
        "changed.xlsx › 一件事 第4行 › XAM-YJS-008：一件事编码“XAM-YJS-008”重复，已见于 changed.xlsx › 一件事 第3行"
        in [problem_text(p) for p in _changed(tmp_path, twice).problems]
    )


def test_a_column_twice_is_named_and_its_first_read(tmp_path: Path) -> None:
    def twice(book: Any) -> None:
        book["事项"]["D2"] = "事项名称"  # 子项名称's header written as 事项名称 again

    checked = _changed(tmp_path, twice)
    assert "changed.xlsx › 事项 第2行 › 事项名称：工作簿格式不对：第1行的列“事项名称”出现了不止一次，只读取第一列" in [
        problem_text(p) for p in checked.problems
    ]
    assert [i.name for _, b in checked.bundles if b.code == "XAM-YJS-008" for i in b.items] == [
        "个体工商户设立登记",
        "小餐饮店登记",
    ]


def test_the_service_objects_of_the_items_are_gathered_into_their_bundles_once_each(tmp_path: Path) -> None:
    def objects(book: Any) -> None:
        ws = book["事项"]
        column = ws.max_column + 1
        ws.cell(row=2, column=column, value="服务对象")
        for row, value in ((3, "自然人、事业单位法人"), (4, "事业单位法人\n企业法人"), (5, "自然人")):
            ws.cell(row=row, column=column, value=value)

    checked = _changed(tmp_path, objects)
    assert checked.problems == ()
    found = {b.code: b.service_objects for _, b in checked.bundles}
    assert found["XAM-YJS-008"] == ("自然人", "非法人企业", "事业单位法人", "企业法人")  # the bundle's own first
    assert found["XAM-YJS-011"].count("自然人") == 1


def test_cells_excel_typed_as_numbers_or_yes_and_no_read_as_the_platform_means_them(tmp_path: Path) -> None:
    """A department's export retyped in Excel: a number where text is meant (an implementation code), counts with
    their measure word (1次, 2份), TRUE and FALSE in the yes-or-no columns: each read for what it says."""
    bundle_sheet = _edited(tmp_path, "一件事", {(3, "清单序号"): 8.0, (3, "到办事现场次数"): "1次"})
    bundles = {b.code: b for _, b in check_source(bundle_sheet).bundles}
    assert (bundles["XAM-YJS-008"].number, bundles["XAM-YJS-008"].visits) == (8, 1)

    items_sheet = _edited(tmp_path, "事项", {(3, "实施编码"): 152201.0, (3, "委托窗口受理"): True,
                                             (3, "是否垂直管理"): False})  # fmt: skip
    checked = check_source(items_sheet)
    item = next(i for _, b in checked.bundles for i in b.items if i.code == "152201")
    assert (item.entrusted, item.vertical) == (True, False)

    materials_sheet = _edited(tmp_path, "材料", {(3, "原件份数"): "2份", (4, "复印件份数"): "两份"})
    checked = check_source(materials_sheet)
    materials = {m.code: m for _, b in checked.bundles if b.code == "XAM-YJS-008" for m in b.materials}
    assert materials["M01"].originals == 2
    assert [problem_text(p) for p in checked.problems] == [
        "edited.xlsx › 材料 第4行 › 复印件份数 › XAM-YJS-008 › 材料 M02：复印件份数的值类型不对：两份"
    ]


def test_a_fee_below_nothing_or_a_sentence_under_no_fee_is_named_at_its_cell(tmp_path: Path) -> None:
    """A fee of -5 yuan is no fee; 按面积计收 under 是否收费 否 is no word for none: it contradicts the 否."""
    edited: dict[tuple[int, str], object] = {
        (3, IS_FEE): "否", (3, FEE_AMOUNT): "按面积计收", (4, IS_FEE): "是", (4, FEE_AMOUNT): "-5"
    }  # fmt: skip
    checked = check_source(_edited(tmp_path, "事项", edited))
    said = [problem_text(p) for p in checked.problems]
    assert "edited.xlsx › 事项 第4行 › 收费标准 › XAM-YJS-008 › 事项 TEST-008-02：收费标准的值类型不对：-5" in said
    assert (
        "edited.xlsx › 事项 第3行 › 收费标准 › XAM-YJS-008 › 事项 TEST-008-01："
        "是否收费为“否”，收费标准却写了“按面积计收”，二者矛盾：请向实施部门核实是否收费，改正其中之一"
    ) in said
    assert (_fees(checked)["TEST-008-01"], _fees(checked)["TEST-008-02"]) == (None, None)
