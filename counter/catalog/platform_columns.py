"""The columns of the regional platform's item workbooks: Chinese element names, and what each value becomes.

The platform keeps its items in workbooks whose header row holds the element names of the national
政务服务事项实施清单 (事项名称, 实施编码, 法定办结时限, 材料必要性 …), written as people type them: with spaces,
full-width letters, a ``*`` for a required column, a note in brackets.  A header is matched after
:func:`header_key` has taken all of that away, and a few names the platforms spell differently are synonyms.

Each column says where its value goes in the catalog document (:mod:`counter.catalog.document`) and how the
cell's text becomes that value: limits written "20个工作日" / "60日" / "即办" become a limit table, 事项类型 by its
name or its national code, 是/否 a boolean.  A value that does not fit raises :class:`BadValue`, which the reader
reports at the cell; nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from counter.catalog.departments import AdminLevel
from counter.catalog.model import (
    CaseKind,
    ItemType,
    MaterialKind,
    Medium,
    Necessity,
    SourceChannel,
    TimeUnit,
)
from counter.catalog.problems import Rule
from counter.catalog.remedies import Levy, RemedyKind, ReviewBody


class SheetKind(StrEnum):
    """What one sheet of a platform workbook holds, told by its header row."""

    BUNDLES = "bundles"
    ITEMS = "items"
    MATERIALS = "materials"
    STEPS = "steps"


class BadValue(Exception):
    """A cell whose text is no value of its column; ``rule`` is how the problem is reported."""

    def __init__(self, rule: Rule, detail: str) -> None:
        super().__init__(detail)
        self.rule = rule
        self.detail = detail


# --- headers -------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_NOTE = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]$")


def header_key(raw: object) -> str:
    """A header as compared: full-width folded to half-width (NFKC), no spaces, no ``*``, no note in brackets."""
    if raw is None:
        return ""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", str(raw)))
    text = text.strip("*★※")
    previous = None
    while previous != text:
        previous, text = text, _NOTE.sub("", text)
    return text


# the tying columns, on every sheet
BUNDLE_CODE = "一件事编码"
BUNDLE_NAME = "一件事名称"
ITEM_NAME = "事项名称"
MATERIAL_NAME = "材料名称"
STEP_NAME = "环节名称"

# other spellings of an element name, by the name they stand for
SYNONYMS: Mapping[str, str] = {
    "一件事": BUNDLE_NAME,
    "一件事事项名称": BUNDLE_NAME,
    "主题事项名称": BUNDLE_NAME,
    "主题事项编码": BUNDLE_CODE,
    "序号": "清单序号",
    "事项编码": "实施编码",
    "实施清单编码": "实施编码",
    "业务办理项编码": "实施编码",
    "基本目录编码": "基本编码",
    "权力来源": "实施主体层级",
    "行使层级": "实施主体层级",
    "法定时限": "法定办结时限",
    "承诺时限": "承诺办结时限",
    "办件类型(即办件/承诺件)": "办件类型",
    "办理结果": "办理结果名称",
    "结果名称": "办理结果名称",
    "审批结果名称": "办理结果名称",
    "材料必要": "材料必要性",
    "必要性": "材料必要性",
    "材料形式(纸质/电子)": "材料形式",
    "纸质材料规格": "纸张规格",
    "纸质规格": "纸张规格",
    "受理标准": "填报须知",
    "材料要求": "填报须知",
    "示范样表": "示例样表",
    "样表": "示例样表",
    "空白表": "空白表格",
    "是否支持容缺": "是否容缺",
    "是否容缺受理": "是否容缺",
    "容缺后补时限": "容缺补交时限",
    "是否共享": "是否免提交",
    "是否通过信息共享获取": "是否免提交",
    "环节办理时限": "办理时限",
    "环节办理结果": "环节结果",
    "审查标准": "环节说明",
    "办理标准": "环节说明",
    "到现场次数": "到办事现场次数",
    "到办事现场原因": "到现场原因",
    "委托受理": "委托窗口受理",
}


def canonical(raw: object) -> str:
    key = header_key(raw)
    return SYNONYMS.get(key, key)


# --- values --------------------------------------------------------------------------------

Convert = Callable[[object], object]


def text(raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def _plain(raw: object) -> str:
    """A choice as compared: half-width, no spaces."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text(raw)))


def lines(raw: object) -> list[str]:
    return [entry.strip() for entry in text(raw).splitlines() if entry.strip()]


_SHORT_LIST = re.compile(r"[\n、,，;；/]+")


def names(raw: object) -> list[str]:
    """A list of short names (服务对象, 办理形式): one a line, or parted by 、 or commas."""
    return [entry.strip() for entry in _SHORT_LIST.split(text(raw)) if entry.strip()]


def integer(raw: object) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    plain = _plain(raw).removesuffix("份").removesuffix("次")
    if plain.isascii() and plain.isdigit():
        return int(plain)
    raise BadValue(Rule.WRONG_TYPE, text(raw))


_YES = frozenset({"是", "true", "1", "y", "yes"})
_NO = frozenset({"否", "false", "0", "n", "no"})


def flag(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    plain = _plain(raw).lower()
    if plain in _YES:
        return True
    if plain in _NO:
        return False
    raise BadValue(Rule.WRONG_TYPE, text(raw))


IMMEDIATE = "即办"
_LIMIT = re.compile(r"(\d+)个?(工作日|自然日|日|天)")


def limit(raw: object) -> dict[str, object]:
    """A limit as written on the platform: "20个工作日", "20工作日", "60日" / "60天" / "60个自然日", "即办"."""
    plain = _plain(raw)
    if plain in (IMMEDIATE, "即时办结", "当场办结"):
        return {"value": 0, "unit": TimeUnit.WORKING_DAY.value}
    found = _LIMIT.fullmatch(plain)
    if found is None:
        raise BadValue(Rule.WRONG_TYPE, text(raw))
    unit = TimeUnit.WORKING_DAY if found.group(2) == "工作日" else TimeUnit.CALENDAR_DAY
    return {"value": int(found.group(1)), "unit": unit.value}


def money(raw: object) -> str:
    plain = _plain(raw).removesuffix("元")
    try:
        amount = Decimal(plain)
    except InvalidOperation:
        raise BadValue(Rule.WRONG_TYPE, text(raw)) from None
    if not amount.is_finite() or amount < 0:
        raise BadValue(Rule.WRONG_TYPE, text(raw))
    return str(amount)


def choice(words: Mapping[str, StrEnum]) -> Convert:
    """A coded value given by its Chinese name or its national code; anything else is an unknown value."""

    def convert(raw: object) -> object:
        plain = _plain(raw)
        if plain in words:
            return words[plain].value
        raise BadValue(Rule.UNKNOWN_VALUE, text(raw))

    return convert


ITEM_TYPE_NAMES: Mapping[ItemType, str] = {
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
CASE_KIND_NAMES: Mapping[CaseKind, str] = {CaseKind.IMMEDIATE: "即办件", CaseKind.PROMISED: "承诺件"}
LEVEL_NAMES: Mapping[AdminLevel, str] = {
    AdminLevel.REGION: "自治区",
    AdminLevel.LEAGUE: "盟市",
    AdminLevel.COUNTY: "旗县市区",
    AdminLevel.TOWNSHIP: "苏木乡镇街道",
}
KIND_NAMES: Mapping[MaterialKind, str] = {
    MaterialKind.CERTIFICATE: "证件证书证明",
    MaterialKind.FORM: "申请表格文书",
    MaterialKind.OTHER: "其他",
}
MEDIUM_NAMES: Mapping[Medium, str] = {
    Medium.PAPER: "纸质",
    Medium.ELECTRONIC: "电子",
    Medium.PAPER_OR_ELECTRONIC: "纸质或电子",
}
SOURCE_NAMES: Mapping[SourceChannel, str] = {
    SourceChannel.APPLICANT: "申请人自备",
    SourceChannel.GOVERNMENT: "政府部门核发",
    SourceChannel.OTHER: "其他",
}
REMEDY_NAMES: Mapping[RemedyKind, str] = {
    RemedyKind.REVIEW_OR_SUIT: "行政复议或行政诉讼",
    RemedyKind.REVIEW_FIRST: "复议前置",
    RemedyKind.COMPLAINT: "仅可投诉",
}
LEVY_NAMES: Mapping[Levy, str] = {
    Levy.ASSESS: "确认纳税主体、计税依据等",
    Levy.COLLECT: "征收税款、加收滞纳金",
    Levy.WITHHOLD: "代扣代缴、代收代缴、代征",
}
REVIEW_NAMES: Mapping[ReviewBody, str] = {
    ReviewBody.GOVERNMENT: "本级人民政府",
    ReviewBody.SUPERIOR: "上一级主管部门",
    ReviewBody.SITE: "由本站点设定",
}
NECESSITY_NAMES: Mapping[Necessity, str] = {
    Necessity.REQUIRED: "必要",
    Necessity.OPTIONAL: "非必要",
    Necessity.DEFERRABLE: "容缺后补",
}


def _words(named: Mapping[Any, str], **more: StrEnum) -> dict[str, StrEnum]:
    words: dict[str, StrEnum] = {name: code for code, name in named.items()}
    words.update({code.value: code for code in named})
    words.update(more)
    return words


_ITEM_TYPE = _words(ITEM_TYPE_NAMES, **{str(int(t.value)): t for t in ItemType})  # 1 as typed for 01
_CASE_KIND = _words(CASE_KIND_NAMES, 即办=CaseKind.IMMEDIATE, 承诺=CaseKind.PROMISED)
_LEVEL = _words(LEVEL_NAMES, 盟=AdminLevel.LEAGUE, 市=AdminLevel.LEAGUE, 旗县=AdminLevel.COUNTY)
_KIND = _words(KIND_NAMES, **{"1": MaterialKind.CERTIFICATE, "2": MaterialKind.FORM, "3": MaterialKind.OTHER})
_MEDIUM = _words(
    MEDIUM_NAMES,
    电子化=Medium.ELECTRONIC,
    纸质或电子化=Medium.PAPER_OR_ELECTRONIC,
    **{"纸质、电子": Medium.PAPER_OR_ELECTRONIC, "1": Medium.PAPER, "2": Medium.ELECTRONIC},
    **{"3": Medium.PAPER_OR_ELECTRONIC},
)
_SOURCE = _words(SOURCE_NAMES, 申请人=SourceChannel.APPLICANT, 政府部门=SourceChannel.GOVERNMENT)
_REMEDY = _words(REMEDY_NAMES, 投诉=RemedyKind.COMPLAINT, 复议或诉讼=RemedyKind.REVIEW_OR_SUIT)
_LEVY = _words(LEVY_NAMES, 征收税款=Levy.COLLECT, 加收滞纳金=Levy.COLLECT)
_REVIEW = _words(REVIEW_NAMES, 本级政府=ReviewBody.GOVERNMENT, 上一级=ReviewBody.SUPERIOR)
_NECESSITY = _words(
    NECESSITY_NAMES,
    容缺=Necessity.DEFERRABLE,
    **{"1": Necessity.REQUIRED, "2": Necessity.OPTIONAL, "3": Necessity.DEFERRABLE},
)


@dataclass(frozen=True, slots=True)
class PlatformColumn:
    name: str  # the element name, as :func:`canonical` gives it
    path: tuple[str, ...]  # where the value sits in the row's document; () for a column read by the sheet itself
    convert: Convert = text


def _c(name: str, *path: str, convert: Convert = text) -> PlatformColumn:
    return PlatformColumn(name, path, convert)


# Columns read by the sheet itself rather than put in place: the ties, 是否收费 (which decides the fee table),
# 是否容缺 (which decides the necessity), 事项名称 on a material (which names its items).
IS_FEE = "是否收费"
IS_DEFERRABLE = "是否容缺"
#: where 是否收费 is 否, the platform writes 不收费 or 无 there (or nothing) for an item that charges nothing
FEE_AMOUNT = "收费标准"
_FREE_WORDS = frozenset({"不收费", "无", "免费"})


def says_free(raw: object) -> bool:
    """Whether a 收费标准 cell agrees with 是否收费 否: the platform's words for no fee, or an amount of 0.  Any other
    text (an amount, a sentence) contradicts it, and only the department can say which of the two is wrong."""
    if _plain(raw) in _FREE_WORDS:
        return True
    try:
        return Decimal(money(raw)) == 0
    except BadValue:
        return False


COLUMNS: Mapping[SheetKind, tuple[PlatformColumn, ...]] = {
    SheetKind.BUNDLES: (
        _c(BUNDLE_CODE, "code"),
        _c(BUNDLE_NAME, "name"),
        _c("清单序号", "number", convert=integer),
        _c("检索词", "keywords", convert=lines),
        _c("简介", "summary"),
        _c("服务对象", "service_objects", convert=names),
        _c("受理条件", "conditions", convert=lines),
        _c("办理形式", "forms", convert=names),
        _c("咨询电话", "consult_phone"),
        _c("监督投诉电话", "complaint_phone"),
        _c("到办事现场次数", "visits", convert=integer),
        _c("到现场原因", "visits_reason"),
        _c("承诺办结时限", "promised_limit", convert=limit),
        _c("办理结果名称", "result"),
    ),
    SheetKind.ITEMS: (
        _c(BUNDLE_CODE),
        _c(BUNDLE_NAME),
        _c(ITEM_NAME, "name"),
        _c("子项名称", "sub_item"),
        _c("事项类型", "type", convert=choice(_ITEM_TYPE)),
        _c("实施编码", "code"),
        _c("基本编码", "basic_code"),
        _c("实施主体", "department"),
        _c("实施主体层级", "level", convert=choice(_LEVEL)),
        _c("是否垂直管理", "vertical", convert=flag),
        _c("委托窗口受理", "entrusted", convert=flag),
        _c("设定依据", "legal_basis"),
        _c("受理条件", "conditions", convert=lines),
        _c("法定办结时限", "legal_limit", convert=limit),
        _c("承诺办结时限", "promised_limit", convert=limit),
        _c("办件类型", "case_kind", convert=choice(_CASE_KIND)),
        _c(IS_FEE, convert=flag),
        _c(FEE_AMOUNT, "fee", "amount", convert=money),
        _c("收费依据", "fee", "basis"),
        _c("办理结果名称", "result"),
        _c("救济方式", "remedy", "kind", convert=choice(_REMEDY)),
        _c("行政复议机关", "remedy", "review", convert=choice(_REVIEW)),
        _c("上一级主管部门", "remedy", "superior"),
        _c("上一级主管部门层级", "remedy", "superior_level", convert=choice(_LEVEL)),
        _c("征税行为", "remedy", "levy", convert=choice(_LEVY)),
        _c("救济依据", "remedy", "basis"),
    ),
    SheetKind.MATERIALS: (
        _c(BUNDLE_CODE),
        _c(BUNDLE_NAME),
        _c(ITEM_NAME, convert=lines),
        _c(MATERIAL_NAME, "name"),
        _c("材料编码", "code"),
        _c("材料类型", "kind", convert=choice(_KIND)),
        _c("材料形式", "medium", convert=choice(_MEDIUM)),
        _c("原件份数", "originals", convert=integer),
        _c("复印件份数", "copies", convert=integer),
        _c("纸张规格", "paper_size", convert=_plain),
        _c("来源渠道", "source", convert=choice(_SOURCE)),
        _c("出具单位", "issuer"),
        _c("材料必要性", "necessity", convert=choice(_NECESSITY)),
        _c(IS_DEFERRABLE, convert=flag),
        _c("容缺补交时限", "deferral_limit", convert=limit),
        _c("材料依据", "legal_basis"),
        _c("填报须知", "requirement"),
        _c("是否免提交", "shared", convert=flag),
        _c("空白表格", "blank_form"),
        _c("示例样表", "sample_form"),
    ),
    SheetKind.STEPS: (
        _c(BUNDLE_CODE),
        _c(BUNDLE_NAME),
        _c(STEP_NAME, "name"),
        _c("办理时限", "limit", convert=limit),
        _c("环节结果", "result"),
        _c("环节说明", "description"),
    ),
}

# Without these a sheet's rows cannot be placed or named: such a sheet is not read.  Rows of the other sheets tie
# to a bundle by 一件事编码 or, where a sheet has none, by 一件事名称.
REQUIRED: Mapping[SheetKind, tuple[str, ...]] = {
    SheetKind.BUNDLES: (BUNDLE_CODE, BUNDLE_NAME),
    SheetKind.ITEMS: (ITEM_NAME, "实施编码"),
    SheetKind.MATERIALS: (MATERIAL_NAME, ITEM_NAME),
    SheetKind.STEPS: (STEP_NAME,),
}


def sheet_kind(headers: set[str]) -> SheetKind | None:
    """What a sheet holds, by the names in its header row; ``None`` for a sheet of none of them."""
    if MATERIAL_NAME in headers:
        return SheetKind.MATERIALS
    if STEP_NAME in headers:
        return SheetKind.STEPS
    if ITEM_NAME in headers or "实施编码" in headers:
        return SheetKind.ITEMS
    if BUNDLE_NAME in headers or BUNDLE_CODE in headers:
        return SheetKind.BUNDLES
    return None
