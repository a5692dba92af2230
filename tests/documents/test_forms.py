"""A guide's forms, blank and as 示范样表 (兴署办发〔2021〕8 号, 附件: the 24-point checklist, items 23-24)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from counter.catalog.document import content_hash, from_document, to_document
from counter.catalog.model import Bundle, FormField, Material, MaterialKind
from counter.catalog.problems import Rule
from counter.catalog.reader import read_folder
from counter.catalog.validate import forms_without_fields, validate_bundle
from counter.cli.main import main
from counter.documents.model import DocumentKind, Fields, OfficeSettings, Text, bundle_forms, form_for
from counter.documents.render import render_pdf
from counter.documents.words import DOC_FORM_STANDARD
from tests.conftest import SHIPPED_CATALOG, made_database
from tests.documents.pdf_tools import page_count, pdf_text

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def shipped() -> dict[str, Bundle]:
    return {bundle.code: bundle for _, bundle in read_folder(SHIPPED_CATALOG).bundles}


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
    assert {m.code for m in forms_without_fields(restaurant)} == {"M10", "M13"}


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
    boxed = dataclasses.replace(licence, fields=(FormField("名称"),))
    materials = tuple(broken if m is form else boxed if m is licence else m for m in restaurant.materials)
    problems = validate_bundle("008.toml", dataclasses.replace(restaurant, materials=materials))
    found = {(p.rule, p.field, p.material) for p in problems}
    assert (Rule.MISSING_ELEMENT, "materials.fields.label", "M01") in found
    assert (Rule.DUPLICATE_CODE, "materials.fields.label", "M01") in found
    assert (Rule.UNKNOWN_KEY, "materials.fields", licence.code) in found
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
    restaurant = shipped["XAM-YJS-008"]
    data = form_for(restaurant, _form(restaurant, "M10"), OfficeSettings(), TODAY, sample=True)
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
    assert "经营者姓名王某某" in pdf_text(one)
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
