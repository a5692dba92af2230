"""The words of a held record's detail: which part of the record, what is wrong with it, in the clerk's words.

The import keeps the detail as it always wrote it (field paths and codes, for the log and for support); the domain
reads it into a code and values (:mod:`counter.sync.hold_detail`), worded here.  Nothing of the stored text reaches
the clerk: a field without a name here is "记录中的一项", a detail of a form not known here says where to ask, and
the text itself stays in the cell's tooltip for the technician.
"""

from __future__ import annotations

from counter.case.moments import written_minute_text
from counter.case.status import CaseEvent, CaseStatus
from counter.sync.hold_detail import DetailKind, HoldDetail, Step, read_detail
from counter.words.cases import CASE_EVENT, CASE_STATUS
from counter.words.texts import coded_text_problem
from counter.words.translate import tr

#: the parts of a record a path steps through (counter.sync.records), as a clerk names them
PARTS = {
    "history": tr("办理记录"),
    "documents": tr("文书"),
    "prints": tr("打印记录"),
    "ratings": tr("评价请求"),
    "rating": tr("评价"),
    "appeals": tr("申诉"),
    "rectification": tr("整改"),
    "materials": tr("材料"),
    "items": tr("事项"),
    "steps": tr("办理步骤"),
    "coordinations": tr("协调记录"),
    "papers": tr("文书"),
    "subject": tr("办理对象信息"),
}
#: the fields a path ends in
FIELDS = {
    "event": tr("办理环节"),
    "status_after": tr("办理后的状态"),
    "status": tr("办件状态"),
    "at": tr("时间"),
    "note": tr("说明"),
    "desk_no": tr("窗口号"),
    "site_code": tr("站点代码"),
    "clerk": tr("经办人"),
    "staff_no": tr("经办人工号"),
    "case_no": tr("办件编号"),
    "project_no": tr("项目编号"),
    "issued_on": tr("出具日期"),
    "created_at": tr("生成时间"),
    "arrived_on": tr("收到日期"),
    "due_on": tr("期限"),
    "sent_at": tr("发出时间"),
    "lapsed_at": tr("失效时间"),
    "rated_at": tr("评价时间"),
    "rated_on": tr("评价日期"),
    "opened_at": tr("开始时间"),
    "opened_on": tr("开始日期"),
    "fix_due": tr("整改期限"),
    "filed_on": tr("提交日期"),
    "done_on": tr("办结日期"),
    "expected_on": tr("预计日期"),
    "day": tr("日期"),
    "agent": tr("代办员"),
    "by": tr("经办人"),
    "name": tr("名称"),
    "defect_note": tr("材料问题说明"),
    "applicant_name": tr("申请人名称"),
    "legal_rep": tr("法定代表人"),
    "agent_name": tr("代理人姓名"),
    "applicant_address": tr("申请人地址"),
    "delivery_address": tr("送达地址"),
    "agent_authorisation": tr("委托事项"),
    "turn_to": tr("转办去向"),
    "item_name": tr("事项名称"),
    "department": tr("部门"),
    "rater_name": tr("评价人姓名"),
    "received_on": tr("收件日期"),
    "accepted_on": tr("受理日期"),
    "promised_on": tr("承诺办结日期"),
    "correction_due": tr("补正期限"),
    "notify_due": tr("告知期限"),
    "applied_on": tr("申请日期"),
    "signed_on": tr("签约日期"),
    "ended_on": tr("结束日期"),
    "evaluated_on": tr("评价日期"),
    "investor": tr("投资方"),
    "county": tr("旗县"),
}
NTH = tr("第{n}条{part}")
OF = tr("的")
SOME_FIELD = tr("记录中的一项")
SOME_EVENT = tr("（本程序不认识的环节）")
SOME_STATUS = tr("（本程序不认识的状态）")

DETAIL = {
    DetailKind.GUIDE: tr("办事指南 {bundle} 第{version}版"),
    DetailKind.NUMBER_TAKEN: tr("编号 {number} 在本站点已属于另一条记录，请与对方核对编号"),
    DetailKind.DOCUMENT_TAKEN: tr("文书编号 {number} 在本站点已属于另一个办件，请与对方核对文书编号"),
    DetailKind.NOT_IN_SERIES: tr("{where} {number} 不在站点 {site} 的编号序列中"),
    DetailKind.NOT_ITS_DESK: tr("{where} {number} 中的窗口号与记录所写的窗口号（{desk}）不符"),
    DetailKind.ELSEWHERE: tr("该记录在本站点是站点 {site} 的 {number}，不是发送站点的"),
    DetailKind.PREVIOUS_ELSEWHERE: tr("补正前的办件 {number} 在本站点属于站点 {site}"),
    DetailKind.PREVIOUS_MISSING: tr("请发送站点先上报该办件补正前的办件，收到后自动补入"),
    DetailKind.FROM_SITE: tr("该办件由站点 {site} 受理，应由该站点上报"),
    DetailKind.CASE: tr("办件编号 {number}"),
    DetailKind.MATERIAL: tr("材料编码 {code}"),
    DetailKind.SETTING: tr("中心发来的这项设置未写入本站点，本站点的设置保持不变"),
    DetailKind.SEAL: tr("第 {number} 号封签"),
    DetailKind.SECOND_TAKEN: tr("{where}是第二条受理记录"),
    DetailKind.ALREADY_HERE: tr("{where}为“{event}”，但本中心已收到该办件"),
    DetailKind.ITEM: tr("{where}：对事项 {item} 的“{event}”，该事项由其实施部门决定，不由乡镇（苏木）作出"),
    DetailKind.ITEMS: tr("{where}：“{event}”所涉及的事项不由乡镇（苏木）决定"),
    DetailKind.NOT_AFTER: tr("{where}（{at}）不晚于本中心该办件最后一条记录的时间（{last}），请核对电脑的日期和时间"),
    DetailKind.OUT_OF_RANGE: tr("{where}为 {day}，超出 {earliest} 至 {latest}，请核对后更正"),
    DetailKind.NO_HAND_OVER: tr("{where}没有列明交付的结果及其文书编号"),
    DetailKind.RESULT_ITEM: tr("{where}：交付的事项 {item} 与本中心的审批记录不符"),
    DetailKind.DELIVERED_WHERE: tr("{where}：办件在本中心为“{status}”，尚不能送达"),
    DetailKind.RESULTS_LEFT: tr("{where}：送达时还有 {count} 个结果未交付"),
    DetailKind.TEXT: tr("{where}：{problem}"),
    DetailKind.DESK: tr("{where}（{desk}）不是有效的窗口号"),
    DetailKind.EVENT: tr("{where}为“{event}”，只能由政务服务中心或审批部门作出"),
    DetailKind.STATUS: tr("{where}为“{status}”，只能由政务服务中心或审批部门作出"),
    DetailKind.WRONG_SITE: tr("{where}为 {site}，应为发送站点 {sender}"),
    DetailKind.FIELD: tr("问题出在{where}"),
    DetailKind.UNREAD: tr("详细说明请凭编号向技术人员查询"),
}
BAD_VALUE = tr("内容的格式不正确")
NO_DESK = tr("{where}为空，应为发送站点的窗口号")


def place_text(where: tuple[Step, ...]) -> str:
    """A field's path in words, "第2条办理记录的办理环节"; one the program has no name for, "记录中的一项"."""
    if not where:
        return SOME_FIELD
    said: list[str] = []
    for n, (name, index) in enumerate(where):
        if index is not None and name in PARTS:
            said.append(NTH.format(n=index + 1, part=PARTS[name]))
        elif index is None and name in FIELDS:
            said.append(FIELDS[name])
        elif index is None and name in PARTS:
            said.append(PARTS[name])
        elif n and where[n - 1][0] == "subject":
            break  # a subject's value, by the code of its kind: the subject's line is name enough
        else:
            return SOME_FIELD
    return OF.join(said)


def _event(code: str) -> str:
    try:
        return CASE_EVENT[CaseEvent(code)]
    except (ValueError, KeyError):
        return SOME_EVENT


def _status(code: str) -> str:
    try:
        return CASE_STATUS[CaseStatus(code)]
    except (ValueError, KeyError):
        return SOME_STATUS


def _unread(found: HoldDetail) -> bool:
    """Whether nothing of the detail can be said: a form not known here, or a field alone without a name here."""
    return found.kind is DetailKind.UNREAD or (found.kind is DetailKind.FIELD and place_text(found.where) == SOME_FIELD)


def detail_words(found: HoldDetail) -> str:
    """The sentence for a detail read by :func:`counter.sync.hold_detail.read_detail`."""
    if _unread(found):
        return DETAIL[DetailKind.UNREAD]
    values = dict(found.values)
    if "event" in values:
        values["event"] = _event(values["event"])
    if "status" in values:
        values["status"] = _status(values["status"])
    for name in ("at", "last"):
        if name in values:
            values[name] = written_minute_text(values[name])
    if found.kind is DetailKind.TEXT:  # a code the form reads (hold_detail's list) is one TEXT_PROBLEM words
        problem = values.get("problem", "")
        values["problem"] = BAD_VALUE if problem == "bad_value" else coded_text_problem(
            f"{problem} {values.get('text', '')}"
        )  # fmt: skip
    if found.kind is DetailKind.DESK and not values.get("desk"):
        return NO_DESK.format(where=place_text(found.where))
    return DETAIL[found.kind].format(where=place_text(found.where), **values)


def held_detail(reason: str, detail: str) -> str:
    """What a held record's stored ``detail`` (for a hold reason's code) tells the clerk, in words."""
    try:
        return detail_words(read_detail(reason, detail))
    except (KeyError, IndexError, ValueError):  # a value a sentence wants missing: a form changed under it
        return DETAIL[DetailKind.UNREAD]


def detail_read(reason: str, detail: str) -> bool:
    """Whether this program knows the stored ``detail``'s form: if not, the face keeps the text for support."""
    return not _unread(read_detail(reason, detail))
