"""A case for the command line: text for people, JSON (snake_case keys) for scripts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseRow, CaseView
from counter.identifiers import mask_id, mask_phone
from counter.intake.checklist import Receipt
from counter.intake.outcome import Outcome
from counter.words.cases import CASE_EVENT, CASE_STATUS
from counter.words.intake import OUTCOME, RECEIPT


def _label(table: dict[Any, str], enum: type[Any], value: str) -> str:
    try:
        return table[enum(value)]
    except (ValueError, KeyError):
        return value


def case_json(view: CaseView) -> dict[str, Any]:
    data = dataclasses.asdict(view)
    data["status"] = view.status.value
    data["status_text"] = CASE_STATUS[view.status]
    data["answers"] = dict(view.answers)
    data["deferred_open"] = [m.code for m in view.deferred_open()]
    return data


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def masked_view(view: CaseView) -> CaseView:
    """The case with its ID numbers and phones masked, for whoever may not see them whole."""
    return dataclasses.replace(
        view,
        applicant_id_no=mask_id(view.applicant_id_no) if view.applicant_id_no else "",
        agent_id_no=mask_id(view.agent_id_no) if view.agent_id_no else "",
        applicant_phone=mask_phone(view.applicant_phone) if view.applicant_phone else "",
        notify_phone=mask_phone(view.notify_phone) if view.notify_phone else "",
    )


def case_as_text(view: CaseView) -> str:
    v = view
    lines = [
        f"办件编号：{v.case_no}",
        f"状态：{CASE_STATUS[v.status]}    结果：{_label(OUTCOME, Outcome, v.outcome)}",
        f"一件事：{v.bundle_name}（{v.bundle_code}，指南第{v.guide_version}版）",
        f"申请人：{v.applicant_name}  {v.applicant_id_no}  {v.applicant_phone}",
    ]
    if v.legal_rep:
        lines.append(f"法定代表人：{v.legal_rep}")
    if v.agent_name:
        lines.append(f"代办人：{v.agent_name}  {v.agent_id_no}  授权：{v.agent_authorisation}")
    lines.append(
        f"收件日期：{_date(v.received_on)}  受理日期：{_date(v.accepted_on)}  承诺办结：{_date(v.promised_on)}"
    )
    if v.correction_due:
        lines.append(f"补正期限：{_date(v.correction_due)}  告知期限：{_date(v.notify_due)}")
    if v.turn_to:
        lines.append(f"请向：{v.turn_to}")
    if v.denial_reason:
        lines.append(f"不予批准理由：{v.denial_reason}")
    if v.dates_beyond_data:
        lines.append("注意：期限超出节假日数据范围，按周六、周日休息推算，请核对。")
    if v.previous_case_no:
        lines.append(f"补正前办件：{v.previous_case_no}")
    if v.later_case_no:
        lines.append(f"重新提交办件：{v.later_case_no}")
    lines.append("材料：")
    for m in v.materials:
        receipt = _label(RECEIPT, Receipt, m.receipt)
        extra = f"  容缺至 {_date(m.due_on)}" if m.due_on else ""
        if m.arrived_on:
            extra += f"  {_date(m.arrived_on)} 已补交"
        note = f"  （{m.defect_note}）" if m.defect_note else ""
        lines.append(f"  {m.code} {m.name}：{receipt}{note}{extra}")
    lines.append("经办记录：")
    for h in v.history:
        event = _label(CASE_EVENT, CaseEvent, h.event)
        shown = _label(OUTCOME, Outcome, h.note) if h.event == CaseEvent.TAKEN.value else h.note
        note = f"：{shown}" if shown else ""
        at = h.at.astimezone() if h.at.tzinfo else h.at.replace(tzinfo=dt.UTC).astimezone()
        lines.append(f"  {at:%Y-%m-%d %H:%M}  {h.desk_no}号窗口  {h.clerk}  {event}{note}")
    return "\n".join(lines)


def row_json(row: CaseRow, today: dt.date) -> dict[str, Any]:
    return {
        "case_no": row.case_no,
        "status": row.status.value,
        "status_text": CASE_STATUS[row.status],
        "bundle_name": row.bundle_name,
        "applicant_name": row.applicant_name,
        "received_on": row.received_on.isoformat(),
        "desk_no": row.desk_no,
        "next_due": row.next_due.isoformat() if row.next_due else None,
        "overdue": row.next_due is not None and row.next_due < today,
    }


def row_line(row: CaseRow, today: dt.date) -> str:
    due = ""
    if row.next_due is not None and row.status is CaseStatus.AWAITING_DEFERRED:
        due = f"  容缺到期 {row.next_due.isoformat()}" + ("（已逾期）" if row.next_due < today else "")
    return (
        f"{row.case_no}  {CASE_STATUS[row.status]}  {row.bundle_name}  {row.applicant_name}"
        f"  {row.received_on.isoformat()}{due}"
    )
