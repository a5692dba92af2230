"""The layout of a catalog workbook: its sheets, their columns, and the template's example.

Each sheet holds one kind of row of a bundle's document, and each column names the
place of its value in that row's document (``legal_limit_value`` is
``legal_limit.value``).  Reading and writing both go by these tables, so the two
cannot drift apart.  Sheet titles and column keys are part of the file format, like
the keys of a catalog file; what row 2 says about them in Chinese is in
:mod:`counter.catalog.workbook_labels`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from counter.catalog.departments import AdminLevel
from counter.catalog.model import (
    Address,
    Bundle,
    CaseKind,
    CopyForm,
    Fee,
    GuideStatus,
    Intermediary,
    Item,
    ItemType,
    Material,
    MaterialKind,
    Medium,
    Necessity,
    OpeningHours,
    Option,
    Situation,
    SourceChannel,
    Step,
    TimeLimit,
    TimeUnit,
)
from counter.catalog.remedies import Levy, Remedy, RemedyKind, ReviewBody

HEADER_ROW = 1  # the column keys: what the reader goes by
LABEL_ROW = 2  # the Chinese header, for people; never read
FIRST_DATA_ROW = 3
EXAMPLE_PREFIX = "示例"  # a bundle code starting with this marks an example row: never imported
NOTES_SHEET = "说明"  # instructions for the person filling in; not read
YES, NO = "是", "否"

Doc = dict[str, Any]


class Kind(Enum):
    """How a column's cells become document values."""

    TEXT = "text"
    CODE = "code"  # text from a fixed list: a dropdown in the workbook
    INTEGER = "integer"
    FLAG = "flag"  # 是 / 否
    LIST = "list"  # one entry per line


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # row 1 of the sheet
    path: tuple[str, ...]  # where the value sits in the row's document
    kind: Kind = Kind.TEXT
    choices: tuple[str, ...] = ()
    width: int = 16
    pad: int = 0  # digit codes keep this many digits (事项类型 ``01``, which Excel turns into 1)


@dataclass(frozen=True, slots=True)
class Sheet:
    title: str  # the sheet's name in the workbook
    part: str  # the document key its rows fill; also the key of its headers in workbook_labels
    ties: tuple[str, ...]  # columns without which no row can be placed
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


def _col(
    key: str,
    kind: Kind = Kind.TEXT,
    choices: Iterable[str] = (),
    *,
    width: int = 16,
    path: tuple[str, ...] = (),
    pad: int = 0,
) -> Column:
    return Column(key, path or (key,), kind, tuple(choices), width, pad)


def _limit(name: str) -> tuple[Column, Column]:
    """A limit is two columns, ``…_value`` and ``…_unit``, of one document table."""
    return (
        _col(f"{name}_value", Kind.INTEGER, width=10, path=(name, "value")),
        _col(f"{name}_unit", Kind.CODE, TimeUnit, width=14, path=(name, "unit")),
    )


_BUNDLE = _col("bundle", width=18)

BUNDLES = Sheet(
    "一件事",
    "bundles",
    ("code",),
    (
        _col("code", width=18),
        _col("number", Kind.INTEGER, width=8),
        _col("name", width=30),
        _col("status", Kind.CODE, GuideStatus, width=12),
        _col("sample", Kind.FLAG, width=8),
        _col("keywords", Kind.LIST),
        _col("aliases", Kind.LIST),
        _col("summary", width=40),
        _col("service_objects", Kind.LIST, width=16),
        _col("conditions", Kind.LIST, width=40),
        _col("forms", Kind.LIST),
        _col("address_street", width=24, path=("address", "street")),
        _col("address_number", width=12, path=("address", "number")),
        _col("address_room", width=20, path=("address", "room")),
        _col("address_desk_no", width=20, path=("address", "desk_no")),
        _col("consult_phone"),
        _col("complaint_phone"),
        _col("visits", Kind.INTEGER, width=8),
        _col("visits_reason", width=24),
        *_limit("promised_limit"),
        _col("result", width=30),
    ),
)
ITEMS = Sheet(
    "事项",
    "items",
    ("bundle",),
    (
        _BUNDLE,
        _col("code", width=26),
        _col("basic_code", width=12),
        _col("name", width=24),
        _col("sub_item", width=24),
        _col("type", Kind.CODE, ItemType, width=10, pad=2),
        _col("case_kind", Kind.CODE, CaseKind, width=10),
        _col("department", width=24),
        _col("level", Kind.CODE, AdminLevel, width=10),
        _col("vertical", Kind.FLAG, width=8),
        _col("entrusted", Kind.FLAG, width=8),
        _col("legal_basis", width=40),
        _col("conditions", Kind.LIST, width=40),
        _col("when", Kind.LIST, width=22),
        *_limit("legal_limit"),
        _col("limit_basis", width=30),
        _col("no_legal_limit", Kind.FLAG, width=10),
        *_limit("promised_limit"),
        _col("fee_amount", width=10, path=("fee", "amount")),
        _col("fee_basis", width=24, path=("fee", "basis")),
        _col("result", width=24),
        _col("licence", width=16),
        _col("remedy_kind", Kind.CODE, RemedyKind, width=14, path=("remedy", "kind")),
        _col("remedy_review", Kind.CODE, ReviewBody, width=12, path=("remedy", "review")),
        _col("remedy_superior", width=24, path=("remedy", "superior")),
        _col("remedy_superior_level", Kind.CODE, AdminLevel, width=10, path=("remedy", "superior_level")),
        _col("remedy_levy", Kind.CODE, Levy, width=12, path=("remedy", "levy")),
        _col("remedy_basis", width=40, path=("remedy", "basis")),
    ),
)
SITUATIONS = Sheet(
    "情形",
    "situations",
    ("bundle", "situation"),
    (
        _BUNDLE,
        _col("situation", path=("code",)),
        _col("question", width=30),
        _col("option", path=("option", "code")),
        _col("label", width=24, path=("option", "label")),
    ),
)
MATERIALS = Sheet(
    "材料",
    "materials",
    ("bundle",),
    (
        _BUNDLE,
        _col("code", width=10),
        _col("name", width=30),
        _col("items", Kind.LIST, width=26),
        _col("when", Kind.LIST, width=22),
        _col("kind", Kind.CODE, MaterialKind, width=14),
        _col("copy_form", Kind.CODE, CopyForm, width=18),
        _col("medium", Kind.CODE, Medium, width=20),
        _col("originals", Kind.INTEGER, width=8),
        _col("copies", Kind.INTEGER, width=8),
        _col("paper_size", Kind.CODE, ("A4", "A3"), width=8),
        _col("source", Kind.CODE, SourceChannel, width=14),
        _col("issuer", width=20),
        _col("necessity", Kind.CODE, Necessity, width=12),
        _col("legal_basis", width=40),
        _col("requirement", width=30),
        _col("shared", Kind.FLAG, width=8),
        _col("blank_form", width=24),
        _col("sample_form", width=24),
        *_limit("deferral_limit"),
        _col("intermediary", width=20),
        _col("prescribed_by", width=24),
    ),
)
HOURS = Sheet(
    "办理时间",
    "hours",
    ("bundle",),
    (_BUNDLE, _col("days", width=20), _col("periods", Kind.LIST, width=20), _col("note", width=20)),
)
STEPS = Sheet(
    "办理流程",
    "steps",
    ("bundle",),
    (
        _BUNDLE,
        _col("name", width=20),
        *_limit("limit"),
        _col("result", width=24),
        _col("description", width=40),
    ),
)
INTERMEDIARIES = Sheet(
    "中介服务",
    "intermediaries",
    ("bundle", "item"),
    (_BUNDLE, _col("item", width=26), _col("name", width=30), _col("basis", width=40)),
)
SHEETS = (BUNDLES, ITEMS, SITUATIONS, MATERIALS, HOURS, STEPS, INTERMEDIARIES)


def _example() -> Bundle:
    """The template's example: one row per sheet (two options for the one situation)."""
    days3 = TimeLimit(3, TimeUnit.WORKING_DAY)
    item = "1522000000080002"
    return Bundle(
        code=f"{EXAMPLE_PREFIX}-XAM-YJS-008",
        number=8,
        name="我要开小餐馆（50平方米以下）",
        status=GuideStatus.PUBLISHED,
        sample=True,
        keywords=("饭店", "餐饮"),
        aliases=("开饭店", "开餐馆"),
        summary="一次申请，同时办理个体工商户设立登记和小餐饮店登记。",
        service_objects=("自然人", "非法人企业"),
        conditions=("经营场所使用面积在50平方米以下",),
        forms=("窗口办理", "网上办理"),
        address=Address("乌兰浩特市兴安北大路", "18号", "政务服务中心一楼东厅", "综合窗口3号"),
        hours=(OpeningHours("星期一至星期五", ("08:30-11:30", "14:30-17:30"), "法定节假日除外"),),
        consult_phone="0482-8261234",
        complaint_phone="0482-12345",
        visits=1,
        visits_reason="领取证照时核验原件",
        promised_limit=days3,
        result="营业执照、小餐饮店登记证",
        steps=(Step("受理", TimeLimit(1, TimeUnit.WORKING_DAY), "受理凭证", "综合窗口一次收取全部材料"),),
        items=(
            Item(
                code=item,
                basic_code="000201004",
                name="小餐饮店登记",
                sub_item="小餐饮店登记",
                item_type=ItemType.LICENSING,
                case_kind=CaseKind.PROMISED,
                department="{place}市场监督管理局",
                legal_basis="《内蒙古自治区食品小作坊小餐饮店小食杂店和食品摊贩管理条例》",
                conditions=("有与经营的食品品种相适应的经营场所",),
                legal_limit=TimeLimit(20, TimeUnit.WORKING_DAY),
                promised_limit=days3,
                fee=Fee(Decimal("0"), "不收费"),
                result="小餐饮店登记证",
                intermediaries=(Intermediary("从业人员健康体检", "《中华人民共和国食品安全法》第四十五条"),),
                level=AdminLevel.COUNTY,
                entrusted=True,
                remedy=Remedy(
                    RemedyKind.REVIEW_OR_SUIT,
                    "《中华人民共和国行政复议法》第二十四条第一款第一项",
                    ReviewBody.GOVERNMENT,
                ),
                limit_basis="《中华人民共和国行政许可法》第四十二条第一款",
            ),
        ),
        situations=(
            Situation(
                "operator",
                "以什么形式经营？",
                (Option("individual", "个体工商户"), Option("company", "公司（企业）")),
            ),
        ),
        materials=(
            Material(
                code="M03",
                name="从业人员健康证明",
                items=(item,),
                when=(),
                kind=MaterialKind.CERTIFICATE,
                copy_form=CopyForm.COPY,
                medium=Medium.PAPER,
                originals=0,
                copies=1,
                paper_size="A4",
                source=SourceChannel.OTHER,
                issuer="医疗卫生机构",
                necessity=Necessity.DEFERRABLE,
                legal_basis="《中华人民共和国食品安全法》第四十五条",
                requirement="每名从业人员一份，在有效期内",
                deferral_limit=days3,
                intermediary="医疗卫生机构",
            ),
        ),
    )


EXAMPLE_BUNDLE = _example()


def is_example(code: str) -> bool:
    """Whether rows tied to this bundle code are the template's example (never imported)."""
    return code.startswith(EXAMPLE_PREFIX)
