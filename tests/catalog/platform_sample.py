"""Two bundles in the regional platform's item workbook, and the script that writes the committed sample.

The guides are 待核 drafts, as every guide taken in from the platform is, without the facts a hall keeps in its
settings (address, hours, phones).  Item codes are test codes, not the platform's.  Run
``python -m tests.catalog.platform_sample`` to write ``tests/catalog/data/platform-two-bundles.xlsx`` again.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from counter.catalog.departments import AdminLevel
from counter.catalog.model import (
    Bundle,
    CaseKind,
    CopyForm,
    Fee,
    GuideStatus,
    Item,
    ItemType,
    Material,
    MaterialKind,
    Medium,
    Necessity,
    SourceChannel,
    Step,
    TimeLimit,
    TimeUnit,
)
from counter.catalog.remedies import Remedy, RemedyKind, ReviewBody
from tests.catalog.platform_writer import write_platform_workbook

SAMPLE = Path(__file__).parent / "data" / "platform-two-bundles.xlsx"
REGISTRATION_BASIS = "《市场主体登记管理条例》第三条、第十六条"
LICENCE_REMEDY = Remedy(
    RemedyKind.REVIEW_OR_SUIT,
    "《中华人民共和国行政复议法》第十一条第三项、第二十四条第一款第一项",
    ReviewBody.GOVERNMENT,
)


def _days(value: int, unit: TimeUnit = TimeUnit.WORKING_DAY) -> TimeLimit:
    return TimeLimit(value, unit)


def _registration(code: str) -> Item:
    return Item(
        code=code,
        basic_code="000201001",
        name="个体工商户设立登记",
        sub_item="个体工商户设立登记",
        item_type=ItemType.LICENSING,
        case_kind=CaseKind.PROMISED,
        department="{place}市场监督管理局",
        legal_basis=REGISTRATION_BASIS,
        conditions=("名称、经营范围、经营场所符合《市场主体登记管理条例》规定", "申请材料齐全、符合法定形式"),
        legal_limit=_days(3),
        promised_limit=_days(1),
        fee=Fee(Decimal("0"), "不收费"),
        result="营业执照",
        level=AdminLevel.COUNTY,
        entrusted=True,
        remedy=LICENCE_REMEDY,
    )


def _id_card(code: str, item_codes: tuple[str, ...]) -> Material:
    return Material(
        code=code,
        name="经营者居民身份证",
        items=item_codes,
        when=(),
        kind=MaterialKind.CERTIFICATE,
        copy_form=CopyForm.ORIGINAL_AND_COPY,
        medium=Medium.PAPER,
        originals=1,
        copies=1,
        paper_size="A4",
        source=SourceChannel.GOVERNMENT,
        issuer="公安机关",
        necessity=Necessity.REQUIRED,
        legal_basis="《中华人民共和国居民身份证法》第十四条",
        requirement="原件核验后退还，复印件正反面印在同一页",
    )


def _application(code: str, item_codes: tuple[str, ...], name: str, form: str) -> Material:
    return Material(
        code=code,
        name=name,
        items=item_codes,
        when=(),
        kind=MaterialKind.FORM,
        copy_form=CopyForm.ORIGINAL,
        medium=Medium.PAPER_OR_ELECTRONIC,
        originals=1,
        copies=0,
        paper_size="A4",
        source=SourceChannel.APPLICANT,
        issuer="申请人",
        necessity=Necessity.REQUIRED,
        legal_basis=REGISTRATION_BASIS,
        requirement="经营者本人签字",
        blank_form=f"{form}（空白）",
        sample_form=f"{form}（示范样表）",
    )


def _steps() -> tuple[Step, ...]:
    return (
        Step("受理", _days(0), "受理凭证", "综合窗口一次收取全部材料，当场出具受理凭证"),
        Step("审核与发证", _days(2), "营业执照", "各部门并联审核，结果由综合窗口统一送达"),
    )


def restaurant() -> Bundle:
    a, b = "TEST-008-01", "TEST-008-02"
    return Bundle(
        code="XAM-YJS-008",
        number=8,
        name="我要开小餐馆（50平方米以下）",
        status=GuideStatus.DRAFT,
        sample=False,
        summary="一次申请，同时办理个体工商户设立登记和小餐饮店登记。",
        service_objects=("自然人", "非法人企业"),
        conditions=("经营场所使用面积在50平方米以下",),
        forms=("窗口办理", "网上办理"),
        visits=1,
        visits_reason="领取证照时核验身份证件原件",
        promised_limit=_days(3),
        result="营业执照、小餐饮店登记证",
        steps=_steps(),
        items=(
            _registration(a),
            Item(
                code=b,
                basic_code="000201004",
                name="小餐饮店登记",
                sub_item="小餐饮店登记",
                item_type=ItemType.LICENSING,
                case_kind=CaseKind.PROMISED,
                department="{place}市场监督管理局",
                legal_basis="《内蒙古自治区食品小作坊小餐饮店小食杂店和食品摊贩管理条例》第二十二条",
                conditions=("有与经营的食品品种相适应的经营场所",),
                legal_limit=_days(15),
                promised_limit=_days(3),
                fee=Fee(Decimal("0"), "不收费"),
                result="小餐饮店登记证",
                level=AdminLevel.COUNTY,
                entrusted=True,
                remedy=LICENCE_REMEDY,
            ),
        ),
        materials=(
            _id_card("M01", (a, b)),
            _application("M02", (a,), "个体工商户登记（备案）申请书", "个体工商户登记（备案）申请书"),
            Material(
                code="M03",
                name="从业人员健康证明",
                items=(b,),
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
                deferral_limit=_days(3),
            ),
        ),
    )


def barber() -> Bundle:
    a, b = "TEST-011-01", "TEST-011-02"
    return Bundle(
        code="XAM-YJS-011",
        number=11,
        name="我要开理发店",
        status=GuideStatus.DRAFT,
        sample=False,
        service_objects=("自然人", "企业法人", "非法人企业"),
        conditions=("有固定的室内经营场所", "从业人员持有效健康合格证明"),
        forms=("窗口办理",),
        visits=0,
        promised_limit=_days(5),
        result="营业执照、公共场所卫生许可证",
        steps=_steps(),
        items=(
            _registration(a),
            Item(
                code=b,
                basic_code="000117001",
                name="公共场所卫生许可",
                sub_item="公共场所卫生许可（美容美发场所）",
                item_type=ItemType.LICENSING,
                case_kind=CaseKind.PROMISED,
                department="{place}卫生健康委员会",
                legal_basis="《公共场所卫生管理条例》第四条、第八条",
                conditions=("设有公共用品用具清洗、消毒、保洁设施",),
                legal_limit=_days(20),
                promised_limit=_days(5),
                fee=Fee(Decimal("0"), "不收费"),
                result="公共场所卫生许可证",
                level=AdminLevel.COUNTY,
                entrusted=True,
                remedy=LICENCE_REMEDY,
            ),
        ),
        materials=(
            _id_card("M01", (a, b)),
            _application("M02", (b,), "公共场所卫生许可申请书", "公共场所卫生许可申请书"),
        ),
    )


def bundles() -> tuple[Bundle, ...]:
    return restaurant(), barber()


def main() -> int:
    write_platform_workbook(SAMPLE, bundles())
    print(SAMPLE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
