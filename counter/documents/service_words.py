"""The words of the 送达回证 (:mod:`counter.documents.service_receipt`): printed on paper, never translated.

Paper keeps the words of the law: 受送达人 is who the results are served on, 送达人 the clerk who serves them,
代收人 whoever collects on the applicant's behalf.
"""

from __future__ import annotations

INTRO_WHOLE = (
    "“{bundle}”（办件编号{case_no}）所涉各事项已全部办结，现将下列{count}项办理结果一并送达，请核对无误后签收。"
)
INTRO_PART = (
    "应申请人要求，现将“{bundle}”（办件编号{case_no}）已办结事项的下列{count}项办理结果先行送达，请核对无误后签收；"
    "其余事项办结后另行送达。"
)
COL_ITEM = "事项"
COL_PAPER = "送达文书"
COL_NUMBER = "文号或证号"
COL_DEPARTMENT = "作出部门"
GRANTED_PAPER = "准予行政许可决定书"  # a grant whose catalog entry names no result
WAY_LABEL = "送达方式"
WAY = {"pickup": "窗口领取（直接送达）", "post": "邮寄送达", "electronic": "电子送达"}
PLACE_LABEL = "送达地点"
RECIPIENT_LABEL = "领取人"
RECIPIENT_ID_LABEL = "身份证号码"
SENT_ON_LABEL = "送达日期"
POSTED_ON_LABEL = "交寄日期"
BLANK_DATE = "　　　年　　月　　日"  # a posted result's day of service, filled in from its signed return
POST_ADDRESS_LABEL = "邮寄地址"
CARRIER_LABEL = "寄递单位"
TRACKING_LABEL = "邮件号码"
ADDRESS_LABEL = "电子送达地址"
PICKUP_CHECK = "领取人已出示身份证件，经核对与所填一致。代他人领取的，应当同时出示申请人的委托书。"
POST_PROOF = "邮寄送达的，以寄递单位的签收记录为送达凭证；签收日期为送达日期。"
ELECTRONIC_PROOF = "电子送达的，以送达信息到达上述地址的日期为送达日期。"
CLERK_LABEL = "送达人"
SIGNER_SELF = "受送达人（签字）"
SIGNER_OTHER = "代收人（签字）"
SERVED_AT = "送达时间：{date}"
