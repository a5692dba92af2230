"""What each document says, as data: built from the stored case, its guide and the office only."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from counter.case.hand_over import HandedItem, HandOver, HandOverWay
from counter.case.numbers import DocKind
from counter.case.status import CaseStatus
from counter.documents.acceptance import HeldItems
from counter.documents.kinds import DocumentProblem
from counter.documents.model import (
    DocumentData,
    DocumentKind,
    DocumentNotPossible,
    OfficeSettings,
    Pairs,
    Table,
    Text,
    document_for,
    document_problems,
)
from counter.documents.service_receipt import service_blocks
from counter.documents.words import DOC_NOUN
from counter.words.documents import DOC_PROBLEM, DOC_TITLE
from tests.codes import make_credit_code, make_org_code
from tests.documents.conftest import CASE_OF_KIND, DESK, FOOD, TODAY, DemoCases, item_of
from tests.entrusted import ENTERED


def _all_text(data: DocumentData) -> str:
    parts = [data.title, data.copies_note, *(p.label + p.value for p in data.header)]
    for block in data.blocks:
        if isinstance(block, Table):
            parts += [cell for row in block.rows for cell in row]
        elif isinstance(block, Pairs):
            parts += [p.label + p.value for p in block.pairs]
        elif isinstance(block, Text):
            parts.append(block.text)
        else:
            parts.append(str(block))
    parts += [*data.sign_off.signers, data.sign_off.issuer, data.sign_off.date, data.sign_off.seal_caption]
    return "".join(parts)


def _table(data: DocumentData) -> Table:
    return next(block for block in data.blocks if isinstance(block, Table))


def test_every_kind_and_problem_has_its_words() -> None:
    for kind in DocumentKind:
        assert DOC_TITLE[kind]
        assert DOC_NOUN[kind]
    for problem in DocumentProblem:
        assert DOC_PROBLEM[problem]


def test_numbers_follow_the_case_number_scheme() -> None:
    assert DocumentKind.PLEDGE.number_kind is DocKind.PLEDGE  # the applicant's paper, apart from the office's notice
    numbered = [kind for kind in DocumentKind if kind.number_kind is not None]
    assert len({kind.number_kind for kind in numbered}) == len(numbered)
    # a form is the guide's leaflet, decided and told by nobody: not numbered (checklist items 23-24)
    assert DocumentKind.BLANK_FORM.number_kind is None
    assert DocumentKind.SAMPLE_FORM.number_kind is None
    assert DocumentKind.GUIDE_NOTICE.number_kind is DocKind.GUIDE
    assert all(kind.number_kind is not None for kind in DocumentKind if kind.needs_case)


@pytest.mark.parametrize("kind", [k for k in DocumentKind if k.needs_case])
def test_each_document_fits_its_case_and_no_other(demo: DemoCases, kind: DocumentKind) -> None:
    fitting = demo.view_for(kind)
    item = item_of(kind)  # a denial and a department's 受理通知书 are one item's
    hand_over = 1 if kind is DocumentKind.SERVICE_RECEIPT else 0  # a 送达回证 one hand-over's
    assert document_problems(fitting, kind, demo.bundle, "N-1", TODAY, item, hand_over) == ()
    refused = demo.views["撤回申请"]
    if kind is not DocumentKind.REFUSAL:
        assert document_problems(refused, kind, demo.bundle, "N-1", TODAY, item, hand_over)


def test_every_problem_is_reported_at_once(demo: DemoCases) -> None:
    refused = demo.views["撤回申请"]
    other_bundle = dataclasses.replace(demo.bundle, code="XAM-YJS-001")
    with pytest.raises(DocumentNotPossible) as caught:
        document_for(refused, DocumentKind.RECEIPT, demo.office, "X" * 31, other_bundle, TODAY - dt.timedelta(days=1))
    assert caught.value.problems == (
        DocumentProblem.NOT_ACCEPTED,
        DocumentProblem.BUNDLE_MISMATCH,
        DocumentProblem.DOC_NO_INVALID,
        DocumentProblem.ISSUED_BEFORE_RECEIVED,
    )


def test_specific_misfits(demo: DemoCases) -> None:
    accepted = demo.views["补正后重新提交并受理"]
    correction = demo.views["补正（委托代理人办理）"]
    bundle, office = demo.bundle, demo.office
    assert document_problems(accepted, DocumentKind.DEFERRAL, bundle, "N", TODAY) == (DocumentProblem.NOT_DEFERRED,)
    assert document_problems(accepted, DocumentKind.CORRECTION, bundle, "N", TODAY) == (DocumentProblem.NOT_CORRECTION,)
    assert document_problems(accepted, DocumentKind.DENIAL, bundle, "N", TODAY, FOOD) == (DocumentProblem.NOT_DENIED,)
    assert document_problems(correction, DocumentKind.RECEIPT, bundle, "N", TODAY) == (DocumentProblem.NOT_ACCEPTED,)
    assert document_problems(accepted, DocumentKind.GUIDE_NOTICE, bundle, "N", TODAY) == (
        DocumentProblem.NEEDS_NO_CASE,
    )
    nothing_deferred = dataclasses.replace(
        demo.views["容缺受理"], materials=tuple(dataclasses.replace(m, due_on=None) for m in accepted.materials)
    )
    assert document_problems(nothing_deferred, DocumentKind.PLEDGE, bundle, "N", TODAY) == (
        DocumentProblem.NO_DEFERRED_MATERIALS,
    )
    with pytest.raises(DocumentNotPossible):
        document_for(accepted, DocumentKind.REFUSAL, office, "N", bundle, TODAY)


def test_a_reprint_months_later_says_the_same(demo: DemoCases) -> None:
    """The deferred materials have arrived since (the demo hands them in): the paper still shows the intake."""
    deferred = demo.views["容缺受理"]
    assert deferred.status is CaseStatus.IN_APPROVAL
    assert all(m.arrived_on is not None for m in deferred.materials if m.due_on is not None)
    for kind in (DocumentKind.RECEIPT, DocumentKind.DEFERRAL, DocumentKind.PLEDGE):
        assert demo.document(kind) == demo.document(kind)
    receipt = _table(demo.document(DocumentKind.RECEIPT))
    how = [row[-1] for row in receipt.rows]
    # the guide's 3 working days (食品经营许可's promise moves to the case's 27 November instead of cutting them)
    assert how.count("容缺后补\n2026年11月25日前") == 2
    assert _table(demo.document(DocumentKind.DEFERRAL)).rows[0][1] == "食品安全管理制度文本"


def test_the_receipt_lists_what_was_received(demo: DemoCases) -> None:
    case = demo.views["补正后重新提交并受理"]
    data = document_for(case, DocumentKind.RECEIPT, demo.office, "N-1", demo.bundle, TODAY)
    rows = _table(data).rows
    received = [m for m in case.materials if m.receipt in ("received", "shared_confirmed")]
    assert [row[1] for row in rows] == [m.name for m in received]
    identity = next(row for row in rows if row[1] == "经营者（法定代表人）居民身份证")
    assert identity[2:] == ("原件、复印件", "各1份", "纸质")
    text = _all_text(data)
    assert "实施部门当日受理的，2026年11月27日前办结（承诺时限5个工作日，自受理之日起按工作日计算）" in text
    assert "窗口领取：乌兰浩特市兴安北大路1号兴安盟政务服务中心一楼“一件事一次办”专区8号窗口" in text
    assert "代办人（签字）" in text  # the agent signs for the applicant


def test_identity_numbers_are_masked(demo: DemoCases) -> None:
    case = demo.views["补正（委托代理人办理）"]
    data = demo.document(DocumentKind.CORRECTION)
    values = {p.label: p.value for p in data.header}
    assert values["身份证号码"] == case.applicant_id_no[:6] + "********" + case.applicant_id_no[-4:]
    assert values["证件号码"] == case.agent_id_no[:6] + "********" + case.agent_id_no[-4:]
    assert case.applicant_id_no not in _all_text(data)


def test_the_correction_notice_names_each_shortfall_once(demo: DemoCases) -> None:
    rows = _table(demo.document(DocumentKind.CORRECTION)).rows
    assert [(row[1], row[2]) for row in rows] == [
        ("个体工商户登记（备案）申请书", "申请书未签字，经营范围填写不完整"),
        ("受托人居民身份证", "未提交"),
    ]
    assert rows[1][3] == "在有效期内，原件当场核验后退还。"  # the standard, from the guide


def test_the_rights_clause_names_the_offices_review_body_and_court(demo: DemoCases) -> None:
    """The site's own refusal: it holds the power for every item, so the refusal is its own act."""
    office = OfficeSettings(review_body="呼伦贝尔市人民政府", court="海拉尔区人民法院")
    case = demo.views["撤回申请"]
    collected = demo.bundle
    held = HeldItems(site_items=frozenset(item.code for item in demo.bundle.items))
    data = document_for(case, DocumentKind.REFUSAL, office, "N-1", collected, TODAY, held=held)
    assert (
        "如对本决定不服，可以自收到本决定之日起六十日内向呼伦贝尔市人民政府申请行政复议，"
        "或者六个月内向海拉尔区人民法院提起行政诉讼。"
    ) in _all_text(data)
    assert data.qr == ""  # no progress page set: no code
    moved = dataclasses.replace(office, progress_url_base="https://example.org/p/")
    assert document_for(case, DocumentKind.REFUSAL, moved, "N-1", collected, TODAY, held=held).qr.startswith(
        "https://example.org/p/XAM01-"
    )


def test_a_companys_pledge_is_signed_by_its_legal_representative_and_sealed(demo: DemoCases) -> None:
    credit_code = make_credit_code("91152201" + make_org_code("MA0XYW12"))
    company = dataclasses.replace(
        demo.views["容缺受理"],
        applicant_kind="company",
        applicant_name="乌兰浩特市草原人家餐饮有限公司",
        applicant_id_no=credit_code,
        legal_rep="包金山",
    )
    data = document_for(company, DocumentKind.PLEDGE, demo.office, "N-1", demo.bundle, TODAY)
    person = demo.document(DocumentKind.PLEDGE)
    assert person.sign_off.signers == ("承诺人（签字）",)
    assert person.sign_off.seal_caption == ""  # a person signs; there is no seal
    assert (person.sign_off.fingerprint, data.sign_off.fingerprint) == ("捺印", "捺印")  # beside the signature
    assert data.sign_off.signers[0] == "法定代表人（签字）"
    assert data.sign_off.seal_caption == "（承诺单位盖章）"  # the company's seal, not the office's
    assert data.sign_off.issuer == company.applicant_name
    values = {p.label: p.value for p in data.header}
    assert values["统一社会信用代码"] == credit_code[:6] + "********" + credit_code[-4:]
    assert values["法定代表人"] == "包金山"
    assert "本单位" in _all_text(data)


def test_the_pledge_names_what_a_broken_promise_costs(demo: DemoCases) -> None:
    text = _all_text(demo.document(DocumentKind.PLEDGE))
    assert "逾期未补齐材料，或者补交的材料仍不符合要求的，容缺受理失效" in text
    assert "（《兴安盟政务服务标准化管理办法》第十六条第三项）" in text  # the league's rule for a lapse


def test_a_material_corrected_on_the_spot_reads_so_on_the_receipt(demo: DemoCases) -> None:
    case = demo.views["受理"]
    first = case.materials[0]
    fixed = dataclasses.replace(first, receipt="corrected_on_spot", defect_note="联系电话笔误，当场更正")
    corrected = dataclasses.replace(case, materials=(fixed, *case.materials[1:]))
    rows = _table(document_for(corrected, DocumentKind.RECEIPT, demo.office, "N-1", demo.bundle, TODAY)).rows
    row = next(r for r in rows if r[1] == first.name)
    assert row[-1] == "纸质\n当场更正"
    assert _table(demo.document(DocumentKind.RECEIPT)).rows[0][-1] == "纸质"


def test_a_correction_notice_is_not_issued_after_the_offices_five_working_days(demo: DemoCases) -> None:
    case = demo.views["补正（委托代理人办理）"]
    assert case.notify_due is not None
    document_for(case, DocumentKind.CORRECTION, demo.office, "N-1", demo.bundle, case.notify_due)
    late = case.notify_due + dt.timedelta(days=1)
    with pytest.raises(DocumentNotPossible) as caught:
        document_for(case, DocumentKind.CORRECTION, demo.office, "N-1", demo.bundle, late)
    assert caught.value.problems == (DocumentProblem.NOTIFIED_TOO_LATE,)


def test_a_lapsed_deferral_denies_one_item_in_its_departments_name(demo: DemoCases) -> None:
    lapsed = demo.views["容缺逾期：逾期事实已记录，转实施部门决定"]
    issued = dt.date(2026, 11, 26)
    data = document_for(lapsed, DocumentKind.DENIAL, demo.office, "N-1", demo.bundle, issued, FOOD)
    assert [row[1] for row in _table(data).rows] == ["食品安全管理制度文本", "从业人员健康证明"]
    department = "乌兰浩特市市场监督管理局"
    assert (data.office_name, data.sign_off.issuer) == (department, department)
    assert data.sign_off.seal_caption == f"（{department}审批业务专用章或部门公章）"  # seed 001 第十七条(二)
    text = _all_text(data)
    assert "食品经营许可" in text
    assert "乌兰浩特市人民政府申请行政复议" in text
    ground = "依照《兴安盟政务服务标准化管理办法》第十六条第三项的规定，容缺受理失效，对该事项不予批准。"
    reasons = "依照《中华人民共和国行政许可法》第三十八条第二款的规定，书面告知不予批准的理由"
    assert f"{ground}{reasons}" in text  # the lapse is the ground; 第三十八条第二款 is the duty to give reasons
    for other in ("152201-YJS008-01", "152201-YJS008-03", "152201-YJS008-04"):  # not denied: no paper
        problems = document_problems(lapsed, DocumentKind.DENIAL, demo.bundle, "N-1", issued, other)
        assert problems == (DocumentProblem.NOT_DENIED,)


def test_a_denial_gives_its_departments_clerk_and_phone_never_the_halls(demo: DemoCases) -> None:
    """注明联系方式 (seed 001 第十七条(二)): the department's, as the site lists it; blank lines to fill in by hand
    for a department it does not list — not 承办人 窗口工作人员 and the hall's consulting phone."""
    hall_phone = demo.office.consult_phone
    unlisted = demo.document(DocumentKind.DENIAL)
    # the demo's denial is entered for 市监局 (代为录入): its 承办人 the officer who took it, its phone the department's
    assert (unlisted.sign_off.clerk, unlisted.sign_off.phone) == (ENTERED.officer, "__________")
    assert hall_phone not in _all_text(unlisted)
    contacts = "乌兰浩特市市场监督管理局=张丽|0482-8212315\n国家税务总局乌兰浩特市税务局=王强|12366"
    office = dataclasses.replace(demo.office, department_contacts=contacts)
    view = demo.views[CASE_OF_KIND[DocumentKind.DENIAL]]
    listed = document_for(view, DocumentKind.DENIAL, office, "N-3", demo.bundle, TODAY, FOOD)
    assert (listed.sign_off.clerk, listed.sign_off.phone) == (ENTERED.officer, "0482-8212315")
    assert "乌兰浩特市市场监督管理局，承办人张丽，电话0482-8212315" in _all_text(listed)
    assert hall_phone not in _all_text(listed)


def test_a_vertically_led_departments_denial_names_the_body_above(demo: DemoCases) -> None:
    taxes = "152201-YJS008-04"  # 国家税务总局{place}税务局: 复议 to the tax bureau one level up
    view = demo.views["受理"]
    note = f"{taxes}：未办理税务登记信息确认"
    denied = dataclasses.replace(
        view, history=(*view.history, dataclasses.replace(view.history[-1], event="item_denied", note=note))
    )
    data = document_for(denied, DocumentKind.DENIAL, demo.office, "N-2", demo.bundle, TODAY, taxes)
    assert data.sign_off.issuer == "国家税务总局乌兰浩特市税务局"
    assert "国家税务总局兴安盟税务局申请行政复议" in _all_text(data)


def test_the_guide_notice_lists_every_material_once_by_situation(demo: DemoCases) -> None:
    data = demo.document(DocumentKind.GUIDE_NOTICE)
    assert (data.case_no, data.barcode, data.qr) == ("", "", "")
    assert len(data.copies) == 1
    materials = [block for block in data.blocks if isinstance(block, Table)][-1]
    listed = [row[1].split("\n")[0] for row in materials.rows if len(row) > 1]
    assert listed == sorted(listed, key=listed.index)  # no repeats
    assert sorted(listed) == sorted(m.name for m in demo.bundle.materials)
    groups = [row[0] for row in materials.rows if len(row) == 1]
    assert groups[0] == "所有情形均需提交"
    assert groups[1:3] == ["以什么形式经营？个体工商户", "以什么形式经营？公司（企业）"]
    assert data.sign_off.clerk == DESK.clerk


def test_a_same_day_receipt_gives_a_legal_representative_a_line_for_the_id_checked(demo: DemoCases) -> None:
    """At a same-day hand-over a company's legal representative collects, and the case holds no number of hers: the
    ID box is a line for the number the clerk checks (领取人已出示身份证件), never an empty box under her name."""
    view = demo.views[CASE_OF_KIND[DocumentKind.SERVICE_RECEIPT]]
    handed = HandOver(HandOverWay.PICKUP, (HandedItem(FOOD, True, "JY1"),), recipient="张伟", same_day=True)
    pairs = [p for b in service_blocks(view, demo.bundle, handed, demo.office) if isinstance(b, Pairs) for p in b.pairs]
    shown = {p.label: p.value for p in pairs}
    assert (shown["领取人"], shown["身份证号码"]) == ("张伟", "__________")
