"""The words of a case: its status, its events, delivery, the kind of applicant and party-field problems."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

from counter.case.dates_moved import CORRECTION, PROMISED, read_moves
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.entered_for import EntryField
from counter.case.site_authority import ACT_NAMES, EntrustedAct
from counter.case.status import NOTE_CODES_JOIN, CaseEvent, CaseStatus
from counter.intake.parties import ApplicantKind, Delivery, PartyProblem, PartyProblemCode
from counter.intake.subject import SubjectProblem, SubjectProblemCode
from counter.words.punctuation import CLAUSE_JOIN, LIST_JOIN
from counter.words.texts import coded_text_problem
from counter.words.translate import tr

E = TypeVar("E", bound=Enum)


def code_text(table: Mapping[E, str], enum: type[E], value: str) -> str:
    """The text of a stored code; a code this release does not know (an older or newer program wrote it, a township
    or the hall on another release) as the code itself, for support to read back, marked unknown for the clerk."""
    try:
        return table[enum(value)]
    except (ValueError, KeyError):
        return UNKNOWN_CODE.format(code=value)


UNKNOWN_CODE = tr("{code}（本版本未知）")


# the window and the command line both say it when a case number leads nowhere
CASE_NOT_FOUND = tr("未找到办件：{case_no}")
CASE_STATUS = {
    CaseStatus.ACCEPTED: tr("已受理"),
    CaseStatus.AWAITING_DEFERRED: tr("容缺受理，待补材料"),
    CaseStatus.CORRECTION_ISSUED: tr("已出具补正通知（未受理）"),
    CaseStatus.RESUBMITTED: tr("补正后已重新提交"),
    CaseStatus.CORRECTION_LAPSED: tr("逾期未补正，视为放弃申请"),
    CaseStatus.REFUSED: tr("不予受理"),
    CaseStatus.IN_APPROVAL: tr("审批中"),
    CaseStatus.READY: tr("已办结，待取件"),
    CaseStatus.DELIVERED: tr("已送达"),
    CaseStatus.DENIED: tr("不予批准"),
    CaseStatus.WITHDRAWN: tr("申请人已撤回"),
    CaseStatus.VOIDED: tr("已作废"),
}
#: the state where the hall only received every item applied for (收件: its departments accept, each by its 签收),
#: where it differs from CASE_STATUS: a 已受理 there read as the departments' acceptance
CASE_STATUS_RECEIVED = {
    CaseStatus.ACCEPTED: tr("已收件"),
    CaseStatus.AWAITING_DEFERRED: tr("已收件，待补材料"),
    CaseStatus.CORRECTION_ISSUED: tr("已告知补齐材料"),
    CaseStatus.REFUSED: tr("申请人已撤回（已出具申请事项告知书）"),
    CaseStatus.CORRECTION_LAPSED: tr("逾期未补齐，本次收件登记已终结"),
}


def case_status_text(status: CaseStatus, received: bool = False) -> str:
    """A case's state as every face names it: the page's badge, the finder's and the lists' column, ``case show``.
    ``received``: the hall only received every item of the case (:func:`counter.documents.acceptance.only_received`,
    worked out where the case is read), so the states its 收件 left it in are said in the hall's own words."""
    if received:
        return CASE_STATUS_RECEIVED.get(status, CASE_STATUS[status])
    return CASE_STATUS[status]


CASE_EVENT = {
    CaseEvent.TAKEN: tr("窗口收件"),
    CaseEvent.DEFERRED_ARRIVED: tr("收到部分容缺材料"),
    CaseEvent.DEFERRED_COMPLETE: tr("容缺材料已补齐"),
    CaseEvent.DEFERRAL_EXTENDED: tr("延长容缺期限"),
    CaseEvent.DENIED: tr("不予批准"),
    CaseEvent.RESUBMITTED: tr("补正后重新提交"),
    CaseEvent.CORRECTION_LAPSED: tr("逾期未补正，视为放弃申请"),
    CaseEvent.SENT_TO_APPROVAL: tr("转入审批"),
    CaseEvent.COMPLETED: tr("办结"),
    CaseEvent.DELIVERED: tr("送达"),
    CaseEvent.WITHDRAWN: tr("撤回"),
    CaseEvent.VOIDED: tr("作废"),
    CaseEvent.ITEM_APPROVED: tr("事项准予"),
    CaseEvent.ITEM_DENIED: tr("事项不予批准"),
    CaseEvent.ITEM_REFUSED: tr("实施部门不予受理"),
    CaseEvent.DEFERRAL_LAPSED: tr("容缺材料逾期未补交"),
    CaseEvent.DEFERRAL_PART_LAPSED: tr("部分容缺材料逾期未补交"),
    CaseEvent.ITEM_ROUTED: tr("事项分发至实施部门"),
    CaseEvent.ITEM_SIGNED: tr("部门签收"),
    CaseEvent.ITEM_CORRECTION: tr("实施部门告知补正"),
    CaseEvent.ITEM_REVIEW: tr("部门审查"),
    CaseEvent.ITEM_PAUSED: tr("暂停计时"),
    CaseEvent.ITEM_RESUMED: tr("恢复计时"),
    CaseEvent.ITEM_EXTENDED: tr("延长办理期限"),
    CaseEvent.ITEMS_HANDED: tr("部分办理结果送达"),
    CaseEvent.SERVICE_SIGNED: tr("邮寄送达回执已签收"),
    CaseEvent.DATES_MOVED: tr("按公布的节假日安排期限顺延"),
    CaseEvent.LAPSE_EARLY: tr("按公布的节假日安排，逾期处理早于期限，待实施部门自行纠正"),
    CaseEvent.ITEM_REVOKED: tr("撤销行政许可（告知承诺不实）"),
    CaseEvent.TEXT_CONVERTED: tr("蒙科立编码已转为标准蒙古文"),
    CaseEvent.PAPERS_WAIVED: tr("文书未打印（已说明原因）"),
    CaseEvent.E_SERVICE_AGREED: tr("申请人同意电子送达"),
    CaseEvent.PAPER_SERVED_ONLINE: tr("文书已电子送达"),  # how: the note (counter.words.e_service)
}
#: the events where the hall only received every item (收件), where they differ from CASE_EVENT: its 补齐材料告知书
#: decides nothing, so a lapse there ends the 收件 registration and the applicant may hand the materials in at any
#: time (counter.documents.acceptance_words), not 视为放弃申请
CASE_EVENT_RECEIVED = {
    CaseEvent.CORRECTION_LAPSED: tr("逾期未补齐，本次收件登记已终结；补齐后仍可随时提交"),
}


def case_event_text(code: str, received: bool = False) -> str:
    """A history line's event as the case page and ``case show`` name it; ``received``: the hall only received every
    item of the case (as for :func:`case_status_text`), so the events of its 收件 are said in the hall's own words."""
    if received:
        return code_text({**CASE_EVENT, **CASE_EVENT_RECEIVED}, CaseEvent, code)
    return code_text(CASE_EVENT, CaseEvent, code)


# the texts a 蒙科立 original is kept for (counter.parties.menksoft.original_note), by their field
CONVERTED_FIELD = {
    "applicant_name": tr("申请人名称"),
    "legal_rep": tr("法定代表人"),
    "applicant_address": tr("住所"),
    "delivery_address": tr("邮寄地址"),
    "agent_name": tr("代理人姓名"),
    "agent_authorisation": tr("委托事项"),
}
CONVERTED_NOTE = tr("{field}原为蒙科立编码：{codes}")


def converted_note_text(note: str) -> str:
    """A 蒙科立 original kept in the history, in words: the field, then the code points as they were written."""
    field, _, codes = note.partition(" ")
    return CONVERTED_NOTE.format(field=CONVERTED_FIELD.get(field, field), codes=codes)


# why an item's decision or a lapse was refused (counter.case.decisions.DecisionProblem)
DECISION_PROBLEM = {
    DecisionProblem.NOT_LAPSED: tr(
        "容缺材料的补交期限尚未届满，期限届满后的下一个工作日起才能按逾期处理（最早 {first_day}）。"
    ),
    DecisionProblem.UNKNOWN_ITEM: tr("办件所依据的办事指南中没有事项 {item}。"),
    DecisionProblem.ALREADY_DECIDED: tr("事项 {item} 已作出决定，不能再次决定。"),
    DecisionProblem.REASON_REQUIRED: tr("不予批准须写明理由。"),
    DecisionProblem.TEXT_NOT_TAKEN: tr(
        "证照编号或不予批准的理由中有控制字符、不可见字符或改变文字方向的字符，请重新输入。"
    ),
    DecisionProblem.NOT_A_LICENCE: tr(
        "事项 {item} 不是行政许可，不能依照行政许可法第七十八条（隐瞒情况、提供虚假材料）作出不予批准决定。"
    ),
    DecisionProblem.ITEM_BY_ITEM: tr("不予批准按事项作出：请选择事项并写明理由，或对逾期的容缺办件作逾期处理。"),
    DecisionProblem.ALL_DENIED: tr("各事项均已不予批准，办件不能办结。"),
    DecisionProblem.AWAITS_DEFERRED: tr(
        "事项 {item} 所需的容缺后补材料尚未补齐，材料补齐后才能准予；不需要该材料的其他事项可以先行办理。"
    ),
    DecisionProblem.PROVISIONAL_DUE: tr(
        "期限 {first_day} 是在没有当年节假日安排时按法定节假日推算的暂定日期，且临近节假日：国务院办公厅公布的安排"
        "可能使期限顺延。请先由管理员录入当年的节假日安排（或由大厅同步），期限按公布的安排重新计算后再按逾期处理。"
    ),
    DecisionProblem.PAST_LEGAL_DATE: tr(
        "延长后的补交期限晚于事项 {item} 的法定办理期限（{first_day}），不能延长。确需延长的，须由实施部门依法"
        "延长审批期限（行政许可法第四十二条）或中止计时（第四十五条），写明理由并告知申请人后再延长。"
    ),
    DecisionProblem.VALIDITY_BEFORE_DECISION: tr(
        "事项 {item} 的证照有效期至 {first_day}，早于准予决定的日期，不能录入：请核对证照上的有效期限"
        "（长期有效的请选“长期有效”）。"
    ),
    DecisionProblem.UNDECIDED: tr(
        "还有事项尚未作出决定：{item}。办结只记录各事项都已由其实施部门作出决定，不能代替部门准予；"
        "请等部门作出决定（或由部门在本系统录入）后再办结。"
    ),
    DecisionProblem.NOT_DECIDING_BODY: tr(
        "事项 {item} 由{deciding}作出决定，窗口只能分发、催办、签收部门送来的纸质结果和出件，不能准予或不予批准。"
        "如该部门已书面授权窗口代为录入，请系统管理员先登记该部门的授权，再由窗口录入。"
    ),
    DecisionProblem.OTHER_DEPARTMENT: tr("事项 {item} 由{deciding}作出决定，本账号不属于该部门，不能办理。"),
    DecisionProblem.ACT_NOT_ENTRUSTED: tr(
        "事项 {item} 的“{act}”由{deciding}自行作出：本中心登记的该部门委托不包括“{act}”，窗口不能代为办理。"
        "如该部门已书面委托本中心办理“{act}”，请系统管理员在本中心的事项授权中为该委托写明“{act}”后再办理。"
    ),
    DecisionProblem.NO_ITEM_ROLE: tr(
        "事项 {item} 由{deciding}作出决定；本账号既不是该部门的工作人员，也不是窗口工作人员。"
    ),
    DecisionProblem.ENTRY_INCOMPLETE: tr(
        "事项 {item} 由窗口代为录入部门的决定，须写明该部门决定的文号和作出决定的承办人，尚未填写：{missing}。"
        "请按部门的书面决定填写后再录入。"
    ),
}
#: what a step entered for a department must carry (counter.case.entered_for.EntryField), as the refusal names it
ENTRY_FIELD = {EntryField.DEPARTMENT_NO: tr("部门文号"), EntryField.OFFICER: tr("承办人")}
DECISION_NOTHING_AWAITED = tr("无")
#: the refusals of the authority rule (counter.access.authority): the account may not act on the item at all
AUTHORITY_PROBLEMS = frozenset(
    {
        DecisionProblem.NOT_DECIDING_BODY,
        DecisionProblem.OTHER_DEPARTMENT,
        DecisionProblem.NO_ITEM_ROLE,
        DecisionProblem.ACT_NOT_ENTRUSTED,
    }
)
#: refusals by rule, not by a change at another desk: the page says them and keeps its form
RULE_PROBLEMS = AUTHORITY_PROBLEMS | {
    DecisionProblem.UNDECIDED,
    DecisionProblem.ALL_DENIED,
    DecisionProblem.PROVISIONAL_DUE,  # until the year's holiday notice is in (counter.calendar.provisional)
    # until the department records its 特别程序 (counter.actions.cases.deferral_extension)
    DecisionProblem.PAST_LEGAL_DATE,
    DecisionProblem.VALIDITY_BEFORE_DECISION,  # a licence's 有效期限 ended before its 准予: corrected on the form
    DecisionProblem.ENTRY_INCOMPLETE,  # the department's 文号 or officer: filled in on the form
}


def decision_refused_text(refused: DecisionRefused, names: Mapping[str, str] | None = None) -> str:
    """The sentence of a refused decision, for the window and the command line alike.

    ``names``: the items' names by code, where the face has them (the undecided items are then named, not coded).
    """
    first = refused.first_day.isoformat() if refused.first_day else DECISION_NOTHING_AWAITED
    codes = [code for code in refused.item_code.split(NOTE_CODES_JOIN) if code]
    item = LIST_JOIN.join((names or {}).get(code, code) for code in codes)
    act = ACT_NAMES[EntrustedAct(refused.act)] if refused.act in set(EntrustedAct) else ""
    missing = LIST_JOIN.join(ENTRY_FIELD[field] for field in refused.missing)
    return DECISION_PROBLEM[refused.problem].format(
        item=item, first_day=first, deciding=refused.deciding, act=act, missing=missing
    )


DELIVERY = {Delivery.PICKUP: tr("窗口领取"), Delivery.POST: tr("邮寄送达"), Delivery.ELECTRONIC: tr("电子送达")}
APPLICANT_KIND = {ApplicantKind.PERSON: tr("自然人"), ApplicantKind.COMPANY: tr("法人或其他组织")}
PARTY_PROBLEM = {
    PartyProblemCode.REQUIRED: tr("必须填写"),
    PartyProblemCode.INVALID_ID: tr("证件号码有误"),
    PartyProblemCode.INVALID_PHONE: tr("电话号码应为7-13位数字"),
    PartyProblemCode.BAD_TEXT: tr("含有不能录入的字符或超过长度"),
}


def party_problem_why(problem: PartyProblem) -> str:
    """What is wrong at the field: a refused text says which character, or how long it may be."""
    if problem.code is PartyProblemCode.BAD_TEXT:
        return coded_text_problem(problem.detail)
    return PARTY_PROBLEM[problem.code]


SUBJECT_PROBLEM = {
    SubjectProblemCode.REQUIRED: tr("受理时必须填写"),
    SubjectProblemCode.NOT_AN_OPTION: tr("请从选项中选择"),
    SubjectProblemCode.BAD_DATE: tr("不是有效日期，请按“2026-11-18”的格式填写"),
    SubjectProblemCode.FUTURE_DATE: tr("不能晚于今天"),
    SubjectProblemCode.BAD_COUNT: tr("应为1至99的整数"),
    SubjectProblemCode.BAD_CERTIFICATE_NO: tr("应为1位字母加9位数字，如Q150123456"),
    SubjectProblemCode.UNKNOWN_FIELD: tr("本事项指南没有这一项"),
}


def subject_problem_why(problem: SubjectProblem) -> str:
    """What is wrong at a subject field: a refused text says which character, or how long it may be."""
    if problem.code is SubjectProblemCode.BAD_TEXT:
        return coded_text_problem(problem.detail)
    return SUBJECT_PROBLEM[problem.code]


# a date a change of the holiday data moved later (counter.case.dates_moved): what it is the date of
DATE_MOVED_WHAT = {PROMISED: tr("承诺办结日期"), CORRECTION: tr("补正期限")}
DATE_MOVED = tr("{what} {before} → {after}")
DATE_MOVED_MATERIAL = tr("“{name}”补交期限")


def dates_moved_text(note: str, names: Mapping[str, str]) -> str:
    """The note of a 期限顺延 line in words: each date from and to, a material by its name (``names``: by code)."""
    moves = read_moves(note)
    if not moves:
        return note  # not a note this program wrote: as it stands
    return CLAUSE_JOIN.join(
        DATE_MOVED.format(
            what=DATE_MOVED_WHAT.get(m.what) or DATE_MOVED_MATERIAL.format(name=names.get(m.what, m.what)),
            before=m.before.isoformat(),
            after=m.after.isoformat(),
        )
        for m in moves
    )


#: why the case page does not offer a lapse on a due date the year's holiday notice may still move, said before the
#: button is pressed (counter.case.provisional_lapse), keyed as counter.ui.cases.rules.Withheld
LAPSE_UNSETTLED = {
    "lapse_unsettled": tr(
        "暂不能记录“逾期未补齐”：容缺材料的补交期限 {due} 是在没有当年节假日安排时按法定节假日推算的暂定日期，"
        "且临近节假日，国务院办公厅公布的当年节假日安排可能使期限顺延。请由系统管理员录入当年的节假日安排"
        "（或由大厅同步），期限按公布的安排重新计算后，自其后的第一个工作日起方可记录。"
    ),
    "correction_unsettled": tr(
        "暂不能记录“逾期未补正”：补正期限 {due} 是在没有当年节假日安排时按法定节假日推算的暂定日期，"
        "且临近节假日，国务院办公厅公布的当年节假日安排可能使期限顺延。请由系统管理员录入当年的节假日安排"
        "（或由大厅同步），期限按公布的安排重新计算后，自其后的第一个工作日起方可记录。"
    ),
}
