"""The words of a catalog problem (a :class:`counter.catalog.problems.Rule` and where it stands).

Shown alike by the window (the catalog banner) and the command line (``counter catalog validate``).
"""

from __future__ import annotations

from counter.catalog.model import (
    TimeLimit,
    TimeUnit,
)
from counter.catalog.problems import Problem, Rule
from counter.words.catalog import (
    time_limit,
)

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
