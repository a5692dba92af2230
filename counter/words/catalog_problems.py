"""The words of a catalog problem (a :class:`counter.catalog.problems.Rule` and where it stands).

Shown alike by the window (the catalog banner) and the command line (``counter catalog validate``).
"""

from __future__ import annotations

from counter.catalog.limits import limit_of_code
from counter.catalog.problems import WORKBOOK_KEY, Problem, Rule, WorkbookProblem
from counter.words.catalog import time_limit
from counter.words.translate import tr

# RULE_TEXT templates take: {field} the element's Chinese name, {key} the key as written
# in the file, {detail} the offending value and {detail_note} the same in brackets (or
# nothing); {limit} and {bound} are time limits in words, {max} a length, {other_note}
# the file that used a code first.  Sources: 第九条/第十条 of 兴署发〔2021〕5号 and the
# 24-point checklist (清单) of the 一网办 plan.

#: above the problems of a guide the publish gate refused (counter.catalog.publish_gate), each on its own line
PUBLISH_REFUSED = tr("“{name}”的指南有{count}处问题，不能发布；改正后再发布：")

RULE_TEXT: dict[Rule, str] = {
    Rule.NOT_FOUND: tr("找不到该文件或文件夹"),
    Rule.NOT_A_CATALOG: tr("不是事项目录：须为文件夹、.toml 文件或 .xlsx 工作簿"),
    Rule.UNREADABLE: tr("文件无法打开：{detail}"),
    Rule.NOT_REGULAR: tr("不是存放在磁盘上的普通文件（可能是管道或设备），未读取：请选择保存好的目录文件或工作簿"),
    Rule.NOT_UTF8: tr("文件不是 UTF-8 编码的文本文件（请用 UTF-8 另存）：{detail}"),
    Rule.TOO_LARGE: tr("文件超过 {detail} 字节，远大于目录文件应有的大小，未读取：请检查是否选错了文件"),
    Rule.SYNTAX: tr("不是有效的 TOML 格式：文件在结尾处不完整，常见原因是引号或括号没有成对"),
    Rule.WRONG_TYPE: tr("{field}的值类型不对：{detail}"),
    Rule.UNKNOWN_VALUE: tr("{field}的取值“{detail}”不在代码表内"),
    Rule.UNKNOWN_KEY: tr("格式中没有“{key}”这一项，可能是拼写错误"),
    Rule.MISSING_ELEMENT: tr("未写明{field}{detail_note}"),
    Rule.LIMIT_WITHOUT_UNIT: tr("{field}未注明是工作日还是自然日（清单第12-13项）"),
    Rule.ADDRESS_WITHOUT_DESK: tr("办理地点未写明窗口号（清单第14项）"),
    Rule.HOURS_INCOMPLETE: tr("办理时间未写明{field}{detail_note}（清单第15项）"),
    Rule.INTERMEDIARY_WITHOUT_BASIS: tr("中介服务“{detail}”未提供设定依据（清单第17项）"),
    Rule.VISITS_WITHOUT_REASON: tr("须到办事现场{detail}次，未说明原因（清单第22项）"),
    Rule.STEP_INCOMPLETE: tr("办理流程环节“{detail}”未写明{field}（清单第21项）"),
    Rule.CATCH_ALL_WORDING: tr("材料名称含兜底表述“{detail}”（第十条）"),
    Rule.MATERIAL_WITHOUT_BASIS: tr("材料未列明法律法规或规章依据（第十条）"),
    Rule.MATERIAL_INCOMPLETE: tr("未写明{field}"),
    Rule.FORM_WITHOUT_BLANK_OR_SAMPLE: tr("表格类材料未提供{field}（第十条，清单第23-24项）"),
    Rule.SHARED_BUT_DEMANDED: tr("能通过信息共享获取的材料不得列为必要材料，只可请申请人确认（第十条）"),
    Rule.DEFERRAL_WITHOUT_LIMIT: tr("容缺后补材料未写明补交时限"),
    Rule.DEFERRAL_EXCEEDS_PROMISE: tr("容缺补交时限{limit}未控制在承诺办结时限{bound}以内"),
    Rule.PROMISE_EXCEEDS_LEGAL: tr("承诺办结时限{limit}未控制在法定办结时限{bound}以内"),
    Rule.LIMIT_WITHOUT_SOURCE: tr("法定办结时限{limit}未写明出处（规定该时限的条款），须由实施部门确认（清单第12项）"),
    Rule.LIMIT_BORROWED: tr(
        "本事项不是行政许可，{field}不能援引《中华人民共和国行政许可法》第四十二条：“{detail}”。法律法规未规定时限的，"
        "写明法律法规未规定，承诺时限按实际业务确定"
    ),
    Rule.LIMIT_AND_NONE: tr("既写了法定办结时限{detail_limit}，又写明法律法规未规定时限，二者只能取其一"),
    Rule.FEE_AND_FREE: tr("是否收费为“否”，收费标准却写了“{detail}”，二者矛盾：请向实施部门核实是否收费，改正其中之一"),
    Rule.DEFERRAL_OF_IDENTITY: tr("身份证件（{detail}）是申请人身份的证明，不得容缺后补"),
    Rule.DEFERRAL_OF_FORM: tr("申请表格是申请本身，不得容缺后补"),
    Rule.IMMEDIATE_WITH_DAYS: tr("即办件应当场办结，承诺办结时限须为0，现为{limit}"),
    Rule.PROMISED_WITHOUT_DAYS: tr("承诺件的承诺办结时限为0，应写明承诺天数，或改为即办件"),
    Rule.ITEM_PROMISE_EXCEEDS_BUNDLE: tr("事项承诺办结时限{limit}超过一件事承诺办结时限{bound}，一件事无法按期办结"),
    Rule.BUNDLE_PROMISE_EXCEEDS_ITEMS: tr("一件事承诺办结时限{limit}超过各事项承诺办结时限之和{bound}"),
    Rule.PLACE_WITHOUT_LEVEL: tr("实施主体“{detail}”中的地名要按部门层级填入，未写明{field}"),
    Rule.UNKNOWN_PLACEHOLDER: tr("{field}“{detail}”含有无法识别的占位符，只有地名占位符可以使用"),
    Rule.REMEDY_COMPLAINT_FOR_LICENCE: tr(
        "行政许可是行政行为，可以申请行政复议、提起行政诉讼，{field}不能只写投诉（行政复议法第十一条）"
    ),
    Rule.REMEDY_VERTICAL_OWN_LEVEL: tr(
        "“{detail}”实行垂直领导，{field}应为上一级主管部门，不是本级人民政府（行政复议法第二十七条）"
    ),
    Rule.REMEDY_REVIEW_FIRST_NOT_LEVY: tr(
        "复议前置只适用于征税行为（税务行政复议规则第十四条第一项、第三十三条），未写明{field}；"
        "其他涉税行为可以申请行政复议，也可以直接提起行政诉讼（第三十四条）"
    ),
    Rule.REMEDY_LEVY_NOT_REVIEW_FIRST: tr(
        "征税行为的纳税争议应当先申请行政复议（税收征收管理法第八十八条第一款），{field}应为复议前置"
    ),
    Rule.LICENCE_NOT_IN_RESULT: tr("{field}“{detail}”未出现在本事项的办理结果中，请核对证照名称"),
    Rule.DUPLICATE_ITEM: tr(
        "{field}“{detail}”与事项 {other} 相同：同一事项在指南中只能列一次，分阶段办理的写在办理流程中"
    ),
    Rule.BOUND_WITHOUT_SOURCE: tr(
        "{field}“{detail}”没有写明出处：对申请人设定的条件或期限须写明设定它的法律法规条款"
        "（行政许可法第十六条第四款：不得增设违反上位法的其他条件）"
    ),
    Rule.ITEM_WITHOUT_OFFICIAL_CODE: tr(
        "没有填写政务服务事项实施清单的基本编码：事项编码是指南自拟的，不是实施清单的实施编码，上报一体化政务服务平台时平台无法识别"
    ),
    Rule.SAMPLE_CODE: tr(
        "样例指南的事项编码“{detail}”仅供示例，不是实施清单的编码：本中心上报一体化政务服务平台，发布前须换成实施清单的基本编码和实施编码"
    ),
    Rule.CODE_FORMAT: tr(
        "{field}“{detail}”不符合GB/T 39046-2020的格式（只含字母和数字，不超过{max}个字符），平台无法识别"
    ),
    Rule.CODE_TOO_LONG: tr("{field}“{detail}”超过{max}个字符"),
    Rule.DUPLICATE_CODE: tr("{field}“{detail}”重复{other_note}"),
    Rule.DANGLING_REFERENCE: tr("{field}“{detail}”在本一件事中不存在"),
    Rule.BAD_NUMBER: tr("一件事序号“{detail}”无效：须为1至999之间且互不重复的整数{other_note}"),
    Rule.ALIAS_BLANK: tr("第{detail}个别名是空的"),
    Rule.ALIAS_LENGTH: tr("别名“{detail}”须有{min}至{max}个字符"),
    Rule.ALIAS_REPEATED: tr("别名“{detail}”重复"),
    Rule.NAME_MN_NOT_MONGOLIAN: tr("{field}“{detail}”须用蒙古文书写，不夹汉字"),
}
# the wording when the problem names another value (``other`` in its extras) that is not a file
RULE_TEXT_WITH_OTHER_VALUE: dict[Rule, str] = {
    Rule.ALIAS_REPEATED: tr("别名“{detail}”与“{other}”重复（空格、大小写、全角半角不作区分）"),
}
# the wording when the problem names the line and column it stands at (a TOML file the reader stopped in)
RULE_TEXT_AT_PLACE: dict[Rule, str] = {
    Rule.SYNTAX: tr("不是有效的 TOML 格式：第{line}行第{column}个字符处有误，常见原因是引号或括号没有成对、缺少等号"),
}
# the wording when a workbook's row names its bundle (its ``code`` or ``name``) by what no bundle row of the workbook
# holds: not a reference inside one bundle, which the rule's own wording speaks of
RULE_TEXT_FOR_A_ROWS_BUNDLE: dict[Rule, str] = {
    Rule.DANGLING_REFERENCE: tr("{field}“{detail}”在工作表“一件事”中没有对应的一件事，本行没有读取"),
}
# the wording when the problem has no detail to quote
RULE_TEXT_WITHOUT_DETAIL: dict[Rule, str] = {
    Rule.DANGLING_REFERENCE: tr("{field}为空，须列明本一件事中的事项"),
}

FIELD_TEXT: dict[str, str] = {
    "format": tr("格式版本"),
    "code": tr("一件事编码"),
    "number": tr("一件事序号"),
    "name": tr("一件事名称"),
    "name_mn": tr("一件事蒙古文名称"),
    "status": tr("发布状态"),
    "sample": tr("样例标记"),
    "keywords": tr("检索词"),
    "aliases": tr("别名"),
    "summary": tr("简介"),
    "service_objects": tr("服务对象"),
    "conditions": tr("受理条件"),
    "forms": tr("办理形式"),
    "address": tr("办理地点"),
    "address.street": tr("办理地点的街道名称"),
    "address.number": tr("办理地点的门牌号"),
    "address.room": tr("办理地点的房间号"),
    "address.desk_no": tr("办理地点的窗口号"),
    "hours": tr("办理时间"),
    "hours.days": tr("办理日"),
    "hours.periods": tr("办理时段"),
    "hours.note": tr("办理时间备注"),
    "consult_phone": tr("咨询方式"),
    "complaint_phone": tr("监督投诉方式"),
    "visits": tr("到办事现场次数"),
    "visits_reason": tr("到办事现场的原因"),
    "promised_limit": tr("承诺办结时限"),
    "result": tr("办理结果"),
    "steps": tr("办理流程"),
    "steps.name": tr("环节名称"),
    "steps.limit": tr("环节办理时限"),
    "steps.result": tr("环节办理结果"),
    "steps.description": tr("环节说明"),
    "items": tr("事项"),
    "items.code": tr("实施编码"),
    "items.basic_code": tr("基本编码"),
    "items.name": tr("事项名称"),
    "items.sub_item": tr("子项名称"),
    "items.type": tr("事项类型"),
    "items.case_kind": tr("办件类型"),
    "items.department": tr("实施主体"),
    "items.level": tr("实施主体层级"),
    "items.vertical": tr("垂直管理"),
    "items.entrusted": tr("委托受理"),
    "items.legal_basis": tr("设定依据"),
    "items.remedy": tr("权利救济"),
    "items.remedy.kind": tr("救济方式"),
    "items.remedy.review": tr("行政复议机关"),
    "items.remedy.superior": tr("上一级主管部门"),
    "items.remedy.superior_level": tr("上一级主管部门的层级"),
    "items.remedy.basis": tr("权利救济依据"),
    "items.remedy.levy": tr("征税行为"),
    "items.pledge.promise": tr("告知承诺的承诺内容"),
    "items.pledge.check": tr("告知承诺的核查期限"),
    "items.pledge.basis": tr("告知承诺的依据"),
    "remedy.kind": tr("救济方式"),
    "remedy.review": tr("行政复议机关"),
    "remedy.superior_level": tr("上一级主管部门的层级"),
    "remedy.levy": tr("征税行为"),
    "items.conditions": tr("受理条件"),
    "items.when": tr("事项适用情形"),
    "items.legal_limit": tr("法定办结时限"),
    "items.limit_basis": tr("法定办结时限出处"),
    "items.no_legal_limit": tr("法律法规未规定时限"),
    "items.promised_limit": tr("承诺办结时限"),
    "items.fee": tr("收费标准及收费依据"),
    "items.fee.amount": tr("收费标准"),
    "items.fee.basis": tr("收费依据"),
    "items.result": tr("办理结果"),
    "items.licence": tr("颁发的证照"),
    "items.intermediaries": tr("中介服务"),
    "items.intermediaries.name": tr("中介服务名称"),
    "items.intermediaries.basis": tr("中介服务设定依据"),
    "situations": tr("情形"),
    "situations.code": tr("情形编码"),
    "situations.question": tr("情形问题"),
    "situations.options": tr("情形选项"),
    "situations.options.code": tr("选项编码"),
    "situations.options.label": tr("选项名称"),
    "materials": tr("所需材料"),
    "materials.code": tr("材料编码"),
    "materials.name": tr("材料名称"),
    "materials.items": tr("材料所属事项"),
    "materials.when": tr("材料适用情形"),
    "materials.kind": tr("材料类型"),
    "materials.copy_form": tr("原件或复印件"),
    "materials.medium": tr("材料形式（纸质或电子）"),
    "materials.originals": tr("原件份数"),
    "materials.copies": tr("复印件份数"),
    "materials.paper_size": tr("纸质规格"),
    "materials.source": tr("来源渠道"),
    "materials.issuer": tr("出具单位"),
    "materials.necessity": tr("材料必要性"),
    "materials.legal_basis": tr("材料依据"),
    "materials.requirement": tr("材料要求"),
    "materials.shared": tr("信息共享获取"),
    "materials.blank_form": tr("空白表格"),
    "materials.sample_form": tr("示范样表"),
    "materials.deferral_limit": tr("容缺补交时限"),
    "materials.intermediary": tr("中介机构类别"),
    "materials.fields": tr("表格栏目"),
    "materials.fields.label": tr("表格栏目名称"),
    "materials.fields.sample": tr("表格栏目示范内容"),
    "materials.prescribed_by": tr("表格样式制定机关"),
    "value": tr("天数"),
    "unit": tr("时限单位"),
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
        return tr("{whole}的{part}").format(whole=_field_name(head, scope), part=FIELD_TEXT[last])
    return key


def _limit_words(code: str) -> str:
    """``"3 working_day"`` (how a problem carries a limit) as 3个工作日; any other text as it is."""
    limit = limit_of_code(code)
    return code if limit is None else time_limit(limit)


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
        where.append(tr("事项 {item}").format(item=problem.item))
    if problem.material:
        where.append(tr("材料 {material}").format(material=problem.material))
    extra = dict(problem.extra)
    values = _Blank(
        field=field_text(problem),
        key=problem.field,
        detail=problem.detail,
        detail_note=tr("（{detail}）").format(detail=problem.detail) if problem.detail else "",
        limit=_limit_words(extra.get("limit", "")),
        detail_limit=_limit_words(problem.detail),
        bound=_limit_words(extra.get("bound", "")),
        min=extra.get("min", ""),
        max=extra.get("max", ""),
        other=extra.get("other", ""),
        other_note=tr("，已见于 {other}").format(other=extra["other"]) if extra.get("other") else "",
        line=extra.get("line", ""),
        column=extra.get("column", ""),
    )
    workbook = problem.file.split(" › ")[0].lower().endswith((".xlsx", ".xlsm"))
    kind = extra.get(WORKBOOK_KEY, "")
    if kind in WorkbookProblem.__members__.values():
        said = workbook_problem_text(WorkbookProblem(kind), problem.detail)
        rule_words = WORKBOOK_RULE_TEXT.get(problem.rule)
        sentence = rule_words.format(detail=said) if rule_words else said
    else:
        template = (WORKBOOK_RULE_TEXT.get(problem.rule) if workbook else None) or RULE_TEXT[problem.rule]
        if extra.get("line") and not workbook:
            template = RULE_TEXT_AT_PLACE.get(problem.rule, template)
        elif not problem.detail:
            template = RULE_TEXT_WITHOUT_DETAIL.get(problem.rule, template)
        elif workbook and problem.field in ("code", "name"):
            template = RULE_TEXT_FOR_A_ROWS_BUNDLE.get(problem.rule, template)
        elif extra.get("other"):
            template = RULE_TEXT_WITH_OTHER_VALUE.get(problem.rule, template)
        sentence = template.format_map(values)
    return tr("{where}：{problem}").format(where=" › ".join(where), problem=sentence) if where else sentence


WORKBOOK_RULE_TEXT: dict[Rule, str] = {
    Rule.UNREADABLE: tr("工作簿无法读取：{detail}"),
    Rule.SYNTAX: tr("工作簿格式不对：{detail}"),
}
# What a workbook problem (counter.catalog.problems.WorkbookProblem) says; the problem's detail fills the braces.
WORKBOOK_PROBLEM: dict[WorkbookProblem, str] = {
    WorkbookProblem.NOT_A_WORKBOOK: tr("不是可以打开的 .xlsx 工作簿（{error}）"),
    WorkbookProblem.MISSING_SHEET: tr("缺少工作表“{sheet}”"),
    WorkbookProblem.UNKNOWN_SHEET: tr("工作表“{sheet}”不属于目录工作簿，其中的内容没有读取"),
    WorkbookProblem.MISSING_COLUMN: tr("第1行缺少列“{key}”，本工作表的数据无法归属，没有读取"),
    WorkbookProblem.DUPLICATE_COLUMN: tr("第1行的列“{key}”出现了不止一次，只读取第一列"),
    WorkbookProblem.UNNAMED_COLUMN: tr("第{column}列第1行没有列名，但下面填有内容，没有读取"),
    WorkbookProblem.DROPPED_CHARACTERS: tr("含有工作簿无法保存的控制字符，导出时已删去"),
    WorkbookProblem.CUT: tr("超过单元格上限{limit}个字符，导出时已截断"),
    WorkbookProblem.HEADER_MISSING: tr("表头缺少列“{key}”，本工作表的数据无法归属，没有读取"),
    WorkbookProblem.MERGED_ACROSS_BUNDLES: tr("合并单元格 {key} 跨越了不同一件事的行，无法确定属于哪一个"),
    WorkbookProblem.CELL_ERROR: tr("单元格是错误值“{error}”（公式没有算出结果），没有读取"),
}


def workbook_problem_text(kind: WorkbookProblem, detail: str) -> str:
    """What is wrong with the workbook itself, its one parameter (sheet, key, column, limit, error) filled in."""
    return WORKBOOK_PROBLEM[kind].format(error=detail, sheet=detail, key=detail, column=detail, limit=detail)
