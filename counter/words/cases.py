"""The words of a case: its status, its events, delivery, the kind of applicant and party-field problems."""

from __future__ import annotations

from counter.case.status import CaseEvent, CaseStatus
from counter.intake.parties import ApplicantKind, Delivery, PartyProblemCode

CASE_STATUS = {
    CaseStatus.ACCEPTED: "已受理",
    CaseStatus.AWAITING_DEFERRED: "容缺受理，待补材料",
    CaseStatus.CORRECTION_ISSUED: "已出具补正通知（未受理）",
    CaseStatus.RESUBMITTED: "补正后已重新提交",
    CaseStatus.REFUSED: "不予受理",
    CaseStatus.IN_APPROVAL: "审批中",
    CaseStatus.READY: "已办结，待取件",
    CaseStatus.DELIVERED: "已送达",
    CaseStatus.DENIED: "不予批准",
    CaseStatus.WITHDRAWN: "申请人已撤回",
    CaseStatus.VOIDED: "已作废",
}
CASE_EVENT = {
    CaseEvent.TAKEN: "窗口收件",
    CaseEvent.DEFERRED_ARRIVED: "收到部分容缺材料",
    CaseEvent.DEFERRED_COMPLETE: "容缺材料已补齐",
    CaseEvent.DEFERRAL_EXTENDED: "延长容缺期限",
    CaseEvent.DENIED: "不予批准",
    CaseEvent.RESUBMITTED: "补正后重新提交",
    CaseEvent.SENT_TO_APPROVAL: "转入审批",
    CaseEvent.COMPLETED: "办结",
    CaseEvent.DELIVERED: "送达",
    CaseEvent.WITHDRAWN: "撤回",
    CaseEvent.VOIDED: "作废",
}
DELIVERY = {Delivery.PICKUP: "窗口领取", Delivery.POST: "邮寄送达", Delivery.ELECTRONIC: "电子送达"}
APPLICANT_KIND = {ApplicantKind.PERSON: "自然人", ApplicantKind.COMPANY: "法人或其他组织"}
PARTY_PROBLEM = {
    PartyProblemCode.REQUIRED: "必须填写",
    PartyProblemCode.INVALID_ID: "证件号码有误",
    PartyProblemCode.INVALID_PHONE: "电话号码应为7-13位数字",
}
