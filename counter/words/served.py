"""The words of a paper's service (:mod:`counter.case.served`): why a service is not recorded."""

from __future__ import annotations

from counter.case.served import ServiceProblem
from counter.words.punctuation import CLAUSE_JOIN
from counter.words.translate import tr

SERVICE_PROBLEM = {
    ServiceProblem.NOT_MADE: tr("这份文书尚未作出，没有可以送达的文书"),
    ServiceProblem.ALREADY_SERVED: tr("这份文书的送达已经记录，期限只能自一个送达日起计算"),
    ServiceProblem.BEFORE_MADE: tr("送达日期早于文书作出的日期"),
    ServiceProblem.IN_FUTURE: tr("送达日期在今天之后：尚未送达的，送达后再记录"),
    ServiceProblem.NO_RECIPIENT: tr("直接送达或者窗口领取的，须写明签收人的姓名（不超过50个字，不含不能打印的字符）"),
    ServiceProblem.NO_TRACKING: tr(
        "邮寄送达的，须写明邮件号（不超过40个字，不含不能打印的字符），送达日期为邮件签收之日"
    ),
    ServiceProblem.ONLINE_CONFIRMED: tr("电子送达以政务服务平台确认送达的日期为准，由平台确认后自动记录，不能手工记录"),
}
SERVICE_REFUSED = tr("办件 {case_no} 的文书 {doc_no} 不能记录送达：{reasons}")


def service_refused_text(problems: tuple[ServiceProblem, ...], case_no: str, doc_no: str) -> str:
    reasons = CLAUSE_JOIN.join(SERVICE_PROBLEM[p] for p in problems)
    return SERVICE_REFUSED.format(case_no=case_no, doc_no=doc_no or "—", reasons=reasons)
