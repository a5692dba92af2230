"""The words of items' paths through their departments, for the window and the command line alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from counter.case.item_clock import DueAlert
from counter.case.item_lines import StepLine, read_step
from counter.case.item_path import MOVES, ItemEvent, ItemState, PauseReason, StepProblem, StepRefused
from counter.intake.outcome import RefusalGround
from counter.words.punctuation import CLAUSE_JOIN, FIELD_LABEL
from counter.words.translate import tr

ITEM_NOT_ROUTED = tr("未分发")
ITEM_STATE = {
    ItemState.ROUTED: tr("已分发，待部门签收"),
    ItemState.SIGNED: tr("部门已签收"),
    ItemState.CORRECTING: tr("部门已告知补正，待申请人补正"),
    ItemState.REVIEWING: tr("审查中"),
    ItemState.PAUSED: tr("暂停计时"),
    ItemState.APPROVED: tr("准予"),
    ItemState.DENIED: tr("不予批准"),
    ItemState.REFUSED: tr("部门不予受理"),
}
PAUSE_REASON = {
    PauseReason.CORRECTION: tr("补正材料"),
    PauseReason.HEARING: tr("听证"),
    PauseReason.TENDER: tr("招标、拍卖"),
    PauseReason.INSPECTION: tr("检验、检测、检疫"),
    PauseReason.APPRAISAL: tr("鉴定"),
    PauseReason.EXPERT_REVIEW: tr("专家评审"),
}
DUE_ALERT = {
    DueAlert.DUE_NEXT: tr("下一个工作日到期"),
    DueAlert.DUE_TODAY: tr("今日到期"),
    DueAlert.OVERDUE: tr("已逾期"),
}
#: where an item stands, as the predicate of a sentence naming the item ("食品经营许可 已经准予")
ITEM_STANDS = {
    None: tr("尚未分发"),
    ItemState.ROUTED: tr("已分发，待部门签收"),
    ItemState.SIGNED: tr("部门已签收"),
    ItemState.CORRECTING: tr("正待申请人补正"),
    ItemState.REVIEWING: tr("正在审查"),
    ItemState.PAUSED: tr("正在暂停计时"),
    ItemState.APPROVED: tr("已经准予"),
    ItemState.DENIED: tr("已经不予批准"),
    ItemState.REFUSED: tr("部门已经不予受理"),
}
#: each step of an item's path as what the clerk or the department does ("不能再准予"), not as the history's line
ITEM_STEP_VERB = {
    ItemEvent.ROUTED: tr("分发"),
    ItemEvent.SIGNED: tr("签收"),
    ItemEvent.CORRECTION: tr("要求补正"),
    ItemEvent.REVIEW_STARTED: tr("开始审查"),
    ItemEvent.PAUSED: tr("暂停计时"),
    ItemEvent.RESUMED: tr("恢复计时"),
    ItemEvent.EXTENDED: tr("延长办理期限"),
    ItemEvent.APPROVED: tr("准予"),
    ItemEvent.DENIED: tr("不予批准"),
    ItemEvent.REFUSED: tr("不予受理"),
}
ITEM_STEP_AGAIN = tr("再")
#: a department's 不予受理 by its ground (counter.case.refusal_basis), as its line and its list say it
REFUSAL_BASIS = {
    RefusalGround.NO_LICENCE_NEEDED: tr("申请事项依法不需要取得行政许可（第三十二条第一款第一项）"),
    RefusalGround.NOT_IN_REMIT: tr("不属于本机关职权范围，应向{authority}申请（第三十二条第一款第二项）"),
}
STEP_PROBLEM = {
    StepProblem.WRONG_STATE: tr("{item} {state}，不能{again}{step}。"),
    StepProblem.BEFORE_LAST: tr("事项 {item} 的上一步办理日期晚于本次，请核对日期。"),
    StepProblem.NO_ACTOR: tr("请填写经办人。"),
    StepProblem.NO_PAUSE_REASON: tr("暂停计时须写明原因：听证、招标拍卖、检验检测检疫、鉴定或专家评审。"),
    StepProblem.EXTENDED_BEFORE: tr("事项 {item} 已延期一次，不能再次延期（《行政许可法》第四十二条）。"),
    StepProblem.EXTENSION_DAYS: tr("延期为1至10个工作日（《行政许可法》第四十二条）。"),
    StepProblem.NO_APPROVER: tr("延期须经本行政机关负责人批准，请填写批准人。"),
    StepProblem.NO_REASON: tr("请写明理由：延期的理由将告知申请人，不予批准、不予受理须说明理由。"),
    StepProblem.NO_AUTHORITY: tr(
        "申请事项不属于本机关职权范围的，须写明有权机关的名称，告知申请人向其申请（《行政许可法》第三十二条）。"
    ),
    StepProblem.GROUND_NOT_LICENSING: tr(
        "事项 {item} 不是行政许可事项，不能以“依法不需要取得行政许可”不予受理，请写明其他理由。"
    ),
    StepProblem.NO_RESULT_NO: tr("准予须填写办理结果的编号，例如许可证编号。"),
    StepProblem.CORRECTION_BEFORE: tr(
        "事项 {item} 已告知过补正，补正须一次告知全部内容，不能再次要求补正（《行政许可法》第三十二条）。"
    ),
    StepProblem.NO_CORRECTION_LIST: tr("要求补正须逐项写明需要补正的全部内容，将印在补正材料通知书上。"),
    StepProblem.CORRECTION_LATE: tr(
        "事项 {item} 自窗口收到申请材料已超过五个工作日，不能再要求补正："
        "逾期未告知的，自收到申请材料之日起即为受理（《行政许可法》第三十二条）。"
    ),
    StepProblem.CORRECTION_ACCEPTED: tr(
        "事项 {item} 已受理，不能再要求补正：补正须在受理前一次告知；受理后只有听证、招标拍卖、检验检测检疫、"
        "鉴定和专家评审的时间不计入办理期限（《行政许可法》第三十二条、第四十五条）。"
    ),
    StepProblem.ACCEPTED_AT_WINDOW: tr(
        "事项 {item} 已由窗口受理（本中心自行受理或以实施部门的名义受理），部门不能再作出不予受理："
        "可以审查后作出不予批准。"
    ),
}


def step_refused_text(refused: StepRefused, item: str) -> str:
    """The sentence of a refused step of the item named ``item``.

    A step refused for the item's state says where the item stands and what was tried, as a person would
    ("食品经营许可 已经准予，不能再准予。"): the step as a verb, not as the line it would have made in the history,
    and "再" once the item is decided (nothing follows a decision) or the step was already taken: the item stands
    where the step takes it, save a resumed clock, which stands in review whether it was ever stopped or not.
    """
    step = ItemEvent(refused.step.event)
    taken = MOVES[step][1] is refused.state and step is not ItemEvent.RESUMED
    done = refused.state is not None and (refused.state.decided or taken)
    return STEP_PROBLEM[refused.problem].format(
        item=item,
        state=ITEM_STANDS[refused.state],
        step=ITEM_STEP_VERB[step],
        again=ITEM_STEP_AGAIN if done else "",
    )


#: the steps of an item's path, its decision among them, whose history lines :func:`step_note_text` words
ITEM_STEP_EVENTS = frozenset(e.value for e in ItemEvent)
ITEM_PAUSED_NOTE = tr("{item}（{why}）")
ITEM_PAUSED_DETAIL = tr("{why}：{detail}")
ITEM_EXTENDED_NOTE = tr("{item}：延长{days}个工作日，经{approved_by}批准；理由：{reason}")
#: a step the window entered for its department (代为录入): the department's decision, by its 文号 and officer
ITEM_ENTERED_NOTE = tr("{note}（部门文号{department_no}，承办人{officer}）")


def step_note_text(line: StepLine, items: Mapping[str, str] | None = None) -> str:
    """The note of an item's step in words: the item's name (``items``: names by code), then a pause's reason, an
    extension's days, approver and reason, a decision's result number or reasons; a note that does not read as a
    step, as it stands."""
    found = read_step(line, dt.date.min)  # the day is not shown
    if found is None:
        return line.note
    code, step = found
    item = (items or {}).get(code, code)
    if step.pause is not None:
        why = PAUSE_REASON[step.pause]
        why = ITEM_PAUSED_DETAIL.format(why=why, detail=step.reason) if step.reason else why
        return ITEM_PAUSED_NOTE.format(item=item, why=why)
    if step.event is ItemEvent.EXTENDED:
        return ITEM_EXTENDED_NOTE.format(item=item, days=step.days, approved_by=step.approved_by, reason=step.reason)
    told = (ItemEvent.DENIED, ItemEvent.REFUSED, ItemEvent.CORRECTION)
    decided = step.result_no or (step.reason if step.event in told else "")
    if step.basis.ground is not None:  # a 不予受理 on 第一项 or 第二项: its ground, then any reasons
        ground = REFUSAL_BASIS[step.basis.ground].format(authority=step.basis.authority)
        decided = CLAUSE_JOIN.join(part for part in (ground, decided) if part)
    said = FIELD_LABEL.format(label=item) + decided if decided else item
    if step.entered is None:
        return said
    entered = step.entered
    return ITEM_ENTERED_NOTE.format(note=said, department_no=entered.department_no, officer=entered.officer)
