"""A day of cases reaches the platform's HTTPS stub with the national 办件 elements, coded as the chosen presets say.

受理 with its items decided (a grant with its licence, a denial), 容缺受理 with its deadline extended (a 特别程序), a
补正 let lapse (补正不来办结), a 不予受理 and a case voided (删除办结): each taken through the actions the window
uses, sent by the real sender over TLS, read back as the platform holds it.  Run once in each coding of the lists
the field codes two ways (:data:`tests.codings.CHOSEN`, :data:`tests.codings.OTHERS`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import case_and_bundle, record_decision
from counter.actions.cases.documents import make_document
from counter.actions.cases.item_authority import check_item
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.intake.take import extend_deferral, lapse_correction, move_case
from counter.actions.outbox.platform import save_platform
from counter.case.decisions import Validity, lapse_day
from counter.case.item_path import ItemEvent, PauseReason
from counter.case.item_step_request import StepRequest
from counter.case.status import CaseEvent
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest, Refusal, RefusalGround
from counter.intake.turn_to import turn_to_text
from counter.platform.settings import PlatformSettings
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_steps import ITEMS, MARKET, at
from tests.actions.test_platform import events
from tests.actions.test_platform_case import Sender
from tests.codings import CHOSEN, OTHERS, confirm_guides
from tests.platform_stub import SECRET, running_platform
from tests.signed_in import signed_in

ENTRUSTED_RESTAURANT = True  # its departments' items decided at the window under their 授权 (tests/actions/conftest.py)

OFFICE = "兴安盟政务服务中心"
ORG_CODES = {OFFICE: "11152200MB0000001A", MARKET: "11152201MB0000002B"}
#: what each coding says, for every list the field codes two ways: (办件类型 承诺件, 满意度…, 办结结果 by meaning)
EXPECTED = {
    "bjjgdm": {"granted": "0", "denied": "1", "refused": "1", "voided": "3", "lapsed": "5", "withdrawn": "5"},
    "bjjgdm_variant": {"granted": "0", "denied": "1", "refused": "6", "voided": "3", "lapsed": "5", "withdrawn": "5"},
}
PROMISED = {"gbt39046": "2", "zero_one": "1"}  # 承诺件: GB/T 39046 A.6, and the 0/1 writing


def by_type(held: list[dict[str, Any]], kind: str, projid: str) -> list[dict[str, Any]]:
    return [e for e in held if e["event_type"] == kind and e["projid"] == projid]


@pytest.mark.slow
@pytest.mark.parametrize("chosen", [CHOSEN, OTHERS], ids=["hcp-bjjgdm", "gbt39046-variant"])
def test_a_day_of_cases_reaches_the_platform_in_the_chosen_codings(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path, chosen: dict[str, str]
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        settings = PlatformSettings(True, platform.url, "hall", SECRET, 1.0, 4, ca_file=platform.ca_file,
                                    codings=chosen, org_codes=ORG_CODES)  # fmt: skip
        with sessions.begin() as s:
            save_platform(s, settings, desk=desk, folder=keys)
            confirm_guides(s)  # the site confirmed its guides: a sample guide's cases are never reported
        sender = Sender(sessions, keys)
        supervisor = signed_in(sessions, desk)

        granted = take(sessions, supervisor, full_request(sessions))  # 受理, its items decided below
        with sessions.begin() as s:  # the 受理凭证 printed at once, before the sender reads the case
            receipt = make_document(s, supervisor, granted, DocumentKind.RECEIPT, TODAY).doc_no
        request = full_request(sessions)
        deferred = take(sessions, supervisor, dataclasses.replace(
            request, checklist=record(request.checklist, "M08", Receipt.MISSING), deferral=DeferralRequest(True, True)
        ))  # fmt: skip
        lapsed = take(sessions, supervisor, dataclasses.replace(
            request, checklist=record(request.checklist, "M05", Receipt.MISSING)
        ))  # fmt: skip
        refused = take(sessions, supervisor, dataclasses.replace(
            request, refusal=Refusal(RefusalGround.NOT_IN_REMIT, turn_to_text(
                (code, "科尔沁右翼前旗市场监督管理局") for code in ITEMS
            ), insists=False)  # several bodies' items: the window's 告知, and the applicant, told it, withdraws
        ))  # fmt: skip
        voided = take(sessions, supervisor, full_request(sessions))
        withdrawn = take(sessions, supervisor, full_request(sessions))
        with sessions.begin() as s:
            view = case_view(s, deferred)
            assert view is not None
            (due,) = {m.due_on for m in view.deferred_open()}
            assert due is not None
            extend_deferral(
                s, supervisor, deferred, due + dt.timedelta(days=2), "医院暂停办理健康证明", at=at(TODAY, 11)
            )
            notice = case_view(s, lapsed)
            assert notice is not None
            assert notice.correction_due is not None
            lapse_correction(s, supervisor, lapsed, lapse_day(notice.correction_due, office_calendar(s)), "逾期未补正")
            move_case(s, supervisor, voided, CaseEvent.VOIDED, "录入错误", at=at(TODAY, 12))
            move_case(s, supervisor, withdrawn, CaseEvent.WITHDRAWN, "申请人主动撤回申请", at=at(TODAY, 12))
        valid = {ITEMS[0]: Validity(dt.date(2031, 5, 1))}  # the 营业执照's 有效期限, as the 准予 recorded it
        for code, approve in ((ITEMS[0], True), (ITEMS[1], False), (ITEMS[2], True), (ITEMS[3], True)):
            with sessions.begin() as s:
                case, bundle = case_and_bundle(s, granted)
                acting = check_item(s, supervisor, case.case_no, bundle, case.site_code, code)
                text = f"JY{code[-2:]}2026" if approve else "经营场所不符合食品安全要求"
                record_decision(s, supervisor, granted, code, approve=approve, text=text, at=at(TODAY, 14),
                                acting=acting, validity=valid.get(code))  # fmt: skip
        sender.killed_then_resumed()  # a kill between a send and its mark loses nothing, sends nothing twice
        assert {e.state for e in events(sessions)} == {"sent"}

    held = platform.events()
    results = EXPECTED[chosen["result"]]
    used = held[0]["code_lists"]
    assert f"level={chosen['level']};channel={chosen['channel']};" in used  # every report names its codings
    assert f"item_kind={chosen['item_kind']};result={chosen['result']}" in used
    assert {e["code_lists"] for e in held} == {used}
    with sessions() as s:
        stored = current_guide(s, "XAM-YJS-008")
    assert stored is not None
    basic = ",".join(i.basic_code for i in stored.bundle.items)

    (accepted,) = by_type(held, "受理", granted)  # in the entrusting departments' names
    assert accepted["action"] == "通过"
    assert accepted["accept_doc_no"] == receipt  # 受理文书编号: the receipt's number
    assert accepted["project_type"] == PROMISED[chosen["item_kind"]]
    assert accepted["task_version"] == str(stored.version)  # the confirmed guide the case was taken under
    assert accepted["catalog_codes"] == basic
    assert accepted["accept_org_credit_code"] == ORG_CODES[OFFICE]
    materials = json.loads(accepted["materials"])
    assert materials[0] == {"name": "个体工商户登记（备案）申请书", "received": "1", "way": "纸质", "count": "1"}
    assert materials[1]["count"] == "2"  # 收取数量: the original and its copy
    # the 营业执照 the case itself issues is not asked of the applicant: 是否收取 0
    assert [m for m in materials if m["received"] == "0"] == [
        {"name": "营业执照", "received": "0", "way": "未收取", "count": "0"}
    ]

    (decided_ok, decided_no, *_) = by_type(held, "事项办理决定", granted)
    assert (decided_ok["decided_item_code"], decided_ok["item_result"]) == (ITEMS[0], "1")
    assert (decided_no["decided_item_code"], decided_no["item_result"]) == (ITEMS[1], "2")
    (done,) = by_type(held, "办结", granted)
    assert done["result"] == results["granted"]  # 部分准予: licences were issued, 出证办结
    assert done["is_express"] == "0"
    licences = by_type(held, "电子证照", granted)
    business = next(e for e in licences if e["licence_item_code"] == ITEMS[0])
    assert (business["licence_type"], business["licence_no"]) == ("营业执照", "JY012026")
    assert (business["issue_org"], business["issue_org_code"]) == (MARKET, ORG_CODES[MARKET])
    assert business["holder_cert_type"] == "111"  # GB/T 36903-2018: 公民身份证号码
    assert business["licence_valid"] == "2031-05-01"  # 证照有效期限 (表 8 第 7 项), as the 准予 recorded it
    assert all(
        "〔" not in str(v) for e in by_type(held, "事项办理决定", granted) for v in e.values()
    )  # not in the note

    (taken,) = by_type(held, "容缺受理", deferred)
    assert [m["received"] for m in json.loads(taken["materials"]) if m["way"] == "容缺后补"] == ["0"]
    (extended,) = by_type(held, "特别程序", deferred)
    assert (extended["special_type"], extended["special_name"]) == ("2", "延长容缺材料补交期限")  # A.7: 2
    assert extended["special_reason"] == "医院暂停办理健康证明"
    assert extended["special_result"] == (due + dt.timedelta(days=2)).isoformat()
    assert extended["special_start"]
    assert extended["special_end"] == extended["special_start"]
    assert extended["action"] == "其他"

    (notice_sent,) = by_type(held, "补正告知", lapsed)
    assert notice_sent["action"] == "退回"
    (gone,) = by_type(held, "补正不来办结", lapsed)
    assert gone["result"] == results["lapsed"]
    assert by_type(held, "不予受理", refused) == []  # a window that only receives refuses nothing
    (refusal,) = by_type(held, "撤回", refused)
    assert (refusal["result"], refusal["action"]) == (results["withdrawn"], "其他")
    assert "申请人不坚持按本次申请办理" in refusal["end_reason"]
    (void,) = by_type(held, "作废", voided)
    assert void["result"] == results["voided"]  # 删除办结: an entry made in error
    assert void["end_reason"] == "录入错误"
    (back,) = by_type(held, "撤回", withdrawn)
    assert back["result"] == results["withdrawn"]  # 退件: the applicant pursues it no further


@pytest.mark.slow
def test_an_items_pause_resumption_and_extension_are_reported_as_special_procedures(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """GB/T 39046 表 7: a pause (第四十五条) starts a 特别程序 of kind 2 and its resumption ends it, with the pause's
    reason; an extension (第四十二条) is kind 1, 延长审批, its days the result."""
    keys = tmp_path / "keys"
    with running_platform() as platform:
        settings = PlatformSettings(True, platform.url, "hall", SECRET, 1.0, 4, ca_file=platform.ca_file,
                                    codings=CHOSEN)  # fmt: skip
        with sessions.begin() as s:
            save_platform(s, settings, desk=desk, folder=keys)
            confirm_guides(s)
        sender = Sender(sessions, keys)
        number = take(sessions, desk, full_request(sessions))
        with sessions() as s:
            view = case_view(s, number)
        assert view is not None
        day1 = (view.accepted_on or view.received_on) + dt.timedelta(days=1)
        day5 = day1 + dt.timedelta(days=4)
        with sessions.begin() as s:
            route_items(s, desk, number, at(day1, 9))
        food, sign = ITEMS[1], ITEMS[2]
        steps = (
            (food, StepRequest(ItemEvent.SIGNED), day1, 10),
            (sign, StepRequest(ItemEvent.SIGNED), day1, 10),
            (food, StepRequest(ItemEvent.PAUSED, pause=PauseReason.INSPECTION, reason="现场核查经营场所"), day1, 11),
            (food, StepRequest(ItemEvent.RESUMED), day5, 10),
            (sign, StepRequest(ItemEvent.EXTENDED, days=10, approved_by="局长 王立新", reason="需补充勘验"), day5, 11),
        )
        for item, request, day, hour in steps:
            with sessions.begin() as s:
                take_item_step(s, desk, number, item, request, at(day, hour))
        sender.killed_then_resumed()

    paused, resumed, extended = by_type(platform.events(), "特别程序", number)
    assert (paused["special_type"], paused["special_name"], paused["special_end"]) == ("2", "检验、检测、检疫", "")
    assert paused["special_reason"] == "现场核查经营场所"
    assert (resumed["special_type"], resumed["special_name"]) == ("2", "检验、检测、检疫")
    assert resumed["special_start"] == paused["special_start"]  # the pause it ends
    assert resumed["special_end"] > resumed["special_start"]
    assert resumed["special_reason"] == paused["special_reason"]
    assert (extended["special_type"], extended["special_name"]) == ("1", "延长审批")  # A.7: 1
    assert (extended["special_reason"], extended["special_result"]) == ("需补充勘验", "10")
    # 环节处理人 as the line has it: the department, recorded by the window's clerk under its 授权
    assert all(e["step_handler"].endswith(f"（由{desk.clerk}代为录入）") for e in (paused, resumed, extended))
