"""A small-restaurant bundle, a weekend-only calendar and hypothesis strategies for intake tests.

The calendar skips Saturdays and Sundays and knows no holidays: the real working-day
calendar is tested on its own; here only the order of dates matters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from hypothesis import strategies as st

from counter.catalog.model import (
    Bundle,
    CopyForm,
    GuideStatus,
    Item,
    ItemType,
    Material,
    MaterialKind,
    Medium,
    Necessity,
    Option,
    Situation,
    SourceChannel,
    TimeLimit,
    TimeUnit,
)
from counter.intake.checklist import Checklist, Receipt, ReceivedMedium, answer, record, start_checklist
from counter.intake.outcome import DeferralRequest

WD = TimeUnit.WORKING_DAY
CD = TimeUnit.CALENDAR_DAY
DATA_UNTIL = dt.date(2026, 12, 31)


@dataclass(frozen=True, slots=True)
class FakeDate:
    date: dt.date
    beyond_data: bool


class WeekendCalendar:
    """Working days are Monday to Friday; dates after 2026 count as beyond the data."""

    def deadline(self, start: dt.date, limit: TimeLimit) -> FakeDate:
        if limit.unit is CD:
            end = start + dt.timedelta(days=limit.value)
        else:
            end, left = start, limit.value
            while left:
                end += dt.timedelta(days=1)
                if end.weekday() < 5:
                    left -= 1
        return FakeDate(end, end > DATA_UNTIL)


CALENDAR = WeekendCalendar()
TODAY = dt.date(2025, 3, 6)  # a Thursday


def item(code: str, name: str, promised: TimeLimit | None, legal: TimeLimit | None = None) -> Item:
    return Item(
        code=code,
        basic_code=code[:10],
        name=name,
        sub_item=name,
        item_type=ItemType.LICENSING,
        case_kind=None,
        department="兴安盟市场监督管理局",
        legal_basis="《中华人民共和国行政许可法》",
        conditions=(),
        legal_limit=legal,
        promised_limit=promised,
        fee=None,
        result="",
    )


def material(
    code: str,
    name: str,
    necessity: Necessity,
    *,
    items: tuple[str, ...] = (),
    when: tuple[str, ...] = (),
    shared: bool = False,
    deferral: TimeLimit | None = None,
    originals: int = 1,
    copies: int = 0,
    medium: Medium | None = Medium.PAPER,
) -> Material:
    return Material(
        code=code,
        name=name,
        items=items,
        when=when,
        kind=MaterialKind.OTHER,
        copy_form=CopyForm.ORIGINAL,
        medium=medium,
        originals=originals,
        copies=copies,
        paper_size="A4",
        source=SourceChannel.APPLICANT,
        issuer="申请人",
        necessity=necessity,
        legal_basis="《食品安全法》",
        requirement=f"{name}须真实有效",
        shared=shared,
        deferral_limit=deferral,
    )


REQ, OPT, DEF = Necessity.REQUIRED, Necessity.OPTIONAL, Necessity.DEFERRABLE

RESTAURANT = Bundle(
    code="XCY",
    number=1,
    name="我要开小餐馆（50平方米以下）",
    status=GuideStatus.PUBLISHED,
    sample=True,
    items=(
        item("REG", "个体工商户设立登记", TimeLimit(1, WD), TimeLimit(15, WD)),
        item("XCY", "小餐饮店登记", TimeLimit(5, WD), TimeLimit(20, WD)),
        item("HJ", "环境影响登记表备案", None, TimeLimit(10, CD)),
    ),
    situations=(
        Situation("operator", "个体户还是企业?", (Option("individual", "个体户"), Option("company", "企业"))),
        Situation("agent", "是否委托代办?", (Option("yes", "是"), Option("no", "否"))),
    ),
    materials=(
        material("application", "小餐饮店登记申请表", REQ, items=("REG", "XCY")),
        material("id_card", "经营者身份证件", REQ, items=("REG",), shared=True),
        material("premises", "经营场所使用证明", REQ, items=("REG", "XCY"), copies=1),
        material("floor_plan", "经营场所平面布局图", REQ, items=("XCY",), medium=Medium.PAPER_OR_ELECTRONIC),
        material(
            "health",
            "从业人员健康证明",
            DEF,
            items=("XCY",),
            deferral=TimeLimit(3, WD),
            originals=0,
            copies=1,
        ),
        material("rules", "食品安全管理制度", DEF, items=("XCY", "HJ"), deferral=TimeLimit(7, WD)),
        material("authorisation", "授权委托书", REQ, items=("REG",), when=("agent.yes",)),
        material("articles", "公司章程", REQ, items=("REG",), when=("operator.company",)),
        material("sign_design", "户外招牌设计效果图", OPT),
    ),
)
INDIVIDUAL_NO_AGENT = {"operator": "individual", "agent": "no"}


def record_as(checklist: Checklist, bundle: Bundle, code: str, receipt: Receipt) -> Checklist:
    """Record ``receipt`` for ``code`` with details that raise no checklist problem."""
    m = next(x for x in bundle.materials if x.code == code)
    if receipt is Receipt.RECEIVED and m.medium is Medium.ELECTRONIC:
        return record(checklist, code, receipt, medium=ReceivedMedium.ELECTRONIC)
    if receipt is Receipt.RECEIVED:
        return record(checklist, code, receipt, medium=ReceivedMedium.PAPER, originals=m.originals, copies=m.copies)
    if receipt is Receipt.DEFECTIVE:
        return record(checklist, code, receipt, medium=ReceivedMedium.PAPER, copies=1, defect_note="复印件字迹不清")
    return record(checklist, code, receipt)


def everything_received(bundle: Bundle = RESTAURANT) -> Checklist:
    checklist = start_checklist(bundle, INDIVIDUAL_NO_AGENT, guide_version=3)
    for entry in checklist.entries:
        m = next(x for x in bundle.materials if x.code == entry.code)
        if m.necessity is OPT:
            continue
        receipt = Receipt.SHARED_CONFIRMED if m.shared else Receipt.RECEIVED
        checklist = record_as(checklist, bundle, entry.code, receipt)
    return checklist


# --- hypothesis strategies ------------------------------------------------------------

limits = st.builds(TimeLimit, st.integers(0, 25), st.sampled_from(TimeUnit))
RECORDED = (Receipt.RECEIVED, Receipt.DEFECTIVE, Receipt.MISSING, Receipt.SHARED_CONFIRMED)
# required materials are mostly present, so that deferral (which needs them all) comes up often
RECORDED_REQUIRED = (Receipt.RECEIVED, Receipt.SHARED_CONFIRMED, *RECORDED)


@st.composite
def bundles(draw: st.DrawFn, status: GuideStatus = GuideStatus.PUBLISHED, *, with_deferrable: bool = False) -> Bundle:
    """Random bundles; ``with_deferrable`` makes material m0 deferrable, unshared and always applicable."""
    item_count = draw(st.integers(1, 3))
    items = tuple(
        item(f"I{i}", f"事项{i}", draw(st.none() | limits), draw(st.none() | limits)) for i in range(item_count)
    )
    situation_count = draw(st.integers(0, 2))
    situations = tuple(
        Situation(f"s{i}", f"情形{i}?", (Option("a", "甲"), Option("b", "乙"))) for i in range(situation_count)
    )
    conditions = [f"s{i}.{o}" for i in range(situation_count) for o in ("a", "b")]
    materials = []
    for i in range(draw(st.integers(1, 7))):
        materials.append(
            material(
                f"m{i}",
                f"材料{i}",
                draw(st.sampled_from(Necessity)),
                items=tuple(draw(st.sets(st.sampled_from([x.code for x in items]), max_size=item_count))),
                when=tuple(draw(st.lists(st.sampled_from(conditions), max_size=2))) if conditions else (),
                shared=draw(st.booleans()),
                deferral=draw(st.none() | limits),
                originals=draw(st.integers(0, 2)),
                copies=draw(st.integers(0, 2)),
                medium=draw(st.none() | st.sampled_from(Medium)),
            )
        )
    if with_deferrable:
        materials[0] = replace(materials[0], necessity=Necessity.DEFERRABLE, shared=False, when=())
    return Bundle(
        code="B",
        number=1,
        name="一件事",
        status=status,
        sample=True,
        promised_limit=draw(st.none() | limits),
        items=items,
        situations=situations,
        materials=tuple(materials),
    )


@st.composite
def checklists(draw: st.DrawFn, bundle: Bundle, *, complete: bool = True) -> Checklist:
    """A checklist with consistent lines; when not ``complete`` some lines or answers may be left."""
    checklist = start_checklist(bundle, guide_version="2025-1")
    for situation in bundle.situations:
        if complete or draw(st.booleans()):
            checklist = answer(checklist, bundle, situation.code, draw(st.sampled_from(("a", "b"))))
    necessity = {m.code: m.necessity for m in bundle.materials}
    for entry in checklist.entries:
        if complete or draw(st.booleans()):
            choices = RECORDED_REQUIRED if necessity[entry.code] is Necessity.REQUIRED else RECORDED
            checklist = record_as(checklist, bundle, entry.code, draw(st.sampled_from(choices)))
    return checklist


WILLING = DeferralRequest(no_bad_credit=True, pledge_signed=True)
requests = st.sampled_from((None, WILLING)) | st.builds(DeferralRequest, st.booleans(), st.booleans())


def unpublished(bundle: Bundle) -> Bundle:
    return replace(bundle, status=GuideStatus.UNPUBLISHED)
