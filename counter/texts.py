"""Every user-visible Chinese text that the domain's codes stand for.

The domain returns enums and rule codes; this is the one place that turns them
into words, so another face (Mongolian, English) can be added beside it.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from counter.access.roles import Permission, Role
from counter.audit.actions import AuditAction
from counter.audit.verify import TrailProblem, TrailProblemCode
from counter.case.status import CaseEvent, CaseStatus
from counter.catalog.model import (
    CaseKind,
    CopyForm,
    ItemType,
    MaterialKind,
    Medium,
    Necessity,
    SourceChannel,
    TimeLimit,
    TimeUnit,
)
from counter.catalog.problems import Problem, Rule
from counter.identifiers import CreditCodeError, IdError, Sex
from counter.intake.checklist import ProblemCode as IntakeProblemCode
from counter.intake.checklist import Receipt, ReceivedMedium
from counter.intake.outcome import Outcome, ReasonCode, RefusalGround
from counter.intake.parties import ApplicantKind, Delivery, PartyProblemCode
from counter.printing.cups import PrintProblem
from counter.workdays import BeyondData, ScheduleProblem, ScheduleProblemCode

UNPUBLISHED = "指南未发布"
SAMPLE_GUIDE = "样例指南：内容为示例，待官方实施清单发布后替换"

TIME_UNIT = {TimeUnit.WORKING_DAY: "个工作日", TimeUnit.CALENDAR_DAY: "个自然日"}
NECESSITY = {Necessity.REQUIRED: "必要", Necessity.OPTIONAL: "非必要", Necessity.DEFERRABLE: "容缺后补"}
MATERIAL_KIND = {
    MaterialKind.CERTIFICATE: "证件证书证明",
    MaterialKind.FORM: "申请表格文书",
    MaterialKind.OTHER: "其他",
}
COPY_FORM = {CopyForm.ORIGINAL: "原件", CopyForm.COPY: "复印件", CopyForm.ORIGINAL_AND_COPY: "原件和复印件"}
MEDIUM = {Medium.PAPER: "纸质", Medium.ELECTRONIC: "电子", Medium.PAPER_OR_ELECTRONIC: "纸质或电子"}
SOURCE = {
    SourceChannel.APPLICANT: "申请人自备",
    SourceChannel.GOVERNMENT: "政府部门核发",
    SourceChannel.OTHER: "其他",
}
ITEM_TYPE = {
    ItemType.LICENSING: "行政许可",
    ItemType.PENALTY: "行政处罚",
    ItemType.COERCION: "行政强制",
    ItemType.LEVY: "行政征收",
    ItemType.BENEFIT: "行政给付",
    ItemType.INSPECTION: "行政检查",
    ItemType.CONFIRMATION: "行政确认",
    ItemType.REWARD: "行政奖励",
    ItemType.ADJUDICATION: "行政裁决",
    ItemType.OTHER_ADMINISTRATIVE: "其他行政权力",
    ItemType.PUBLIC_SERVICE: "公共服务",
}
CASE_KIND = {CaseKind.IMMEDIATE: "即办件", CaseKind.PROMISED: "承诺件"}


def time_limit(limit: TimeLimit | None) -> str:
    if limit is None:
        return "未载明"
    if limit.value == 0:
        return "即时办结"
    return f"{limit.value}{TIME_UNIT[limit.unit]}"


# --- catalog problems (counter.catalog.problems.Rule) -------------------------------
# RULE_TEXT templates take: {field} the element's Chinese name, {key} the key as written
# in the file, {detail} the offending value and {detail_note} the same in brackets (or
# nothing); {limit} and {bound} are time limits in words, {max} a length, {other_note}
# the file that used a code first.  Sources: 第九条/第十条 of 兴署发〔2021〕5号 and the
# 24-point checklist (清单) of the 一网办 plan.

RULE_TEXT: dict[Rule, str] = {
    Rule.UNREADABLE: "文件无法读取（须为 UTF-8 编码的文本文件）：{detail}",
    Rule.SYNTAX: "不是有效的 TOML 格式：{detail}",
    Rule.WRONG_TYPE: "{field}的值类型不对：{detail}",
    Rule.UNKNOWN_VALUE: "{field}的取值“{detail}”不在代码表内",
    Rule.UNKNOWN_KEY: "格式中没有“{key}”这一项，可能是拼写错误",
    Rule.MISSING_ELEMENT: "未写明{field}{detail_note}",
    Rule.LIMIT_WITHOUT_UNIT: "{field}未注明是工作日还是自然日（清单第12-13项）",
    Rule.ADDRESS_WITHOUT_DESK: "办理地点未写明窗口号（清单第14项）",
    Rule.HOURS_INCOMPLETE: "办理时间未写明{field}{detail_note}（清单第15项）",
    Rule.INTERMEDIARY_WITHOUT_BASIS: "中介服务“{detail}”未提供设定依据（清单第17项）",
    Rule.VISITS_WITHOUT_REASON: "须到办事现场{detail}次，未说明原因（清单第22项）",
    Rule.STEP_INCOMPLETE: "办理流程环节“{detail}”未写明{field}（清单第21项）",
    Rule.CATCH_ALL_WORDING: "材料名称含兜底表述“{detail}”（第十条）",
    Rule.MATERIAL_WITHOUT_BASIS: "材料未列明法律法规或规章依据（第十条）",
    Rule.MATERIAL_INCOMPLETE: "未写明{field}",
    Rule.FORM_WITHOUT_BLANK_OR_SAMPLE: "表格类材料未提供{field}（第十条，清单第23-24项）",
    Rule.SHARED_BUT_DEMANDED: "能通过信息共享获取的材料不得列为必要材料，只可请申请人确认（第十条）",
    Rule.DEFERRAL_WITHOUT_LIMIT: "容缺后补材料未写明补交时限",
    Rule.DEFERRAL_EXCEEDS_PROMISE: "容缺补交时限{limit}未控制在承诺办结时限{bound}以内",
    Rule.PROMISE_EXCEEDS_LEGAL: "承诺办结时限{limit}未控制在法定办结时限{bound}以内",
    Rule.CODE_TOO_LONG: "{field}“{detail}”超过{max}个字符",
    Rule.DUPLICATE_CODE: "{field}“{detail}”重复{other_note}",
    Rule.DANGLING_REFERENCE: "{field}“{detail}”在本一件事中不存在",
    Rule.BAD_NUMBER: "一件事序号“{detail}”无效：须为1至999之间且互不重复的整数{other_note}",
}
# the wording when the problem has no detail to quote
RULE_TEXT_WITHOUT_DETAIL: dict[Rule, str] = {
    Rule.DANGLING_REFERENCE: "{field}为空，须列明本一件事中的事项",
}

FIELD_TEXT: dict[str, str] = {
    "format": "格式版本",
    "code": "一件事编码",
    "number": "一件事序号",
    "name": "一件事名称",
    "status": "发布状态",
    "sample": "样例标记",
    "keywords": "检索词",
    "summary": "简介",
    "conditions": "受理条件",
    "forms": "办理形式",
    "address": "办理地点",
    "address.street": "办理地点的街道名称",
    "address.number": "办理地点的门牌号",
    "address.room": "办理地点的房间号",
    "address.desk_no": "办理地点的窗口号",
    "hours": "办理时间",
    "hours.days": "办理日",
    "hours.periods": "办理时段",
    "hours.note": "办理时间备注",
    "consult_phone": "咨询方式",
    "complaint_phone": "监督投诉方式",
    "visits": "到办事现场次数",
    "visits_reason": "到办事现场的原因",
    "promised_limit": "承诺办结时限",
    "result": "办理结果",
    "steps": "办理流程",
    "steps.name": "环节名称",
    "steps.limit": "环节办理时限",
    "steps.result": "环节办理结果",
    "steps.description": "环节说明",
    "items": "事项",
    "items.code": "实施编码",
    "items.basic_code": "基本编码",
    "items.name": "事项名称",
    "items.sub_item": "子项名称",
    "items.type": "事项类型",
    "items.case_kind": "办件类型",
    "items.department": "实施主体",
    "items.legal_basis": "设定依据",
    "items.conditions": "受理条件",
    "items.legal_limit": "法定办结时限",
    "items.promised_limit": "承诺办结时限",
    "items.fee": "收费标准及收费依据",
    "items.fee.amount": "收费标准",
    "items.fee.basis": "收费依据",
    "items.result": "办理结果",
    "items.intermediaries": "中介服务",
    "items.intermediaries.name": "中介服务名称",
    "items.intermediaries.basis": "中介服务设定依据",
    "situations": "情形",
    "situations.code": "情形编码",
    "situations.question": "情形问题",
    "situations.options": "情形选项",
    "situations.options.code": "选项编码",
    "situations.options.label": "选项名称",
    "materials": "所需材料",
    "materials.code": "材料编码",
    "materials.name": "材料名称",
    "materials.items": "材料所属事项",
    "materials.when": "材料适用情形",
    "materials.kind": "材料类型",
    "materials.copy_form": "原件或复印件",
    "materials.medium": "材料形式（纸质或电子）",
    "materials.originals": "原件份数",
    "materials.copies": "复印件份数",
    "materials.paper_size": "纸质规格",
    "materials.source": "来源渠道",
    "materials.issuer": "出具单位",
    "materials.necessity": "材料必要性",
    "materials.legal_basis": "材料依据",
    "materials.requirement": "材料要求",
    "materials.shared": "信息共享获取",
    "materials.blank_form": "空白表格",
    "materials.sample_form": "示范样表",
    "materials.deferral_limit": "容缺补交时限",
    "materials.intermediary": "中介机构类别",
    "value": "天数",
    "unit": "时限单位",
}


def field_text(problem: Problem) -> str:
    """The Chinese name of a problem's field, or the key itself when the format has none.

    The reader names a field by its bare key inside an item or material ("fee.amount"),
    the validator by its full path ("items.fee.amount"); both find their name here.
    """
    scope = "materials." if problem.material else "items." if problem.item else ""
    return _field_name(problem.field, scope)


def _field_name(key: str, scope: str) -> str:
    for candidate in (scope + key, key):
        if candidate in FIELD_TEXT:
            return FIELD_TEXT[candidate]
    ends = [k for k in FIELD_TEXT if k.startswith(scope) and k.endswith(f".{key}")]
    if len(ends) == 1:
        return FIELD_TEXT[ends[0]]
    head, dot, last = key.rpartition(".")
    if dot and last in FIELD_TEXT:
        return f"{_field_name(head, scope)}的{FIELD_TEXT[last]}"
    return key


def _limit_words(code: str) -> str:
    """``"3 working_day"`` (how a problem carries a limit) as 3个工作日."""
    value, _, unit = code.partition(" ")
    try:
        return time_limit(TimeLimit(int(value), TimeUnit(unit)))
    except ValueError:
        return code


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def problem_text(problem: Problem) -> str:
    """One line: where the problem stands, then what is wrong, e.g.
    "008.toml › XAM-YJS-008 › 材料 M03：材料名称含兜底表述“其他”（第十条）"."""
    where = [problem.file] if problem.file else []
    if problem.bundle and problem.bundle != problem.file:
        where.append(problem.bundle)
    if problem.item:
        where.append(f"事项 {problem.item}")
    if problem.material:
        where.append(f"材料 {problem.material}")
    extra = dict(problem.extra)
    values = _Blank(
        field=field_text(problem),
        key=problem.field,
        detail=problem.detail,
        detail_note=f"（{problem.detail}）" if problem.detail else "",
        limit=_limit_words(extra.get("limit", "")),
        bound=_limit_words(extra.get("bound", "")),
        max=extra.get("max", ""),
        other_note=f"，已见于 {extra['other']}" if extra.get("other") else "",
    )
    workbook = problem.file.split(" › ")[0].lower().endswith((".xlsx", ".xlsm"))
    template = (WORKBOOK_RULE_TEXT.get(problem.rule) if workbook else None) or RULE_TEXT[problem.rule]
    if not problem.detail:
        template = RULE_TEXT_WITHOUT_DETAIL.get(problem.rule, template)
    sentence = template.format_map(values)
    return f"{' › '.join(where)}：{sentence}" if where else sentence


# --- identifiers (counter.identifiers) ------------------------------------------------

SEX = {Sex.MALE: "男", Sex.FEMALE: "女"}

_WEEKDAY = "一二三四五六日"


def _ymd(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _positions(detail: str) -> str:
    """Positions as the domain gives them, "3,18", as the clerk reads them: "第3、18位"."""
    return "第" + "、".join(detail.split(",")) + "位"


_ID_ERROR = {
    IdError.EMPTY: "请填写身份证号码",
    IdError.LENGTH: "长度应为18位，现为{detail}位",
    IdError.CHARACTERS: "{positions}字符不对：前17位应为数字，第18位应为数字或X",
    IdError.AREA: "地区码“{detail}”不存在",
    IdError.BIRTH_DATE: "出生日期不存在（{detail}）",
    IdError.BIRTH_IN_FUTURE: "出生日期{date}晚于今天",
    IdError.CHECK_DIGIT: "校验位错误，请逐位核对号码",
}

_CREDIT_CODE_ERROR = {
    CreditCodeError.EMPTY: "请填写统一社会信用代码",
    CreditCodeError.LENGTH: "长度应为18位，现为{detail}位",
    CreditCodeError.CHARACTERS: "{positions}字符不对：只能是数字或大写字母（不用I、O、S、V、Z）",
    CreditCodeError.REGISTRATION_AUTHORITY: "第1位登记管理部门代码“{detail}”不存在",
    CreditCodeError.AREA: "第3至8位行政区划码“{detail}”不存在",
    CreditCodeError.ORG_CODE_CHECK: "第9至17位组织机构代码“{detail}”的校验位错误",
    CreditCodeError.CHECK_CHARACTER: "校验位错误，请逐位核对代码",
}


def _fill(template: str, detail: str) -> str:
    positions = _positions(detail) if detail else ""
    date = _ymd(dt.date.fromisoformat(detail)) if "{date}" in template else ""
    return template.format(detail=detail, positions=positions, date=date)


def id_error_text(error: IdError, detail: str = "") -> str:
    """The message beside the ID-number field; ``detail`` is the problem's own detail."""
    return _fill(_ID_ERROR[error], detail)


def credit_code_error_text(error: CreditCodeError, detail: str = "") -> str:
    return _fill(_CREDIT_CODE_ERROR[error], detail)


# --- working days (counter.workdays) --------------------------------------------------


def beyond_data_warning(beyond: BeyondData) -> str:
    """The visible warning beside a date computed past the holiday data."""
    if beyond.data_until is None:
        return f"{_ymd(beyond.first)}没有节假日数据，按周六、周日休息推算，请核对"
    return f"节假日数据只到{_ymd(beyond.data_until)}，此后按周六、周日休息推算，请核对"


_SCHEDULE_PROBLEM = {
    ScheduleProblemCode.UNRECOGNISED: (
        "看不懂“{detail}”：请照通知原文写（如“1月1日至3日放假”“2月14日（周六）上班”），"
        "或逐日写成“2027-01-01,off”“2027-02-07,work”"
    ),
    ScheduleProblemCode.NO_ACTION: "日期后面没有写“放假”或“上班”",
    ScheduleProblemCode.INVALID_DATE: "日期“{detail}”不存在",
    ScheduleProblemCode.BAD_RANGE: "日期范围{first}至{second}不对：结束日早于开始日，或长达一个月以上",
    ScheduleProblemCode.CONFLICT: "{first}既写了放假又写了上班",
    ScheduleProblemCode.WORKDAY_NOT_WEEKEND: "{first}是星期{weekday}，调休上班日应是周六或周日",
    ScheduleProblemCode.WEEKDAY_MISMATCH: "{first}是星期{weekday}，括号中却写“{second}”，请核对年份和日期",
    ScheduleProblemCode.DAY_COUNT_MISMATCH: "写明共{first}天，列出的放假日却是{second}天",
    ScheduleProblemCode.WRONG_YEAR: "{first}不在本年度前后，请核对年份",
    ScheduleProblemCode.NO_ENTRIES: "没有读到任何放假或上班日期",
}


def _schedule_part(part: str) -> str:
    try:
        return _ymd(dt.date.fromisoformat(part))
    except ValueError:
        return part


def schedule_problem_text(problem: ScheduleProblem) -> str:
    """One problem of a holiday-schedule import, with its line number."""
    parts = problem.detail.replace("..", ",").split(",")
    first, second = parts[0], parts[1] if len(parts) > 1 else ""
    try:
        weekday = _WEEKDAY[dt.date.fromisoformat(first).weekday()]
    except ValueError:
        weekday = ""
    text = _SCHEDULE_PROBLEM[problem.code].format(
        detail=problem.detail, first=_schedule_part(first), second=_schedule_part(second), weekday=weekday
    )
    return f"第{problem.line}行：{text}" if problem.line else text


# --- intake outcomes (counter.intake) -------------------------------------------------

OUTCOME = {
    Outcome.ACCEPT: "受理",
    Outcome.DEFER: "容缺受理",
    Outcome.CORRECT: "补正",
    Outcome.REFUSE: "不予受理",
    Outcome.INCOMPLETE: "材料尚未核对完毕",
    Outcome.UNPUBLISHED: "指南未发布",
}
OUTCOME_SUMMARY = {
    Outcome.ACCEPT: "受理：申请材料齐全、符合法定形式，出具受理凭证",
    Outcome.DEFER: "容缺受理：主要材料齐全，以下材料容缺后补",
    Outcome.CORRECT: "补正：以下材料需补齐补正，出具补齐补正通知书，一次性告知",
    Outcome.REFUSE: "不予受理：出具不予受理通知书，说明理由",
    Outcome.INCOMPLETE: "材料尚未核对完毕，还不能作出是否受理的决定",
    Outcome.UNPUBLISHED: "指南未发布：本窗口不能受理，请引导申请人到实施部门办理",
}
RECEIPT = {
    Receipt.PENDING: "未核对",
    Receipt.RECEIVED: "已收取",
    Receipt.DEFECTIVE: "已提交，不符合要求",
    Receipt.MISSING: "未提交",
    Receipt.SHARED_CONFIRMED: "共享获取，已确认",
}
RECEIVED_MEDIUM = {
    ReceivedMedium.PAPER: "纸质",
    ReceivedMedium.ELECTRONIC: "电子",
    ReceivedMedium.SHARED: "证照库免提交",
}
DEFERRED_MEDIUM = "容缺后补"
REFUSAL_GROUND = {
    RefusalGround.NO_LICENCE_NEEDED: "申请事项依法不需要取得行政许可",
    RefusalGround.NOT_IN_REMIT: "申请事项依法不属于本行政机关职权范围",
}
REFUSAL_BASIS = {
    RefusalGround.NO_LICENCE_NEEDED: "《中华人民共和国行政许可法》第三十二条第一款第一项",
    RefusalGround.NOT_IN_REMIT: "《中华人民共和国行政许可法》第三十二条第一款第二项",
}
REFUSAL_TURN_TO = "请向{turn_to}申请。"
DEFERRAL_CREDIT_CHECK = "已核实申请人无不良信用记录"
DEFERRAL_PLEDGE_CHECK = "申请人已签署容缺受理承诺书"
CORRECTION_PERIOD = "申请人补正期限（本机关设定）"
NOTIFY_LIMIT = "补正告知期限：当场或者五个工作日内一次性告知，逾期不告知的，自收到申请材料之日起即为受理"

# Templates take {name} (the material, situation or bundle name) and {subject} (its code).
INTAKE_REASON: dict[ReasonCode | IntakeProblemCode, str] = {
    ReasonCode.GUIDE_UNPUBLISHED: "“{name}”的指南未发布，不能受理",
    ReasonCode.REFUSED_NO_LICENCE_NEEDED: (
        "申请事项依法不需要取得行政许可，不予受理（行政许可法第三十二条第一款第一项）"
    ),
    ReasonCode.REFUSED_NOT_IN_REMIT: (
        "申请事项依法不属于本行政机关职权范围，不予受理，并告知申请人向有关行政机关申请"
        "（行政许可法第三十二条第一款第二项）"
    ),
    ReasonCode.TURN_TO_MISSING: "不属于本机关职权范围的，须写明申请人应当向哪个行政机关申请",
    ReasonCode.ALL_PRESENT: "申请材料齐全、符合法定形式",
    ReasonCode.REQUIRED_MISSING: "必要材料未提交：{name}",
    ReasonCode.REQUIRED_DEFECTIVE: "必要材料不符合要求：{name}",
    ReasonCode.DEFERRABLE_MISSING: "容缺材料未提交，不能容缺受理，须补齐：{name}",
    ReasonCode.DEFERRABLE_DEFECTIVE: "容缺材料不符合要求，不能容缺受理，须补正：{name}",
    ReasonCode.DEFERRED: "容缺后补：{name}",
    ReasonCode.DEFERRAL_NOT_REQUESTED: "申请人未申请容缺受理",
    ReasonCode.DEFERRAL_CREDIT_UNCONFIRMED: "申请人未确认无不良信用记录，不能容缺受理",
    ReasonCode.DEFERRAL_PLEDGE_UNSIGNED: "申请人未签署承诺书，不能容缺受理",
    ReasonCode.DEFERRAL_MAIN_MISSING: "主要材料不齐全，不能容缺受理",
    ReasonCode.DEFERRAL_NOTHING_HANDED_IN: "未提交任何材料，不能容缺受理",
    ReasonCode.DEFERRAL_NO_DEADLINE: "“{name}”没有可依据的容缺补交时限或承诺办结时限，不能容缺受理",
    ReasonCode.SHARED_TO_FETCH: "“{name}”可通过数据共享获取，不要求申请人提交，由本机关调取",
    ReasonCode.BEYOND_CALENDAR_DATA: "日期超出节假日数据范围，可能不准，请核对节假日安排",
    IntakeProblemCode.BUNDLE_MISMATCH: "核对单不属于“{name}”",
    IntakeProblemCode.ANSWER_UNKNOWN: "指南中没有这个情形选项：{subject}",
    IntakeProblemCode.SITUATION_UNANSWERED: "尚未确认情形：{name}",
    IntakeProblemCode.MATERIAL_NOT_IN_LIST: "材料不在所选情形的清单中：{subject}",
    IntakeProblemCode.MATERIAL_UNACCOUNTED: "尚未核对：{name}",
    IntakeProblemCode.DEFECT_NOTE_MISSING: "“{name}”不符合要求，须写明问题所在",
    IntakeProblemCode.MEDIUM_MISSING: "“{name}”须注明收取的是纸质材料还是电子材料",
    IntakeProblemCode.MEDIUM_NOT_ACCEPTED: "“{name}”的材料形式不符合指南要求",
    IntakeProblemCode.COUNT_TOO_LOW: "“{name}”的原件或复印件份数少于指南要求",
}


def intake_reason(code: ReasonCode | IntakeProblemCode, subject: str = "", name: str = "") -> str:
    """One reason of an intake decision (or one checklist problem) as the clerk reads it."""
    return INTAKE_REASON[code].format(subject=subject, name=name or subject)


# --- workbook (counter.catalog.workbook) ----------------------------------------------
# A workbook problem's file is "catalog.xlsx › 材料 第7行"; row 2 of every sheet says in
# Chinese what each column holds, with the codes a code column accepts.
# WORKBOOK_RULE_TEXT words UNREADABLE and SYNTAX for a workbook, where RULE_TEXT speaks of
# TOML and UTF-8.

WORKBOOK_ROW = "{file} › {sheet} 第{row}行"
WORKBOOK_RULE_TEXT: dict[Rule, str] = {
    Rule.UNREADABLE: "工作簿无法读取：{detail}",
    Rule.SYNTAX: "工作簿格式不对：{detail}",
}
WORKBOOK_NOT_A_WORKBOOK = "不是可以打开的 .xlsx 工作簿（{error}）"
WORKBOOK_MISSING_SHEET = "缺少工作表“{sheet}”"
WORKBOOK_UNKNOWN_SHEET = "工作表“{sheet}”不属于目录工作簿，其中的内容没有读取"
WORKBOOK_MISSING_COLUMN = "第1行缺少列“{key}”，本工作表的数据无法归属，没有读取"
WORKBOOK_DUPLICATE_COLUMN = "第1行的列“{key}”出现了不止一次，只读取第一列"
WORKBOOK_UNNAMED_COLUMN = "第{column}列第1行没有列名，但下面填有内容，没有读取"
WORKBOOK_DROPPED_CHARACTERS = "含有工作簿无法保存的控制字符，导出时已删去"
WORKBOOK_CUT = "超过单元格上限{limit}个字符，导出时已截断"
WORKBOOK_CHOICE_TITLE = "不在下拉列表中"
WORKBOOK_CHOICE_ERROR = "请从下拉列表中选择；代码含义见第2行"


def _choices(pairs: list[tuple[str, str]]) -> str:
    return " / ".join(f"{code} {label}" for code, label in pairs)


_UNIT_CHOICES = "working_day 工作日 / calendar_day 自然日"
_FLAG_CHOICES = "是 / 否"

WORKBOOK_HEADERS: dict[str, dict[str, str]] = {
    "bundles": {
        "code": "一件事编码（不超过24个字符；以“示例”开头的是示例，不导入）",
        "number": "清单序号",
        "name": "一件事名称",
        "status": "发布状态（published 已发布 / unpublished 未发布）",
        "sample": f"样例指南（{_FLAG_CHOICES}）",
        "keywords": "检索词（每行一个）",
        "summary": "简介",
        "conditions": "受理条件（每行一条）",
        "forms": "办理形式（每行一种）",
        "address_street": "办理地点：街道",
        "address_number": "办理地点：门牌号",
        "address_room": "办理地点：楼层房间",
        "address_desk_no": "办理地点：窗口号",
        "consult_phone": "咨询电话",
        "complaint_phone": "监督投诉电话",
        "visits": "到办事现场次数",
        "visits_reason": "到办事现场的原因（次数大于0时必填）",
        "promised_limit_value": "承诺办结时限（天数）",
        "promised_limit_unit": f"承诺办结时限单位（{_UNIT_CHOICES}）",
        "result": "办理结果",
    },
    "items": {
        "bundle": "所属一件事编码",
        "code": "实施编码（不超过24个字符）",
        "basic_code": "基本编码（不超过10个字符）",
        "name": "事项名称",
        "sub_item": "子项名称（无子项时同事项名称）",
        "type": f"事项类型（{_choices(list(ITEM_TYPE.items()))}）",
        "case_kind": f"办件类型（{_choices(list(CASE_KIND.items()))}）",
        "department": "实施主体",
        "legal_basis": "设定依据",
        "conditions": "受理条件（每行一条）",
        "legal_limit_value": "法定办结时限（天数）",
        "legal_limit_unit": f"法定办结时限单位（{_UNIT_CHOICES}）",
        "promised_limit_value": "承诺办结时限（天数，不超过法定时限）",
        "promised_limit_unit": f"承诺办结时限单位（{_UNIT_CHOICES}）",
        "fee_amount": "收费标准（元；不收费填0）",
        "fee_basis": "收费依据",
        "result": "办理结果",
    },
    "situations": {
        "bundle": "所属一件事编码",
        "situation": "情形编码（同一情形的各选项各占一行）",
        "question": "情形问题（写在该情形的第一行即可）",
        "option": "选项编码",
        "label": "选项名称",
    },
    "materials": {
        "bundle": "所属一件事编码",
        "code": "材料编码（本一件事内不重复）",
        "name": "材料名称（不得使用“其他”“有关”“等材料”等兜底表述）",
        "items": "服务的事项（实施编码，每行一个）",
        "when": "适用情形（情形编码.选项编码，每行一个；空白表示所有情形）",
        "kind": f"材料类型（{_choices(list(MATERIAL_KIND.items()))}）",
        "copy_form": f"原件或复印件（{_choices(list(COPY_FORM.items()))}）",
        "medium": f"材料形式（{_choices(list(MEDIUM.items()))}）",
        "originals": "原件份数",
        "copies": "复印件份数",
        "paper_size": "纸质规格（A4 / A3；仅电子材料留空）",
        "source": f"来源渠道（{_choices(list(SOURCE.items()))}）",
        "issuer": "出具单位",
        "necessity": f"必要性（{_choices(list(NECESSITY.items()))}）",
        "legal_basis": "依据",
        "requirement": "材料要求（印在补正通知书上）",
        "shared": f"通过信息共享获取（{_FLAG_CHOICES}）",
        "blank_form": "空白表格（表格类材料）",
        "sample_form": "示范样表（表格类材料）",
        "deferral_limit_value": "容缺补交时限（天数）",
        "deferral_limit_unit": f"容缺补交时限单位（{_UNIT_CHOICES}）",
        "intermediary": "中介机构类别（中介出具的材料）",
    },
    "hours": {
        "bundle": "所属一件事编码",
        "days": "办理日（如 星期一至星期五）",
        "periods": "办理时段（每行一段，如 08:30-11:30）",
        "note": "备注（如 法定节假日除外）",
    },
    "steps": {
        "bundle": "所属一件事编码",
        "name": "环节名称",
        "limit_value": "环节办理时限（天数）",
        "limit_unit": f"环节办理时限单位（{_UNIT_CHOICES}）",
        "result": "环节办理结果",
        "description": "环节说明",
    },
    "intermediaries": {
        "bundle": "所属一件事编码",
        "item": "所属事项的实施编码",
        "name": "中介服务名称",
        "basis": "设定依据",
    },
}

WORKBOOK_NOTES: tuple[str, ...] = (
    "一件事目录工作簿：填写后用 counter catalog import 文件.xlsx 导入，导入前先检查，全部无误才导入。",
    "各工作表第1行是列名（英文，请勿改动），第2行是中文说明，数据从第3行开始。",
    "“一件事”表每行一个一件事；其他各表用第一列“所属一件事编码”（bundle）挂到同一编码的一件事下。",
    "一件事编码以“示例”开头的行是示例（黄色底），导入时跳过；可以照着填写，也可以删除。",
    "列表（受理条件、检索词、办理形式、办理时段、服务的事项、适用情形）在一个单元格内每行写一项（Alt+Enter 换行）。",
    "时限分两列：天数和单位，单位填 working_day（工作日）或 calendar_day（自然日），不得只写天数。",
    "“是/否”列填“是”或“否”，也可以填 true / false。",
    "代码列（单位、类型、必要性等）从下拉列表选择，代码含义见第2行。",
    "“情形”表每个选项一行，同一情形的各行情形编码相同；“中介服务”表用“所属事项的实施编码”挂到事项下。",
    "本“说明”工作表不导入。",
)


# --- cases (counter.case) ------------------------------------------------------------

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


# --- case page (counter.ui.cases) ----------------------------------------------------

CASE_NOT_FOUND = "未找到办件：{case_no}"
CASE_OPEN_TITLE = "查找办件"
CASE_PAGE_TITLE = "办件 {case_no}（{status}）"
CASE_READ_FAILED = "无法读取办件：数据库暂时不能访问，请稍后重试（{error}）"
CASE_SAVE_FAILED = "没有保存：数据库暂时不能写入，办件未作任何改动，填写的内容仍在，请稍后重试（{error}）"
CASE_MOVED_MEANWHILE = "该办件刚被其他窗口处理过，现在的状态是“{status}”，页面已刷新，请核对后再操作"
CASE_GUIDE_VERSION = "指南第{version}版"
CASE_SUBTITLE = "{bundle}　{code} · {version}　　收件结果：{outcome}"
CASE_DESK = "{desk_no}号窗口"
CASE_SHOW_FULL_ID = "显示完整号码"
CASE_HIDE_FULL_ID = "隐藏完整号码"
CASE_BEYOND_DATA = "注意：期限超出节假日数据范围，按周六、周日休息推算，请核对"
CASE_OVERDUE = "容缺材料已逾期{days}天（补交期限{due}），须由负责人作出不予批准或延长期限的决定"
CASE_DUE = "容缺材料须在{due}前补交"
CASE_FIELD = {
    "bundle": "一件事",
    "received_at": "收件窗口",
    "answers": "办理情形",
    "applicant": "申请人",
    "applicant_id": "证件号码",
    "applicant_phone": "联系电话",
    "applicant_address": "地址",
    "legal_rep": "法定代表人",
    "agent": "代办人",
    "agent_id": "代办人证件号码",
    "agent_authorisation": "授权委托",
    "delivery": "送达方式",
    "delivery_address": "送达地址",
    "notify_phone": "通知电话",
    "received_on": "收件日期",
    "accepted_on": "受理日期",
    "promised_on": "承诺办结日期",
    "correction_due": "补正期限",
    "notify_due": "补正告知期限",
    "refusal_ground": "不予受理理由",
    "turn_to": "请向以下机关申请",
    "denial_reason": "不予批准理由",
    "previous_case": "补正前办件",
    "later_case": "补正后重新提交",
}
CASE_MATERIALS = "申请材料"
CASE_HISTORY = "经办记录"
CASE_MATERIAL_COLUMNS = ("材料名称", "收取情况", "原件", "复印件", "形式", "问题说明", "容缺补交期限", "补交日期")
CASE_HISTORY_COLUMNS = ("时间", "窗口", "工作人员", "经办事项", "说明")
CASE_DEFERRED_OPEN = "容缺后补，待补交"
CASE_DEFERRED_OVERDUE = "容缺后补，已逾期"
CASE_DEFERRED_ARRIVED = "容缺后补，已补交"
CASE_DEFERRED_NEVER = "容缺后补，未补交"
CASE_EXTENDED_NOTE = "新期限{due}：{reason}"
CASE_SUPERVISOR = "负责人决定："
CASE_ACTION = {
    CaseEvent.DEFERRED_ARRIVED: "补交容缺材料",
    CaseEvent.SENT_TO_APPROVAL: "转入审批",
    CaseEvent.COMPLETED: "办结",
    CaseEvent.DELIVERED: "送达",
    CaseEvent.RESUBMITTED: "重新提交（补正后）",
    CaseEvent.WITHDRAWN: "撤回",
    CaseEvent.DEFERRAL_EXTENDED: "延长期限",
    CaseEvent.DENIED: "不予批准",
    CaseEvent.VOIDED: "作废",
}
CASE_FORM_TITLE = {
    CaseEvent.DEFERRED_ARRIVED: "勾选申请人本次补交、经核对符合要求的容缺材料：",
    CaseEvent.SENT_TO_APPROVAL: "将办件转入后台审批。",
    CaseEvent.COMPLETED: "办件已办结，结果待申请人领取或送达。",
    CaseEvent.DELIVERED: "办理结果已交给申请人（或已寄出、已电子送达）。",
    CaseEvent.WITHDRAWN: "申请人撤回申请：请写明撤回的理由。",
    CaseEvent.DEFERRAL_EXTENDED: "延长容缺补交期限（如不可抗力）：新的期限和理由都要填写。",
    CaseEvent.DENIED: "不予批准：理由将记入经办记录和不予批准决定书，请写清楚。",
    CaseEvent.VOIDED: "作废误录的办件：办件不会删除，作废理由记入经办记录和审计日志。",
}
CASE_FORM_REASON = "理由："
CASE_FORM_NOTE = "备注（可不填）："
CASE_FORM_DATE = "新的补交期限："
CASE_FORM_DUE = "（期限{due}）"
CASE_FORM_CONFIRM = "确认{action}"
CASE_FORM_CANCEL = "取消"
CASE_REASON_HINT = {
    CaseEvent.WITHDRAWN: "例如：申请人书面申请撤回",
    CaseEvent.DEFERRAL_EXTENDED: "例如：因疫情防控，医院暂停办理健康证明",
    CaseEvent.DENIED: "例如：容缺材料逾期未补交",
    CaseEvent.VOIDED: "例如：重复录入，正确的办件为……",
}
# Keys are the values of counter.ui.cases.rules.FormProblem.
CASE_FORM_PROBLEM = {
    "nothing_ticked": "请至少勾选一项已补交的材料",
    "reason_missing": "请填写理由",
    "date_missing": "请填写新的补交期限",
    "date_not_after_today": "新的补交期限须晚于今天",
    "date_not_later": "新的补交期限须晚于原定期限",
}
CASE_DONE_PARTLY = "已登记补交：{arrived}。仍待补交：{open}"
CASE_DONE_COMPLETE = "容缺材料已全部补齐，办件已转入审批中"
CASE_DONE_EXTENDED = "容缺补交期限已延长至{due}"
CASE_DONE_MOVED = "已办理：{action}。办件状态：{status}"
CASE_LIST_TODAY = "今日本窗口"
CASE_LIST_DUE = "容缺到期"
CASE_LIST_DUE_COUNT = "容缺到期（{count}）"
CASE_LIST_REFRESH = "刷新"
CASE_LIST_TODAY_SUMMARY = "{day}　{desk}：共{count}件。双击或按回车打开办件"
CASE_LIST_DUE_SUMMARY = (
    "截至{last_day}（今后两个工作日内）到期和已逾期的容缺办件：共{count}件，其中已逾期{overdue}件。双击或按回车打开办件"
)
CASE_LIST_TODAY_COLUMNS = ("办件编号", "状态", "一件事", "申请人", "容缺补交期限")
CASE_LIST_DUE_COLUMNS = ("办件编号", "补交期限", "逾期/剩余", "申请人", "一件事", "收件日期", "收件窗口")
CASE_LIST_OVERDUE_DAYS = "已逾期{days}天"
CASE_LIST_DUE_TODAY = "今天到期"
CASE_LIST_DAYS_LEFT = "还剩{days}个工作日"
CASE_LIST_READ_FAILED = "无法读取办件列表：数据库暂时不能访问，请稍后点“刷新”重试（{error}）"


# --- intake panel (counter.ui.intake) ---------------------------------------------
# Dictionaries keyed by a domain code use the code's string value (PartyField,
# DraftProblemCode, Receipt): a StrEnum member finds its entry, and this section
# needs no import of its own.  Templates in {braces} are filled by the panel.

INTAKE_WINDOW_TITLE = "受理：{bundle}"
INTAKE_GUIDE_VERSION = "指南第 {version} 版"
INTAKE_DAY = "受理日期：{date}　{desk}号窗口　{clerk}"
INTAKE_RESUBMISSION = "补正后重新提交，原办件：{case_no}"
INTAKE_APPLICANT = "申请人"
INTAKE_NAME = {"person": "姓名", "company": "名称"}
INTAKE_ID_NO = {"person": "身份证号", "company": "统一社会信用代码"}
INTAKE_PHONE = "电话"
INTAKE_ADDRESS = {"person": "地址", "company": "住所"}
INTAKE_LEGAL_REP = "法定代表人"
INTAKE_AUTOFILLED = "已按以往办件自动填写"
INTAKE_ID_OK = "号码有效"
INTAKE_AGENT = "委托代办人办理"
INTAKE_AGENT_NAME = "代办人姓名"
INTAKE_AGENT_ID = "代办人身份证号"
INTAKE_AGENT_AUTHORISATION = "授权委托书"
INTAKE_AGENT_AUTHORISATION_HINT = "如：2025年3月6日签署，委托办理设立登记和食品经营许可"
INTAKE_DELIVERY = "结果送达"
INTAKE_DELIVERY_ADDRESS = "邮寄地址"
INTAKE_NOTIFY_PHONE = "短信通知电话"
INTAKE_NOTIFY_PHONE_HINT = "同申请人电话 {phone}"
INTAKE_NOTIFY_PHONE_EMPTY = "同申请人电话"
INTAKE_SITUATIONS = "办理情形"
INTAKE_MATERIALS = "申请材料核对"
INTAKE_ALL_RECEIVED = "全部已收取"
INTAKE_ALL_RECEIVED_TIP = "把所有未核对的材料记为已收取（按指南份数）；共享材料仍须逐项确认"
INTAKE_PENDING = "还有 {count} 项未核对"
INTAKE_NONE_PENDING = "材料已全部核对"
INTAKE_KEYS_HINT = "选中一行：1 已收取　2 有缺陷　3 未提交　4 共享已确认　空格 切换已收取"
INTAKE_RECEIPT_BUTTON = {
    "received": "已收取",
    "defective": "有缺陷",
    "missing": "未提交",
    "shared_confirmed": "共享已确认",
}
INTAKE_TAG_SHARED = "免提交"
INTAKE_ORIGINALS = "原件"
INTAKE_COPIES = "复印件"
INTAKE_GUIDE_COUNT = "指南：原件{originals}份 复印件{copies}份"
INTAKE_DEFECT_HINT = "写明问题所在（印在补正通知书上）"
INTAKE_OUTCOME = "受理结果"
INTAKE_UNDECIDED = "未完成"
INTAKE_PROMISED = "承诺办结日期：{date}"
INTAKE_DEFERRED_DUE = "容缺材料到期日 {date}：{name}"
INTAKE_CORRECTION_DUE = "补正期限：{date}"
INTAKE_NOTIFY_BY = "书面告知不晚于：{date}"
INTAKE_BEYOND_CALENDAR = "⚠ 日期超出节假日数据范围，按周六、周日休息推算，打印前请核对"
INTAKE_DEFERRAL = "容缺受理"
INTAKE_DEFERRAL_ASKED = "申请人申请容缺受理"
INTAKE_DEFERRAL_CREDIT = "已核实无不良信用记录"
INTAKE_DEFERRAL_PLEDGE = "已签署承诺书"
INTAKE_REFUSE = "不予受理"
INTAKE_REFUSAL_GROUND = {
    "no_licence_needed": "依法不需要取得行政许可（第一项）",
    "not_in_remit": "不属于本机关职权范围（第二项）",
}
INTAKE_TURN_TO = "请向"
INTAKE_TURN_TO_AFTER = "申请"
INTAKE_TURN_TO_HINT = "有权受理的行政机关"
INTAKE_COMMIT = "办结受理 (Ctrl+Enter)"
INTAKE_CANCEL = "放弃本次受理"
INTAKE_CANCEL_CONFIRM = "确认放弃？再按一次"
INTAKE_TAKEN = "办件已登记，办件编号："
INTAKE_CLOSE = "关闭"
INTAKE_PARTY_HEADING = "申请人信息还需完善："
INTAKE_PARTY_PROBLEM = "{field}：{problem}"
INTAKE_PARTY_FIELD = {
    "applicant_name": "申请人姓名或名称",
    "applicant_id": "申请人证件号码",
    "legal_rep": "法定代表人",
    "phone": "电话",
    "agent_name": "代办人姓名",
    "agent_id": "代办人身份证号",
    "agent_authorisation": "授权委托书",
    "delivery_address": "邮寄地址",
}
INTAKE_NOT_POSSIBLE = "还不能办结，请先处理以下问题："
INTAKE_NOT_POSSIBLE_DETAIL = "其他原因：{detail}"
# IntakeNotPossible.detail is the action's own sentence; the ones a clerk can meet, in words
INTAKE_NOT_POSSIBLE_DETAILS = {
    "previous case is of another bundle": "原办件办理的不是同一件事，不能作为本件的补正前办件",
}
INTAKE_PREVIOUS_NOT_FOUND = "原办件 {case_no} 不存在，请核对办件编号"
INTAKE_CONNECTION_LOST = (
    "与数据库的连接中断，本次受理尚未保存。表单内容都在，请不要关闭窗口；连接恢复后将自动重新提交。"
)
INTAKE_CONNECTION_RETRYING = "（正在重试，第{attempts}次）"
INTAKE_CONNECTION_BACK = "连接已恢复，正在重新提交……"
# Keys are the values of counter.db.faults.DbFault: why the database refused, in the clerk's words.
DB_FAULT = {
    "disk_full": "磁盘空间已满，数据库无法写入。请联系运维人员清理磁盘",
    "read_only": "数据库文件是只读的（权限或存储介质的问题），无法写入。请联系运维人员",
    "busy": "数据库正被其他窗口长时间占用，请稍后再试",
    "damaged": "数据库文件已损坏。请立即联系运维人员，用最近的备份恢复（counter restore）",
    "unreachable": "无法连接数据库",
    "other": "数据库暂时无法写入（{error}）",
}
INTAKE_DB_FAULT = "{fault}。本次受理没有保存，表单内容和草稿都已保留，问题排除后请再按“办结受理”。"
INTAKE_PREVIEW_FAILED = "暂时无法计算受理结果（{error}），表单内容已保留"
INTAKE_DRAFT_SAVED = "草稿已保存 {time}"
INTAKE_DRAFT_SAVE_FAILED = "草稿未能保存（{error}），请暂勿关闭窗口"
INTAKE_DRAFT_OFFER = "上次未完成的受理（保存于 {time}）：{bundle}{applicant}"
INTAKE_DRAFT_RESTORE = "恢复"
INTAKE_DRAFT_DISCARD = "放弃"
INTAKE_DRAFT_DISCARDED = "上次未完成的受理草稿无法恢复，已丢弃：{reason}"
INTAKE_DRAFT_PROBLEM = {
    "not_json": "草稿内容已损坏",
    "wrong_format": "草稿由其他版本的程序保存",
    "wrong_shape": "草稿缺少或写错了“{detail}”",
    "not_this_guide": "草稿与所依据的指南版本不符",
    "guide_missing": "草稿所依据的指南版本已不存在",
}


# --- documents (counter.documents) ----------------------------------------------------
# The printed documents (domain §3-§5).  Tables keyed by a str are keyed by the values of
# counter.documents.kinds.DocumentKind / DocumentProblem (StrEnums, so the members look
# themselves up); tests/documents check every member has its text.  Templates take:
# {name} a person or body, {bundle} the bundle's name, {received}/{date}/{accepted} a
# date in words (DOC_DATE), {case_no} the case number, {place} an address with the window.

DOC_TITLE: dict[str, str] = {
    "receipt": "受理凭证",
    "deferral": "容缺受理通知书",
    "pledge": "容缺受理承诺书",
    "correction": "补齐补正通知书",
    "refusal": "不予受理通知书",
    "denial": "不予批准决定书",
    "guide_notice": "一次性告知单",
}
DOC_NOUN: dict[str, str] = {
    "receipt": "凭证",
    "deferral": "通知书",
    "pledge": "承诺书",
    "correction": "通知书",
    "refusal": "通知书",
    "denial": "决定书",
    "guide_notice": "告知单",
}
DOC_PROBLEM: dict[str, str] = {
    "needs_no_case": "一次性告知单按办事指南打印，不属于某个办件",
    "not_accepted": "该办件未受理，不能出具受理凭证",
    "not_deferred": "该办件不是容缺受理，不能出具容缺受理通知书或承诺书",
    "no_deferred_materials": "该办件没有容缺后补的材料",
    "not_correction": "该办件不是补正，不能出具补齐补正通知书",
    "nothing_to_correct": "该办件没有需要补齐补正的材料",
    "not_refused": "该办件不是不予受理，不能出具不予受理通知书",
    "not_denied": "该办件未作出不予批准决定（或缺少理由），不能出具不予批准决定书",
    "bundle_mismatch": "所给办事指南不是该办件受理时的一件事",
    "doc_no_invalid": "文书编号为空或超过30个字符",
    "issued_before_received": "文书日期早于收件日期",
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
DOC_PROMISED = "承诺办结日期"
DOC_PROMISED_VALUE = "{date}前办结（承诺时限{limit}，自受理之日起按工作日计算）"
DOC_PROMISED_DATE_ONLY = "{date}前办结"
DOC_DELIVERY = "取件方式"
DOC_DELIVERY_PICKUP = "窗口领取：{place}"
DOC_DELIVERY_POST = "邮寄送达（免费）：{address}"
DOC_DELIVERY_ELECTRONIC = "电子送达：办结后发送至申请人预留的联系方式"
DOC_PROGRESS = "进度查询"
DOC_PROGRESS_VALUE = "扫码或拨打{phone}"
DOC_COMPLAINT = "投诉电话"
DOC_RECEIPT_NOTES = (
    "请妥善保管本凭证，领取结果时出示本凭证和身份证件；办理进度和结果将以短信告知。",
    "欢迎您在窗口评价器上对本次服务作出评价，也可以扫描本页二维码评价。",
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
DOC_DEFERRAL_LATE = (
    "逾期未补交，或者补交的材料仍不符合要求的，本机关将依法作出不予批准决定，由此产生的后果由申请人承担。"
    "因不可抗力不能按期补交的，请在期限届满前向本机关说明情况，申请延长补交期限。"
)
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
)
DOC_NUMERALS = "一二三四五六七八九十"
DOC_NUMBERED_CN = "{numeral}、"
DOC_NUMBERED = "{number}. "
DOC_PLEDGE_SIGNER = {"person": "承诺人（签字）", "company": "法定代表人（签字）"}
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
DOC_RIGHTS = (
    "如对本决定不服，可以自收到本决定之日起六十日内向{review_body}申请行政复议，或者六个月内向{court}提起行政诉讼。"
)
DOC_DENIAL_INTRO = "{you}于{received}申请办理的“{bundle}”，本机关已于{accepted}受理。经审查，本机关决定不予批准。"
DOC_DENIAL_BASIS = (
    "依照《中华人民共和国行政许可法》第三十八条第二款的规定，书面告知不予批准的理由，"
    "并告知{you}享有依法申请行政复议或者提起行政诉讼的权利。"
)
DOC_H_OVERDUE = "逾期未补齐的容缺材料"
DOC_CONTACT = "联系方式"
DOC_CONTACT_VALUE = "{office}（{address}），电话{phone}"

# 一次性告知单
DOC_GUIDE_INTRO = (
    "你好！你咨询的“{bundle}”的办理要求如下。本单一次性告知办理本事项需要的全部材料，窗口不要求提交清单以外的材料。"
)
DOC_H_CONDITIONS = "受理条件"
DOC_H_ITEMS = "包含事项和办理时限"
DOC_COL_ITEM = "事项名称"
DOC_COL_DEPARTMENT = "实施主体"
DOC_COL_LEGAL = "法定时限"
DOC_COL_PROMISED = "承诺时限"
DOC_COL_FEE = "收费"
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


# --- ratings (counter.ratings) ----------------------------------------------------
# Keyed by the enums' values (StrEnum members look themselves up by value).

RATING_LEVEL = {
    "very_satisfied": "非常满意",
    "satisfied": "满意",
    "basically_satisfied": "基本满意",
    "dissatisfied": "不满意",
    "very_dissatisfied": "非常不满意",
}
RATING_REASON = {
    "long_processing": "办理时间长",
    "poor_attitude": "服务态度差",
    "poor_environment": "办理环境差",
    "complex_process": "流程太复杂",
    "long_wait": "等待时间长",
    "other": "其他",
}
RATING_CHANNEL = {
    "pc": "PC端",
    "mobile": "移动端",
    "qr_code": "二维码",
    "hall_tablet": "政务大厅平板电脑",
    "other_terminal": "其他终端",
    "phone": "电话",
    "sms": "短信",
}
RATING_DESK_STATUS = {"pending": "评价中", "rated": "已评价", "unrated": "未评价"}
RATING_REFUSAL = {
    "no_case": "未找到办件 {case_no}，不能发送评价",
    "pending": "办件 {case_no} 正在评价中，请等申请人评价完毕",
    "already_rated": "办件 {case_no} 已评价过。现场服务一次一评，不能再次发送",
    "already_unrated": "办件 {case_no} 已发送过评价，申请人未评价。现场服务一次一评，不能再次发送",
    "follow_up_done": "办件 {case_no} 的整改后再评价已发送过，不能再次发送",
    "no_request": "没有这项评价请求",
    "request_closed": "办件 {case_no} 的这次评价已结束，不能再记录",
}
RATING_CHOICE_PROBLEM = {
    "reason_required": "请至少选择一项不满意的原因",
    "reason_not_offered": "所选原因不在本单位的原因列表中",
    "reason_not_asked": "满意的评价不需要选择原因",
    "comment_too_long": "文字评价不能超过300字",
}
RECT_STATE = {
    "awaiting_revisit": "待回访",
    "verifying": "核实中",
    "fix_at_once": "立行立改",
    "fix_by_deadline": "限期整改",
    "explained": "解释说明",
    "fed_back": "已反馈",
    "voided": "已撤销（申诉成立）",
}
RECT_EVENT = {
    "opened": "差评，自动生成整改",
    "revisited": "回访核实",
    "fix_at_once": "立行立改",
    "fix_by_deadline": "限期整改",
    "explained": "解释说明",
    "fed_back": "反馈评价人",
    "note": "备注",
    "voided": "申诉成立，撤销评价",
}
RECT_MOVE_PROBLEM = {
    "not_allowed": "当前状态下不能这样处理",
    "note_required": "请填写回访、核实、整改或反馈的情况",
    "note_too_long": "说明不能超过1000字",
    "fix_due_required": "限期整改请填写整改期限",
    "fix_due_past": "整改期限不能早于今天",
    "who_required": "请填写经办人姓名",
}
APPEAL_GROUND = {"mistaken": "误评（评价人误操作或评错办件）", "malicious": "恶意评价（与服务无关或恶意攻击）"}
APPEAL_PROBLEM = {
    "reason_required": "请填写申诉复核的理由",
    "reason_too_short": "理由太简单，请写明核实的情况",
    "who_required": "请填写复核人姓名",
    "already_excluded": "该评价已经申诉成立并撤销",
}
RATING_SETTING_PROBLEM = {
    "unreadable": "设置“{key}”的值无法读取（{detail}），已按默认值使用",
    "timeout_range": "评价等待时间应在15至600秒之间（现为{detail}秒）",
    "period_range": "整改期限应在1至60天之间（现为{detail}天）",
    "too_many_reasons": "不满意原因最多9项（现为{detail}项）",
    "reason_empty": "不满意原因不能为空",
    "reason_too_long": "不满意原因“{detail}”太长，最多10个字",
    "reason_repeated": "不满意原因“{detail}”重复",
    "idle_text_too_long": "评价器待机公告最多400字",
}
RATING_GROUPING = {"day": "按日", "desk": "按窗口", "clerk": "按工作人员", "bundle": "按一件事"}


def percent_text(value: float | None) -> str:
    """A rate as the figures show it: one decimal, "—" when there is nothing to divide."""
    return "—" if value is None else f"{value * 100:.1f}%"


# the review pad (counter.ui.pad), seen by the applicant
PAD_WINDOW_TITLE = "评价器"
PAD_WELCOME = "欢迎来到{office}"
PAD_IDLE_DEFAULT = "一件事一次办，办事更省心。\n办理完成后，请您对我们的服务作出评价。"
PAD_DESK = "{desk_no}号窗口"
PAD_CLERK = "工作人员：{clerk}"
PAD_STAFF_NO = "工号：{staff_no}"
PAD_BUNDLE = "办理事项：{bundle}"
PAD_APPLICANT = "申请人：{name}"
PAD_QUESTION = "请您对本次服务作出评价"
PAD_TAP_HINT = "轻触一个表情即可完成评价"
PAD_FOLLOW_UP_QUESTION = "我们已对您反映的问题进行整改，请您再次评价"
PAD_REASONS_QUESTION = "请告诉我们哪里让您不满意（可选多项）"
PAD_COMMENT_HINT = "还想说点什么？可以不填"
PAD_SUBMIT = "提交评价"
PAD_BACK = "重新选择"
PAD_THANKS = "感谢您的评价！"
PAD_THANKS_GOOD = "祝您生活愉快"
PAD_THANKS_BAD = "我们会认真核实整改，并向您反馈结果"
PAD_SAVE_FAILED = "评价暂时没能保存，请告诉窗口工作人员"

# the desk side
DESK_RATING_STATUS = "好差评：{status}"
DESK_RATING_NONE = "好差评：办结后按 F9 请申请人评价"
DESK_RATING_CASE = "{status}（办件 {case_no}）"
DESK_RATING_PAD_BUSY = "评价器正在评价办件 {case_no}，请稍候"
DESK_RATING_FAILED = "评价请求没有发出：数据库暂时不能访问（{error}）"
DESK_RATING_ALERT = "新的差评待整改：办件 {case_no}（{desk_no}号窗口），须在{due}前核实整改"

# the supervisor's page (督办)
SUPERVISE_TITLE = "督办：好差评整改"
SUPERVISE_ALERTS = "新差评 {count} 条"
SUPERVISE_EMPTY = "目前没有待整改的差评"
SUPERVISE_COLUMNS = ("办件编号", "一件事", "窗口", "工作人员", "评价", "评价时间", "状态", "整改期限", "剩余")
SUPERVISE_OVERDUE = "已逾期{days}天"
SUPERVISE_DUE_TODAY = "今天到期"
SUPERVISE_DAYS_LEFT = "还剩{days}天"
SUPERVISE_REFRESH = "刷新"
SUPERVISE_DETAIL_EMPTY = "在上方选择一条整改，查看详情并处理"
SUPERVISE_RATER = "评价人：{name}　第{round}次评价　评价：{level}"
SUPERVISE_REASONS = "不满意原因：{reasons}"
SUPERVISE_COMMENT = "文字评价：{comment}"
SUPERVISE_NO_COMMENT = "（无文字评价）"
SUPERVISE_HISTORY_COLUMNS = ("时间", "经办人", "处理", "状态", "说明")
SUPERVISE_BY = "经办人："
SUPERVISE_NOTE = "情况说明："
SUPERVISE_FIX_DUE = "限期整改至："
SUPERVISE_NOTE_HINT = "回访、核实、整改或反馈的情况（每一步都要写明）"
SUPERVISE_APPEAL_GROUND = "申诉理由类别："
SUPERVISE_APPEAL_REASON = "复核意见："
SUPERVISE_APPEAL_UPHOLD = "申诉成立，撤销该评价"
SUPERVISE_APPEAL_REJECT = "申诉不成立"
SUPERVISE_APPEAL_TITLE = "申诉复核"
SUPERVISE_APPEALS = "申诉复核：{at}　{by}　{decision}　{reason}"
SUPERVISE_APPEAL_DECISION = {True: "申诉成立，评价已撤销", False: "申诉不成立"}
SUPERVISE_DONE = "已记录：{event}。当前状态：{state}"
SUPERVISE_APPEAL_DONE = "已记录申诉复核：{decision}"
SUPERVISE_SAVE_FAILED = "没有保存：数据库暂时不能写入（{error}），请稍后重试"
SUPERVISE_BEYOND_DATA = "（节假日数据之外，按周末推算）"
SUPERVISE_SYSTEM = "评价器"

# the figures page
RATING_FIGURES_TITLE = "好差评统计"
RATING_FIGURES_FROM = "从"
RATING_FIGURES_TO = "到"
RATING_FIGURES_SHOW = "统计"
RATING_FIGURES_COLUMNS = ("分组", "办件数", "已评价", "好评", "差评", "未评价", "好评率", "未评率", "整改率")
RATING_FIGURES_TOTAL = "合计"
RATING_FIGURES_NOTE = (
    "好评＝非常满意、满意、基本满意；差评＝不满意、非常不满意。好评率＝好评÷有效评价；"
    "未评率＝（超时未评＋未发送评价）÷已结束的服务；整改率＝已反馈的差评÷差评。申诉成立撤销的评价不计入。"
)
RATING_FIGURES_READ_FAILED = "无法读取统计：数据库暂时不能访问（{error}）"

# the command line
RATING_CODING = {
    "gbt39046": "GB/T 39046（1 非常满意 … 5 非常不满意）",
    "interface": "好差评接口（1 非常不满意 … 5 非常满意）",
}
RATINGS_EXPORT_DONE = "共导出 {count} 条评价，满意度编码：{coding}"
RATINGS_EXPORT_BAD_RANGE = "--to 的日期不能早于 --from"
RATINGS_EXPORT_WRITE_FAILED = "无法写入 {path}：{error}"

# the rating settings (评价设置)
RATING_SETTINGS_TITLE = "评价设置"
RATING_SETTINGS_TIMEOUT = "评价等待时间："
RATING_SETTINGS_SECONDS = " 秒"
RATING_SETTINGS_PERIOD = "差评核实整改期限："
RATING_SETTINGS_UNIT = {"working_day": "个工作日", "calendar_day": "天（自然日）"}
RATING_SETTINGS_REASONS = "不满意原因（每行一项，最多9项）："
RATING_SETTINGS_REASONS_HINT = "办理时间长\n服务态度差\n……"
RATING_SETTINGS_IDLE_TEXT = "评价器待机公告："
RATING_SETTINGS_SAVE = "保存设置"
RATING_SETTINGS_SAVED = "设置已保存，各窗口的评价器下次评价时使用新设置"
SUPERVISE_TAB = "差评整改"


# --- printing (counter.printing) -----------------------------------------------------

PRINT_PROBLEM = {
    PrintProblem.NO_CUPS: "本机没有安装打印服务（CUPS），无法打印；可以先保存为 PDF 文件。",
    PrintProblem.NO_PRINTER: "没有选择打印机，本机也没有默认打印机：请选择打印机后重新打印。",
    PrintProblem.PRINTER_MISSING: "打印机“{printer}”不存在或已被删除：请选择其他打印机后重新打印。",
    PrintProblem.PRINTER_STOPPED: "打印机“{printer}”已停止或未开机：请打开打印机后重新打印。",
    PrintProblem.NOT_ACCEPTING: "打印机“{printer}”暂不接受打印任务：请检查打印机后重新打印。",
    PrintProblem.REFUSED: "打印机“{printer}”拒绝了打印任务（{detail}）：请检查后重新打印。",
}
PRINT_CASE_KEPT = "办件已保存，不受打印影响；可随时重新打印。"


def print_problem_text(problem: PrintProblem, printer: str = "", detail: str = "") -> str:
    return PRINT_PROBLEM[problem].format(printer=printer, detail=detail) + PRINT_CASE_KEPT


# --- printing window (counter.ui.printing) --------------------------------------------
# The preview and print window, the 文书 section of the case page, the intake panel's print
# button and 单位信息 (the office settings page).  {title} is a DOC_TITLE, {printer} a CUPS queue.

PRINTING_WINDOW_TITLE = "打印预览 · {titles}"
PRINTING_PRINT = "打印（Ctrl+P）"
PRINTING_RETRY = "继续打印（Ctrl+P）"
PRINTING_BUSY = "正在发送到打印机…"
PRINTING_CHOOSE = "选择打印机…"
PRINTING_SAVE = "另存为 PDF…"
PRINTING_CLOSE = "关闭（Esc）"
PRINTING_NUMBERS = "文书编号：{doc_no}"
PRINTING_CASE_NO = "　　办件编号：{case_no}"
PRINTING_REPRINT = "重打：与首次出具的文书完全相同"
PRINTING_CHECK_DATES = "请核对日期：《{title}》上的日期超出节假日数据范围，按周六、周日休息推算，交给申请人前请核对。"
PRINTING_PRINTER_LINE = "打印机：{printer}"
PRINTING_CONTENT_LINE = "将打印：{titles}（共 {pages} 页）"
PRINTING_DEFAULT_PRINTER = "系统默认打印机"
PRINTING_SENT = "已送打印机“{printer}”：{titles}。"
PRINTING_FAILED = "《{title}》没有打印出来。{problem}"
PRINTING_UNREADABLE = "《{title}》无法预览（PDF 无法读取）：请另存为 PDF 后检查，或联系运维人员。"
PRINTING_NOT_RECORDED = "打印记录没有写入数据库（{error}）：请稍后在办件页面核对打印次数。"
PRINTING_CHOICE_NOT_SAVED = "打印机的选择没有保存到本机设置（{error}）：本窗口仍使用所选打印机。"
PRINTING_SAVE_TITLE = "另存为 PDF"
PRINTING_SAVE_FILTER = "PDF 文件 (*.pdf)"
PRINTING_FILE_NAME = "{number}-{title}.pdf"
PRINTING_SAVED = "《{title}》已保存为 {path}"
PRINTING_SAVE_FAILED = "无法保存到 {path}：{error}"
PRINTING_DB_FAILED = "无法出具文书：数据库暂时不能访问，请稍后重试（{error}）。办件未作任何改动。"
PRINTING_NO_NOTICE = "该办件的受理结果不出具文书。"
PRINTING_GUIDE_UNPUBLISHED = "该事项的办事指南未发布，不能打印一次性告知单。"

# the printer chooser
PRINTING_CHOOSE_TITLE = "选择打印机"
PRINTING_CHOOSE_PROMPT = "本窗口的文书送到哪台打印机？选择后本机记住，以后打印都用它。"
PRINTING_PRINTER_DEFAULT = "默认"
PRINTING_PRINTER_STOPPED = "已停止"
PRINTING_PRINTER_REJECTING = "不接受任务"
PRINTING_PRINTER_GONE = "{printer}（已不存在）"

# the 文书 section of the case page, and the intake panel
PRINTING_CASE_SECTION = "文书"
PRINTING_NO_NOTICES = "尚未出具文书。"
PRINTING_NOTICE_COLUMNS = ("文书", "文书编号", "出具日期", "打印")
PRINTING_NEVER_PRINTED = "未打印"
PRINTING_PRINTS = "{count} 次"
PRINTING_FAILED_PRINTS = "（其中失败 {count} 次）"
PRINTING_MAKE_KIND = "打印{title}"
PRINTING_REPRINT_KIND = "重打{title}"
PRINTING_INTAKE_BUTTON = "打印文书（Ctrl+P）"

# 单位信息 (counter.ui.printing.office_form)
OFFICE_TAB = "单位信息"
OFFICE_SITE = "站点：{site}"
OFFICE_NOTE = (
    "这里的信息印在今后出具的文书上：单位名称、印章、电话、地址，以及告知权利时的复议机关和法院。"
    "已经出具的文书保留出具时的信息，重打时内容不变。"
)
OFFICE_FIELD = {
    "office_name": "单位名称",
    "seal_caption": "印章名称",
    "consult_phone": "咨询电话",
    "complaint_phone": "投诉电话",
    "address": "单位地址",
    "review_body": "行政复议机关",
    "court": "行政诉讼法院",
    "progress_url_base": "进度查询网址（二维码）",
    "online_portal": "网上办事平台",
}
OFFICE_SAVE = "保存单位信息"
OFFICE_SAVED = "已保存：今后新出具的文书使用新的单位信息；已出具的文书重打时不变。"
OFFICE_MISSING = "以下各项不能为空：{fields}"
OFFICE_READ_FAILED = "无法读取单位信息：数据库暂时不能访问（{error}）"
OFFICE_SAVE_FAILED = "没有保存：数据库暂时不能写入，请稍后重试（{error}）"


# --- roles and permissions (counter.access) --------------------------------------------

ROLE = {Role.CLERK: "窗口工作人员", Role.SUPERVISOR: "负责人", Role.ADMIN: "系统管理员"}
PERMISSION = {
    Permission.TAKE_INTAKE: "收件受理和办件经办",
    Permission.PRINT: "出具和打印文书",
    Permission.SEND_TO_PAD: "发送评价",
    Permission.SEE_FULL_ID: "查看完整证件号码",
    Permission.DECIDE_DEFERRAL: "容缺受理的延期和不予批准决定",
    Permission.VOID_CASE: "作废办件",
    Permission.RECTIFY: "差评整改、回访和申诉复核",
    Permission.SEE_FIGURES: "查看统计和导出评价",
    Permission.MANAGE_CATALOG: "导入事项目录",
    Permission.MANAGE_ACCOUNTS: "管理账号",
    Permission.CHANGE_SETTINGS: "修改设置",
    Permission.EDIT_HOLIDAYS: "维护节假日",
    Permission.SYNC: "导出和导入同步数据包",
}
NOT_PERMITTED = "您的账号没有“{permission}”的权限，本次操作未执行。如需办理，请找负责人或系统管理员。"
NOT_SIGNED_IN = "本数据库已启用账号，请先登录再“{permission}”。本次操作未执行。"


def not_permitted(permission: Permission, signed_in: bool) -> str:
    """Why an action was refused, for the clerk: the permission by name, and who can help."""
    template = NOT_PERMITTED if signed_in else NOT_SIGNED_IN
    return template.format(permission=PERMISSION[permission])


# --- accounts and sign-in ---
# Keyed by the codes' values: counter.access.lockout.SignInOutcome,
# counter.access.account_rules.AccountProblem, counter.access.passwords.PasswordProblem.
# Unknown login and wrong password read alike at first, so a login cannot be probed by its message.

SIGN_IN_REFUSAL = {
    "wrong_password": "登录名或密码不正确。再输错 {attempts_left} 次，账号将锁定 {minutes} 分钟。",
    "unknown_login": "登录名或密码不正确。",
    "locked": "密码连续输错次数过多，账号已锁定至 {until}。请到时再试，或请系统管理员重设密码。",
    "disabled": "该账号已停用，不能登录。如有疑问请联系系统管理员。",
}
ACCOUNT_PROBLEM = {
    "login_format": "登录名只能用小写英文字母、数字和 . _ -，以字母或数字开头，2-40 位：{login}",
    "login_taken": "登录名 {login} 已被使用，请换一个",
    "name_missing": "请填写姓名",
    "name_too_long": "姓名不能超过 60 个字",
    "staff_no_too_long": "工号不能超过 20 位",
    "no_role": "请至少选择一个角色",
    "first_not_admin": "第一个账号必须是系统管理员（admin）：其他账号由管理员登录后添加",
    "unknown_login": "没有登录名为 {login} 的账号",
    "last_admin": "{login} 是最后一个可用的系统管理员账号，不能停用：请先添加另一个管理员",
    "already_disabled": "账号 {login} 已经停用",
    "password_too_short": "密码至少 8 位",
    "password_too_long": "密码不能超过 128 位",
    "password_no_letter": "密码须包含字母",
    "password_no_digit": "密码须包含数字",
    "password_is_login": "密码不能与登录名相同",
}
ACCOUNT_PASSWORD_PROMPT = "{login} 的密码："
ACCOUNT_NEW_PASSWORD_PROMPT = "为 {login} 设定密码（至少 8 位，含字母和数字）："
ACCOUNT_REPEAT_PASSWORD_PROMPT = "再输入一次："
ACCOUNT_PASSWORDS_DIFFER = "两次输入的密码不一致，未作任何改动。"
ACCOUNT_NO_PASSWORD = "没有输入密码，未作任何改动。"
ACCOUNT_PASSWORD_STDIN_EMPTY = "--password-stdin：标准输入中没有密码。"
ACCOUNT_ADDED = "已添加账号：{login}"
ACCOUNT_DISABLED = "已停用账号：{login}（记录保留，不能再登录）"
ACCOUNT_PASSWORD_SET = "已重设 {login} 的密码，账号锁定已解除。"
ACCOUNT_COUNT = "共 {count} 个账号。"
ACCOUNT_LINE = "{login}  {name}  工号：{staff_no}  角色：{roles}  {state}  上次登录：{last_login}"
ACCOUNT_STATE_ENABLED = "可用"
ACCOUNT_STATE_DISABLED = "已停用"
ACCOUNT_STATE_LOCKED = "锁定至 {until}"
ACCOUNT_NEVER = "无"
ACCOUNT_ROLE_JOIN = "、"
ACCOUNT_CLI_SIGN_IN_HINT = "命令行请加 --user 登录名（密码取自环境变量 COUNTER_PASSWORD，或按提示输入）。"


def sign_in_refusal_text(outcome: str, attempts_left: int, locked_until: dt.datetime | None, lock_minutes: int) -> str:
    """Why a sign-in was refused; a lock's end in local time."""
    until = f"{locked_until.astimezone():%Y-%m-%d %H:%M}" if locked_until else ""
    return SIGN_IN_REFUSAL[outcome].format(attempts_left=attempts_left, minutes=lock_minutes, until=until)


def account_problem_text(problem: str, login: str = "") -> str:
    return ACCOUNT_PROBLEM[problem].format(login=login)


# --- audit trail ---

AUDIT_ACTION = {
    AuditAction.CASE_TAKEN: "窗口收件",
    AuditAction.CASE_CHANGED: "办件经办",
    AuditAction.CASE_VOIDED: "作废办件",
    AuditAction.DOCUMENT_MADE: "出具文书",
    AuditAction.PRINTED: "打印文书",
    AuditAction.EXPORTED: "导出数据",
    AuditAction.SENT_TO_PAD: "发送评价",
    AuditAction.RATING_DECIDED: "差评整改或申诉复核",
    AuditAction.SIGNED_IN: "登录",
    AuditAction.SIGN_IN_FAILED: "登录失败",
    AuditAction.ACCOUNT_LOCKED: "账号锁定",
    AuditAction.SIGNED_OUT: "退出登录",
    AuditAction.ACCOUNT_ADDED: "新增账号",
    AuditAction.ACCOUNT_CHANGED: "修改账号",
    AuditAction.SETTING_CHANGED: "修改设置",
    AuditAction.HOLIDAYS_CHANGED: "维护节假日",
    AuditAction.CATALOG_IMPORTED: "导入事项目录",
    AuditAction.SCHEMA_UPGRADED: "升级数据库结构",
    AuditAction.SYNC_IMPORTED: "导入同步数据包",
    AuditAction.BACKUP_MADE: "备份数据库",
    AuditAction.BACKUP_RESTORED: "从备份恢复数据库",
}
TRAIL_PROBLEM = {
    TrailProblemCode.EDITED: "记录内容与其哈希值不符：记录被改动过",
    TrailProblemCode.BROKEN_LINK: "记录所接的前一条哈希与前一条记录不符：链条在此断开",
    TrailProblemCode.MISSING_ENTRIES: "记录缺失：被删除",
    TrailProblemCode.DUPLICATE_SEQ: "序号与前一条记录重复",
    TrailProblemCode.WRONG_CHAIN: "记录的站点和窗口与所在的链不符",
    TrailProblemCode.MISSING_TAIL: "链末尾的记录缺失：链头记载的记录比现存的多，末尾记录被删除",
    TrailProblemCode.HEAD_MISMATCH: "链头记载的最后一条哈希与最后一条记录不符",
    TrailProblemCode.PAST_HEAD: "链头记载的最后一条之后还有记录：不是本程序写入的",
    TrailProblemCode.NO_HEAD: "这条链没有链头：无法确认末尾记录是否完整",
    TrailProblemCode.NO_ENTRIES: "链头记载有记录，但这条链的记录全部缺失",
}
AUDIT_WHOLE = "审计日志完整：共 {chains} 条链、{entries} 条记录，逐条校验未发现问题。"
AUDIT_BROKEN = "审计日志有 {count} 个问题（共 {chains} 条链、{entries} 条记录）。请保留数据库文件，并报告系统管理员。"
CASE_VOID_REASON_REQUIRED = "作废办件须写明原因：--reason TEXT"
CASE_VOID_NOT_ALLOWED = "办件 {case_no} 现在的状态是“{status}”，不能作废。"
CASE_VOIDED_DONE = "办件 {case_no} 已作废，原因已记入经办记录和审计日志：{reason}"


def trail_problem_text(problem: TrailProblem) -> str:
    """One problem of the trail: which chain (site-desk), which entry or entries, what is wrong."""
    where = f"第{problem.seq}条" if problem.last == problem.seq else f"第{problem.seq}至{problem.last}条"
    return f"链 {problem.chain} {where}：{TRAIL_PROBLEM[problem.code]}"


# --- sites and keys ---
# Keyed by the codes' values: counter.sync.sites.SiteKind and SiteProblem, counter.sync.keys.KeyProblem.

SITE_KIND = {"hall": "政务服务中心", "township": "苏木乡镇便民服务中心"}
SITE_PROBLEM = {
    "code_format": "站点编码应为 2-12 位大写字母或数字：{code}",
    "name_missing": "请填写站点名称",
    "name_too_long": "站点名称不能超过 100 个字",
    "kind_unknown": "站点类型只能是 hall（政务服务中心）或 township（苏木乡镇便民服务中心）",
    "key_format": "公钥格式不正确：应为 32 字节公钥的 Base64 文本",
    "own_code": "{code} 是本站点自己的编码，不能登记为对方站点",
    "not_a_card": "这不是站点名片文件（counter-site/1）",
    "fingerprint_mismatch": "名片上的指纹与其中的公钥不符：文件可能在传递中被改动，请向对方重新索取名片",
}
KEY_PROBLEM = {
    "missing": "本机没有本站点的签名密钥文件：{path}",
    "unreadable": "无法读取本站点的签名密钥文件：{path}",
    "not_a_key": "{path} 不是可用的签名密钥文件（已损坏或被替换）。请勿删除，先联系系统管理员。",
    "wrong_type": "{path} 中的密钥不是 Ed25519 签名密钥。请勿删除，先联系系统管理员。",
    "other_site": "{path} 中的密钥与本站点登记的公钥不符：请在保存本站点签名密钥的那台电脑上操作。",
}
SITE_SHOW = "站点编码：{code}\n站点名称：{name}\n站点类型：{kind}\n公钥：{public_key}\n公钥指纹：{fingerprint}"
SITE_KEY_HERE = "本机保存有本站点的签名密钥，可以签发数据包。"
SITE_KEY_ELSEWHERE = "本机没有本站点的签名密钥（{path}）：请在保存密钥的那台电脑上导出数据包。"
SITE_INIT_DONE = "已设定本站点："
SITE_KEY_NOTE = (
    "签名密钥保存在 {path}，不进入数据库。密钥不会自动更换：如确需更换，有意删除该文件后重新执行 counter site init，"
    "再把新的站点名片交给各对方站点重新登记。修改了编码或名称的，也请把新名片交给对方站点。"
)
SITE_CARD_WRITTEN = "已写出本站点名片：{path}\n请把名片交给对方站点登记，并通过电话与对方核对公钥指纹：{fingerprint}"
SITE_CARD_WRITE_FAILED = "无法写入 {path}：{error}"
SITE_CARD_READ_FAILED = "无法读取 {path}：{error}"
SITE_CARD_REFUSED = "未登记：站点名片 {path} 有以下问题。"
SITE_REGISTER_CHECK = (
    "对方站点：{code}  {name}（{kind}）\n公钥指纹：{fingerprint}\n请通过电话与对方核对此指纹，一致才能信任其数据包。"
)
SITE_FINGERPRINT_DIFFERS = "未登记：对方告知的指纹 {given} 与名片上的 {fingerprint} 不符。请向对方重新索取名片。"
SITE_REGISTERED = "已登记站点 {code}，今后接受其签名的数据包。"
SITE_REREGISTERED = "已更新站点 {code} 的登记：原公钥（指纹 {old}）已换为名片上的新公钥。"
SITE_REREGISTERED_SAME_KEY = "已更新站点 {code} 的登记，公钥未变。"
SITE_PEER_LINE = "{code}  {name}  {kind}  指纹：{fingerprint}  登记于：{registered_at}"
SITE_PEER_COUNT = "共 {count} 个对方站点。"
SITE_NO_PEERS = "尚未登记任何对方站点：用 counter site register 读入对方的站点名片。"


def site_problem_text(problem: str, code: str = "") -> str:
    return SITE_PROBLEM[problem].format(code=code)


def key_problem_text(problem: str, path: object) -> str:
    """Why the key file at ``path`` cannot sign: which file, and what to do (never delete a damaged key first)."""
    return KEY_PROBLEM[problem].format(path=path)


# --- sync packages ---
# Keyed by the codes' values: counter.sync.package.RejectCode, counter.actions.sync.SyncProblem and HoldReason.

PACKAGE_REJECTED = {
    "not_a_package": "这不是同步数据包文件。",
    "too_new": "该数据包由更新版本的程序写出，本程序无法读取，请先升级程序。",
    "truncated": "数据包不完整（复制或传输中断），请让对方重新导出或重新复制。",
    "bad_header": "数据包的包头已损坏或被改动。",
    "unsigned": "数据包没有签名，不能接受。",
    "unknown_site": "数据包来自未登记的站点：请先读入对方的站点名片并核对公钥指纹。",
    "bad_signature": "数据包签名无效：内容在签名后被改动过，或不是由登记的站点签发。",
    "wrong_destination": "该数据包不是发给本站点的（或方向不对：办件由乡镇发给中心，更新由中心发给乡镇）。",
    "body_mismatch": "数据包内容与签名时不一致：已损坏或被改动。",
    "bad_structure": "数据包内容的格式不正确，无法读取。",
    "number_reused": "对方同一编号的数据包已导入过，但这一份内容不同：请与对方核对。",
}
PACKAGE_REJECTED_TAIL = "整个数据包未导入，本站点数据没有任何改动。"
SYNC_NOT_POSSIBLE = {
    "no_hall": "尚未登记政务服务中心：请先用 counter site register 读入中心的站点名片。",
    "several_halls": "登记了多个政务服务中心（{site}）：请用 --to 指明发给哪一个。",
    "to_site_required": "政务服务中心导出更新时须用 --to 指明发给哪个乡镇便民服务中心。",
    "unknown_peer": "站点 {site} 未登记。",
    "wrong_peer_kind": "站点 {site} 的类型不对：乡镇只向中心导出办件，中心只向乡镇导出更新。",
}
HOLD_REASON = {
    "unknown_guide": "办件所依据的办事指南版本本站点没有：待该版本指南导入后自动补入",
    "case_no_taken": "本站点已有另一个办件使用该办件编号",
    "previous_missing": "该办件所对应的补正前办件尚未收到",
    "document_conflict": "办件的文书编号已被本站点另一个办件使用",
    "other_site": "办件不是由发送数据包的站点受理的",
    "case_unknown": "本站点没有该办件，无法登记其办理进度",
}
SYNC_KEY_UNUSABLE = "无法使用签名密钥 {path}：请在保存本站点签名密钥的那台电脑上导出（counter site show 查看）。"
SYNC_WRITE_FAILED = "无法写入 {path}：{error}。未导出。"
SYNC_READ_FAILED = "无法读取 {path}：{error}"
SYNC_EXPORTED = "已导出第 {export_no} 号数据包（发往 {to_site}，{records} 条记录）：{path}"
SYNC_IMPORTED = (
    "已导入 {from_site} 的第 {export_no} 号数据包：新增或更新 {applied} 条，无变化 {unchanged} 条，待核对 {held} 条。"
)
SYNC_REPLAYED = "{from_site} 的第 {export_no} 号数据包此前已导入，本次没有任何改动。"
SYNC_REVIEW_LINE = "#{id}  {from_site} 第{export_no}号包  {record_type} {record_key}  {reason}  {detail}"
SYNC_REVIEW_COUNT = "共 {count} 条待核对记录。"
SYNC_STATUS_LINES = (
    "本站点：{site_code}（{kind}）\n待上报办件：{pending} 件{since}\n最近导出：{exported}\n最近导入：{imported}\n"
    "待核对记录：{review} 条"
)
SYNC_NEVER = "无"


def package_rejected(code: str) -> str:
    """Why a package was refused, and that nothing of it went in."""
    return f"{PACKAGE_REJECTED[code]}{PACKAGE_REJECTED_TAIL}"


def sync_not_possible(problem: str, site: str = "") -> str:
    return SYNC_NOT_POSSIBLE[problem].format(site=site)


def hold_reason(reason: str) -> str:
    return HOLD_REASON.get(reason, reason)


class _ReviewLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def from_site(self) -> str: ...
    @property
    def export_no(self) -> int: ...
    @property
    def record_type(self) -> str: ...
    @property
    def record_key(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def detail(self) -> str: ...


class _StatusLike(Protocol):
    @property
    def site_code(self) -> str: ...
    @property
    def site_kind(self) -> str: ...
    @property
    def pending_cases(self) -> int: ...
    @property
    def pending_since(self) -> dt.datetime | None: ...
    @property
    def last_export_at(self) -> dt.datetime | None: ...
    @property
    def last_import_at(self) -> dt.datetime | None: ...
    @property
    def review_open(self) -> int: ...


def review_line(item: _ReviewLike) -> str:
    """One review-list item (a counter.actions.sync.ReviewItem) as a line."""
    return SYNC_REVIEW_LINE.format(
        id=item.id, from_site=item.from_site, export_no=item.export_no, record_type=item.record_type,
        record_key=item.record_key, reason=hold_reason(item.reason), detail=item.detail,
    )  # fmt: skip


def _when(value: dt.datetime | None) -> str:
    return SYNC_NEVER if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def sync_status_text(status: _StatusLike) -> str:
    """A counter.actions.sync.SyncStatus as lines."""
    since = status.pending_since
    return SYNC_STATUS_LINES.format(
        site_code=status.site_code,
        kind=SITE_KIND.get(status.site_kind, status.site_kind),
        pending=status.pending_cases,
        since="" if since is None else f"（最早 {_when(since)}）",
        exported=_when(status.last_export_at),
        imported=_when(status.last_import_at),
        review=status.review_open,
    )


# --- backups ---
# RESTORE_PROBLEM is keyed by the values of counter.backup.sqlite_files.RestoreProblem.

BACKUP_DONE = "备份完成，已校验完整：{path}"
BACKUP_FAILED = "备份失败：{reason}。未写入任何备份文件。"
BACKUP_POSTGRESQL = (
    "本机连接的是 PostgreSQL 数据库，请用 PostgreSQL 自带的工具备份和恢复：\n"
    "  备份：{dump}\n"
    "  恢复：{restore}\n"
    "（密码请通过环境变量 PGPASSWORD 或 ~/.pgpass 提供。）"
)
RESTORE_CONFIRM = (
    "将用备份 {file} 替换当前数据库 {database}。\n"
    "当前数据库会先另存在它旁边，不会丢失。确认无误后请加 --yes 再运行；其他窗口须先关闭程序。"
)
RESTORE_DONE = "恢复完成：数据库 {database} 已换成备份 {file}（结构版本 {revision}）。"
RESTORE_KEPT = "原来的数据库已另存为：{kept}"
RESTORE_NOTHING_KEPT = "原来没有数据库文件，无需另存。"
RESTORE_REFUSED = "未恢复，当前数据库没有任何改动：{reason}"
RESTORE_PROBLEM = {
    "missing": "找不到备份文件 {detail}",
    "not_sqlite": "该文件不是 SQLite 数据库文件",
    "not_counter": "该文件不是本程序的数据库",
    "newer": "该备份由更新版本的程序写入（结构版本 {detail}），本程序不能使用，请先升级程序",
    "damaged": "该备份文件已损坏（完整性检查未通过）",
}
RESTORE_FAILED = "恢复失败：{reason}。"
DB_DAMAGED_TITLE = "数据库文件已损坏"
DB_DAMAGED = "数据库文件已损坏（完整性检查未通过），程序不能继续使用它：\n{path}"
DB_DAMAGED_OFFER = (
    "最近一份完好的备份：{taken}\n{backup}\n\n"
    "点“恢复”用这份备份替换损坏的数据库（之后录入的办件不在备份中，请核对补录）；"
    "损坏的文件会另存在原处旁边，供技术人员查看。"
)
DB_DAMAGED_NO_BACKUP = "没有找到完好的备份。请不要删除该文件，联系技术人员处理。"
DB_DAMAGED_RESTORE = "恢复"
DB_DAMAGED_QUIT = "退出"
DB_RESTORED_AT_START = "已从备份恢复数据库。原来损坏的文件另存为：{kept}"


def restore_refused(problem: str, detail: str) -> str:
    """Why a backup was not restored, and that nothing changed."""
    return RESTORE_REFUSED.format(reason=RESTORE_PROBLEM[problem].format(detail=detail))
