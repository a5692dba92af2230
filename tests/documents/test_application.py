"""The 一件事联办申请表 (一套表单, seed 004; 一表申请, seed 000): the bundle's forms as one, each fact asked once."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from counter.catalog.model import FormField, Material, MaterialKind, Necessity
from counter.cli.main import main
from counter.documents.application import known_facts
from counter.documents.form_merge import fact_of, is_application_form, merge_forms
from counter.documents.kinds import DocumentProblem
from counter.documents.model import (
    DocumentData,
    DocumentKind,
    DocumentNotPossible,
    Fields,
    Pairs,
    Table,
    Text,
    document_for,
)
from counter.documents.render import render_pdf
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.intake.parties import ApplicantKind
from tests.codes import make_credit_code, make_org_code
from tests.conftest import REPO, made_database
from tests.documents.conftest import TODAY, DemoCases
from tests.documents.pdf_tools import page_count, pdf_text, scan

EXAMPLE = REPO / "docs" / "examples" / "intake-xiaocanguan.json"
BY_AGENT = "补正后重新提交并受理"  # 赵雪梅 through 李𬭚, an individual business with a signboard


def _form(code: str, name: str, *labels: str, items: tuple[str, ...] = ("I1",)) -> Material:
    return Material(
        code=code,
        name=name,
        items=items,
        when=(),
        kind=MaterialKind.FORM,
        copy_form=None,
        medium=None,
        originals=1,
        copies=0,
        paper_size="A4",
        source=None,
        issuer="申请人填写",
        necessity=Necessity.REQUIRED,
        legal_basis="",
        requirement="",
        fields=tuple(FormField(label) for label in labels),
    )


def _application(demo: DemoCases, label: str = BY_AGENT) -> DocumentData:
    return document_for(demo.views[label], DocumentKind.APPLICATION, demo.office, "N-1", demo.bundle, TODAY)


def _pairs(data: DocumentData) -> dict[str, str]:
    return {p.label: p.value for b in data.blocks if isinstance(b, Pairs | Fields) for p in b.pairs}


def _tables(data: DocumentData) -> list[Table]:
    """The items' tables, each headed by its item."""
    return [b for b in data.blocks if isinstance(b, Table) and b.columns[0].label != "栏目"]


def _shared(data: DocumentData) -> list[str]:
    """The labels of the part every item shares."""
    return [row[0] for b in data.blocks if isinstance(b, Table) and b.columns[0].label == "栏目" for row in b.rows]


def _asked(data: DocumentData) -> list[str]:
    """Every label of a box the applicant fills or checks: the parts' boxes and the items' rows."""
    labels = [p.label for b in data.blocks if isinstance(b, Pairs | Fields) for p in b.pairs]
    return labels + _shared(data) + [row[0] for table in _tables(data) for row in table.rows]


# --- merging the forms' boxes ----------------------------------------------------------------------


def test_a_fact_two_forms_ask_in_their_own_words_is_asked_once() -> None:
    registration = _form("M01", "个体工商户登记（备案）申请书", "个体工商户名称", "经营者姓名", "联系电话", "经营场所")
    registration = dataclasses.replace(registration, fields=(*registration.fields, FormField("从业人数")))
    licence = _form("M06", "食品经营许可申请书", "申请人名称", "联系电话", "经营场所", "主体业态", "联系人")
    merged = merge_forms((registration, licence), {fact_of("经营者姓名"): "王某", fact_of("联系电话"): "139"})
    assert merged.shared == ("个体工商户名称", "经营场所")  # 申请人名称 is the same fact, in the first form's words
    assert [part.labels for part in merged.parts] == [("从业人数",), ("主体业态", "联系人")]  # 联系电话: known


def test_the_same_label_on_two_forms_is_one_fact_and_one_form_alone_keeps_its_boxes() -> None:
    one = _form("A", "甲申请表", "经营范围", "资金数额")
    other = _form("B", "乙申请表", "经营范围", "设备清单")
    merged = merge_forms((one, other), {})
    assert merged.shared == ("经营范围",)
    assert [part.labels for part in merged.parts] == [("资金数额",), ("设备清单",)]
    alone = merge_forms((one,), {})
    assert alone.shared == ()
    assert alone.parts[0].labels == ("经营范围", "资金数额")


@pytest.mark.parametrize(
    ("name", "stands_for"),
    [
        ("食品经营许可申请书", True),
        ("户外招牌设置申请表", True),
        ("仅销售预包装食品备案信息采集表", True),
        ("特种行业许可申请登记表", True),
        ("授权委托书", False),
        ("代为申请委托书", False),
        ("公众聚集场所投入使用、营业消防安全告知承诺书", False),
        ("家庭经济状况核对授权书", False),
        ("社会保险费委托代扣协议", False),
    ],
)
def test_only_application_forms_are_replaced(name: str, stands_for: bool) -> None:
    assert is_application_form(_form("M", name)) is stands_for


# --- the paper of a case --------------------------------------------------------------------------


def test_the_applicant_and_the_agent_are_filled_from_the_intake_with_their_numbers_whole(demo: DemoCases) -> None:
    view = demo.views[BY_AGENT]
    data = _application(demo)
    pairs = _pairs(data)
    assert pairs["申请人姓名"] == view.applicant_name == "赵雪梅"
    numbers = [p.value for b in data.blocks if isinstance(b, Pairs) for p in b.pairs if p.label == "证件号码"]
    assert numbers == [view.applicant_id_no, view.agent_id_no]  # whole: each checks what the departments register
    assert pairs["联系电话"] == view.applicant_phone
    assert pairs["住址"] == view.applicant_address
    assert pairs["代办人姓名"] == "李\U0002cb5a"
    assert pairs["委托事项"] == view.agent_authorisation
    assert pairs["结果送达方式"] == "窗口领取"


def test_no_fact_is_asked_twice_and_the_forms_shared_boxes_are_asked_once(demo: DemoCases) -> None:
    data = _application(demo)
    own = [label for label in _asked(data) if label not in {"证件类型", "证件号码"}]  # the applicant's and agent's
    facts = [fact_of(label) for label in own]
    assert len(facts) == len(set(facts)), own
    assert _shared(data) == ["个体工商户名称", "经营场所", "联系人"]  # asked by two forms or more, written once
    asked = _asked(data)
    for gone in ("经营者姓名", "身份证件号码", "申请人名称"):  # the intake's, or the shared part's
        assert gone not in asked
    assert asked.count("联系电话") == 1


def test_each_item_has_its_part_under_its_department_naming_its_forms_and_replacing_none(demo: DemoCases) -> None:
    data = _application(demo)
    tables = _tables(data)
    assert [t.columns[0].label for t in tables] == [
        "（一）市场主体设立登记",
        "（二）食品经营许可",
        "（三）户外招牌设置审批",
        "（四）新办纳税人涉税事项",
    ]
    registration, licence, signboard, tax = (t.columns[1].label for t in tables)
    assert "实施部门：乌兰浩特市市场监督管理局" in registration  # as this site names the county's department
    assert "申请表：《个体工商户登记（备案）申请书》（国家市场监督管理总局规定格式）" in registration
    assert "申请表：《食品经营许可申请书》（国家市场监督管理总局规定格式）" in licence
    assert "乌兰浩特市城市管理综合行政执法局" in signboard
    assert "申请表：《户外招牌设置申请表》" in signboard
    assert "规定格式" not in signboard  # the city's own form
    words = [b.text for b in data.blocks if isinstance(b, Text)] + [t.columns[1].label for t in tables]
    assert not any("代替" in text and "不代替" not in text for text in words)  # it stands in for no form
    still = next(text for text in words if text.startswith("本表不代替"))
    for form in ("个体工商户登记（备案）申请书", "食品经营许可申请书", "户外招牌设置申请表", "授权委托书"):
        assert f"《{form}》" in still
    assert "国家税务总局乌兰浩特市税务局" in tax
    assert "不另填申请表" in tax
    assert [row[0] for row in tables[0].rows] == ["组成形式", "经营范围", "从业人数", "资金数额（万元）"]
    assert all(row[1].strip() == "" for table in tables[:2] for row in table.rows)  # blank, to be written in
    assert all(row[1] == "\n" for table in tables[:2] for row in table.rows)  # two lines tall: room to write
    assert [row[0] for row in tables[2].rows][:3] == ["招牌位置", "招牌文字内容", "招牌尺寸（长×高，米）"]
    assert tables[3].rows == ()


def test_a_form_whose_boxes_the_catalog_lacks_is_named_with_what_it_must_hold(demo: DemoCases) -> None:
    bare = dataclasses.replace(
        demo.bundle,
        materials=tuple(
            dataclasses.replace(m, fields=()) if m.name == "户外招牌设置申请表" else m for m in demo.bundle.materials
        ),
    )
    data = document_for(demo.views[BY_AGENT], DocumentKind.APPLICATION, demo.office, "N-1", bare, TODAY)
    signboard = _tables(data)[2]
    # what it must hold, and room to write it, nothing guessed
    assert signboard.rows[0] == ("填写要求", "填写招牌位置、尺寸、材质和文字内容，申请人签字。")


def test_a_business_registered_in_the_case_is_not_asked_its_credit_code(demo: DemoCases) -> None:
    """The food licence's form asks 统一社会信用代码; the 个体户 the case registers gets it from the registration."""
    data = _application(demo)
    assert "统一社会信用代码" not in [row[0] for table in _tables(data) for row in table.rows] + _shared(data)
    assert _pairs(data)["统一社会信用代码"] == "由本件的设立登记赋予，登记后按营业执照填写，申请人不填"
    licence_only = dataclasses.replace(demo.bundle, items=tuple(i for i in demo.bundle.items if i.result != "营业执照"))
    again = document_for(demo.views[BY_AGENT], DocumentKind.APPLICATION, demo.office, "N-1", licence_only, TODAY)
    assert "统一社会信用代码" in [row[0] for table in _tables(again) for row in table.rows]  # an existing business


def test_the_authorisation_stays_a_paper_of_its_own_and_both_sign(demo: DemoCases) -> None:
    data = _application(demo)
    texts = [b.text for b in data.blocks if isinstance(b, Text)]
    assert any("《授权委托书》" in text and "另行" in text for text in texts)
    assert not any("授权委托书" in t.columns[1].label for t in _tables(data))
    assert data.sign_off.signers == ("申请人（签字）", "代办人（签字）")
    alone = _application(demo, "受理")
    assert alone.sign_off.signers == ("申请人（签字）",)
    assert "代办人姓名" not in _pairs(alone)
    assert not any("授权委托书" in b.text for b in alone.blocks if isinstance(b, Text))


def test_a_company_is_asked_its_name_code_and_representative_once(demo: DemoCases) -> None:
    view = demo.views["受理"]
    code = make_credit_code("91152201" + make_org_code("MA0C1DX8"))
    company = dataclasses.replace(
        view,
        applicant_kind=ApplicantKind.COMPANY.value,
        applicant_name="兴安盟草原餐饮有限公司",
        applicant_id_no=code,
        legal_rep="张海军",
        answers=(("operator", "company"), ("agent", "self"), ("signboard", "no")),
    )
    data = document_for(company, DocumentKind.APPLICATION, demo.office, "N-1", demo.bundle, TODAY)
    pairs = _pairs(data)
    assert pairs["申请单位名称"] == company.applicant_name
    assert (pairs["统一社会信用代码"], pairs["法定代表人"]) == (code, "张海军")
    assert known_facts(company)[fact_of("名称")] == company.applicant_name
    assert _asked(data).count("住所") == 1  # the company's, in its part
    forms_ask = [row[0] for table in _tables(data) for row in table.rows]
    forms_ask += _shared(data)
    for gone in ("名称", "申请人名称", "住所", "法定代表人（负责人）"):  # the company's, asked in its part
        assert gone not in forms_ask
    assert "联系人" in _shared(data)  # both forms ask it
    assert "《公司登记（备案）申请书》（国家市场监督管理总局规定格式）" in _tables(data)[0].columns[1].label
    assert "由本件的设立登记赋予" not in str(_pairs(data))  # a company has its code already
    assert data.sign_off.signers == ("法定代表人（签字）",)
    assert data.sign_off.issuer == company.applicant_name  # the company's seal
    assert data.sign_off.seal_caption


def test_a_refused_case_has_no_application_and_a_correction_does(demo: DemoCases) -> None:
    with pytest.raises(DocumentNotPossible) as refused:
        _application(demo, "撤回申请")
    assert refused.value.problems == (DocumentProblem.REFUSED,)
    assert _application(demo, "补正（委托代理人办理）").kind is DocumentKind.APPLICATION


def test_it_is_numbered_in_its_own_series() -> None:
    assert DocumentKind.APPLICATION.number_kind is not None
    others = {k.number_kind for k in DocumentKind if k is not DocumentKind.APPLICATION}
    assert DocumentKind.APPLICATION.number_kind not in others


# --- the PDF and the command line ---------------------------------------------------------------------


@pytest.mark.slow
def test_the_pdf_is_the_files_one_copy_with_the_case_barcode(demo: DemoCases, tmp_path: Path) -> None:
    view = demo.views[BY_AGENT]
    path = tmp_path / "application.pdf"
    path.write_bytes(render_pdf(_application(demo)))
    assert page_count(path) == 2  # four items of 我要开小餐馆 by an agent: two sheets, one copy
    text = pdf_text(path)
    assert "一式两份" not in text
    assert "本表由申请人核对签字后，随申请材料存档" in text
    assert "（二）食品经营许可" in pdf_text(path, 2)  # the item's name heads its boxes on the page they run onto
    for found in scan(path, 150, tmp_path):
        assert f"CODE-128:{view.case_no}" in found
        assert not any(code.startswith("QR-Code") for code in found)  # the progress code is the receipt's


def test_the_command_line_prints_it_and_refuses_it_for_a_refusal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    save_desk_config(DeskConfig(clerk="乌兰"))  # a desk whose clerk is named: one without takes no intake
    db = made_database(tmp_path / "desk.sqlite3")
    assert main(["case", "take", str(EXAMPLE), "--json", "--db", db]) == 0
    case_no = json.loads(capsys.readouterr().out)["case_no"]
    out = tmp_path / "application.pdf"
    assert main(["print", case_no, "--doc", "application", "--out", str(out), "--db", db]) == 0
    doc_no = capsys.readouterr().out.split("\t")[0]
    assert "-Q-" in doc_no
    text = pdf_text(out)
    assert "一件事联办申请表" in text
    assert "152201198505050117" in text  # the example's applicant, whole
    again = tmp_path / "again.pdf"
    assert main(["print", case_no, "--doc", "application", "--out", str(again), "--db", db]) == 0
    assert capsys.readouterr().out.split("\t")[0] == doc_no
    assert again.read_bytes() == out.read_bytes()  # a reprint is the same paper

    refusal = json.loads(EXAMPLE.read_text("utf-8"))
    refusal["uid"] = "0e5c2a7f4b9d4e1a8c3f6b2d7a9e1c05"  # another intake than the example's
    codes = ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03", "152201-YJS008-04")
    refusal["refusal"] = {
        "ground": "not_in_remit",
        "turn_to": dict.fromkeys(codes, "呼伦贝尔市海拉尔区人民政府"),
        "insists": False,  # told the finding at a window that only receives, the applicant withdraws
    }
    request = tmp_path / "refusal.json"
    request.write_text(json.dumps(refusal, ensure_ascii=False), "utf-8")
    assert main(["case", "take", str(request), "--json", "--db", db]) == 0
    refused_no = json.loads(capsys.readouterr().out)["case_no"]
    assert main(["print", refused_no, "--doc", "application", "--out", str(tmp_path / "x.pdf"), "--db", db]) == 1
    assert "不能打印联办申请表" in capsys.readouterr().err
