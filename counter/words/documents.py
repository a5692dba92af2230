"""The words the faces use about documents: their names on buttons and in titles, and why one cannot be made.

A paper's name on a button or a preview's title is the headline it prints (:data:`counter.documents.words.DOC_TITLE`,
the law's name), word for word: the applicant handed a paper finds it named as the clerk named it.

Not the documents' own wording: that is :mod:`counter.documents.words`, Chinese by law and never translated.
Both tables are keyed by the values of :class:`counter.documents.kinds.DocumentKind` and ``DocumentProblem``.
"""

from __future__ import annotations

from collections.abc import Iterable

from counter.words.punctuation import CLAUSE_JOIN, LIST_JOIN
from counter.words.translate import tr

DOC_TITLE: dict[str, str] = {
    "application": tr("一件事联办申请表"),
    "receipt": tr("受理凭证"),
    "deferral": tr("容缺受理通知书"),
    "pledge": tr("容缺受理承诺书"),
    "correction": tr("补齐补正通知书"),
    "refusal": tr("不予受理通知书"),
    "denial": tr("不予批准决定书"),
    "acceptance": tr("受理通知书"),
    "supplement": tr("补正材料通知书"),
    "item_refusal": tr("不予受理通知书"),
    "service": tr("送达回证"),
    "date_notice": tr("期限告知书"),
    "guide_notice": tr("一次性告知单"),
    "blank_form": tr("空白表格"),
    "sample_form": tr("示范样表"),
    "project_catalog": tr("“帮您办”代办帮办服务事项参考目录"),
    "project_flow": tr("“帮您办”代办帮办服务流程图"),
    "project_apply": tr("“帮您办”代办帮办服务申请表"),
    "project_mandate": tr("“帮您办”代办帮办服务授权委托书"),
    "project_pledge": tr("“帮您办”代办帮办服务承诺书"),
    "project_done": tr("“帮您办”代办帮办服务办结单"),
    "project_rating": tr("“帮您办”代办帮办服务评价表"),
    "project_end": tr("“帮您办”代办帮办服务终止单"),
    "rating_sheet": tr("政务服务“好差评”评价表"),
}
#: the papers of the 受理 stage where the hall only receives (收件) the items for their departments and decides
#: nothing (行政许可法 第二十六条; counter.documents.acceptance): the window names them as they head themselves
#: (:data:`counter.documents.acceptance_words.RECEIVED_TITLE`), never by the accepting hall's names above
RECEIVED_DOC_TITLE: dict[str, str] = {
    "receipt": tr("收件凭证"),
    "deferral": tr("容缺后补材料告知书"),
    "correction": tr("补齐材料告知书"),
    "refusal": tr("申请事项告知书"),
}


def paper_title(kind: str, received: bool) -> str:
    """The one name of a paper by the hall's standing: its 收件 paper's where the hall only receives the items it
    concerns (``received``), else the kind's own; the value of ``kind`` where this version has no name for it."""
    if received and kind in RECEIVED_DOC_TITLE:
        return RECEIVED_DOC_TITLE[kind]
    return DOC_TITLE.get(kind, kind)


DOC_PROBLEM: dict[str, str] = {
    "needs_no_case": tr("一次性告知单按办事指南打印，不属于某个办件"),
    "not_accepted": tr("该办件未受理，不能出具受理凭证"),
    "not_deferred": tr("该办件不是容缺受理，不能出具容缺受理通知书或承诺书"),
    "no_deferred_materials": tr("该办件没有容缺后补的材料"),
    "not_correction": tr("该办件不是补正，不能出具补齐补正通知书"),
    "nothing_to_correct": tr("该办件没有需要补齐补正的材料"),
    "not_refused": tr("该办件不是不予受理，不能出具不予受理通知书"),
    "unknown_refusal_ground": tr(
        "该办件记录的不予受理的理由不是本版本程序所列的法定理由（可能由更新版本的程序记录），不能出具不予受理通知书"
    ),
    "refused": tr("该办件已不予受理，没有需要送各部门的申请，不能打印联办申请表"),
    "not_denied": tr("该办件未作出不予批准决定（或缺少理由），不能出具不予批准决定书"),
    "not_signed": tr("该事项尚未由实施部门签收受理，不能出具部门的受理通知书"),
    "accepted_at_window": tr("该事项已由窗口受理（受理凭证即为受理文书），实施部门不另出具受理通知书"),
    "no_item_correction": tr("该事项的实施部门未要求补正，不能出具补正材料通知书"),
    "not_item_refused": tr("该事项的实施部门未作出不予受理，不能出具部门的不予受理通知书"),
    "no_hand_over": tr("该办件没有这一次办理结果送达的记录，不能出具送达回证"),
    "no_date_change": tr("该办件没有延长容缺补交期限或逾期处理早于期限的记录，不能出具期限告知书"),
    "bundle_mismatch": tr("所给办事指南不是该办件受理时的一件事"),
    "doc_no_invalid": tr("文书编号为空或超过30个字符"),
    "issued_before_received": tr("文书日期早于收件日期"),
    "notified_too_late": tr(
        "已超过收到申请材料后五个工作日的告知期限，不能再出具补齐补正通知书（行政许可法第三十二条）"
    ),
    "office_still_the_halls": tr(
        "本中心是苏木乡镇便民服务中心，“单位信息”中的名称、印章、地址、电话或行政复议机关仍是兴安盟政务服务中心的，"
        "文书不能以大厅的名义出具：请管理员按 F8 在“单位信息”中改为本中心的"
    ),
    "review_body_unnamed": tr(
        "文书要写明的行政复议机关须由本中心管理员先行设定：请在“单位信息”的“例外”中按"
        "“部门全称=复议机关|法院”逐行写明{departments}"
    ),
}
# one department left to the site, with the bodies the law may mean for it (counter.catalog.remedies.candidate_bodies)
UNNAMED_DEPARTMENT = tr("{department}（{bodies}之一）")
UNNAMED_DEPARTMENT_BARE = tr("{department}")
UNNAMED_OR = tr("或")


def document_problems_text(problems: Iterable[str], unnamed: Iterable[tuple[str, tuple[str, ...]]] = ()) -> str:
    """Why a document cannot be made, every reason at once; a body left to the site names its departments."""
    departments = LIST_JOIN.join(
        UNNAMED_DEPARTMENT.format(department=name, bodies=UNNAMED_OR.join(bodies))
        if bodies
        else UNNAMED_DEPARTMENT_BARE.format(department=name)
        for name, bodies in unnamed
    )
    return CLAUSE_JOIN.join(DOC_PROBLEM[p].format(departments=departments) for p in problems)
