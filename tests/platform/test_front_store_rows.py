"""An event's rows for the national front-store tables: every attempt the same rows, each required column filled
or the event refused with why, the codes of the result list the hall chose."""

from __future__ import annotations

import dataclasses
import re

import pytest

from counter.outbox.secret_shown import stored_json
from counter.platform.events import PlatformKind
from counter.platform.front_store import (
    CaseExtra,
    FrontStoreProblem,
    FrontStoreSettings,
    ItemFacts,
    MaterialFacts,
    RowsRefused,
    front_store_from_json,
    rows_of,
)
from counter.resources import resources_dir
from tests.codings import CHOSEN, shipped_codings

CODE = shipped_codings().code  # the codes every report uses, as the test site's integrator chose them

SETTINGS = FrontStoreSettings(
    enabled=True, url="postgresql://counter@front.example:5432/front", secret="pw", data_source="C01", tenant_id=1,
    org_id=2, user_id=3, area_code="152201",
)  # fmt: skip
FACTS = {
    "event.key": "a" * 32, "event.at": "2026-11-20 09:30:00", "event.office": "乌兰浩特市政务服务中心",
    "case.case_no": "XAM01-20261120-08-0001", "case.applicant_kind": "person", "case.applicant_name": "巴特尔",
    "case.applicant_id_type": "id_card", "case.applicant_id_no": "152201197505042113",
    "case.received_at": "2026-11-20 09:10:00", "case.accepted_on": "2026-11-20", "case.promised_on": "2026-12-04",
    "case.clerk": "乌兰", "case.delivery": "post", "case.bundle_name": "我要开餐馆",
    "case.accept_org_code": "11152201MB0000000A",
}  # fmt: skip
EXTRA = CaseExtra(
    items=(ItemFacts("11152201MB0000000A2000111000001", "000111000", "设立登记"),),
    guide_version=3,
    materials=(MaterialFacts("营业执照申请书", "paper", 1), MaterialFacts("身份证", "shared", 0)),
)


def test_an_acceptance_is_one_row_per_item_and_one_per_material_the_same_at_every_attempt() -> None:
    rows = rows_of(PlatformKind.ACCEPTED, FACTS, EXTRA, SETTINGS, CODE)
    assert [(r.table, r.operation) for r in rows] == [("up_pro_accept", "I"), ("up_pro_material", "I"),
                                                      ("up_pro_material", "I")]  # fmt: skip
    accept = rows[0].values
    assert accept["project_type"] == "2"  # a promised date later than the acceptance: 承诺件 (GB/T 39046 A.6)
    assert accept["applyer_page_type"] == "111"
    assert accept["task_version"] == 3
    assert accept["data_source"] == "C01"
    assert [r.values["get_type"] for r in rows[1:]] == ["1", "3"]
    assert rows == rows_of(PlatformKind.ACCEPTED, FACTS, EXTRA, SETTINGS, CODE)
    assert len({r.row_guid for r in rows}) == 3


def test_the_result_code_is_the_chosen_lists_and_a_void_is_a_deletion_of_the_record() -> None:
    ended = {**FACTS, "case.end_reason": "录入错误"}
    (void,) = rows_of(PlatformKind.VOIDED, ended, EXTRA, SETTINGS, CODE)
    assert (void.table, void.values["result_type"]) == ("up_pro_result", "3")  # 删除办结
    denied = {**FACTS, "case.result": "denied"}
    (bjjgdm,) = rows_of(PlatformKind.COMPLETED, denied, EXTRA, SETTINGS, CODE)
    assert bjjgdm.values["result_type"] == "6"  # 办结: decided, no licence; 不予受理 is 1, 退回办结 (below)
    refused = {**FACTS, "case.refusal_ground": "not_in_remit"}
    by_list = {
        name: rows_of(PlatformKind.REFUSED, refused, EXTRA, SETTINGS, shipped_codings(CHOSEN | {"result": name}).code)[
            -1
        ]
        for name in ("bjjgdm", "bjjgdm_variant")
    }
    assert {name: row.values["result_type"] for name, row in by_list.items()} == {"bjjgdm": "1", "bjjgdm_variant": "6"}


def test_a_licence_withdrawn_deletes_the_row_it_was_issued_as() -> None:
    licence = {**FACTS, "licence.type": "营业执照", "licence.number": "152201600012345", "licence.holder": "巴特尔",
               "licence.holder_id": "152201197505042113", "licence.holder_id_type": "id_card",
               "licence.issuer": "市场监督管理局", "licence.issuer_code": "11152201MB1234567X",
               "licence.issued_on": "2026-11-20"}  # fmt: skip
    typed = dataclasses.replace(EXTRA, licence_type_code="11100000000013127D001")  # the 证照库's code of 营业执照
    (issued,) = rows_of(PlatformKind.LICENCE_ISSUED, licence, typed, SETTINGS, CODE)
    withdrawn_facts = {**licence, "event.key": "b" * 32}
    withdrawal = dataclasses.replace(typed, issued_key="a" * 32)
    (withdrawn,) = rows_of(PlatformKind.LICENCE_VOIDED, withdrawn_facts, withdrawal, SETTINGS, CODE)
    assert (issued.operation, withdrawn.operation) == ("I", "D")
    assert withdrawn.row_guid == issued.row_guid
    assert withdrawn.values["id"] != issued.values["id"]
    assert issued.values["certificate_type_code"] == "11100000000013127D001"
    assert issued.values["issue_dept_code"] == "11152201MB1234567X"


def test_an_event_missing_a_required_column_is_refused_with_the_columns_named() -> None:
    no_codes = CaseExtra(items=(ItemFacts("", "", "设立登记"),))
    with pytest.raises(RowsRefused, match="catalog_code, task_code"):
        rows_of(PlatformKind.ACCEPTED, FACTS, no_codes, SETTINGS, CODE)


def test_the_settings_keep_no_password_and_read_back_whole() -> None:
    stored = stored_json(SETTINGS)
    assert "pw" not in stored.replace("postgresql", "")
    assert front_store_from_json(stored) == dataclasses.replace(SETTINGS, secret="")
    assert front_store_from_json("{not json") == FrontStoreSettings()


def test_the_kept_ddl_has_the_six_tables_and_the_columns_every_row_writes() -> None:
    ddl = (resources_dir() / "platform" / "front-store-tables.sql").read_text(encoding="utf-8")
    tables = dict(re.findall(r"CREATE TABLE (\w+) \((.*?)\n\);", ddl, re.S))
    assert set(tables) == {"up_pro_accept", "up_pro_process", "up_pro_result", "up_pro_special_procedure",
                           "up_pro_material", "up_lic_data"}  # fmt: skip
    for body in tables.values():
        for column in ("cd_batch", "cd_operation", "cd_time", "data_source"):
            assert re.search(rf"^  {column} ", body, re.M)
    assert "row_guid" not in tables["up_lic_data"]  # its identity is 电子证照源标识 (certificate_source_id)
    for row in [
        *rows_of(PlatformKind.ACCEPTED, FACTS, EXTRA, SETTINGS, CODE),
        *rows_of(PlatformKind.VOIDED, FACTS, EXTRA, SETTINGS, CODE),
    ]:
        columns = set(re.findall(r"^  (\w+) ", tables[row.table], re.M))
        assert set(row.values) <= columns


def test_a_departments_acceptance_of_an_item_the_hall_received_says_who_when_and_the_promise() -> None:
    """部门受理 as its own step: its 环节处理意见 the department, the day, the promised day and the notice's number."""
    accepted = {**FACTS, "item.name": "食品经营许可", "item.department": "乌兰浩特市市场监督管理局",
                "item.accepted_on": "2026-11-23", "item.promised_on": "2026-12-07",
                "item.accept_doc_no": "乌市监受〔2026〕18号", "step.by": "李娜"}  # fmt: skip
    (row,) = rows_of(PlatformKind.ITEM_ACCEPTED, accepted, EXTRA, SETTINGS, CODE)
    assert row.table == "up_pro_process"
    assert row.values["process_name"] == "部门受理（食品经营许可）"
    assert row.values["event_name"] == "通过"
    assert row.values["handle_explain"] == (
        "乌兰浩特市市场监督管理局于2026-11-23受理，承诺2026-12-07前办结（受理通知书乌市监受〔2026〕18号）"
    )
    assert row.values["handle_user_name"] == "李娜"


def test_a_denial_whose_step_says_no_action_is_written_as_returned() -> None:
    """表 7's 业务动作 of a 不予批准: 退回, as a grant's is 通过, where the step carries none of its own."""
    decided = {**FACTS, "item.name": "设立登记"}
    (granted,) = rows_of(PlatformKind.ITEM_DECIDED, {**decided, "item.decision": "granted"}, EXTRA, SETTINGS, CODE)
    (denied,) = rows_of(PlatformKind.ITEM_DECIDED, {**decided, "item.decision": "denied"}, EXTRA, SETTINGS, CODE)
    assert (granted.values["event_name"], denied.values["event_name"]) == ("通过", "退回")
    assert denied.values["process_name"] == "审批决定（设立登记）"
    told = {**decided, "item.decision": "denied", "step.action": "other"}
    (other,) = rows_of(PlatformKind.ITEM_DECIDED, told, EXTRA, SETTINGS, CODE)
    assert other.values["event_name"] == "其他"


def test_a_mapping_without_the_procedure_names_writes_the_standards_own() -> None:
    """Another province's mapping file may list no 特别程序种类名称: the row names the procedure as 表 7 does."""
    extended = {**FACTS, "procedure.step": "extension", "procedure.reason": "需现场核查"}

    def without_names(list_name: str, value: str) -> str:
        if list_name == "procedure_name":
            raise LookupError(list_name)
        return CODE(list_name, value)

    (row,) = rows_of(PlatformKind.SPECIAL_PROCEDURE, extended, EXTRA, SETTINGS, without_names)
    assert row.values["special_name"] == "延长审批"
    assert row.values["special_reason"] == "需现场核查"
    (shipped,) = rows_of(PlatformKind.SPECIAL_PROCEDURE, extended, EXTRA, SETTINGS, CODE)
    assert shipped.values["special_type"] == row.values["special_type"]


@pytest.mark.parametrize("attempts", [0, 31])
def test_attempts_out_of_range_are_refused(attempts: int) -> None:
    refused = dataclasses.replace(SETTINGS, attempts=attempts)
    assert refused.problems() == (FrontStoreProblem.BAD_ATTEMPTS,)
    assert dataclasses.replace(SETTINGS, attempts=30).problems() == ()
