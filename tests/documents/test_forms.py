"""A guide's forms, blank and as 示范样表 (兴署办发〔2021〕8 号, 附件: the 24-point checklist, items 23-24)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from counter.catalog.document import content_hash, from_document, to_document
from counter.catalog.model import Bundle, FormField, Material, MaterialKind
from counter.catalog.problems import Rule
from counter.catalog.validate import validate_bundle
from counter.cli.main import main
from counter.documents.model import DocumentKind, Fields, OfficeSettings, Text, bundle_forms, form_for
from counter.documents.render import render_pdf
from counter.documents.words import DOC_FORM_STANDARD
from tests.catalog.folder import shipped_catalog
from tests.conftest import made_database
from tests.documents.pdf_tools import page_count, pdf_text

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def shipped() -> dict[str, Bundle]:
    return {bundle.code: bundle for _, bundle in shipped_catalog().bundles}


def _form(bundle: Bundle, code: str) -> Material:
    return next(m for m in bundle_forms(bundle) if m.code == code)


def _boxes(data_blocks: tuple[object, ...]) -> Fields:
    return next(block for block in data_blocks if isinstance(block, Fields))


def test_the_shipped_forms_carry_the_national_forms_boxes(shipped: dict[str, Bundle]) -> None:
    restaurant, clothes = shipped["XAM-YJS-008"], shipped["XAM-YJS-013"]
    individual = [f.label for f in _form(restaurant, "M01").fields]
    for label in ("经营者姓名", "身份证件号码", "联系电话", "经营场所", "经营范围", "组成形式", "从业人数"):
        assert label in individual
    assert [f.label for f in _form(restaurant, "M02").fields][:3] == ["名称", "住所", "法定代表人"]
    assert "主体业态" in [f.label for f in _form(restaurant, "M06").fields]
    assert _form(clothes, "M01").fields
    assert _form(clothes, "M02").fields
    assert all(f.sample for m in (*bundle_forms(restaurant), *bundle_forms(clothes)) for f in m.fields)
    assert [m.code for m in bundle_forms(restaurant) if not m.fields] == []
    assert {m.code for m in bundle_forms(shipped["XAM-YJS-001"]) if not m.fields} == {"M01", "M05", "M09", "M12"}


def test_boxes_survive_storage_and_a_guide_without_them_keeps_its_hash(shipped: dict[str, Bundle]) -> None:
    restaurant = shipped["XAM-YJS-008"]
    again, problems = from_document(to_document(restaurant))
    assert problems == []
    assert again == restaurant
    bare = dataclasses.replace(
        restaurant, materials=tuple(dataclasses.replace(m, fields=()) for m in restaurant.materials)
    )
    doc = to_document(bare)
    assert all("fields" not in material for material in doc["materials"])
    assert content_hash(doc) != content_hash(to_document(restaurant))


def test_a_box_without_a_label_or_twice_the_same_is_reported(shipped: dict[str, Bundle]) -> None:
    restaurant = shipped["XAM-YJS-008"]
    form = _form(restaurant, "M01")
    broken = dataclasses.replace(form, fields=(*form.fields, FormField("", "x"), FormField("经营场所", "y")))
    licence = next(m for m in restaurant.materials if m.kind is not MaterialKind.FORM)
    boxed = dataclasses.replace(licence, fields=(FormField("名称"),), prescribed_by="国家市场监督管理总局")
    materials = tuple(broken if m is form else boxed if m is licence else m for m in restaurant.materials)
    problems = validate_bundle("008.toml", dataclasses.replace(restaurant, materials=materials))
    found = {(p.rule, p.field, p.material) for p in problems}
    assert (Rule.MISSING_ELEMENT, "materials.fields.label", "M01") in found
    assert (Rule.DUPLICATE_CODE, "materials.fields.label", "M01") in found
    assert (Rule.UNKNOWN_KEY, "materials.fields", licence.code) in found
    assert (Rule.UNKNOWN_KEY, "materials.prescribed_by", licence.code) in found  # only a form has a prescriber
    assert validate_bundle("008.toml", restaurant) == []


def test_the_blank_has_every_box_empty_and_the_sample_fills_them(shipped: dict[str, Bundle]) -> None:
    restaurant = shipped["XAM-YJS-008"]
    form = _form(restaurant, "M01")
    blank = form_for(restaurant, form, OfficeSettings(), TODAY, sample=False)
    sample = form_for(restaurant, form, OfficeSettings(), TODAY, sample=True)
    assert (blank.kind, sample.kind) == (DocumentKind.BLANK_FORM, DocumentKind.SAMPLE_FORM)
    assert blank.title == sample.title == "个体工商户登记（备案）申请书"
    assert [(p.label, p.value) for p in _boxes(blank.blocks).pairs] == [(f.label, "") for f in form.fields]
    assert [(p.label, p.value) for p in _boxes(sample.blocks).pairs] == [(f.label, f.sample) for f in form.fields]
    assert (blank.watermark, sample.watermark) == ("", "示范样表")
    assert (blank.doc_no, blank.case_no, blank.barcode, blank.qr) == ("", "", "", "")


def test_a_form_without_boxes_prints_the_standard_block_and_says_so(shipped: dict[str, Bundle]) -> None:
    factory = shipped["XAM-YJS-001"]
    data = form_for(factory, _form(factory, "M05"), OfficeSettings(), TODAY, sample=True)
    assert [p.label for p in _boxes(data.blocks).pairs] == ["申请人", "证件号码", "联系电话", "地址"]
    assert Text(DOC_FORM_STANDARD, indent=False) in data.blocks
    assert data.sign_off.signers == ("申请人（签字）",)


def test_the_sample_says_so_across_the_page_and_the_blank_does_not(shipped: dict[str, Bundle], tmp_path: Path) -> None:
    restaurant = shipped["XAM-YJS-008"]
    form = _form(restaurant, "M06")
    texts = {}
    for sample in (False, True):
        path = tmp_path / f"{sample}.pdf"
        path.write_bytes(render_pdf(form_for(restaurant, form, OfficeSettings(), TODAY, sample=sample)))
        assert page_count(path) == 1  # one A4 sheet
        texts[sample] = pdf_text(path)
    assert "主体业态餐饮服务经营者（小型餐馆）" in texts[True]
    assert "示范样表" in texts[True].replace("本表为示范样表", "")  # the mark and the copy's tag, besides the note
    assert "餐饮服务经营者（小型餐馆）" not in texts[False]
    assert "示范样表" not in texts[False]


def test_the_command_line_lists_prints_one_and_writes_all(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = made_database(tmp_path / "forms.sqlite3")
    assert main(["form", "8", "--db", db]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0] == "M01\t个体工商户登记（备案）申请书"
    assert len(listed) == 5
    one = tmp_path / "m01.pdf"
    assert main(["form", "xcg", "M01", "--sample", "--out", str(one), "--db", db]) == 0
    assert "资金数额（万元）5" in pdf_text(one)
    folder = tmp_path / "all"
    assert main(["form", "XAM-YJS-008", "--all", "--out", str(folder), "--db", db]) == 0
    written = sorted(p.name for p in folder.iterdir())
    assert len(written) == 10
    assert "XAM-YJS-008-M06-sample_form.pdf" in written
    capsys.readouterr()
    unplugged = tmp_path / "usb" / "表格"  # the stick is not in: its folder is not made on the desk's disk
    assert main(["form", "XAM-YJS-008", "--all", "--out", str(unplugged), "--db", db]) == 1
    assert not unplugged.parent.exists()
    assert "不存在" in capsys.readouterr().err
    assert main(["form", "8", "M03", "--out", str(tmp_path / "x.pdf"), "--db", db]) != 0  # 公司章程 is no form
    assert "M03" in capsys.readouterr().err
    assert main(["form", "8", "M01", "--db", db]) == 2  # a form to print, but nowhere said to write it
    assert capsys.readouterr().err == "请用 --out 指定保存的文件（--all 时为目录）\n"
    assert main(["form", "8", "M01", "--all", "--out", str(tmp_path / "both"), "--db", db]) == 2
    assert capsys.readouterr().err == "--all 打印全部表格，不再写材料编码\n"
    assert not (tmp_path / "both").exists()
    assert main(["form", "XAM-YJS-999", "--all", "--out", str(tmp_path / "none"), "--db", db]) == 1
    assert capsys.readouterr().err == "一件事 XAM-YJS-999 不存在或没有办事指南，不能打印表格\n"
    if Path("/dev/full").exists():  # a stick that fills up as the form is written: the write's fault, in words
        assert main(["form", "8", "M01", "--out", "/dev/full", "--db", db]) == 1
        assert capsys.readouterr().err == "无法写入 /dev/full：磁盘空间已满\n"


#: the bundles most taken at a hall (docs/catalog-format.md, "Forms with their boxes"), and 027 whose guide names
#: the boxes of its 诊所备案信息表
MOST_TAKEN = (
    "006", "008", "009", "011", "012", "013", "018", "033", "048", "052",
    "055", "059", "069", "070", "077", "078", "079", "080", "088", "102",
)  # fmt: skip
_ASKED = re.compile(r"(?:填写|写明)([^，。；]+)")
_NOTE = re.compile(r"（[^（）]*）")


def _named(requirement: str) -> list[str]:
    """What a form's requirement asks to write in it: "填写招牌位置、尺寸、材质和文字内容" → 招牌位置, 尺寸 ….

    What is written about the authorisation (写明委托办理…) is the 委托事项; a signature is no box."""
    named: list[str] = []
    for asked in _ASKED.finditer(_NOTE.sub("", requirement)):
        what = asked.group(1).strip()
        if what.startswith("委托"):
            named.append("委托事项")
            continue
        for raw in re.split(r"[、和]|以及|或者", what):
            part = re.sub(r"(基本)?信息$", "", re.sub(r"^(选择的|如实)", "", raw.strip()))
            if part and "签字" not in part and "盖章" not in part:
                named.append(part)
    return named


def test_the_forms_of_the_bundles_most_taken_all_have_their_boxes(shipped: dict[str, Bundle]) -> None:
    forms = [m for number in MOST_TAKEN for m in bundle_forms(shipped[f"XAM-YJS-{number}"])]
    assert len(forms) == 79
    assert [m.name for m in forms if not m.fields] == []
    assert all(f.sample for m in forms for f in m.fields)
    prescribed = {m.name: m.prescribed_by for m in forms if m.prescribed_by}
    assert prescribed["个体工商户登记（备案）申请书"] == prescribed["食品经营许可申请书"] == "国家市场监督管理总局"
    assert "户外招牌设置申请表" not in prescribed  # the city's own form: its boxes are the guide's


def test_every_form_has_a_box_for_what_its_guide_asks_to_write(shipped: dict[str, Bundle]) -> None:
    missing = []
    for bundle in shipped.values():
        for form in bundle_forms(bundle):
            labels = [_NOTE.sub("", f.label) for f in form.fields]
            if labels:
                missing += [
                    (bundle.code, form.code, name)
                    for name in _named(form.requirement)
                    if not any(name in label or label in name for label in labels)
                ]
    assert missing == []


def test_the_clinic_filing_form_has_the_boxes_its_guide_names(shipped: dict[str, Bundle]) -> None:
    clinic = shipped["XAM-YJS-027"]
    form = _form(clinic, "M06")
    labels = [f.label for f in form.fields]
    for named in ("诊所名称", "诊所地址", "诊疗科目", "床位（牙椅）数", "主要负责人", "卫生技术人员"):
        assert named in labels
    assert _named(form.requirement) == ["诊所名称", "地址", "诊疗科目", "床位数", "主要负责人", "卫生技术人员"]
    sample = form_for(clinic, form, OfficeSettings(), TODAY, sample=True)
    values = {p.label: p.value for p in _boxes(sample.blocks).pairs}
    assert values["主要负责人执业类别和从业年限"].endswith("8年")  # five years and more (实施细则 第十五条)
    assert all(values.values())


def test_a_prescribed_form_says_whose_format_governs(shipped: dict[str, Bundle]) -> None:
    restaurant = shipped["XAM-YJS-008"]
    for code, prescribed in (("M01", True), ("M10", False)):
        form = _form(restaurant, code)
        data = form_for(restaurant, form, OfficeSettings(), TODAY, sample=False)
        said = [b.text for b in data.blocks if isinstance(b, Text) and "规定的" in b.text]
        expected = [f"本表栏目依照国家市场监督管理总局规定的《{form.name}》格式印制；内容以该规定格式为准。"]
        assert said == (expected if prescribed else [])
