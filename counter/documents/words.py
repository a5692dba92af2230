"""How a case and a guide are worded on paper: every sentence of the printed documents, and the facts
(dates, places, hours, counts) as they read there.

Shared by the case documents and the guide notice.  These words never go through the translation mechanism
(:mod:`counter.words.translate`): a document is legal paper, issued in Chinese by law (行政许可法 and the region's
rules), and its language is a legal decision, not the desk's setting.  A desk set to Mongolian or English still
prints the same Chinese receipt; a bilingual document would be a new document kind, decided by the office.  So the
few code labels a document prints (copy forms, received media, refusal grounds, time units) have their paper copy
here rather than borrowing the desk's words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from counter.catalog.model import Bundle, CopyForm, GuideStatus, Item, Medium, TimeLimit, TimeUnit
from counter.documents.data import Numbered, OfficeSettings
from counter.intake.checklist import ReceivedMedium
from counter.intake.outcome import RefusalGround

SAMPLE_GUIDE = "样例指南：内容为示例，待官方实施清单发布后替换"
TRAINING_MARK = "培训样张"  # across every page made in a training database: not a real notice
# under the dates of a case whose dates were computed beyond the holiday data (counter.calendar.workdays.BeyondData)
# (counter.case.dates_moved: the later of the printed and the recounted date governs, never an earlier one)
DOC_PROVISIONAL_DATES = (
    "注：本文书日期按法定节假日推算；国务院办公厅公布节假日安排后重新计算，重新计算的日期与本文书所载日期不同的，"
    "以较晚的日期为准，本文书所载期限不因此缩短。"
)
# under the dates a change of the holiday data moved later (counter.case.dates_moved): what the applicant meets now
DOC_DATES_MOVED = "注：国务院办公厅公布节假日安排后，上列期限已按公布的安排重新计算，以较晚的日期为准：{moves}。"
DOC_DATE_MOVED = "{what}由{before}顺延至{after}"
DOC_DATE_MOVED_WHAT = {"promised": "承诺办结日期", "correction": "补正期限"}
DOC_DATE_MOVED_MATERIAL = "“{name}”补交期限"
DOC_DATE_MOVED_JOIN = "；"
# on every notice of a case taken under a 待核 guide (counter.actions.catalog.guide_status): the paper never hides it
DOC_DRAFT_GUIDE = "注：本件依据待核办事指南办理，该指南尚未经本中心核定发布。"
TIME_UNIT = {TimeUnit.WORKING_DAY: "个工作日", TimeUnit.CALENDAR_DAY: "个自然日"}
COPY_FORM = {CopyForm.ORIGINAL: "原件", CopyForm.COPY: "复印件", CopyForm.ORIGINAL_AND_COPY: "原件和复印件"}
RECEIVED_MEDIUM = {
    ReceivedMedium.PAPER: "纸质",
    ReceivedMedium.ELECTRONIC: "电子",
    ReceivedMedium.SHARED: "证照库免提交",
}
REFUSAL_GROUND = {
    RefusalGround.NO_LICENCE_NEEDED: "申请事项依法不需要取得行政许可",
    RefusalGround.NOT_IN_REMIT: "申请事项依法不属于本行政机关职权范围",
    RefusalGround.FALSE_MATERIALS: "申请人隐瞒有关情况或者提供虚假材料申请行政许可",
}
REFUSAL_BASIS = {
    RefusalGround.NO_LICENCE_NEEDED: "《中华人民共和国行政许可法》第三十二条第一款第一项",
    RefusalGround.NOT_IN_REMIT: "《中华人民共和国行政许可法》第三十二条第一款第二项",
    RefusalGround.FALSE_MATERIALS: "《中华人民共和国行政许可法》第七十八条",
}
REFUSAL_TURN_TO_ITEMS = "{items}：请向{turn_to}申请。"  # 第二项, a line per body: the items that go to it


# The printed documents (domain §3-§5).  Tables keyed by a str are keyed by the values of
# counter.documents.kinds.DocumentKind / DocumentProblem (StrEnums, so the members look
# themselves up); tests/documents check every member has its text.  Templates take:
# {name} a person or body, {bundle} the bundle's name, {received}/{date}/{accepted} a
# date in words (DOC_DATE), {case_no} the case number, {place} an address with the window.

DOC_TITLE: dict[str, str] = {
    "application": "一件事联办申请表",
    "receipt": "受理凭证",
    "deferral": "容缺受理通知书",
    "pledge": "容缺受理承诺书",
    "correction": "补齐补正通知书",
    "refusal": "不予受理通知书",
    "denial": "不予批准决定书",
    "acceptance": "受理通知书",
    "supplement": "补正材料通知书",
    "item_refusal": "不予受理通知书",
    "service": "送达回证",
    "date_notice": "期限告知书",
    "guide_notice": "一次性告知单",
    "blank_form": "空白表格",
    "sample_form": "示范样表",
    "project_catalog": "“帮您办”代办帮办服务事项参考目录",
    "project_flow": "“帮您办”代办帮办服务流程图",
    "project_apply": "“帮您办”代办帮办服务申请表",
    "project_mandate": "“帮您办”代办帮办服务授权委托书",
    "project_pledge": "“帮您办”代办帮办服务承诺书",
    "project_done": "“帮您办”代办帮办服务办结单",
    "project_rating": "“帮您办”代办帮办服务评价表",
    "project_end": "“帮您办”代办帮办服务终止单",
    "rating_sheet": "政务服务“好差评”评价表",
}
DOC_NOUN: dict[str, str] = {
    "application": "申请表",
    "receipt": "凭证",
    "deferral": "通知书",
    "pledge": "承诺书",
    "correction": "通知书",
    "refusal": "通知书",
    "denial": "决定书",
    "acceptance": "通知书",
    "supplement": "通知书",
    "item_refusal": "通知书",
    "service": "回证",
    "date_notice": "告知书",
    "guide_notice": "告知单",
    "blank_form": "表",
    "sample_form": "样表",
    "project_catalog": "目录",
    "project_flow": "流程图",
    "project_apply": "申请表",
    "project_mandate": "委托书",
    "project_pledge": "承诺书",
    "project_done": "办结单",
    "project_rating": "评价表",
    "project_end": "终止单",
    "rating_sheet": "评价表",
}
DOC_DATE = "{year}年{month}月{day}日"
DOC_NO = "文书编号"
DOC_CASE_NO = "办件编号"
DOC_NUMBER_LINE = "{label}：{value}"
DOC_COPIES = "本{noun}一式两份，第1联申请人留存，第2联存档。"
DOC_COPY_LABELS = ("第1联　申请人留存", "第2联　存档")
DOC_SINGLE_COPY = "申请人留存"
DOC_SINGLE_NOTE = "本{noun}交申请人留存。"
DOC_PAGE = "第{page}页　共{pages}页"
DOC_CONTINUED = "（续）"
DOC_NONE = "无"
DOC_YOU = {"person": "你", "company": "你单位"}
DOC_WE = {"person": "本人", "company": "本单位"}
DOC_SALUTATION = "{name}："

# the header table
DOC_APPLICANT = "申请人"
DOC_ID_LABEL = {"person": "身份证号码", "company": "统一社会信用代码"}
DOC_LEGAL_REP = "法定代表人"
DOC_AGENT = "代办人"
DOC_AGENT_ID = "证件号码"
DOC_PHONE = "联系电话"
DOC_RECEIVED_ON = "收件日期"
DOC_ISSUED_ON = "告知日期"
DOC_BUNDLE = "申请事项"
DOC_BUNDLE_VALUE = "{name}（办事指南第{version}版）"
# the same, while the guide is not the site's own: every paper of the case says so where it names the guide
DOC_BUNDLE_VALUE_SAMPLE = "{name}（办事指南第{version}版，样例，未经本中心核定发布）"
DOC_BUNDLE_VALUE_DRAFT = "{name}（办事指南第{version}版，待核，未经本中心核定发布）"
DOC_ITEMS = "包含事项"

# the closing block: clerk, signature, seal
DOC_CLERK = "承办人"
DOC_CLERK_GUIDE = "告知人"
DOC_CLERK_PHONE = "联系电话"
DOC_SIGNER = {"person": "申请人（签字）", "company": "申请人（签字或盖章）"}
DOC_SIGNER_AGENT = "代办人（签字）"
DOC_SIGNER_GUIDE = "申请人（签收）"
DOC_SIGNED_AT = "签收时间：　　　年　　月　　日　　时　　分"
DOC_SEAL_PLACE = "（{seal}）"
DOC_QR_CAPTION = "扫码查询办理进度"
DOC_RATING_QR_CAPTION = "{days}日内扫码评价"  # 补充评价 on the 自治区 好差评 page, within the period

# 受理凭证
DOC_RECEIPT_ACCEPT = "{you}于{received}提出的“{bundle}”申请，经审查，申请材料齐全、符合法定形式，本机关决定予以受理。"
DOC_RECEIPT_DEFER = (
    "{you}于{received}提出的“{bundle}”申请，经审查，主要申请材料齐全、符合法定形式。根据{you}的申请和签署的"
    "承诺书，本机关决定容缺受理。容缺后补的材料及补交期限见下表和《容缺受理通知书》。"
)
DOC_H_RECEIVED = "已收取的申请材料"
DOC_COL_NO = "序号"
DOC_COL_MATERIAL = "材料名称"
DOC_COL_FORM = "原件/复印件"
DOC_COL_COUNT = "份数"
DOC_COL_HOW = "收取方式"
DOC_FORM_ORIGINAL = "原件"
DOC_FORM_COPY = "复印件"
DOC_FORM_BOTH = "原件、复印件"
DOC_COUNT = "{count}份"
DOC_COUNT_EACH = "各{count}份"
DOC_COUNT_BOTH = "原件{originals}份、复印件{copies}份"
DOC_DASH = "—"
DOC_HOW_DEFERRED = "容缺后补\n{date}前"
DOC_HOW_CORRECTED = "{medium}\n当场更正"  # 行政许可法 第三十二条第一款第三项
# an 电子证照 taken from the 证照库 (seed 001 第二十七条): its number, issuing body, validity and trust level
DOC_LICENCE_LINES = "{name}\n电子证照 {number}号\n{issuer}（可信等级{trust}）\n{validity}"
DOC_HOW_LICENCE = "电子证照"
DOC_LICENCE_UNTIL = "有效期至{date}"
DOC_LICENCE_OPEN = "长期有效"
DOC_LICENCE_CHECKED = "此件经与原件核对无误"  # 国办函〔2016〕108号: a C-level upload checked at the window, now B
DOC_LICENCE_USE = "用证：{by}（{desk_no}号窗口）{time}，{reason}"
DOC_LICENCE_ANNOTATED = "加注件 {id}{until}"
DOC_LICENCE_ANNOTATED_UNTIL = "，有效期至{date}"
DOC_MOMENT = "{year}年{month}月{day}日 {hour:02d}:{minute:02d}"
DOC_PROMISED = "承诺办结日期"
DOC_PROMISED_VALUE = "{date}前办结（承诺时限{limit}，自受理之日起按{unit}计算）"
#: how a promise is counted, as the limit's unit says: a 自然日 promise counts weekends and holidays too
COUNTED_IN = {TimeUnit.WORKING_DAY: "工作日", TimeUnit.CALENDAR_DAY: "自然日"}
DOC_PROMISED_DATE_ONLY = "{date}前办结"
#: the items a deferred material serves wait for it and are promised for the case's date, which counts the guide's
#: deferral periods and the department's days after them (counter.intake.outcome); the others go on.  The date is the
#: 承诺办结日期 printed just above: the line says what it counts, never the date again
DOC_RECEIPT_WAITING = "{items}待容缺材料补齐后决定，承诺办结日期已计入容缺材料的补交期限{others}。"
DOC_RECEIPT_GOING_ON = "；其余事项不等待，先行办理"
DOC_DELIVERY = "取件方式"
DOC_DELIVERY_PICKUP = "窗口领取：{place}"
DOC_DELIVERY_POST = "邮寄送达（免费）：{address}"
DOC_DELIVERY_ELECTRONIC = "电子送达：办结后发送至申请人预留的联系方式"
DOC_PROGRESS = "进度查询"
DOC_PROGRESS_VALUE = "扫码或拨打{phone}"
DOC_PROGRESS_VALUE_NO_QR = "拨打{phone}"  # the site set no progress page: no code printed to scan
DOC_COMPLAINT = "投诉电话"
DOC_COMPLAINT_JOIN = "；"  # 12345 and the hall's own number
# the rating pad at the window; a later rating by the 好差评 page's QR code is invited by that code's own caption,
# printed only where the paper carries it (counter.documents.rating_qr), never by a sentence beside the progress code
DOC_RECEIPT_NOTES = (
    "请妥善保管本凭证，领取结果时出示本凭证和身份证件；办理进度和结果将以短信告知。",
    "欢迎您在窗口评价器上对本次服务作出评价。",
)
# where the hall has no SMS gateway, or the case no phone to tell (counter.actions.cases.documents): no promise of an
# SMS
DOC_RECEIPT_NOTES_NO_SMS = (
    "请妥善保管本凭证，领取结果时出示本凭证和身份证件；可扫码或拨打咨询电话查询办理进度和结果。",
    DOC_RECEIPT_NOTES[1],
)
DOC_RECEIPT_NOTES_NO_SMS_NO_QR = (
    "请妥善保管本凭证，领取结果时出示本凭证和身份证件；可拨打咨询电话查询办理进度和结果。",
    DOC_RECEIPT_NOTES[1],
)

# 容缺受理通知书 and 承诺书
DOC_DEFERRAL_INTRO = (
    "{you}于{received}申请办理的“{bundle}”，主要申请材料齐全、符合法定形式。根据{you}的申请和签署的承诺书，"
    "本机关决定容缺受理，先行办理。下列材料容缺后补，请在补交期限内补齐："
)
DOC_COL_DEFERRED = "容缺材料"
DOC_COL_STANDARD = "应当符合的要求"
DOC_COL_DUE = "补交期限"
DOC_DUE_VALUE = "{date}前"
DOC_DEFECT_NOTE = "已提交材料的问题：{note}"
DOC_H_HAND_IN = "补交方式（任选一种）"
DOC_HAND_IN_WINDOW = "窗口补交：{place}；办理时间{hours}。"
DOC_HAND_IN_POST = "邮寄补交：寄至{address}{office}，并在信封上注明办件编号{case_no}。"
DOC_HAND_IN_ONLINE = "网上补交：登录{portal}，在“我的办件”中按办件编号{case_no}上传。"
DOC_H_LATE = "逾期后果"
# a lapse denies the items the deferred materials serve, each by its own deciding department (seed 001 第十六条(三),
# 第十七条(二)), not the hall and not the whole bundle
DOC_DEFERRAL_LATE = "逾期未补交，或者补交的材料仍不符合要求的，容缺受理失效，{deciders}，由此产生的后果由申请人承担。"
# only where the window may give more time: it decides every item the materials serve (its own power, or under the
# department's 授权); where it only received them, no one it could name may grant what this would invite
DOC_DEFERRAL_MORE_TIME = "因不可抗力不能按期补交的，请在期限届满前向本机关说明情况，申请延长补交期限。"
DOC_LAPSE_DECIDER = "由{department}依法对{items}事项作出不予批准决定"
DOC_LAPSE_DECIDER_JOIN = "；"
DOC_LAPSE_ITEM = "“{name}”"
DOC_LAPSE_ITEM_JOIN = "、"
DOC_DEFERRAL_PROMISED = "本事项承诺于{date}前办结，容缺材料的补交期限不超过承诺办结时限。"
DOC_PLEDGE_INTRO = (
    "{we}{name}申请办理“{bundle}”（办件编号{case_no}）。{we}的主要申请材料已经齐全，现申请容缺受理，郑重承诺如下："
)
DOC_PLEDGE_CONFIRMATIONS = (
    "申请容缺受理是{we}的真实意思表示。",
    "{we}已知悉需要补交的材料、应当符合的要求和补交期限（见下表）。",
    "{we}已提交的申请材料真实、合法、有效，复印件与原件一致。",
    "{we}将在补交期限内补齐下列材料。",
    "如违反上述承诺，{we}愿意承担相应的法律责任和由此产生的后果。",
    # the consequence seed 001 第十六条(三) gives a lapse, and no other: no rule the league has made ties a 容缺 pledge
    # to a credit record, and a 失信惩戒 measure needs a basis in law (国办发〔2020〕49号)
    "{we}知悉：逾期未补齐材料，或者补交的材料仍不符合要求的，容缺受理失效，{deciders}"
    "（《兴安盟政务服务标准化管理办法》第十六条第三项）。",
)
DOC_NUMERALS = "一二三四五六七八九十"
DOC_NUMBERED_CN = "{numeral}、"
DOC_NUMBERED = "{number}. "
DOC_PLEDGE_SIGNER = {"person": "承诺人（签字）", "company": "法定代表人（签字）"}
DOC_FINGERPRINT = "捺印"
DOC_PLEDGE_COMPANY_SEAL = "承诺单位盖章"
DOC_PLEDGE_SIGNED_ON = "承诺日期：　　　　年　　月　　日"

# 补齐补正通知书
DOC_CORRECTION_INTRO = (
    "{you}于{received}提交的“{bundle}”申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》"
    "第三十二条第一款第四项的规定，现一次性告知{you}需要补齐补正的全部内容："
)
DOC_COL_PROBLEM = "存在的问题"
DOC_PROBLEM_MISSING = "未提交"
DOC_H_CORRECTION = "补正期限和提交方式"
DOC_CORRECTION_DUE = "补正期限"
DOC_CORRECTION_DUE_VALUE = "请于{date}前补齐补正上述全部材料"
DOC_CORRECTION_HOW = "提交方式"
DOC_CORRECTION_HOW_VALUE = "携带本通知书和补正材料到{place}提交，或者登录{portal}在线提交"
DOC_CORRECTION_ONCE = (
    "本通知书一次性告知需要补齐补正的全部内容，本机关不再要求提交清单以外的材料。补齐补正后符合要求的，"
    "自收到全部补正材料之日起予以受理。"
)
DOC_CORRECTION_GIVE_UP = "如无正当理由逾期提交的，视为放弃申请。"

# 不予受理通知书 and 不予批准决定书
DOC_REFUSAL_INTRO = "{you}于{received}提出的“{bundle}”申请，经审查，{ground}。根据{basis}的规定，本机关决定不予受理。"
DOC_REASON = "理由"
DOC_BASIS = "依据"
DOC_TURN_TO = "有权机关"
DOC_MATERIALS_RETURNED = "{you}提交的申请材料已全部退还。"
DOC_COURT_UNKNOWN = "有管辖权的人民法院"  # a court the site's settings do not name: true in law whatever it is
DOC_CONTACT = "联系方式"
DOC_DEPARTMENT_CONTACT_VALUE = "{department}，承办人{clerk}，电话{phone}"
# the site's own decision: its 承办人, the deciding officer, is named once, where the paper closes
DOC_OWN_CONTACT_VALUE = "{department}，电话{phone}"
# a department's 承办人 or phone the site has not recorded: a line to fill in by hand, never the hall's
DOC_FILL_IN = "__________"

# 一次性告知单
DOC_GUIDE_INTRO = (
    "你好！你咨询的“{bundle}”的办理要求如下。本单一次性告知办理本事项需要的全部材料，窗口不要求提交清单以外的材料。"
)
DOC_H_CONDITIONS = "受理条件"
DOC_COL_DEPARTMENT = "实施主体"
DOC_FEE_FREE = "不收费"
DOC_FEE_AMOUNT = "{amount}元"
DOC_H_MATERIALS = "申请材料（按情形分类）"
DOC_GROUP_ALL = "所有情形均需提交"
DOC_GROUP_CONDITION = "{question}{options}"
DOC_GROUP_OR = "或"
DOC_GROUP_AND = "；"
DOC_COL_REQUIREMENT = "材料名称及要求"
DOC_COL_NOTE = "说明"
DOC_REQUIREMENT = "要求：{text}"
DOC_NOTE_SHARED = "免提交\n数据共享调取"
DOC_NOTE_DEFERRABLE = "可容缺后补\n{limit}内补齐"
DOC_NOTE_OPTIONAL = "非必要"
DOC_NOTE_REQUIRED = "必要"
DOC_H_WHERE = "办理地点、时间和联系方式"
DOC_PLACE = "办理地点"
DOC_HOURS = "办理时间"
DOC_HOURS_LINE = "{days} {periods}{note}"
DOC_HOURS_NOTE = "（{note}）"
DOC_HOURS_JOIN = "、"
DOC_CONSULT = "咨询电话"
DOC_PROMISED_LIMIT = "承诺办结时限"
DOC_VISITS = "到现场次数"
DOC_VISITS_VALUE = "{count}次"
DOC_VISITS_REASON = "{count}次：{reason}"
DOC_FORMS = "办理形式"
DOC_LIST_JOIN = "、"
DOC_NOT_STATED = "未载明"
# every element of 第九条 and the 24-point list (items 18, 20, 21, 23, 24) on the 一次性告知单
DOC_SERVICE_OBJECTS = "服务对象"
DOC_H_ITEM_DETAIL = "包含事项"
DOC_ITEM_NAME = "事项名称"
DOC_SUB_ITEM = "子项名称"
DOC_ITEM_TYPE = "事项类型"
DOC_CASE_KIND = "办件类型"
DOC_CASE_KIND_VALUE = {"1": "即办件", "2": "承诺件"}
DOC_LEGAL_BASIS = "设定依据"
DOC_LEGAL_LIMIT = "法定办结时限"
DOC_NO_LEGAL_LIMIT = "法律法规未规定"
DOC_FEE = "收费标准"
DOC_FEE_BASIS = "收费依据"
DOC_RESULT = "办理结果"
DOC_DECIDER_ENTRUSTED = "{department}（委托本中心受理）"
DOC_H_STEPS = "办理流程"
DOC_COL_STEP = "环节"
DOC_COL_STEP_LIMIT = "时限"
DOC_COL_STEP_RESULT = "办理结果"
DOC_COL_STEP_NOTE = "说明"
DOC_ISSUER = "出具单位：{issuer}"
DOC_BLANK_FORM = "空白表格：{where}"
DOC_SAMPLE_FORM = "示例样表：{where}"
MEDIUM = {Medium.PAPER: "纸质", Medium.ELECTRONIC: "电子", Medium.PAPER_OR_ELECTRONIC: "纸质或电子"}


def time_limit(limit: TimeLimit | None) -> str:
    """A time limit as a document prints it: 20个工作日, 即时办结, or 未载明."""
    if limit is None:
        return DOC_NOT_STATED
    if limit.value == 0:
        return "即时办结"
    return f"{limit.value}{TIME_UNIT[limit.unit]}"


def legal_limit_text(item: Item) -> str:
    """An item's 法定办结时限 as a document prints it, or 法律法规未规定 where no law sets one."""
    return DOC_NO_LEGAL_LIMIT if item.no_legal_limit else time_limit(item.legal_limit)


def date_text(day: dt.date) -> str:
    return DOC_DATE.format(year=day.year, month=day.month, day=day.day)


def optional_date(day: dt.date | None) -> str:
    return date_text(day) if day is not None else DOC_NOT_STATED


def guide_text(name: str, version: object, bundle: Bundle) -> str:
    """The guide a paper names, marked 样例 or 待核 until the site publishes it (the 告知单 says 样例 too)."""
    if bundle.status is GuideStatus.DRAFT:
        return DOC_BUNDLE_VALUE_DRAFT.format(name=name, version=version)
    template = DOC_BUNDLE_VALUE_SAMPLE if bundle.sample else DOC_BUNDLE_VALUE
    return template.format(name=name, version=version)


def at_own_place(bundle: Bundle) -> Bundle:
    """The guide as a township centre's paper prints it: with no place, hours or phones of its own, so that the
    office's stand in their place.

    The catalog's guides are the league hall's (兴安盟政务服务中心, its floor and its windows): a villager who took a
    receipt at the township must be sent back to the township, never to a building in the city.
    """
    return dataclasses.replace(bundle, address=None, hours=(), consult_phone="", complaint_phone="")


def place(bundle: Bundle, office: OfficeSettings) -> str:
    return bundle.address.one_line() if bundle.address is not None else office.address


def hours(bundle: Bundle, office: OfficeSettings) -> str:
    """The guide's opening hours, line by line; the office's where the guide gives none."""
    lines = [
        DOC_HOURS_LINE.format(
            days=h.days,
            periods=DOC_HOURS_JOIN.join(h.periods),
            note=DOC_HOURS_NOTE.format(note=h.note) if h.note else "",
        )
        for h in bundle.hours
    ]
    return "\n".join(lines) if lines else (office.hours or DOC_NOT_STATED)


def consult_phone(bundle: Bundle, office: OfficeSettings) -> str:
    return bundle.consult_phone or office.consult_phone


def clerk_phone(office: OfficeSettings) -> str:
    """The phone beside the 承办人 (or 告知人) of the window's papers: the hall's own, where the clerk sits, so a
    clerk has one phone on every paper signed, whatever the bundle.  A guide's phone is its bundle's line for
    questions (进度查询, 咨询电话 keep it); beside the clerk's name it gave the same clerk another number with each
    bundle."""
    return office.consult_phone or DOC_FILL_IN


def items_text(bundle: Bundle) -> str:
    return DOC_LIST_JOIN.join(item.name for item in bundle.items)


def numbered(items: Iterable[str]) -> Numbered:
    return Numbered(tuple((DOC_NUMBERED.format(number=n), text) for n, text in enumerate(items, 1)))


# 不予批准决定书 of one item, in its deciding department's name
# (seed 001 第十七条(二): 说明不予批准的原因，注明联系方式，加盖审批业务专用章或部门公章)
DOC_ITEM = "不予批准事项"
DOC_ITEM_VALUE = "{name}（{code}）"
DOC_DECIDER = "决定机关"
DOC_DEPARTMENT_SEAL = "{department}审批业务专用章或部门公章"
#: a department's act the window entered for it (代为录入): the decision it records, by the department's own 文号 and
#: the officer who took it, in the department's voice as the paper's entrustment sentence is (docs/notice-wording.md)
DOC_ENTERED = "本机关决定文号：{department_no}；承办人：{officer}。本{noun}由{hall}依本机关的书面决定代为录入。"
DOC_ITEM_DENIAL_INTRO = (
    "{you}于{received}申请办理的“{bundle}”中的“{item}”事项，已于{accepted}受理。经审查，本机关决定对该事项不予批准。"
)
DOC_LAPSE_REASON = "容缺受理时承诺补交的下列材料，至补交期限届满仍未补交，该事项不具备作出准予决定的条件。"
DOC_H_LAPSED = "逾期未补交的材料"
DOC_OTHER_ITEMS = "本决定只涉及上述事项；“{bundle}”中的其他事项不受本决定影响，由各实施部门继续办理。"

# 空白表格 and 示范样表 (兴署办发〔2021〕8 号, 附件: the 24-point checklist, items 23-24)
DOC_FORM_FILL = "请用黑色钢笔或签字笔填写，字迹清楚，内容真实；填好后连同其他申请材料一并提交。"
DOC_FORM_SAMPLE = "本表为示范样表，各栏内容均为填写示例，不得作为申请材料提交。"
DOC_FORM_STANDARD = "办事指南未列明本表格的栏目，以下为申请人通用栏目；受理部门的正式表格另有栏目的，以正式表格为准。"
DOC_FORM_DRAFT_GUIDE = "注：本表格依据待核办事指南印制，该指南尚未经本中心核定发布。"
# a form whose format a department prescribes (Material.prescribed_by): the window's print lists its boxes, the
# department's own format governs
DOC_FORM_PRESCRIBED = "本表栏目依照{prescriber}规定的《{form}》格式印制；内容以该规定格式为准。"
DOC_FORM_NOTE = {
    "blank_form": "本表由申请人填写，随申请材料提交。",
    "sample_form": "本样表仅供填写参考，不作申请材料。",
}
DOC_FORM_SIGNER = "申请人（签字）"
DOC_FORM_DATE = "日期：　　　　年　　月　　日"
#: the applicant's standard block, with its sample, for a form whose boxes the catalog does not list
DOC_FORM_STANDARD_FIELDS = (
    ("申请人", "王某某"),
    ("证件号码", "152201××××××××××××"),
    ("联系电话", "139××××××××"),
    ("地址", "乌兰浩特市××路×号"),
)
