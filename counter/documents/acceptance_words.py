"""The sentences of who receives and who accepts, as a paper prints them: paper words, never translated.

Each stands on a source, given in docs/notice-wording.md ("收件 and 受理"):

- the hall that only receives (收件) for a department: 《中华人民共和国行政许可法》第二十六条 (one body receives for
  several departments); the 受理, its date and every decision on it (补正, 不予受理, 第三十二条) are the department's,
  so the hall's paper says it received, tells what is missing once (seed 001 第十六条第二项) and decides nothing;
- the hall entrusted by the department: 许可法 第二十四条第三款 (受委托行政机关在委托范围内，以委托行政机关名义实施)
  for a 行政许可, seed 001 第三十二条 (通过协议委托同级政务服务部门负责事项的收件、受理、送达) for the other items;
  the paper is issued in the entrusting department's name, and its rights are that department's (行政诉讼法
  第二十六条第五款);
- the site that holds the power itself accepts in its own name.
"""

from __future__ import annotations

ENTRUSTMENT_LICENSING = "《中华人民共和国行政许可法》第二十四条第三款"
ENTRUSTMENT_OTHER = "《兴安盟政务服务标准化管理办法》第三十二条"
BASIS_JOIN = "；"

# the title and noun of a paper where the hall only receives for an item it concerns: it decides nothing
RECEIVED_TITLE = {
    "receipt": "收件凭证",
    "deferral": "容缺后补材料告知书",
    "correction": "补齐材料告知书",
    "refusal": "申请事项告知书",
}
RECEIVED_NOUN = {"receipt": "凭证", "deferral": "告知书", "correction": "告知书", "refusal": "告知书"}

# 收件凭证 and the receipt's lines per group of items
RECEIPT_RECEIVED = (
    "{you}于{received}提出的“{bundle}”申请，经对照办事指南核对，申请材料齐全。本机关作为收件窗口予以收件，"
    "不作出受理决定，收件后转送{departments}，由其依法审查并决定是否受理，受理日期以实施部门受理之日为准。"
)
#: a receipt of an intake taken while the window could not reach its hall's system (outage mode): what was
#: received is kept at the window, and entered under the same number once the window is connected again
RECEIPT_OUTAGE = (
    "本窗口与本中心政务服务系统的连接暂时中断，本件以应急方式收件。连接恢复后，本件即录入"
    "本中心政务服务系统，办件编号不变，请凭本凭证所载办件编号查询办理进度。"
)
RECEIPT_RECEIVED_DEFER = (
    "{you}于{received}提出的“{bundle}”申请，经对照办事指南核对，主要申请材料齐全。根据{you}的申请和签署的承诺书，"
    "本机关作为收件窗口予以收件，不作出受理决定，收件后转送{departments}，由其依法审查并决定是否容缺受理，受理日期"
    "以实施部门受理之日为准。容缺后补的材料及补交期限见下表和《容缺后补材料告知书》。"
)
RECEIPT_OPENING = "{you}于{received}提出的“{bundle}”申请，经审查，申请材料齐全、符合法定形式。"
RECEIPT_OPENING_DEFER = (
    "{you}于{received}提出的“{bundle}”申请，经审查，主要申请材料齐全、符合法定形式。根据{you}的申请和签署的"
    "承诺书，容缺后补的材料及补交期限见下表和《容缺受理通知书》。"
)
OWN_ACCEPTED = "本机关决定予以受理：{items}。"
OWN_DEFERRED = "本机关决定容缺受理：{items}。"
ENTRUSTED_ACCEPTED = "本机关受{department}委托，以{department}名义予以受理：{items}（{basis}）。"
ENTRUSTED_DEFERRED = "本机关受{department}委托，以{department}名义容缺受理：{items}（{basis}）。"
RECEIVED_FORWARDED = "本机关收件后转送{departments}，由其依法决定是否受理，受理日期以其受理之日为准。"
DEPARTMENT_ITEMS = "{department}（{items}）"
ITEM_NAME = "“{name}”"
ITEM_JOIN = "、"
# where the department accepts: the promise runs from its 受理, unknown when the hall receives
PROMISED_FROM_ACCEPTANCE = "实施部门当日受理的，{date}前办结（承诺时限{limit}，自受理之日起按{unit}计算）"
DEFERRAL_PROMISED_RECEIVED = "实施部门当日受理的，本事项承诺于{date}前办结；容缺材料的补交期限不超过承诺办结时限。"

# a paper in the entrusting department's name: who issued it, under what
ENTRUSTED_ISSUED = "本{noun}由{hall}受本机关委托，以本机关名义出具（{basis}）。"
ENTRUSTED_DECIDED = "本{noun}由{hall}受本机关委托，以本机关名义作出（{basis}）。"
DEPARTMENT_SEAL = "{department}审批业务专用章或部门公章"

# 容缺后补材料告知书: the hall received; the department decides the 容缺受理
DEFERRAL_RECEIVED_INTRO = (
    "{you}于{received}申请办理的“{bundle}”，经对照办事指南核对，主要申请材料齐全。根据{you}的申请和签署的承诺书，"
    "本机关作为收件窗口予以收件，由{departments}依法决定是否容缺受理。下列材料容缺后补，请在补交期限内补齐："
)
DEFERRAL_MIXED_INTRO = (
    "{you}于{received}申请办理的“{bundle}”，主要申请材料齐全。根据{you}的申请和签署的承诺书，各事项受理如下："
)
DEFERRAL_MIXED_LIST = "下列材料容缺后补，请在补交期限内补齐："

# 补齐材料告知书: what is missing, told once; no 补正 decision, no 受理 promised
CORRECTION_RECEIVED_INTRO = (
    "{you}于{received}提交的“{bundle}”申请材料，经本机关收件窗口对照办事指南核对，尚不齐全或者不符合要求。"
    "依照《兴安盟政务服务标准化管理办法》第十六条第二项，现一次性告知{you}需要补齐的全部材料："
)
CORRECTION_RECEIVED_AFTER = (
    "本告知书一次性告知需要补齐的全部材料，本机关不再要求提交清单以外的材料。补齐后本机关予以收件，转送{departments}"
    "依法审查并决定是否受理；实施部门认为仍需补正的，由其依法另行告知。"
)
CORRECTION_RECEIVED_HEADING = "补齐期限和提交方式"
CORRECTION_RECEIVED_DUE = "补齐期限"
CORRECTION_RECEIVED_DUE_VALUE = "请于{date}前补齐上述全部材料"
CORRECTION_RECEIVED_HOW_VALUE = "携带本告知书和所缺材料到{place}提交，或者登录{portal}在线提交"
NOT_A_DECISION_CORRECTION = "本告知书不是行政机关作出的补正通知或者受理决定。"
# in place of the 补正 notice's 视为放弃申请: a paper that decides nothing carries no consequence; the hall only closes
# its own record of this visit, and receives whenever the applicant comes back
CORRECTION_RECEIVED_LATE = (
    "逾期未补齐的，本机关只终结本次收件登记，不影响{you}的任何权利；{you}补齐后仍可随时提交，本机关予以收件并转送。"
)

# 申请事项告知书: the hall received and refuses nothing; where the applicant may turn
REFUSAL_RECEIVED_INTRO = (
    "{you}于{received}提出的“{bundle}”申请，经本机关收件窗口核对，{ground}。本机关只负责{items}的收件，"
    "不作出受理或者不予受理的决定；是否受理，由{departments}依法决定。"
)
# the applicant, told the finding, did not insist: the paper records a withdrawal, never a refusal; the way back stays
REFUSAL_RECEIVED_CHOICE = (
    "经告知上述核对意见，{you}表示不坚持按本次申请办理，本次申请按申请人撤回处理。{you}今后仍可以向本机关提交，"
    "本机关予以收件，并于收件当日转送{departments}依法决定。"
)
REFUSAL_RECEIVED_TURN = (
    "经告知上述核对意见，{you}表示不坚持按本次申请办理，本次申请按申请人撤回处理。{you}可以向上列有权机关申请；"
    "仍可以向本机关提交，本机关予以收件，并于收件当日转送{departments}依法决定。"
)
NOT_A_DECISION_REFUSAL = "本告知书不是行政机关作出的不予受理决定。"
FINDING = "核对意见"
# what the window found, worded as a finding: whether it is so is the department's to decide (RefusalGround)
RECEIVED_FINDING = {
    "no_licence_needed": "申请事项可能依法不需要取得行政许可",
    "not_in_remit": "申请事项可能不属于所涉事项实施部门的职权范围",  # no department named before it
    "false_materials": "申请材料可能存在隐瞒有关情况或者提供虚假材料的情形",
}

# 不予批准决定书 of an item with no 受理 on record: a 容缺 that lapsed before its department signed for it
DENIAL_INTRO_UNDATED = "{you}于{received}申请办理的“{bundle}”中的“{item}”事项，经审查，本机关决定对该事项不予批准。"

# a paper made once per issuing body (counter.documents.issuers), as the preview and the case page name it
PART_HEADING = "{title}（{issuer}）"
