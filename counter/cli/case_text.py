"""A case for the command line: text for people, JSON (snake_case keys) for scripts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from counter.case.moments import minute_text, office_day
from counter.case.pledge_checks import item_revocations
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseRow, CaseView, HistoryLine
from counter.intake.checklist import Receipt
from counter.intake.no_licence import named_licences
from counter.words.case_history import history_note, material_names
from counter.words.cases import case_event_text, case_status_text, code_text
from counter.words.intake import RECEIPT, licence_text, taken_outcome_text
from counter.words.pledges import PLEDGE_REVOKED_LINE
from counter.words.punctuation import LIST_JOIN
from counter.words.translate import tr

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.service.local import Service


def case_json(view: CaseView, only_received: bool = False) -> dict[str, Any]:
    """The case for scripts; ``only_received``: the hall only received it, its state said as its page says it, and
    its ``accepted_on`` null: the hall accepted nothing, each department accepts on its 签收, as the text and the
    platform say."""
    data = dataclasses.asdict(view)
    if only_received:
        data["accepted_on"] = None
    data["status"] = view.status.value
    data["status_text"] = case_status_text(view.status, only_received)
    data["answers"] = dict(view.answers)
    data["deferred_open"] = [m.code for m in view.deferred_open()]
    return data


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _turn_to_line(turn_to: str) -> str:
    """第二项's bodies to turn to, or 第一项's licences found to need none (counter.intake.no_licence)."""
    codes = named_licences(turn_to)
    if codes:
        return tr("不需要取得行政许可的事项：{codes}").format(codes=LIST_JOIN.join(codes))
    return tr("请向：{turn_to}").format(turn_to=turn_to)


def _notify_lines(view: CaseView) -> list[str]:
    """The messages go to a number the clerk typed, not the applicant's own: a supervisor reading the case sees it
    plainly (any phone may be typed as the 短信通知号码, and nothing else told of it)."""
    if not view.notify_phone or view.notify_phone == view.applicant_phone:
        return []
    return [tr("短信通知号码：{notify_phone}（与申请人电话不同）").format(notify_phone=view.notify_phone)]


def _line_note(line: HistoryLine, names: Mapping[str, str], items: Mapping[str, str] | None, received: bool) -> str:
    """A history line's note as the case page words it; the intake's, where the hall only received, its 收件."""
    if line.event == CaseEvent.TAKEN.value and received:  # not a 受理 the hall never made
        return taken_outcome_text(line.note, received, line.status_after == CaseStatus.WITHDRAWN.value)
    return history_note(line, names, items)  # materials and items by name


def _days_line(v: CaseView, only_received: bool) -> str:
    """The case's days; no 受理日期 where the hall only received it: each department accepts on its 签收, as the
    收件凭证 told the applicant and the case page shows (the platform hears no 受理 date either)."""
    if only_received:
        return tr("收件日期：{received}  承诺办结：{promised}").format(
            received=_date(v.received_on), promised=_date(v.promised_on)
        )
    return tr("收件日期：{received}  受理日期：{accepted}  承诺办结：{promised}").format(
        received=_date(v.received_on), accepted=_date(v.accepted_on), promised=_date(v.promised_on)
    )


def case_as_text(view: CaseView, only_received: bool = False, items: Mapping[str, str] | None = None) -> str:
    """The case for people; ``only_received``: the hall only received it, its state said as its page says it;
    ``items``: its guide's item names by code, which its history names them by, as the case page does."""
    v = view
    lines = [
        tr("办件编号：{case_no}").format(case_no=v.case_no),
        tr("状态：{status}    结果：{outcome}").format(
            status=case_status_text(v.status, only_received),
            outcome=taken_outcome_text(v.outcome, only_received, v.status is CaseStatus.WITHDRAWN),
        ),
        tr("一件事：{bundle_name}（{bundle_code}，指南第{guide_version}版）").format(
            bundle_name=v.bundle_name, bundle_code=v.bundle_code, guide_version=v.guide_version
        ),
        tr("申请人：{applicant_name}  {applicant_id_no}  {applicant_phone}").format(
            applicant_name=v.applicant_name, applicant_id_no=v.applicant_id_no, applicant_phone=v.applicant_phone
        ),
        *_notify_lines(v),
    ]
    if v.legal_rep:
        lines.append(tr("法定代表人：{legal_rep}").format(legal_rep=v.legal_rep))
    if v.agent_name:
        lines.append(
            tr("代办人：{agent_name}  {agent_id_no}  授权：{agent_authorisation}").format(
                agent_name=v.agent_name, agent_id_no=v.agent_id_no, agent_authorisation=v.agent_authorisation
            )
        )
    lines.append(_days_line(v, only_received))
    if v.correction_due:
        lines.append(
            tr("补正期限：{correction_due}  告知期限：{notify_due}").format(
                correction_due=_date(v.correction_due), notify_due=_date(v.notify_due)
            )
        )
    if v.turn_to:
        lines.append(_turn_to_line(v.turn_to))
    if v.denial_reason:
        lines.append(tr("不予批准理由：{denial_reason}").format(denial_reason=v.denial_reason))
    lines.extend(_revoked_lines(v))
    if v.dates_beyond_data:
        lines.append(tr("注意：期限为暂定日期，按法定节假日推算，以国务院办公厅公布的节假日安排为准。"))
    if v.previous_case_no:
        lines.append(tr("补正前办件：{previous_case_no}").format(previous_case_no=v.previous_case_no))
    if v.later_case_no:
        lines.append(tr("重新提交办件：{later_case_no}").format(later_case_no=v.later_case_no))
    lines.append(tr("材料："))
    for m in v.materials:
        receipt = code_text(RECEIPT, Receipt, m.receipt)
        extra = tr("  容缺至 {due}").format(due=_date(m.due_on)) if m.due_on else ""
        if m.arrived_on:
            extra += tr("  {arrived} 已补交").format(arrived=_date(m.arrived_on))
        note = tr("  （{defect_note}）").format(defect_note=m.defect_note) if m.defect_note else ""
        if m.licence:
            note += "  " + licence_text(m.licence)
        lines.append(
            tr("  {code} {name}：{receipt}{note}{extra}").format(
                code=m.code, name=m.name, receipt=receipt, note=note, extra=extra
            )
        )
    lines.append(tr("经办记录："))
    names = material_names(v.materials)
    for h in v.history:
        event = case_event_text(h.event, only_received)
        shown = _line_note(h, names, items, only_received)
        note = tr("：{shown}").format(shown=shown) if shown else ""
        lines.append(
            tr("  {at}  {desk_no}号窗口  {clerk}  {event}{note}").format(
                at=minute_text(h.at), desk_no=h.desk_no, clerk=h.clerk, event=event, note=note
            )
        )
    return "\n".join(lines)


def _revoked_lines(view: CaseView) -> list[str]:
    """The licences revoked on a promise found false (行政许可法 第六十九条第二款): the day and what the check found."""
    revoked = item_revocations(view.history, office_day).values()
    return [PLEDGE_REVOKED_LINE.format(item=r.item_code, day=r.day.isoformat(), reason=r.reason) for r in revoked]


def row_json(row: CaseRow, today: dt.date) -> dict[str, Any]:
    return {
        "case_no": row.case_no,
        "status": row.status.value,
        "status_text": case_status_text(row.status, row.only_received),
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
        due = tr("  容缺到期 {next_due}").format(next_due=row.next_due.isoformat()) + (
            tr("（已逾期）") if row.next_due < today else ""
        )
    return (
        f"{row.case_no}  {case_status_text(row.status, row.only_received)}  {row.bundle_name}  {row.applicant_name}"
        f"  {row.received_on.isoformat()}{due}"
    )


def print_case(service: Service, by: Desk, case_no: str, *, as_json: bool) -> bool:
    """``case show`` and ``case take`` print a case alike, ID numbers whole only for whoever may see them.

    False, and nothing printed, where there is no such case.
    """
    from counter.cli.common import print_json
    from counter.service.cases import SHOW_CASE
    from counter.service.requests import CaseNo

    shown = service.call(SHOW_CASE, CaseNo(case_no), by)
    view, whole = shown.view, shown.whole
    if view is None:
        return False
    if not whole:
        view = view.masked()
    if as_json:
        print_json(case_json(view, shown.only_received))
    else:
        print(case_as_text(view, shown.only_received, shown.items))
    return True
