"""The words of the 帮您办 papers (:mod:`counter.documents.project_papers`): printed on paper, never translated.

The sentences are the annexes' own (兴安盟全面推行“蒙速办·帮您办”工作实施方案, 附件1-8), with their blanks
(XXX政务服务中心, （项目名称）, X年X月X日) as ``{}`` fields filled from the project and the office settings.
Where the annex leaves a blank the window does not know (a signature date, the agent's ID number), the paper keeps
a blank of full-width spaces to be written in by hand.
"""

from __future__ import annotations

BLANK = "　　　　　　"  # a blank to write in by hand: six character widths
BLANK_DATE = "　　　　年　　月　　日"
TICK = "✓"  # in a box (the table's cell) ticked: the fonts carry no ☑, and the cell is the annex's box

PROJECT_NO = "项目编号"
PROJECT_NAME = "项目名称"
PROJECT_CODE = "项目编码"
NO_CODE = "未赋码"  # a project registered before the platform gave it its 项目编码

# 附件1 事项参考目录
COL_NO = "序号"
COL_DEPARTMENT = "承办部门"
COL_ITEM = "事项名称"
COL_KIND = "事项类型"
CATALOGUE_COPY = "参考目录"
CATALOGUE_NOTE = "本目录为参考目录，实行动态调整。"

# 附件2 流程图
FLOW_STEPS = (
    "申请人提出申请",
    "受理（明确受理范围和条件，商定代办帮办事项后，“帮您办”窗口审核材料）",
    "与申请人签订委托协议，并明确代办员负责项目审批代办",
    "与申请人协商制定代办帮办方案和申报计划",
    "代办员指导协助申请人填写各类表单，协调部门办理",
    "部门受理",
    "审批",
    "办结。代办员反馈办理结果，归档返还材料，回访评估评价",
)
FLOW_BACK_FROM = 6  # 审批
FLOW_BACK_TO = 5  # 部门受理
FLOW_BACK_BOX = "通知并指导协助申请人补充完善"
FLOW_BACK_LABEL = "需补充材料的"
FLOW_NOTES = (
    ("1．", "单一审批服务事项，与审批部门积极沟通，加快审批进程。"),
    ("2．", "多部门审批服务事项，采取并联审批机制进行联合审批。"),
    ("3．", "跨层级审批服务事项，开展联合代办帮办服务。"),
    ("4．", "跟踪审批过程，及时反馈审批信息。"),
)
FLOW_COPY = "示范文本"
FLOW_NOTE = "本流程图为示范文本。"

# 附件3 申请表
H_UNIT = "项目单位情况"
H_PROJECT = "项目基本情况"
H_ITEMS = "委托代办信息：具体申请代办帮办事项（合计{count}项）"
UNIT_NAME = "项目单位名称"
UNIT_ADDRESS = "项目单位地址"
UNIT_HEAD = "项目单位\n负责人"  # broken where the annex breaks it: the label column holds six
POSTCODE = "邮编"
PHONE = "联系电话"
CONTACT = "经办人"
LOCATION = "项目地址"
INVESTMENT = "投资总额"
INVESTMENT_VALUE = "{amount}万元"
FUNDING = "资金来源"
LAND = "土地性质"
KEY_PROJECT = "是否重点项目"
YES, NO = "是", "否"
PURPOSE = "项目主要用途\n及规模"
PROGRESS = "目前审批\n进展情况"
COL_TICK = ""  # the box: a head of its own would take the width the names need
ITEM_NUMBERED = "{no}.{name}"
COL_REQUESTED = "代办帮办事项"
APPLICATION_SIGNER = "申请人（签字）"
APPLIED_ON = "申请日期：{date}"
UNIT_SEAL = "项目单位盖章"

# 附件4 授权委托书: the league's template said "全权代办…（具体事项以下列项目内容为准）", a general mandate beside a
# list; 民法典 第一百六十五条 asks a written mandate to state the 代理事项、权限和期限, so the paper states the list as
# the limit of the mandate, and its term, and the acknowledgement covers what is done within it
AUTHORISATION_TEXT = (
    "本授权委托书声明：我（{head}）系（{investor}）的法人代表，现授权委托（{office}）的（{agent}）为我单位项目"
    "代办人，以本单位的名义，在下列勾选的代办帮办内容范围内，代办涉及我（{project}）的相关事项。"
)
AUTHORISATION_CHOICE = "代办帮办内容（请在方框内打钩，以选择代办帮办服务，代办项目合计{count}项）："
AUTHORISATION_ACKNOWLEDGE = "代办人在上述代办帮办内容范围内签署的相关文件和处理的有关事务，我均予以承认。"
AUTHORISATION_TERM = "委托期限：自委托之日起至本项目代办帮办服务办结或者终止之日止。"
AGENT = "代办人"
AGENT_SEX = "性别"
AGENT_ID = "身份号码"
AGENT_UNIT = "单位"
AGENT_POST = "职务"
AGENTS_JOIN = "、"
AUTHORISATION_END = "代办人无转委托权，特此委托。"
PRINCIPAL_SIGNER = "法定代表人（签字或盖章）"
PRINCIPAL_SEAL = "委托方盖章"
SIGNED_ON = "委托日期：{date}"

# 附件5 承诺书
PLEDGE_INTRO = "本单位向{office}申请提供代办帮办服务，并承诺履行以下义务："
PLEDGE_DUTIES = (
    "配合填写《“帮您办”代办帮办服务申请表》，编制项目申报计划，组织项目申报材料，在代办帮办服务窗口指导下进行有序"
    "申报；",
    "联系、督促委托单位按要求及时对审查中提出的问题进行修改或补充材料；",
    "因代办帮办工作需要，协助配合政务服务部门组织协调会；",
    "及时办理各种缴费手续及其他申请人应履行的职责；",
    "对项目涉及相关申报材料的真实合法性负责，并承担相应的法律责任；",
    "在委托代办帮办事项完成、审批结果送达后，配合填写《“帮您办”代办帮办服务办结单》、《“帮您办”代办帮办服务评价表》；",
    "因项目或事项本身不具备办理条件，或者申报材料有弄虚作假及其他违法违规情况的，在{office}提出终止帮办代办服务时，"
    "配合填写《“帮您办”代办帮办服务终止单》，终止代办帮办服务。",
)
PLEDGE_SIGNER = "项目经办人签字"
PLEDGE_SEAL = "项目单位盖章"
PLEDGED_ON = "承诺日期：{date}"

# 附件6 办结单, 附件8 终止单
COMPLETION_TEXT = (
    "兹有代办帮办项目（{name}），（{code}），已于{date}完成代办帮办服务工作，有关资料已向申请单位移交完毕，经双方"
    "认可，现作办结处理。"
)
TERMINATION_TEXT = (
    "兹有代办帮办项目（{name}），（{code}），现因{reason}，经双方认可，于{date}终止代办帮办委托，有关资料已向申请"
    "单位移交完毕。"
)
UNIT_SIGNER = "项目经办人签字"
AGENT_SIGNER = "代办帮办员签字"
APPLICANT_SEAL = "申请人盖章"
BOTH_SIGNED_ON = "签订日期：{date}"

# 附件7 评价表
EVALUATION_TEXT = (
    "兹有代办帮办项目（{name}），（{code}），已于{date}完成项目代办帮办服务工作，请对我们的服务进行综合评价："
)
SATISFACTION = {"very_satisfied": "非常满意", "satisfied": "满意", "dissatisfied": "不满意"}
EVALUATION_ASK = "为进一步提升我们的代办帮办服务工作，更好为投资企业提供优质的服务，请您留下宝贵意见及建议："
EVALUATION_NOTE = "意见及建议"
EVALUATION_SIGNER = "评价人签字"
EVALUATION_SEAL = "评价单位盖章"
EVALUATED_ON = "评价日期：{date}"

# the copies
COPY_LABELS = ("第1联　申请人留存", "第2联　存档")
COPIES_NOTE = "本{noun}一式两份，第1联申请人留存，第2联存档。"
FILE_COPY = "存档"
FILE_NOTE = "本{noun}由“帮您办”窗口存档。"
