"""The words of electronic service (:mod:`counter.documents.e_service`): the means, the history, the refusals."""

from __future__ import annotations

from counter.documents.e_service import EServiceProblem, ServiceMeans, read_served_note
from counter.documents.kinds import DocumentKind
from counter.words.translate import tr

MEANS = {
    ServiceMeans.PLATFORM: tr("政务服务平台账户"),
    ServiceMeans.SMS: tr("短信链接（经平台网关下载）"),
}
#: the papers served electronically, by the names their titles give
PAPER_NAMES = {
    DocumentKind.SUPPLEMENT: tr("补正材料通知书"),
    DocumentKind.ACCEPTANCE: tr("受理通知书"),
    DocumentKind.ITEM_REFUSAL: tr("不予受理通知书"),
}
AGREED_NOTE = tr("送达方式：{means}，同意日期：{day}")
#: how a paper was served, by the means: the platform confirmed its delivery; the applicant downloaded it by the link
SERVED_NOTE = {
    ServiceMeans.PLATFORM: tr("{paper}（{doc_no}，事项 {item}）于 {day} 经平台确认送达"),
    ServiceMeans.SMS: tr("{paper}（{doc_no}，事项 {item}）于 {day} 经短信链接下载送达"),
}
PROBLEM = {
    EServiceProblem.NOT_AGREED: tr("申请人未同意电子送达：文书只能纸质送达"),
    EServiceProblem.NOT_REPORTING: tr("本中心未接通政务服务平台，不能电子送达：请纸质送达"),
    EServiceProblem.NOT_SENT: tr("本办件没有已发送的电子文书"),
    EServiceProblem.CHANGED: tr("文书 {doc_no} 与已发送的内容不同：重发只能是同一份文书"),
    EServiceProblem.BAD_DAY: tr("平台确认的送达日期早于发送日期或晚于今天，未记录送达：请联系平台核实"),
    EServiceProblem.NO_LINK_BASE: tr(
        "未设置短信送达的文书下载地址（平台网关的地址），不能以短信链接送达：请系统管理员在平台设置中填写，或纸质送达"
    ),
    EServiceProblem.NO_SMS_GATEWAY: tr("本中心未设置短信网关，不能以短信链接送达：请纸质送达"),
    EServiceProblem.NO_PHONE: tr("办件没有申请人的手机号码，不能以短信链接送达：请纸质送达"),
}
REFUSED = tr("办件 {case_no} 不能电子送达：{reason}")


def unsealed_sent_text(doc_no: str, body: str) -> str:
    """Said when a paper went to the platform as its PDF: this machine holds no electronic seal of its body."""
    return tr(
        "注意：本机没有{body}的电子印章，文书 {doc_no} 以未加盖电子印章的 PDF 发送，只是电子副本，"
        "不能代替盖章的纸质文书送达，请另行纸质送达；须由系统管理员为该单位制作电子印章后，文书才能加盖电子印章发送。"
    ).format(body=body, doc_no=doc_no)


def unlinked_text(doc_no: str, body: str) -> str:
    """Said when a paper got no SMS link: a link gives only the sealed paper, and this machine holds no seal of its
    body."""
    return tr(
        "注意：本机没有{body}的电子印章，文书 {doc_no} 不能以短信链接送达（链接只提供加盖电子印章的文书），请纸质送达。"
    ).format(body=body, doc_no=doc_no)


def agreed_note_text(note: str) -> str:
    """An agreement's history note (``platform 2026-11-20``) in words; the note as it stands where it is not one."""
    means, _, day = note.partition(" ")
    if means not in ServiceMeans.__members__.values():
        return note
    return AGREED_NOTE.format(means=MEANS[ServiceMeans(means)], day=day)


def served_note_text(note: str, items: dict[str, str] | None = None) -> str:
    """A paper served electronically, in words, saying how (the platform's confirmation, the applicant's download);
    the note as it stands where it is not one."""
    read = read_served_note(note)
    if read is None:
        return note
    doc_no, kind, item, day, means = read
    paper = PAPER_NAMES.get(kind, kind.value)
    named = (items or {}).get(item, item)
    return SERVED_NOTE[means].format(paper=paper, doc_no=doc_no, item=named, day=day.isoformat())


def refused_text(problem: EServiceProblem, case_no: str, doc_no: str = "") -> str:
    return REFUSED.format(case_no=case_no, reason=PROBLEM[problem].format(doc_no=doc_no or "—"))
