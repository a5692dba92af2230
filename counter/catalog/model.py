"""The catalog as plain data: bundle → items, situations and materials.

A guide (办事指南) is published per bundle and versioned; a case keeps the exact
version it was taken under, so everything here is frozen and hashable.

Materials hang off the bundle, not off one item: the window takes "一套材料" once for
the whole bundle, and a material names the items it serves.  That is also how the
deferral rule is checked: a deferrable material may not be due later than the
promised limit of any item it serves.

The enum values are the stable codes stored in files and the database; the
national numeric codes of GB/T 39046 are kept beside them where they exist.
Chinese labels live in the faces' words (:mod:`counter.words.catalog`), never here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from counter.catalog.departments import AdminLevel
from counter.catalog.guide_status import GuideStatus as GuideStatus  # noqa: PLC0414 -- re-exported: the model's users name it from here
from counter.catalog.remedies import Remedy


class TimeUnit(StrEnum):
    WORKING_DAY = "working_day"
    CALENDAR_DAY = "calendar_day"


@dataclass(frozen=True, slots=True)
class TimeLimit:
    value: int
    unit: TimeUnit

    def fits_within(self, other: TimeLimit) -> bool:
        """Whether this period surely ends no later than ``other`` when both start together.

        A calendar day is never longer than a working day.  Working days against
        calendar days need a real calendar; without one, count whole weeks of five
        working days and add the longest public holiday (eight days), which is the
        safe bound.
        """
        if self.unit == other.unit or self.unit is TimeUnit.CALENDAR_DAY:
            return self.value <= other.value
        weeks = -(-self.value // 5)
        return weeks * 7 + 8 <= other.value


class Necessity(StrEnum):
    """材料必要性 (GB/T 39046: 1 必要, 2 非必要, 3 容缺后补)."""

    REQUIRED = "required"
    OPTIONAL = "optional"
    DEFERRABLE = "deferrable"


class MaterialKind(StrEnum):
    """材料类型: 1 证件证书证明, 2 申请表格文书, 3 其他."""

    CERTIFICATE = "certificate"
    FORM = "form"
    OTHER = "other"


class LicenceFloor(StrEnum):
    """The lowest 可信等级 (国办函〔2016〕108号) an 电子证照 may have to stand for a material: A 实施机构产生的证照批文,
    B 窗口核验通过的, C 用户自行上传的 (taken once a clerk checked the original: it is then B), D 用户自制材料 (on the
    applicant's pledge, which the intake does not record: the window takes no D-level entry, whatever the floor).
    A floor of B takes A, B and C checked at the window; of A, only A."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


class CopyForm(StrEnum):
    """原件 / 复印件 / 原件和复印件."""

    ORIGINAL = "original"
    COPY = "copy"
    ORIGINAL_AND_COPY = "original_and_copy"


class Medium(StrEnum):
    """材料形式: 1 纸质, 2 电子化, 3 纸质或电子化."""

    PAPER = "paper"
    ELECTRONIC = "electronic"
    PAPER_OR_ELECTRONIC = "paper_or_electronic"


class SourceChannel(StrEnum):
    """来源渠道: 申请人自备 / 政府部门核发 / 其他."""

    APPLICANT = "applicant"
    GOVERNMENT = "government"
    OTHER = "other"


class ItemType(StrEnum):
    """事项类型, by its national two-digit code."""

    LICENSING = "01"
    PENALTY = "02"
    COERCION = "03"
    LEVY = "04"
    BENEFIT = "05"
    INSPECTION = "06"
    CONFIRMATION = "07"
    REWARD = "08"
    ADJUDICATION = "09"
    OTHER_ADMINISTRATIVE = "10"
    PUBLIC_SERVICE = "20"


class CaseKind(StrEnum):
    """办件类型: 1 即办件 (done at once), 2 承诺件 (done by a promised date)."""

    IMMEDIATE = "1"
    PROMISED = "2"


#: 服务对象 (seed 001 第九条, second paragraph) by the national platform's code: the values a guide may name.
#: The 政务服务 platform's exchange fields (服务对象, 申请人类型) code them 1 自然人, 2 企业法人, 3 事业法人,
#: 4 社会组织法人, 5 非法人企业, 6 行政机关, 9 其他组织; 事业单位法人 is the 民法典 (第八十八条) name of
#: code 3, and both spellings read.
SERVICE_OBJECTS: dict[str, int] = {
    "自然人": 1,
    "企业法人": 2,
    "事业单位法人": 3,
    "事业法人": 3,
    "社会组织法人": 4,
    "非法人企业": 5,
    "行政机关": 6,
    "其他组织": 9,
}


@dataclass(frozen=True, slots=True)
class Fee:
    amount: Decimal  # yuan; 0 when free
    basis: str  # 收费依据, or the basis for charging nothing


@dataclass(frozen=True, slots=True)
class Intermediary:
    """中介服务 with the legal basis that makes it necessary (checklist item 17)."""

    name: str
    basis: str


@dataclass(frozen=True, slots=True)
class Address:
    """办理地点: street, number, room and the desk (checklist item 14)."""

    street: str
    number: str
    room: str
    desk_no: str

    def one_line(self) -> str:
        return f"{self.street}{self.number}{self.room}{self.desk_no}"


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """One line of the weekly schedule, e.g. 星期一至星期五 08:30-11:30 14:30-17:30."""

    days: str
    periods: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    """办理流程 step with its own time limit and result (checklist item 21)."""

    name: str
    limit: TimeLimit | None
    result: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class NoticePledge:
    """告知承诺 of an item: decided on the spot on the applicant's written promise, and checked after.

    《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）: the deciding body
    tells the 事项, its 条件, the 材料, what is promised and what a false promise brings, in writing; decides on the
    promise; checks it within a set period (核查); a licence got by a false promise is revoked (行政许可法 第六十九条
    第二款).  The catalog gives what is promised, the check's period and their source; the conditions and materials
    are the item's own in its guide.
    """

    promise: str  # 承诺内容, in the applicant's voice
    check_within: TimeLimit | None  # 核查 within this limit of the decision
    basis: str  # where the 告知承诺 way and its 核查 period are set
    # where the item's own law orders a correction within a period before a promise found false is revoked (消防法
    # 第五十八条第二款 for the 消防 检查); "" where it provides none and the revocation follows the hearing
    correction: str = ""
    # the answer by which the applicant chooses the 告知承诺 way ("situation.option"), the ordinary procedure being
    # the other answers; "": the item offers no choice (every applicant of the bundle is taken on a promise)
    chosen: str = ""
    # the shortest period, in working days from the paper's service, the deciding body gives the applicant to correct
    # or to be heard (counter.case.pledge_steps); None: the default argued in docs/notice-wording.md
    period_floor: int | None = None

    def chosen_in(self, answers: Mapping[str, str]) -> bool:
        """Whether the applicant, answering ``answers``, chose the 告知承诺 way."""
        if not self.chosen:
            return True
        situation, _, option = self.chosen.partition(".")
        return answers.get(situation) == option


@dataclass(frozen=True, slots=True)
class Item:
    """事项: one department's matter inside a bundle."""

    code: str  # 实施编码, at most 24 characters
    basic_code: str  # 基本编码, at most 10 characters
    name: str
    sub_item: str  # 子项名称; the item name again when it has no sub-items
    item_type: ItemType | None
    case_kind: CaseKind | None
    department: str  # 实施主体: its name, "{place}" standing for the place of ``level`` (see catalog.departments)
    legal_basis: str
    conditions: tuple[str, ...]  # 受理条件
    legal_limit: TimeLimit | None
    promised_limit: TimeLimit | None
    fee: Fee | None
    result: str  # 办理结果
    intermediaries: tuple[Intermediary, ...] = ()
    level: AdminLevel | None = None  # the department's administrative level: fills in its place
    vertical: bool = False  # vertically led (行政复议法 第二十七条) though its name does not say so
    entrusted: bool = False  # the hall accepts on the department's behalf (seed 001 第三十二条 委托受理)
    # 直接关系公共安全、人身健康、生命财产安全: a licence obtained by false materials bars a new application
    # for one year (行政许可法 第七十八条); the catalog's judgment, read only for 行政许可 items
    public_safety: bool = False
    remedy: Remedy | None = None  # 权利救济: how its decision is contested, before whom (counter.catalog.remedies)
    # where the statutory limit (法定办结时限) is set: the article, as 《…》第…条; a limit without it is the
    # catalog's claim, which a department must confirm (counter.catalog.limits)
    limit_basis: str = ""
    # no law or regulation sets a limit (法律法规未规定): the guide says so instead of borrowing one, and the
    # promise is the only time the applicant is given
    no_legal_limit: bool = False
    when: tuple[str, ...] = ()  # "situation.option" conditions, as a material's: applied for only in these cases
    # the 证照 its 准予 issues (营业执照, 食品经营许可证 …): reported upward as 电子证照 data once granted
    # (counter.platform.events.PlatformKind.LICENCE_ISSUED); "" for an item whose result is no licence
    licence: str = ""
    # 告知承诺 (国办发〔2020〕42号): decided on the spot on a written promise, checked after
    # (NoticePledge)
    pledge: NoticePledge | None = None

    def applies(self, answers: Mapping[str, str]) -> bool:
        """Whether a case with these answers applies for this item (:meth:`Material.applies`' rule)."""
        return _holds(self.when, answers)


@dataclass(frozen=True, slots=True)
class Option:
    code: str
    label: str


@dataclass(frozen=True, slots=True)
class Situation:
    """情形: a question whose answer changes the material list."""

    code: str
    question: str
    options: tuple[Option, ...]

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)


class SubjectFieldKind(StrEnum):
    """What a subject field holds, and so how the intake checks and keeps it (:mod:`counter.intake.subject`)."""

    PERSON_NAME = "person_name"  # a person's 姓名: the desk's name rules, its 间隔号 as the ID card writes it
    TEXT = "text"  # one line of free text (an address, a place)
    CHOICE = "choice"  # one of the field's options (性别: 男 / 女)
    PAST_DATE = "past_date"  # a day, never after the day of intake (出生日期)
    COUNT = "count"  # a whole number of people or things, at least 1 (家庭成员人数)
    BIRTH_CERTIFICATE_NO = "birth_certificate_no"  # 出生医学证明编号: one Latin letter and nine digits


@dataclass(frozen=True, slots=True)
class SubjectField:
    """One fact of the bundle's subject asked at the window: the baby's 出生日期, the household's 户主."""

    code: str
    label: str  # as printed on the case's papers: 新生儿姓名, 户主姓名
    kind: SubjectFieldKind
    options: tuple[Option, ...] = ()  # a choice's, in the order offered
    required: bool = True

    def shown(self, value: str) -> str:
        """The value as people read it: a choice's label for its code."""
        return next((o.label for o in self.options if o.code == value), value)


@dataclass(frozen=True, slots=True)
class Subject:
    """Whom or what the bundle is about when that is not the applicant: the newborn of 052, the household of 078.

    The applicant is the parent, or the head of household; the departments register the child, or assess the
    household, so the case keeps those facts too, asked once at the window.
    """

    title: str  # the intake's heading for the fields: 新生儿, 申请家庭
    fields: tuple[SubjectField, ...]

    def field(self, code: str) -> SubjectField | None:
        return next((f for f in self.fields if f.code == code), None)


@dataclass(frozen=True, slots=True)
class FormField:
    """One box of an application form: its printed label and what the 示范样表 writes in it.

    The 24-point checklist (兴署办发〔2021〕8 号, 附件 items 23-24) wants every form the applicant fills
    offered blank and as a filled sample; with its boxes in the catalog both are printed at the window.
    """

    label: str
    sample: str = ""


@dataclass(frozen=True, slots=True)
class Material:
    code: str
    name: str
    items: tuple[str, ...]  # codes of the items this material serves
    when: tuple[str, ...]  # "situation.option" conditions; empty = every case
    kind: MaterialKind | None
    copy_form: CopyForm | None
    medium: Medium | None
    originals: int  # 原件份数
    copies: int  # 复印件份数
    paper_size: str  # A4, A3, or "" for electronic-only material
    source: SourceChannel | None
    issuer: str  # 来源 / 出具单位 (checklist item 18)
    necessity: Necessity
    legal_basis: str
    requirement: str  # what it must satisfy, printed on a correction notice
    shared: bool = False  # fetched by data sharing: confirmed, never demanded
    blank_form: str = ""  # 空白表格 (forms only)
    sample_form: str = ""  # 示例样表 (forms only)
    deferral_limit: TimeLimit | None = None  # for deferrable materials
    intermediary: str = ""  # kind of body that issues it, if an intermediary
    fields: tuple[FormField, ...] = ()  # the form's boxes, in order (forms only); empty: not in the catalog
    # who prescribes the form's format (forms only), e.g. 国家市场监督管理总局: its boxes are that form's, and no
    # paper of the window stands in for it; empty: a local form, its boxes from the guide
    prescribed_by: str = ""
    # the lowest trust level of an 电子证照 taken for it (None: any level, each with the window's step for it)
    licence_floor: LicenceFloor | None = None

    def applies(self, answers: Mapping[str, str]) -> bool:
        """Whether this material is needed for the given situation answers.

        Conditions on the same situation are alternatives; conditions on different
        situations must all hold.  A situation left unanswered keeps the material
        in the list, so nothing is dropped before the clerk has asked.
        """
        return _holds(self.when, answers)


def _holds(when: tuple[str, ...], answers: Mapping[str, str]) -> bool:
    """Whether conditions hold for these answers: empty always; each situation answered one of its options, or not
    answered yet."""
    if not when:
        return True
    return all(answers.get(situation) is None or answers[situation] in options for situation, options in _wanted(when))


@functools.lru_cache(maxsize=4096)
def _wanted(when: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    """A material's conditions grouped by situation, each with the options that satisfy it.

    Worked out once per set of conditions: every intake asks each of its bundle's materials three times (the
    checklist checked, the decision, the list of what is missing), and a bundle's conditions never change.
    """
    wanted: dict[str, set[str]] = {}
    for condition in when:
        situation, _, option = condition.partition(".")
        wanted.setdefault(situation, set()).add(option)
    return tuple((situation, frozenset(options)) for situation, options in wanted.items())


_OUTPUT_SPLIT = re.compile(r"[；;、，,]")
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")  # 完税凭证（电子）: the medium, not another paper


def _bare(name: str) -> str:
    return _TRAILING_NOTE.sub("", name.strip()).strip()


def output_names(result: str) -> frozenset[str]:
    """The papers an item's 办理结果 names: "涉税信息确认结果；发票票种核定结果" → both, a medium note dropped."""
    return frozenset(_bare(part) for part in _OUTPUT_SPLIT.split(result) if part.strip())


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two materials' conditions can hold in one case: no situation answered two exclusive ways."""
    wanted_a, wanted_b = dict(_wanted(a)), dict(_wanted(b))
    return all(wanted_a[s] & wanted_b[s] for s in wanted_a.keys() & wanted_b.keys())


@dataclass(frozen=True, slots=True)
class Bundle:
    """一件事 and its guide.  An unpublished bundle carries only its identity."""

    code: str
    number: int  # position in the league's list of 103
    name: str
    status: GuideStatus
    sample: bool  # a realistic sample until the official 实施清单 replaces it
    keywords: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # what people call the bundle: 开饭店 for 我要开小餐馆
    #: the bundle's name in Mongolian script, where the catalog gives one: a Mongolian pad shows it instead of the
    #: Chinese name; "" none (the pad then says the name is given in Chinese)
    name_mn: str = ""
    summary: str = ""
    service_objects: tuple[str, ...] = ()  # 服务对象 (seed 001 第九条): 自然人, 企业法人 …
    conditions: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()  # 办理形式
    address: Address | None = None
    hours: tuple[OpeningHours, ...] = ()
    consult_phone: str = ""
    complaint_phone: str = ""
    visits: int | None = None
    visits_reason: str = ""
    promised_limit: TimeLimit | None = None
    result: str = ""
    steps: tuple[Step, ...] = ()
    items: tuple[Item, ...] = ()
    situations: tuple[Situation, ...] = ()
    materials: tuple[Material, ...] = field(default=())
    subject: Subject | None = None  # the subject fields the intake asks; None: the applicant is the subject

    @property
    def published(self) -> bool:
        return self.status is GuideStatus.PUBLISHED

    @property
    def has_guide(self) -> bool:
        """Whether the bundle carries a whole guide (published or 待核), which the validator checks in full."""
        return self.status in (GuideStatus.PUBLISHED, GuideStatus.DRAFT)

    def item(self, code: str) -> Item | None:
        return next((i for i in self.items if i.code == code), None)

    def items_for(self, answers: Mapping[str, str]) -> tuple[Item, ...]:
        """The items a case with these answers applies for, in the guide's order (each item's ``when``)."""
        return tuple(item for item in self.items if item.applies(answers))

    def for_case(self, answers: Mapping[str, str]) -> Bundle:
        """The guide as one case with these answers reads it: only the items it applies for.

        A case keeps its answers and its guide version, both never changed, so its items are the same whenever its
        papers, queues and figures are made again, whatever later versions of the guide say.  Materials stay whole:
        :meth:`materials_for` chooses among them.
        """
        items = self.items_for(answers)
        return self if len(items) == len(self.items) else replace(self, items=items)

    def materials_for(self, answers: Mapping[str, str]) -> tuple[Material, ...]:
        """The materials of a case with these answers; one its own items produce is never 免提交 (:meth:`fetched`).

        A material serves the case only if one of the items it serves is applied for: the answers that leave out an
        item leave out what it alone needs, even where the material's own ``when`` forgot to say so.
        """
        applied = {item.code for item in self.items_for(answers)}
        chosen = (m for m in self.materials if m.applies(answers) and (not m.items or applied.intersection(m.items)))
        return tuple(replace(m, shared=False) if m.shared and not self.fetched(m, answers) else m for m in chosen)

    def producers(self, material: Material, answers: Mapping[str, str]) -> tuple[Item, ...]:
        """The items of a case with these answers whose 办理结果 is this material: the case makes it itself.

        An item is in the case unless the answers rule out every material that serves it alone (居住证申领 is
        not applied for by who already has a 居住证); an item whose own result the material is also an input of
        (the seller's 不动产权证书 to a 转移登记 that issues the buyer's) does not count.
        """
        name = _bare(material.name)
        return tuple(
            item
            for item in self.items
            if item.code not in material.items
            and item.applies(answers)
            and name in output_names(item.result)
            and self._applied_with(item, material, answers)
        )

    def fetched(self, material: Material, answers: Mapping[str, str] | None = None) -> bool:
        """免提交 (第十条: fetched by data sharing) in a case with these answers, or in the material's own situation.

        Not when the case's own items produce it: the 营业执照 a 设立登记 of the same bundle issues is in no
        licence library at intake, it is passed on inside the case once issued.
        """
        return material.shared and not self.producers(material, answers or {})

    def _applied_with(self, item: Item, material: Material, answers: Mapping[str, str]) -> bool:
        own = [m for m in self.materials if m.items == (item.code,)]
        return not own or any(m.applies(dict(answers)) and _compatible(m.when, material.when) for m in own)
