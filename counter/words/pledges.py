"""The words of 告知承诺 (:mod:`counter.actions.intake.notice_pledges`): why a grant, a check or a paper is refused; the
revocation on the case page and in ``case show``; the case page's 告知承诺 section
(:mod:`counter.ui.cases.pledge_bar`)."""

from __future__ import annotations

from collections.abc import Mapping

from counter.case.decisions import read_entered, read_item_note
from counter.case.pledge_checks import PledgeProblem, Revocation
from counter.words.items import ITEM_ENTERED_NOTE
from counter.words.punctuation import FIELD_LABEL
from counter.words.translate import tr

PLEDGE_PROBLEM = {
    PledgeProblem.NOT_PLEDGE_ITEM: tr("办件 {case_no} 的事项 {item} 在办事指南中未实行告知承诺，不能依承诺当场许可"),
    PledgeProblem.NOT_CHOSEN: tr("办件 {case_no} 的事项 {item}：申请人选择了一般程序，不能依告知承诺当场许可"),
    PledgeProblem.NOT_GRANTED: tr("办件 {case_no} 的事项 {item} 没有依告知承诺作出的许可"),
    PledgeProblem.ALREADY_CHECKED: tr("办件 {case_no} 的事项 {item} 已经核查，核查结果只能记录一次"),
    PledgeProblem.NO_FINDING: tr("核查发现承诺不实的，须写明核查发现的情况，撤销决定书据此说明理由"),
    PledgeProblem.NOT_REVOKED: tr("办件 {case_no} 的事项 {item} 未因承诺不实被撤销，没有撤销决定书"),
    PledgeProblem.NO_PERIOD: tr("办件 {case_no} 的事项 {item}：须写明期限，即文书送达之日起的工作日数"),
    PledgeProblem.CORRECTION_OPEN: tr("办件 {case_no} 的事项 {item} 责令改正的期限未满，期满后才能复查认定未改正"),
    PledgeProblem.NOT_FOUND_FALSE: tr("办件 {case_no} 的事项 {item} 没有核查发现承诺不实、尚未撤销的记录"),
    PledgeProblem.NOT_HEARD: tr("办件 {case_no} 的事项 {item} 尚未告知陈述申辩，或者陈述申辩期限未满，不能撤销"),
    PledgeProblem.PERIOD_TOO_SHORT: tr(
        "办件 {case_no} 的事项 {item}：期限不得少于 {floor} 个工作日（自文书送达之日起计算），"
        "过短的期限不足以改正或者陈述申辩"
    ),
    PledgeProblem.NOT_SERVED: tr(
        "办件 {case_no} 的事项 {item}：文书的送达尚未记录；期限自送达之日起计算，"
        "请先记录送达（直接送达、邮寄或者窗口领取）"
    ),
    PledgeProblem.NOT_RECHECKED: tr(
        "办件 {case_no} 的事项 {item} 责令限期改正后尚未记录复查结果（期满未改正，或者改正后仍不符合承诺内容），"
        "不能告知拟撤销或者撤销"
    ),
    PledgeProblem.CORRECTED: tr("办件 {case_no} 的事项 {item} 经复查已改正合格，许可继续有效，不能撤销"),
    PledgeProblem.NO_HEARING_RECORD: tr(
        "撤销决定书须写明陈述、申辩的情况：申请人在期限内未提出的，写明未提出；提出的，写明其要点和本机关的复核意见"
    ),
    PledgeProblem.TEXT_SHAPE: tr(
        "办件 {case_no} 的事项 {item}：所写的情况或者意见过长（不超过500个字），或者含有文书不能打印的字符"
    ),
    PledgeProblem.FOUND_FALSE: tr(
        "办件 {case_no} 的事项 {item} 已核查认定承诺不实，不能改记为属实；责令改正后改正合格的，请记录复查结果"
    ),
    PledgeProblem.ALREADY_DONE: tr("办件 {case_no} 的事项 {item} 已办理这一步，不能重复办理"),
    PledgeProblem.NO_CORRECTION: tr("办件 {case_no} 的事项 {item} 没有责令限期改正，没有这份通知书"),
    PledgeProblem.NOT_SIGNED: tr(
        "办件 {case_no} 的事项 {item} 尚未由实施部门签收受理：告知承诺准予须在签收之后，签收前只能签收或者不予受理"
    ),
    PledgeProblem.CANNOT_CHECK: tr(
        "本机没有启用账号，无人能对承诺不实的许可责令改正、听取陈述申辩和撤销，不能依告知承诺许可；"
        "请由实施部门或者有账号的窗口办理"
    ),
}


def pledge_refused_text(problem: PledgeProblem, case_no: str, item: str, floor: int = 0) -> str:
    return PLEDGE_PROBLEM[problem].format(case_no=case_no, item=item, floor=floor)


# the department's list (F6, 部门待办): the checks it owes
PLEDGE_LIST_SUMMARY = tr("告知承诺待核查：{count} 项（许可后须在核查期限内核查，承诺不实的撤销许可）")
PLEDGE_LIST_COLUMNS = (tr("办件编号"), tr("事项"), tr("实施部门"), tr("核查期限"), tr("许可日期"), tr("申请人"))
PLEDGE_OVERDUE = tr("{day}（已逾期）")

# an item whose licence was revoked, on the case page and in ``case show``: 已撤销, the day and what the check found
PLEDGE_REVOKED = tr("已撤销")
PLEDGE_REVOKED_TEXT = tr("{day} 撤销：{reason}")
PLEDGE_REVOKED_LINE = tr("已撤销的许可：事项 {item} 于 {day} 撤销（告知承诺不实）：{reason}")


def revoked_text(revocation: Revocation) -> str:
    return PLEDGE_REVOKED_TEXT.format(day=revocation.day.isoformat(), reason=revocation.reason)


def revoked_note_text(note: str, items: Mapping[str, str] | None = None) -> str:
    """A revocation's history note in words: the item by its name (``items``: names by code), what the check found,
    and where the window entered it for the department (代为录入) the department's 文号 and officer, as a decision's."""
    code, finding = read_item_note(note)
    said = FIELD_LABEL.format(label=(items or {}).get(code, code)) + finding
    entered = read_entered(note)
    if entered is None:
        return said
    return ITEM_ENTERED_NOTE.format(note=said, department_no=entered.department_no, officer=entered.officer)


# the case page's 告知承诺 section (counter.ui.cases.pledge_bar): the chosen item's grant on a promise, its check, its
# revocation and their papers
PLEDGE_SECTION = tr("告知承诺")
PLEDGE_OPEN = tr("“{item}”实行告知承诺：申请人签署告知承诺书后，由{deciding}当场准予，事后核查。")
PLEDGE_OWED = tr("“{item}”已于 {granted} 依告知承诺准予，核查期限 {due}。")
PLEDGE_KEPT = tr("“{item}”已于 {granted} 依告知承诺准予，{day} 核查属实。")
PLEDGE_FALSE = tr("“{item}”于 {day} 因承诺不实撤销许可：{finding}")
PLEDGE_FOUND_FALSE = tr("“{item}”于 {day} 核查发现承诺不实：{finding}；撤销前依法责令改正、听取陈述申辩。")
PLEDGE_CORRECTING = tr("改正期限 {day}。")  # the correction ordered and served, after PLEDGE_FOUND_FALSE
PLEDGE_CORRECTION_UNSERVED = tr("责令限期改正通知书尚未记录送达，改正期限自送达之日起计算。")
PLEDGE_RECHECKED_TEXT = tr("{day} 复查：{found}。")
PLEDGE_HEARING = tr("已于 {day} 告知陈述、申辩的权利，期限 {by}。")  # the applicant told, after it
PLEDGE_HEARING_UNSERVED = tr("已于 {day} 告知陈述、申辩的权利；告知书尚未记录送达，期限自送达之日起计算。")
#: why the grant is not offered yet where the item's department has not signed for it (counter.case.pledge_checks)
PLEDGE_SIGN_FIRST = tr("“{item}”尚未签收：签收后才能依告知承诺准予。")
PLEDGE_NOT_HERE = tr("“{item}”的告知承诺许可、核查和撤销由{deciding}作出；本账号没有该部门的决定权，不能办理。")
PLEDGE_REVOKE_ROLE = tr("承诺不实的，撤销许可是负责人的决定：")
PLEDGE_GRANT_BUTTON = tr("告知承诺准予")
PLEDGE_KEPT_BUTTON = tr("核查属实")
PLEDGE_FALSE_BUTTON = tr("核查承诺不实")
PLEDGE_PAPER_BUTTON = tr("打印告知承诺书")
PLEDGE_REVOCATION_BUTTON = tr("打印撤销行政许可决定书")
PLEDGE_ASK_GRANT = tr("申请人已签署告知承诺书，依承诺当场准予“{item}”（{department}）？准予后打印告知承诺书交申请人。")
PLEDGE_ASK_KEPT = tr("记录“{item}”核查属实？")
PLEDGE_ASK_FALSE = tr(
    "核查发现“{item}”的承诺不实：请写明核查发现的情况（撤销决定书据此说明理由）；依法应先责令限期改正的，选定改正"
    "期限。撤销前须告知陈述、申辩的权利（行政许可法第六十九条第二款）："
)
PLEDGE_FINDING = tr("核查发现的情况")
PLEDGE_CONFIRM = tr("确认")
PLEDGE_CANCEL = tr("取消")
PLEDGE_GRANTED = tr("已依告知承诺准予“{item}”，核查期限 {due}。")
PLEDGE_CHECKED = tr("已记录“{item}”核查属实。")
PLEDGE_WITHDRAWN = tr("已记录“{item}”核查发现承诺不实；撤销前须依法责令改正、告知陈述申辩的权利。")
PLEDGE_MOVED = tr("办件已在其他窗口变更，请按当前状态办理。")
PLEDGE_TITLE = tr("告知承诺书")
PLEDGE_REVOCATION_TITLE = tr("撤销行政许可决定书")
# after a promise found false (counter.ui.cases.pledge_false_steps): the correction's period, hearing, revocation
PLEDGE_CORRECT_WITHIN = tr("改正期限：自责令限期改正通知书送达之日起的工作日数（依法应先责令限期改正的）")
PLEDGE_CORRECT_WITHIN_LABEL = tr("改正期限（工作日）：")  # shown before the number: a number alone says not what it is
PLEDGE_HEAR_BUTTON = tr("告知陈述申辩")
PLEDGE_HEAR_WITHIN = tr("陈述、申辩期限：自告知书送达之日起的工作日数")
PLEDGE_HEAR_WITHIN_LABEL = tr("陈述、申辩期限（工作日）：")
# a paper's service (counter.case.served), the 复查 and the hearing's record, on the same row
PLEDGE_SERVE_BUTTON = tr("记录送达")
PLEDGE_SERVE_WHICH = {"correction": tr("送达责令限期改正通知书："), "hearing": tr("送达陈述申辩告知书：")}
PLEDGE_SERVE_WAYS = {"hand": tr("直接送达"), "window": tr("窗口领取"), "post": tr("邮寄送达")}
PLEDGE_SERVE_WAY = tr("送达方式")
PLEDGE_SERVE_PROOF = tr("签收人姓名；邮寄的，邮件号")
PLEDGE_SERVED_ON = tr("送达日期（邮寄的，为邮件签收之日）")
PLEDGE_SERVED_NOW = tr("已记录“{item}”的文书送达，期限自送达之日起计算。")
PLEDGE_RECHECK_BUTTON = tr("记录复查")
PLEDGE_RECHECK_WAYS = {
    "corrected": tr("改正合格"),
    "not_corrected": tr("期满未改正"),
    "still_not": tr("改正后仍不符合承诺内容"),
}
PLEDGE_RECHECK_FOUND = tr("复查结果")
PLEDGE_RECHECK_FINDING = tr("复查发现的情况")
PLEDGE_RECHECKED = tr("已记录“{item}”的复查结果。")
PLEDGE_SAID = tr("陈述、申辩要点（未提出的留空）")
PLEDGE_ANSWER = tr("本机关的复核意见")
PLEDGE_REVOKE_BUTTON = tr("撤销许可")
PLEDGE_CORRECTION_PAPER_BUTTON = tr("打印责令限期改正通知书")
PLEDGE_HEARING_PAPER_BUTTON = tr("打印陈述申辩告知书")
PLEDGE_CORRECTION_TITLE = tr("责令限期改正通知书")
PLEDGE_HEARING_TITLE = tr("撤销行政许可陈述申辩告知书")
PLEDGE_HEARD = tr("已告知“{item}”的申请人拟撤销许可及陈述、申辩的权利；期限届满后方可撤销。")
PLEDGE_REVOKED_NOW = tr("已撤销“{item}”的许可（告知承诺不实）。")
