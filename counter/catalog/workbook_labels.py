"""What the catalog workbook says to the person filling it in: row 2 of every sheet, the notes sheet, the dropdowns.

The workbook is a file of the catalog format, exchanged between the catalog editors and the sites like a catalog
file: its sheet titles and these labels are Chinese by format (``docs/catalog-format.md``), whatever language a desk
shows.  So they are plain data of the domain, never put through the translation mechanism: the code labels of the
dropdown columns are the national list's names, as the platform's workbooks write them, and
``tests/catalog/test_workbook.py`` checks that they agree with the Chinese words of the same codes.  Row 1 (the
column keys) is what the reader goes by; row 2 is never read.  Where the national 政务服务事项实施清单 has a name
for a column, row 2 starts with that name, as the platform's workbooks head the same column
(:mod:`counter.catalog.platform_columns`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from counter.catalog.model import SERVICE_OBJECTS, CopyForm
from counter.catalog.platform_columns import (
    CASE_KIND_NAMES,
    ITEM_TYPE_NAMES,
    KIND_NAMES,
    LEVEL_NAMES,
    LEVY_NAMES,
    MEDIUM_NAMES,
    NECESSITY_NAMES,
    REMEDY_NAMES,
    REVIEW_NAMES,
    SOURCE_NAMES,
)

WORKBOOK_CHOICE_TITLE = "不在下拉列表中"
WORKBOOK_CHOICE_ERROR = "请从下拉列表中选择；代码含义见第2行"


def _choices(named: Mapping[Any, str]) -> str:
    return " / ".join(f"{code} {label}" for code, label in named.items())


_COPY_FORM = _choices({CopyForm.ORIGINAL: "原件", CopyForm.COPY: "复印件", CopyForm.ORIGINAL_AND_COPY: "原件和复印件"})

# 事业法人 is the platform's other spelling of 事业单位法人: offered once
_SERVICE_OBJECTS = " / ".join(name for name in SERVICE_OBJECTS if name != "事业法人")

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
        "aliases": "别名：群众的叫法，如“开饭店”（每行一个，2至20个字符）",
        "summary": "简介",
        "service_objects": f"服务对象（每行一个：{_SERVICE_OBJECTS}）",
        "conditions": "受理条件（每行一条）",
        "forms": "办理形式（每行一种）",
        "address_street": "办理地点：街道",
        "address_number": "办理地点：门牌号",
        "address_room": "办理地点：楼层房间",
        "address_desk_no": "办理地点：窗口号",
        "consult_phone": "咨询电话",
        "complaint_phone": "监督投诉电话",
        "visits": "到办事现场次数",
        "visits_reason": "到现场原因（到办事现场次数大于0时必填）",
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
        "type": f"事项类型（{_choices(ITEM_TYPE_NAMES)}）",
        "case_kind": f"办件类型（{_choices(CASE_KIND_NAMES)}）",
        "department": "实施主体（{place} 处填入本地地名，如 {place}市场监督管理局）",
        "level": f"实施主体层级（{_choices(LEVEL_NAMES)}）",
        "vertical": f"是否垂直管理（{_FLAG_CHOICES}；名称含税务、海关等的不必填）",
        "entrusted": f"委托窗口受理（{_FLAG_CHOICES}）",
        "legal_basis": "设定依据",
        "licence": "准予后发放的证照（如营业执照，与办理结果名称一致，作为电子证照上报；不发证照的不填）",
        "remedy_kind": f"权利救济：救济方式（{_choices(REMEDY_NAMES)}）",
        "remedy_review": f"权利救济：行政复议机关（{_choices(REVIEW_NAMES)}）",
        "remedy_superior": "权利救济：上一级主管部门名称（{place} 处填入地名，如 {place}消防救援支队）",
        "remedy_superior_level": f"权利救济：上一级主管部门层级（{_choices(LEVEL_NAMES)}；不填为实施主体的上一级）",
        "remedy_levy": f"权利救济：征税行为（复议前置的填写：{_choices(LEVY_NAMES)}；其他行为不填）",
        "remedy_basis": "权利救济依据（如《中华人民共和国行政复议法》第二十四条）",
        "conditions": "受理条件（每行一条）",
        "when": "适用情形（情形编码.选项编码，每行一个；空白表示所有情形都办理本事项）",
        "legal_limit_value": "法定办结时限（天数）",
        "legal_limit_unit": f"法定办结时限单位（{_UNIT_CHOICES}）",
        "limit_basis": "法定办结时限出处（规定时限的条款，如《市场主体登记管理条例》第十九条）",
        "no_legal_limit": f"法律法规未规定办理时限（{_FLAG_CHOICES}；填“是”的不填法定办结时限）",
        "promised_limit_value": "承诺办结时限（天数，不超过法定时限）",
        "promised_limit_unit": f"承诺办结时限单位（{_UNIT_CHOICES}）",
        "fee_amount": "收费标准（元；不收费填0）",
        "fee_basis": "收费依据",
        "result": "办理结果名称",
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
        "kind": f"材料类型（{_choices(KIND_NAMES)}）",
        "copy_form": f"原件或复印件（{_COPY_FORM}）",
        "medium": f"材料形式（{_choices(MEDIUM_NAMES)}）",
        "originals": "原件份数",
        "copies": "复印件份数",
        "paper_size": "纸张规格（A4 / A3；仅电子材料留空）",
        "source": f"来源渠道（{_choices(SOURCE_NAMES)}）",
        "issuer": "出具单位",
        "necessity": f"材料必要性（{_choices(NECESSITY_NAMES)}）",
        "legal_basis": "材料依据",
        "requirement": "填报须知（材料要求，印在补正通知书上）",
        "shared": f"是否免提交（通过信息共享获取：{_FLAG_CHOICES}）",
        "blank_form": "空白表格（表格类材料）",
        "sample_form": "示例样表（示范样表，表格类材料）",
        "deferral_limit_value": "容缺补交时限（天数）",
        "deferral_limit_unit": f"容缺补交时限单位（{_UNIT_CHOICES}）",
        "intermediary": "中介机构类别（中介出具的材料）",
        "prescribed_by": "表格样式制定机关（表格类材料：规定该表格式的部门，如国家市场监督管理总局；本地表格不填）",
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
